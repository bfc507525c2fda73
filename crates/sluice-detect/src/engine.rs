//! The scan pipeline: bytes to text, split into values, normalise, decode in
//! rounds, run the detectors on the raw and the decoded view, map every hit
//! back to the original input.

use std::borrow::Cow;

use crate::decode::{
    Decoding, NoMap, OffsetMap, TextLen, decode_entities, decode_js_escapes, expand_nested_json,
    extract_form, extract_header, extract_json, looks_like_form, looks_like_json, normalize_text,
    percent_decode, to_utf8_lossy,
};
use crate::detectors::MODULES;
use crate::detectors::cmdi::COMMAND_LINE_RULE;
use crate::detectors::sqli::WHOLE_QUERY_RULE;
use crate::detectors::xss::{INLINE_HANDLER_RULE, SCRIPT_INCLUDE_RULE};

/// Rules reported for parameters only. A message or document that is a
/// command line or a query, or a page's own markup, shows it; a parameter
/// that is one may be handed to a shell or a database, or reflected into
/// a page.
const PARAMETER_ONLY: &[&str] = &[
    COMMAND_LINE_RULE,
    WHOLE_QUERY_RULE,
    SCRIPT_INCLUDE_RULE,
    INLINE_HANDLER_RULE,
];
use crate::finding::{Category, Hit, RuleInfo, Severity};
use crate::rules::{Config, category_index};
use crate::verdict::{Action, Finding, InputKind, Verdict, severity_weight};

/// At most this many findings per rule and per scan: a payload made of one
/// attack repeated a million times needs one finding, not a million.
const MAX_PER_RULE: usize = 8;
/// At most this many findings per scan.
const MAX_FINDINGS: usize = 128;

/// The immutable state shared by clones of a detector.
#[derive(Debug)]
pub(crate) struct Inner {
    pub(crate) cfg: Config,
    pub(crate) max_input_len: usize,
    pub(crate) pool: Option<sluice_pool::Pool>,
}

/// Inputs at least this long take their decoding scratch buffer from the
/// pool, when there is one: below it the allocator is as fast as any pool,
/// above it a recycled buffer saves page faults on every large body.
pub(crate) const POOL_MIN_INPUT: usize = 16 << 10;

/// Overlap between windows when an input is longer than `max_input_len`, so
/// an attack that straddles a window boundary is still seen whole.
const WINDOW_OVERLAP: usize = 4096;

pub(crate) fn scan(inner: &Inner, input: &[u8], kind: InputKind) -> Verdict {
    finish(collect(inner, input, kind, Mode::VERDICT), true)
}

/// What a scan is for.
#[derive(Clone, Copy)]
struct Mode {
    /// Whether the number of findings is bounded (per rule and in total), as
    /// in a verdict; redaction must see every span.
    capped: bool,
    /// Run only the PII rules: redaction needs nothing else.
    pii_only: bool,
    /// The text scanned is part of an input that is not free text (a window
    /// of a JSON document or form, base64 inside a parameter): its rules for
    /// parameters apply whatever the part looks like.
    param: bool,
}

impl Mode {
    const VERDICT: Mode = Mode {
        capped: true,
        pii_only: false,
        param: false,
    };
    const REDACT: Mode = Mode {
        capped: false,
        pii_only: true,
        param: false,
    };
}

/// Whether `text`, given as `Auto`, opens like a parameter (`q=...`,
/// `cmd=env --version&x=1`): a key of name characters and `=`. A form
/// with a raw blank is no valid form, but it is still parameters.
fn param_shaped(text: &str) -> bool {
    let b = text.as_bytes();
    let n = b
        .iter()
        .take(64)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'[' | b']'))
        .count();
    n > 0 && !b[0].is_ascii_digit() && b.get(n) == Some(&b'=')
}

/// Whether a whole input of `kind` is free text (a message, a document, a
/// file) rather than parameters: `Text`, or `Auto` that is neither JSON,
/// nor a form, nor shaped like one.
fn free_text_input(input: &[u8], kind: InputKind) -> bool {
    match kind {
        InputKind::Text => true,
        InputKind::Auto => {
            let text = match std::str::from_utf8(input) {
                Ok(t) => t,
                // Decided on the valid start: a heuristic needs no more.
                Err(e) => std::str::from_utf8(&input[..e.valid_up_to()]).unwrap_or(""),
            };
            !looks_like_json(text) && !looks_like_form(text) && !param_shaped(text)
        }
        _ => false,
    }
}

