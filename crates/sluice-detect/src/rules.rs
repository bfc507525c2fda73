//! The user rules file: extra rules, disabled rules, per-category actions.

use std::collections::{BTreeMap, HashSet};
use std::sync::{Mutex, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;

use crate::error::DetectError;
use crate::finding::{Category, RuleInfo, Severity};
use crate::verdict::Action;

/// Compiled-size bound for user patterns, so a rules file cannot make the
/// detector use unbounded memory.
const REGEX_SIZE_LIMIT: usize = 4 << 20;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RulesFile {
    #[serde(default)]
    actions: BTreeMap<Category, Action>,
    #[serde(default)]
    disable: Vec<String>,
    #[serde(default)]
    min_severity: Option<Severity>,
    #[serde(default)]
    max_decode_depth: Option<usize>,
    #[serde(default)]
    rules: Vec<RuleSpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    id: String,
    category: Category,
    severity: Severity,
    #[serde(default)]
    description: String,
    #[serde(default)]
    pattern: Option<String>,
    #[serde(default)]
    literals: Option<Vec<String>>,
    #[serde(default)]
    action: Option<Action>,
    #[serde(default)]
    disable: Vec<String>,
}

/// A user-defined rule, compiled.
#[derive(Debug)]
pub(crate) struct CustomRule {
    pub(crate) info: RuleInfo,
    pub(crate) action: Option<Action>,
}

/// Everything the rules files configure, merged.
#[derive(Debug)]
pub(crate) struct Config {
    pub(crate) actions: [Action; 6],
    pub(crate) min_severity: Severity,
    pub(crate) disabled: HashSet<String>,
    pub(crate) max_decode_depth: usize,
    pub(crate) custom: Vec<CustomRule>,
    regex_rules: Vec<(usize, Regex)>,
    regex_set: Option<RegexSet>,
    literals: Option<(AhoCorasick, Vec<usize>)>,
}

pub(crate) fn category_index(c: Category) -> usize {
    match c {
        Category::Sqli => 0,
        Category::Xss => 1,
        Category::Cmdi => 2,
        Category::PathTraversal => 3,
        Category::PromptInjection => 4,
        Category::Pii => 5,
    }
}

impl Default for Config {
    fn default() -> Self {
        let mut actions = [Action::Block; 6];
        actions[category_index(Category::Pii)] = Action::Log;
        Config {
            actions,
            min_severity: Severity::Medium,
            disabled: HashSet::new(),
            max_decode_depth: 4,
            custom: Vec::new(),
            regex_rules: Vec::new(),
            regex_set: None,
            literals: None,
        }
    }
}

/// Custom rule strings live as long as the program: rule metadata is `'static`
/// everywhere else. Interning keeps repeated loads of the same file from
/// growing memory.
fn intern(s: &str) -> &'static str {
    static SET: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let set = SET.get_or_init(|| Mutex::new(HashSet::new()));
    let mut g = match set.lock() {
        Ok(g) => g,
        Err(p) => p.into_inner(),
    };
    if let Some(&k) = g.get(s) {
        return k;
    }
    let k: &'static str = Box::leak(s.to_owned().into_boxed_str());
    g.insert(k);
    k
}

/// 1-based line and column (in chars) of byte offset `at` in `src`.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let at = at.min(src.len());
    let mut at = at;
    while !src.is_char_boundary(at) {
        at -= 1;
    }
    let before = &src[..at];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A source of rules waiting to be parsed.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) origin: String,
    pub(crate) text: String,
}

