//! Commands of the event stage: morphology, POS, event dictionary and coder.
// Re-exported for the stage submodules, which reach it as `super::dict`.
#[allow(unused_imports)]
use super::dict;
use super::CmdResult;

#[path = "events_morph.rs"]
mod morph;
pub use morph::{BuildRootsArgs, EvalMorphArgs, EvalPosArgs, TrainPosArgs};
#[path = "events_coder.rs"]
mod coder;
pub use coder::{BuildCameoArgs, EvalEventsArgs};

pub fn eval_morph(a: EvalMorphArgs) -> CmdResult {
    morph::eval_morph(a)
}
pub fn eval_pos(a: EvalPosArgs) -> CmdResult {
    morph::eval_pos(a)
}
pub fn eval_events(a: EvalEventsArgs) -> CmdResult {
    coder::eval_events(a)
}
pub fn train_pos(a: TrainPosArgs) -> CmdResult {
    morph::train_pos(a)
}
pub fn build_roots(a: BuildRootsArgs) -> CmdResult {
    morph::build_roots(a)
}
pub fn build_cameo(a: BuildCameoArgs) -> CmdResult {
    coder::build_cameo(a)
}
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    let mut d = morph::dictionaries();
    d.extend(coder::dictionaries());
    d
}
