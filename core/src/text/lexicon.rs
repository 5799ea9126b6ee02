//! Word tables with longest-match look-ups at a byte offset, forwards and
//! backwards: the units, multipliers, approximation words, change verbs…
//! of metric extraction.

use super::lists::rows;

/// One word of a bucket, with the bytes a look-up compares first.
#[derive(Debug, Clone)]
struct Entry<T> {
    word: Box<str>,
    /// Up to sixteen bytes of the word, where they stand in a
    /// [`Window`] of the text: its first ones in a bucket by first char,
    /// its last ones in a bucket by last char.
    key: u128,
    /// The bits of `key`'s bytes.
    mask: u128,
    value: T,
}

/// Words bucketed by the low twelve bits of one of their chars (first or
/// last), each bucket longest first: a bit per bucket tells a miss, and
/// the bits set before it where the bucket is.
#[derive(Debug, Clone)]
struct Side<T> {
    /// Bit `low % 64` of word `low / 64`: whether bucket `low` exists.
    bits: [u64; 64],
    /// Per byte of `bits` (bits `8 * k..8 * k + 8`): the number of bits
    /// set before it.
    ranks: [u16; 512],
    /// The buckets that exist, in order of their bits.
    buckets: Vec<Vec<Entry<T>>>,
}

impl<T> Default for Side<T> {
    fn default() -> Self {
        Side {
            bits: [0; 64],
            ranks: [0; 512],
            buckets: Vec::new(),
        }
    }
}

impl<T> Side<T> {
    /// Whether bucket `low` (below 4096) may hold words.
    #[inline]
    fn has(&self, low: u32) -> bool {
        self.bits[low as usize / 64] >> (low % 64) & 1 == 1
    }

    /// Where bucket `low` is, or would be, in `buckets`: the bits set
    /// before its byte, and those before it in its byte (counted by a
    /// table: `count_ones` is a dozen instructions without `popcnt`).
    #[inline]
    fn rank(&self, low: u32) -> usize {
        let byte = (self.bits[low as usize / 64] >> ((low % 64) & !7)) as u8;
        let below = byte & ((1 << (low % 8)) - 1);
        usize::from(self.ranks[low as usize / 8]) + usize::from(ONES_IN[usize::from(below)])
    }

    /// The words of the char of code point `c`'s bucket (and of those that
    /// share its low bits).
    fn bucket(&self, c: u32) -> &[Entry<T>] {
        let low = c & 0xfff;
        if self.has(low) {
            &self.buckets[self.rank(low)]
        } else {
            &[]
        }
    }

    /// Puts `word` in the bucket of the char of code point `c`, replacing
    /// an equal word, longest words first; keyed by its first bytes
    /// (`forward`) or its last.
    fn put(&mut self, c: u32, word: &str, value: T, forward: bool) {
        let low = c & 0xfff;
        let at = self.rank(low);
        if !self.has(low) {
            self.bits[low as usize / 64] |= 1 << (low % 64);
            self.ranks[low as usize / 8 + 1..]
                .iter_mut()
                .for_each(|r| *r += 1);
            self.buckets.insert(at, Vec::new());
        }
        let bucket = &mut self.buckets[at];
        bucket.retain(|e| &*e.word != word);
        let at = bucket.partition_point(|e| e.word.len() >= word.len());
        bucket.insert(at, entry(word, value, forward));
    }
}

/// The number of bits set in each byte.
static ONES_IN: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).count_ones() as u8;
        b += 1;
    }
    t
};

/// A word → payload map with longest-match look-ups forwards and backwards.
///
/// Words are bucketed by their first char (forward look-ups) and by their
/// last char (backward look-ups); most look-ups miss, and a miss costs a
/// bit test.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon<T> {
    by_first: Side<T>,
    by_last: Side<T>,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first: Side::default(),
            by_last: Side::default(),
        }
    }
}

/// Sixteen bytes of a text read as one number, little-endian: those
/// after an offset (forwards) or before it (backwards), zero where the
/// text ends first.
type Window = u128;

/// Bytes of a window.
const WINDOW: usize = 16;

/// The window of the bytes `t[at..]`.
#[inline]
fn window_after(t: &[u8], at: usize) -> Window {
    if let Some(w) = t.get(at..at + WINDOW) {
        return Window::from_le_bytes(w.try_into().expect("sixteen bytes"));
    }
    let mut buf = [0; WINDOW];
    let rest = &t[at..];
    buf[..rest.len()].copy_from_slice(rest);
    Window::from_le_bytes(buf)
}

