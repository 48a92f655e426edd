//! Commands of the entities stage: train ner, eval ner, build-data countries/places.
use super::CmdResult;

#[derive(clap::Args)]
pub struct EvalNerArgs {}
#[derive(clap::Args)]
pub struct TrainNerArgs {}
#[derive(clap::Args)]
pub struct BuildCountriesArgs {}
#[derive(clap::Args)]
pub struct BuildPlacesArgs {}

pub fn eval_ner(_: EvalNerArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn train_ner(_: TrainNerArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_countries(_: BuildCountriesArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_places(_: BuildPlacesArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    Vec::new()
}
