//! One pass over the normalised text that notes where a number may start and
//! where the clause and sentence breaks, title marks, quotes and the chars
//! of quantities said in words stand, so that later look-ups never scan the
//! text again.

use std::cell::Cell;

use super::numeral;
use super::tables::FRAME_CHAR_LIST;
use crate::text::punct::{is_title_mark, CLAUSE, SENTENCE, TITLE_MARKS};
use crate::text::BmpSet;

/// Ascending byte offsets, searched from the place of the last look-up
/// (look-ups come in text order, or near it).
#[derive(Debug, Default)]
pub struct Marks {
    at: Vec<usize>,
    hint: Cell<usize>,
}

impl Marks {
    /// The number of marks before byte `pos`.
    #[inline]
    pub fn count_before(&self, pos: usize) -> usize {
        // Most look-ups fall between the same two marks as the last one
        // (the start and the end of a figure, of its clause): answered
        // by two comparisons, without a search.
        let v = &self.at;
        let h = self.hint.get();
        let past_lower = h
            .checked_sub(1)
            .map_or(true, |k| v.get(k).is_some_and(|&x| x < pos));
        if past_lower && v.get(h).map_or(h == v.len(), |&x| x >= pos) {
            return h;
        }
        self.search_from_hint(pos)
    }

    /// [`Marks::count_before`] where `pos` is not where the last look-up
    /// fell: a search outwards from there.
    fn search_from_hint(&self, pos: usize) -> usize {
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
    /// Offsets where normalisation dropped stray spaces (ascending): the
    /// word breaks of a table's header that it joined (`千港元 千港元`).
    pub joins: &'t [usize],
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
    /// The chars of [`WORD_MARKS`].
    pub words: Marks,
    /// The chars one of which every time frame holds
    /// ([`FRAME_CHAR_LIST`]).
    pub frames: Marks,
}

/// The chars that place a quantity said in words: `首` (`首位`, `榜首`),
/// `万` and `亿` (`万余`, `近万`, `逾亿`), `折` (`打对折`).
pub const WORD_MARKS: [&str; 4] = ["首", "万", "亿", "折"];

/// The char of the three-byte UTF-8 form `s`, at compile time.
const fn wide_char(s: &str) -> char {
    let b = s.as_bytes();
    let cp = (b[0] as u32 & 0x0f) << 12 | (b[1] as u32 & 0x3f) << 6 | (b[2] as u32 & 0x3f);
    match char::from_u32(cp) {
        Some(c) if b.len() == 3 => c,
        _ => panic!("not a three-byte char"),
    }
}

/// The chars the index notes: those a number may start with (ASCII digits,
/// Chinese numerals), clause breaks, title marks, quotes, the
/// [`WORD_MARKS`] and the chars of time frames ([`FRAME_CHAR_LIST`]). The
/// normaliser notes where they stand as it folds the text ([`Normalized::noting`](crate::normalize::Normalized::noting)).
pub const MARKS: BmpSet = {
    let mut set = BmpSet::EMPTY.with('"');
    let mut b = 0;
    while b < 0x80 {
        if CLAUSE.may_start(b) || b.is_ascii_digit() {
            set = set.with(b as char);
        }
        b += 1;
    }
    let mut i = 0;
    while i < numeral::CHINESE_STARTS.len() {
        set = set.with(numeral::CHINESE_STARTS[i]);
        i += 1;
    }
    let mut i = 0;
    while i < CLAUSE.wide().len() {
        set = set.with(wide_char(CLAUSE.wide()[i]));
        i += 1;
    }
    let mut i = 0;
    while i < WORD_MARKS.len() {
        set = set.with(wide_char(WORD_MARKS[i]));
        i += 1;
    }
    set.with_each(&FRAME_CHAR_LIST)
        .with(wide_char(TITLE_MARKS[0]))
        .with(wide_char(TITLE_MARKS[1]))
};

/// Room made for clause and sentence breaks per KB of text (as many as
/// dense reports hold: a line is a sentence), to spare growing the lists.
const BREAKS_PER_KB: (usize, usize) = (48, 28);

/// Room made for the [`WORD_MARKS`] per KB of text, as for the breaks.
const WORDS_PER_KB: usize = 16;

/// The [`FRAME_CHAR_LIST`] as a set.
static FRAME_CHARS: BmpSet = BmpSet::EMPTY.with_each(&FRAME_CHAR_LIST);

/// Room made for the chars of time frames per KB of text, as for the
/// breaks.
const FRAMES_PER_KB: usize = 20;

impl<'t> Index<'t> {
    /// The index of `text`, given `noted`: the offsets of the chars of
    /// [`MARKS`] in it, ascending (the list of numbers is made of it), and
    /// `joins`, where normalisation dropped stray spaces.
    pub fn new(text: &'t str, mut noted: Vec<usize>, joins: &'t [usize]) -> Self {
        let marks = |per_kb: usize| Marks {
            // Rounded up: a text shorter than a KB has marks too.
            at: Vec::with_capacity((text.len() * per_kb).div_ceil(1024)),
            hint: Cell::new(0),
        };
        let mut ix = Index {
            text,
            joins,
            numbers: Marks::default(),
            clauses: marks(BREAKS_PER_KB.0),
            sentences: marks(BREAKS_PER_KB.1),
            titles: Marks::default(),
            quotes: Marks::default(),
            words: marks(WORDS_PER_KB),
            frames: marks(FRAMES_PER_KB),
        };
        let bytes = text.as_bytes();
        let mut numbers = 0;
        for k in 0..noted.len() {
            let i = noted[k];
            if ix.note(bytes, i) {
                noted[numbers] = i;
                numbers += 1;
            }
        }
        noted.truncate(numbers);
        // Give back what the other marks took (in place, as a rule).
        noted.shrink_to_fit();
        ix.numbers.at = noted;
        ix
    }

