//! Last stage of the pipeline: the drafts the metric and entity stages
//! found in the normalised text become the public [`Metric`] and
//! [`Entity`] records, with byte and char offsets into the caller's
//! original text and its surface form. Nothing else makes those records.

use super::{Cursor, Normalized};
use crate::{entity, metric, Entity, Metric, Span};

/// The public records of `metrics` and `entities` (each list in text
/// order), their spans and texts taken from the original text of `norm`.
/// The two lists are mapped in one walk along the text, interleaved by
/// start (the entities' spans are set aside until their records are
/// made), so that the char counter and the offset cursor pass over the
/// text once, not once per list.
pub(crate) fn to_original(
    norm: &Normalized,
    metrics: Vec<metric::Draft>,
    entities: Vec<entity::Draft>,
) -> (Vec<Metric>, Vec<Entity>) {
    let mut map = Mapper::new(norm);
    let mut entity_spans = Vec::with_capacity(entities.len());
    let mut entity_ranges = entities.iter().map(|d| (d.start, d.end)).peekable();
    let metrics = metrics
        .into_iter()
        .map(|d| {
            while let Some((s, e)) = entity_ranges.next_if(|&(s, _)| s < d.start) {
                entity_spans.push(map.span(s, e));
            }
            let (span, text) = map.span(d.start, d.end);
            Metric {
                span,
                text,
                value: d.value,
                unit: d.unit,
                kind: d.kind,
                approx: d.approx,
                change: d.change,
                indicator: d.indicator,
                region: d.region,
                period: d.period,
                previous: d.previous,
                si_value: d.si_value,
                si_unit: d.si_unit,
                borderline: d.borderline,
            }
        })
        .collect();
    entity_spans.extend(entity_ranges.map(|(s, e)| map.span(s, e)));
    let entities = entities
        .into_iter()
        .zip(entity_spans)
        .map(|(d, (span, text))| Entity {
            span,
            kind: d.kind,
            text,
            normalized: d.normalized,
            code: d.code,
            canonical: d.canonical,
        })
        .collect();
    (metrics, entities)
}

/// Maps the spans of the drafts. They arrive in text order, so one char
/// counter and one offset cursor walked along the text count each byte
/// about once, without a sort.
struct Mapper<'n, 'a> {
    orig: &'a str,
    chars: CharCounter<'a>,
    cursor: Cursor<'n, 'a>,
}

impl<'n, 'a> Mapper<'n, 'a> {
    /// A mapper at the start of `norm`.
    fn new(norm: &'n Normalized<'a>) -> Self {
        Mapper {
            orig: norm.orig,
            chars: CharCounter::new(norm.orig),
            cursor: norm.cursor(),
        }
    }

    /// The original span and surface form of the normalised range
    /// `start..end`.
    #[inline]
    fn span(&mut self, start: usize, end: usize) -> (Span, String) {
        let s = self.cursor.orig_start(start);
        let e = self.cursor.orig_end(end).max(s);
        let span = Span {
            start: s,
            end: e,
            char_start: self.chars.at(s),
            char_end: self.chars.at(e),
        };
        (span, self.orig[s..e].to_string())
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

    /// The char offset of byte offset `b` (on a char boundary).
    #[inline(always)]
    fn at(&mut self, b: usize) -> usize {
        if b >= self.byte {
            self.chars += self.count(self.byte, b);
        } else {
            self.chars -= self.count(b, self.byte);
        }
        self.byte = b;
        self.chars
    }

    /// The number of chars of `text[from..to]`: std's count for a long
    /// stretch (it is the faster there), else [`chars_between`].
    #[inline(always)]
    fn count(&self, from: usize, to: usize) -> usize {
        /// From this length on, std's count is the faster.
        const LONG: usize = 64;
        if to - from >= LONG {
            self.text[from..to].chars().count()
        } else {
            chars_between(self.text.as_bytes(), from, to)
        }
    }
}

/// The number of chars of `bytes[from..to]` (UTF-8, both char boundaries):
/// its bytes but the continuation bytes (`10xxxxxx`), counted eight at a
/// time. The stretches between the spans of a text are short: the last
/// few bytes are read in a window that goes on past `to` in the text,
/// with the bytes past `to` masked off, rather than one by one.
#[inline]
fn chars_between(bytes: &[u8], from: usize, to: usize) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Bit 7 of each continuation byte (bit 7 set, bit 6 clear), moved to
    // bit 0; the multiplication sums the eight bytes into the top one.
    let continuation = |x: u64| (((x & !(x << 1) & HIGH) >> 7).wrapping_mul(ONES) >> 56) as usize;
    let window = |i: usize| match bytes.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&w) => u64::from_le_bytes(w),
        None => {
            let mut buf = [0; 8];
            let rest = &bytes[i..];
            buf[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(buf)
        }
    };
    let mut n = to - from;
    let mut i = from;
    // Whole windows inside `from..to`, in bounds once `to` is.
    let whole = &bytes[..to];
    while let Some(&w) = whole.get(i..).and_then(<[u8]>::first_chunk::<8>) {
        n -= continuation(u64::from_le_bytes(w));
        i += 8;
    }
    if i < to {
        n -= continuation(window(i) & (u64::MAX >> (64 - 8 * (to - i))));
    }
    n
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

    #[test]
    fn counts_every_stretch_like_std() {
        let text = "a数说b𠵾é,共1234567元\n增长12%。".repeat(3);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &a) in bounds.iter().enumerate() {
            for &b in &bounds[k..] {
                let want = text[a..b].chars().count();
                assert_eq!(chars_between(text.as_bytes(), a, b), want, "{a}..{b}");
            }
        }
    }
}
