//! The C ABI of shushuo: `libshushuo.a` / `libshushuo.so` with the header
//! `include/shushuo.h`, generated from this crate by cbindgen.
//!
//! A thin layer over the core: every function checks its pointers,
//! validates UTF-8, turns errors into a [`shushuo_status`] plus a
//! thread-local message, and catches panics in one helper
//! ([`boundary::boundary`]), so nothing unwinds into C.
//!
//! # How the ABI grows
//!
//! New versions add to the ABI without breaking programs built against an
//! older header, and programs built against a newer header still run on
//! an older library:
//!
//! - **Records are growable.** `shushuo_metric` and `shushuo_entity` start
//!   with `size_t struct_size`. The caller sets it to the size of its own
//!   declaration before each `shushuo_document_metric` /
//!   `shushuo_document_entity` call:
//!
//!   ```c
//!   shushuo_metric m;
//!   m.struct_size = sizeof m;
//!   if (shushuo_document_metric(doc, i, &m) == SHUSHUO_STATUS_OK && SHUSHUO_FILLED(&m, previous)
//!       && m.has_previous) { ... }
//!   ```
//!
//!   Fields are only ever appended; each version that appends some is a new
//!   *layout* (metric: 1 = `struct_size` … `char_end`, 2 = + `has_previous`,
//!   `previous`, 3 = + `has_si`, `si_value`, `si_unit`; entity: 1 =
//!   `struct_size` … `char_end`, 2 = + `code`, `canonical`). The library fills
//!   the largest layout that fits in `struct_size` bytes, leaves the bytes
//!   after it untouched, and sets `struct_size` to the end of that layout —
//!   so a caller built against a newer header than the library learns which
//!   fields were filled (`SHUSHUO_FILLED(&m, field)` in the header compares
//!   them). A `struct_size` smaller than layout 1 is refused with
//!   `SHUSHUO_STATUS_OUT_OF_RANGE` and `*out` untouched.
//! - **Enums grow.** Later versions may add statuses and kinds. Treat an
//!   unknown status as a failure, and an unknown `shushuo_quantity_kind` or
//!   `shushuo_entity_kind` as its `OTHER` value (which this library also
//!   returns for a kind the core has and the header does not name yet;
//!   the JSON of `shushuo_document_to_json` names every kind).
//! - **Options are a JSON object** whose keys are the core's `Options`
//!   fields; a new option is a new key, so older option strings keep
//!   working. Anything but an object (an array, a number…) and any unknown
//!   key are refused with `SHUSHUO_STATUS_INVALID_OPTIONS`.
//! - Functions are only added, never changed; `shushuo_str` stays two
//!   fields.

#![deny(unsafe_op_in_unsafe_fn)]
#![warn(missing_docs)]

#[cfg(panic = "abort")]
compile_error!("shushuo-ffi catches panics at the C boundary: build it with panic=unwind");

mod boundary;
mod types;

#[cfg(test)]
mod stress;

use std::ffi::{c_char, CString};

use shushuo_core::{Document, Error, Extractor, Options};

pub use boundary::shushuo_status;
use boundary::{arg_out, arg_ref, boundary, c_str, null_argument, Failure};
pub use types::{
    shushuo_approx, shushuo_change, shushuo_entity, shushuo_entity_kind, shushuo_metric,
    shushuo_quantity_kind, shushuo_str,
};
use types::{write_growable, Growable};

/// An extractor: built once from options, then used for any number of
/// texts, from any number of threads at once. Free with
/// `shushuo_extractor_free`.
#[allow(non_camel_case_types)]
pub struct shushuo_extractor {
    inner: Extractor,
}

/// What one text yields: its metrics and entities. Owns every string its
/// views point to. Free with `shushuo_document_free`.
#[allow(non_camel_case_types)]
pub struct shushuo_document {
    inner: Document,
}

fn status_of(e: &Error) -> shushuo_status {
    match e {
        Error::InvalidUtf8 { .. } => shushuo_status::InvalidUtf8,
        Error::Io { .. } => shushuo_status::IoError,
        _ => shushuo_status::InvalidOptions,
    }
}

fn core_failure(e: Error) -> Failure {
    Failure::new(status_of(&e), e.to_string())
}