    /// Notes what starts at byte `i` (a char boundary) but a number;
    /// returns whether a number may start there.
    fn note(&mut self, bytes: &[u8], i: usize) -> bool {
        let b = bytes[i];
        if b.is_ascii_digit() {
            return true;
        } else if b == b'"' {
            self.quotes.at.push(i);
        } else if b < 0x80 {
            self.note_break(bytes, i);
        } else if let Some(&[b0, b1, b2]) = bytes.get(i..i + 3) {
            // The word of the chars of time frames and numerals, as
            // `BmpSet::has_at` takes it.
            let word = usize::from(b0 & 0x0f) << 6 | usize::from(b1 & 0x3f);
            if b0 >= 0xe0 && FRAME_CHARS.has_at(word, b2) {
                self.frames.at.push(i);
            } else if numeral::NUMBER_STARTS.has_at(word, b2) {
                return true;
            } else if is_title_mark(&bytes[i..]) {
                self.titles.at.push(i);
            } else if is_word_mark(b0, b1, b2) {
                self.words.at.push(i);
            } else {
                self.note_break(bytes, i);
            }
        }
        false
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

#[cfg(test)]
impl<'t> Index<'t> {
    /// The index of `text`, its marks found by a walk through its chars.
    pub fn of(text: &'t str) -> Self {
        let noted = text
            .char_indices()
            .filter(|&(_, c)| MARKS.has(c))
            .map(|(i, _)| i)
            .collect();
        Index::new(text, noted, &[])
    }
}

/// Whether the three-byte char `b0 b1 b2` is one of the [`WORD_MARKS`].
fn is_word_mark(b0: u8, b1: u8, b2: u8) -> bool {
    WORD_MARKS.iter().any(|w| w.as_bytes() == [b0, b1, b2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_every_mark() {
        let t = "《十四五》规划:\"1所\"、两年。共3…\n";
        let ix = Index::of(t);
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
        assert_eq!(all(&ix.frames), find("年"));
        assert!(FRAME_CHAR_LIST.iter().all(|c| c.len_utf8() == 3));
        let t = "居全省首位,近万人,逾亿元,打对折";
        let find = |s: &str| t.match_indices(s).map(|(i, _)| i).collect::<Vec<_>>();
        let mut words = [find("首"), find("万"), find("亿"), find("折")].concat();
        words.sort_unstable();
        assert_eq!(all(&Index::of(t).words), words);
    }

    #[test]
    fn the_fold_notes_every_mark_of_the_folded_text() {
        use crate::normalize::Normalized;
        for orig in [
            "《十四五》规划：“１所”、两年。共３…\n",
            "总投资３００億元，增長(zhǎng)12%；\t师 资　8\u{a0}660个｜壹佰",
            "a\u{feff}1\u{301}2 3 . 5 亿 元!?😀一",
        ] {
            let (norm, noted) = Normalized::noting(orig, &MARKS);
            let walked: Vec<usize> = norm
                .text
                .char_indices()
                .filter(|&(_, c)| MARKS.has(c))
                .map(|(i, _)| i)
                .collect();
            assert_eq!(noted, walked, "{orig}");
        }
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