/// Every finding in `input`.
fn collect(inner: &Inner, input: &[u8], kind: InputKind, mode: Mode) -> Vec<Finding> {
    let mut findings = Vec::new();
    // Parts of an input (its windows, its base64 runs) are parameters when
    // the whole is. Decided only when there are parts: most inputs are one
    // window with no base64, and the guess reads the whole input.
    let parts = std::cell::OnceCell::new();
    let parts = || {
        *parts.get_or_init(|| Mode {
            param: mode.param || !free_text_input(input, kind),
            ..mode
        })
    };
    if input.len() <= inner.max_input_len {
        scan_one(inner, input, kind, 0, mode, &mut findings);
    } else {
        let step = inner.max_input_len.saturating_sub(WINDOW_OVERLAP).max(1);
        let mut at = 0;
        while at < input.len() {
            let end = (at + inner.max_input_len).min(input.len());
            // A window of a JSON document is not a JSON document.
            let k = if kind == InputKind::Json || kind == InputKind::Auto {
                InputKind::Text
            } else {
                kind
            };
            scan_one(inner, &input[at..end], k, at, parts(), &mut findings);
            if end == input.len() {
                break;
            }
            at += step;
        }
    }
    scan_base64(inner, input, mode, parts, &mut findings);
    findings
}

/// Scans the text inside base64 runs of `input` (one level deep: text
/// decoded from base64 is not searched for base64 again). A finding covers
/// the whole run in the original, since its bytes map to the decoded text
/// only in groups of three.
///
/// Attacks only: base64 that holds personal data is what identity tokens
/// are (a JWT's `email` claim), and reporting, redacting or blocking every
/// login token for it would break the service the gateway protects.
///
/// `parts` gives the mode for the decoded text (see [`collect`]); it is
/// asked only when a run is found.
fn scan_base64(
    inner: &Inner,
    input: &[u8],
    mode: Mode,
    parts: impl Fn() -> Mode,
    out: &mut Vec<Finding>,
) {
    if mode.pii_only {
        return;
    }
    let mut buf = Vec::new();
    let mut sub = Vec::new();
    crate::decode::for_each_base64_text(input, &mut buf, |run, text| {
        sub.clear();
        scan_one(
            inner,
            text.as_bytes(),
            InputKind::Auto,
            0,
            parts(),
            &mut sub,
        );
        for mut f in sub.drain(..).filter(|f| f.category != Category::Pii) {
            f.start = run.start;
            f.end = run.end;
            f.excerpt = excerpt(&input[run.start..run.end]);
            f.decoded_via.insert(0, Decoding::Base64);
            out.push(f);
        }
    });
}

/// Scratch buffers kept per thread between scans, so that a scan of a body
/// of a size seen before allocates nothing (and touches no fresh pages).
#[derive(Default)]
struct Scratch {
    utf8: String,
    values: String,
    nested: String,
    dec_nested: String,
    nested_tmp: String,
    nested_map: OffsetMap,
    norm: String,
    /// The raw view without its NULs (see [`scan_views`]).
    nul_free: String,
    sub: String,
    dec: String,
    spare: String,
    bytes: Vec<u8>,
    check: String,
    check_bytes: Vec<u8>,
    check_map: OffsetMap,
    maps: Vec<OffsetMap>,
    hits: Vec<Hit>,
}

/// Buffers that grew beyond this are dropped after the scan instead of kept:
/// one unusually large body does not pin its memory to the thread for good.
const SCRATCH_KEEP: usize = 2 << 20;
/// Offset maps kept, and the pieces each may keep room for (40 bytes each):
/// maps are small unless an input is full of escapes.
const MAPS_KEEP: usize = 8;
const MAP_PIECES_KEEP: usize = 4096;

impl Scratch {
    /// Runs `f` with this thread's scratch buffers, borrowed in place (a
    /// scan of a short payload then moves no buffers in or out of the
    /// thread-local), or with fresh ones if they are in use or gone.
    fn with(f: impl FnOnce(&mut Scratch)) {
        let mut slot = Some(f);
        let _ = SCRATCH.try_with(|cell| {
            if let Ok(mut sc) = cell.try_borrow_mut() {
                if let Some(f) = slot.take() {
                    f(&mut sc);
                    sc.trim();
                }
            }
        });
        if let Some(f) = slot {
            f(&mut Scratch::default());
        }
    }

