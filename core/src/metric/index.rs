//! One pass over the normalised text that notes where a number may start and
//! where the clause and sentence breaks, title marks and quotes stand, so
//! that later look-ups never scan the text again.

use std::cell::Cell;

use super::numeral;
use crate::text::punct::{is_title_mark, CLAUSE, SENTENCE, TITLE_MARKS};
use crate::text::utf8_len;

/// Whether `b` may start a clause break or a title mark.
const fn may_start_mark(b: u8) -> bool {
    CLAUSE.may_start(b) || TITLE_MARKS[0].as_bytes()[0] == b || TITLE_MARKS[1].as_bytes()[0] == b
}

/// Ascending byte offsets, searched from the place of the last look-up
/// (look-ups come in text order, or near it).
#[derive(Debug, Default)]
pub struct Marks {
    at: Vec<usize>,
    hint: Cell<usize>,
}

impl Marks {
    /// The number of marks before byte `pos`.
    pub fn count_before(&self, pos: usize) -> usize {
        let v = &self.at;
        let h = self.hint.get().min(v.len());
        let i = if h < v.len() && v[h] < pos {
            // Every mark before `lo` is before `pos`.
            let mut lo = h + 1;
            let mut step = 1;
            while lo + step <= v.len() && v[lo + step - 1] < pos {
                lo += step;
                step *= 2;
            }
            let hi = (lo + step).min(v.len());
            lo + v[lo..hi].partition_point(|&x| x < pos)
        } else {
            // No mark from `hi` on is before `pos`.
            let mut hi = h;
            let mut step = 1;
            while hi >= step && v[hi - step] >= pos {
                hi -= step;
                step *= 2;
            }
            let lo = hi.saturating_sub(step);
            lo + v[lo..hi].partition_point(|&x| x < pos)
        };
        self.hint.set(i);
        i
    }

    /// All the marks, ascending.
    pub fn all(&self) -> &[usize] {
        &self.at
    }

    /// The `i`-th mark.
    pub fn get(&self, i: usize) -> Option<usize> {
        self.at.get(i).copied()
    }

    /// The first mark at or after byte `pos`.
    pub fn first_from(&self, pos: usize) -> Option<usize> {
        self.get(self.count_before(pos))
    }
}

/// The marks of one text.
#[derive(Debug)]
pub struct Index<'t> {
    /// The normalised text.
    pub text: &'t str,
    /// Chars a number may start with: ASCII digits and Chinese numerals.
    pub numbers: Marks,
    /// Chars that end a clause.
    pub clauses: Marks,
    /// Chars that end a sentence.
    pub sentences: Marks,
    /// The title marks `《` and `》`.
    pub titles: Marks,
    /// Quotes `"`.
    pub quotes: Marks,
}

/// Sets `t[key]` for the three-byte char `c`, keyed by the low bits of its
/// first two bytes, to hold the low six bits of its third byte.
const fn add_wide(t: &mut [u64; 16 * 64], c: &[u8]) {
    let key = ((c[0] & 0x0f) as usize) << 6 | (c[1] & 0x3f) as usize;
    t[key] |= 1 << (c[2] & 0x3f);
}

/// The three-byte chars the pass notes (the Chinese numerals, the wide
/// breaks and the title marks), as sets of third bytes keyed by the first two.
const WIDE: [u64; 16 * 64] = {
    let mut t = [0u64; 16 * 64];
    let mut i = 0;
    while i < numeral::CHINESE_STARTS.len() {
        // The low bits of the three bytes of a char from U+0800 to U+FFFF.
        let c = numeral::CHINESE_STARTS[i] as u32;
        let bytes = [(c >> 12) as u8, (c >> 6) as u8 & 0x3f, c as u8 & 0x3f];
        add_wide(&mut t, &bytes);
        i += 1;
    }
    let mut i = 0;
    while i < CLAUSE.wide().len() {
        add_wide(&mut t, CLAUSE.wide()[i].as_bytes());
        i += 1;
    }
    add_wide(&mut t, TITLE_MARKS[0].as_bytes());
    add_wide(&mut t, TITLE_MARKS[1].as_bytes());
    t
};

/// Room made for numbers, clause breaks and sentence breaks per KB of text
/// (about what reports hold), to spare growing the lists.
const MARKS_PER_KB: (usize, usize, usize) = (16, 40, 12);

