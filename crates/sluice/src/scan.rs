//! `sluice scan`: scan files or stdin for injection attacks and PII.
//!
//! Three ways to read the input, all streaming in bounded memory:
//! - whole-file (default, and `--json`): the input is scanned in overlapping
//!   windows ([`ScanArgs::window`] bytes, [`ScanArgs::overlap`] shared with the
//!   previous window), so an attack straddling a window boundary is still seen
//!   in full; findings are deduplicated and their offsets made absolute.
//!   A JSON document or NDJSON stream larger than a window is cut between
//!   values instead, and every window is scanned as JSON (its strings, not
//!   its quotes and commas); only a string longer than a window is read as
//!   text;
//! - `--jsonl`: every line is one payload, either a JSON object with a `text`
//!   field (and optionally `id` and `kind`) or a raw line, and every output line
//!   is that payload's verdict (with `--redact`, plus the payload redacted
//!   in a `redacted` field);
//! - `--redact`: the input is printed with its PII replaced and every other
//!   byte as it was (invalid UTF-8, CRLF or LF, a missing final newline);
//!   it is redacted in windows cut where no PII item straddles the cut, so a
//!   line of any length is redacted whole in bounded memory.
//!
//! Binary input (a NUL byte in the first [`BINARY_SNIFF`] bytes, the test
//! ripgrep and git use) is not scanned in the whole-file modes: scanning
//! machine code or images as text only finds chance matches. The whole-file
//! scan reports it as binary and skipped; `--redact` writes nothing for it
//! and reports an error, since passing it through would pass its PII through
//! too. `--binary` (`-a`) scans and redacts it as text. `--jsonl` payloads
//! are scanned whatever they hold. UTF-16 text with a byte-order mark is
//! transcoded to UTF-8 first (offsets then count the UTF-8 text) and
//! `--redact` writes it back as UTF-16.
//!
//! Exit status: 0 clean, 1 a threat was found, 2 an error occurred (an error
//! wins over a threat; the scan goes on past bad lines and unreadable files).

use std::collections::HashSet;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use sluice_detect::{Action, Category, Detector, Finding, InputKind, Severity, Verdict};

/// Lines longer than this are rejected in `--jsonl` mode.
pub const DEFAULT_MAX_LINE: usize = 10 << 20;
/// Whole-file scans and redaction read windows of this many bytes.
pub const DEFAULT_WINDOW: usize = 1 << 20;
/// Bytes each window shares with the previous one.
pub const DEFAULT_OVERLAP: usize = 8 << 10;
/// Inputs at least this large get a progress bar (when stderr is a terminal).
const PROGRESS_MIN_BYTES: u64 = 32 << 20;
/// Findings kept per file for `--json`; the count goes on past it.
const MAX_FINDINGS_KEPT: usize = 10_000;
/// An input with a NUL byte in its first this many bytes is binary.
pub const BINARY_SNIFF: usize = 64 << 10;

/// Where the first NUL byte of `head` is, if within [`BINARY_SNIFF`]: the
/// input is then binary.
fn binary_at(head: &[u8]) -> Option<usize> {
    memchr::memchr(0, &head[..head.len().min(BINARY_SNIFF)])
}

/// Arguments of `sluice scan`.
#[derive(Debug, Clone, clap::Args)]
pub struct ScanArgs {
    /// Files to scan; `-` or none reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// One payload per line (a JSON object with a `text` field, optionally `id`
    /// and `kind`, or a raw line); prints one JSON verdict per line, in order.
    /// With `--redact`, each verdict also carries the payload redacted, as
    /// `redacted`.
    #[arg(long, conflicts_with = "json")]
    pub jsonl: bool,
    /// Print one JSON verdict per input file.
    #[arg(long, conflicts_with = "redact")]
    pub json: bool,
    /// Print the input with PII replaced by `[REDACTED:<kind>]`, every other
    /// byte unchanged; exit status 1 still means a threat was found.
    #[arg(long)]
    pub redact: bool,
    /// A rules file (TOML) adding rules, disabling rules or setting actions.
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Longest line accepted in `--jsonl` mode, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_LINE)]
    pub max_line: usize,
    /// Window size for whole-file scans and redaction, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_WINDOW, hide = true)]
    pub window: usize,
    /// Bytes each window shares with the previous one.
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_OVERLAP, hide = true)]
    pub overlap: usize,
    /// Never show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Scan (and redact) binary input as text instead of skipping it.
    #[arg(short = 'a', long)]
    pub binary: bool,
}

/// What went wrong or right over the whole run; decides the exit status.
#[derive(Debug, Default)]
struct Status {
    threat: bool,
    error: bool,
}

impl Status {
    fn exit_code(&self) -> ExitCode {
        if self.error {
            ExitCode::from(2)
        } else if self.threat {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Scans the inputs named by `args`.
///
/// # Errors
///
/// Only for failures that stop the whole run (a bad rules file, a closed
/// standard output other than a broken pipe); per-file and per-line problems
/// are reported on stderr and turn into exit status 2.
pub fn run(args: ScanArgs) -> anyhow::Result<ExitCode> {
    let detector = match &args.rules {
        // Formatted, not chained: the error's message already ends with its
        // cause, which a chain would print a second time.
        Some(path) => Detector::builder()
            .rules_file(path)
            .build()
            .map_err(|e| anyhow::anyhow!("loading rules from {}: {e}", path.display()))?,
        None => Detector::new(),
    };
    let mut inputs = args.paths.clone();
    if inputs.is_empty() {
        inputs.push(PathBuf::from("-"));
    }
    let show_file = inputs.len() > 1;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut status = Status::default();
    for path in &inputs {
        let name = display_name(path);
        let (reader, len) = match open(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("sluice scan: {name}: {e}");
                status.error = true;
                continue;
            }
        };
        let progress = progress_bar(&args, len, io::stderr().is_terminal());
        let reader = ProgressReader {
            inner: reader,
            bar: progress.clone(),
        };
        let result = decode_input(reader, args.jsonl).and_then(|(utf16, reader)| {
            if args.jsonl {
                scan_jsonl(
                    &detector,
                    &args,
                    &name,
                    show_file,
                    reader,
                    &progress,
                    &mut out,
                    &mut status,
                )
            } else if args.redact {
                match utf16 {
                    // Written back in the input's encoding.
                    Some(order) => {
                        let mut w = Utf16Writer::new(&mut out, order);
                        redact_stream(
                            &detector,
                            &args,
                            &name,
                            reader,
                            &progress,
                            &mut w,
                            &mut status,
                        )
                        .and_then(|()| w.finish())
                    }
                    None => redact_stream(
                        &detector,
                        &args,
                        &name,
                        reader,
                        &progress,
                        &mut out,
                        &mut status,
                    ),
                }
            } else {
                scan_windows(
                    &detector,
                    &args,
                    &name,
                    utf16,
                    reader,
                    &mut out,
                    &mut status,
                )
            }
        });
        if let Some(bar) = progress {
            bar.finish_and_clear();
        }
        if let Err(e) = result {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(status.exit_code());
            }
            eprintln!("sluice scan: {name}: {e}");
            status.error = true;
        }
    }
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            return Err(e).context("writing to standard output");
        }
        _ => {}
    }
    Ok(status.exit_code())
}

