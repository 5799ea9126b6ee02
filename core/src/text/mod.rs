//! Helpers on text that several stages share.

mod chars;
mod needle;

pub(crate) use chars::{
    ceil_char, char_at, char_before, chars_back, chars_forward, floor_char, is_cjk, utf8_len,
};
pub(crate) use needle::Needle;
