//! Stage 1 of the pipeline: fold the text into one canonical form and keep a
//! map back to the caller's original bytes.
//!
//! Folding: full-width ASCII (`１２％，（`) becomes half-width, the ideographic
//! space becomes a space, curly and corner quotes become `"`, and runs of
//! horizontal spaces that a scanner left between CJK characters and digits
//! (`2.61 亿元`, `一流的师 资`) are dropped. Newlines are kept: they end
//! sentences. Every later stage works on [`Normalized::text`] and reports
//! byte offsets into it; a [`Cursor`] turns them back into offsets into the
//! original.

/// The folded text with its offset map.
#[derive(Debug, Clone)]
pub struct Normalized<'a> {
    /// The caller's text, untouched.
    pub orig: &'a str,
    /// The folded text.
    pub text: String,
    /// `(norm_byte, orig_byte)` pairs, ascending, at every point where the
    /// distance between the two texts changes. Between anchors both advance
    /// byte for byte.
    anchors: Vec<(usize, usize)>,
    /// Byte offsets into `text` where a run of stray spaces was dropped.
    joins: Vec<usize>,
}

impl<'a> Normalized<'a> {
    /// Folds `orig`. Runs of chars that fold to themselves are copied whole.
    pub fn new(orig: &'a str) -> Self {
        let mut text = String::with_capacity(orig.len());
        let mut anchors = vec![(0, 0)];
        let mut joins = Vec::new();
        let mut prev: Option<char> = None;
        let mut i = 0;
        while i < orig.len() {
            let plain = plain_len(&orig[i..]);
            if plain > 0 {
                let run = &orig[i..i + plain];
                text.push_str(run);
                prev = run.chars().next_back();
                i += plain;
                continue;
            }
            let Some(c) = orig[i..].chars().next() else {
                break;
            };
            if is_hspace(c) {
                let run_end = orig[i..]
                    .find(|d| !is_hspace(d))
                    .map_or(orig.len(), |k| i + k);
                let next = orig[run_end..].chars().next().map(fold);
                let single = run_end - i == 1;
                i = run_end;
                if let (Some(p), Some(n)) = (prev, next) {
                    if joinable(p, n) {
                        joins.push(text.len());
                        anchors.push((text.len(), run_end));
                        continue;
                    }
                }
                // Keep one plain space for the whole run.
                text.push(' ');
                prev = Some(' ');
                if !single {
                    anchors.push((text.len(), run_end));
                }
                continue;
            }
            let f = fold(c);
            text.push(f);
            prev = Some(f);
            i += c.len_utf8();
            if f.len_utf8() != c.len_utf8() {
                anchors.push((text.len(), i));
            }
        }
        Normalized {
            orig,
            text,
            anchors,
            joins,
        }
    }

    /// A [`Cursor`] that maps offsets of [`text`](Self::text) back to the
    /// original.
    pub fn cursor(&self) -> Cursor<'_, 'a> {
        Cursor { norm: self, k: 0 }
    }

    /// Whether stray spaces were dropped right before norm offset `at`.
    pub fn joined_at(&self, at: usize) -> bool {
        self.joins.binary_search(&at).is_ok()
    }

    /// Offsets into [`text`](Self::text) where stray spaces were dropped.
    pub fn joins(&self) -> &[usize] {
        &self.joins
    }
}

/// Maps normalised offsets back to the original, remembering where the last
/// offset was: offsets asked for in text order cost a step or two each, and
/// any other offset one search of the offset map.
#[derive(Debug, Clone)]
pub struct Cursor<'n, 'a> {
    norm: &'n Normalized<'a>,
    /// Index of the anchor at or before the last offset mapped.
    k: usize,
}

/// How many anchors a [`Cursor`] steps over before it searches instead.
const WALK: usize = 8;

impl<'a> Cursor<'_, 'a> {
    /// The original byte offset of the char that starts at `norm` (or of the
    /// end of the text when `norm == text.len()`).
    pub fn orig_start(&mut self, norm: usize) -> usize {
        let anchors = &self.norm.anchors;
        // A short walk to the anchor at or before `norm`, then a search of
        // what is left on that side.
        let mut steps = 0;
        if anchors[self.k].0 > norm {
            while anchors[self.k].0 > norm {
                self.k -= 1;
                steps += 1;
                if steps == WALK {
                    self.k = anchors[..=self.k].partition_point(|&(n, _)| n <= norm) - 1;
                    break;
                }
            }
        } else {
            while self.k + 1 < anchors.len() && anchors[self.k + 1].0 <= norm {
                self.k += 1;
                steps += 1;
                if steps == WALK {
                    self.k += anchors[self.k..].partition_point(|&(n, _)| n <= norm) - 1;
                    break;
                }
            }
        }
        let (n, o) = anchors[self.k];
        o + (norm - n)
    }

    /// The original text behind the normalised range `start..end`.
    pub fn orig_slice(&mut self, start: usize, end: usize) -> &'a str {
        let s = self.orig_start(start);
        let e = self.orig_end(end).max(s);
        &self.norm.orig[s..e]
    }

    /// The original byte offset one past the char that ends at `norm`
    /// (exclusive end), so that spans never swallow a dropped space.
    pub fn orig_end(&mut self, norm: usize) -> usize {
        if norm == 0 {
            return 0;
        }
        let prev = self.norm.text[..norm]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i);
        let o = self.orig_start(prev);
        o + self.norm.orig[o..].chars().next().map_or(0, char::len_utf8)
    }
}

