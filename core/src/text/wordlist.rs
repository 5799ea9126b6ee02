//! An embedded word list kept in its order, with a first-char prefilter:
//! the first of its words that starts at an offset, found without
//! comparing a word where none can start.

use std::ops::Deref;

use super::bits::CharSet;
use super::lists::words;

/// An embedded word list in its order, with a fast "may one of them start
/// here" test.
#[derive(Debug)]
pub(crate) struct WordList {
    words: Vec<&'static str>,
    /// The first chars of the words (exact over the BMP; 8 KB, on the heap).
    first: Box<CharSet<1024>>,
}

impl WordList {
    /// The list of the words of an embedded list, in its order.
    pub(crate) fn new(data: &'static str) -> WordList {
        let words: Vec<&'static str> = words(data).collect();
        let mut first = Box::<CharSet<1024>>::default();
        for w in &words {
            if let Some(c) = w.chars().next() {
                first.add(c);
            }
        }
        WordList { words, first }
    }

    /// The first word of the list, in its order, that `text[at..]` starts
    /// with and that `ok` accepts.
    #[inline]
    pub(crate) fn find_at(
        &self,
        text: &str,
        at: usize,
        ok: impl Fn(&str) -> bool,
    ) -> Option<&'static str> {
        let rest = &text[at..];
        if !rest.chars().next().is_some_and(|c| self.first.may_hold(c)) {
            return None;
        }
        self.words
            .iter()
            .copied()
            .find(|w| rest.starts_with(w) && ok(w))
    }

    /// Whether one of the words starts at byte `at` of `text`.
    #[inline]
    pub(crate) fn starts_at(&self, text: &str, at: usize) -> bool {
        self.find_at(text, at, |_| true).is_some()
    }
}

impl Deref for WordList {
    type Target = [&'static str];

    /// The words, in the list's order.
    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_word_in_list_order() {
        let l = WordList::new("# c\n自治区\n省\n市\n");
        let t = "在自治区和省市";
        assert_eq!(l.find_at(t, "在".len(), |_| true), Some("自治区"));
        assert_eq!(l.find_at(t, "在自治区和".len(), |w| w != "省"), None);
        assert!(l.starts_at(t, t.len() - "市".len()) && !l.starts_at(t, 0));
        assert!(!l.starts_at(t, t.len()));
        assert_eq!(l.len(), 3);
        assert_eq!(l[0], "自治区");
    }
}
