//! The labelled corpus: JSONL files of `{"text", "label", "note"}`.

use std::fs;
use std::path::Path;

use anyhow::{Context, bail};
use serde::Deserialize;
use sluice_detect::Category;

/// One labelled line of the corpus.
#[derive(Debug, Clone)]
pub struct Sample {
    /// File name (without directory) the line came from.
    pub file: String,
    /// 1-based line number in that file.
    pub line: usize,
    /// The payload.
    pub text: String,
    /// `None` for benign text, otherwise the category it belongs to.
    pub label: Option<Category>,
    /// Where the line came from (base payload and evasion).
    pub note: String,
}

impl Sample {
    /// Stable id: `file:line`.
    pub fn id(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

#[derive(Deserialize)]
struct Row {
    text: String,
    label: String,
    #[serde(default)]
    note: String,
}

/// Parses a label: `benign` or a category name.
pub fn parse_label(s: &str) -> anyhow::Result<Option<Category>> {
    if s == "benign" {
        return Ok(None);
    }
    match Category::ALL.iter().find(|c| c.as_str() == s) {
        Some(c) => Ok(Some(*c)),
        None => bail!("unknown label {s:?}"),
    }
}

/// Loads every `*.jsonl` file of `dir`, in file-name order.
pub fn load_dir(dir: &Path) -> anyhow::Result<Vec<Sample>> {
    let mut files: Vec<_> = fs::read_dir(dir)
        .with_context(|| format!("reading corpus dir {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .jsonl files in {}", dir.display());
    }
    let mut out = Vec::new();
    for path in files {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let row: Row = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", path.display(), i + 1))?;
            out.push(Sample {
                file: name.clone(),
                line: i + 1,
                label: parse_label(&row.label)
                    .with_context(|| format!("{}:{}", path.display(), i + 1))?,
                text: row.text,
                note: row.note,
            });
        }
    }
    Ok(out)
}
