//! `sluice serve`: the screening HTTP gateway.
//!
//! Settings come from, lowest to highest priority: built-in defaults, the
//! TOML file named by `--config` (or `SLUICE_CONFIG`), `SLUICE_*` environment
//! variables, and command-line flags.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;

use crate::gateway::{
    AppState, ConfigError, GatewayConfig, ListenAddr, LogFormat, Server, locate_in_file,
    parse_duration, parse_size,
};

/// Arguments of `sluice serve`.
#[derive(Debug, Default, clap::Args)]
pub struct ServeArgs {
    /// The flags, boxed so the command enum stays small.
    #[command(flatten)]
    pub flags: Box<ServeFlags>,
}

/// The flags of `sluice serve`; each also reads a `SLUICE_*` variable.
#[derive(Debug, Default, clap::Args)]
pub struct ServeFlags {
    /// TOML configuration file.
    #[arg(long, env = "SLUICE_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "SLUICE_LISTEN", value_name = "HOST:PORT")]
    pub listen: Option<ListenAddr>,
    /// Screen and forward every other request to this upstream (http://HOST:PORT).
    #[arg(long, env = "SLUICE_UPSTREAM", value_name = "URL")]
    pub upstream: Option<String>,
    /// Largest request body, e.g. 10MiB [default: 10MiB].
    #[arg(long, env = "SLUICE_MAX_BODY", value_name = "SIZE", value_parser = parse_size)]
    pub max_body: Option<usize>,
    /// Concurrent client connections [default: 1024].
    #[arg(long, env = "SLUICE_MAX_CONNECTIONS", value_name = "N")]
    pub max_connections: Option<usize>,
    /// Time allowed to send the request head, e.g. 10s [default: 10s].
    #[arg(long, env = "SLUICE_HEADER_READ_TIMEOUT", value_name = "DURATION", value_parser = parse_duration)]
    pub header_read_timeout: Option<Duration>,
    /// Time allowed to send the request body [default: 30s].
    #[arg(long, env = "SLUICE_BODY_READ_TIMEOUT", value_name = "DURATION", value_parser = parse_duration)]
    pub body_read_timeout: Option<Duration>,
    /// Time the upstream may go silent: before its response head, and between
    /// two pieces of its response body [default: 30s].
    #[arg(long, env = "SLUICE_UPSTREAM_TIMEOUT", value_name = "DURATION", value_parser = parse_duration)]
    pub upstream_timeout: Option<Duration>,
    /// Time a connection may stay open with no request in flight [default: 60s].
    #[arg(long, env = "SLUICE_IDLE_TIMEOUT", value_name = "DURATION", value_parser = parse_duration)]
    pub idle_timeout: Option<Duration>,
    /// Time a response may go unread before its connection is closed [default: 30s].
    #[arg(long, env = "SLUICE_WRITE_TIMEOUT", value_name = "DURATION", value_parser = parse_duration)]
    pub write_timeout: Option<Duration>,
    /// Time in-flight requests get to finish after SIGTERM/SIGINT [default: 30s].
    #[arg(long, env = "SLUICE_SHUTDOWN_GRACE", value_name = "DURATION", value_parser = parse_duration)]
    pub shutdown_grace: Option<Duration>,
    /// Requests one client IP may have in flight; 0 for no limit [default: 0].
    #[arg(long, env = "SLUICE_CLIENT_MAX_CONCURRENT", value_name = "N")]
    pub client_max_concurrent: Option<usize>,
    /// Requests per second one client IP may send, sustained; 0 for no limit [default: 0].
    #[arg(long, env = "SLUICE_CLIENT_RATE", value_name = "PER_SEC")]
    pub client_rate: Option<f64>,
    /// Requests one client IP may send in a burst above the rate [default: the rate].
    #[arg(long, env = "SLUICE_CLIENT_BURST", value_name = "N")]
    pub client_burst: Option<u32>,
    /// Extra detection rules file.
    #[arg(long, env = "SLUICE_RULES", value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Log format [default: text].
    #[arg(long, env = "SLUICE_LOG_FORMAT", value_enum)]
    pub log_format: Option<LogFormat>,
    /// Runtime worker threads; 1 runs everything on one thread, 0 one per
    /// CPU [default: 0].
    #[arg(long, env = "SLUICE_WORKERS", value_name = "N", default_value_t = 0)]
    pub workers: usize,
    /// Run every check start runs, print the effective configuration as
    /// TOML and exit (2 if a check fails).
    #[arg(long)]
    pub check_config: bool,
}

