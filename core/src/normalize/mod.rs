//! The first and the last stage of the pipeline: fold the text into one
//! canonical form with a map back to the caller's original bytes, and, once
//! every other stage has worked on the folded text, map what they found
//! back through it ([`offsets`]: the only place the public records are
//! made; [`origin`]: the original text of an indicator's pieces).
//!
//! Folding, for matching only:
//! - full-width ASCII (`１２％，（`) becomes half-width, the ideographic
//!   space a space, curly and corner quotes `"`;
//! - traditional chars become simplified, one char for one (`總投資300億元`
//!   → `总投资300亿元`), from a table that leaves every simplified char alone
//!   ([`script`]);
//! - runs of horizontal spaces that a scanner left between CJK characters
//!   and digits (`2.61 亿元`, `一流的师 资`) are dropped, and so are thin or
//!   no-break spaces between digit groups (`8 660`) and the spaces of a
//!   letter-spaced number (`3 1 . 9 6 亿 元`) ([`digits`]);
//! - pinyin glossed in after a CJK char (`增長(zhǎng)`) is dropped;
//! - control chars, the byte-order mark and combining marks are dropped.
//!
//! Newlines are kept: they end sentences. Every later stage works on
//! [`Normalized::text`] and reports byte offsets into it; a [`Cursor`] turns
//! them back into offsets into the original, so that every surface form
//! (`300億元`, `增長(zhǎng)`) is reported as written.

mod cells;
mod chars;
mod cursor;
mod digits;
mod offsets;
mod origin;
mod script;

pub use chars::{fold, is_plain};
pub use cursor::Cursor;
pub(crate) use offsets::to_original;
pub(crate) use origin::original_of;

use crate::cancel::Checkpoint;
use crate::text::{char_at, is_cjk, BmpSet};
use chars::{gloss_len, is_dropped, is_hspace, joinable, narrow_fold, plain_len};

/// Room made for the places of marks per KB of text: the most the
/// project's reports hold of the metric index's marks (median 107, most
/// 144, and of the chars of time frames median 10, most 23), so that the
/// list never grows; the metric index gives back what it does not keep.
const NOTED_PER_KB: usize = 168;

/// Room made for anchors per KB of text: what nine in ten of the
/// project's reports hold at most (median 23), so that the list rarely
/// grows; what is left over is given back once the text is folded.
const ANCHORS_PER_KB: usize = 32;

/// The folded text with its offset map.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The caller's text, untouched.
    pub orig: &'a str,
    /// The folded text.
    pub text: String,
    /// `(norm_byte, orig_byte)` pairs, strictly ascending, at every point
    /// where the distance between the two texts changes: after a char folded
    /// to one of another length, after a run of chars dropped or collapsed.
    /// Between anchors both advance byte for byte.
    anchors: Vec<(usize, usize)>,
    /// Ranges of `text` whose chars were folded to others of the same length
    /// (`億` → `亿`), contiguous ones merged, ascending.
    folds: Vec<(usize, usize)>,
    /// Byte offsets into `text` where a run of stray spaces was dropped.
    joins: Vec<usize>,
    /// Those of [`joins`](Self::joins) that were gaps between two cells of a
    /// table row or two fields of a form, each between two CJK chars (see
    /// [`cells`]).
    cell_gaps: Vec<usize>,
    /// `(norm_byte, orig_byte)`: where a pinyin gloss was dropped after the
    /// char that ends at `norm_byte`, and the original offset past it.
    glosses: Vec<(usize, usize)>,
}

impl<'a> Normalized<'a> {
    /// Folds `orig`. Runs of chars that fold to themselves are copied whole.
    pub fn new(orig: &'a str) -> Self {
        Normalized::noting(orig, &BmpSet::EMPTY).0
    }

