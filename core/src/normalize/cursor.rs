//! Mapping offsets of the folded text back to the original.

use super::Normalized;
use crate::text::{floor_char, utf8_len};

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

impl<'n, 'a> Cursor<'n, 'a> {
    /// A cursor at the start of `norm`.
    pub(super) fn new(norm: &'n Normalized<'a>) -> Self {
        Cursor { norm, k: 0 }
    }

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
    /// (exclusive end), so that spans never swallow a dropped space; a
    /// pinyin gloss right after that char is part of it (`增長(zhǎng)`).
    pub fn orig_end(&mut self, norm: usize) -> usize {
        if norm == 0 {
            return 0;
        }
        let glosses = &self.norm.glosses;
        if !glosses.is_empty() {
            if let Ok(k) = glosses.binary_search_by_key(&norm, |g| g.0) {
                return glosses[k].1;
            }
        }
        if let Some(end) = self.linear_end(norm) {
            return end;
        }
        let prev = floor_char(&self.norm.text, norm - 1);
        let o = self.orig_start(prev);
        // The length of the char at `o`, read from its first byte.
        match self.norm.orig.as_bytes().get(o) {
            Some(&lead) if self.norm.orig.is_char_boundary(o) => o + utf8_len(lead),
            _ => o,
        }
    }

    /// The original offset one past the char that ends at `norm`, where the
    /// anchor at or before the last offset mapped is before that char and
    /// no other anchor comes up to `norm`: from that anchor both texts go
    /// on byte for byte, the char included (a fold to another length or a
    /// drop would have left an anchor), so no char is looked at.
    fn linear_end(&self, norm: usize) -> Option<usize> {
        let anchors = &self.norm.anchors;
        let (n, o) = anchors[self.k];
        let next = anchors.get(self.k + 1).map_or(usize::MAX, |a| a.0);
        (n < norm && norm < next).then(|| o + (norm - n))
    }

    /// Whether the normalised range `start..end` is, white space aside,
    /// byte for byte the original text behind it: nothing in it was folded
    /// (`億` → `亿`, `１` → `1`) or dropped.
    pub fn verbatim(&mut self, start: usize, end: usize) -> bool {
        self.orig_start(start);
        // Every drop and every fold to another length leaves an anchor where
        // it ends; every other fold is in `folds`.
        let norm = self.norm;
        let no_anchor = norm.anchors.get(self.k + 1).map_or(true, |&(n, _)| n > end);
        let folds = &norm.folds;
        no_anchor
            && (folds.is_empty() || {
                let k = folds.partition_point(|&(_, to)| to <= start);
                folds.get(k).map_or(true, |&(from, _)| from >= end)
            })
    }
}