/// The first bytes of the chars [`is_hspace`] or [`fold`] may change: tab,
/// space, and the lead bytes of U+0080…U+07FF (C2 covers U+00A0), of
/// U+2000…U+2FFF (E2), U+3000…U+3FFF (E3) and U+F000…U+FFFF (EF).
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\t' as usize] = true;
    t[b' ' as usize] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xe3] = true;
    t[0xef] = true;
    t
};

/// The length of the run at the start of `s` that folds to itself. Only a
/// [`SPECIAL`] byte can start a char that changes, and most of those chars
/// (`。`, `、`, `《`, `·`) do not, so only they are decoded.
fn plain_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !SPECIAL[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        match s[i..].chars().next() {
            Some(c) if !is_hspace(c) && fold(c) == c => i += c.len_utf8(),
            _ => return i,
        }
    }
    i
}

/// Horizontal white space that a scanner may have left inside a phrase.
fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200b}'
    )
}

/// Whether a space between `a` and `b` is stray and should be dropped.
fn joinable(a: char, b: char) -> bool {
    let cjk_or_num = |c: char| is_cjk(c) || c.is_ascii_digit() || matches!(c, '%' | '.');
    (is_cjk(a) && cjk_or_num(b)) || (cjk_or_num(a) && is_cjk(b)) || (a.is_ascii_digit() && b == '%')
}

/// CJK ideographs (the unified block and extension A) and 〇.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// Width and quote folding of one char.
fn fold(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '“' | '”' | '„' | '「' | '」' | '『' | '』' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_width_and_maps_back() {
        let orig = "投入２．６１ 亿元，增长１２％";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "投入2.61亿元,增长12%");
        let s = n.text.find("2.61").unwrap();
        let e = n.text.find("元").unwrap() + "元".len();
        assert_eq!(n.cursor().orig_slice(s, e), "２．６１ 亿元");
        let p = n.text.find("12%").unwrap();
        assert_eq!(n.cursor().orig_slice(p, n.text.len()), "１２％");
    }

    #[test]
    fn keeps_spaces_between_latin_words_and_digits() {
        let n = Normalized::new("STEM 教师 2023-11-10 15:03:32");
        assert_eq!(n.text, "STEM 教师2023-11-10 15:03:32");
        assert_eq!(n.joins().len(), 1);
    }

    #[test]
    fn span_end_does_not_swallow_dropped_space() {
        let orig = "师 资";
        let n = Normalized::new(orig);
        assert_eq!(n.text, "师资");
        assert!(n.joined_at(3));
        assert_eq!(n.cursor().orig_slice(0, 3), "师");
        assert_eq!(n.cursor().orig_slice(3, 6), "资");
        assert_eq!(n.cursor().orig_end(n.text.len()), orig.len());
    }

    #[test]
    fn folds_after_plain_runs() {
        let n = Normalized::new("abc\u{a0}\u{a0}def。“Ｘ”\t数 1");
        assert_eq!(n.text, "abc def。\"X\" 数1");
        assert_eq!(n.cursor().orig_slice(n.text.len() - 1, n.text.len()), "1");
        assert_eq!(n.cursor().orig_slice(4, 7), "def");
    }

    #[test]
    fn cursor_maps_in_any_order() {
        let orig = "（１）投入 ２．６１ 亿元，“增长”１２％，师 资　队伍。".repeat(5);
        let n = Normalized::new(&orig);
        let offsets: Vec<usize> = (0..=n.text.len())
            .filter(|&i| n.text.is_char_boundary(i))
            .collect();
        // By a linear look through the offset map.
        let start = |i: usize| {
            let &(a, o) = n.anchors.iter().rev().find(|a| a.0 <= i).unwrap();
            o + (i - a)
        };
        let fresh: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&i| {
                let end = n.text[..i].chars().next_back().map_or(0, |c| {
                    let o = start(i - c.len_utf8());
                    o + orig[o..].chars().next().unwrap().len_utf8()
                });
                (start(i), end)
            })
            .collect();
        let mut c = n.cursor();
        let up: Vec<(usize, usize)> = offsets
            .iter()
            .map(|&i| (c.orig_start(i), c.orig_end(i)))
            .collect();
        assert_eq!(up, fresh);
        let mut down: Vec<(usize, usize)> = offsets
            .iter()
            .rev()
            .map(|&i| (c.orig_start(i), c.orig_end(i)))
            .collect();
        down.reverse();
        assert_eq!(down, fresh);
        assert_eq!(fresh.last(), Some(&(orig.len(), orig.len())));
    }

    #[test]
    fn unifies_quotes() {
        assert_eq!(Normalized::new("“双减”‘好’").text, "\"双减\"'好'");
    }
}
