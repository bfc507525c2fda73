//! Exchange files with out-of-process peers (ModSecurity harness, node script).
//!
//! `export` writes the payloads; each peer writes `results-NAME.tsv` (one line
//! per item: `id <TAB> threat 0|1 [<TAB> pii 0|1]`) and optionally
//! `speed-NAME.json`; `import` reads them back aligned with the items.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use serde_json::json;

use crate::corpus::Sample;
use crate::crs::CrsTest;
use crate::engines::Outcome;
use crate::urlenc;

const BASE_HEADERS: &str = "Host: localhost\nUser-Agent: detect-eval\nAccept: */*\n";

/// Writes `payloads.jsonl` (text peers) and `modsec-requests.tsv` (the
/// ModSecurity harness) into `dir`.
pub fn export(dir: &Path, samples: &[Sample], crs: &[CrsTest]) -> anyhow::Result<()> {
    fs::create_dir_all(dir)?;
    let mut text = BufWriter::new(fs::File::create(dir.join("payloads.jsonl"))?);
    let mut ms = BufWriter::new(fs::File::create(dir.join("modsec-requests.tsv"))?);
    for s in samples {
        writeln!(text, "{}", json!({"id": s.id(), "parts": [s.text]}))?;
        let uri = format!("/?q={}", urlenc::encode(s.text.as_bytes()));
        writeln!(
            ms,
            "{}\tGET\t{}\t{}\t",
            s.id(),
            urlenc::hex_encode(uri.as_bytes()),
            urlenc::hex_encode(BASE_HEADERS.as_bytes())
        )?;
    }
    for t in crs {
        let parts: Vec<String> = t
            .decoded_values()
            .iter()
            .map(|v| String::from_utf8_lossy(v).into_owned())
            .collect();
        writeln!(text, "{}", json!({"id": t.id(), "parts": parts}))?;
        let mut headers = String::new();
        for (k, v) in &t.headers {
            headers.push_str(&format!("{k}: {v}\n"));
        }
        if !t.data.is_empty() && t.content_type().is_none() {
            headers.push_str("Content-Type: application/x-www-form-urlencoded\n");
        }
        headers.push_str(&format!("Content-Length: {}\n", t.data.len()));
        writeln!(
            ms,
            "{}\t{}\t{}\t{}\t{}",
            t.id(),
            t.method,
            urlenc::hex_encode(t.uri.as_bytes()),
            urlenc::hex_encode(headers.as_bytes()),
            urlenc::hex_encode(&t.data)
        )?;
    }
    text.flush()?;
    ms.flush()?;
    Ok(())
}

/// A peer's results, keyed by item id.
#[derive(Debug, Default)]
pub struct PeerResults {
    /// Peer name (from the file name).
    pub name: String,
    /// Whether the peer reported PII at all (a third column was present).
    pub reports_pii: bool,
    /// Outcomes by id.
    pub by_id: HashMap<String, Outcome>,
}

impl PeerResults {
    /// The outcome for `id` (clean when the peer did not report it).
    pub fn get(&self, id: &str) -> Outcome {
        self.by_id.get(id).cloned().unwrap_or_default()
    }
}

/// Reads every `results-*.tsv` in `dir`, sorted by name.
pub fn import(dir: &Path) -> anyhow::Result<Vec<PeerResults>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("results-") && n.ends_with(".tsv"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("peer")
            .trim_start_matches("results-")
            .to_string();
        let mut peer = PeerResults {
            name,
            ..Default::default()
        };
        for line in fs::read_to_string(&path)?.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(threat)) = (cols.next(), cols.next()) else {
                continue;
            };
            let pii = cols.next();
            peer.reports_pii |= pii.is_some();
            peer.by_id.insert(
                id.to_string(),
                Outcome {
                    threat: threat == "1",
                    categories: Vec::new(),
                    pii: pii == Some("1"),
                },
            );
        }
        out.push(peer);
    }
    Ok(out)
}

/// Reads `speed-*.json` files in `dir` (raw JSON objects written by the peers).
pub fn speeds(dir: &Path) -> Vec<serde_json::Value> {
    let Ok(rd) = fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = rd
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("speed-") && n.ends_with(".json"))
        })
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .filter_map(|t| serde_json::from_str(t.trim()).ok())
        .collect()
}
