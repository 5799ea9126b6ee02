//! Where the stretch a region claims ends: the first clause, sentence or
//! paragraph break after an offset of the normalised text.

use crate::text::punct::{Breaks, SCOPE, SENTENCE};

/// Which break ends a stretch.
#[derive(Debug, Clone, Copy)]
pub(super) enum Break {
    /// A [`SCOPE`] break: the clause a marker claims.
    Clause,
    /// A [`SENTENCE`] break.
    Sentence,
    /// A line break.
    Paragraph,
}

/// Finds the clause, sentence and paragraph ends after the places a text's
/// events stand, remembering the last stretch scanned for each kind: a look-up
/// inside it costs nothing, and no byte is scanned twice for one kind, so the
/// whole costs at most three passes whatever the text holds (a text without
/// punctuation was once scanned to its end per marker).
pub(super) struct Ends<'t> {
    bytes: &'t [u8],
    /// For each kind, the last stretch `from..end` with no break of that kind
    /// before `end` (the break itself, or the end of the text).
    last: [(usize, usize); 3],
}

impl<'t> Ends<'t> {
    /// Ends of `text` (already normalised: full-width punctuation is ASCII).
    pub(super) fn new(text: &'t str) -> Ends<'t> {
        Ends {
            bytes: text.as_bytes(),
            last: [(usize::MAX, 0); 3],
        }
    }

    /// The offset of the first break of `kind` at or after `at` (the start
    /// of the break), else the end of the text.
    pub(super) fn after(&mut self, kind: Break, at: usize) -> usize {
        let (from, end) = self.last[kind as usize];
        if from <= at && at <= end {
            return end;
        }
        let bytes = self.bytes;
        // Line breaks found with `memchr`; the others where a byte that may
        // start one stands.
        let found = match kind {
            Break::Clause => first_break(bytes, at, &SCOPE),
            Break::Sentence => first_break(bytes, at, &SENTENCE),
            Break::Paragraph => memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()),
        };
        let end = found.map_or(bytes.len(), |k| at + k);
        self.last[kind as usize] = (at, end);
        end
    }
}

/// The offset in `bytes[at..]` of the first break of `set` there, looked
/// for where a byte that may start one stands.
fn first_break(bytes: &[u8], at: usize, set: &Breaks) -> Option<usize> {
    let rest = bytes.get(at..).unwrap_or_default();
    rest.iter()
        .enumerate()
        .find(|&(k, &b)| set.may_start(b) && set.starting_at(bytes, at + k))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_kind_of_end_in_any_order() {
        let t = "全市新增3所、扩建2所,投入5亿元(全年)。\n下一段";
        let mut e = Ends::new(t);
        let at = t.find('3').unwrap();
        assert_eq!(e.after(Break::Clause, at), t.find(',').unwrap());
        assert_eq!(e.after(Break::Sentence, at), t.find('。').unwrap());
        assert_eq!(e.after(Break::Paragraph, 0), t.find('\n').unwrap());
        assert_eq!(
            e.after(Break::Clause, t.find('5').unwrap()),
            t.find(')').unwrap()
        );
        assert_eq!(e.after(Break::Clause, 0), t.find(',').unwrap());
        assert_eq!(e.after(Break::Sentence, t.find('下').unwrap()), t.len());
    }
}