fn display_name(path: &std::path::Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn open(path: &std::path::Path) -> io::Result<(Box<dyn Read>, Option<u64>)> {
    if path.as_os_str() == "-" {
        return Ok((Box::new(io::stdin().lock()), stdin_len()));
    }
    let file = File::open(path)?;
    let meta = file.metadata()?;
    if meta.is_dir() {
        return Err(io::Error::other("is a directory"));
    }
    Ok((Box::new(file), meta.is_file().then_some(meta.len())))
}

/// The size of standard input when it is a regular file (`< big.log`), so
/// the progress bar can show a total.
#[cfg(unix)]
fn stdin_len() -> Option<u64> {
    use std::os::fd::AsFd;
    let fd = io::stdin().as_fd().try_clone_to_owned().ok()?;
    let meta = File::from(fd).metadata().ok()?;
    meta.is_file().then_some(meta.len())
}

#[cfg(not(unix))]
fn stdin_len() -> Option<u64> {
    None
}

/// The progress bar for one input, if it gets one: only when stderr is a
/// terminal and `--no-progress` is not given. A file of known size gets a bar
/// when it is at least [`PROGRESS_MIN_BYTES`] long; an input of unknown size
/// (a pipe) gets a byte counter that stays hidden until that many bytes have
/// been read.
fn progress_bar(
    args: &ScanArgs,
    len: Option<u64>,
    stderr_is_terminal: bool,
) -> Option<ProgressBar> {
    if args.no_progress || !stderr_is_terminal {
        return None;
    }
    match len {
        Some(len) if len >= PROGRESS_MIN_BYTES => {
            let bar = ProgressBar::new(len);
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} {bytes}/{total_bytes} {bar:40} {bytes_per_sec} eta {eta}",
            ) {
                bar.set_style(style);
            }
            Some(bar)
        }
        Some(_) => None,
        None => {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{spinner} {bytes} {bytes_per_sec}") {
                bar.set_style(style);
            }
            Some(bar)
        }
    }
}

/// Prints a message on stderr without tearing the progress bar, if any.
fn warn(bar: &Option<ProgressBar>, msg: std::fmt::Arguments<'_>) {
    let print = || eprintln!("sluice scan: {msg}");
    match bar {
        Some(bar) => bar.suspend(print),
        None => print(),
    }
}

/// Counts bytes read into the progress bar, if any, and shows a hidden one
/// once the input has turned out large.
struct ProgressReader<R> {
    inner: R,
    bar: Option<ProgressBar>,
}

impl<R: Read> Read for ProgressReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if let Some(bar) = &self.bar {
            bar.inc(n as u64);
            if bar.length().is_none() && bar.position() >= PROGRESS_MIN_BYTES && bar.is_hidden() {
                bar.set_draw_target(ProgressDrawTarget::stderr());
            }
        }
        Ok(n)
    }
}

// ===== byte-order marks =====

/// The byte order of a UTF-16 input, from its byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Utf16 {
    Le,
    Be,
}

impl Utf16 {
    fn name(self) -> &'static str {
        match self {
            Utf16::Le => "utf-16le",
            Utf16::Be => "utf-16be",
        }
    }
}

