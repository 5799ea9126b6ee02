//! Fixed words searched for in every text, with their searchers built once
//! per process rather than once per call (building a `memmem` searcher
//! costs about as much as searching a short document with it): one word
//! ([`Needle`]), or several found in one pass ([`Needles`]).

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use super::lists::words;

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

    /// The byte offset of the word's first occurrence in `text`.
    pub(crate) fn find(&'static self, text: &str) -> Option<usize> {
        self.finder().find(text.as_bytes())
    }

    /// The searcher, built on first use.
    fn finder(&'static self) -> &'static Finder<'static> {
        self.finder.get_or_init(|| Finder::new(self.word))
    }
}

/// Several fixed words found in one pass over a text, with their searcher
/// built on first use. No two occurrences of the words may overlap (no
/// word ends with the start of another or of itself, nor holds another):
/// then every occurrence is found.
#[derive(Debug)]
pub(crate) struct Needles {
    /// The embedded word list (see [`words`]).
    data: &'static str,
    searcher: OnceLock<AhoCorasick>,
}

impl Needles {
    /// The needles for the words of the embedded list `data`, indexed in
    /// its order.
    pub(crate) const fn list(data: &'static str) -> Needles {
        Needles {
            data,
            searcher: OnceLock::new(),
        }
    }

    /// The occurrences of the words in `text`, in text order: byte offset
    /// and index of the word.
    pub(crate) fn find_iter<'h>(
        &'static self,
        text: &'h str,
    ) -> impl Iterator<Item = (usize, usize)> + 'h {
        self.searcher
            .get_or_init(|| {
                let list: Vec<&str> = words(self.data).collect();
                // Leftmost-first (the same matches, as none overlap) lets
                // the searcher skip ahead with SIMD (Teddy) between them.
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostFirst)
                    .build(list)
                    .expect("fixed words build a searcher")
            })
            .find_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_occurrence_of_each_word() {
        static DATES: Needles = Needles::list("年\n月\n民国\n");
        let text = "民国3年5月,年月";
        let got: Vec<(usize, usize)> = DATES.find_iter(text).collect();
        let at = |w: &str, k: usize| text.match_indices(w).nth(k).unwrap().0;
        static LIST: Needles = Needles::list("# c\n月\n民国\n");
        assert_eq!(LIST.find_iter(text).count(), 3);
        assert_eq!(
            got,
            [
                (0, 2),
                (at("年", 0), 0),
                (at("月", 0), 1),
                (at("年", 1), 0),
                (at("月", 1), 1)
            ]
        );
    }

    #[test]
    fn finds_like_memmem() {
        static YUE: Needle = Needle::new("月");
        let text = "3月至5月,月底";
        assert_eq!(YUE.find(text), text.find("月"));
        assert_eq!(YUE.find("三季度"), None);
    }
}