/// Writes the view of `items[index]` to the caller's growable struct at
/// `out`, for the document getters: OUT_OF_RANGE names the index and the
/// count of `what`s, or says that `struct_size` is too small.
///
/// # Safety
/// `out` is NULL or an aligned struct whose `struct_size` is set and which
/// is writable for `struct_size` bytes.
unsafe fn write_item<T, V: Growable>(
    items: &[T],
    index: usize,
    what: &str,
    out: *mut V,
    view: impl FnOnce(&T) -> V,
) -> Result<(), Failure> {
    let out = arg_out(out, "out")?;
    let item = items.get(index).ok_or_else(|| {
        Failure::new(
            shushuo_status::OutOfRange,
            format!("{what} index {index} out of range (count {})", items.len()),
        )
    })?;
    // SAFETY: non-NULL, `struct_size` set, writable for it (caller contract).
    unsafe { write_growable(out, view(item)) }
}

/// Builds an extractor from options given as a JSON object, the
/// serialisation of the core's `Options`, e.g.
/// `{"reference_date":"2023-06-30","entities":false}` (missing keys take
/// their defaults, unknown keys are refused by name). NULL `options_json`
/// means default options. The key `"user_dict"` takes a path or a list of
/// paths of user dictionaries (lines `word TYPE`, `word UNIT kind`,
/// `word STOP`; see the README), read and merged here.
///
/// Returns `SHUSHUO_STATUS_INVALID_OPTIONS` for JSON that does not parse,
/// JSON that is not an object (an array, a number…), unknown keys, options
/// that are invalid or a user dictionary line that is not an entry (the
/// message names file and line), `SHUSHUO_STATUS_IO_ERROR` for a user
/// dictionary that cannot be read, `SHUSHUO_STATUS_INVALID_UTF8` for options
/// that are not UTF-8, `SHUSHUO_STATUS_NULL_ARGUMENT` if `out` is NULL. On
/// success `*out` is a new extractor; on failure it is set to NULL.
///
/// # Safety
/// `options_json` is NULL or a NUL-terminated string; `out` is NULL or
/// points to writable storage for a pointer.
#[no_mangle]
pub unsafe extern "C" fn shushuo_extractor_new(
    options_json: *const c_char,
    out: *mut *mut shushuo_extractor,
) -> shushuo_status {
    boundary("shushuo_extractor_new", || {
        let out = arg_out(out, "out")?;
        // SAFETY: `out` is non-NULL and writable (caller contract).
        unsafe { out.write(std::ptr::null_mut()) };
        let options = if options_json.is_null() {
            Options::default()
        } else {
            // SAFETY: non-NULL and NUL-terminated (caller contract).
            let json = unsafe { c_str(options_json, "options_json") }?;
            Options::from_json(json).map_err(core_failure)?
        };
        let inner = Extractor::from_options(options).map_err(core_failure)?;
        let ex = Box::into_raw(Box::new(shushuo_extractor { inner }));
        // SAFETY: as above.
        unsafe { out.write(ex) };
        Ok(shushuo_status::Ok)
    })
}

/// Frees an extractor. NULL is a no-op.
///
/// # Safety
/// `ex` is NULL or came from `shushuo_extractor_new`, is not used by any
/// other thread during or after the call, and is not freed twice.
#[no_mangle]
pub unsafe extern "C" fn shushuo_extractor_free(ex: *mut shushuo_extractor) {
    boundary("shushuo_extractor_free", || {
        if !ex.is_null() {
            // SAFETY: `ex` came from `Box::into_raw` (caller contract).
            drop(unsafe { Box::from_raw(ex) });
        }
        Ok(())
    })
}

/// The `len` bytes at `text` (NULL is the empty text when `len` is 0).
///
/// # Safety
/// `text` is NULL or readable for `len` bytes that no one writes during the
/// call.
unsafe fn text_bytes<'a>(text: *const c_char, len: usize, arg: &str) -> Result<&'a [u8], Failure> {
    if len == 0 {
        Ok(&[])
    } else if text.is_null() {
        Err(null_argument(arg))
    } else if len > isize::MAX as usize {
        Err(Failure::new(
            shushuo_status::OutOfRange,
            format!("{arg}: len {len} exceeds PTRDIFF_MAX"),
        ))
    } else {
        // SAFETY: non-NULL, readable for `len` <= isize::MAX bytes and not
        // written during the call (caller contract).
        Ok(unsafe { std::slice::from_raw_parts(text.cast(), len) })
    }
}

