//! Arbitrary bytes through `shushuo_extract`: any input gives OK or
//! INVALID_UTF8 (exactly when the bytes are not UTF-8), never a panic, and
//! every OK document keeps the output contract (README "Guarantees"):
//!
//! - every record lies within the text on char boundaries, its byte and
//!   char offsets agree and its text is the slice it covers;
//! - every value (value, previous, si_value) is finite;
//! - `shushuo_document_to_json` gives JSON whose values are JSON numbers
//!   (never null), which reads back as a Document that writes the same
//!   JSON again, with the same floats, bit for bit, as the getters give;
//! - every DATE whose normalized form looks ISO (digits and `-`, a range
//!   with `/`) is a valid calendar date or month or year in 0001–9999, and
//!   a range does not end before it starts.
//!
//! CI runs it for a bounded time (tests/ci/50-fuzz.sh), with
//! `fuzz/extract.dict`.
//!
#![no_main]

use std::ffi::CStr;
use std::ptr::null_mut;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use shushuo_core::{Document, EntityKind};
use shushuo_ffi::*;

struct Shared(*mut shushuo_extractor);
// SAFETY: the extractor is Sync and lives for the whole run.
unsafe impl Sync for Shared {}
unsafe impl Send for Shared {}

fn extractor() -> *const shushuo_extractor {
    static EX: OnceLock<Shared> = OnceLock::new();
    EX.get_or_init(|| {
        let mut ex = null_mut();
        let options = c"{\"reference_date\":\"2023-06-30\"}";
        let status = unsafe { shushuo_extractor_new(options.as_ptr(), &mut ex) };
        assert_eq!(status, shushuo_status::Ok);
        Shared(ex)
    })
    .0
}

