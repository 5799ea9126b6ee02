//! The exported functions called as C would call them.

use std::ffi::{c_char, CStr};
use std::ptr::{null, null_mut};

use super::*;

fn last_error() -> String {
    let mut buf = [0 as c_char; 512];
    let n = unsafe { shushuo_last_error_message(buf.as_mut_ptr(), buf.len()) };
    let s = unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
    assert_eq!(s.len(), n.min(buf.len() - 1));
    s.to_owned()
}

fn extractor(options: Option<&CStr>) -> *mut shushuo_extractor {
    let mut ex = null_mut();
    let status = unsafe { shushuo_extractor_new(options.map_or(null(), CStr::as_ptr), &mut ex) };
    assert_eq!(status, shushuo_status::Ok, "{}", last_error());
    assert!(!ex.is_null());
    ex
}

fn extract(ex: *const shushuo_extractor, text: &[u8]) -> (shushuo_status, *mut shushuo_document) {
    let mut doc = 1 as *mut shushuo_document;
    let status = unsafe { shushuo_extract(ex, text.as_ptr().cast(), text.len(), &mut doc) };
    (status, doc)
}

/// A metric for a getter to fill: zeroed, `struct_size` set as C sets it.
pub(crate) fn metric_out() -> shushuo_metric {
    // SAFETY: all-zero bytes are a valid shushuo_metric.
    let mut m: shushuo_metric = unsafe { std::mem::MaybeUninit::zeroed().assume_init() };
    m.struct_size = std::mem::size_of::<shushuo_metric>();
    m
}

/// An entity for a getter to fill, like [`metric_out`].
pub(crate) fn entity_out() -> shushuo_entity {
    // SAFETY: all-zero bytes are a valid shushuo_entity.
    let mut e: shushuo_entity = unsafe { std::mem::MaybeUninit::zeroed().assume_init() };
    e.struct_size = std::mem::size_of::<shushuo_entity>();
    e
}

fn view(s: shushuo_str) -> &'static str {
    assert!(!s.data.is_null());
    unsafe { std::str::from_utf8(std::slice::from_raw_parts(s.data.cast(), s.len)).unwrap() }
}

/// `None` for an absent view (data NULL, len 0), else the string.
fn optional_view(s: shushuo_str) -> Option<&'static str> {
    if s.data.is_null() {
        assert_eq!(s.len, 0);
        None
    } else {
        Some(view(s))
    }
}

#[test]
fn extractor_new_and_free() {
    let ex = extractor(None);
    unsafe { shushuo_extractor_free(ex) };
    let ex = extractor(Some(
        c"{\"reference_date\":\"2023-06-30\",\"entities\":false}",
    ));
    unsafe { shushuo_extractor_free(ex) };
    unsafe { shushuo_extractor_free(null_mut()) };
}

#[test]
fn extractor_new_refuses_bad_options() {
    for (json, status, words) in [
        (
            &b"{\0"[..],
            shushuo_status::InvalidOptions,
            "invalid options: not valid JSON",
        ),
        (
            b"{\"colour\":1}\0",
            shushuo_status::InvalidOptions,
            "colour",
        ),
        (
            b"{\"reference_date\":\"2023-13-01\"}\0",
            shushuo_status::InvalidOptions,
            "2023-13-01",
        ),
        (
            b"{\"extra_units\":{\" \":\"count\"}}\0",
            shushuo_status::InvalidOptions,
            "extra unit",
        ),
        (
            b"{\"default_region\":\"\xff\"}\0",
            shushuo_status::InvalidUtf8,
            "options_json",
        ),
        // Only a JSON object: serde alone would read an array as the
        // fields in order.
        (
            "[\"2023-06-30\",true,false,\"江北区\"]\0".as_bytes(),
            shushuo_status::InvalidOptions,
            "expected a JSON object",
        ),
        (b"[]\0", shushuo_status::InvalidOptions, "got an array"),
        (b"null\0", shushuo_status::InvalidOptions, "got null"),
        (b"5\0", shushuo_status::InvalidOptions, "got a number"),
        (b"\"{}\"\0", shushuo_status::InvalidOptions, "got a string"),
        (
            b"{\"metrics\":true,\"colour\":1}\0",
            shushuo_status::InvalidOptions,
            "unknown field `colour`",
        ),
        (
            b"{\"metrics\":true,\"metrics\":false}\0",
            shushuo_status::InvalidOptions,
            "duplicate field `metrics`",
        ),
        (b" \n\0", shushuo_status::InvalidOptions, "EOF"),
    ] {
        let mut ex = 1 as *mut shushuo_extractor;
        assert_eq!(
            unsafe { shushuo_extractor_new(json.as_ptr().cast(), &mut ex) },
            status
        );
        assert!(ex.is_null());
        let message = last_error();
        assert!(message.starts_with("shushuo_extractor_new: "), "{message}");
        assert!(message.contains(words), "{message}");
    }
    assert_eq!(
        unsafe { shushuo_extractor_new(null(), null_mut()) },
        shushuo_status::NullArgument
    );
    assert_eq!(last_error(), "shushuo_extractor_new: out is NULL");
}

