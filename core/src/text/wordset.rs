//! A set of words with a fast "does one of them end here" test: the stop
//! words, verbs and generic words the entity finders look for at a name's
//! edges.

use std::collections::HashSet;

use super::hash::FastHash;
use super::lexicon::Lexicon;
use super::lists::words;

/// A set of words with a fast "does one of them end here" test.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    set: HashSet<&'static str, FastHash>,
    /// The same words, for the test at an offset (a bit test where none
    /// ends with the char there, a compare of bytes per word that does).
    ends: Lexicon<()>,
}

impl WordSet {
    /// The set of the words of an embedded list.
    pub(crate) fn new(data: &'static str) -> WordSet {
        WordSet::union(&[data])
    }

    /// The set of the words of several embedded lists.
    pub(crate) fn union(lists: &[&'static str]) -> WordSet {
        let mut ws = WordSet::default();
        for w in lists.iter().flat_map(|d| words(d)) {
            ws.set.insert(w);
            ws.ends.insert(w, ());
        }
        ws
    }

    /// Whether `w` is in the set.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// Whether one of the words starts `text`.
    #[inline]
    pub(crate) fn opens(&self, text: &str) -> bool {
        self.ends.longest_at(text, 0).is_some()
    }

    /// Whether one of the words ends at byte `at` of `text`.
    #[inline]
    pub(crate) fn ends_at(&self, text: &str, at: usize) -> bool {
        self.ends.longest_ending_at(text, at).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_set_tests_both_ends() {
        let ws = WordSet::new("# c\n在\n建成\n");
        let t = "新建成香溪小学";
        assert!(ws.ends_at(t, "新建成".len()));
        assert!(!ws.ends_at(t, "新建".len()));
        assert!(!ws.ends_at(t, 0));
        assert!(ws.contains("在") && !ws.contains("建"));
        assert!(ws.opens("建成小学") && !ws.opens("新建成"));
    }
}
