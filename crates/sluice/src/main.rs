//! The `sluice` command line: a thin shell over the library crates.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, Parser, Subcommand};

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
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => match env_value_error(&e) {
            Some(msg) => {
                eprintln!("sluice: {msg}");
                return Ok(ExitCode::from(2));
            }
            None => e.exit(),
        },
    };
    match cli.command {
        Command::Serve(args) => sluice::serve::run(args),
        Command::Scan(args) => sluice::scan::run(args),
    }
}

/// A bad value that came from an environment variable, not from the flag
/// clap names in its message (`invalid value 'abc' for '--max-body'`): the
/// message names the variable instead, which is what the user has to fix.
fn env_value_error(e: &clap::Error) -> Option<String> {
    if !matches!(
        e.kind(),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation
    ) {
        return None;
    }
    let Some(ContextValue::String(arg)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let long = arg.split_whitespace().next()?.strip_prefix("--")?;
    let given_as_flag =
        std::env::args().any(|a| a == format!("--{long}") || a.starts_with(&format!("--{long}=")));
    if given_as_flag {
        return None;
    }
    let cmd = Cli::command();
    let env = cmd
        .get_subcommands()
        .flat_map(|c| c.get_arguments())
        .find(|a| a.get_long() == Some(long))
        .and_then(|a| a.get_env())?
        .to_string_lossy()
        .into_owned();
    let value = std::env::var_os(&env)?;
    // clap's own text after the argument: the parser's reason.
    let rendered = e.render().to_string();
    let reason = rendered
        .lines()
        .next()
        .and_then(|l| l.split_once(&format!("'{arg}': ")))
        .map_or_else(String::new, |(_, r)| format!(": {r}"));
    Some(format!(
        "invalid value {:?} in environment variable {env} (for --{long}){reason}",
        value.to_string_lossy()
    ))
}