#[test]
fn extract_checks_its_arguments() {
    let ex = extractor(None);
    let (status, doc) = extract(null(), b"x");
    assert_eq!((status, doc), (shushuo_status::NullArgument, null_mut()));
    assert_eq!(last_error(), "shushuo_extract: ex is NULL");

    let mut doc = 1 as *mut shushuo_document;
    let status = unsafe { shushuo_extract(ex, null(), 3, &mut doc) };
    assert_eq!((status, doc), (shushuo_status::NullArgument, null_mut()));
    assert_eq!(last_error(), "shushuo_extract: text is NULL");

    let status = unsafe { shushuo_extract(ex, c"x".as_ptr(), usize::MAX, &mut doc) };
    assert_eq!((status, doc), (shushuo_status::OutOfRange, null_mut()));

    let status = unsafe { shushuo_extract(ex, c"x".as_ptr(), 1, null_mut()) };
    assert_eq!(status, shushuo_status::NullArgument);

    let (status, doc) = extract(ex, "数说\u{0}".as_bytes());
    assert_eq!(status, shushuo_status::Ok);
    unsafe { shushuo_document_free(doc) };

    let (status, doc) = extract(ex, b"8660\xe4\xb8");
    assert_eq!((status, doc), (shushuo_status::InvalidUtf8, null_mut()));
    assert!(last_error().contains("at byte 4"), "{}", last_error());
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn empty_text_gives_an_empty_document() {
    let ex = extractor(None);
    let mut doc = null_mut();
    assert_eq!(
        unsafe { shushuo_extract(ex, null(), 0, &mut doc) },
        shushuo_status::Ok
    );
    assert_eq!(unsafe { shushuo_document_metric_count(doc) }, 0);
    assert_eq!(unsafe { shushuo_document_entity_count(doc) }, 0);
    let mut m = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut m) },
        shushuo_status::OutOfRange
    );
    assert_eq!(
        last_error(),
        "shushuo_document_metric: metric index 0 out of range (count 0)"
    );
    let mut e = entity_out();
    assert_eq!(
        unsafe { shushuo_document_entity(doc, 0, &mut e) },
        shushuo_status::OutOfRange
    );
    let mut region = shushuo_str {
        data: c"x".as_ptr(),
        len: 1,
    };
    assert_eq!(
        unsafe { shushuo_document_region(doc, &mut region) },
        shushuo_status::Ok
    );
    assert!(region.data.is_null() && region.len == 0);
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn document_getters_agree_with_the_core() {
    let text = "2022年，江北区新增公办中小学学位8660个，普惠率达94%。教育部印发《通知》。";
    let ex = extractor(Some(c"{\"reference_date\":\"2023-06-30\"}"));
    let (status, doc) = extract(ex, text.as_bytes());
    assert_eq!(status, shushuo_status::Ok);
    let core = Extractor::builder()
        .reference_date("2023-06-30")
        .build()
        .unwrap()
        .extract(text);

    let n = unsafe { shushuo_document_metric_count(doc) };
    assert_eq!(n, core.metrics.len());
    for (i, cm) in core.metrics.iter().enumerate() {
        let mut m = metric_out();
        assert_eq!(
            unsafe { shushuo_document_metric(doc, i, &mut m) },
            shushuo_status::Ok
        );
        assert_eq!(m.struct_size, std::mem::size_of::<shushuo_metric>());
        assert_eq!((m.start, m.end), (cm.span.start, cm.span.end));
        assert_eq!(
            (m.char_start, m.char_end),
            (cm.span.char_start, cm.span.char_end)
        );
        assert!(m.end <= text.len() && text.is_char_boundary(m.start));
        assert_eq!(m.value.to_bits(), cm.value.to_bits());
        assert_eq!(
            (view(m.text), view(m.unit)),
            (cm.text.as_str(), cm.unit.as_str())
        );
        assert_eq!(view(m.indicator), cm.indicator);
        assert_eq!(m.period.data.is_null(), cm.period.is_none());
        assert_eq!(m.region.data.is_null(), cm.region.is_none());
        assert_eq!(m.approx, cm.approx.into());
        assert_eq!(
            (m.has_previous, m.previous.to_bits()),
            (cm.previous.is_some(), cm.previous.unwrap_or(0.0).to_bits())
        );
        assert_eq!(
            (m.has_si, m.si_value.to_bits()),
            (cm.si_value.is_some(), cm.si_value.unwrap_or(0.0).to_bits())
        );
        assert_eq!(optional_view(m.si_unit), cm.si_unit.as_deref());
    }
    let n = unsafe { shushuo_document_entity_count(doc) };
    assert_eq!(n, core.entities.len());
    for (i, ce) in core.entities.iter().enumerate() {
        let mut e = entity_out();
        assert_eq!(
            unsafe { shushuo_document_entity(doc, i, &mut e) },
            shushuo_status::Ok
        );
        assert_eq!(
            (e.start, e.end, e.kind),
            (ce.span.start, ce.span.end, ce.kind.into())
        );
        assert_eq!(
            (view(e.text), view(e.normalized)),
            (ce.text.as_str(), ce.normalized.as_str())
        );
        assert_eq!(
            (optional_view(e.code), optional_view(e.canonical)),
            (ce.code.as_deref(), ce.canonical.as_deref())
        );
    }

    let mut json = null_mut();
    assert_eq!(
        unsafe { shushuo_document_to_json(doc, &mut json) },
        shushuo_status::Ok
    );
    let s = unsafe { CStr::from_ptr(json) }.to_str().unwrap();
    assert_eq!(s, serde_json::to_string(&core).unwrap());
    let back: Document = serde_json::from_str(s).unwrap();
    assert_eq!(back, core);
    unsafe { shushuo_string_free(json) };
    unsafe { shushuo_string_free(null_mut()) };
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn simple_metric_comes_through() {
    let text = "全区新增学位8660个。";
    let ex = extractor(None);
    let (_, doc) = extract(ex, text.as_bytes());
    assert_eq!(unsafe { shushuo_document_metric_count(doc) }, 1);
    let mut m = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut m) },
        shushuo_status::Ok
    );
    assert_eq!(
        (m.value, view(m.unit), view(m.text)),
        (8660.0, "个", "8660个")
    );
    assert_eq!(&text[m.start..m.end], "8660个");
    assert_eq!((m.char_start, m.char_end), (6, 11));
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn null_documents_are_refused() {
    assert_eq!(unsafe { shushuo_document_metric_count(null()) }, 0);
    assert_eq!(last_error(), "shushuo_document_metric_count: doc is NULL");
    assert_eq!(unsafe { shushuo_document_entity_count(null()) }, 0);
    let mut m = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(null(), 0, &mut m) },
        shushuo_status::NullArgument
    );
    let mut e = entity_out();
    assert_eq!(
        unsafe { shushuo_document_entity(null(), 0, &mut e) },
        shushuo_status::NullArgument
    );
    let mut json = 1 as *mut c_char;
    assert_eq!(
        unsafe { shushuo_document_to_json(null(), &mut json) },
        shushuo_status::NullArgument
    );
    assert!(json.is_null());
    let mut region = std::mem::MaybeUninit::uninit();
    assert_eq!(
        unsafe { shushuo_document_region(null(), region.as_mut_ptr()) },
        shushuo_status::NullArgument
    );
    unsafe { shushuo_document_free(null_mut()) };

    let ex = extractor(None);
    let (_, doc) = extract(ex, b"");
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, null_mut()) },
        shushuo_status::NullArgument
    );
    assert_eq!(last_error(), "shushuo_document_metric: out is NULL");
    assert_eq!(
        unsafe { shushuo_document_entity(doc, 0, null_mut()) },
        shushuo_status::NullArgument
    );
    assert_eq!(
        unsafe { shushuo_document_to_json(doc, null_mut()) },
        shushuo_status::NullArgument
    );
    assert_eq!(
        unsafe { shushuo_document_region(doc, null_mut()) },
        shushuo_status::NullArgument
    );
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn last_error_message_copies_cuts_and_measures() {
    boundary::set_last_error("ab数c");
    assert_eq!(unsafe { shushuo_last_error_message(null_mut(), 0) }, 6);
    assert_eq!(unsafe { shushuo_last_error_message(null_mut(), 100) }, 6);
    let mut buf = [b'x' as c_char; 8];
    assert_eq!(
        unsafe { shushuo_last_error_message(buf.as_mut_ptr(), 0) },
        6
    );
    assert_eq!(buf[0], b'x' as c_char);
    // Room for 3 bytes: "ab" plus the first byte of 数 would split it.
    assert_eq!(
        unsafe { shushuo_last_error_message(buf.as_mut_ptr(), 4) },
        6
    );
    assert_eq!(unsafe { CStr::from_ptr(buf.as_ptr()) }.to_bytes(), b"ab");
    assert_eq!(
        unsafe { shushuo_last_error_message(buf.as_mut_ptr(), 1) },
        6
    );
    assert_eq!(buf[0], 0);
    assert_eq!(
        unsafe { shushuo_last_error_message(buf.as_mut_ptr(), 8) },
        6
    );
    assert_eq!(
        unsafe { CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap(),
        "ab数c"
    );
    std::thread::spawn(|| {
        assert_eq!(unsafe { shushuo_last_error_message(null_mut(), 0) }, 0);
    })
    .join()
    .unwrap();
}

#[test]
fn version_is_the_crate_version() {
    let v = unsafe { CStr::from_ptr(shushuo_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
}

#[test]
fn one_extractor_serves_many_threads() {
    struct Shared(*mut shushuo_extractor);
    // SAFETY: the extractor is Sync; the pointer is only read while alive.
    unsafe impl Sync for Shared {}
    let ex = Shared(extractor(None));
    std::thread::scope(|s| {
        for t in 0..4 {
            let ex = &ex;
            s.spawn(move || {
                for i in 0..50 {
                    let text = format!("第{t}组第{i}次：全区新增学位{}个。", 100 + i);
                    let (status, doc) = extract(ex.0, text.as_bytes());
                    assert_eq!(status, shushuo_status::Ok);
                    unsafe { shushuo_document_free(doc) };
                }
            });
        }
    });
    unsafe { shushuo_extractor_free(ex.0) };
}

#[test]
fn from_to_pairs_carry_previous() {
    let text = "全区公办中小学由41所增加到67所。";
    let ex = extractor(None);
    let (status, doc) = extract(ex, text.as_bytes());
    assert_eq!(status, shushuo_status::Ok);
    assert_eq!(unsafe { shushuo_document_metric_count(doc) }, 2);
    let mut m = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 1, &mut m) },
        shushuo_status::Ok
    );
    assert_eq!((view(m.text), m.value), ("67所", 67.0));
    assert_eq!((m.has_previous, m.previous), (true, 41.0));
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut m) },
        shushuo_status::Ok
    );
    assert_eq!(
        (view(m.text), m.has_previous, m.previous),
        ("41所", false, 0.0)
    );

    // A caller built against the first layout gets that layout only.
    let first = std::mem::offset_of!(shushuo_metric, has_previous);
    let mut old = metric_out();
    old.struct_size = first;
    old.previous = -1.0;
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 1, &mut old) },
        shushuo_status::Ok
    );
    assert_eq!((old.struct_size, old.value), (first, 67.0));
    assert_eq!((old.has_previous, old.previous), (false, -1.0));
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn getters_refuse_a_struct_size_below_the_first_layout() {
    let ex = extractor(None);
    let (_, doc) = extract(ex, "全区新增学位8660个。江北区".as_bytes());
    let mut m = metric_out();
    m.struct_size = 0;
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut m) },
        shushuo_status::OutOfRange
    );
    assert!(
        last_error().contains("sizeof(shushuo_metric)"),
        "{}",
        last_error()
    );
    assert_eq!((m.struct_size, m.value), (0, 0.0));
    let mut e = entity_out();
    e.struct_size = std::mem::offset_of!(shushuo_entity, code) - 1;
    assert_eq!(
        unsafe { shushuo_document_entity(doc, 0, &mut e) },
        shushuo_status::OutOfRange
    );
    assert!(
        last_error().contains("sizeof(shushuo_entity)"),
        "{}",
        last_error()
    );
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn si_values_and_their_layout() {
    let text = "流转土地3亩,投入8亿元。";
    let ex = extractor(Some(c"{\"entities\":false}"));
    let (status, doc) = extract(ex, text.as_bytes());
    assert_eq!(status, shushuo_status::Ok);
    assert_eq!(unsafe { shushuo_document_metric_count(doc) }, 2);
    let mut m = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut m) },
        shushuo_status::Ok
    );
    assert_eq!(
        (view(m.text), m.has_si, view(m.si_unit)),
        ("3亩", true, "m2")
    );
    assert!((m.si_value - 2000.0).abs() < 1e-6, "{}", m.si_value);
    let mut money = metric_out();
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 1, &mut money) },
        shushuo_status::Ok
    );
    assert_eq!(
        (view(money.unit), money.has_si, money.si_value),
        ("元", false, 0.0)
    );
    assert!(money.si_unit.data.is_null());

    // A caller built against layout 2 gets previous and nothing after it.
    let second = std::mem::offset_of!(shushuo_metric, has_si);
    let mut old = metric_out();
    old.struct_size = second;
    old.si_value = -1.0;
    assert_eq!(
        unsafe { shushuo_document_metric(doc, 0, &mut old) },
        shushuo_status::Ok
    );
    assert_eq!((old.struct_size, old.value), (second, 3.0));
    assert_eq!((old.has_si, old.si_value), (false, -1.0));
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn entity_codes_are_absent_or_six_digits() {
    let text = "河北省、涪城区和江北区新增学位8660个,教育部印发通知。";
    let ex = extractor(None);
    let (status, doc) = extract(ex, text.as_bytes());
    assert_eq!(status, shushuo_status::Ok);
    let n = unsafe { shushuo_document_entity_count(doc) };
    assert!(n > 0);
    for i in 0..n {
        let mut e = entity_out();
        assert_eq!(
            unsafe { shushuo_document_entity(doc, i, &mut e) },
            shushuo_status::Ok
        );
        assert_eq!(e.struct_size, std::mem::size_of::<shushuo_entity>());
        if let Some(code) = optional_view(e.code) {
            assert_eq!(e.kind, shushuo_entity_kind::Region, "{code}");
            assert!(
                code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()),
                "{code:?}"
            );
        }
        if let Some(canonical) = optional_view(e.canonical) {
            assert!(!canonical.is_empty());
        }
    }
    // A caller built against entity layout 1 still works.
    let first = std::mem::offset_of!(shushuo_entity, code);
    let mut old = entity_out();
    old.struct_size = first;
    old.code.len = 7;
    assert_eq!(
        unsafe { shushuo_document_entity(doc, 0, &mut old) },
        shushuo_status::Ok
    );
    assert_eq!(old.struct_size, first);
    assert!(old.code.data.is_null() && old.code.len == 7);
    unsafe { shushuo_document_free(doc) };
    unsafe { shushuo_extractor_free(ex) };
}

