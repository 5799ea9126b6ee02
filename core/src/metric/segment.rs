//! Sentences, clauses, quotes and titles around a byte offset of the
//! normalised text (full-width punctuation is already folded to ASCII),
//! looked up in the marks of an [`Index`].

use std::ops::Range;

use super::index::{Index, Marks};
use crate::text::punct::TITLE_MARKS;
use crate::text::{floor_char, utf8_len};

/// How far (bytes) to look for the ends of a clause, sentence, quote or title.
const REACH: usize = 600;

/// Start of the span ending at `at` that holds none of the `breaks`: one
/// past the last break within [`REACH`] bytes, else the reach.
fn back(text: &str, breaks: &Marks, at: usize) -> usize {
    let from = at.saturating_sub(REACH);
    let k = breaks.count_before(at);
    if let Some(b) = k.checked_sub(1).and_then(|k| breaks.get(k)) {
        let end = b + utf8_len(text.as_bytes()[b]);
        if end > from {
            return end;
        }
    }
    floor_char(text, from)
}

/// End of the span starting at `at` that holds none of the `breaks`: the
/// first break within [`REACH`] bytes, else the reach.
fn forward(text: &str, breaks: &Marks, at: usize) -> usize {
    let to = (at + REACH).min(text.len());
    match breaks.first_from(at) {
        Some(b) if b < to => b,
        _ => floor_char(text, to),
    }
}

/// Start of the clause holding byte `at`.
pub fn clause_start(ix: &Index, at: usize) -> usize {
    back(ix.text, &ix.clauses, at)
}

/// End of the clause holding byte `at`.
pub fn clause_end(ix: &Index, at: usize) -> usize {
    forward(ix.text, &ix.clauses, at)
}

/// Start of the sentence holding byte `at`.
pub fn sentence_start(ix: &Index, at: usize) -> usize {
    back(ix.text, &ix.sentences, at)
}

/// End of the sentence holding byte `at`.
pub fn sentence_end(ix: &Index, at: usize) -> usize {
    forward(ix.text, &ix.sentences, at)
}

/// Whether byte `at` is inside a `《》` title of its sentence, which starts at `line`.
pub fn in_title(ix: &Index, line: usize, at: usize) -> bool {
    // Most texts hold no title.
    if ix.titles.all().is_empty() {
        return false;
    }
    let k = ix.titles.count_before(at);
    match k.checked_sub(1).and_then(|k| ix.titles.get(k)) {
        Some(m) if m >= line => ix.text[m..].starts_with(TITLE_MARKS[0]),
        _ => false,
    }
}

/// The quoted phrase (between its quotes) holding `start..end`, if the
/// quotes of its sentence (`line`) before `start` are unbalanced.
pub fn quote_around(
    ix: &Index,
    line: Range<usize>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    // Most texts hold no quotes.
    if ix.quotes.all().is_empty() {
        return None;
    }
    let (line, line_end) = (line.start, line.end.max(end));
    let first = ix.quotes.count_before(line);
    let before = ix.quotes.count_before(start);
    if (before - first) % 2 == 0 {
        return None;
    }
    let open = ix.quotes.get(before - 1)? + 1;
    let close = ix.quotes.first_from(end).filter(|&q| q < line_end)?;
    Some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_and_sentences() {
        let t = "其中,新增学位8660个、校舍3万平方米。下一句";
        let ix = Index::of(t);
        let at = t.find("8660").unwrap();
        assert_eq!(
            &t[clause_start(&ix, at)..clause_end(&ix, at)],
            "新增学位8660个"
        );
        assert_eq!(
            &t[sentence_start(&ix, at)..sentence_end(&ix, at)],
            "其中,新增学位8660个、校舍3万平方米"
        );
    }

    #[test]
    fn reach_is_bounded() {
        let t = format!("甲。{}乙", "字".repeat(400));
        let ix = Index::of(&t);
        let at = t.find('乙').unwrap();
        assert_eq!(sentence_start(&ix, at), floor_char(&t, at - REACH));
        assert_eq!(sentence_end(&ix, 0), "甲".len());
        assert_eq!(sentence_end(&ix, 6), floor_char(&t, 6 + REACH));
        assert_eq!(sentence_start(&ix, 6 + 3 * 199), 6);
    }

    #[test]
    fn titles_and_quotes() {
        let t = "印发《三年行动计划》,实施\"五大行动\",共5所";
        let ix = Index::of(t);
        assert!(in_title(&ix, 0, t.find("三年").unwrap()));
        assert!(!in_title(&ix, 0, t.find('5').unwrap()));
        let at = t.find("五大").unwrap();
        let (o, c) = quote_around(&ix, 0..t.len(), at, at + 3).unwrap();
        assert_eq!(&t[o..c], "五大行动");
        assert!(quote_around(&ix, 0..t.len(), t.find('5').unwrap(), t.len()).is_none());
    }
}
