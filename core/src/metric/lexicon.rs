//! Word tables with longest-match look-ups at a byte offset, and the reader of
//! the tab-separated data files under `core/data/metric/`.

use std::collections::HashMap;

/// The longest word this module can match, in chars.
const MAX_CHARS: usize = 12;

/// A word → payload map with longest-match look-ups forwards and backwards.
#[derive(Debug, Clone)]
pub struct Lexicon<T> {
    words: HashMap<String, T>,
    max_chars: usize,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            words: HashMap::new(),
            max_chars: 0,
        }
    }
}

impl<T> Lexicon<T> {
    /// Adds (or replaces) `word`; words longer than [`MAX_CHARS`] are refused.
    pub fn insert(&mut self, word: &str, value: T) -> bool {
        let n = word.chars().count();
        if n == 0 || n > MAX_CHARS {
            return false;
        }
        self.max_chars = self.max_chars.max(n);
        self.words.insert(word.to_owned(), value);
        true
    }

    /// The payload of exactly `word`.
    pub fn get(&self, word: &str) -> Option<&T> {
        self.words.get(word)
    }

    /// The longest word starting at byte `at`: its byte length and payload.
    pub fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let mut ends = [0usize; MAX_CHARS];
        let mut n = 0;
        for (i, c) in text[at..].char_indices().take(self.max_chars) {
            ends[n] = i + c.len_utf8();
            n += 1;
        }
        ends[..n]
            .iter()
            .rev()
            .find_map(|&len| self.words.get(&text[at..at + len]).map(|v| (len, v)))
    }

    /// The longest word ending at byte `at`: its byte length and payload.
    pub fn longest_ending_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let mut starts = [0usize; MAX_CHARS];
        let mut n = 0;
        for (i, _) in text[..at].char_indices().rev().take(self.max_chars) {
            starts[n] = i;
            n += 1;
        }
        starts[..n]
            .iter()
            .rev()
            .find_map(|&s| self.words.get(&text[s..at]).map(|v| (at - s, v)))
    }

    /// Whether some word of the table occurs in `text`.
    pub fn occurs_in(&self, text: &str) -> bool {
        text.char_indices()
            .any(|(i, _)| self.longest_at(text, i).is_some())
    }
}

/// The data rows of a table: blank lines and `#` comments skipped, fields
/// split on tabs.
pub fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// A word list (one word a line) as a lexicon without payload.
pub fn word_list(data: &str) -> Lexicon<()> {
    let mut lex = Lexicon::default();
    for row in rows(data) {
        lex.insert(row[0], ());
    }
    lex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_match_both_ways() {
        let mut lex = Lexicon::default();
        lex.insert("个", 1);
        lex.insert("个百分点", 2);
        let t = "3个百分点";
        assert_eq!(lex.longest_at(t, 1), Some(("个百分点".len(), &2)));
        assert_eq!(
            lex.longest_ending_at(t, 1 + "个".len()),
            Some(("个".len(), &1))
        );
        assert_eq!(lex.longest_at(t, 0), None);
        assert!(lex.occurs_in("十个"));
    }

    #[test]
    fn rows_skip_comments() {
        let r: Vec<_> = rows("# c\n\na\tb\n").collect();
        assert_eq!(r, vec![vec!["a", "b"]]);
    }
}
