use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum TrainCommand {}

pub fn run(c: TrainCommand) -> CmdResult {
    match c {}
}
