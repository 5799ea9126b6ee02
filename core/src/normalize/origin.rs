//! The original text behind normalised ranges (an indicator's pieces, a
//! period), read without the offset map where the normalisation changed
//! nothing: where [`Cursor::verbatim`] finds no fold or drop in a range (a
//! lone tab may have become a space, and white space is left out anyway),
//! the range is its own original.

use std::ops::Range;

use super::{Cursor, Normalized};

/// The original text behind the normalised `pieces`, joined, without white
/// space.
/// `cursor` maps through `norm`'s offset map; it is kept between calls so that
/// ranges read in text order cost a step each.
pub(crate) fn original_of(
    norm: &Normalized,
    cursor: &mut Cursor,
    pieces: &[Range<usize>],
) -> String {
    let mut out = String::with_capacity(pieces.iter().map(ExactSizeIterator::len).sum());
    let live = pieces.iter().filter(|r| !r.is_empty());
    let Some(start) = live.clone().map(|r| r.start).min() else {
        return out;
    };
    let end = live.clone().map(|r| r.end).max().unwrap_or(start);
    let unchanged = cursor.verbatim(start, end);
    for r in live {
        let slice = if unchanged {
            &norm.text[r.clone()]
        } else {
            cursor.orig_slice(r.start, r.end)
        };
        push_visible(&mut out, slice);
    }
    out
}

/// The bytes that every white space char, control char and byte-order mark
/// starts with, looked up by byte.
static MAYBE_SPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0..=0x20 | 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef);
        b += 1;
    }
    table
};

/// Appends `s` to `out` without its white space, control chars and
/// byte-order marks.
fn push_visible(out: &mut String, s: &str) {
    if s.bytes().any(|b| MAYBE_SPACE[usize::from(b)]) {
        let visible = |c: &char| !c.is_whitespace() && !c.is_control() && *c != '\u{feff}';
        out.extend(s.chars().filter(visible));
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The original text of `pieces` by the offset map alone.
    fn slow(norm: &Normalized, pieces: &[Range<usize>]) -> String {
        pieces
            .iter()
            .filter(|r| !r.is_empty())
            .flat_map(|r| norm.cursor().orig_slice(r.start, r.end).chars())
            .filter(|c| !c.is_whitespace() && !c.is_control() && *c != '\u{feff}')
            .collect()
    }

    #[test]
    fn agrees_with_the_offset_map() {
        let orig = "投入２．６１ 亿元，增长１２％ 师 资\u{3000}队伍\t建设  共 3所“好”学校A\tB  C D";
        let norm = Normalized::new(orig);
        let bounds: Vec<usize> = (0..=norm.text.len())
            .filter(|&i| norm.text.is_char_boundary(i))
            .collect();
        for (i, &a) in bounds.iter().enumerate() {
            for (j, &b) in bounds.iter().enumerate().skip(i) {
                for &c in bounds.iter().skip(j) {
                    for pieces in [[a..b, b..a], [a..b, b..c], [b..c, a..b]] {
                        let want = slow(&norm, &pieces);
                        let mut cursor = norm.cursor();
                        assert_eq!(original_of(&norm, &mut cursor, &pieces), want, "{pieces:?}");
                    }
                }
            }
        }
    }
}