/// Looks for a byte-order mark at the start of the input.
///
/// UTF-16 text with a mark (what Windows tools write) is transcoded to UTF-8
/// as it is read, as ripgrep does: read as bytes, every other byte of ASCII
/// text is NUL, so it would be skipped as binary or matched as noise. A
/// UTF-8 mark is dropped in `--jsonl` mode, where it would turn the first
/// line's JSON object into a raw line; elsewhere it is kept, so offsets and
/// redacted output stay byte for byte.
///
/// Reads only as far as a mark could go, so an interactive first line is not
/// held back.
fn decode_input<'a>(
    mut reader: impl Read + 'a,
    jsonl: bool,
) -> io::Result<(Option<Utf16>, Box<dyn Read + 'a>)> {
    let mut head = [0u8; 3];
    let mut n = 0;
    loop {
        let want = match &head[..n] {
            [] => 1,
            [0xFF] | [0xFE] | [0xEF] => 2,
            [0xEF, 0xBB] => 3,
            _ => break,
        };
        match reader.read(&mut head[n..want]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let head = &head[..n];
    let (utf16, mark) = match head {
        [0xFF, 0xFE, ..] => (Some(Utf16::Le), 2),
        [0xFE, 0xFF, ..] => (Some(Utf16::Be), 2),
        [0xEF, 0xBB, 0xBF] if jsonl => (None, 3),
        _ => (None, 0),
    };
    let rest = io::Cursor::new(head[mark..].to_vec()).chain(reader);
    Ok(match utf16 {
        Some(order) => (Some(order), Box::new(Utf16Reader::new(rest, order))),
        None => (None, Box::new(rest)),
    })
}

/// Input read per transcoding step.
const UTF16_CHUNK: usize = 32 << 10;

/// Reads UTF-16 (after its byte-order mark) as UTF-8; unpaired surrogates
/// and an odd final byte become U+FFFD.
struct Utf16Reader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    done: bool,
}

impl<R: Read> Utf16Reader<R> {
    fn new(inner: R, order: Utf16) -> Self {
        let encoding = match order {
            Utf16::Le => encoding_rs::UTF_16LE,
            Utf16::Be => encoding_rs::UTF_16BE,
        };
        Utf16Reader {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            raw: vec![0; UTF16_CHUNK],
            out: Vec::new(),
            pos: 0,
            done: false,
        }
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.out.len() {
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            let n = loop {
                match self.inner.read(&mut self.raw) {
                    Ok(n) => break n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            };
            let last = n == 0;
            self.out.clear();
            self.pos = 0;
            let mut consumed = 0;
            loop {
                let start = self.out.len();
                let room = self
                    .decoder
                    .max_utf8_buffer_length(n - consumed)
                    .unwrap_or(UTF16_CHUNK * 2)
                    .max(16);
                self.out.resize(start + room, 0);
                let (result, read, written, _) = self.decoder.decode_to_utf8(
                    &self.raw[consumed..n],
                    &mut self.out[start..],
                    last,
                );
                consumed += read;
                self.out.truncate(start + written);
                if result == encoding_rs::CoderResult::InputEmpty {
                    break;
                }
            }
            self.done = last;
        }
        let k = buf.len().min(self.out.len() - self.pos);
        buf[..k].copy_from_slice(&self.out[self.pos..self.pos + k]);
        self.pos += k;
        Ok(k)
    }
}

/// Writes UTF-8 as UTF-16 in the given byte order, after a byte-order mark:
/// `--redact` gives UTF-16 input back in its own encoding. A character split
/// between two writes is held until the next; invalid UTF-8 (which the
/// transcoded input never holds) becomes U+FFFD.
struct Utf16Writer<W: Write> {
    inner: W,
    order: Utf16,
    pending: Vec<u8>,
    started: bool,
    units: Vec<u8>,
}

impl<W: Write> Utf16Writer<W> {
    fn new(inner: W, order: Utf16) -> Self {
        Utf16Writer {
            inner,
            order,
            pending: Vec::new(),
            started: false,
            units: Vec::new(),
        }
    }

    fn push(units: &mut Vec<u8>, order: Utf16, s: &str) {
        for u in s.encode_utf16() {
            units.extend_from_slice(&match order {
                Utf16::Le => u.to_le_bytes(),
                Utf16::Be => u.to_be_bytes(),
            });
        }
    }

    /// Writes the mark if nothing was written yet and whatever is pending.
    fn finish(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.units.clear();
            Self::push(&mut self.units, self.order, "\u{FEFF}");
            self.inner.write_all(&self.units)?;
        }
        if !self.pending.is_empty() {
            self.pending.clear();
            self.units.clear();
            Self::push(&mut self.units, self.order, "\u{FFFD}");
            self.inner.write_all(&self.units)?;
        }
        Ok(())
    }
}

impl<W: Write> Write for Utf16Writer<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.units.clear();
        if !self.started {
            self.started = true;
            Self::push(&mut self.units, self.order, "\u{FEFF}");
        }
        self.pending.extend_from_slice(buf);
        let mut rest = &self.pending[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    Self::push(&mut self.units, self.order, s);
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (valid, bad) = rest.split_at(e.valid_up_to());
                    Self::push(
                        &mut self.units,
                        self.order,
                        std::str::from_utf8(valid).unwrap_or_default(),
                    );
                    match e.error_len() {
                        Some(len) => {
                            Self::push(&mut self.units, self.order, "\u{FFFD}");
                            rest = &bad[len..];
                        }
                        // An incomplete character: wait for its end.
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        let keep = rest.len();
        let from = self.pending.len() - keep;
        self.pending.drain(..from);
        self.inner.write_all(&self.units)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

// ===== bounded lines =====

/// One line from [`read_line_bounded`].
#[derive(Debug, PartialEq, Eq)]
enum Line {
    /// End of input; nothing was read.
    Eof,
    /// A line (in the buffer, without its terminator); the flag says whether a
    /// `\n` ended it.
    Complete(bool),
    /// The line was longer than the limit; its bytes were skipped.
    TooLong(usize),
}

/// Reads one line into `buf` (cleared first), holding at most `max` bytes of
/// it in memory; a longer line is consumed and reported as [`Line::TooLong`].
fn read_line_bounded(reader: &mut impl BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<Line> {
    buf.clear();
    let mut len = 0usize;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(if too_long {
                Line::TooLong(len)
            } else if len == 0 {
                Line::Eof
            } else {
                Line::Complete(false)
            });
        }
        let (chunk, found) = match memchr_newline(available) {
            Some(i) => (&available[..i], true),
            None => (available, false),
        };
        len += chunk.len();
        if !too_long {
            if len > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let consumed = chunk.len() + usize::from(found);
        reader.consume(consumed);
        if found {
            if too_long {
                return Ok(Line::TooLong(len));
            }
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(Line::Complete(true));
        }
    }
}

fn memchr_newline(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'\n')
}

// ===== --jsonl =====

#[derive(Serialize)]
struct LineVerdict<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    #[serde(flatten)]
    verdict: &'a Verdict,
    /// The payload with its PII replaced (`--jsonl --redact`).
    #[serde(skip_serializing_if = "Option::is_none")]
    redacted: Option<String>,
}

#[derive(Serialize)]
struct LineError<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a serde_json::Value>,
    error: &'a str,
}

/// A parsed `--jsonl` line.
struct Payload<'a> {
    text: std::borrow::Cow<'a, [u8]>,
    id: Option<serde_json::Value>,
    kind: InputKind,
}

/// An input kind by its name in `--jsonl` lines and batch items.
pub(crate) fn parse_kind(s: &str) -> Option<InputKind> {
    Some(match s {
        "auto" => InputKind::Auto,
        "text" => InputKind::Text,
        "json" => InputKind::Json,
        "form" => InputKind::Form,
        "query" => InputKind::Query,
        "header" => InputKind::Header,
        "path" => InputKind::Path,
        "value" => InputKind::Value,
        _ => return None,
    })
}

