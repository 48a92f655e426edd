//! Commands of the numbers-and-time stage: rates, eval time, eval amounts.
use super::CmdResult;

#[derive(clap::Args)]
pub struct EvalTimeArgs {}
#[derive(clap::Args)]
pub struct EvalAmountsArgs {}

pub fn eval_time(_: EvalTimeArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn eval_amounts(_: EvalAmountsArgs) -> CmdResult {
    anyhow::bail!("not built yet")
}
pub fn dictionaries() -> Vec<super::dict::Dictionary> {
    Vec::new()
}
