//! Precision, recall, F1 and false-positive rates, per category and per CRS group.

use std::fmt::Write as _;

use serde::Serialize;
use sluice_detect::Category;

use crate::corpus::Sample;
use crate::crs::{CrsTest, Group};
use crate::engines::Outcome;

/// One category's figures for one engine.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryRow {
    /// Category name.
    pub category: &'static str,
    /// Lines labelled with the category.
    pub total: usize,
    /// Labelled lines found (with the right category when the engine names categories).
    pub tp: usize,
    /// Labelled lines missed.
    pub fn_: usize,
    /// Lines without any attack label (benign and PII lines, or benign lines for
    /// PII) reported with this category. `None` when the engine names no categories.
    pub fp: Option<usize>,
    /// tp / (tp + fp).
    pub precision: Option<f64>,
    /// tp / total.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: Option<f64>,
    /// Labelled lines reported as a threat under any category (attack categories only).
    pub detected_any: Option<usize>,
}

/// One CRS group's figures for one engine.
#[derive(Debug, Clone, Serialize)]
pub struct GroupRow {
    /// Group label, for example `942 SQLi`.
    pub group: &'static str,
    /// Attack requests in the group.
    pub total: usize,
    /// Requests reported as a threat.
    pub caught: usize,
    /// caught / total.
    pub share: f64,
}

/// A line an engine got wrong, for the findings list.
#[derive(Debug, Clone, Serialize)]
pub struct Mistake {
    /// `file:line`.
    pub id: String,
    /// The line's label.
    pub label: String,
    /// The corpus note.
    pub note: String,
    /// The text (bounded).
    pub text: String,
    /// What the engine reported.
    pub reported: Vec<&'static str>,
}

/// Everything measured for one engine.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Engine name.
    pub engine: String,
    /// Per-category rows (attack categories, then PII when reported).
    pub categories: Vec<CategoryRow>,
    /// Benign lines.
    pub benign_total: usize,
    /// Benign lines reported as a threat.
    pub benign_threat: usize,
    /// Benign lines with PII reported (`None` when the engine reports no PII).
    pub benign_pii: Option<usize>,
    /// benign_threat / benign_total.
    pub fpr_threat: f64,
    /// Benign lines with any finding / benign_total.
    pub fpr_any: f64,
    /// CRS groups (empty when the CRS tests were not run).
    pub crs: Vec<GroupRow>,
    /// Attack and PII lines missed.
    #[serde(skip)]
    pub misses: Vec<Mistake>,
    /// Benign lines flagged.
    #[serde(skip)]
    pub false_positives: Vec<Mistake>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn reported(o: &Outcome) -> Vec<&'static str> {
    let mut v: Vec<_> = o.categories.iter().map(|c| c.as_str()).collect();
    if o.threat && v.is_empty() {
        v.push("threat");
    }
    if o.pii && !v.contains(&"pii") {
        v.push("pii");
    }
    v
}

fn mistake(s: &Sample, o: &Outcome) -> Mistake {
    let text: String = s.text.chars().take(160).collect();
    Mistake {
        id: s.id(),
        label: s.label.map_or("benign", |c| c.as_str()).to_string(),
        note: s.note.clone(),
        text,
        reported: reported(o),
    }
}