/// The window of the bytes `t[..at]`, the last of them in its top byte.
#[inline]
fn window_before(t: &[u8], at: usize) -> Window {
    if let Some(w) = at.checked_sub(WINDOW).map(|from| &t[from..at]) {
        return Window::from_le_bytes(w.try_into().expect("sixteen bytes"));
    }
    let mut buf = [0; WINDOW];
    buf[WINDOW - at..].copy_from_slice(&t[..at]);
    Window::from_le_bytes(buf)
}

/// The entry of `word`, keyed by its first bytes (`forward`) or its last.
fn entry<T>(word: &str, value: T, forward: bool) -> Entry<T> {
    let b = word.as_bytes();
    let n = b.len().min(WINDOW);
    let mut key = [0; WINDOW];
    let mut mask = [0; WINDOW];
    if forward {
        key[..n].copy_from_slice(&b[..n]);
        mask[..n].fill(0xff);
    } else {
        key[WINDOW - n..].copy_from_slice(&b[b.len() - n..]);
        mask[WINDOW - n..].fill(0xff);
    }
    Entry {
        word: word.into(),
        key: Window::from_le_bytes(key),
        mask: Window::from_le_bytes(mask),
        value,
    }
}

impl<T: Clone> Lexicon<T> {
    /// Adds (or replaces) `word`; the empty word is refused.
    pub(crate) fn insert(&mut self, word: &str, value: T) -> bool {
        let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
            return false;
        };
        self.by_first
            .put(u32::from(first), word, value.clone(), true);
        self.by_last.put(u32::from(last), word, value, false);
        true
    }
}

impl<T> Lexicon<T> {
    /// The payload of exactly `word`.
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        let first = word.chars().next()?;
        self.by_first
            .bucket(u32::from(first))
            .iter()
            .find(|e| &*e.word == word)
            .map(|e| &e.value)
    }

    /// The longest word starting at byte `at`: its byte length and payload.
    ///
    /// Inlined up to the bit test, which most look-ups fail: the first
    /// char's bucket is read from its bytes without decoding it whole.
    #[inline(always)]
    pub(crate) fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        match low_bits_at(text.as_bytes(), at) {
            Some(low) if !self.by_first.has(low) => None,
            low => self.longest_from(text, at, low),
        }
    }

    /// [`longest_at`](Self::longest_at) past the bit test: `low` is the
    /// first char's bucket, which exists, if read. Never inlined: a miss
    /// then costs the caller no saved registers.
    #[inline(never)]
    fn longest_from(&self, text: &str, at: usize, low: Option<u32>) -> Option<(usize, &T)> {
        let low = match low {
            Some(low) => low,
            None => Some(u32::from(text[at..].chars().next()?) & 0xfff)
                .filter(|&low| self.by_first.has(low))?,
        };
        let rest = &text.as_bytes()[at..];
        let window = window_after(rest, 0);
        self.by_first.buckets[self.by_first.rank(low)]
            .iter()
            .find(|e| {
                let w = e.word.as_bytes();
                w.len() <= rest.len()
                    && window & e.mask == e.key
                    && (w.len() <= WINDOW || rest[WINDOW..w.len()] == w[WINDOW..])
            })
            .map(|e| (e.word.len(), &e.value))
    }

    /// The longest word ending at byte `at`: its byte length and payload.
    ///
    /// Inlined up to the bit test, like [`longest_at`](Self::longest_at).
    #[inline(always)]
    pub(crate) fn longest_ending_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        match low_bits_before(text.as_bytes(), at) {
            Some(low) if !self.by_last.has(low) => None,
            low => self.longest_to(text, at, low),
        }
    }

    /// [`longest_ending_at`](Self::longest_ending_at) past the bit test:
    /// `low` is the last char's bucket, which exists, if read. Never
    /// inlined, like [`longest_from`](Self::longest_from).
    #[inline(never)]
    fn longest_to(&self, text: &str, at: usize, low: Option<u32>) -> Option<(usize, &T)> {
        let low = match low {
            Some(low) => low,
            None => Some(u32::from(text[..at].chars().next_back()?) & 0xfff)
                .filter(|&low| self.by_last.has(low))?,
        };
        let head = &text.as_bytes()[..at];
        let window = window_before(head, at);
        self.by_last.buckets[self.by_last.rank(low)]
            .iter()
            .find(|e| {
                let w = e.word.as_bytes();
                w.len() <= at
                    && window & e.mask == e.key
                    && (w.len() <= WINDOW
                        || head[at - w.len()..at - WINDOW] == w[..w.len() - WINDOW])
            })
            .map(|e| (e.word.len(), &e.value))
    }

    /// Whether some word of the table occurs in `text`.
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        text.char_indices()
            .any(|(i, _)| self.longest_at(text, i).is_some())
    }
}

