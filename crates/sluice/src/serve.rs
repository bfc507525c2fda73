//! `sluice serve`: the screening HTTP gateway.

use std::process::ExitCode;

/// Arguments of `sluice serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {}

/// Runs the gateway until shutdown.
pub fn run(_args: ServeArgs) -> anyhow::Result<ExitCode> {
    eprintln!("sluice serve: not yet implemented");
    Ok(ExitCode::from(2))
}
