//! Bit arrays, and sets of chars as bits: the quick "surely not" test made
//! before a word look-up.

/// Sets bit `i` of `bits`.
#[inline]
pub(crate) fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

/// Whether bit `i` of `bits` is set.
#[inline]
pub(crate) fn has(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// A set of chars as one bit per code point below `64 * WORDS` (a power of
/// two); a char above them shares the bit of its low bits. A char that
/// [`may_hold`](Self::may_hold) denies was surely not added; one it allows
/// was added, or shares its bit with one that was.
#[derive(Debug, Clone)]
pub(crate) struct CharSet<const WORDS: usize>([u64; WORDS]);

impl<const WORDS: usize> Default for CharSet<WORDS> {
    fn default() -> Self {
        CharSet([0; WORDS])
    }
}

impl<const WORDS: usize> CharSet<WORDS> {
    /// The bit of the char of code point `c`.
    #[inline]
    fn bit(c: u32) -> usize {
        c as usize & (64 * WORDS - 1)
    }

    /// Adds `c`.
    pub(crate) fn add(&mut self, c: char) {
        set(&mut self.0, Self::bit(u32::from(c)));
    }

    /// Whether `c` may have been added.
    #[inline]
    pub(crate) fn may_hold(&self, c: char) -> bool {
        self.may_hold_code(u32::from(c))
    }

    /// Whether the char of code point `c` may have been added.
    #[inline]
    pub(crate) fn may_hold_code(&self, c: u32) -> bool {
        has(&self.0, Self::bit(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chars_added_are_held_and_others_mostly_not() {
        let mut small = CharSet::<64>::default();
        let mut bmp = CharSet::<1024>::default();
        for c in ['个', 'a', '𠵾'] {
            small.add(c);
            bmp.add(c);
        }
        for c in ['个', 'a', '𠵾'] {
            assert!(small.may_hold(c) && bmp.may_hold(c), "{c}");
        }
        assert!(!small.may_hold('b') && !bmp.may_hold('万'));
        // 个 (U+4E2A) and U+5E2A share their low twelve bits.
        assert!(small.may_hold('\u{5e2a}') && !bmp.may_hold('\u{5e2a}'));
        let mut bits = vec![0u64; 2];
        set(&mut bits, 70);
        assert!(has(&bits, 70) && !has(&bits, 6));
    }
}
