//! Word tables with longest-match look-ups at a byte offset, forwards and
//! backwards: the units, multipliers, approximation words, change verbs…
//! of metric extraction.

use std::collections::HashMap;

use super::bits::CharSet;
use super::hash::FastHash;
use super::lists::rows;

/// Words bucketed by one of their chars, longest first.
type Buckets<T> = HashMap<char, Vec<(Box<str>, T)>, FastHash>;

/// A word → payload map with longest-match look-ups forwards and backwards.
///
/// Words are bucketed by their first char (forward look-ups) and by their
/// last char (backward look-ups), so a miss costs one hash of one char.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon<T> {
    by_first: Buckets<T>,
    by_last: Buckets<T>,
    /// The first chars of the words, as a bit set over their low twelve
    /// bits: most look-ups miss, and this tells so without hashing.
    firsts: CharSet<64>,
    /// The last chars of the words, likewise.
    lasts: CharSet<64>,
}

impl<T> Default for Lexicon<T> {
    fn default() -> Self {
        Lexicon {
            by_first: Buckets::default(),
            by_last: Buckets::default(),
            firsts: CharSet::default(),
            lasts: CharSet::default(),
        }
    }
}

/// Puts `word` in `bucket`, replacing an equal word, longest words first.
fn put<T>(bucket: &mut Vec<(Box<str>, T)>, word: &str, value: T) {
    bucket.retain(|(w, _)| &**w != word);
    let at = bucket.partition_point(|(w, _)| w.len() >= word.len());
    bucket.insert(at, (word.into(), value));
}

impl<T: Clone> Lexicon<T> {
    /// Adds (or replaces) `word`; the empty word is refused.
    pub(crate) fn insert(&mut self, word: &str, value: T) -> bool {
        let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
            return false;
        };
        put(self.by_first.entry(first).or_default(), word, value.clone());
        put(self.by_last.entry(last).or_default(), word, value);
        self.firsts.add(first);
        self.lasts.add(last);
        true
    }
}

impl<T> Lexicon<T> {
    /// The payload of exactly `word`.
    pub(crate) fn get(&self, word: &str) -> Option<&T> {
        let first = word.chars().next()?;
        self.by_first
            .get(&first)?
            .iter()
            .find(|(w, _)| &**w == word)
            .map(|(_, v)| v)
    }

    /// The longest word starting at byte `at`: its byte length and payload.
    pub(crate) fn longest_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let rest = &text[at..];
        let first = rest.chars().next().filter(|&c| self.firsts.may_hold(c))?;
        self.by_first
            .get(&first)?
            .iter()
            .find(|(w, _)| same_bytes(rest.as_bytes().get(..w.len()), w.as_bytes()))
            .map(|(w, v)| (w.len(), v))
    }

    /// The longest word ending at byte `at`: its byte length and payload.
    pub(crate) fn longest_ending_at(&self, text: &str, at: usize) -> Option<(usize, &T)> {
        let head = &text[..at];
        let last = head
            .chars()
            .next_back()
            .filter(|&c| self.lasts.may_hold(c))?;
        self.by_last
            .get(&last)?
            .iter()
            .find(|(w, _)| {
                let from = head.len().checked_sub(w.len());
                same_bytes(from.map(|f| &head.as_bytes()[f..]), w.as_bytes())
            })
            .map(|(w, v)| (w.len(), v))
    }

    /// Whether some word of the table occurs in `text`.
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        text.char_indices()
            .any(|(i, _)| self.longest_at(text, i).is_some())
    }
}

/// Whether `a` is `b`, compared byte by byte in line (the words are a few
/// bytes long, too short to gain from a call to `memcmp`).
fn same_bytes(a: Option<&[u8]>, b: &[u8]) -> bool {
    a.is_some_and(|a| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y))
}

/// A word list (one word a line) as a lexicon without payload.
pub(crate) fn word_list(data: &str) -> Lexicon<()> {
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
}