    /// Drops the buffers that grew past what a thread keeps.
    fn trim(&mut self) {
        fn keep_str(s: &mut String) {
            if s.capacity() > SCRATCH_KEEP {
                *s = String::new();
            }
        }
        fn keep_vec<T>(v: &mut Vec<T>, max: usize) {
            if v.capacity() > max {
                *v = Vec::new();
            }
        }
        for s in [
            &mut self.utf8,
            &mut self.values,
            &mut self.nested,
            &mut self.dec_nested,
            &mut self.nested_tmp,
            &mut self.norm,
            &mut self.nul_free,
            &mut self.sub,
            &mut self.dec,
            &mut self.spare,
            &mut self.check,
        ] {
            keep_str(s);
        }
        keep_vec(&mut self.bytes, SCRATCH_KEEP);
        keep_vec(&mut self.check_bytes, SCRATCH_KEEP);
        self.check_map.shrink(MAP_PIECES_KEEP);
        self.nested_map.shrink(MAP_PIECES_KEEP);
        self.maps.truncate(MAPS_KEEP);
        for m in &mut self.maps {
            m.shrink(MAP_PIECES_KEEP);
        }
        keep_vec(&mut self.hits, 4096);
    }
}

/// An empty offset map, recycled when possible.
fn take_map(spare: &mut Vec<OffsetMap>) -> OffsetMap {
    let mut m = spare.pop().unwrap_or_default();
    m.clear();
    m
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// One layer between a view and the text below it.
enum Layer<'a> {
    Map(OffsetMap),
    /// The values of a JSON document or form: one map piece per value adds
    /// up to more than the document itself, and is read only to place a
    /// finding, so it is built by extracting again when first asked for.
    Values {
        input: &'a str,
        kind: InputKind,
        /// How many values the extraction found: about one map piece each.
        values: usize,
        map: std::cell::OnceCell<OffsetMap>,
    },
}

impl Layer<'_> {
    fn map(&self) -> &OffsetMap {
        match self {
            Layer::Map(m) => m,
            Layer::Values {
                input,
                kind,
                values,
                map,
            } => map.get_or_init(|| {
                // Only the offsets are needed: the values themselves are
                // counted, not written again.
                let mut m = OffsetMap::with_capacity(values.saturating_add(1));
                if *kind == InputKind::Json {
                    extract_json(input, &mut TextLen::default(), &mut m);
                } else {
                    extract_form(input, &mut TextLen::default(), &mut m);
                }
                m
            }),
        }
    }
}

/// The text views of one input and the maps that lead back to it.
struct Views<'a> {
    original: &'a [u8],
    original_str: Option<&'a str>,
    maps: Vec<Layer<'a>>,
    json: bool,
    /// How many maps lead from the raw view back to the input.
    raw_depth: usize,
    mode: Mode,
    /// The input is free text (a message, a document, a file), not the
    /// values of a JSON document, form, query string, header or path.
    free_text: bool,
}

fn scan_one(
    inner: &Inner,
    input: &[u8],
    kind: InputKind,
    shift: usize,
    mode: Mode,
    out: &mut Vec<Finding>,
) {
    Scratch::with(|sc| {
        let mut spare = std::mem::take(&mut sc.maps);
        let mut v = Views {
            mode,
            original: input,
            original_str: std::str::from_utf8(input).ok(),
            maps: Vec::new(),
            json: false,
            raw_depth: 0,
            free_text: false,
        };
        scan_views(inner, &mut v, sc, &mut spare, kind, shift, out);
        for l in v.maps.drain(..) {
            if let Layer::Map(m) = l {
                spare.push(m);
            }
        }
        drop(v);
        sc.maps = spare;
    });
}

