//! Spans of a text kept in text order without overlaps (titles, dates,
//! region mentions), and the test whether another span overlaps one of
//! them.

/// Whether `start..end` overlaps one of `spans`, which are in text order
/// and disjoint; `bounds` gives the start and end of each. One binary
/// search.
#[inline]
pub(crate) fn overlaps_any<T>(
    spans: &[T],
    bounds: impl Fn(&T) -> (usize, usize),
    start: usize,
    end: usize,
) -> bool {
    let k = spans.partition_point(|s| bounds(s).1 <= start);
    spans.get(k).is_some_and(|s| bounds(s).0 < end)
}

/// Whether the span ending at `end` and the one starting at `start` are
/// items of one list: a `、` and nothing else stands between them
/// (`大理、丽江`).
#[inline]
pub(crate) fn listed_together(text: &str, end: usize, start: usize) -> bool {
    text.get(end..start) == Some("、")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_items_side_by_side() {
        let text = "大理、丽江和香格里拉";
        assert!(listed_together(text, 6, 9));
        assert!(!listed_together(text, 15, 18));
        assert!(!listed_together(text, 9, 6));
    }

    #[test]
    fn overlaps_like_a_scan() {
        let spans = [(2, 4), (4, 7), (9, 12)];
        for start in 0..14 {
            for end in start..14 {
                let scan = spans.iter().any(|&(s, e)| s < end && start < e);
                assert_eq!(
                    overlaps_any(&spans, |&s| s, start, end),
                    scan,
                    "{start}..{end}"
                );
            }
        }
    }
}
