//! Last stage of the pipeline: the drafts the metric and entity stages
//! found in the normalised text become the public [`Metric`] and
//! [`Entity`] records, with byte and char offsets into the caller's
//! original text and its surface form. Nothing else makes those records.

use super::{Cursor, Normalized};
use crate::text::char_count;
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
    fn at(&mut self, b: usize) -> usize {
        if b >= self.byte {
            self.chars += char_count(&self.text[self.byte..b]);
        } else {
            self.chars -= char_count(&self.text[b..self.byte]);
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