fn scan_views<'a>(
    inner: &Inner,
    v: &mut Views<'a>,
    sc: &'a mut Scratch,
    spare: &mut Vec<OffsetMap>,
    kind: InputKind,
    shift: usize,
    out: &mut Vec<Finding>,
) {
    let input = v.original;
    let text: &str = match v.original_str {
        Some(s) => s,
        None => {
            let mut m = take_map(spare);
            to_utf8_lossy(input, &mut sc.utf8, &mut m);
            v.maps.push(Layer::Map(m));
            &sc.utf8
        }
    };

    // Values.
    let given = kind;
    let kind = match kind {
        // A parameter is guessed like any input (a multipart field or a
        // body with no type can hold JSON or a form), but never becomes
        // free text.
        InputKind::Auto | InputKind::Value if looks_like_json(text) => InputKind::Json,
        InputKind::Auto | InputKind::Value if looks_like_form(text) => InputKind::Form,
        InputKind::Auto => InputKind::Text,
        k => k,
    };
    v.free_text = !v.mode.param
        && (kind == InputKind::Text && !(given == InputKind::Auto && param_shaped(text)));
    let text: &str = match kind {
        InputKind::Json => {
            let parsed = extract_json(text, &mut sc.values, &mut NoMap);
            // `[WIP] notes ...` opens like JSON and is text after all (a
            // parameter stays one).
            if parsed.is_none() && given == InputKind::Auto && !v.mode.param {
                v.free_text = true;
            }
            if let Some(values) = parsed {
                v.json = true;
                v.maps.push(Layer::Values {
                    input: text,
                    kind,
                    values,
                    map: std::cell::OnceCell::new(),
                });
                &sc.values
            } else {
                text
            }
        }
        InputKind::Form | InputKind::Query => {
            let values = extract_form(text, &mut sc.values, &mut NoMap);
            v.maps.push(Layer::Values {
                input: text,
                kind,
                values,
                map: std::cell::OnceCell::new(),
            });
            &sc.values
        }
        InputKind::Header => {
            let mut m = take_map(spare);
            extract_header(text, &mut sc.values, &mut m);
            if !m.is_empty() || sc.values.len() != text.len() {
                v.maps.push(Layer::Map(m));
                &sc.values
            } else {
                spare.push(m);
                text
            }
        }
        _ => text,
    };
    // JSON carried as a string value (a queue message, a webhook's form
    // field) is read as the JSON it is.
    let values_view = matches!(v.maps.last(), Some(Layer::Values { .. }));
    let text: &str = if values_view && memchr::memchr2(b'{', b'[', text.as_bytes()).is_some() {
        let mut m = take_map(spare);
        if expand_nested_json(
            text,
            &mut sc.nested,
            &mut m,
            &mut sc.nested_tmp,
            &mut sc.nested_map,
        ) {
            v.maps.push(Layer::Map(m));
            &sc.nested
        } else {
            spare.push(m);
            text
        }
    } else {
        text
    };
    // `+` is a space in every decoding round of a form (a `%2B` sent
    // through two decoders ends up a space too), but only in the first
    // round of a text with one URL-encoded line among others (a pasted
    // request's body), where the rest is text with real `+` signs.
    let (plus_space, plus_rounds) = match kind {
        InputKind::Form | InputKind::Query => (true, usize::MAX),
        InputKind::Text | InputKind::Value => match looks_url_encoded(text) {
            Some(true) => (true, usize::MAX),
            Some(false) => (true, 1),
            None => (false, 0),
        },
        _ => (false, 0),
    };

    // Unicode normalisation of the raw view.
    let raw: &str = {
        let mut m = take_map(spare);
        if normalize_text(text, &mut sc.norm, &mut m, false) {
            v.maps.push(Layer::Map(m));
            &sc.norm
        } else {
            spare.push(m);
            text
        }
    };
    let raw_depth = v.maps.len();
    v.raw_depth = raw_depth;
    run_detectors(inner, v, raw, raw_depth, &mut sc.hits, shift, out);
    // A NUL inside one payload (not between values) splits a word for the
    // detectors but not for the parsers that skip it (`<scr\0ipt>`): the
    // text is read once more without its NULs. Both readings count, since a
    // NUL between two attributes separates them.
    if !values_view && memchr::memchr(0, raw.as_bytes()).is_some() {
        let mut m = take_map(spare);
        if normalize_text(raw, &mut sc.nul_free, &mut m, true) {
            v.maps.push(Layer::Map(m));
            let depth = v.maps.len();
            run_detectors(inner, v, &sc.nul_free, depth, &mut sc.hits, shift, out);
            if let Some(Layer::Map(m)) = v.maps.pop() {
                spare.push(m);
            }
        } else {
            spare.push(m);
        }
    }

    // Only values that a decoding round changes can reveal anything new;
    // the rest would be scanned again for nothing. Decode a view made of the
    // changing values alone, with jumps over the others.
    let has_trigger = |s: &[u8]| {
        memchr::memchr3(b'%', b'&', b'\\', s).is_some()
            || (plus_space && memchr::memchr(b'+', s).is_some())
    };
    let rb = raw.as_bytes();
    let raw: &str = if memchr::memchr(0, rb).is_some() {
        // Visit only the values around trigger bytes: a body of a hundred
        // thousand short values with a few escapes costs one vectorised
        // search, not a hundred thousand small ones.
        let mut m = take_map(spare);
        sc.sub.clear();
        let mut skipped = false;
        let mut expect = 0;
        let mut from = 0;
        // The next `+`, looked for again only once passed, so that
        // searching for it stays linear.
        let mut next_plus = if plus_space {
            memchr::memchr(b'+', rb)
        } else {
            None
        };
        loop {
            let other = memchr::memchr3(b'%', b'&', b'\\', &rb[from..]).map(|p| from + p);
            if next_plus.is_some_and(|p| p < from) {
                next_plus = memchr::memchr(b'+', &rb[from..]).map(|p| from + p);
            }
            let t = match (other, next_plus) {
                (Some(a), Some(b)) => a.min(b),
                (a, b) => match a.or(b) {
                    Some(t) => t,
                    None => break,
                },
            };
            let start = memchr::memrchr(0, &rb[from..t]).map_or(from, |p| from + p + 1);
            let end = memchr::memchr(0, &rb[t..]).map_or(rb.len(), |p| t + p);
            from = end + 1;
            let seg = &raw[start..end];
            if changes_when_decoded(
                seg,
                plus_space,
                &mut sc.check,
                &mut sc.check_bytes,
                &mut sc.check_map,
            ) {
                if start != expect {
                    skipped = true;
                }
                expect = end + 1;
                // A kept value holds a trigger byte, so it is never empty:
                // an empty view means none was kept yet.
                if !sc.sub.is_empty() {
                    sc.sub.push('\0');
                }
                let at = sc.sub.len();
                if at != start {
                    m.push(at, at, start, start, Decoding::Json);
                }
                sc.sub.push_str(seg);
            }
            if from >= rb.len() {
                break;
            }
        }
        if sc.sub.is_empty() {
            spare.push(m);
            return;
        }
        if skipped || expect != rb.len() + 1 {
            v.maps.push(Layer::Map(m));
            &sc.sub
        } else {
            spare.push(m);
            raw
        }
    } else {
        // One value: the first round below finds out whether it changes.
        if !has_trigger(rb) {
            return;
        }
        raw
    };

    // Decoding rounds. `sc.dec` holds the latest decoded text once a round
    // changed anything; `sc.spare` receives the next layer.
    let mut decoded = false;
    let mut pooled = match &inner.pool {
        Some(p) if input.len() >= POOL_MIN_INPUT => Some(p.acquire(input.len())),
        _ => None,
    };
    for round in 0..inner.cfg.max_decode_depth {
        // `+` is a space in the form text as sent; a `+` decoded from
        // `%2B` is a plus.
        let plus_space = plus_space && round < plus_rounds;
        let mut changed = false;
        let cur: &str = if decoded { &sc.dec } else { raw };
        let b = cur.as_bytes();
        if memchr::memchr(b'%', b).is_some() || (plus_space && memchr::memchr(b'+', b).is_some()) {
            let mut m = take_map(spare);
            let did = match pooled.as_mut() {
                Some(buf) => percent_decode(b, plus_space, buf, &mut m),
                None => percent_decode(b, plus_space, &mut sc.bytes, &mut m),
            };
            if did {
                let scratch: &[u8] = match pooled.as_ref() {
                    Some(buf) => buf,
                    None => &sc.bytes,
                };
                v.maps.push(Layer::Map(m));
                match std::str::from_utf8(scratch) {
                    Ok(t) => {
                        sc.spare.clear();
                        sc.spare.push_str(t);
                    }
                    Err(_) => {
                        let mut m2 = take_map(spare);
                        to_utf8_lossy(scratch, &mut sc.spare, &mut m2);
                        v.maps.push(Layer::Map(m2));
                    }
                }
                std::mem::swap(&mut sc.dec, &mut sc.spare);
                decoded = true;
                changed = true;
            } else {
                spare.push(m);
            }
        }
        let cur: &str = if decoded { &sc.dec } else { raw };
        if memchr::memchr(b'&', cur.as_bytes()).is_some() {
            let mut m = take_map(spare);
            if decode_entities(cur, &mut sc.spare, &mut m) {
                v.maps.push(Layer::Map(m));
                std::mem::swap(&mut sc.dec, &mut sc.spare);
                decoded = true;
                changed = true;
            } else {
                spare.push(m);
            }
        }
        let cur: &str = if decoded { &sc.dec } else { raw };
        if memchr::memchr(b'\\', cur.as_bytes()).is_some() {
            let mut m = take_map(spare);
            if decode_js_escapes(cur, &mut sc.spare, &mut m) {
                v.maps.push(Layer::Map(m));
                std::mem::swap(&mut sc.dec, &mut sc.spare);
                decoded = true;
                changed = true;
            } else {
                spare.push(m);
            }
        }
        if !changed {
            break;
        }
    }
    drop(pooled);
    if decoded {
        // A form field that held percent-encoded JSON holds JSON now.
        let dec: &str = if memchr::memchr2(b'{', b'[', sc.dec.as_bytes()).is_some() {
            let mut m = take_map(spare);
            if expand_nested_json(
                &sc.dec,
                &mut sc.dec_nested,
                &mut m,
                &mut sc.nested_tmp,
                &mut sc.nested_map,
            ) {
                v.maps.push(Layer::Map(m));
                &sc.dec_nested
            } else {
                spare.push(m);
                &sc.dec
            }
        } else {
            &sc.dec
        };
        let mut m = take_map(spare);
        let d: &str = if normalize_text(dec, &mut sc.spare, &mut m, false) {
            v.maps.push(Layer::Map(m));
            &sc.spare
        } else {
            spare.push(m);
            dec
        };
        let depth = v.maps.len();
        run_detectors(inner, v, d, depth, &mut sc.hits, shift, out);
    }
}