impl ServeArgs {
    /// Layers defaults, the config file, the environment and the flags.
    pub fn resolve(&self) -> anyhow::Result<GatewayConfig> {
        self.flags.resolve()
    }
}

impl ServeFlags {
    /// Layers defaults, the config file, the environment and the flags
    /// (clap has already merged the last two: a flag beats its variable).
    pub fn resolve(&self) -> anyhow::Result<GatewayConfig> {
        let mut c = match &self.config {
            Some(path) => GatewayConfig::from_file(path)?,
            None => GatewayConfig::default(),
        };
        if let Some(v) = &self.listen {
            c.listen = v.clone();
        }
        if let Some(v) = &self.upstream {
            c.upstream = Some(v.clone());
        }
        if let Some(v) = self.max_body {
            c.max_body = v;
        }
        if let Some(v) = self.max_connections {
            c.max_connections = v;
        }
        if let Some(v) = self.header_read_timeout {
            c.header_read_timeout = v;
        }
        if let Some(v) = self.body_read_timeout {
            c.body_read_timeout = v;
        }
        if let Some(v) = self.upstream_timeout {
            c.upstream_timeout = v;
        }
        if let Some(v) = self.idle_timeout {
            c.idle_timeout = v;
        }
        if let Some(v) = self.write_timeout {
            c.write_timeout = v;
        }
        if let Some(v) = self.shutdown_grace {
            c.shutdown_grace = v;
        }
        if let Some(v) = self.client_max_concurrent {
            c.client_limit.max_concurrent = v;
        }
        if let Some(v) = self.client_rate {
            c.client_limit.rate = v;
        }
        if let Some(v) = self.client_burst {
            c.client_limit.burst = v;
        }
        if let Some(v) = &self.rules {
            c.rules_file = Some(v.clone());
        }
        if let Some(v) = self.log_format {
            c.log_format = v;
        }
        if let Err(e) = c.validate() {
            return Err(self.locate(e));
        }
        Ok(c)
    }

    /// Says where a value that failed validation came from: the
    /// environment variable, or the file and line; a flag names itself.
    fn locate(&self, e: ConfigError) -> anyhow::Error {
        let ConfigError::Invalid { key, .. } = &e else {
            return e.into();
        };
        let flag = FLAG_KEYS.iter().find(|(k, ..)| k == key);
        if let Some((_, long, var)) = flag {
            if self.overrides(key) {
                let on_command_line = std::env::args()
                    .any(|a| a == format!("--{long}") || a.starts_with(&format!("--{long}=")));
                if !on_command_line && std::env::var_os(var).is_some() {
                    return anyhow::Error::new(e).context(format!("in environment variable {var}"));
                }
                return anyhow::Error::new(e).context(format!("in --{long}"));
            }
        }
        match &self.config {
            Some(path) => locate_in_file(e, path).into(),
            None => e.into(),
        }
    }