/// Scores `outcomes` (aligned with `samples`) and `crs_outcomes` (aligned with `crs`).
pub fn evaluate(
    engine: &str,
    categorises: bool,
    reports_pii: bool,
    samples: &[Sample],
    outcomes: &[Outcome],
    crs: &[CrsTest],
    crs_outcomes: &[Outcome],
) -> Report {
    let mut categories = Vec::new();
    let mut misses = Vec::new();
    let mut false_positives = Vec::new();
    for c in Category::ALL {
        if c == Category::Pii && !reports_pii {
            continue;
        }
        let labelled: Vec<_> = samples
            .iter()
            .zip(outcomes)
            .filter(|(s, _)| s.label == Some(c))
            .collect();
        if labelled.is_empty() {
            continue;
        }
        let found = |o: &Outcome| {
            if c == Category::Pii {
                o.pii
            } else if categorises {
                o.has(c)
            } else {
                o.threat
            }
        };
        let tp = labelled.iter().filter(|(_, o)| found(o)).count();
        for (s, o) in labelled.iter().filter(|(_, o)| !found(o)) {
            misses.push(mistake(s, o));
        }
        let fp = (categorises || c == Category::Pii).then(|| {
            samples
                .iter()
                .zip(outcomes)
                .filter(|(s, o)| {
                    let negative = if c == Category::Pii {
                        s.label.is_none()
                    } else {
                        s.label.is_none_or(|l| !l.is_attack())
                    };
                    negative && o.has(c)
                })
                .count()
        });
        let recall = ratio(tp, labelled.len());
        let precision = fp.map(|fp| ratio(tp, tp + fp));
        let f1 = precision.map(|p| {
            if p + recall == 0.0 {
                0.0
            } else {
                2.0 * p * recall / (p + recall)
            }
        });
        categories.push(CategoryRow {
            category: c.as_str(),
            total: labelled.len(),
            tp,
            fn_: labelled.len() - tp,
            fp,
            precision,
            recall,
            f1,
            detected_any: c
                .is_attack()
                .then(|| labelled.iter().filter(|(_, o)| o.threat).count()),
        });
    }
    let benign: Vec<_> = samples
        .iter()
        .zip(outcomes)
        .filter(|(s, _)| s.label.is_none())
        .collect();
    let benign_threat = benign.iter().filter(|(_, o)| o.threat).count();
    let benign_pii = reports_pii.then(|| benign.iter().filter(|(_, o)| o.pii).count());
    let any = benign
        .iter()
        .filter(|(_, o)| o.threat || (reports_pii && o.pii))
        .count();
    for (s, o) in benign
        .iter()
        .filter(|(_, o)| o.threat || (reports_pii && o.pii))
    {
        false_positives.push(mistake(s, o));
    }
    let crs_rows = if crs.is_empty() {
        Vec::new()
    } else {
        Group::ALL
            .iter()
            .map(|g| {
                let in_group: Vec<_> = crs
                    .iter()
                    .zip(crs_outcomes)
                    .filter(|(t, _)| t.group == *g)
                    .collect();
                let caught = in_group.iter().filter(|(_, o)| o.threat).count();
                GroupRow {
                    group: g.label(),
                    total: in_group.len(),
                    caught,
                    share: ratio(caught, in_group.len()),
                }
            })
            .collect()
    };
    Report {
        engine: engine.to_string(),
        categories,
        benign_total: benign.len(),
        benign_threat,
        benign_pii,
        fpr_threat: ratio(benign_threat, benign.len()),
        fpr_any: ratio(any, benign.len()),
        crs: crs_rows,
        misses,
        false_positives,
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", x * 100.0)
}

fn opt_pct(x: Option<f64>) -> String {
    x.map_or_else(|| "-".into(), pct)
}

/// The human-readable tables for one engine.
pub fn render(r: &Report) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "== {}", r.engine);
    let _ = writeln!(
        s,
        "{:<17} {:>5} {:>5} {:>5} {:>5} {:>9} {:>8} {:>7} {:>10}",
        "category", "lines", "TP", "FN", "FP", "precision", "recall", "F1", "any-threat"
    );
    for c in &r.categories {
        let _ = writeln!(
            s,
            "{:<17} {:>5} {:>5} {:>5} {:>5} {:>9} {:>8} {:>7} {:>10}",
            c.category,
            c.total,
            c.tp,
            c.fn_,
            c.fp.map_or_else(|| "-".into(), |v| v.to_string()),
            opt_pct(c.precision),
            pct(c.recall),
            opt_pct(c.f1),
            c.detected_any
                .map_or_else(|| "-".into(), |d| pct(ratio(d, c.total))),
        );
    }
    let _ = writeln!(
        s,
        "benign: {} lines, flagged as threat {} ({}), PII reported {}, any finding {}",
        r.benign_total,
        r.benign_threat,
        pct(r.fpr_threat),
        r.benign_pii.map_or_else(|| "n/a".into(), |v| v.to_string()),
        pct(r.fpr_any)
    );
    if !r.crs.is_empty() {
        let cells: Vec<_> = r
            .crs
            .iter()
            .map(|g| format!("{} {}/{} ({})", g.group, g.caught, g.total, pct(g.share)))
            .collect();
        let _ = writeln!(s, "CRS attack requests caught: {}", cells.join(", "));
    }
    s
}

