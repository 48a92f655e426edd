//! Commands of the event stage: morphology, POS, event dictionary and coder.
use super::CmdResult;
#[allow(unused_imports)]
use super::dict; // for the stage submodules (`super::dict` from them)

#[path = "events_coder.rs"]
mod coder;
pub use coder::{BuildCameoArgs, EvalEventsArgs};

#[derive(clap::Args)]
pub struct EvalMorphArgs {}
#[derive(clap::Args)]
pub struct EvalPosArgs {}
#[derive(clap::Args)]
pub struct TrainPosArgs {}
#[derive(clap::Args)]
pub struct BuildRootsArgs {}

pub fn eval_morph(_: EvalMorphArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn eval_pos(_: EvalPosArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn eval_events(a: EvalEventsArgs) -> CmdResult {
    coder::eval_events(a)
}
pub fn train_pos(_: TrainPosArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_roots(_: BuildRootsArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn build_cameo(a: BuildCameoArgs) -> CmdResult {
    coder::build_cameo(a)
}
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    coder::dictionaries()
}
