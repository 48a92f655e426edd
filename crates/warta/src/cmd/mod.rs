//! One module per command (or command family). Each owns its clap arguments.

pub mod annotate;
pub mod bench;
pub mod build_data;
pub mod dict;
pub mod entities;
pub mod eval;
pub mod events;
pub mod numbers;
pub mod rates;
pub mod store;
pub mod train;

use std::process::ExitCode;

/// What every command returns: an exit code, or an error reported at the edge (exit 2).
pub type CmdResult = anyhow::Result<ExitCode>;
