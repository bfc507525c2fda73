//! The OWASP CRS regression tests (go-ftw YAML) as attack requests.
//!
//! Only stages whose output lists `expect_ids` are attacks; `no_expect_ids`
//! means just that one rule must stay silent, often on an attack meant for
//! another rule, so those stages are neither attacks nor benign here.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde_norway::Value;

use crate::urlenc;

/// The CRS rule groups this evaluation covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// 930: local file inclusion / path traversal.
    Lfi930,
    /// 932: remote command execution.
    Rce932,
    /// 941: cross-site scripting.
    Xss941,
    /// 942: SQL injection.
    Sqli942,
}

impl Group {
    /// Every group, in rule order.
    pub const ALL: [Group; 4] = [Group::Lfi930, Group::Rce932, Group::Xss941, Group::Sqli942];

    /// Short label, for example `930 LFI`.
    pub fn label(self) -> &'static str {
        match self {
            Group::Lfi930 => "930 LFI",
            Group::Rce932 => "932 RCE",
            Group::Xss941 => "941 XSS",
            Group::Sqli942 => "942 SQLi",
        }
    }

    fn from_rule(rule: u64) -> Option<Group> {
        match rule / 1000 {
            930 => Some(Group::Lfi930),
            932 => Some(Group::Rce932),
            941 => Some(Group::Xss941),
            942 => Some(Group::Sqli942),
            _ => None,
        }
    }
}

/// Where in a request a part was found, mirroring the detector's input kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartKind {
    /// The URI path, still percent-encoded.
    Path,
    /// The query string, still percent-encoded.
    Query,
    /// A header value.
    Header,
    /// A form-encoded body.
    Form,
    /// A JSON body.
    Json,
    /// Any other body.
    Text,
}

/// One request part, raw as it travels on the wire.
#[derive(Debug, Clone)]
pub struct Part {
    /// What the part is.
    pub kind: PartKind,
    /// Header name, `path`, `query` or `body`.
    pub name: String,
    /// The raw bytes.
    pub raw: Vec<u8>,
}

/// One CRS attack request.
#[derive(Debug, Clone)]
pub struct CrsTest {
    /// The rule the test was written for.
    pub rule_id: u64,
    /// The rule's group.
    pub group: Group,
    /// `test_id` (plus the stage number when a test has several attack stages).
    pub test_id: String,
    /// HTTP method.
    pub method: String,
    /// Request target (path and query).
    pub uri: String,
    /// Headers, in file order.
    pub headers: Vec<(String, String)>,
    /// Request body.
    pub data: Vec<u8>,
}

/// Headers whose values are transport bookkeeping, not payload.
const SKIP_HEADERS: &[&str] = &[
    "host",
    "content-length",
    "content-type",
    "connection",
    "accept",
    "accept-encoding",
    "accept-charset",
    "accept-language",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
];

impl CrsTest {
    /// Stable id: `crs:RULE:TEST`.
    pub fn id(&self) -> String {
        format!("crs:{}:{}", self.rule_id, self.test_id)
    }

    /// The request's Content-Type, lower-cased.
    pub fn content_type(&self) -> Option<String> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case("content-type"))
            .map(|(_, v)| v.to_ascii_lowercase())
    }

    /// The raw parts an application would hand to a detector, each with its kind.
    pub fn parts(&self) -> Vec<Part> {
        let mut parts = Vec::new();
        let (path, query) = match self.uri.split_once('?') {
            Some((p, q)) => (p, Some(q)),
            None => (self.uri.as_str(), None),
        };
        if !path.is_empty() && path != "/" {
            parts.push(Part {
                kind: PartKind::Path,
                name: "path".into(),
                raw: path.as_bytes().to_vec(),
            });
        }
        if let Some(q) = query.filter(|q| !q.is_empty()) {
            parts.push(Part {
                kind: PartKind::Query,
                name: "query".into(),
                raw: q.as_bytes().to_vec(),
            });
        }
        for (k, v) in &self.headers {
            if SKIP_HEADERS.iter().any(|s| k.eq_ignore_ascii_case(s)) || v.is_empty() {
                continue;
            }
            parts.push(Part {
                kind: PartKind::Header,
                name: k.clone(),
                raw: v.as_bytes().to_vec(),
            });
        }
        if !self.data.is_empty() {
            let ct = self.content_type().unwrap_or_default();
            let kind = if ct.contains("json") {
                PartKind::Json
            } else if ct.is_empty() || ct.contains("x-www-form-urlencoded") {
                PartKind::Form
            } else {
                PartKind::Text
            };
            parts.push(Part {
                kind,
                name: "body".into(),
                raw: self.data.clone(),
            });
        }
        parts
    }

    /// The values a framework would hand to a detector that does no decoding of
    /// its own: path and header values, and each query/form name and value
    /// percent-decoded once.
    pub fn decoded_values(&self) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for part in self.parts() {
            match part.kind {
                PartKind::Path => out.push(urlenc::decode(&part.raw, false)),
                PartKind::Query | PartKind::Form => out.extend(urlenc::form_fields(&part.raw)),
                PartKind::Header | PartKind::Json | PartKind::Text => out.push(part.raw),
            }
        }
        out
    }
}