/// Extracts metrics and entities from `len` bytes of UTF-8 at `text` (no
/// NUL terminator needed; NUL bytes are text like any other). The text is
/// only read during the call; the document does not point into it, but its
/// offsets refer to it. NULL `text` is accepted as the empty text when `len`
/// is 0.
///
/// Returns `SHUSHUO_STATUS_INVALID_UTF8` for text that is not valid UTF-8
/// (it is never repaired), `SHUSHUO_STATUS_OUT_OF_RANGE` if `len` exceeds
/// `PTRDIFF_MAX`, `SHUSHUO_STATUS_NULL_ARGUMENT` for a NULL `ex`, `out`, or
/// `text` with `len` > 0. On success `*out` is a new document; on failure it
/// is set to NULL.
///
/// # Safety
/// `ex` is NULL or a live extractor; `text` is NULL or readable for `len`
/// bytes that no one writes during the call; `out` is NULL or points to
/// writable storage for a pointer.
#[no_mangle]
pub unsafe extern "C" fn shushuo_extract(
    ex: *const shushuo_extractor,
    text: *const c_char,
    len: usize,
    out: *mut *mut shushuo_document,
) -> shushuo_status {
    boundary("shushuo_extract", || {
        let out = arg_out(out, "out")?;
        // SAFETY: `out` is non-NULL and writable (caller contract).
        unsafe { out.write(std::ptr::null_mut()) };
        // SAFETY: NULL or a live extractor (caller contract).
        let ex = unsafe { arg_ref(ex, "ex") }?;
        // SAFETY: NULL or readable for `len` bytes not written during the
        // call (caller contract).
        let bytes = unsafe { text_bytes(text, len, "text") }?;
        let inner = ex.inner.extract_bytes(bytes).map_err(core_failure)?;
        let doc = Box::into_raw(Box::new(shushuo_document { inner }));
        // SAFETY: as above.
        unsafe { out.write(doc) };
        Ok(shushuo_status::Ok)
    })
}

/// Extracts `n` texts at once on up to `threads` threads (0: one per
/// available core), the way `shushuo_extract` extracts one: `texts` is an
/// array of `n` views (`data` may be NULL when `len` is 0), `out` an array
/// of `n` document pointers the caller provides. The texts are only read
/// during the call.
///
/// Every text is checked before any is extracted: on failure no document is
/// made, every `out[i]` is set to NULL and the last error message names the
/// first bad text by its index (`texts[3]: invalid UTF-8 …`). Returns
/// `SHUSHUO_STATUS_INVALID_UTF8`, `SHUSHUO_STATUS_OUT_OF_RANGE` (a `len`
/// over `PTRDIFF_MAX`) or `SHUSHUO_STATUS_NULL_ARGUMENT` (NULL `ex`, or
/// NULL `texts` or `out` with `n` > 0, or a NULL `data` with `len` > 0). On
/// success each `out[i]` is a new document, freed with
/// `shushuo_document_free`.
///
/// # Safety
/// `ex` is NULL or a live extractor; `texts` is NULL or readable for `n`
/// views, each readable for its `len` bytes, none written during the call;
/// `out` is NULL or writable for `n` pointers.
#[no_mangle]
pub unsafe extern "C" fn shushuo_extract_batch(
    ex: *const shushuo_extractor,
    texts: *const shushuo_str,
    n: usize,
    threads: usize,
    out: *mut *mut shushuo_document,
) -> shushuo_status {
    boundary("shushuo_extract_batch", || {
        if n == 0 {
            // SAFETY: NULL or a live extractor (caller contract).
            unsafe { arg_ref(ex, "ex") }?;
            return Ok(shushuo_status::Ok);
        }
        let out = arg_out(out, "out")?;
        // SAFETY: `out` is non-NULL and writable for `n` pointers.
        let out = unsafe { std::slice::from_raw_parts_mut(out, n) };
        out.fill(std::ptr::null_mut());
        // SAFETY: NULL or a live extractor (caller contract).
        let ex = unsafe { arg_ref(ex, "ex") }?;
        if texts.is_null() {
            return Err(null_argument("texts"));
        }
        // SAFETY: non-NULL and readable for `n` views (caller contract).
        let views = unsafe { std::slice::from_raw_parts(texts, n) };
        let mut strs = Vec::with_capacity(n);
        for (i, v) in views.iter().enumerate() {
            let arg = format!("texts[{i}]");
            // SAFETY: each view is readable for its `len` bytes (caller contract).
            let bytes = unsafe { text_bytes(v.data, v.len, &arg) }?;
            let text = std::str::from_utf8(bytes).map_err(|e| {
                let e = Error::InvalidUtf8 {
                    valid_up_to: e.valid_up_to(),
                };
                Failure::new(status_of(&e), format!("{arg}: {e}"))
            })?;
            strs.push(text);
        }
        let docs = ex.inner.extract_batch_on(&strs, threads);
        for (slot, inner) in out.iter_mut().zip(docs) {
            *slot = Box::into_raw(Box::new(shushuo_document { inner }));
        }
        Ok(shushuo_status::Ok)
    })
}

