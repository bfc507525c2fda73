//! Dumps the prompt-injection model's features of every line of labelled
//! corpora, one JSON object per line, for `model/train.py`:
//!
//! ```sh
//! cargo run --release -p detect-eval --bin features -- corpus bench/detect-eval/holdout/corpus > features.jsonl
//! ```

use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use detect_eval::corpus;

#[derive(Parser)]
#[command(about = "Hashed features of corpus lines, for training the prompt-injection model")]
struct Args {
    /// Directories of labelled *.jsonl files.
    #[arg(required = true)]
    corpora: Vec<PathBuf>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for dir in &args.corpora {
        for s in corpus::load_dir(dir)? {
            let label = s.label.map(|c| c.as_str()).unwrap_or("benign");
            let line = serde_json::json!({
                "set": dir.display().to_string(),
                "label": label,
                "features": sluice_detect::prompt_model_features(&s.text),
                "text": s.text,
            });
            writeln!(out, "{line}")?;
        }
    }
    out.flush()?;
    Ok(())
}
