use super::CmdResult;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum DictCommand {}

pub fn run(c: DictCommand) -> CmdResult {
    match c {}
}
