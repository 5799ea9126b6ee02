//! The safety boundary every exported function goes through: the status enum,
//! the thread-local last-error message, the one panic-catching helper
//! ([`boundary`]) and the pointer checks.

use std::any::Any;
use std::cell::RefCell;
use std::ffi::{c_char, CStr};
use std::panic::{self, AssertUnwindSafe};

/// What a call did: `SHUSHUO_STATUS_OK` or why it failed. On failure,
/// `shushuo_last_error_message` tells more, and out-parameters are set to
/// NULL (pointer outputs) or left untouched (struct outputs). Later
/// versions may add statuses: treat any value but OK as a failure.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum shushuo_status {
    /// Success.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// Text or options were not valid UTF-8 (nothing is repaired).
    InvalidUtf8 = 2,
    /// The options JSON did not parse, or named invalid options.
    InvalidOptions = 3,
    /// An index or a length was out of range (including a record's
    /// `struct_size` smaller than its first layout).
    OutOfRange = 4,
    /// The library panicked (a bug in shushuo); the panic was caught and
    /// the process is safe, but please report the last error message.
    Panic = 5,
    /// A file named in the options (a `user_dict`) could not be read.
    IoError = 6,
}

/// Why a call failed, before it is turned into a status and a message.
#[derive(Debug)]
pub(crate) struct Failure {
    /// The status the call returns.
    pub(crate) status: shushuo_status,
    /// The message for `shushuo_last_error_message` (without the function name).
    pub(crate) message: String,
}

impl Failure {
    /// A failure with `status` and a message for `shushuo_last_error_message`.
    pub(crate) fn new(status: shushuo_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }
}

/// What a function returns when it fails, given the failure's status.
pub(crate) trait FailureValue {
    /// The value to return for a failure with `status`.
    fn on_failure(status: shushuo_status) -> Self;
}

impl FailureValue for shushuo_status {
    fn on_failure(status: shushuo_status) -> Self {
        status
    }
}

impl FailureValue for usize {
    fn on_failure(_: shushuo_status) -> Self {
        0
    }
}

impl FailureValue for () {
    fn on_failure(_: shushuo_status) -> Self {}
}

impl FailureValue for *const c_char {
    fn on_failure(_: shushuo_status) -> Self {
        std::ptr::null()
    }
}

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records `message` as this thread's last error.
pub(crate) fn set_last_error(message: &str) {
    // `try_with` fails only while the thread is being torn down; there is
    // nobody left to read the message then.
    let _ = LAST_ERROR.try_with(|m| {
        if let Ok(mut m) = m.try_borrow_mut() {
            m.clear();
            m.push_str(message);
        }
    });
}

/// A copy of this thread's last error message ("" if none).
pub(crate) fn last_error() -> String {
    LAST_ERROR
        .try_with(|m| m.try_borrow().map(|m| m.clone()).unwrap_or_default())
        .unwrap_or_default()
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s
    } else {
        "non-string panic payload"
    }
}

/// The panic boundary: runs the body of the exported function `name`,
/// catching any panic. A failure or a panic sets the thread's last error
/// message (prefixed with `name`) and returns `T`'s failure value: the status
/// for functions returning `shushuo_status`, 0 for `size_t`, nothing for
/// `void`. Nothing ever unwinds into C.
pub(crate) fn boundary<T: FailureValue>(
    name: &'static str,
    f: impl FnOnce() -> Result<T, Failure>,
) -> T {
    // Every exported function only reads shared state (the extractor is
    // immutable) or owns what it builds, so nothing is left half-updated
    // when a panic is caught.
    match panic::catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(value)) => value,
        Ok(Err(failure)) => {
            set_last_error(&format!("{name}: {}", failure.message));
            T::on_failure(failure.status)
        }
        Err(payload) => {
            set_last_error(&format!("{name}: panic: {}", panic_message(&*payload)));
            // Dropping the payload runs foreign Drop code: keep it inside
            // a boundary too.
            let _ = panic::catch_unwind(AssertUnwindSafe(move || drop(payload)));
            T::on_failure(shushuo_status::Panic)
        }
    }
}