/// A line starting with `{` is a JSON object; anything else is a raw payload.
fn parse_payload(line: &[u8]) -> Result<Payload<'_>, (String, Option<serde_json::Value>)> {
    let trimmed = line.trim_ascii_start();
    if !trimmed.starts_with(b"{") {
        return Ok(Payload {
            text: line.into(),
            id: None,
            kind: InputKind::Auto,
        });
    }
    let mut value: serde_json::Value =
        serde_json::from_slice(trimmed).map_err(|e| (format!("invalid JSON: {e}"), None))?;
    let obj = value
        .as_object_mut()
        .ok_or_else(|| ("not a JSON object".to_string(), None))?;
    let id = obj.remove("id");
    let kind = match obj.get("kind") {
        None => InputKind::Auto,
        Some(serde_json::Value::String(k)) => match parse_kind(k) {
            Some(kind) => kind,
            None => {
                return Err((
                    format!(
                        "unknown kind {k:?} (auto, text, json, form, query, header, path or value)"
                    ),
                    id,
                ));
            }
        },
        Some(_) => return Err(("\"kind\" is not a string".to_string(), id)),
    };
    match obj.remove("text") {
        Some(serde_json::Value::String(text)) => Ok(Payload {
            text: text.into_bytes().into(),
            id,
            kind,
        }),
        Some(_) => Err(("\"text\" is not a string".to_string(), id)),
        None => Err(("JSON object without a \"text\" field".to_string(), id)),
    }
}

#[expect(
    clippy::too_many_arguments,
    reason = "the per-input state of `run`, passed down as it is"
)]
fn scan_jsonl(
    detector: &Detector,
    args: &ScanArgs,
    name: &str,
    show_file: bool,
    reader: impl Read,
    bar: &Option<ProgressBar>,
    out: &mut impl Write,
    status: &mut Status,
) -> io::Result<()> {
    let mut reader = BufReader::with_capacity(64 << 10, reader);
    let mut buf = Vec::new();
    let file = show_file.then_some(name);
    let mut line_no = 0u64;
    loop {
        let line = read_line_bounded(&mut reader, &mut buf, args.max_line)?;
        line_no += 1;
        let problem = match line {
            Line::Eof => return Ok(()),
            Line::TooLong(len) => Some((
                format!(
                    "line of {len} bytes is longer than --max-line {}",
                    args.max_line
                ),
                None,
            )),
            Line::Complete(_) if buf.trim_ascii().is_empty() => continue,
            Line::Complete(_) => match parse_payload(&buf) {
                Ok(p) => {
                    let verdict = detector.scan_as(&p.text, p.kind);
                    status.threat |= verdict.threat;
                    let redacted = args.redact.then(|| {
                        String::from_utf8_lossy(&detector.redact_bytes(&p.text).bytes).into_owned()
                    });
                    serde_json::to_writer(
                        &mut *out,
                        &LineVerdict {
                            file,
                            line: line_no,
                            id: p.id.as_ref(),
                            verdict: &verdict,
                            redacted,
                        },
                    )?;
                    out.write_all(b"\n")?;
                    None
                }
                Err(problem) => Some(problem),
            },
        };
        if let Some((msg, id)) = problem {
            warn(bar, format_args!("{name}:{line_no}: {msg}"));
            status.error = true;
            serde_json::to_writer(
                &mut *out,
                &LineError {
                    file,
                    line: line_no,
                    id: id.as_ref(),
                    error: &msg,
                },
            )?;
            out.write_all(b"\n")?;
        }
    }
}

// ===== --redact =====

/// Redaction windows are never smaller than this, so a window always holds
/// a PII item whole.
const MIN_REDACT_WINDOW: usize = 4096;
/// Redaction cut points are chosen with at least this much context.
const MIN_REDACT_OVERLAP: usize = 1024;
/// Candidate cut points tried per window before giving up on a clean cut.
const MAX_CUT_TRIES: usize = 24;

/// Copies `reader` to `out` with every PII span replaced and every other byte
/// unchanged: invalid UTF-8, line terminators and a missing final newline
/// pass through as they are.
///
/// The input is read in windows of [`ScanArgs::window`] bytes. Each window
/// is written up to a cut point that no PII item straddles (see
/// [`clean_cut`]); the bytes after the cut start the next window, so every
/// byte is written exactly once and an item crossing the window's end is
/// redacted whole by the next window. Each window is also scanned for
/// attacks (consecutive windows overlap by at least [`ScanArgs::overlap`]
/// bytes), so the exit status means the same as in the other modes.
fn redact_stream(
    detector: &Detector,
    args: &ScanArgs,
    name: &str,
    mut reader: impl Read,
    bar: &Option<ProgressBar>,
    out: &mut impl Write,
    status: &mut Status,
) -> io::Result<()> {
    let window = args.window.max(MIN_REDACT_WINDOW);
    // Cuts are looked for within `overlap` bytes, with as much context on
    // each side, so it must hold any PII item whole.
    let overlap = args.overlap.clamp(MIN_REDACT_OVERLAP, window / 4);
    let mut buf: Vec<u8> = Vec::with_capacity(window);
    let mut threat = false;
    let mut first = true;
    // For JSON input: the state at `buf[0]`.
    let mut json: Option<JsonState> = None;
    // Stream offset of buf[0], for messages.
    let mut base: u64 = 0;
    loop {
        let eof = match fill(&mut reader, &mut buf, window) {
            Ok((_, eof)) => eof,
            Err(e) => {
                // What was read before the error still goes out, redacted
                // (unless it is binary, which the check below would refuse).
                if !(first && !args.binary && binary_at(&buf).is_some()) {
                    write_redacted(detector, &buf, out)?;
                }
                return Err(e);
            }
        };
        if first && !args.binary {
            if let Some(at) = binary_at(&buf) {
                warn(
                    bar,
                    format_args!(
                        "{name}: binary input (NUL byte at offset {at}); nothing written (--binary to redact it as text)"
                    ),
                );
                status.error = true;
                return Ok(());
            }
        }
        if first && !eof && starts_like_json(&buf) {
            json = Some(JsonState::default());
        }
        // In a JSON input whose window starts between values, a cut between
        // values is tried first: the window up to it is then scanned for
        // attacks as JSON, as in the other modes.
        let json_cut = match json {
            Some(st) if !st.in_string && !eof => {
                let target = buf.len() - overlap;
                st.walk(&buf[..target])
                    .1
                    .filter(|&c| c + overlap >= target && separable(detector, &buf, c, overlap))
            }
            Some(st) if !st.in_string => Some(buf.len()),
            _ => None,
        };
        if !threat && !buf.is_empty() {
            // An input that fits in one window is scanned as what it looks
            // like (JSON, form...), as in the other modes.
            threat = match json_cut {
                Some(c) => detector.scan_as(&buf[..c], InputKind::Json).threat,
                None if first && eof => detector.scan_as(&buf, InputKind::Auto).threat,
                None => detector.scan_as(&buf, InputKind::Text).threat,
            };
        }
        first = false;
        let cut = if eof {
            buf.len()
        } else if let Some(c) = json_cut {
            c
        } else {
            match clean_cut(detector, &buf, buf.len() - overlap, overlap) {
                Ok(cut) => cut,
                Err(cut) => {
                    warn(
                        bar,
                        format_args!(
                            "{name}: no cut point near byte {} leaves every PII item whole; an item there may be only partly redacted",
                            base + cut as u64
                        ),
                    );
                    status.error = true;
                    cut
                }
            }
        };
        write_redacted(detector, &buf[..cut], out)?;
        if eof {
            break;
        }
        if let Some(st) = json.as_mut() {
            *st = st.walk(&buf[..cut]).0;
        }
        buf.drain(..cut);
        base += cut as u64;
    }
    if threat {
        warn(
            bar,
            format_args!("{name}: THREAT (scan without --redact for the findings)"),
        );
        status.threat = true;
    }
    Ok(())
}

