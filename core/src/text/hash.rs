//! The one hasher of the library's own tables: word sets, char buckets,
//! vote counts and the trie's edges while it is built.

use std::hash::{BuildHasherDefault, Hasher};

/// The multiplier of each step (the constant of rustc's `FxHasher`).
const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A fast hasher for short keys (`char`s, words of a few chars, codes): one
/// rotate, xor and multiply per word (up to eight bytes) of input. Keys come from the
/// library's own tables and the texts' words looked up in them, so hash
/// flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

impl FastHasher {
    /// Mixes one word into the state.
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    /// Mixes the bytes in eight at a time (little-endian words), then the
    /// last one to seven bytes zero-padded into one more word: a word of
    /// three CJK chars costs two steps, not nine. Keys that differ only in
    /// trailing zero bytes hash alike, which costs a probe, never a wrong
    /// answer (`str` keys end in a `0xff` anyway).
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for w in &mut words {
            let mut b = [0u8; 8];
            b.copy_from_slice(w);
            self.add(u64::from_le_bytes(b));
        }
        let tail = words.remainder();
        if !tail.is_empty() {
            let mut b = [0u8; 8];
            b[..tail.len()].copy_from_slice(tail);
            self.add(u64::from_le_bytes(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// Builds [`FastHasher`]s (the `S` of a `HashMap` or `HashSet`).
pub(crate) type FastHash = BuildHasherDefault<FastHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn keys_of_every_kind_hash_apart() {
        let mut m: HashMap<&str, u32, FastHash> = HashMap::default();
        for (i, w) in ["在", "和", "建成", "重庆市", "a", ""].iter().enumerate() {
            m.insert(w, i as u32);
        }
        assert_eq!((m["建成"], m[""], m.get("建")), (2, 5, None));
        let chars: std::collections::HashSet<char, FastHash> = "赵钱孙李".chars().collect();
        assert!(chars.contains(&'孙') && !chars.contains(&'周'));
    }
}