    /// Folds `orig`, and notes where the chars of `marks` stand in the
    /// folded text (ascending offsets into [`text`](Self::text)): a later
    /// stage that needs them is spared another walk through the text.
    pub fn noting(orig: &'a str, marks: &BmpSet) -> (Self, Vec<usize>) {
        let mut b = Builder {
            norm: Normalized {
                orig,
                text: String::with_capacity(orig.len()),
                anchors: Vec::with_capacity(per_kb(orig.len(), ANCHORS_PER_KB)),
                folds: Vec::new(),
                joins: Vec::new(),
                cell_gaps: Vec::new(),
                glosses: Vec::new(),
            },
            marks,
            noted: Vec::new(),
            spaced_until: 0,
            last_group: None,
            line: cells::Line::default(),
        };
        b.norm.anchors.push((0, 0));
        if *marks != BmpSet::EMPTY {
            b.noted.reserve(per_kb(orig.len(), NOTED_PER_KB));
        }
        let mut i = 0;
        let mut checkpoint = Checkpoint::default();
        while i < orig.len() {
            if checkpoint.stop_at(i) {
                // Cancelled: the caller throws this prefix away.
                break;
            }
            let at = b.norm.text.len();
            let plain = plain_len(&orig[i..], marks, at, &mut b.noted);
            if plain > 0 {
                let run = &orig[i..i + plain];
                b.norm.text.push_str(run);
                i += plain;
            }
            // The char that ends the run, in the same turn.
            if let Some(f) = narrow_fold(&orig.as_bytes()[i..]) {
                i = b.put_ascii(i, f);
                continue;
            }
            let Some(c) = char_at(orig, i) else {
                break;
            };
            i = if is_hspace(c) {
                b.spaces(i)
            } else if let Some(f) = script::simplify_unified(c) {
                b.put(i, c, f)
            } else if is_dropped(c) {
                b.skip_to(i + c.len_utf8())
            } else if let Some(len) = b.gloss_at(i, c) {
                let end = i + len;
                b.norm.glosses.push((b.norm.text.len(), end));
                b.skip_to(end)
            } else {
                b.put(i, c, fold(c))
            };
        }
        // The folded text and its map live as long as the extraction:
        // they keep no room they will not use (given back in place, as a
        // rule).
        let norm = &mut b.norm;
        norm.text.shrink_to_fit();
        norm.anchors.shrink_to_fit();
        norm.folds.shrink_to_fit();
        norm.joins.shrink_to_fit();
        norm.glosses.shrink_to_fit();
        (b.norm, b.noted)
    }

    /// A [`Cursor`] that maps offsets of [`text`](Self::text) back to the
    /// original.
    pub fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor::new(self)
    }

    /// Whether stray spaces were dropped right before norm offset `at`.
    pub fn joined_at(&self, at: usize) -> bool {
        self.joins.binary_search(&at).is_ok()
    }

    /// Offsets into [`text`](Self::text) where stray spaces were dropped.
    pub fn joins(&self) -> &[usize] {
        &self.joins
    }

    /// Offsets into [`text`](Self::text) where a gap between two cells of a
    /// table row or two fields of a form was dropped between two CJK chars:
    /// no name runs across one.
    pub fn cell_gaps(&self) -> &[usize] {
        &self.cell_gaps
    }
}

/// Room for `per_kb` items per KB of a text of `len` bytes, rounded up:
/// a short text gets room for its few items too.
fn per_kb(len: usize, per_kb: usize) -> usize {
    (len / 1024 + 1) * per_kb
}

/// The state of one fold, char run by char run.
struct Builder<'a, 'm> {
    /// The result so far.
    norm: Normalized<'a>,
    /// The chars whose places in the folded text are noted.
    marks: &'m BmpSet,
    /// Their places so far.
    noted: Vec<usize>,
    /// The original offset where the letter-spaced number being joined ends.
    spaced_until: usize,
    /// The folded offset of the last thousands separator dropped.
    last_group: Option<usize>,
    /// What the line of the last wide gap is (see [`cells`]).
    line: cells::Line,
}

impl Builder<'_, '_> {
    /// The last char put into the folded text.
    fn prev(&self) -> Option<char> {
        self.norm.text.chars().next_back()
    }

    /// Notes the place `at` of the folded char `c`, if it is one of the marks.
    fn note(&mut self, at: usize, c: char) {
        if self.marks.has(c) {
            self.noted.push(at);
        }
    }