/// Writes `bytes` with PII replaced; every other byte (invalid UTF-8, a
/// character split by a window cut) is written unchanged. One detector call
/// for the whole window: binary data makes thousands of short runs of valid
/// UTF-8, and a call per run made redaction of such input crawl.
fn write_redacted(detector: &Detector, bytes: &[u8], out: &mut impl Write) -> io::Result<()> {
    out.write_all(&detector.redact_bytes(bytes).bytes)
}

/// Picks where to end a redaction window: at or before `target`, at most
/// `overlap` bytes earlier, at a point where redacting the two sides apart
/// gives the same text as redacting them together (so no PII item straddles
/// it). Points after whitespace are tried first, since most items hold none,
/// then evenly spaced points. `Err(target)` when no candidate is clean.
fn clean_cut(
    detector: &Detector,
    buf: &[u8],
    target: usize,
    overlap: usize,
) -> Result<usize, usize> {
    let low = target.saturating_sub(overlap).max(1);
    let after_space = (low..=target)
        .rev()
        .filter(|&c| buf[c - 1].is_ascii_whitespace())
        .take(MAX_CUT_TRIES / 2);
    let step = ((target - low) / (MAX_CUT_TRIES / 2)).max(1);
    let spaced = (0..MAX_CUT_TRIES / 2).map(|k| target - (k * step).min(target - low));
    let mut tried = 0;
    for c in after_space.chain(spaced) {
        if c < buf.len() && is_continuation(buf[c]) {
            continue;
        }
        if separable(detector, buf, c, overlap) {
            return Ok(c);
        }
        tried += 1;
        if tried >= MAX_CUT_TRIES {
            break;
        }
    }
    Err(target)
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

/// Whether cutting `buf` at `at` leaves the redaction of the text around it
/// (`overlap` bytes on each side, within one run of valid UTF-8) unchanged.
fn separable(detector: &Detector, buf: &[u8], at: usize, overlap: usize) -> bool {
    let left = valid_suffix(&buf[at.saturating_sub(overlap)..at]);
    let right = valid_prefix(&buf[at..(at + overlap).min(buf.len())]);
    if left.is_empty() || right.is_empty() {
        return true;
    }
    let mut joined = String::with_capacity(left.len() + right.len());
    joined.push_str(left);
    joined.push_str(right);
    let whole = detector.redact(&joined).text;
    let l = detector.redact(left).text;
    let r = detector.redact(right).text;
    whole.len() == l.len() + r.len() && whole.starts_with(&l) && whole.ends_with(&r)
}

/// The longest valid UTF-8 text that `b` ends with.
fn valid_suffix(b: &[u8]) -> &str {
    match b.utf8_chunks().last() {
        Some(chunk) if chunk.invalid().is_empty() => chunk.valid(),
        _ => "",
    }
}

/// The longest valid UTF-8 text that `b` starts with.
fn valid_prefix(b: &[u8]) -> &str {
    match std::str::from_utf8(b) {
        Ok(s) => s,
        Err(e) => std::str::from_utf8(&b[..e.valid_up_to()]).unwrap_or_default(),
    }
}

// ===== whole-file windows =====

/// The `--json` output for one input.
#[derive(Serialize)]
struct FileVerdict<'a> {
    file: &'a str,
    bytes: u64,
    threat: bool,
    score: u32,
    action: Action,
    finding_count: u64,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    findings_truncated: bool,
    /// Binary input left unscanned (`bytes` is then what was read of it).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    binary_skipped: bool,
    /// The input's encoding when it was transcoded to UTF-8 for the scan
    /// (`bytes` and offsets then count the UTF-8 text).
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<&'static str>,
    findings: Vec<Finding>,
}

fn weight(s: Severity) -> u32 {
    match s {
        Severity::Low => 1,
        Severity::Medium => 3,
        Severity::High => 7,
        Severity::Critical => 15,
    }
}

/// Where `window` should end so that it does not split a UTF-8 character,
/// unless the input is not UTF-8 there.
fn char_boundary_cut(window: &[u8]) -> usize {
    let n = window.len();
    for back in 1..=n.min(4) {
        let b = window[n - back];
        if b & 0xC0 != 0x80 {
            let width = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                0xC0.. => 2,
                _ => 1,
            };
            return if width > back && back < n {
                n - back
            } else {
                n
            };
        }
    }
    n
}