/// The number of metrics in `doc` (0 if `doc` is NULL).
///
/// # Safety
/// `doc` is NULL or a live document.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_metric_count(doc: *const shushuo_document) -> usize {
    boundary("shushuo_document_metric_count", || {
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        Ok(doc.inner.metrics.len())
    })
}

/// Fills `*out` with metric `index` (0-based, in text order). Its strings
/// are views into `doc`, valid until `doc` is freed.
///
/// Set `out->struct_size = sizeof *out` first: the library fills the
/// fields that fit in `struct_size` bytes (every field of the header the
/// caller was built with, or of this library's if that is older) and sets
/// `struct_size` to the bytes filled; `SHUSHUO_FILLED(out, field)` tells
/// whether `field` was.
///
/// Returns `SHUSHUO_STATUS_OUT_OF_RANGE` if `index` >= the metric count or
/// `struct_size` is smaller than the first `shushuo_metric` layout,
/// `SHUSHUO_STATUS_NULL_ARGUMENT` for a NULL `doc` or `out`; `*out` is left
/// untouched on failure.
///
/// # Safety
/// `doc` is NULL or a live document; `out` is NULL or points to a
/// `shushuo_metric` whose `struct_size` is set and which is writable for
/// `struct_size` bytes.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_metric(
    doc: *const shushuo_document,
    index: usize,
    out: *mut shushuo_metric,
) -> shushuo_status {
    boundary("shushuo_document_metric", || {
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        // SAFETY: NULL or writable (caller contract).
        unsafe {
            write_item(
                &doc.inner.metrics,
                index,
                "metric",
                out,
                shushuo_metric::new,
            )
        }?;
        Ok(shushuo_status::Ok)
    })
}

/// The number of entity mentions in `doc` (0 if `doc` is NULL).
///
/// # Safety
/// `doc` is NULL or a live document.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_entity_count(doc: *const shushuo_document) -> usize {
    boundary("shushuo_document_entity_count", || {
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        Ok(doc.inner.entities.len())
    })
}

/// Fills `*out` with entity mention `index` (0-based, in text order). Its
/// strings are views into `doc`, valid until `doc` is freed.
///
/// Set `out->struct_size = sizeof *out` first, as for
/// `shushuo_document_metric`: the library fills the fields that fit and
/// sets `struct_size` to the bytes filled.
///
/// Returns `SHUSHUO_STATUS_OUT_OF_RANGE` if `index` >= the entity count or
/// `struct_size` is smaller than the first `shushuo_entity` layout,
/// `SHUSHUO_STATUS_NULL_ARGUMENT` for a NULL `doc` or `out`; `*out` is left
/// untouched on failure.
///
/// # Safety
/// `doc` is NULL or a live document; `out` is NULL or points to a
/// `shushuo_entity` whose `struct_size` is set and which is writable for
/// `struct_size` bytes.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_entity(
    doc: *const shushuo_document,
    index: usize,
    out: *mut shushuo_entity,
) -> shushuo_status {
    boundary("shushuo_document_entity", || {
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        // SAFETY: NULL or writable (caller contract).
        unsafe {
            write_item(
                &doc.inner.entities,
                index,
                "entity",
                out,
                shushuo_entity::new,
            )
        }?;
        Ok(shushuo_status::Ok)
    })
}