fn str_view(s: &[u8]) -> shushuo_str {
    shushuo_str {
        data: s.as_ptr().cast(),
        len: s.len(),
    }
}

#[test]
fn batch_gives_each_text_its_document_in_order() {
    let ex = extractor(None);
    let texts: Vec<String> = (0..23).map(|i| format!("全区新增学位{i}个。")).collect();
    let mut views: Vec<shushuo_str> = texts.iter().map(|t| str_view(t.as_bytes())).collect();
    views.push(shushuo_str {
        data: null(),
        len: 0,
    });
    for threads in [0, 1, 2, 7] {
        let mut out = vec![1 as *mut shushuo_document; views.len()];
        let status = unsafe {
            shushuo_extract_batch(ex, views.as_ptr(), views.len(), threads, out.as_mut_ptr())
        };
        assert_eq!(status, shushuo_status::Ok, "{}", last_error());
        for (i, &doc) in out.iter().enumerate() {
            let (one_status, one) = match texts.get(i) {
                Some(t) => extract(ex, t.as_bytes()),
                None => extract(ex, b""),
            };
            assert_eq!(one_status, shushuo_status::Ok);
            unsafe {
                assert_eq!((*doc).inner, (*one).inner, "text {i}, {threads} threads");
                shushuo_document_free(one);
                shushuo_document_free(doc);
            }
        }
    }
    // Nothing to do is no error, whatever `texts` and `out` are.
    let status = unsafe { shushuo_extract_batch(ex, null(), 0, 0, null_mut()) };
    assert_eq!(status, shushuo_status::Ok);
    unsafe { shushuo_extractor_free(ex) };
}