/// Whether a JSON string is open at some point of an input, followed from
/// window to window so that a JSON document (or NDJSON stream) larger than
/// one window is cut between values and every window is still scanned as
/// JSON. Scanned as plain text instead, its quotes and commas read as code
/// (`{"country": "IN", "tier": "gold"}` looks like a SQL `IN` list).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct JsonState {
    in_string: bool,
    /// The previous byte was a backslash inside a string.
    escaped: bool,
}

impl JsonState {
    /// The state after `b`, and the last offset in `b` that lies between
    /// values: just after a `,`, `}`, `]` or newline outside any string.
    /// Bytes inside strings are skipped with a vectorised search.
    fn walk(mut self, b: &[u8]) -> (JsonState, Option<usize>) {
        let mut last = None;
        let mut i = 0;
        while i < b.len() {
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                    i += 1;
                    continue;
                }
                match memchr::memchr2(b'"', b'\\', &b[i..]) {
                    None => return (self, last),
                    Some(off) => {
                        i += off;
                        if b[i] == b'"' {
                            self.in_string = false;
                        } else {
                            self.escaped = true;
                        }
                        i += 1;
                    }
                }
            } else {
                match b[i] {
                    b'"' => self.in_string = true,
                    b',' | b'}' | b']' | b'\n' => last = Some(i + 1),
                    _ => {}
                }
                i += 1;
            }
        }
        (self, last)
    }
}

/// Whether an input that starts with `head` is JSON or NDJSON: its first
/// byte other than whitespace (and a UTF-8 byte-order mark) opens an object
/// or an array.
fn starts_like_json(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    matches!(
        head.iter().find(|b| !b.is_ascii_whitespace()),
        Some(b'{' | b'[')
    )
}

fn scan_windows(
    detector: &Detector,
    args: &ScanArgs,
    name: &str,
    utf16: Option<Utf16>,
    mut reader: impl Read,
    out: &mut impl Write,
    status: &mut Status,
) -> io::Result<()> {
    let window = args.window.max(4096);
    let overlap = args.overlap.min(window / 2);
    let mut buf: Vec<u8> = Vec::with_capacity(window);
    // Absolute offset of buf[0] in the input.
    let mut base: u64 = 0;
    // Bytes at the start of `buf` that the previous window also scanned.
    let mut carried = 0usize;
    let mut total: u64 = 0;
    let mut seen: HashSet<(Category, String, u64)> = HashSet::new();
    let mut kept: Vec<Finding> = Vec::new();
    let mut count: u64 = 0;
    // Findings the detector's per-verdict caps left unlisted (at least).
    let mut unlisted: u64 = 0;
    let mut score: u32 = 0;
    let mut action = Action::Allow;
    let mut threat = false;
    let mut first = true;
    // For JSON input: the state at `buf[0]`.
    let mut json: Option<JsonState> = None;
    loop {
        let (read, eof) = fill(&mut reader, &mut buf, window)?;
        total += read;
        if buf.len() == carried && !first {
            break;
        }
        let cut = if eof {
            buf.len()
        } else {
            char_boundary_cut(&buf)
        };
        if first && !args.binary {
            if let Some(at) = binary_at(&buf) {
                return report_binary(args, name, total, at, out);
            }
        }
        if first && !eof && starts_like_json(&buf) {
            json = Some(JsonState::default());
        }
        // A file that fits in one window is scanned as what it looks like
        // (JSON, form...). Windows of a larger JSON file end between values
        // and are scanned as JSON, with no overlap since no value is cut;
        // other windows (of other files, or inside a string longer than a
        // window) are plain text.
        let (end, kind, between_values) = match json {
            _ if first && eof => (cut, InputKind::Auto, false),
            Some(st) if !st.in_string => match st.walk(&buf[..cut]).1 {
                _ if eof => (cut, InputKind::Json, true),
                Some(p) => (p, InputKind::Json, true),
                None => (cut, InputKind::Text, false),
            },
            _ => (cut, InputKind::Text, false),
        };
        let slice = &buf[..end];
        let verdict = detector.scan_as(slice, kind);
        first = false;
        unlisted += verdict.findings_omitted as u64;
        for mut f in verdict.findings {
            // Already reported by the previous window, which saw these bytes in full.
            if carried > 0 && f.end <= carried {
                continue;
            }
            let abs_start = base + f.start as u64;
            if !seen.insert((f.category, f.rule_id.to_string(), abs_start)) {
                continue;
            }
            threat |= f.category.is_attack() && f.action != Action::Allow;
            if f.action != Action::Allow {
                score = score.saturating_add(weight(f.severity));
            }
            action = action.max(f.action);
            count += 1;
            let abs_end = base + f.end as u64;
            if args.json {
                if kept.len() < MAX_FINDINGS_KEPT {
                    f.start = usize::try_from(abs_start).unwrap_or(usize::MAX);
                    f.end = usize::try_from(abs_end).unwrap_or(usize::MAX);
                    kept.push(f);
                }
            } else {
                print_finding(out, name, abs_start, abs_end, &f)?;
            }
        }
        if eof {
            break;
        }
        // Keep the tail as the next window's head.
        let keep_from = if between_values {
            end
        } else {
            cut.saturating_sub(overlap)
        };
        if let Some(st) = json.as_mut() {
            *st = if between_values {
                JsonState::default()
            } else {
                st.walk(&buf[..keep_from]).0
            };
        }
        base += keep_from as u64;
        buf.drain(..keep_from);
        // Bytes past the cut (a character split by the window's end) were
        // not scanned yet.
        carried = end - keep_from;
        seen.retain(|(_, _, start)| *start >= base);
    }
    status.threat |= threat;
    if args.json {
        let v = FileVerdict {
            file: name,
            bytes: total,
            threat,
            score,
            action,
            finding_count: count + unlisted,
            findings_truncated: count + unlisted > kept.len() as u64,
            binary_skipped: false,
            encoding: utf16.map(Utf16::name),
            findings: kept,
        };
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")?;
    } else {
        let what = if threat {
            "THREAT"
        } else if count > 0 {
            "findings, no threat"
        } else {
            "clean"
        };
        let bytes = match utf16 {
            Some(order) => format!("{total} bytes as UTF-8, read from {}", order.name()),
            None => format!("{total} bytes"),
        };
        if unlisted > 0 {
            writeln!(
                out,
                "{name}: {what} ({count} findings listed and at least {unlisted} more not, score {score}, {bytes})"
            )?;
        } else {
            writeln!(
                out,
                "{name}: {what} ({count} findings, score {score}, {bytes})"
            )?;
        }
    }
    Ok(())
}