/// Whether a text payload is URL-encoded form text sent without saying so
/// (no content type, or a wrong one): no whitespace at all, but `+` and at
/// least one `%XX` escape. There `+` is a space, as in a form body, or
/// `%27+or+1%3D1` would reach the detectors as one word.
///
/// `Some(true)` for the whole text; `Some(false)` when only a line of a
/// longer text is (the form body of an HTTP request pasted whole, after its
/// request line and headers).
fn looks_url_encoded(text: &str) -> Option<bool> {
    let b = text.as_bytes();
    memchr::memchr(b'+', b)?;
    let line = |b: &[u8]| {
        memchr::memchr(b'+', b).is_some()
            && !b.iter().any(u8::is_ascii_whitespace)
            && memchr::memchr_iter(b'%', b).any(|i| {
                b.get(i + 1..i + 3)
                    .is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit))
            })
    };
    if line(b) {
        return Some(true);
    }
    (memchr::memchr(b'\n', b).is_some()
        && b.split(|&c| c == b'\n')
            .any(|l| line(l.strip_suffix(b"\r").unwrap_or(l))))
    .then_some(false)
}

/// Whether one decoding round (percent, then HTML entities, then JS
/// escapes) changes `value`: exactly when one of the decoders changes it.
fn changes_when_decoded(
    value: &str,
    plus_space: bool,
    text: &mut String,
    bytes: &mut Vec<u8>,
    map: &mut OffsetMap,
) -> bool {
    let b = value.as_bytes();
    if (memchr::memchr(b'%', b).is_some() || (plus_space && memchr::memchr(b'+', b).is_some()))
        && percent_decode(b, plus_space, bytes, map)
    {
        return true;
    }
    if memchr::memchr(b'&', b).is_some() && decode_entities(value, text, map) {
        return true;
    }
    memchr::memchr(b'\\', b).is_some() && decode_js_escapes(value, text, map)
}

