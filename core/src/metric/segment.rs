//! Sentences, clauses, quotes and titles around a byte offset of the
//! normalised text (full-width punctuation is already folded to ASCII).

/// How far (bytes) to look for the ends of a clause, sentence, quote or title.
const REACH: usize = 600;

/// Chars that end a clause.
pub fn is_clause_break(c: char) -> bool {
    matches!(c, ',' | ';' | '。' | '!' | '?' | ':' | '\n' | '、' | '…')
}

/// Chars that end a sentence.
pub fn is_sentence_break(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | ';' | '\n')
}

/// The largest char boundary of `text` at or before `at`.
pub fn floor_char(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Start of the span ending at `at` that contains no char matching `stop`.
fn back_to(text: &str, at: usize, stop: impl Fn(char) -> bool) -> usize {
    let from = floor_char(text, at.saturating_sub(REACH));
    text[from..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| stop(c))
        .map_or(from, |(i, c)| from + i + c.len_utf8())
}

/// End of the span starting at `at` that contains no char matching `stop`.
fn forward_to(text: &str, at: usize, stop: impl Fn(char) -> bool) -> usize {
    let to = floor_char(text, at + REACH);
    text[at..to]
        .char_indices()
        .find(|&(_, c)| stop(c))
        .map_or(to, |(i, _)| at + i)
}

/// Start of the clause holding byte `at`.
pub fn clause_start(text: &str, at: usize) -> usize {
    back_to(text, at, is_clause_break)
}

/// End of the clause holding byte `at`.
pub fn clause_end(text: &str, at: usize) -> usize {
    forward_to(text, at, is_clause_break)
}

/// Start of the sentence holding byte `at`.
pub fn sentence_start(text: &str, at: usize) -> usize {
    back_to(text, at, is_sentence_break)
}

/// End of the sentence holding byte `at`.
pub fn sentence_end(text: &str, at: usize) -> usize {
    forward_to(text, at, is_sentence_break)
}

/// Whether byte `at` is inside a `《》` title on its line.
pub fn in_title(text: &str, at: usize) -> bool {
    let line = back_to(text, at, |c| c == '\n');
    match text[line..at].rfind(['《', '》']) {
        Some(i) => text[line + i..].starts_with('《'),
        None => false,
    }
}

/// The quoted phrase (between its quotes) holding `start..end`, if the
/// quotes on the line before `start` are unbalanced.
pub fn quote_around(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let line = back_to(text, start, |c| c == '\n');
    let quotes = text[line..start].matches('"').count();
    if quotes % 2 == 0 {
        return None;
    }
    let open = line + text[line..start].rfind('"')? + 1;
    let line_end = forward_to(text, end, |c| c == '\n');
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
        assert!(in_title(t, t.find("三年").unwrap()));
        assert!(!in_title(t, t.find('5').unwrap()));
        let at = t.find("五大").unwrap();
        let (o, c) = quote_around(t, at, at + 3).unwrap();
        assert_eq!(&t[o..c], "五大行动");
        assert!(quote_around(t, t.find('5').unwrap(), t.len()).is_none());
    }
}