impl Config {
    /// Parses and merges `sources` in order on top of the defaults.
    pub(crate) fn from_sources(
        sources: &[Source],
        builtin_ids: &HashSet<&'static str>,
    ) -> Result<Config, DetectError> {
        let mut cfg = Config::default();
        let mut patterns: Vec<(usize, String)> = Vec::new();
        let mut literal_pats: Vec<(usize, Vec<String>)> = Vec::new();
        for src in sources {
            let file: RulesFile = toml::from_str(&src.text).map_err(|e| {
                let (line, column) = e.span().map_or((1, 1), |s| line_col(&src.text, s.start));
                DetectError::Rules {
                    origin: src.origin.clone(),
                    line,
                    column,
                    message: e.message().to_owned(),
                }
            })?;
            for (cat, action) in file.actions {
                cfg.actions[category_index(cat)] = action;
            }
            cfg.disabled.extend(file.disable);
            if let Some(s) = file.min_severity {
                cfg.min_severity = s;
            }
            if let Some(d) = file.max_decode_depth {
                cfg.max_decode_depth = d.min(16);
            }
            for spec in file.rules {
                cfg.disabled.extend(spec.disable.iter().cloned());
                if spec.id.is_empty() {
                    return Err(DetectError::InvalidRule {
                        id: spec.id,
                        message: "empty id".into(),
                    });
                }
                if builtin_ids.contains(spec.id.as_str())
                    || cfg.custom.iter().any(|r| r.info.id == spec.id)
                {
                    return Err(DetectError::InvalidRule {
                        id: spec.id,
                        message: "duplicate rule id".into(),
                    });
                }
                let idx = cfg.custom.len();
                match (spec.pattern, spec.literals) {
                    (Some(p), None) => patterns.push((idx, p)),
                    (None, Some(l)) if !l.is_empty() && l.iter().all(|s| !s.is_empty()) => {
                        literal_pats.push((idx, l))
                    }
                    (None, Some(_)) => {
                        return Err(DetectError::InvalidRule {
                            id: spec.id,
                            message: "`literals` must be a non-empty list of non-empty strings"
                                .into(),
                        });
                    }
                    _ => {
                        return Err(DetectError::InvalidRule {
                            id: spec.id,
                            message: "needs exactly one of `pattern` or `literals`".into(),
                        });
                    }
                }
                cfg.custom.push(CustomRule {
                    info: RuleInfo {
                        id: intern(&spec.id),
                        category: spec.category,
                        severity: spec.severity,
                        description: intern(&spec.description),
                    },
                    action: spec.action,
                });
            }
        }
        for (idx, p) in &patterns {
            let re = RegexBuilder::new(p)
                .size_limit(REGEX_SIZE_LIMIT)
                .dfa_size_limit(REGEX_SIZE_LIMIT)
                .build()
                .map_err(|e| DetectError::Regex {
                    id: cfg.custom[*idx].info.id.to_owned(),
                    source: Box::new(e),
                })?;
            cfg.regex_rules.push((*idx, re));
        }
        if !patterns.is_empty() {
            let set = RegexSetBuilder::new(patterns.iter().map(|(_, p)| p))
                .size_limit(REGEX_SIZE_LIMIT * 4)
                .dfa_size_limit(REGEX_SIZE_LIMIT * 4)
                .build()
                .map_err(|e| DetectError::Regex {
                    id: "(all patterns together)".into(),
                    source: Box::new(e),
                })?;
            cfg.regex_set = Some(set);
        }
        if !literal_pats.is_empty() {
            let mut owners = Vec::new();
            let mut pats = Vec::new();
            for (idx, lits) in literal_pats {
                for l in lits {
                    owners.push(idx);
                    pats.push(l);
                }
            }
            let ac = AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(&pats)
                .map_err(|e| DetectError::InvalidRule {
                    id: "(literals)".into(),
                    message: e.to_string(),
                })?;
            cfg.literals = Some((ac, owners));
        }
        Ok(cfg)
    }

    pub(crate) fn has_custom(&self) -> bool {
        !self.custom.is_empty()
    }

