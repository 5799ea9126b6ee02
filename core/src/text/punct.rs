//! Punctuation classes of the normalised text (full-width `，；！？：（）` are
//! already folded to ASCII): what ends a clause, a sentence or a region
//! marker's scope, the title marks, and the chars that join the two ends
//! of a range.

/// A set of break chars: ASCII bytes and three-byte chars, matched on
/// bytes so that scanning never decodes.
#[derive(Debug)]
pub(crate) struct Breaks {
    ascii: &'static [u8],
    wide: &'static [&'static str],
    /// Bytes that may start a break.
    first: [bool; 256],
}

impl Breaks {
    /// The set of `ascii` bytes and `wide` (three-byte) chars.
    const fn new(ascii: &'static [u8], wide: &'static [&'static str]) -> Breaks {
        let mut first = [false; 256];
        let mut i = 0;
        while i < ascii.len() {
            first[ascii[i] as usize] = true;
            i += 1;
        }
        let mut i = 0;
        while i < wide.len() {
            first[wide[i].as_bytes()[0] as usize] = true;
            i += 1;
        }
        Breaks { ascii, wide, first }
    }

    /// Whether `c` is one of the breaks.
    #[inline]
    pub(crate) fn has(&self, c: char) -> bool {
        (c.is_ascii() && self.ascii.contains(&(c as u8)))
            || self.wide.iter().any(|w| w.starts_with(c))
    }

    /// Whether a break starts at byte `i` of `bytes` (a char boundary, or
    /// a continuation byte, where none starts).
    #[inline]
    pub(crate) fn starting_at(&self, bytes: &[u8], i: usize) -> bool {
        let b = bytes[i];
        if !self.first[usize::from(b)] {
            return false;
        }
        if b < 0x80 {
            return true;
        }
        let w = &bytes[i..];
        self.wide.iter().any(|x| w.starts_with(x.as_bytes()))
    }

    /// Whether a break may start with byte `b`.
    pub(crate) const fn may_start(&self, b: u8) -> bool {
        self.first[b as usize]
    }

    /// The three-byte chars of the set.
    pub(crate) const fn wide(&self) -> &'static [&'static str] {
        self.wide
    }
}

/// What ends a clause: the stretch a figure's indicator, change and unit
/// are read in. (`|` and tabs split the cells of a flattened table.)
pub(crate) const CLAUSE: Breaks = Breaks::new(b",;!?:\n|\t", &["。", "、", "…"]);

/// What ends a sentence.
pub(crate) const SENTENCE: Breaks = Breaks::new(b"!?;\n", &["。"]);

/// What ends the clause looked in for a word that tells what a figure is
/// (`用电12度`, `房贷五六千块`) and the figures a `分别` spreads: unlike
/// [`CLAUSE`] it does not end at list marks, ellipses or table cells (a
/// `分别` spreads over `6.5%和9.8%`, `5.3、4.7和3.4亿吨`).
pub(crate) const PHRASE: Breaks = Breaks::new(b",;:!?\n", &["。"]);

/// What ends the stretch a region marker claims for the wider region
/// (`全市新增学位2万个,` → 重庆市), and (with `:` and `(`) what opens the
/// clause a `全国` must start to speak of the country (`,全国居民…`).
/// Unlike [`CLAUSE`] it does not end at list marks, colons, ellipses or
/// table cells, and it ends at a closing bracket: the region resolver has
/// always cut its stretches so, and making the two sets one would change
/// the regions of figures.
pub(crate) const SCOPE: Breaks = Breaks::new(b",;!?)\n", &["。"]);

/// The title marks.
pub(crate) const TITLE_MARKS: [&str; 2] = ["《", "》"];

/// Whether `bytes` starts with a title mark.
#[inline]
pub(crate) fn is_title_mark(bytes: &[u8]) -> bool {
    TITLE_MARKS.iter().any(|m| bytes.starts_with(m.as_bytes()))
}

/// Chars that join the two ends of a quantity's range (`2-3门`, `5至10年`).
pub(crate) const RANGE_JOINERS: [char; 5] = ['-', '~', '至', '到', '—'];

/// Words that join the items of a list of figures (`两成二及一成一`,
/// `1.9个和0.8个百分点`).
pub(crate) const LIST_JOINERS: [char; 4] = ['及', '和', '与', '或'];

/// Chars that join the two ends of a date range (`2020-2021年`,
/// `8月21日至23日`): [`RANGE_JOINERS`] and the en dash `–` of typeset
/// year ranges (`2020–2021年`). A quantity range does not take the en
/// dash (`2–3门` reads as `3门`); giving it one would change which
/// quantities are read, so the two sets stay apart.
pub(crate) const DATE_RANGE_JOINERS: [char; 6] = ['-', '—', '–', '~', '至', '到'];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breaks_by_char_and_by_byte_agree() {
        let text = "a,b、c。d)e:f\n";
        for set in [&CLAUSE, &SENTENCE, &SCOPE] {
            for (i, c) in text.char_indices() {
                assert_eq!(set.has(c), set.starting_at(text.as_bytes(), i), "{c:?}");
            }
        }
        assert!(SCOPE.has(')') && !CLAUSE.has(')') && CLAUSE.has('、') && !SCOPE.has('、'));
        assert!(is_title_mark("《书》".as_bytes()) && !is_title_mark(b"a"));
        assert!(RANGE_JOINERS.iter().all(|c| DATE_RANGE_JOINERS.contains(c)));
    }
}
