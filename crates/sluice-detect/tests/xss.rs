//! Cross-site scripting through the public API, in every encoding.
mod support;

use sluice_detect::{Category, Detector};
use support::{assert_clean, assert_found_everywhere};

#[test]
fn markup_and_script_in_every_encoding() {
    assert_found_everywhere(
        Category::Xss,
        &[
            "<script>alert(1)</script>",
            "<svg/onload=alert(1)>",
            "\" onmouseover=\"alert(1)",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<iframe srcdoc=\"<b>x</b>\">",
            "{{constructor.constructor('alert(1)')()}}",
            "';alert(document.cookie)//",
            "<meta charset=\"UTF-7\">",
            "<link href=\"//evil.example/x.css\">",
            "window.location=//evil.example",
            "document /*x*/ . cookie",
            "(document)[\"cookie\"]",
            "new Function(name)()",
        ],
    );
}

#[test]
fn code_inside_xml_attribute_values() {
    let d = Detector::new();
    for body in [
        "<?xml version=\"1.0\"?><root><a probe=\"window.location\"></a></root>",
        "<?xml version=\"1.0\"?><root><a probe=\"&lt;meta charset=&quot;UTF-8&quot;&gt;\"></a></root>",
        "<?xml version=\"1.0\"?><root><a probe=\"document /*foo*/ .     cookie\"></a></root>",
        "<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"http://evil.example/\"/></r>",
        "<!DOCTYPE r [<!ENTITY x SYSTEM \"http://evil.example/\">]><r>&x;</r>",
    ] {
        let v = d.scan(body.as_bytes());
        assert!(
            v.findings.iter().any(|f| f.category == Category::Xss),
            "missed {body:?}"
        );
    }
}

#[test]
fn ordinary_markup_code_and_prose_are_clean() {
    assert_clean(
        Category::Xss,
        &[
            "<?xml version=\"1.0\"?><root><a probe=\"hello world\"></a></root>",
            "<meta name=\"viewport\" content=\"width=device-width\">",
            "<p>See <a href=\"https://example.com/docs\">the docs</a>.</p>",
            "window.location changed after login",
            "document.cookie is readable only for non-HttpOnly cookies.",
            "A --> B --> C",
            "<!-- TODO: remove before launch -->",
            "See the docs (section 3). Then call me.",
            "If you're willing to import (and wait), it's cheaper.",
            "Use new Function objects sparingly",
            "The entity! It was a SYSTEM failure.",
        ],
    );
}

#[test]
fn spelt_out_tags_raw_text_elements_and_escaped_style_sheets() {
    assert_found_everywhere(
        Category::Xss,
        &[
            "x<d i a l o g",
            "<s c r i p t >",
            "< svg: iframe",
            "<noembed><img title=\"x\">",
            "<style>@\\69mport 'x'</style>",
            "-->\"><b>",
            "-->=1",
            "<a probe=\"-->\"></a>",
            "<b title=\"a>b\" onmouseover=\"go()\">",
            "q=document.body.appendChild(document.createElement(\"b\")).textContent = \"x\"",
        ],
    );
}

#[test]
fn spaced_comparisons_and_arrows_are_clean() {
    assert_clean(
        Category::Xss,
        &[
            "if a < b c then",
            "x < y and y < z",
            "I <3 u",
            "a < i j k",
            "--> next step",
            "<style>.a { color: red }</style>",
            "1 < 2 f o r m",
            "topic=document.body is the page's body element",
        ],
    );
}

#[test]
fn names_spelt_with_escaped_letters() {
    // Sent as is: a decoder that resolves the escapes would hide the
    // evasion, so the escaped spelling itself is what is reported.
    let d = Detector::new();
    for body in [
        "var=%22in%20\\u0076\\u0061l\\u0075e\\u004F\\u0066%3d",
        "<?xml version=\"1.0\"?><root><a probe=\"&quot;in \\u0076\\u0061l\\u0075e\\u004F\\u0066=\"></a></root>",
        "q=\\u{76}\\u{61}lueOf",
    ] {
        let v = d.scan(body.as_bytes());
        assert!(
            v.findings.iter().any(|f| f.category == Category::Xss),
            "missed {body:?}"
        );
    }
}

#[test]
fn escaped_markup_and_accented_text_are_clean() {
    assert_clean(
        Category::Xss,
        &[
            "{\"html\":\"\\u003cb\\u003ebold\\u003c/b\\u003e\"}",
            "{\"name\":\"Ren\\u00e9e M\\u00fcller\"}",
            "C:\\users\\u0001\\data",
            "path \\u0041 alone",
        ],
    );
}