    /// Notes that the original goes on at `orig_at` where the folded text
    /// goes on now (after a drop); returns `orig_at`.
    fn skip_to(&mut self, orig_at: usize) -> usize {
        let at = self.norm.text.len();
        match self.norm.anchors.last_mut() {
            Some(last) if last.0 == at => last.1 = orig_at,
            _ => self.norm.anchors.push((at, orig_at)),
        }
        orig_at
    }

    /// Puts `f`, the fold of the char `c` at original offset `i`, into the
    /// folded text; returns the original offset after `c`.
    fn put(&mut self, i: usize, c: char, f: char) -> usize {
        let at = self.norm.text.len();
        self.norm.text.push(f);
        self.note(at, f);
        let end = i + c.len_utf8();
        if f.len_utf8() != c.len_utf8() {
            self.norm.anchors.push((self.norm.text.len(), end));
        } else if f != c {
            let to = self.norm.text.len();
            match self.norm.folds.last_mut() {
                Some(last) if last.1 == at => last.1 = to,
                _ => self.norm.folds.push((at, to)),
            }
        }
        end
    }

    /// Puts the ASCII char `f`, the [`narrow_fold`] of the three-byte char
    /// at original offset `i`, into the folded text; returns the original
    /// offset after that char. As [`put`](Self::put), without decoding.
    #[inline]
    fn put_ascii(&mut self, i: usize, f: u8) -> usize {
        let f = char::from(f);
        let at = self.norm.text.len();
        self.norm.text.push(f);
        self.note(at, f);
        let end = i + 3;
        self.norm.anchors.push((at + 1, end));
        end
    }

    /// The length of a pinyin gloss at original offset `i` (holding `c`)
    /// right after a CJK char.
    fn gloss_at(&self, i: usize, c: char) -> Option<usize> {
        if !matches!(c, '(' | '（') || !self.prev().is_some_and(is_cjk) {
            return None;
        }
        gloss_len(&self.norm.orig[i..])
    }

    /// Drops or collapses the run of spaces at original offset `i`; returns
    /// the offset after it.
    fn spaces(&mut self, i: usize) -> usize {
        let orig = self.norm.orig;
        let run_end = orig[i..]
            .find(|d| !is_hspace(d))
            .map_or(orig.len(), |k| i + k);
        let next = char_at(orig, run_end).map(fold);
        if let (Some(p), Some(n)) = (self.prev(), next) {
            if joinable(p, n) || self.splits_number(p, n, i, run_end) {
                if is_cjk(p) && is_cjk(n) && cells::is_cell_gap(orig, i, run_end, &mut self.line) {
                    self.norm.cell_gaps.push(self.norm.text.len());
                }
                self.norm.joins.push(self.norm.text.len());
                return self.skip_to(run_end);
            }
        }
        // Keep one plain space for the whole run.
        self.note(self.norm.text.len(), ' ');
        self.norm.text.push(' ');
        if run_end - i > 1 {
            self.norm.anchors.push((self.norm.text.len(), run_end));
        }
        run_end
    }

    /// Whether the spaces `orig[i..run_end]` between the digits `p` and `n`
    /// split one number (see [`digits`]).
    fn splits_number(&mut self, p: char, n: char, i: usize, run_end: usize) -> bool {
        let digit_like = |c: char| c.is_ascii_digit() || c == '.';
        if !digit_like(p) || !digit_like(n) {
            return false;
        }
        if i < self.spaced_until {
            return true;
        }
        if p == '.' {
            return false;
        }
        let orig = self.norm.orig;
        let one_char = orig[i..run_end].chars().nth(1).is_none();
        if one_char {
            if let Some(end) = digits::spaced_number_end(orig, i) {
                self.spaced_until = end;
                return true;
            }
        }
        if n.is_ascii_digit()
            && digits::thousands_gap(&self.norm.text, self.last_group, orig, i, run_end)
        {
            self.last_group = Some(self.norm.text.len());
            return true;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_maps_back() {
        let orig = "投入２．６１ 亿元，增长１２％";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "投入2.61亿元,增长12%");
        let s = n.text.find("2.61").unwrap();
        let e = n.text.find("元").unwrap() + "元".len();
        assert_eq!(n.cursor().orig_slice(s, e), "２．６１ 亿元");
        let p = n.text.find("12%").unwrap();
        assert_eq!(n.cursor().orig_slice(p, n.text.len()), "１２％");
    }

    #[test]
    fn keeps_spaces_between_latin_words_and_digits() {
        let n = Normalized::new("STEM 教师 2023-11-10 15:03:32");
        assert_eq!(n.text, "STEM 教师2023-11-10 15:03:32");
        assert_eq!(n.joins().len(), 1);
    }

    #[test]
    fn span_end_does_not_swallow_dropped_space() {
        let orig = "师 资";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "师资");
        assert!(n.joined_at(3));
        assert_eq!(n.cursor().orig_slice(0, 3), "师");
        assert_eq!(n.cursor().orig_slice(3, 6), "资");
        assert_eq!(n.cursor().orig_end(n.text.len()), orig.len());
    }

