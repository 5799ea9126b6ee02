//! Helpers on text that several stages share.

mod needle;

pub(crate) use needle::Needle;
