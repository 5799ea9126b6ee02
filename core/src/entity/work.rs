//! WORK: the titles inside 《》 (documents, plans, books, newspapers).

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

/// The outermost 《》 titles of `text`, in order. Nested brackets belong to
/// the outer title; a bracket left open at the end of its line is dropped.
pub(crate) fn find(text: &str) -> Vec<Title> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut open = 0usize;
    let bytes = text.as_bytes();
    // Only a newline or a char with lead byte E3 (《 is E3 80 8A, 》 E3 80 8B)
    // can matter; skip the rest without decoding.
    let mut i = 0;
    while let Some(k) = memchr::memchr2(b'\n', 0xe3, &bytes[i..]) {
        i += k;
        match bytes.get(i..i + 3) {
            Some([0xe3, 0x80, 0x8a]) => {
                if depth == 0 {
                    open = i + 3;
                }
                depth += 1;
            }
            Some([0xe3, 0x80, 0x8b]) if depth > 0 => {
                depth -= 1;
                if depth == 0 && i > open {
                    out.push(Title {
                        start: open,
                        end: i,
                    });
                }
            }
            _ if bytes[i] == b'\n' => depth = 0,
            _ => {}
        }
        i += 1;
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
        let t = find("看《报》")[0];
        assert_eq!(t.outer(), ("看".len(), "看《报》".len()));
    }
}
