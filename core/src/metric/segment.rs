//! Sentences, clauses, quotes and titles around a byte offset of the
//! normalised text (full-width punctuation is already folded to ASCII).

use std::ops::Range;

/// How far (bytes) to look for the ends of a clause, sentence, quote or title.
const REACH: usize = 600;

/// A set of break chars: ASCII bytes and three-byte chars, matched on
/// bytes so that scanning never decodes.
struct Breaks {
    ascii: &'static [u8],
    wide: &'static [&'static str],
    /// Bytes that may start a break.
    first: [bool; 256],
    /// Bytes that may end a break.
    last: [bool; 256],
}

impl Breaks {
    /// The set of `ascii` bytes and `wide` (three-byte) chars.
    const fn new(ascii: &'static [u8], wide: &'static [&'static str]) -> Breaks {
        let mut first = [false; 256];
        let mut last = [false; 256];
        let mut i = 0;
        while i < ascii.len() {
            first[ascii[i] as usize] = true;
            last[ascii[i] as usize] = true;
            i += 1;
        }
        let mut i = 0;
        while i < wide.len() {
            let w = wide[i].as_bytes();
            first[w[0] as usize] = true;
            last[w[w.len() - 1] as usize] = true;
            i += 1;
        }
        Breaks {
            ascii,
            wide,
            first,
            last,
        }
    }
}

/// What ends a clause.
const CLAUSE: Breaks = Breaks::new(b",;!?:\n", &["。", "、", "…"]);

/// What ends a sentence.
const SENTENCE: Breaks = Breaks::new(b"!?;\n", &["。"]);

impl Breaks {
    /// Whether `c` is one of the breaks.
    fn has(&self, c: char) -> bool {
        (c.is_ascii() && self.ascii.contains(&(c as u8)))
            || self.wide.iter().any(|w| w.starts_with(c))
    }

    /// The length of the break ending at byte `i`, if one does.
    fn ending_at(&self, bytes: &[u8], i: usize) -> Option<usize> {
        let b = bytes[i - 1];
        if b < 0x80 {
            return self.ascii.contains(&b).then_some(1);
        }
        if b & 0xc0 != 0x80 || i < 3 || bytes[i - 2] != 0x80 {
            return None;
        }
        self.wide
            .iter()
            .any(|w| &bytes[i - 3..i] == w.as_bytes())
            .then_some(3)
    }

    /// The length of the break starting at byte `i`, if one does.
    fn starting_at(&self, bytes: &[u8], i: usize) -> Option<usize> {
        let b = bytes[i];
        if b < 0x80 {
            return self.ascii.contains(&b).then_some(1);
        }
        if b & 0xf0 != 0xe0 || bytes.get(i + 1) != Some(&0x80) {
            return None;
        }
        let w = bytes.get(i..i + 3)?;
        self.wide.iter().any(|x| w == x.as_bytes()).then_some(3)
    }

    /// Start of the span ending at `at` that holds no break.
    fn back(&self, text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        let from = at.saturating_sub(REACH);
        let mut i = at;
        while let Some(k) = bytes[from..i]
            .iter()
            .rposition(|&b| self.last[usize::from(b)])
        {
            if self.ending_at(bytes, from + k + 1).is_some() {
                return from + k + 1;
            }
            i = from + k;
        }
        floor_char(text, from)
    }

    /// End of the span starting at `at` that holds no break.
    fn forward(&self, text: &str, at: usize) -> usize {
        let bytes = text.as_bytes();
        let to = (at + REACH).min(bytes.len());
        let mut i = at;
        while let Some(k) = bytes[i..to]
            .iter()
            .position(|&b| self.first[usize::from(b)])
        {
            if self.starting_at(bytes, i + k).is_some() {
                return i + k;
            }
            i += k + 1;
        }
        floor_char(text, to)
    }
}

/// Chars that end a clause.
pub fn is_clause_break(c: char) -> bool {
    CLAUSE.has(c)
}

/// The largest char boundary of `text` at or before `at`.
pub fn floor_char(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Start of the clause holding byte `at`.
pub fn clause_start(text: &str, at: usize) -> usize {
    CLAUSE.back(text, at)
}

/// End of the clause holding byte `at`.
pub fn clause_end(text: &str, at: usize) -> usize {
    CLAUSE.forward(text, at)
}

/// Start of the sentence holding byte `at`.
pub fn sentence_start(text: &str, at: usize) -> usize {
    SENTENCE.back(text, at)
}

/// End of the sentence holding byte `at`.
pub fn sentence_end(text: &str, at: usize) -> usize {
    SENTENCE.forward(text, at)
}

/// Whether byte `at` is inside a `《》` title of its sentence, which starts at `line`.
pub fn in_title(text: &str, line: usize, at: usize) -> bool {
    match text[line..at].rfind(['《', '》']) {
        Some(i) => text[line + i..].starts_with('《'),
        None => false,
    }
}

/// The quoted phrase (between its quotes) holding `start..end`, if the
/// quotes of its sentence (`line`) before `start` are unbalanced.
pub fn quote_around(
    text: &str,
    line: Range<usize>,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let (line, line_end) = (line.start, line.end.max(end));
    let quotes = text[line..start].matches('"').count();
    if quotes % 2 == 0 {
        return None;
    }
    let open = line + text[line..start].rfind('"')? + 1;
    let close = end + text[end..line_end].find('"')?;
    Some((open, close))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_and_sentences() {
        let t = "其中,新增学位8660个、校舍3万平方米。下一句";
        let at = t.find("8660").unwrap();
        assert_eq!(&t[clause_start(t, at)..clause_end(t, at)], "新增学位8660个");
        assert_eq!(
            &t[sentence_start(t, at)..sentence_end(t, at)],
            "其中,新增学位8660个、校舍3万平方米"
        );
    }

    #[test]
    fn titles_and_quotes() {
        let t = "印发《三年行动计划》,实施\"五大行动\",共5所";
        assert!(in_title(t, 0, t.find("三年").unwrap()));
        assert!(!in_title(t, 0, t.find('5').unwrap()));
        let at = t.find("五大").unwrap();
        let (o, c) = quote_around(t, 0..t.len(), at, at + 3).unwrap();
        assert_eq!(&t[o..c], "五大行动");
        assert!(quote_around(t, 0..t.len(), t.find('5').unwrap(), t.len()).is_none());
    }
}