/// Sets `*out` to the region the whole text is about, or to an absent
/// string (data NULL, len 0) if it names none. The view is valid until
/// `doc` is freed.
///
/// Returns `SHUSHUO_STATUS_NULL_ARGUMENT` for a NULL `doc` or `out`.
///
/// # Safety
/// `doc` is NULL or a live document; `out` is NULL or points to writable
/// storage for a `shushuo_str`.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_region(
    doc: *const shushuo_document,
    out: *mut shushuo_str,
) -> shushuo_status {
    boundary("shushuo_document_region", || {
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        let out = arg_out(out, "out")?;
        // SAFETY: non-NULL and writable (caller contract).
        unsafe { out.write(shushuo_str::optional(doc.inner.region.as_deref())) };
        Ok(shushuo_status::Ok)
    })
}

/// Sets `*out_json` to the document as JSON, a NUL-terminated UTF-8 string
/// of the same shape as the core's serde serialisation
/// (`{"region":…,"metrics":[…],"entities":[…]}`). Free it with
/// `shushuo_string_free`. On failure `*out_json` is set to NULL.
///
/// # Safety
/// `doc` is NULL or a live document; `out_json` is NULL or points to
/// writable storage for a pointer.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_to_json(
    doc: *const shushuo_document,
    out_json: *mut *mut c_char,
) -> shushuo_status {
    boundary("shushuo_document_to_json", || {
        let out = arg_out(out_json, "out_json")?;
        // SAFETY: non-NULL and writable (caller contract).
        unsafe { out.write(std::ptr::null_mut()) };
        // SAFETY: NULL or a live document (caller contract).
        let doc = unsafe { arg_ref(doc, "doc") }?;
        let json = serde_json::to_string(&doc.inner).expect("a Document always serialises");
        let json = CString::new(json).expect("serde_json escapes NUL");
        // SAFETY: as above.
        unsafe { out.write(json.into_raw()) };
        Ok(shushuo_status::Ok)
    })
}

/// Frees a string from `shushuo_document_to_json`. NULL is a no-op.
///
/// # Safety
/// `s` is NULL or a string from `shushuo_document_to_json`, not freed twice.
#[no_mangle]
pub unsafe extern "C" fn shushuo_string_free(s: *mut c_char) {
    boundary("shushuo_string_free", || {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` (caller contract).
            drop(unsafe { CString::from_raw(s) });
        }
        Ok(())
    })
}

/// Frees a document; every view into it becomes invalid. NULL is a no-op.
///
/// # Safety
/// `doc` is NULL or came from `shushuo_extract`, is not used by any other
/// thread during or after the call, and is not freed twice.
#[no_mangle]
pub unsafe extern "C" fn shushuo_document_free(doc: *mut shushuo_document) {
    boundary("shushuo_document_free", || {
        if !doc.is_null() {
            // SAFETY: `doc` came from `Box::into_raw` (caller contract).
            drop(unsafe { Box::from_raw(doc) });
        }
        Ok(())
    })
}

/// Copies the message of the last failed call on this thread into `buf`
/// and returns the message's full length in bytes (without NUL); 0 if no
/// call on this thread has failed. Successful calls leave the message as
/// it was.
///
/// At most `len` - 1 bytes are copied, cut at a UTF-8 character boundary,
/// and followed by a NUL; so a return value >= `len` means the message was
/// cut, and `len` = 0 (with `buf` NULL or not) only queries the length.
///
/// # Safety
/// `buf` is NULL or writable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn shushuo_last_error_message(buf: *mut c_char, len: usize) -> usize {
    boundary("shushuo_last_error_message", || {
        let message = boundary::last_error();
        if !buf.is_null() && len > 0 {
            let mut n = message.len().min(len - 1);
            while !message.is_char_boundary(n) {
                n -= 1;
            }
            // SAFETY: `buf` is writable for `len` > `n` bytes (caller
            // contract) and cannot overlap our own string.
            unsafe {
                std::ptr::copy_nonoverlapping(message.as_ptr(), buf.cast::<u8>(), n);
                buf.add(n).write(0);
            }
        }
        Ok(message.len())
    })
}

/// The library version, e.g. `"0.1.0"`: a static NUL-terminated string.
#[no_mangle]
pub extern "C" fn shushuo_version() -> *const c_char {
    boundary("shushuo_version", || {
        Ok(concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast())
    })
}

#[cfg(test)]
mod tests;