/// `ptr` as a shared reference, or a NULL_ARGUMENT failure naming `arg`.
///
/// # Safety
/// A non-NULL `ptr` must point to a live `T` for `'a`.
pub(crate) unsafe fn arg_ref<'a, T>(ptr: *const T, arg: &str) -> Result<&'a T, Failure> {
    // SAFETY: the caller guarantees a non-NULL `ptr` is valid for `'a`.
    unsafe { ptr.as_ref() }.ok_or_else(|| null_argument(arg))
}

/// Checks that the out-pointer `ptr` is not NULL.
pub(crate) fn arg_out<T>(ptr: *mut T, arg: &str) -> Result<*mut T, Failure> {
    if ptr.is_null() {
        Err(null_argument(arg))
    } else {
        Ok(ptr)
    }
}

/// A NULL_ARGUMENT failure naming `arg`.
pub(crate) fn null_argument(arg: &str) -> Failure {
    Failure::new(shushuo_status::NullArgument, format!("{arg} is NULL"))
}

/// The NUL-terminated string at `ptr` as UTF-8.
///
/// # Safety
/// `ptr` must be non-NULL and point to a NUL-terminated string that stays
/// unchanged during the call.
pub(crate) unsafe fn c_str<'a>(ptr: *const c_char, arg: &str) -> Result<&'a str, Failure> {
    // SAFETY: guaranteed by the caller.
    let s = unsafe { CStr::from_ptr(ptr) };
    s.to_str().map_err(|e| {
        Failure::new(
            shushuo_status::InvalidUtf8,
            format!(
                "{arg} is not valid UTF-8: invalid byte sequence at byte {}",
                e.valid_up_to()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn success_passes_the_value_through_and_keeps_the_last_error() {
        set_last_error("earlier");
        assert_eq!(boundary("f", || Ok(7usize)), 7);
        assert_eq!(last_error(), "earlier");
    }

    #[test]
    fn failure_sets_status_and_message() {
        let status: shushuo_status = boundary("shushuo_f", || {
            Err(Failure::new(shushuo_status::OutOfRange, "index 3 of 2"))
        });
        assert_eq!(status, shushuo_status::OutOfRange);
        assert_eq!(last_error(), "shushuo_f: index 3 of 2");
        let n: usize = boundary("g", || Err(null_argument("doc")));
        assert_eq!(n, 0);
        assert_eq!(last_error(), "g: doc is NULL");
    }

    #[test]
    fn panics_are_caught_for_every_return_type() {
        let status: shushuo_status = boundary("p", || panic!("boom {}", 1));
        assert_eq!(status, shushuo_status::Panic);
        assert_eq!(last_error(), "p: panic: boom 1");
        let n: usize = boundary("q", || panic!("static"));
        assert_eq!(n, 0);
        assert_eq!(last_error(), "q: panic: static");
        boundary::<()>("r", || std::panic::panic_any(42u8));
        assert_eq!(last_error(), "r: panic: non-string panic payload");
        let p: *const c_char = boundary("s", || panic!("x"));
        assert!(p.is_null());
    }

    #[test]
    fn last_error_is_per_thread() {
        set_last_error("main");
        std::thread::spawn(|| {
            assert_eq!(last_error(), "");
            set_last_error("other");
        })
        .join()
        .unwrap();
        assert_eq!(last_error(), "main");
    }

    #[test]
    fn pointer_checks() {
        let x = 5;
        assert_eq!(unsafe { arg_ref(&x, "x") }.unwrap(), &5);
        let err = unsafe { arg_ref::<i32>(std::ptr::null(), "ex") }.unwrap_err();
        assert_eq!(err.status, shushuo_status::NullArgument);
        assert_eq!(err.message, "ex is NULL");
        assert!(arg_out::<i32>(std::ptr::null_mut(), "out").is_err());
        let mut y = 0;
        assert!(arg_out(&mut y, "out").is_ok());
    }

    #[test]
    fn c_str_refuses_invalid_utf8() {
        assert_eq!(unsafe { c_str(c"{}".as_ptr(), "o") }.unwrap(), "{}");
        let bad = b"ab\xff\0";
        let err = unsafe { c_str(bad.as_ptr().cast(), "options_json") }.unwrap_err();
        assert_eq!(err.status, shushuo_status::InvalidUtf8);
        assert!(err.message.contains("at byte 2"), "{}", err.message);
    }
}
