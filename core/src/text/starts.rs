//! Where a word of a trie may start in a text, read on the UTF-8 bytes:
//! each char is looked at through one eight-byte window, its own bytes and
//! those of the next char hashed as they stand, never decoded. A filter
//! only: it never misses a start, and a start it allows may hold no word.

use super::bits::{has, set};

/// Log2 of the number of entries of the first-char table.
const CLASS_BITS: u32 = 16;
/// Log2 of the number of bits of the pair filter.
const PAIR_BITS: u32 = 20;
/// Class bit: a word starts with a char of this hash…
const FIRST: u8 = 1;
/// …and one is that char alone.
const SINGLE: u8 = 2;
/// The byte length of a UTF-8 char by the high four bits of its first
/// byte (a continuation byte, never met at a char boundary, counts 1).
const LEN: [usize; 16] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4];
/// The mask of the bytes of a char in a little-endian window starting
/// with it, by the high four bits of its first byte (as [`LEN`]).
const MASK: [u64; 16] = {
    let mut m = [0; 16];
    let mut i = 0;
    while i < 16 {
        m[i] = u64::MAX >> (64 - 8 * LEN[i]);
        i += 1;
    }
    m
};

/// The chars that may start a word, and the pairs of chars that may.
#[derive(Debug)]
pub(crate) struct Starts {
    /// [`FIRST`] and [`SINGLE`] bits by [`hash`] of the first char's bytes
    /// (64 KB, on the heap).
    class: Box<[u8; 1 << CLASS_BITS]>,
    /// A bit by [`hash`] of the bytes of the first two chars of each word
    /// of two chars or more (128 KB, on the heap).
    pairs: Box<[u64; (1 << PAIR_BITS) / 64]>,
}

impl Starts {
    /// No word.
    pub(crate) fn new() -> Starts {
        Starts {
            class: vec![0; 1 << CLASS_BITS].try_into().unwrap(),
            pairs: vec![0; (1 << PAIR_BITS) / 64].try_into().unwrap(),
        }
    }

    /// Adds the start of `word` (nothing for an empty word).
    pub(crate) fn add(&mut self, word: &str) {
        let w = window(word.as_bytes(), 0);
        let mut cs = word.chars();
        match (cs.next(), cs.next()) {
            (Some(a), Some(b)) => {
                self.class[hash(low(w, a.len_utf8()), CLASS_BITS)] |= FIRST;
                let n = a.len_utf8() + b.len_utf8();
                set(&mut *self.pairs, hash(low(w, n), PAIR_BITS));
            }
            (Some(a), None) => {
                self.class[hash(low(w, a.len_utf8()), CLASS_BITS)] |= FIRST | SINGLE;
            }
            _ => {}
        }
    }

    /// Fills `out` with the next chars at or after byte `p` of `bytes` (a
    /// char boundary of UTF-8) where a word may start, in order: how many,
    /// and the char boundary where the search goes on (the end of `bytes`
    /// when fewer than `out.len()` were found). A call looks for many
    /// starts at once: the scan spends less on calls than on chars. Never
    /// inlined: in a function of its own, the loop over the chars keeps
    /// its offsets in registers.
    #[inline(never)]
    pub(crate) fn fill(&self, bytes: &[u8], mut p: usize, out: &mut [usize]) -> (usize, usize) {
        let mut n = 0;
        if out.is_empty() {
            return (0, p);
        }
        // Whole windows while eight bytes are left (up to the last one's
        // start, one comparison a char), then padded ones.
        let last_whole = bytes.len().checked_sub(8);
        while last_whole.is_some_and(|last| p <= last) {
            let window = bytes[p..p + 8].try_into().expect("eight bytes");
            match self.at(u64::from_le_bytes(window)) {
                Ok(a) => {
                    out[n] = p;
                    n += 1;
                    p += a;
                    if n == out.len() {
                        return (n, p);
                    }
                }
                Err(a) => p += a,
            }
        }
        while p < bytes.len() && n < out.len() {
            match self.at(window(bytes, p)) {
                Ok(a) => {
                    out[n] = p;
                    n += 1;
                    p += a;
                }
                Err(a) => p += a,
            }
        }
        (n, p)
    }

