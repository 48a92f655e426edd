use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum BuildCommand {}

pub fn run(c: BuildCommand) -> CmdResult {
    match c {}
}