    /// Runs the custom rules over `text`, calling `hit(rule_index, start, end)`.
    /// At most `PER_RULE` matches per rule are reported.
    pub(crate) fn scan_custom(&self, text: &str, mut hit: impl FnMut(usize, usize, usize)) {
        const PER_RULE: usize = 16;
        if let Some(set) = &self.regex_set {
            for i in set.matches(text).iter() {
                let (idx, re) = &self.regex_rules[i];
                for m in re.find_iter(text).take(PER_RULE) {
                    hit(*idx, m.start(), m.end());
                }
            }
        }
        if let Some((ac, owners)) = &self.literals {
            let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
            for m in ac.find_iter(text) {
                let owner = owners[m.pattern().as_usize()];
                let c = counts.entry(owner).or_insert(0);
                if *c < PER_RULE {
                    *c += 1;
                    hit(owner, m.start(), m.end());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Result<Config, DetectError> {
        Config::from_sources(
            &[Source {
                origin: "test.toml".into(),
                text: s.into(),
            }],
            &["sqli-union"].into_iter().collect(),
        )
    }

    #[test]
    fn full_file() {
        let cfg = parse(
            r#"
disable = ["sqli-union"]
min_severity = "low"
[actions]
pii = "redact"
xss = "log"
[[rules]]
id = "custom-internal-host"
category = "cmdi"
severity = "high"
description = "internal host name"
pattern = "(?i)internal\\.corp"
disable = ["xss-script-tag"]
[[rules]]
id = "custom-words"
category = "prompt_injection"
severity = "medium"
literals = ["open sesame", "xyzzy"]
action = "log"
"#,
        )
        .unwrap();
        assert_eq!(cfg.actions[category_index(Category::Pii)], Action::Redact);
        assert_eq!(cfg.actions[category_index(Category::Xss)], Action::Log);
        assert!(cfg.disabled.contains("sqli-union"));
        assert!(cfg.disabled.contains("xss-script-tag"));
        assert_eq!(cfg.min_severity, Severity::Low);
        assert_eq!(cfg.custom.len(), 2);
        let mut hits = Vec::new();
        cfg.scan_custom("ping INTERNAL.corp then XYZZY", |i, s, e| {
            hits.push((i, s, e))
        });
        hits.sort();
        assert_eq!(hits, vec![(0, 5, 18), (1, 24, 29)]);
    }

    #[test]
    fn syntax_error_has_position() {
        let e = parse("[actions]\npii = \"redact\"\nxss = \n").unwrap_err();
        match e {
            DetectError::Rules {
                line,
                column,
                ref origin,
                ..
            } => {
                assert_eq!(origin, "test.toml");
                assert_eq!(line, 3);
                assert!(column >= 1);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(e.to_string().starts_with("test.toml:3:"));
    }

    #[test]
    fn unknown_values_are_errors_with_position() {
        let e = parse("[actions]\nsqli = \"explode\"\n").unwrap_err();
        let msg = e.to_string();
        assert!(msg.starts_with("test.toml:2:"), "{msg}");
        assert!(msg.contains("explode"), "{msg}");
        let e = parse("[actions]\nsql = \"block\"\n").unwrap_err();
        assert!(e.to_string().starts_with("test.toml:2:"), "{e}");
        let e = parse("bogus = 1\n").unwrap_err();
        assert!(e.to_string().contains("bogus"), "{e}");
    }

    #[test]
    fn rule_errors() {
        let bad_re = "[[rules]]\nid = \"r\"\ncategory = \"sqli\"\nseverity = \"low\"\npattern = \"(unclosed\"\n";
        assert!(matches!(parse(bad_re), Err(DetectError::Regex { ref id, .. }) if id == "r"));
        let backref = "[[rules]]\nid = \"r\"\ncategory = \"sqli\"\nseverity = \"low\"\npattern = \"(a)\\\\1\"\n";
        assert!(matches!(parse(backref), Err(DetectError::Regex { .. })));
        let none = "[[rules]]\nid = \"r\"\ncategory = \"sqli\"\nseverity = \"low\"\n";
        assert!(matches!(parse(none), Err(DetectError::InvalidRule { .. })));
        let dup = "[[rules]]\nid = \"sqli-union\"\ncategory = \"sqli\"\nseverity = \"low\"\npattern = \"x\"\n";
        assert!(matches!(parse(dup), Err(DetectError::InvalidRule { .. })));
    }
}
