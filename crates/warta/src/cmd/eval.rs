use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {}

pub fn run(c: EvalCommand) -> CmdResult {
    match c {}
}