/// The verdict line of a binary input that was not scanned.
fn report_binary(
    args: &ScanArgs,
    name: &str,
    read: u64,
    nul_at: usize,
    out: &mut impl Write,
) -> io::Result<()> {
    if args.json {
        let v = FileVerdict {
            file: name,
            bytes: read,
            threat: false,
            score: 0,
            action: Action::Allow,
            finding_count: 0,
            findings_truncated: false,
            binary_skipped: true,
            encoding: None,
            findings: Vec::new(),
        };
        serde_json::to_writer(&mut *out, &v)?;
        out.write_all(b"\n")
    } else {
        writeln!(
            out,
            "{name}: binary, skipped (NUL byte at offset {nul_at}; --binary to scan it as text)"
        )
    }
}

/// Reads until `buf` holds `window` bytes or the input ends; returns how many
/// bytes were read and whether the input ended.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>, window: usize) -> io::Result<(u64, bool)> {
    let mut read = 0u64;
    while buf.len() < window {
        let start = buf.len();
        buf.resize(window, 0);
        match reader.read(&mut buf[start..]) {
            Ok(0) => {
                buf.truncate(start);
                return Ok((read, true));
            }
            Ok(n) => {
                buf.truncate(start + n);
                read += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => buf.truncate(start),
            Err(e) => {
                buf.truncate(start);
                return Err(e);
            }
        }
    }
    Ok((read, false))
}