#[test]
fn batch_checks_every_text_first_and_names_the_bad_one() {
    let ex = extractor(None);
    let good = "新增学位8660个。".as_bytes();
    let bad = b"\xff\xfe";
    let views = [
        str_view(good),
        str_view(good),
        str_view(bad),
        str_view(good),
    ];
    let mut out = [1 as *mut shushuo_document; 4];
    let status = unsafe { shushuo_extract_batch(ex, views.as_ptr(), 4, 2, out.as_mut_ptr()) };
    assert_eq!(status, shushuo_status::InvalidUtf8);
    assert!(out.iter().all(|d| d.is_null()), "no document on failure");
    let msg = last_error();
    assert!(
        msg.starts_with("shushuo_extract_batch: texts[2]: "),
        "{msg}"
    );

    let views = [
        str_view(good),
        shushuo_str {
            data: null(),
            len: 3,
        },
    ];
    let mut out = [1 as *mut shushuo_document; 2];
    let status = unsafe { shushuo_extract_batch(ex, views.as_ptr(), 2, 0, out.as_mut_ptr()) };
    assert_eq!(status, shushuo_status::NullArgument);
    assert!(
        last_error().contains("texts[1] is NULL"),
        "{}",
        last_error()
    );
    assert!(out.iter().all(|d| d.is_null()));

    let status = unsafe { shushuo_extract_batch(ex, null(), 2, 0, out.as_mut_ptr()) };
    assert_eq!(status, shushuo_status::NullArgument);
    let status = unsafe { shushuo_extract_batch(ex, views.as_ptr(), 2, 0, null_mut()) };
    assert_eq!(status, shushuo_status::NullArgument);
    let status = unsafe { shushuo_extract_batch(null(), views.as_ptr(), 2, 0, out.as_mut_ptr()) };
    assert_eq!(status, shushuo_status::NullArgument);
    assert!(out.iter().all(|d| d.is_null()));
    unsafe { shushuo_extractor_free(ex) };
}