/// The bytes of a `shushuo_str` view (None for an absent one).
fn view(s: &shushuo_str) -> Option<&[u8]> {
    (!s.data.is_null()).then(|| unsafe { std::slice::from_raw_parts(s.data.cast::<u8>(), s.len) })
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A calendar day as (year, month, day).
type Day = (u32, u32, u32);

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, valid, as (first day, last day).
fn iso_date(s: &str) -> Result<(Day, Day), String> {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| {
        (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().unwrap())
    };
    let y = num(parts[0], 4).filter(|y| (1..=9999).contains(y));
    let y = y.ok_or_else(|| format!("year of {s:?}"))?;
    match parts.len() {
        1 => Ok(((y, 1, 1), (y, 12, 31))),
        2 | 3 => {
            let m = num(parts[1], 2).filter(|m| (1..=12).contains(m));
            let m = m.ok_or_else(|| format!("month of {s:?}"))?;
            if parts.len() == 2 {
                return Ok(((y, m, 1), (y, m, days_in_month(y, m))));
            }
            let d = num(parts[2], 2).filter(|d| (1..=days_in_month(y, m)).contains(d));
            let d = d.ok_or_else(|| format!("day of {s:?}"))?;
            Ok(((y, m, d), (y, m, d)))
        }
        _ => Err(format!("{s:?} has too many parts")),
    }
}

/// A DATE's normalized form: surface text (anything but ASCII digits, `-`
/// and `/`), or a valid ISO date, or an ordered range of two.
fn check_date(normalized: &str) {
    if normalized.is_empty()
        || !normalized
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    {
        return;
    }
    let ends: Vec<&str> = normalized.split('/').collect();
    let parsed: Result<Vec<_>, _> = ends.iter().map(|e| iso_date(e)).collect();
    let parsed = parsed.unwrap_or_else(|e| panic!("DATE {normalized:?}: invalid {e}"));
    assert!(parsed.len() <= 2, "DATE {normalized:?}: not a range");
    if let [a, b] = &parsed[..] {
        assert!(
            a.0 <= b.1,
            "DATE {normalized:?}: range ends before it starts"
        );
    }
}

fn is_number(v: &serde_json::Value) -> bool {
    v.as_f64().is_some_and(f64::is_finite)
}

fuzz_target!(|data: &[u8]| {
    let mut doc = null_mut();
    let status =
        unsafe { shushuo_extract(extractor(), data.as_ptr().cast(), data.len(), &mut doc) };
    let text = std::str::from_utf8(data);
    match status {
        shushuo_status::Ok => {}
        shushuo_status::InvalidUtf8 => {
            assert!(text.is_err() && doc.is_null());
            return;
        }
        other => panic!("{other:?} for valid input"),
    }
    let text = text.expect("OK only for UTF-8");
    let chars = |byte: usize| text[..byte].chars().count();

    // The JSON: numbers where numbers belong, and an exact round trip.
    let mut json = null_mut();
    assert_eq!(
        unsafe { shushuo_document_to_json(doc, &mut json) },
        shushuo_status::Ok
    );
    let json_text = unsafe { CStr::from_ptr(json) }.to_str().unwrap().to_owned();
    unsafe { shushuo_string_free(json) };
    let value: serde_json::Value = serde_json::from_str(&json_text).expect("valid JSON");
    for m in value["metrics"].as_array().expect("metrics") {
        assert!(is_number(&m["value"]), "value {}", m["value"]);
        for key in ["previous", "si_value"] {
            assert!(m.get(key).is_none_or(is_number), "{key} {}", m[key]);
        }
    }
    let parsed: Document = serde_json::from_str(&json_text).expect("the JSON reads back");
    assert_eq!(
        serde_json::to_string(&parsed).unwrap(),
        json_text,
        "JSON round trip"
    );

    let metrics = unsafe { shushuo_document_metric_count(doc) };
    assert_eq!(metrics, parsed.metrics.len());
    for (i, p) in parsed.metrics.iter().enumerate() {
        // Records are growable: struct_size says how big ours is.
        let mut m = std::mem::MaybeUninit::<shushuo_metric>::zeroed();
        unsafe { (*m.as_mut_ptr()).struct_size = std::mem::size_of::<shushuo_metric>() };
        assert_eq!(
            unsafe { shushuo_document_metric(doc, i, m.as_mut_ptr()) },
            shushuo_status::Ok
        );
        let m = unsafe { m.assume_init() };
        assert!(m.value.is_finite() && m.previous.is_finite() && m.si_value.is_finite());
        assert_eq!(m.has_si, !m.si_unit.data.is_null());
        let surface = text.get(m.start..m.end);
        assert!(surface.is_some(), "{}..{}", m.start, m.end);
        assert_eq!(view(&m.text), surface.map(str::as_bytes));
        assert_eq!((chars(m.start), chars(m.end)), (m.char_start, m.char_end));
        // The JSON's floats are the getters', bit for bit.
        assert_eq!(m.value.to_bits(), p.value.to_bits());
        assert_eq!(
            m.has_previous.then_some(m.previous.to_bits()),
            p.previous.map(f64::to_bits)
        );
        assert_eq!(
            m.has_si.then_some(m.si_value.to_bits()),
            p.si_value.map(f64::to_bits)
        );
    }
    let entities = unsafe { shushuo_document_entity_count(doc) };
    assert_eq!(entities, parsed.entities.len());
    for (i, p) in parsed.entities.iter().enumerate() {
        let mut e = std::mem::MaybeUninit::<shushuo_entity>::zeroed();
        unsafe { (*e.as_mut_ptr()).struct_size = std::mem::size_of::<shushuo_entity>() };
        assert_eq!(
            unsafe { shushuo_document_entity(doc, i, e.as_mut_ptr()) },
            shushuo_status::Ok
        );
        let e = unsafe { e.assume_init() };
        let surface = text.get(e.start..e.end);
        assert!(surface.is_some(), "{}..{}", e.start, e.end);
        assert_eq!(view(&e.text), surface.map(str::as_bytes));
        assert_eq!((chars(e.start), chars(e.end)), (e.char_start, e.char_end));
        assert!(e.code.data.is_null() || e.code.len == 6);
        if p.kind == EntityKind::Date {
            check_date(&p.normalized);
        }
    }
    unsafe { shushuo_document_free(doc) };
});