/// One comparison table across engines: share of each attack category reported
/// as a threat (any category), PII recall, FPR, CRS share per group.
pub fn render_comparison(reports: &[Report]) -> String {
    let mut s = String::new();
    let mut header = format!("| {:<26} |", "engine");
    for c in Category::ALL {
        let _ = write!(header, " {} |", c.as_str());
    }
    header.push_str(" benign FPR (threat) | benign FPR (any) |");
    for g in Group::ALL {
        let _ = write!(header, " CRS {} |", g.label());
    }
    let _ = writeln!(s, "{header}");
    let cols = header.matches('|').count() - 1;
    let _ = writeln!(s, "|{}", "---|".repeat(cols));
    for r in reports {
        let _ = write!(s, "| {:<26} |", r.engine);
        for c in Category::ALL {
            match r.categories.iter().find(|row| row.category == c.as_str()) {
                Some(row) => {
                    let share = row.detected_any.map_or(row.recall, |d| ratio(d, row.total));
                    let _ = write!(s, " {} |", pct(share));
                }
                None => s.push_str(" n/a |"),
            }
        }
        let _ = write!(s, " {} | {} |", pct(r.fpr_threat), pct(r.fpr_any));
        for g in Group::ALL {
            match r.crs.iter().find(|row| row.group == g.label()) {
                Some(row) => {
                    let _ = write!(s, " {} |", pct(row.share));
                }
                None => s.push_str(" - |"),
            }
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(label: Option<Category>, line: usize) -> Sample {
        Sample {
            file: "t.jsonl".into(),
            line,
            text: format!("line {line}"),
            label,
            note: String::new(),
        }
    }

    fn found(cats: &[Category], pii: bool) -> Outcome {
        Outcome {
            threat: !cats.is_empty(),
            categories: cats.to_vec(),
            pii,
        }
    }

    #[test]
    fn counts_per_category_and_benign_rates() {
        let samples = vec![
            sample(Some(Category::Sqli), 1),
            sample(Some(Category::Sqli), 2),
            sample(Some(Category::Xss), 3),
            sample(Some(Category::Pii), 4),
            sample(None, 5),
            sample(None, 6),
            sample(None, 7),
            sample(None, 8),
        ];
        let outcomes = vec![
            found(&[Category::Sqli], false),
            found(&[Category::Xss], false), // right threat, wrong category
            found(&[Category::Xss], false),
            found(&[], true),
            found(&[Category::Sqli], false), // false positive
            found(&[], true),                // PII false positive
            found(&[], false),
            found(&[], false),
        ];
        let r = evaluate("x", true, true, &samples, &outcomes, &[], &[]);
        let sqli = r
            .categories
            .iter()
            .find(|c| c.category == "sqli")
            .expect("sqli row");
        assert_eq!((sqli.tp, sqli.fn_, sqli.fp), (1, 1, Some(1)));
        assert_eq!(sqli.recall, 0.5);
        assert_eq!(sqli.precision, Some(0.5));
        assert_eq!(sqli.detected_any, Some(2));
        let pii = r
            .categories
            .iter()
            .find(|c| c.category == "pii")
            .expect("pii row");
        assert_eq!((pii.tp, pii.fp), (1, Some(1)));
        assert_eq!(r.benign_total, 4);
        assert_eq!(r.benign_threat, 1);
        assert_eq!(r.fpr_threat, 0.25);
        assert_eq!(r.fpr_any, 0.5);
        assert_eq!(r.misses.len(), 1);
        assert_eq!(r.false_positives.len(), 2);
    }

    #[test]
    fn engines_without_categories_are_scored_on_threat() {
        let samples = vec![sample(Some(Category::Cmdi), 1), sample(None, 2)];
        let outcomes = vec![
            Outcome {
                threat: true,
                ..Outcome::default()
            },
            Outcome::default(),
        ];
        let r = evaluate("waf", false, false, &samples, &outcomes, &[], &[]);
        let cmdi = r
            .categories
            .iter()
            .find(|c| c.category == "cmdi")
            .expect("cmdi row");
        assert_eq!(cmdi.recall, 1.0);
        assert_eq!(cmdi.fp, None);
        assert!(r.categories.iter().all(|c| c.category != "pii"));
        assert_eq!(r.benign_pii, None);
    }
}
