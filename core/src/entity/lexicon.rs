//! Word lists compiled into the library, and the scanning helpers the
//! entity finders share (where a name starts, what counts as a name char).

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

use crate::text::{char_before, is_cjk};

/// The words of an embedded list: one per line, `#` comments and blank
/// lines skipped, surrounding spaces trimmed.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A set of words with a fast "does one of them end here" test.
#[derive(Debug)]
pub(crate) struct WordSet {
    set: HashSet<&'static str, FastHash>,
    max_chars: usize,
    /// A bit per BMP char that ends a word; chars above the BMP always pass.
    last: Vec<u64>,
}

impl Default for WordSet {
    fn default() -> WordSet {
        WordSet {
            set: HashSet::default(),
            max_chars: 0,
            last: vec![0; 0x1_0000 / 64],
        }
    }
}

impl WordSet {
    /// The set of the words of an embedded list.
    pub(crate) fn new(data: &'static str) -> WordSet {
        WordSet::union(&[data])
    }

    /// The set of the words of several embedded lists.
    pub(crate) fn union(lists: &[&'static str]) -> WordSet {
        let mut ws = WordSet::default();
        for w in lists.iter().flat_map(|d| words(d)) {
            ws.max_chars = ws.max_chars.max(w.chars().count());
            ws.set.insert(w);
            if let Some(c) = w.chars().next_back().filter(|&c| (c as usize) < 0x1_0000) {
                set(&mut ws.last, c as usize);
            }
        }
        ws
    }

    /// Whether `w` is in the set.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// Whether one of the words ends at byte `at` of `text`.
    pub(crate) fn ends_at(&self, text: &str, at: usize) -> bool {
        match char_before(text, at) {
            None => return false,
            Some(c) if (c as usize) < 0x1_0000 && !has(&self.last, c as usize) => return false,
            Some(_) => {}
        }
        let mut start = at;
        for _ in 0..self.max_chars {
            match char_before(text, start) {
                Some(c) => start -= c.len_utf8(),
                None => break,
            }
            if self.set.contains(&text[start..at]) {
                return true;
            }
        }
        false
    }
}

/// A fast hasher for the short keys of word sets (FNV-1a): the sets are
/// built from the library's own lists, so hash flooding is no concern.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Builds [`Fnv`] hashers.
pub(crate) type FastHash = BuildHasherDefault<Fnv>;

/// A char that may stand inside a name: a CJK ideograph, an ASCII digit or
/// a middle dot.
pub(crate) fn is_name_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_digit() || c == '·'
}

/// Where a name that ends at byte `at` starts: walks left over name chars
/// until a stop word ends, a non-name char stands, or `max_chars` were taken.
/// Returns the start and whether a boundary (not the length limit) stopped it.
pub(crate) fn extend_left(
    text: &str,
    at: usize,
    stops: &WordSet,
    max_chars: usize,
) -> (usize, bool) {
    let mut q = at;
    let mut seen_cjk = false;
    for _ in 0..max_chars {
        if stops.ends_at(text, q) {
            return (q, true);
        }
        match char_before(text, q) {
            // Digits stand only right before the suffix (11中学), and a
            // date ends a name (2021年重庆市… → 重庆市…).
            Some(c) if c.is_ascii_digit() && seen_cjk => return (q, true),
            Some('年' | '月' | '日' | '号')
                if char_before(text, q - 3).is_some_and(|d| d.is_ascii_digit()) =>
            {
                return (q, true)
            }
            Some(c) if is_name_char(c) => {
                seen_cjk |= !c.is_ascii_digit();
                q -= c.len_utf8();
            }
            _ => return (q, true),
        }
    }
    let bounded =
        stops.ends_at(text, q) || !matches!(char_before(text, q), Some(c) if is_name_char(c));
    (q, bounded)
}

/// The byte length of the longest word of `set`, of `min_chars` to
/// `max_chars` chars, that `name` starts with, if a name remains after it
/// (名校巴蜀中学 → 名校, 各商业银行 → 各).
pub(crate) fn word_prefix(
    name: &str,
    set: &WordSet,
    min_chars: usize,
    max_chars: usize,
) -> Option<usize> {
    let mut best = None;
    for (n, (i, c)) in name.char_indices().take(max_chars).enumerate() {
        let end = i + c.len_utf8();
        if n + 1 >= min_chars && end < name.len() && set.contains(&name[..end]) {
            best = Some(end);
        }
    }
    best
}

/// Sets bit `i` of `bits`.
pub(crate) fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// Whether bit `i` of `bits` is set.
#[inline]
pub(crate) fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_tests_both_ends() {
        let ws = WordSet::new("# c\n在\n建成\n");
        let t = "新建成香溪小学";
        assert!(ws.ends_at(t, "新建成".len()));
        assert!(!ws.ends_at(t, "新建".len()));
    }

    #[test]
    fn extends_left_to_a_stop() {
        let ws = WordSet::new("在\n");
        let t = "年会在徐悲鸿中学";
        let at = t.find("中学").unwrap();
        assert_eq!(extend_left(t, at, &ws, 10), ("年会在".len(), true));
        assert_eq!(extend_left(t, at, &ws, 2), ("年会在徐".len(), false));
    }
}
