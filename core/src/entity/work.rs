//! WORK: the titles inside 《》 (documents, plans, books, newspapers).

use crate::text::punct::TITLE_MARKS;
use crate::text::Needle;

/// The UTF-8 bytes of `《`.
const OPEN: [u8; 3] = utf8_of(TITLE_MARKS[0]);
/// The UTF-8 bytes of `》`.
const CLOSE: [u8; 3] = utf8_of(TITLE_MARKS[1]);

/// The bytes of a three-byte char.
const fn utf8_of(mark: &str) -> [u8; 3] {
    let b = mark.as_bytes();
    [b[0], b[1], b[2]]
}

/// One 《》 title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Title {
    /// Byte offset of the first char inside the brackets.
    pub start: usize,
    /// Byte offset of the closing 》.
    pub end: usize,
}

impl Title {
    /// The span including both brackets.
    pub(crate) fn outer(&self) -> (usize, usize) {
        (self.start - '《'.len_utf8(), self.end + '》'.len_utf8())
    }
}

/// The searcher of `《`, built once.
static OPENING: Needle = Needle::new(TITLE_MARKS[0]);

/// The outermost 《》 titles of `text`, in order. Nested brackets belong to
/// the outer title; a bracket left open at the end of its line is dropped.
pub(crate) fn find(text: &str) -> Vec<Title> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0usize;
    let bytes = text.as_bytes();
    // Only a newline or a char with the marks' lead byte (《 is E3 80 8A,
    // 》 E3 80 8B) can matter; skip the rest without decoding.
    let mut i = 0;
    loop {
        // Outside a title only a 《 can matter, found with one needle (the
        // marks' lead byte is also that of 、 and 。, which most sentences
        // hold).
        let next = if depth == 0 {
            OPENING.find(&text[i..])
        } else {
            memchr::memchr2(b'\n', OPEN[0], &bytes[i..])
        };
        let Some(k) = next else {
            break;
        };
        i += k;
        let three = match bytes.get(i..i + 3) {
            Some(&[a, b, c]) => [a, b, c],
            _ => [0; 3],
        };
        // Past a mark to the next char, so that the search outside a title
        // starts on a char boundary; past the lead byte of any other char.
        i += match three {
            OPEN => {
                if depth == 0 {
                    open = i + 3;
                }
                depth += 1;
                3
            }
            CLOSE if depth > 0 => {
                depth -= 1;
                if depth == 0 && i > open {
                    out.push(Title {
                        start: open,
                        end: i,
                    });
                }
                3
            }
            _ if bytes[i] == b'\n' => {
                depth = 0;
                1
            }
            _ => 1,
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(text: &str) -> Vec<&str> {
        find(text).iter().map(|t| &text[t.start..t.end]).collect()
    }

    #[test]
    fn finds_titles_with_nesting_and_open_brackets() {
        assert_eq!(
            titles("印发《关于推进集团化办学的意见》和《读《论语》心得》。"),
            ["关于推进集团化办学的意见", "读《论语》心得"]
        );
        assert_eq!(titles("据《江北日报\n报道《教育周刊》"), ["教育周刊"]);
        assert!(titles("《》空").is_empty());
        assert_eq!(
            (OPEN[0], OPEN, CLOSE),
            (CLOSE[0], *b"\xe3\x80\x8a", *b"\xe3\x80\x8b")
        );
        let t = find("看《报》")[0];
        assert_eq!(t.outer(), ("看".len(), "看《报》".len()));
    }
}