    /// Whether a word may start with the char that starts the window `w`
    /// (little-endian): `Ok` with its length in bytes if so, else `Err`.
    #[inline(always)]
    fn at(&self, w: u64) -> Result<usize, usize> {
        // Most chars of a Chinese text take three bytes, and so does the
        // char after them: both tested at once, with no table for their
        // lengths and masks.
        if w & 0xf000_00f0 == 0xe000_00e0 {
            let class = self.class[hash(w & 0xff_ffff, CLASS_BITS)];
            return if class != 0
                && (class & SINGLE != 0 || has(&*self.pairs, hash(w & 0xffff_ffff_ffff, PAIR_BITS)))
            {
                Ok(3)
            } else {
                Err(3)
            };
        }
        let lead = usize::from(w as u8 >> 4);
        let (a, a_mask) = (LEN[lead], MASK[lead]);
        let class = self.class[hash(w & a_mask, CLASS_BITS)];
        if class != 0 {
            let b_lead = usize::from((w >> (8 * a)) as u8 >> 4);
            let pair = w & (a_mask | MASK[b_lead] << (8 * a));
            if class & SINGLE != 0 || has(&*self.pairs, hash(pair, PAIR_BITS)) {
                return Ok(a);
            }
        }
        Err(a)
    }
}

/// The eight bytes of `bytes` from `p`, little-endian, padded with zeros
/// past the end (of a word as well as of a text).
fn window(bytes: &[u8], p: usize) -> u64 {
    let mut buf = [0; 8];
    let rest = &bytes[p..bytes.len().min(p + 8)];
    buf[..rest.len()].copy_from_slice(rest);
    u64::from_le_bytes(buf)
}

/// The low `n` bytes of `w` (`n` from 1 to 8).
#[inline(always)]
fn low(w: u64, n: usize) -> u64 {
    w & (u64::MAX >> (64 - 8 * n))
}

/// `key` hashed to `bits` bits.
#[inline(always)]
fn hash(key: u64, bits: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every char start where a word of `words` starts, in order.
    fn plain(words: &[&str], text: &str) -> Vec<usize> {
        text.char_indices()
            .filter(|&(i, _)| words.iter().any(|w| text[i..].starts_with(w)))
            .map(|(i, _)| i)
            .collect()
    }

    #[test]
    fn windows_pad_past_the_end() {
        assert_eq!(window(b"abc", 1), u64::from_le_bytes(*b"bc\0\0\0\0\0\0"));
        assert_eq!(window(b"abc", 3), 0);
        assert_eq!(LEN[usize::from('重'.to_string().as_bytes()[0] >> 4)], 3);
        assert_eq!(MASK[0xe], 0xff_ffff);
        assert_eq!(low(0x1122_3344, 2), 0x3344);
    }

    proptest! {
        #[test]
        fn never_misses_a_start(
            words in prop::collection::vec("[甲乙丙a¢𠵾]{1,3}", 1..8),
            text in "[甲乙丙丁ab¢𠵾 ]{0,30}",
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let mut s = Starts::new();
            for w in &words {
                s.add(w);
            }
            let bytes = text.as_bytes();
            let mut found = Vec::new();
            let mut buf = [0; 3];
            let mut p = 0;
            loop {
                let (n, next) = s.fill(bytes, p, &mut buf);
                prop_assert!(text.is_char_boundary(next));
                for &q in &buf[..n] {
                    prop_assert!(text.is_char_boundary(q) && q >= p && q < next);
                    found.push(q);
                }
                if n < buf.len() {
                    prop_assert_eq!(next, bytes.len());
                    break;
                }
                p = next;
            }
            for p in plain(&words, &text) {
                prop_assert!(found.contains(&p), "missed {}", p);
            }
        }
    }
}
