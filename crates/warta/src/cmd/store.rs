use super::CmdResult;

#[derive(clap::Args)]
pub struct IngestArgs {}
#[derive(clap::Args)]
pub struct RecodeArgs {}
#[derive(clap::Args)]
pub struct QueryArgs {}
#[derive(clap::Args)]
pub struct ExportArgs {}
#[derive(clap::Args)]
pub struct StatsArgs {}

pub fn ingest(_: IngestArgs) -> CmdResult {
    anyhow::bail!("the store is not built yet")
}
pub fn recode(_: RecodeArgs) -> CmdResult {
    anyhow::bail!("the store is not built yet")
}
pub fn query(_: QueryArgs) -> CmdResult {
    anyhow::bail!("the store is not built yet")
}
pub fn export(_: ExportArgs) -> CmdResult {
    anyhow::bail!("the store is not built yet")
}
pub fn stats(_: StatsArgs) -> CmdResult {
    anyhow::bail!("the store is not built yet")
}
