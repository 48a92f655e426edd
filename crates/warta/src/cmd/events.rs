//! Commands of the event stage: morphology, POS, event dictionary and coder.
use super::CmdResult;

#[derive(clap::Args)]
pub struct EvalMorphArgs {}
#[derive(clap::Args)]
pub struct EvalPosArgs {}
#[derive(clap::Args)]
pub struct EvalEventsArgs {}
#[derive(clap::Args)]
pub struct TrainPosArgs {}
#[derive(clap::Args)]
pub struct BuildRootsArgs {}
#[derive(clap::Args)]
pub struct BuildCameoArgs {}

pub fn eval_morph(_: EvalMorphArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn eval_pos(_: EvalPosArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn eval_events(_: EvalEventsArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn train_pos(_: TrainPosArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_roots(_: BuildRootsArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_cameo(_: BuildCameoArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    Vec::new()
}
