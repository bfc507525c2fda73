//! `sluice scan`: scan files or stdin.

use std::process::ExitCode;

/// Arguments of `sluice scan`.
#[derive(Debug, clap::Args)]
pub struct ScanArgs {}

/// Scans the inputs named by `args`.
pub fn run(_args: ScanArgs) -> anyhow::Result<ExitCode> {
    eprintln!("sluice scan: not yet implemented");
    Ok(ExitCode::from(2))
}
