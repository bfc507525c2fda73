//! Detectors under evaluation, behind one trait.

use sluice_detect::{Action, Category, Detector, InputKind, Verdict};

use crate::crs::{CrsTest, PartKind};

/// What an engine said about one payload or request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Reported as an attack (blocked, for a WAF).
    pub threat: bool,
    /// The attack categories found, for engines that name them.
    pub categories: Vec<Category>,
    /// PII was found.
    pub pii: bool,
}

impl Outcome {
    /// Folds another part's outcome into this one.
    pub fn merge(&mut self, other: Outcome) {
        self.threat |= other.threat;
        self.pii |= other.pii;
        for c in other.categories {
            if !self.categories.contains(&c) {
                self.categories.push(c);
            }
        }
    }

    /// Whether category `c` was found (`pii` for [`Category::Pii`]).
    pub fn has(&self, c: Category) -> bool {
        if c == Category::Pii {
            self.pii
        } else {
            self.categories.contains(&c)
        }
    }
}

/// A detector that can judge a corpus line and a whole CRS request.
pub trait Engine {
    /// Display name.
    fn name(&self) -> String;
    /// Whether [`Outcome::categories`] is meaningful.
    fn categorises(&self) -> bool;
    /// Whether [`Outcome::pii`] is meaningful.
    fn reports_pii(&self) -> bool;
    /// Judges one payload as it would arrive in a message or form field.
    fn scan_text(&self, text: &[u8]) -> Outcome;
    /// Judges one request (all its parts).
    fn scan_request(&self, test: &CrsTest) -> Outcome;
}

/// libinjection (pure-Rust port): SQLi and XSS on each decoded value.
#[cfg(feature = "libinjection")]
#[derive(Debug, Default)]
pub struct Libinjection;

#[cfg(feature = "libinjection")]
impl Engine for Libinjection {
    fn name(&self) -> String {
        "libinjection".into()
    }

    fn categorises(&self) -> bool {
        true
    }

    fn reports_pii(&self) -> bool {
        false
    }

    fn scan_text(&self, text: &[u8]) -> Outcome {
        let mut o = Outcome::default();
        if libinjectionrs::detect_sqli(text).is_injection() {
            o.categories.push(Category::Sqli);
        }
        if libinjectionrs::detect_xss(text).is_injection() {
            o.categories.push(Category::Xss);
        }
        o.threat = !o.categories.is_empty();
        o
    }

    fn scan_request(&self, test: &CrsTest) -> Outcome {
        let mut o = Outcome::default();
        for v in test.decoded_values() {
            o.merge(self.scan_text(&v));
        }
        o
    }
}

/// sluice-detect: each corpus line as it arrives ([`InputKind::Auto`]), each
/// request part raw with its kind.
#[derive(Debug, Clone)]
pub struct Sluice {
    detector: Detector,
}

impl Sluice {
    /// Wraps a configured detector.
    pub fn new(detector: Detector) -> Sluice {
        Sluice { detector }
    }

    /// The detector's verdict, as an outcome. Attack findings count when their
    /// action makes the payload a threat (anything but `allow`).
    pub fn outcome(verdict: &Verdict) -> Outcome {
        let mut o = Outcome {
            threat: verdict.threat,
            ..Outcome::default()
        };
        for f in &verdict.findings {
            if f.category == Category::Pii {
                o.pii = true;
            } else if f.action != Action::Allow && !o.categories.contains(&f.category) {
                o.categories.push(f.category);
            }
        }
        o
    }
}

/// The detector's reading of a request part.
pub fn input_kind(kind: PartKind) -> InputKind {
    match kind {
        PartKind::Path => InputKind::Path,
        PartKind::Query => InputKind::Query,
        PartKind::Header => InputKind::Header,
        PartKind::Form => InputKind::Form,
        PartKind::Json => InputKind::Json,
        PartKind::Text => InputKind::Text,
    }
}

impl Engine for Sluice {
    fn name(&self) -> String {
        "sluice".into()
    }

    fn categorises(&self) -> bool {
        true
    }

    fn reports_pii(&self) -> bool {
        true
    }

    fn scan_text(&self, text: &[u8]) -> Outcome {
        Self::outcome(&self.detector.scan(text))
    }

    fn scan_request(&self, test: &CrsTest) -> Outcome {
        let mut o = Outcome::default();
        for part in test.parts() {
            o.merge(Self::outcome(
                &self.detector.scan_as(&part.raw, input_kind(part.kind)),
            ));
        }
        o
    }
}

/// The in-process engines: sluice-detect (with the rules file, if any), then
/// libinjection when built in.
pub fn builtin(rules: Option<&std::path::Path>) -> anyhow::Result<Vec<Box<dyn Engine>>> {
    let detector = match rules {
        Some(path) => Detector::builder().rules_file(path).build()?,
        None => Detector::new(),
    };
    #[allow(unused_mut)]
    let mut v: Vec<Box<dyn Engine>> = vec![Box::new(Sluice::new(detector))];
    #[cfg(feature = "libinjection")]
    v.push(Box::new(Libinjection));
    Ok(v)
}
