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

/// The number of chars of `s`. std's count is fast on long strings but
/// goes byte by byte below 32 bytes, as the stretches between the spans of
/// a text often are: those are counted eight bytes at a time (every byte
/// but a continuation byte, `10xxxxxx`, starts a char).
#[inline]
pub(crate) fn char_count(s: &str) -> usize {
    /// From this length on, std's count is the faster.
    const LONG: usize = 64;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    if s.len() >= LONG {
        return s.chars().count();
    }
    let bytes = s.as_bytes();
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0;
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // Bit 7 of each continuation byte (bit 7 set, bit 6 clear), moved
        // to bit 0; the multiplication sums the eight bytes into the top one.
        let marks = (x & !(x << 1) & HIGH) >> 7;
        continuation += (marks.wrapping_mul(ONES) >> 56) as usize;
    }
    continuation += chunks
        .remainder()
        .iter()
        .filter(|&&b| b & 0xc0 == 0x80)
        .count();
    bytes.len() - continuation
}

/// A set of chars of the Basic Multilingual Plane, one bit per code
/// point, built at compile time and looked up by a char or, in byte
/// scans, by the bytes of its UTF-8 form: bit `cp % 64` of word `cp / 64`,
/// so that a word holds the chars that share all but the last byte.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct BmpSet([u64; 1024]);

impl std::fmt::Debug for BmpSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n: u32 = self.0.iter().map(|w| w.count_ones()).sum();
        write!(f, "BmpSet({n} chars)")
    }
}

impl BmpSet {
    /// The empty set.
    pub(crate) const EMPTY: BmpSet = BmpSet([0; 1024]);

    /// The set with `c` added (a char outside the BMP is not added).
    pub(crate) const fn with(mut self, c: char) -> BmpSet {
        let cp = c as usize;
        if cp < 0x10000 {
            self.0[cp / 64] |= 1 << (cp % 64);
        }
        self
    }

    /// The set with each of `chars` added.
    pub(crate) const fn with_each(mut self, chars: &[char]) -> BmpSet {
        let mut i = 0;
        while i < chars.len() {
            self = self.with(chars[i]);
            i += 1;
        }
        self
    }

    /// Adds `c` (a char outside the BMP is not added).
    pub(crate) fn insert(&mut self, c: char) {
        let cp = c as usize;
        if cp < 0x10000 {
            self.0[cp / 64] |= 1 << (cp % 64);
        }
    }

    /// Whether `c` is in the set.
    #[inline]
    pub(crate) fn has(&self, c: char) -> bool {
        let cp = c as usize;
        cp < 0x10000 && self.0[cp / 64] >> (cp % 64) & 1 == 1
    }

    /// Whether the char whose UTF-8 form ends with the byte `last`, in word
    /// `word` (an ASCII byte `b`: word `b >> 6`; two bytes `x y`: word
    /// `x & 0x1f`; three bytes `x y z`: word `(x & 0x0f) << 6 | y & 0x3f`),
    /// is in the set.
    #[inline]
    pub(crate) fn has_at(&self, word: usize, last: u8) -> bool {
        self.0[word & 1023] >> (last & 0x3f) & 1 == 1
    }
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

    #[test]
    fn counts_chars_like_std() {
        let text = "a数说é𠵾\u{0}\u{7f}\u{80}\u{ffff}b数说统计局2023年".repeat(4);
        for i in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for j in (i..=text.len()).filter(|&j| text.is_char_boundary(j)) {
                assert_eq!(char_count(&text[i..j]), text[i..j].chars().count());
            }
        }
    }

    #[test]
    fn bmp_sets_by_char_and_by_bytes_agree() {
        const SET: BmpSet = BmpSet::EMPTY.with('a').with('é').with('数').with('𠵾');
        let mut set = SET.clone();
        set.insert('\u{ffff}');
        for c in ['a', 'é', '数', '\u{ffff}'] {
            assert!(set.has(c), "{c}");
            let mut buf = [0; 4];
            let b = c.encode_utf8(&mut buf).as_bytes();
            let word = match b {
                [x] => usize::from(x >> 6),
                [x, _] => usize::from(x & 0x1f),
                [x, y, _] => usize::from(x & 0x0f) << 6 | usize::from(y & 0x3f),
                _ => unreachable!(),
            };
            assert!(set.has_at(word, *b.last().unwrap()), "{c}");
        }
        for c in ['b', '说', '𠵾', '\u{0}'] {
            assert!(!set.has(c), "{c}");
        }
        assert_eq!(format!("{set:?}"), "BmpSet(4 chars)");
    }
}
