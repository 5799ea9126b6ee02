//! A set of words with a fast "does one of them end here" test: the stop
//! words, verbs and generic words the entity finders look for at a name's
//! edges.

use std::collections::HashSet;

use super::bits::CharSet;
use super::chars::char_before;
use super::hash::FastHash;
use super::lists::words;

/// A set of words with a fast "does one of them end here" test.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    set: HashSet<&'static str, FastHash>,
    max_chars: usize,
    /// The last chars of the words (exact over the BMP; 8 KB, on the heap).
    last: Box<CharSet<1024>>,
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
            ws.max_chars = ws.max_chars.max(w.chars().count());
            ws.set.insert(w);
            if let Some(c) = w.chars().next_back() {
                ws.last.add(c);
            }
        }
        ws
    }

    /// Whether `w` is in the set.
    #[inline]
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.set.contains(w)
    }

    /// Whether one of the words ends at byte `at` of `text`.
    pub(crate) fn ends_at(&self, text: &str, at: usize) -> bool {
        if !char_before(text, at).is_some_and(|c| self.last.may_hold(c)) {
            return false;
        }
        let mut start = at;
        for _ in 0..self.max_chars {
            match char_before(text, start) {
                Some(c) => start -= c.len_utf8(),
                None => break,
            }
            if self.set.contains(&text[start..at]) {
                return true;
            }
        }
        false
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
    }
}