/// The low twelve bits of the code point (the bucket of a [`Side`]) of
/// the char starting at byte `at` of the UTF-8 `t`, read from its bytes
/// where it is ASCII or takes three bytes (most chars of a Chinese text);
/// `None` for others, the end of the text and off a char boundary, left to
/// a decoding.
#[inline]
fn low_bits_at(t: &[u8], at: usize) -> Option<u32> {
    match *t.get(at..)? {
        [b, ..] if b < 0x80 => Some(u32::from(b)),
        [0xe0..=0xef, b1, b2, ..] => Some((u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f)),
        _ => None,
    }
}

/// The low twelve bits of the code point of the char ending at byte `at`
/// of the UTF-8 `t`, like [`low_bits_at`].
#[inline]
fn low_bits_before(t: &[u8], at: usize) -> Option<u32> {
    match *t.get(..at)? {
        [.., b] if b < 0x80 => Some(u32::from(b)),
        [.., 0xe0..=0xef, b1, b2] => Some((u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f)),
        _ => None,
    }
}

/// A word list (one word a line) as a lexicon without payload.
pub(crate) fn word_list(data: &str) -> Lexicon<()> {
    let mut lex = Lexicon::default();
    for row in rows(data) {
        lex.insert(row[0], ());
    }
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_both_ways() {
        let mut lex = Lexicon::default();
        lex.insert("个", 1);
        lex.insert("个百分点", 2);
        let t = "3个百分点";
        assert_eq!(lex.longest_at(t, 1), Some(("个百分点".len(), &2)));
        assert_eq!(
            lex.longest_ending_at(t, 1 + "个".len()),
            Some(("个".len(), &1))
        );
        assert_eq!(lex.longest_at(t, 0), None);
        assert!(lex.occurs_in("十个"));
    }

    #[test]
    fn long_words_odd_chars_and_shared_buckets() {
        let mut lex = Lexicon::default();
        // 个 (U+4E2A) and 帪 (U+5E2A) share a bucket.
        for (k, w) in [
            "个",
            "帪",
            "中华人民共和国国家统计局",
            "¥",
            "𠵾a",
            "a",
            "°C",
        ]
        .into_iter()
        .enumerate()
        {
            lex.insert(w, k);
        }
        let t = "帪个中华人民共和国国家统计局¥𠵾a°C";
        let ks: Vec<usize> = (0..7).collect();
        let want = |w: &str, k: usize| Some((w.len(), &ks[k]));
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(lex.longest_at(t, 0), want("帪", 1));
        assert_eq!(lex.longest_at(t, at("个")), want("个", 0));
        let long = "中华人民共和国国家统计局";
        assert_eq!(lex.longest_at(t, at(long)), want(long, 2));
        assert_eq!(
            lex.longest_ending_at(t, at(long) + long.len()),
            want(long, 2)
        );
        assert_eq!(lex.longest_at(&t[..t.len() - 1], at(long)), want(long, 2));
        assert_eq!(lex.longest_at(t, at("¥")), want("¥", 3));
        assert_eq!(lex.longest_ending_at(t, at("𠵾")), want("¥", 3));
        assert_eq!(lex.longest_at(t, at("𠵾")), want("𠵾a", 4));
        assert_eq!(lex.longest_ending_at(t, at("°")), want("𠵾a", 4));
        assert_eq!(lex.longest_at(t, at("°")), want("°C", 6));
        assert_eq!(lex.longest_ending_at(t, t.len()), want("°C", 6));
        assert_eq!(lex.longest_at(t, t.len()), None);
        assert_eq!(lex.longest_ending_at(t, 0), None);
        assert_eq!(lex.longest_at("国家统计局", 0), None);
        assert_eq!(
            lex.longest_ending_at("国家统计局", "国家统计局".len()),
            None
        );
        assert_eq!(lex.get("帪"), Some(&1));
        assert_eq!(lex.get("中华"), None);
    }
}