fn print_finding(
    out: &mut impl Write,
    name: &str,
    start: u64,
    end: u64,
    f: &Finding,
) -> io::Result<()> {
    let severity = match f.severity {
        Severity::Low => "low",
        Severity::Medium => "medium",
        Severity::High => "high",
        Severity::Critical => "critical",
    };
    let mut excerpt: String = f
        .excerpt
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if excerpt.len() > 80 {
        let mut cut = 80;
        while !excerpt.is_char_boundary(cut) {
            cut -= 1;
        }
        excerpt.truncate(cut);
        excerpt.push('…');
    }
    write!(
        out,
        "{name}:{start}-{end}: {} {} ({severity}, {}): {excerpt:?}",
        f.category.as_str(),
        f.rule_id,
        f.action.as_str()
    )?;
    if !f.decoded_via.is_empty() {
        let via: Vec<&str> = f.decoded_via.iter().map(|d| d.as_str()).collect();
        write!(out, " [decoded: {}]", via.join(", "))?;
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_state_follows_strings_and_escapes_across_pieces() {
        let doc = br#"{"a": "x, \"y\", z\\", "b": [1, 2]}
{"c": "}"}"#;
        let (end, last) = JsonState::default().walk(doc);
        assert_eq!(end, JsonState::default());
        // The last cut is after the final `}`, not after the `}` in a string.
        assert_eq!(last, Some(doc.len()));
        // Walked in pieces cut at every offset, the state agrees with one
        // walk, and every cut found lies outside strings.
        for at in 0..=doc.len() {
            let (mid, cut) = JsonState::default().walk(&doc[..at]);
            let (whole, _) = mid.walk(&doc[at..]);
            assert_eq!(whole, end, "cut at {at}");
            if let Some(c) = cut {
                let (st, _) = JsonState::default().walk(&doc[..c]);
                assert!(!st.in_string, "cut {c} inside a string");
                assert!(matches!(doc[c - 1], b',' | b'}' | b']' | b'\n'));
            }
        }
        let (open, cut) = JsonState::default().walk(br#"{"k": "never closed, } ] ,"#);
        assert!(open.in_string);
        assert_eq!(cut, None);
    }

    #[test]
    fn json_is_recognised_by_its_first_byte() {
        assert!(starts_like_json(b"  \n{\"a\": 1}"));
        assert!(starts_like_json(b"\xEF\xBB\xBF[1, 2]"));
        assert!(!starts_like_json(b"name=value"));
        assert!(!starts_like_json(b""));
    }

    fn lines(input: &[u8], max: usize) -> Vec<Result<Vec<u8>, usize>> {
        let mut r = io::BufReader::with_capacity(7, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match read_line_bounded(&mut r, &mut buf, max).unwrap_or(Line::Eof) {
                Line::Eof => return out,
                Line::Complete(_) => out.push(Ok(buf.clone())),
                Line::TooLong(n) => out.push(Err(n)),
            }
        }
    }

    #[test]
    fn bounded_lines_split_and_strip_crlf() {
        assert_eq!(
            lines(b"ab\r\ncd\nef", 10),
            vec![Ok(b"ab".to_vec()), Ok(b"cd".to_vec()), Ok(b"ef".to_vec())]
        );
        assert_eq!(lines(b"", 10), Vec::<Result<Vec<u8>, usize>>::new());
        assert_eq!(lines(b"\n", 10), vec![Ok(Vec::new())]);
    }

    #[test]
    fn too_long_lines_are_skipped_whole() {
        assert_eq!(
            lines(b"short\n0123456789abcdef\nok", 8),
            vec![Ok(b"short".to_vec()), Err(16), Ok(b"ok".to_vec())]
        );
        assert_eq!(lines(b"0123456789abcdef", 8), vec![Err(16)]);
    }

    #[test]
    fn payloads_parse_objects_and_raw_lines() {
        let p = parse_payload(br#"{"id": 7, "text": "hi", "kind": "query"}"#)
            .ok()
            .unwrap();
        assert_eq!(&*p.text, b"hi");
        assert_eq!(p.id, Some(serde_json::json!(7)));
        assert_eq!(p.kind, InputKind::Query);
        let raw = parse_payload(b"just text").ok().unwrap();
        assert_eq!(&*raw.text, b"just text");
        assert!(parse_payload(b"{not json").is_err());
        assert!(parse_payload(br#"{"id": "x"}"#).is_err());
        assert!(parse_payload(br#"{"text": 5}"#).is_err());
    }

    fn args(no_progress: bool) -> ScanArgs {
        ScanArgs {
            paths: Vec::new(),
            jsonl: false,
            json: false,
            redact: false,
            rules: None,
            max_line: DEFAULT_MAX_LINE,
            window: DEFAULT_WINDOW,
            overlap: DEFAULT_OVERLAP,
            no_progress,
            binary: false,
        }
    }

    #[test]
    fn progress_bar_only_on_a_terminal_and_for_large_inputs() {
        let big = Some(PROGRESS_MIN_BYTES);
        assert!(progress_bar(&args(false), big, true).is_some());
        assert!(progress_bar(&args(false), big, false).is_none());
        assert!(progress_bar(&args(true), big, true).is_none());
        assert!(progress_bar(&args(false), Some(PROGRESS_MIN_BYTES - 1), true).is_none());
        // Unknown size: a counter that stays hidden until the input is large.
        let bar = progress_bar(&args(false), None, true);
        assert!(bar.as_ref().is_some_and(ProgressBar::is_hidden));
        assert!(progress_bar(&args(false), None, false).is_none());
        let mut r = ProgressReader {
            inner: &[0u8; 100][..],
            bar: bar.clone(),
        };
        let mut sink = Vec::new();
        r.read_to_end(&mut sink).ok();
        assert_eq!(bar.as_ref().map(ProgressBar::position), Some(100));
        assert!(bar.as_ref().is_some_and(ProgressBar::is_hidden));
    }

    #[test]
    fn redaction_cuts_avoid_pii_and_keep_bytes() {
        let detector = Detector::new();
        let mut buf = b"-".repeat(3000);
        buf.extend_from_slice(b",alice.smith@example.com,");
        buf.extend_from_slice(&b"-".repeat(3000));
        let email = 3001..3024;
        for target in 2990..3030 {
            let cut = clean_cut(&detector, &buf, target, 1024);
            let c = cut.unwrap_or(usize::MAX);
            assert!(c <= target && c + 1024 >= target, "{target}: {cut:?}");
            assert!(
                c <= email.start || c >= email.end,
                "{target}: cut {c} inside the address"
            );
        }
        let mut out = Vec::new();
        write_redacted(&detector, b"\xff a@example.com \xc3\x28\r\n", &mut out).ok();
        assert_eq!(out, b"\xff [REDACTED:email] \xc3\x28\r\n");
    }

    /// Yields its bytes, then fails.
    struct FailingReader(&'static [u8]);

    impl Read for FailingReader {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("device gone"));
            }
            let n = self.0.len().min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn redaction_writes_what_was_read_before_a_read_error() {
        let detector = Detector::new();
        let mut out = Vec::new();
        let mut status = Status::default();
        let reader = FailingReader(b"mail a@example.com\r\nthen \xff");
        let r = redact_stream(
            &detector,
            &args(true),
            "t",
            reader,
            &None,
            &mut out,
            &mut status,
        );
        assert!(r.is_err());
        assert_eq!(out, b"mail [REDACTED:email]\r\nthen \xff");
    }

    /// Yields one byte per read, to split code units and surrogate pairs.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn utf16(order: Utf16, s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        Utf16Writer::<Vec<u8>>::push(&mut out, order, s);
        out
    }

    #[test]
    fn utf16_input_is_read_as_utf8_and_written_back() {
        let text = "mail a@example.com \u{1F600} <script>é\r\n";
        for order in [Utf16::Le, Utf16::Be] {
            let raw = utf16(order, &format!("\u{FEFF}{text}"));
            let (found, mut r) = decode_input(Trickle(&raw), false).expect("sniff");
            assert_eq!(found, Some(order));
            let mut decoded = Vec::new();
            r.read_to_end(&mut decoded).expect("read");
            assert_eq!(decoded, text.as_bytes());

            let mut back = Vec::new();
            let mut w = Utf16Writer::new(&mut back, order);
            for b in text.as_bytes() {
                w.write_all(std::slice::from_ref(b)).expect("write");
            }
            w.finish().expect("finish");
            assert_eq!(back, raw);
        }
        // An empty input keeps its mark; a lone surrogate becomes U+FFFD.
        let mut back = Vec::new();
        Utf16Writer::new(&mut back, Utf16::Le)
            .finish()
            .expect("finish");
        assert_eq!(back, b"\xFF\xFE");
        let (_, mut r) = decode_input(&b"\xFF\xFEa\x00\x00\xD8b\x00"[..], false).expect("sniff");
        let mut decoded = String::new();
        r.read_to_string(&mut decoded).expect("read");
        assert_eq!(decoded, "a\u{FFFD}b");
    }

    #[test]
    fn a_utf8_mark_is_dropped_only_for_jsonl() {
        let input = b"\xEF\xBB\xBF{\"id\":1}";
        for (jsonl, skip) in [(true, 3), (false, 0)] {
            let (found, mut r) = decode_input(Trickle(input), jsonl).expect("sniff");
            assert_eq!(found, None);
            let mut got = Vec::new();
            r.read_to_end(&mut got).expect("read");
            assert_eq!(got, input[skip..]);
        }
        // Inputs shorter than a mark, or starting like one, come through whole.
        for input in [
            &b""[..],
            b"\xEF",
            b"\xEF\xBB",
            b"\xFFx",
            b"ab",
            b"\xEF\xBBx",
        ] {
            let (found, mut r) = decode_input(input, true).expect("sniff");
            assert_eq!(found, None);
            let mut got = Vec::new();
            r.read_to_end(&mut got).expect("read");
            assert_eq!(got, input);
        }
    }

    #[test]
    fn cut_never_splits_a_character() {
        let s = "aé€😀".as_bytes();
        for end in 1..=s.len() {
            let cut = char_boundary_cut(&s[..end]);
            assert!(cut <= end);
            assert!(
                std::str::from_utf8(&s[..cut]).is_ok(),
                "end {end} cut {cut}"
            );
        }
        // Not UTF-8: cut where the data ends.
        assert_eq!(char_boundary_cut(b"ab\x80\x80"), 4);
    }
}
