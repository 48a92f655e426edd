use super::CmdResult;

#[derive(clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> CmdResult {
    anyhow::bail!("`warta rates` is not built yet")
}
