//! The `sluice` command line: a thin shell over the library crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Every request allocates a few hundred small blocks (headers, futures,
/// findings, buffers of the detector); glibc's allocator spent about 11% of
/// the gateway's instructions on them, mimalloc's thread-local free lists a
/// fraction of that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Screen untrusted payloads: an HTTP gateway and a file/stdin scanner.
#[derive(Parser)]
#[command(name = "sluice", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the screening HTTP gateway (analysis API, reverse proxy, metrics).
    Serve(sluice::serve::ServeArgs),
    /// Scan files or stdin for injection attacks and PII.
    Scan(sluice::scan::ScanArgs),
}

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("sluice: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => sluice::serve::run(args),
        Command::Scan(args) => sluice::scan::run(args),
    }
}