    #[test]
    fn folds_after_plain_runs() {
        let n = Normalized::new("abc\u{a0}\u{a0}def。“Ｘ”\t数 1");
        assert_eq!(n.text, "abc def。\"X\" 数1");
        assert_eq!(n.cursor().orig_slice(n.text.len() - 1, n.text.len()), "1");
        assert_eq!(n.cursor().orig_slice(4, 7), "def");
    }

    #[test]
    fn cursor_maps_in_any_order() {
        let orig =
            "（１）投入 ２．６１ 亿元，“增长”１２％，師 資　隊伍\u{feff}\0。8\u{a0}660㗲".repeat(5);
        let n = Normalized::new(&orig);
        let offsets: Vec<usize> = (0..=n.text.len())
            .filter(|&i| n.text.is_char_boundary(i))
            .collect();
        // By a linear look through the offset map.
        let start = |i: usize| {
            let &(a, o) = n.anchors.iter().rev().find(|a| a.0 <= i).unwrap();
            o + (i - a)
        };
        let fresh: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&i| {
                let end = n.text[..i].chars().next_back().map_or(0, |c| {
                    let o = start(i - c.len_utf8());
                    o + orig[o..].chars().next().unwrap().len_utf8()
                });
                (start(i), end)
            })
            .collect();
        let mut c = n.cursor();
        let up: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&i| (c.orig_start(i), c.orig_end(i)))
            .collect();
        assert_eq!(up, fresh);
        let mut down: Vec<(usize, usize)> = offsets
            .iter()
            .rev()
            .map(|&i| (c.orig_start(i), c.orig_end(i)))
            .collect();
        down.reverse();
        assert_eq!(down, fresh);
        assert_eq!(fresh.last(), Some(&(orig.len(), orig.len())));
    }

    #[test]
    fn unifies_quotes() {
        assert_eq!(Normalized::new("“双减”‘好’").text, "\"双减\"'好'");
    }

    #[test]
    fn folds_traditional_chars_and_maps_back() {
        let orig = "總投資300億元，新增社會住宅1200戶";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "总投资300亿元,新增社会住宅1200户");
        let mut c = n.cursor();
        let s = n.text.find("300").unwrap();
        let e = n.text.find("元").unwrap() + "元".len();
        assert_eq!(c.orig_slice(s, e), "300億元");
        assert_eq!(c.orig_slice(0, "总投资".len()), "總投資");
        // Each folded char is marked, even where its length is the same.
        assert!(!c.verbatim(0, "总投资".len()));
        assert!(!c.verbatim(6, 9));
        // 投 is the same in both scripts.
        assert!(c.verbatim(3, 6));
        assert!(c.verbatim(s, s + 3));
        // Same-length folds move no offset (the anchors are the start and
        // the full-width comma).
        assert_eq!(n.anchors.len(), 2);
        assert_eq!(n.folds, [(0, 3), (6, 9), (12, 15), (28, 31), (41, 44)]);
        // A simplified text folds to itself, with no anchor but the first.
        let simple = "著名的乾隆年间余下于后里只干台范冲松";
        let n = Normalized::new(simple);
        assert_eq!((n.text.as_str(), n.anchors.len()), (simple, 1));
        assert!(n.folds.is_empty());
    }

    #[test]
    fn a_fold_to_another_length_maps_back() {
        // 㗲 (3 bytes) folds to 𠵾 (4 bytes).
        let orig = "甲㗲乙";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "甲𠵾乙");
        let mut c = n.cursor();
        assert_eq!(c.orig_slice(3, 7), "㗲");
        assert_eq!(c.orig_slice(7, 10), "乙");
    }

    #[test]
    fn drops_pinyin_glosses_after_cjk_chars() {
        let orig = "增長(zhǎng)12%，3.5個（gè）百分點(diǎn)。方案(a)(ha)";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "增长12%,3.5个百分点。方案(a)(ha)");
        let mut c = n.cursor();
        // A span across a gloss holds it; a span ending at a glossed char
        // takes the gloss along.
        assert_eq!(
            c.orig_slice(0, n.text.find('%').unwrap() + 1),
            "增長(zhǎng)12%"
        );
        assert_eq!(c.orig_slice(0, "增长".len()), "增長(zhǎng)");
        let s = n.text.find("12").unwrap();
        assert_eq!(c.orig_slice(s, s + 2), "12");
        let s = n.text.find("3.5").unwrap();
        let e = n.text.find('。').unwrap();
        assert_eq!(c.orig_slice(s, e), "3.5個（gè）百分點(diǎn)");
        assert!(n.joins().is_empty());
        // Not after a space or a latin letter.
        assert_eq!(Normalized::new("增長 (zhǎng)").text, "增长 (zhǎng)");
        assert_eq!(Normalized::new("abc(zhǎng)").text, "abc(zhǎng)");
    }

    #[test]
    fn drops_bom_controls_and_combining_marks() {
        let orig = "\u{feff}学位8\u{301}660个\0，投\u{1}入\u{85}资金\u{c}3亿元";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "学位8660个,投入资金3亿元");
        let mut c = n.cursor();
        assert_eq!(c.orig_start(0), "\u{feff}".len());
        let e = n.text.find(',').unwrap();
        assert_eq!(c.orig_slice(0, e), "学位8\u{301}660个");
        assert_eq!(c.orig_slice(0, 0), "");
        assert_eq!(c.orig_end(n.text.len()), orig.len());
    }

    #[test]
    fn spaces_inside_numbers() {
        let fold = |s: &str| Normalized::new(s).text;
        // A no-break or thin space between strict thousands groups.
        assert_eq!(fold("学位8\u{a0}660个"), "学位8660个");
        assert_eq!(fold("共1\u{2009}234\u{202f}567元"), "共1234567元");
        assert_eq!(fold("共1\u{a0}2345元"), "共1 2345元");
        assert_eq!(fold("2127\u{a0}74亿元"), "2127 74亿元");
        // A letter-spaced number.
        let orig = "投入 3 1 . 9 6 亿 元";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "投入31.96亿元");
        assert_eq!(
            n.cursor().orig_slice("投入".len(), n.text.len()),
            "3 1 . 9 6 亿 元"
        );
        assert_eq!(fold("投入 3 1 亿 元"), "投入31亿元");
        // Digits that may be apart stay apart.
        assert_eq!(fold("小学 5 3 2 所\n"), "小学5 3 2所\n");
        assert_eq!(fold("2127 74亿元"), "2127 74亿元");
        assert_eq!(fold("2023-11-10 15:03:32"), "2023-11-10 15:03:32");
    }

    #[test]
    fn verbatim_ranges_are_their_own_original() {
        let orig =
            "總投資３００億元，增長(zhǎng)12% 新增\u{feff}學位 8 660個“好”㗲學校\t共 3 1 . 9 亿 元";
        let n = Normalized::new(orig);
        let bounds: Vec<usize> = (0..=n.text.len())
            .filter(|&i| n.text.is_char_boundary(i))
            .collect();
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut c = n.cursor();
        let mut verbatim = 0;
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k + 1..] {
                if c.verbatim(a, b) {
                    verbatim += 1;
                    let o = c.orig_slice(a, b);
                    assert_eq!(visible(o), visible(&n.text[a..b]), "{a}..{b}");
                }
            }
        }
        assert!(verbatim > 10, "{verbatim}");
    }
}