/// A byte that is itself something the pass notes: an ASCII digit, quote or break.
const ASCII_MARK: u8 = 1;
/// The first byte of a three-byte char.
const WIDE_LEAD: u8 = 2;

/// The kind of each byte that may start a char.
const LEAD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x80 {
        if may_start_mark(b as u8) || (b as u8).is_ascii_digit() || b == b'"' as usize {
            t[b] = ASCII_MARK;
        }
        b += 1;
    }
    while b < 0x100 {
        if b >= 0xe0 && b < 0xf0 {
            t[b] = WIDE_LEAD;
        }
        b += 1;
    }
    t
};

/// The byte length of the char starting with each byte ([`utf8_len`] as a table).
const CHAR_LEN: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = utf8_len(b as u8) as u8;
        b += 1;
    }
    t
};

impl<'t> Index<'t> {
    /// Notes the marks of `text`, looking closer only at the chars that
    /// one look-up shows to be one.
    pub fn new(text: &'t str) -> Self {
        let marks = |per_kb: usize| Marks {
            at: Vec::with_capacity(text.len() / 1024 * per_kb),
            hint: Cell::new(0),
        };
        let mut ix = Index {
            text,
            numbers: marks(MARKS_PER_KB.0),
            clauses: marks(MARKS_PER_KB.1),
            sentences: marks(MARKS_PER_KB.2),
            titles: Marks::default(),
            quotes: Marks::default(),
        };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            let (b1, b2) = match bytes.get(i + 1..i + 3) {
                Some(&[b1, b2]) => (b1, b2),
                _ => (0, 0),
            };
            let lead = LEAD[usize::from(b)];
            let key = usize::from(b & 0x0f) << 6 | usize::from(b1 & 0x3f);
            let wide = (WIDE[key] >> (b2 & 0x3f)) as u8 & (lead >> 1);
            if (lead | wide) & 1 == 1 {
                ix.note(bytes, i);
            }
            i += usize::from(CHAR_LEN[usize::from(b)]);
        }
        ix
    }

    /// Notes what starts at byte `i` (a char boundary), if anything.
    fn note(&mut self, bytes: &[u8], i: usize) {
        let b = bytes[i];
        if b.is_ascii_digit() {
            self.numbers.at.push(i);
        } else if b == b'"' {
            self.quotes.at.push(i);
        } else if b < 0x80 {
            self.note_break(bytes, i);
        } else if let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) {
            if is_numeral(b0, b1, b2) {
                self.numbers.at.push(i);
            } else if is_title_mark(&bytes[i..]) {
                self.titles.at.push(i);
            } else {
                self.note_break(bytes, i);
            }
        }
    }

    /// Notes the clause or sentence break at byte `i`, if one starts there.
    fn note_break(&mut self, bytes: &[u8], i: usize) {
        if CLAUSE.starting_at(bytes, i) {
            self.clauses.at.push(i);
            if SENTENCE.starting_at(bytes, i) {
                self.sentences.at.push(i);
            }
        }
    }
}

/// Whether the three-byte char `b0 b1 b2` may start a number.
fn is_numeral(b0: u8, b1: u8, b2: u8) -> bool {
    let cp = (u32::from(b0 & 0x0f) << 12) | (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
    char::from_u32(cp).is_some_and(numeral::starts_number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_every_mark() {
        let t = "《十四五》规划:\"1所\"、两年。共3…\n";
        let ix = Index::new(t);
        let all = |m: &Marks| -> Vec<usize> { m.at.clone() };
        let find = |s: &str| t.match_indices(s).map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(
            all(&ix.numbers),
            [
                find("十"),
                find("四"),
                find("五"),
                find("1"),
                find("两"),
                find("3")
            ]
            .concat()
        );
        assert_eq!(all(&ix.titles), [find("《")[0], find("》")[0]]);
        assert_eq!(all(&ix.quotes), find("\""));
        assert_eq!(
            all(&ix.clauses),
            [find(":"), find("、"), find("。"), find("…"), find("\n")].concat()
        );
        assert_eq!(all(&ix.sentences), [find("。"), find("\n")].concat());
    }

    #[test]
    fn counts_from_any_place() {
        let m = Marks {
            at: vec![2, 3, 5, 8, 13, 21, 34],
            hint: Cell::new(0),
        };
        for hint in 0..=8 {
            for pos in 0..40 {
                m.hint.set(hint);
                assert_eq!(m.count_before(pos), m.at.partition_point(|&x| x < pos));
            }
        }
    }
}