fn run_detectors(
    inner: &Inner,
    v: &Views<'_>,
    text: &str,
    depth: usize,
    hits: &mut Vec<Hit>,
    shift: usize,
    out: &mut Vec<Finding>,
) {
    if text.is_empty() {
        return;
    }
    for module in MODULES {
        if v.mode.pii_only && module.rules.first().map(|r| r.category) != Some(Category::Pii) {
            continue;
        }
        hits.clear();
        (module.scan)(text, hits);
        let none_disabled = inner.cfg.disabled.is_empty();
        for h in hits.iter() {
            if !none_disabled && inner.cfg.disabled.contains(h.rule.id) {
                continue;
            }
            if v.free_text && PARAMETER_ONLY.contains(&h.rule.id) {
                continue;
            }
            push_finding(
                inner, v, text, depth, h.rule, None, h.start, h.end, shift, out,
            );
        }
    }
    if inner.cfg.has_custom() {
        let cfg = &inner.cfg;
        let mut found = Vec::new();
        cfg.scan_custom(text, |idx, s, e| found.push((idx, s, e)));
        for (idx, s, e) in found {
            let rule = &cfg.custom[idx];
            if cfg.disabled.contains(rule.info.id)
                || (v.mode.pii_only && rule.info.category != Category::Pii)
            {
                continue;
            }
            push_finding(
                inner,
                v,
                text,
                depth,
                &rule.info,
                rule.action,
                s,
                e,
                shift,
                out,
            );
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push_finding(
    inner: &Inner,
    v: &Views<'_>,
    text: &str,
    depth: usize,
    rule: &RuleInfo,
    rule_action: Option<Action>,
    start: usize,
    end: usize,
    shift: usize,
    out: &mut Vec<Finding>,
) {
    if v.mode.capped
        && (out.len() >= MAX_FINDINGS * 2
            || out.iter().filter(|f| f.rule_id == rule.id).count() >= MAX_PER_RULE * 2)
    {
        return;
    }
    let start = start.min(text.len());
    let mut end = end.clamp(start, text.len());
    if let Some(nul) = memchr::memchr(0, &text.as_bytes()[start..end]) {
        if nul > 0 {
            end = start + nul;
        }
    }
    // Walk back through the layers, noting which ones the span went through.
    let mut via: Vec<Decoding> = Vec::new();
    let (mut s, mut e) = (start, end);
    for m in v.maps[..depth].iter().rev() {
        let m = m.map();
        m.kinds_touching(s, e, &mut via);
        s = m.map_start(s);
        e = m.map_end(e).max(s);
    }
    via.reverse();
    via.retain(|d| *d != Decoding::Json);
    if via.is_empty() && depth > v.raw_depth {
        // Found only after decoding, though the match itself was not encoded
        // (`\x3cimg src=x onerror=...`: the decoded `<` made it a tag): the
        // decodings of the whole view revealed it.
        for m in &v.maps[v.raw_depth..depth] {
            if let Some(k) = m.map().first_kind() {
                // The jump map over unchanged values is no decoding.
                if k != Decoding::Json && !via.contains(&k) {
                    via.push(k);
                }
            }
        }
    }
    if v.json {
        via.insert(0, Decoding::Json);
    }
    let n = v.original.len();
    let (mut s, mut e) = (s.min(n), e.min(n));
    if let Some(orig) = v.original_str {
        while !orig.is_char_boundary(s) {
            s -= 1;
        }
        while !orig.is_char_boundary(e) {
            e += 1;
        }
    }
    if e < s {
        e = s;
    }
    let action = effective_action(&inner.cfg, rule.category, rule.severity, rule_action);
    out.push(Finding {
        category: rule.category,
        rule_id: Cow::Borrowed(rule.id),
        severity: rule.severity,
        description: Cow::Borrowed(rule.description),
        start: s + shift,
        end: e + shift,
        excerpt: match v.original_str {
            // `s` and `e` were moved to char boundaries above.
            Some(orig) => excerpt_str(orig.get(s..e).unwrap_or_default()),
            None => excerpt(&v.original[s..e]),
        },
        decoded_via: via,
        action,
    });
}

fn effective_action(cfg: &Config, cat: Category, sev: Severity, rule: Option<Action>) -> Action {
    if let Some(a) = rule {
        return a;
    }
    if sev < cfg.min_severity {
        return Action::Allow;
    }
    cfg.actions[category_index(cat)]
}

/// The original text of a match, bounded: [`excerpt`] without validating
/// text that is known to be UTF-8 again.
fn excerpt_str(t: &str) -> String {
    if t.len() <= Finding::MAX_EXCERPT {
        return t.to_owned();
    }
    let mut cut = Finding::MAX_EXCERPT;
    while !t.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut out = String::with_capacity(cut + '…'.len_utf8());
    out.push_str(&t[..cut]);
    out.push('…');
    out
}

/// The original bytes of a match, bounded.
pub(crate) fn excerpt(b: &[u8]) -> String {
    let s = String::from_utf8_lossy(&b[..b.len().min(Finding::MAX_EXCERPT)]);
    // Each invalid byte becomes a 3-byte U+FFFD, so a short span of binary
    // can still outgrow the bound once it is text.
    if b.len() <= Finding::MAX_EXCERPT && s.len() <= Finding::MAX_EXCERPT {
        return s.into_owned();
    }
    let mut cut = s.len().min(Finding::MAX_EXCERPT);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut out = s[..cut].to_owned();
    out.push('…');
    out
}

/// Orders, deduplicates and bounds the findings, and derives the verdict.
fn finish(mut findings: Vec<Finding>, capped: bool) -> Verdict {
    // Same rule, overlapping spans: keep the one that needed fewest decodings
    // (the raw view's), then the earliest.
    findings.sort_by(|a, b| {
        (&a.rule_id, a.start, a.decoded_via.len(), a.end).cmp(&(
            &b.rule_id,
            b.start,
            b.decoded_via.len(),
            b.end,
        ))
    });
    let mut kept: Vec<Finding> = Vec::with_capacity(findings.len());
    let mut per_rule = 0;
    let mut omitted = 0;
    for f in findings {
        if let Some(last) = kept.last() {
            if last.rule_id == f.rule_id {
                if f.start < last.end || (f.start == last.start && f.end == last.end) {
                    if f.decoded_via.len() < last.decoded_via.len() {
                        let l = kept.len() - 1;
                        kept[l] = f;
                    }
                    continue;
                }
                per_rule += 1;
                if capped && per_rule >= MAX_PER_RULE {
                    omitted += 1;
                    continue;
                }
            } else {
                per_rule = 0;
            }
        }
        kept.push(f);
    }
    kept.sort_by(|a, b| (a.start, a.end, &a.rule_id).cmp(&(b.start, b.end, &b.rule_id)));
    if capped && kept.len() > MAX_FINDINGS {
        omitted += kept.len() - MAX_FINDINGS;
        kept.truncate(MAX_FINDINGS);
    }
    let mut verdict = Verdict {
        findings_omitted: omitted,
        ..Verdict::default()
    };
    for f in &kept {
        if f.action != Action::Allow {
            verdict.score = verdict.score.saturating_add(severity_weight(f.severity));
            if f.category.is_attack() {
                verdict.threat = true;
            }
        }
        verdict.action = verdict.action.max(f.action);
    }
    verdict.findings = kept;
    verdict
}

/// Replaces PII findings in `input` with `[REDACTED:<kind>]`.
pub(crate) fn redact(inner: &Inner, input: &str) -> crate::Redacted {
    let (bytes, count) = redact_into(inner, input.as_bytes());
    // Spans of valid UTF-8 input lie on char boundaries, so this never
    // needs the lossy path; it is there only so that nothing can panic.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    crate::Redacted { text, count }
}

/// Replaces PII findings in `input`, text or not, with
/// `[REDACTED:<kind>]`; every other byte is kept.
pub(crate) fn redact_bytes(inner: &Inner, input: &[u8]) -> crate::RedactedBytes {
    let (bytes, count) = redact_into(inner, input);
    crate::RedactedBytes { bytes, count }
}

fn redact_into(inner: &Inner, input: &[u8]) -> (Vec<u8>, usize) {
    let verdict = finish(collect(inner, input, InputKind::Text, Mode::REDACT), false);
    let mut spans: Vec<(usize, usize, &str)> = verdict
        .findings
        .iter()
        .filter(|f| f.category == Category::Pii)
        .map(|f| {
            let kind = f.rule_id.strip_prefix("pii-").unwrap_or(&f.rule_id);
            (f.start, f.end, kind)
        })
        .collect();
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    let mut text = Vec::with_capacity(input.len());
    let mut count = 0;
    let mut at = 0;
    for (s, e, kind) in spans {
        if s >= e || e > input.len() {
            continue;
        }
        if s < at {
            // Overlaps a span already replaced: swallow the rest of it too.
            at = at.max(e);
            continue;
        }
        text.extend_from_slice(&input[at..s]);
        text.extend_from_slice(b"[REDACTED:");
        text.extend_from_slice(kind.as_bytes());
        text.push(b']');
        at = e;
        count += 1;
    }
    text.extend_from_slice(&input[at..]);
    (text, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpts_stay_bounded_in_bytes_of_text() {
        let max = Finding::MAX_EXCERPT + '…'.len_utf8();
        for b in [
            vec![0xff; 100],
            vec![0xff; 120],
            vec![0xff; 5000],
            b"abc".repeat(100),
            "é".repeat(100).into_bytes(),
        ] {
            let e = excerpt(&b);
            assert!(
                e.len() <= max,
                "{} bytes from {} input bytes",
                e.len(),
                b.len()
            );
        }
        assert_eq!(excerpt(b"' or 1=1"), "' or 1=1");
        for t in ["' or 1=1".to_owned(), "é".repeat(100), "a€".repeat(50)] {
            let e = excerpt_str(&t);
            assert!(e.len() <= max, "{} bytes", e.len());
            assert!(t.starts_with(e.trim_end_matches('…')));
        }
    }
}
