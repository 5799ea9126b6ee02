//! Last stage of the pipeline: spans found in the normalised text become byte
//! and char offsets into the caller's original text.

use crate::normalize::Normalized;
use crate::{Entity, Metric, Span};

/// Rewrites every span (given as normalised byte offsets in `start`/`end`)
/// into original byte and char offsets, and sets `text` to the original
/// surface form.
pub fn to_original(norm: &Normalized, metrics: &mut [Metric], entities: &mut [Entity]) {
    let mut bytes: Vec<usize> = Vec::with_capacity(2 * (metrics.len() + entities.len()));
    let spans = metrics
        .iter_mut()
        .map(|m| (&mut m.span, &mut m.text))
        .chain(entities.iter_mut().map(|e| (&mut e.span, &mut e.text)));
    let mut fixed: Vec<(&mut Span, &mut String)> = Vec::new();
    for (span, text) in spans {
        let s = norm.orig_start(span.start);
        let e = norm.orig_end(span.end).max(s);
        span.start = s;
        span.end = e;
        *text = norm.orig[s..e].to_string();
        bytes.push(s);
        bytes.push(e);
        fixed.push((span, text));
    }
    bytes.sort_unstable();
    bytes.dedup();
    let chars = char_offsets(norm.orig, &bytes);
    let at = |b: usize| chars[bytes.binary_search(&b).expect("offset was collected")];
    for (span, _) in fixed {
        span.char_start = at(span.start);
        span.char_end = at(span.end);
    }
}

/// Char offsets of the ascending byte offsets `bytes` (each on a char boundary).
fn char_offsets(text: &str, bytes: &[usize]) -> Vec<usize> {
    let raw = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let (mut pos, mut count) = (0usize, 0usize);
    for &b in bytes {
        count += raw[pos..b].iter().filter(|&&x| (x as i8) >= -0x40).count();
        pos = b;
        out.push(count);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_chars_not_bytes() {
        let t = "a数说b";
        assert_eq!(char_offsets(t, &[0, 1, 4, 7, 8]), vec![0, 1, 2, 3, 4]);
    }
}
