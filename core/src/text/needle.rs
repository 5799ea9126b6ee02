//! Fixed words searched for in every text, with their searchers built once
//! per process rather than once per call (building a `memmem` searcher
//! costs about as much as searching a short document with it).

use std::sync::OnceLock;

use memchr::memmem::{FindIter, Finder};

/// A fixed word and its searcher, built on first use.
#[derive(Debug)]
pub(crate) struct Needle {
    word: &'static str,
    finder: OnceLock<Finder<'static>>,
}

impl Needle {
    /// The needle for `word` (its searcher is built when first used).
    pub(crate) const fn new(word: &'static str) -> Needle {
        Needle {
            word,
            finder: OnceLock::new(),
        }
    }

    /// The word searched for.
    pub(crate) fn word(&self) -> &'static str {
        self.word
    }

    /// The byte offsets of the word's non-overlapping occurrences in `text`.
    pub(crate) fn find_iter<'h>(&'static self, text: &'h str) -> FindIter<'h, 'static> {
        self.finder
            .get_or_init(|| Finder::new(self.word))
            .find_iter(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_like_memmem() {
        static YUE: Needle = Needle::new("月");
        let text = "3月至5月,月底";
        let got: Vec<usize> = YUE.find_iter(text).collect();
        let want: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), "月").collect();
        assert_eq!(got, want);
        assert_eq!(got.len(), 3);
        assert_eq!(YUE.word(), "月");
    }
}