    /// Whether a flag or its variable set `key`.
    fn overrides(&self, key: &str) -> bool {
        match key {
            "listen" => self.listen.is_some(),
            "upstream" => self.upstream.is_some(),
            "max_body" => self.max_body.is_some(),
            "max_connections" => self.max_connections.is_some(),
            "header_read_timeout" => self.header_read_timeout.is_some(),
            "body_read_timeout" => self.body_read_timeout.is_some(),
            "upstream_timeout" => self.upstream_timeout.is_some(),
            "idle_timeout" => self.idle_timeout.is_some(),
            "write_timeout" => self.write_timeout.is_some(),
            "shutdown_grace" => self.shutdown_grace.is_some(),
            "client_limit.max_concurrent" => self.client_max_concurrent.is_some(),
            "client_limit.rate" => self.client_rate.is_some(),
            "client_limit.burst" => self.client_burst.is_some(),
            "rules_file" => self.rules.is_some(),
            "log_format" => self.log_format.is_some(),
            _ => false,
        }
    }
}

/// Config keys a flag sets: the key, the flag, its variable.
const FLAG_KEYS: &[(&str, &str, &str)] = &[
    ("listen", "listen", "SLUICE_LISTEN"),
    ("upstream", "upstream", "SLUICE_UPSTREAM"),
    ("max_body", "max-body", "SLUICE_MAX_BODY"),
    (
        "max_connections",
        "max-connections",
        "SLUICE_MAX_CONNECTIONS",
    ),
    (
        "header_read_timeout",
        "header-read-timeout",
        "SLUICE_HEADER_READ_TIMEOUT",
    ),
    (
        "body_read_timeout",
        "body-read-timeout",
        "SLUICE_BODY_READ_TIMEOUT",
    ),
    (
        "upstream_timeout",
        "upstream-timeout",
        "SLUICE_UPSTREAM_TIMEOUT",
    ),
    ("idle_timeout", "idle-timeout", "SLUICE_IDLE_TIMEOUT"),
    ("write_timeout", "write-timeout", "SLUICE_WRITE_TIMEOUT"),
    ("shutdown_grace", "shutdown-grace", "SLUICE_SHUTDOWN_GRACE"),
    (
        "client_limit.max_concurrent",
        "client-max-concurrent",
        "SLUICE_CLIENT_MAX_CONCURRENT",
    ),
    ("client_limit.rate", "client-rate", "SLUICE_CLIENT_RATE"),
    ("client_limit.burst", "client-burst", "SLUICE_CLIENT_BURST"),
    ("rules_file", "rules", "SLUICE_RULES"),
    ("log_format", "log-format", "SLUICE_LOG_FORMAT"),
];

fn init_tracing(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    use std::io::IsTerminal;
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr);
    // A subscriber may already be set by an embedding program: keep it.
    let _ = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
}

/// Resolves when SIGINT or SIGTERM arrives.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}

/// Everything start checks before it binds: the configuration, the rules
/// compiled, the upstream URL, the pool, the listen address resolved.
/// `--check-config` runs the same.
async fn prepare(config: GatewayConfig) -> anyhow::Result<AppState> {
    config.listen.resolve().await?;
    Ok(AppState::new(config)?)
}

/// Runs the gateway until SIGINT/SIGTERM, then drains and returns.
pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = args.resolve()?;
    if args.flags.check_config {
        let text = toml::to_string_pretty(&config).context("cannot print the configuration")?;
        // A configuration that would fail at start fails here too, with the
        // same message.
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .context("cannot start the async runtime")?
            .block_on(async move { prepare(config).await.map(drop) })?;
        print!("{text}");
        return Ok(ExitCode::SUCCESS);
    }
    init_tracing(config.log_format);
    let runtime = match args.flags.workers {
        // One thread: no task ever moves between threads, so a request and
        // its upstream exchange never wait for another thread to wake.
        1 => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
        0 => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build(),
        n => tokio::runtime::Builder::new_multi_thread()
            .worker_threads(n)
            .enable_all()
            .build(),
    }
    .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let state = prepare(config).await?;
        let server = Server::bind(state).await?;
        let addr = server.local_addr()?;
        let upstream = server.state().config().upstream.clone();
        tracing::info!(%addr, upstream = upstream.as_deref().unwrap_or("-"), "sluice gateway listening");
        server.run(shutdown_signal()).await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}
