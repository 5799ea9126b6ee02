//! Arbitrary bytes through `shushuo_extract`: any input gives OK (then every
//! record lies within the text and the JSON serialises) or INVALID_UTF8
//! (exactly when the bytes are not UTF-8), never a panic.

#![no_main]

use std::ffi::CStr;
use std::ptr::null_mut;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
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
    for i in 0..unsafe { shushuo_document_metric_count(doc) } {
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
        assert!(text.get(m.start..m.end).is_some(), "{}..{}", m.start, m.end);
    }
    for i in 0..unsafe { shushuo_document_entity_count(doc) } {
        let mut e = std::mem::MaybeUninit::<shushuo_entity>::zeroed();
        unsafe { (*e.as_mut_ptr()).struct_size = std::mem::size_of::<shushuo_entity>() };
        assert_eq!(
            unsafe { shushuo_document_entity(doc, i, e.as_mut_ptr()) },
            shushuo_status::Ok
        );
        let e = unsafe { e.assume_init() };
        assert!(text.get(e.start..e.end).is_some(), "{}..{}", e.start, e.end);
        assert!(e.code.data.is_null() || e.code.len == 6);
    }
    let mut json = null_mut();
    assert_eq!(
        unsafe { shushuo_document_to_json(doc, &mut json) },
        shushuo_status::Ok
    );
    assert!(serde_json::from_str::<serde_json::Value>(
        unsafe { CStr::from_ptr(json) }.to_str().unwrap()
    )
    .is_ok());
    unsafe { shushuo_string_free(json) };
    unsafe { shushuo_document_free(doc) };
});