/// The default location of the CRS tests, relative to the repository root.
pub const DEFAULT_DIR: &str = "../shared/corpora/crs-regression";

/// Loads every attack stage of every YAML test under `dir` (recursively).
pub fn load(dir: &Path) -> anyhow::Result<Vec<CrsTest>> {
    let mut files = Vec::new();
    collect_yaml(dir, &mut files)?;
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text =
            fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
        let doc: Value =
            serde_norway::from_str(&text).with_context(|| format!("parsing {}", path.display()))?;
        parse_file(&doc, &mut out);
    }
    Ok(out)
}

fn collect_yaml(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if path.is_dir() {
            collect_yaml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
    Ok(())
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn ids(v: Option<&Value>) -> Vec<u64> {
    match v {
        Some(Value::Sequence(s)) => s.iter().filter_map(|x| x.as_u64()).collect(),
        Some(x) => x.as_u64().into_iter().collect(),
        None => Vec::new(),
    }
}

fn parse_file(doc: &Value, out: &mut Vec<CrsTest>) {
    let file_rule = doc.get("rule_id").and_then(|v| v.as_u64());
    let Some(tests) = doc.get("tests").and_then(|t| t.as_sequence()) else {
        return;
    };
    for test in tests {
        let test_id = test.get("test_id").and_then(scalar).unwrap_or_default();
        let Some(stages) = test.get("stages").and_then(|s| s.as_sequence()) else {
            continue;
        };
        let attack_stages: Vec<_> = stages
            .iter()
            .map(|s| s.get("stage").unwrap_or(s))
            .filter(|s| {
                let output = s.get("output");
                let log = output.and_then(|o| o.get("log"));
                !ids(log.and_then(|l| l.get("expect_ids"))).is_empty()
                    || !ids(output.and_then(|o| o.get("expect_ids"))).is_empty()
            })
            .collect();
        let several = attack_stages.len() > 1;
        for (n, stage) in attack_stages.into_iter().enumerate() {
            let output = stage.get("output");
            let expected = {
                let mut v = ids(output
                    .and_then(|o| o.get("log"))
                    .and_then(|l| l.get("expect_ids")));
                v.extend(ids(output.and_then(|o| o.get("expect_ids"))));
                v
            };
            let rule_id = expected.first().copied().or(file_rule).unwrap_or(0);
            let Some(group) = Group::from_rule(rule_id) else {
                continue;
            };
            let Some(input) = stage.get("input") else {
                continue;
            };
            let headers = input
                .get("headers")
                .and_then(|h| h.as_mapping())
                .map(|m| {
                    m.iter()
                        .filter_map(|(k, v)| Some((scalar(k)?, scalar(v)?)))
                        .collect()
                })
                .unwrap_or_default();
            let data = match input.get("data") {
                Some(Value::Sequence(lines)) => lines
                    .iter()
                    .filter_map(scalar)
                    .collect::<Vec<_>>()
                    .join("\r\n"),
                Some(v) => scalar(v).unwrap_or_default(),
                None => String::new(),
            };
            out.push(CrsTest {
                rule_id,
                group,
                test_id: if several {
                    format!("{test_id}.{n}")
                } else {
                    test_id.clone()
                },
                method: input
                    .get("method")
                    .and_then(scalar)
                    .unwrap_or_else(|| "GET".into()),
                uri: input
                    .get("uri")
                    .and_then(scalar)
                    .unwrap_or_else(|| "/".into()),
                headers,
                data: data.into_bytes(),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = r#"
rule_id: 942100
tests:
  - test_id: 1
    stages:
      - input:
          headers:
            Host: localhost
            User-Agent: "OWASP CRS test agent"
            Cookie: "session=1' or '1'='1"
          method: POST
          uri: "/post?x=%27"
          data: "var=1234 OR 1=1"
        output:
          log:
            expect_ids: [942100]
  - test_id: 2
    stages:
      - input:
          uri: "/get?var=benign"
        output:
          log:
            no_expect_ids: [942100]
  - test_id: 3
    stages:
      - input:
          headers:
            Content-Type: application/json
          uri: "/"
          data: '{"a": "b"}'
        output:
          expect_ids: [942100]
"#;

    #[test]
    fn keeps_attack_stages_only_and_splits_parts() {
        let doc: Value = serde_norway::from_str(YAML).expect("yaml");
        let mut tests = Vec::new();
        parse_file(&doc, &mut tests);
        assert_eq!(tests.len(), 2, "the no_expect_ids stage is not an attack");
        let t = &tests[0];
        assert_eq!(t.id(), "crs:942100:1");
        assert_eq!(t.group, Group::Sqli942);
        let parts = t.parts();
        let kinds: Vec<_> = parts.iter().map(|p| (p.kind, p.name.as_str())).collect();
        assert_eq!(
            kinds,
            vec![
                (PartKind::Path, "path"),
                (PartKind::Query, "query"),
                (PartKind::Header, "User-Agent"),
                (PartKind::Header, "Cookie"),
                (PartKind::Form, "body"),
            ]
        );
        assert!(t.decoded_values().contains(&b"'".to_vec()));
        assert!(t.decoded_values().contains(&b"1234 OR 1=1".to_vec()));
        assert_eq!(
            tests[1].parts().last().map(|p| p.kind),
            Some(PartKind::Json)
        );
    }
}
