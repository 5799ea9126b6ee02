//! C ABI over the `shushuo` core (placeholder until the C layer lands).

/// The library version as a NUL-terminated string.
#[no_mangle]
pub extern "C" fn shushuo_version() -> *const std::ffi::c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
