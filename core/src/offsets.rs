//! Last stage of the pipeline: spans found in the normalised text become byte
//! and char offsets into the caller's original text.

use crate::normalize::Normalized;
use crate::{Entity, Metric, Span};

/// Rewrites every span (given as normalised byte offsets in `start`/`end`)
/// into original byte and char offsets, and sets `text` to the original
/// surface form.
pub fn to_original(norm: &Normalized, metrics: &mut [Metric], entities: &mut [Entity]) {
    map_spans(norm, metrics.iter_mut().map(|m| (&mut m.span, &mut m.text)));
    map_spans(
        norm,
        entities.iter_mut().map(|e| (&mut e.span, &mut e.text)),
    );
}

/// Maps one list of spans. Lists arrive in text order, so one char counter
/// and one offset cursor walked along the text count each byte about once,
/// without a sort.
fn map_spans<'s>(norm: &Normalized, spans: impl Iterator<Item = (&'s mut Span, &'s mut String)>) {
    let mut chars = CharCounter::new(norm.orig);
    let mut cursor = norm.cursor();
    for (span, text) in spans {
        let s = cursor.orig_start(span.start);
        let e = cursor.orig_end(span.end).max(s);
        *text = norm.orig[s..e].to_string();
        *span = Span {
            start: s,
            end: e,
            char_start: chars.at(s),
            char_end: chars.at(e),
        };
    }
}

/// Char offsets of byte offsets, counted from the last offset asked for
/// (forwards or backwards).
struct CharCounter<'t> {
    text: &'t str,
    byte: usize,
    chars: usize,
}

impl<'t> CharCounter<'t> {
    /// A counter at the start of `text`.
    fn new(text: &'t str) -> CharCounter<'t> {
        CharCounter {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// The char offset of byte offset `b` (on a char boundary). std's
    /// `chars().count()` counts a word of bytes at a time.
    fn at(&mut self, b: usize) -> usize {
        if b >= self.byte {
            self.chars += self.text[self.byte..b].chars().count();
        } else {
            self.chars -= self.text[b..self.byte].chars().count();
        }
        self.byte = b;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_not_bytes_in_any_order() {
        let mut c = CharCounter::new("a数说b");
        let got: Vec<usize> = [0, 1, 4, 7, 8, 4, 1, 7].iter().map(|&b| c.at(b)).collect();
        assert_eq!(got, [0, 1, 2, 3, 4, 2, 1, 3]);
    }
}
