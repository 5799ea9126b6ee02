//! Chars of UTF-8 text at byte offsets: the char at or before an offset,
//! char lengths and char boundaries, steps of whole chars, and the CJK class
//! every stage asks about.

/// The char starting at byte `at` of `text`, if any (none at the end of the
/// text or off a char boundary).
#[inline]
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..)?.chars().next()
}

/// The char ending at byte `at` of `text` (a char boundary), if any.
#[inline]
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text[..at].chars().next_back()
}

/// The byte length of the UTF-8 char whose first byte is `lead` (1 for a
/// byte that cannot start one).
#[inline]
pub(crate) const fn utf8_len(lead: u8) -> usize {
    match lead {
        0xf0.. => 4,
        0xe0.. => 3,
        0xc0.. => 2,
        _ => 1,
    }
}

/// The largest char boundary of `text` at or before `at`.
#[inline]
pub(crate) fn floor_char(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `at` (at most its length).
#[inline]
pub(crate) fn ceil_char(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The byte offset `n` chars before `at` (or 0).
#[inline]
pub(crate) fn chars_back(text: &str, at: usize, n: usize) -> usize {
    text[..at]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// The byte offset `n` chars after `at` (or the end).
#[inline]
pub(crate) fn chars_forward(text: &str, at: usize, n: usize) -> usize {
    text[at..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| at + i)
}

/// CJK ideographs (the unified block and extension A) and 〇.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_around_offsets() {
        let t = "a数说";
        assert_eq!(char_at(t, 1), Some('数'));
        assert_eq!(char_at(t, 2), None, "off a boundary");
        assert_eq!(char_at(t, t.len()), None);
        assert_eq!(char_before(t, 4), Some('数'));
        assert_eq!(char_before(t, 0), None);
        for c in ['a', 'é', '数', '𠵾'] {
            let mut buf = [0; 4];
            assert_eq!(
                utf8_len(c.encode_utf8(&mut buf).as_bytes()[0]),
                c.len_utf8()
            );
        }
        assert_eq!((floor_char(t, 3), ceil_char(t, 3)), (1, 4));
        assert_eq!((floor_char(t, 99), ceil_char(t, 99)), (t.len(), t.len()));
        assert_eq!((chars_back(t, t.len(), 2), chars_forward(t, 0, 2)), (1, 4));
        assert_eq!((chars_back(t, 1, 5), chars_forward(t, 1, 5)), (0, t.len()));
    }
}
