//! The original text behind normalised ranges (an indicator's pieces, a
//! period), read without the offset map where the normalisation changed
//! nothing: where [`Cursor::verbatim`] finds no fold or drop in a range (a
//! lone tab may have become a space, and white space is left out anyway),
//! the range is its own original.

use std::ops::Range;

use super::{Cursor, Normalized};

/// The original text behind the normalised `pieces`, joined, without white
/// space, with room for `room` bytes more (a head the caller may put
/// before it, so that it never grows).
/// `cursor` maps through `norm`'s offset map; it is kept between calls so that
/// ranges read in text order cost a step each.
pub(crate) fn original_of(
    norm: &Normalized,
    cursor: &mut Cursor,
    pieces: &[Range<usize>],
    room: usize,
) -> String {
    let (len, bounds) = extent(pieces);
    let mut out = String::with_capacity(len + room);
    let Some((start, end)) = bounds else {
        return out;
    };
    let unchanged = cursor.verbatim(start, end);
    for r in pieces.iter().filter(|r| !r.is_empty()) {
        let slice = if unchanged {
            &norm.text[r.clone()]
        } else {
            cursor.orig_slice(r.start, r.end)
        };
        push_visible(&mut out, slice);
    }
    out
}

/// The total length of the `pieces` that hold text, and the least start
/// and the greatest end among them (none if none does), read in one pass.
fn extent(pieces: &[Range<usize>]) -> (usize, Option<(usize, usize)>) {
    let mut len = 0;
    let mut bounds = None;
    for r in pieces.iter().filter(|r| !r.is_empty()) {
        len += r.len();
        bounds = Some(bounds.map_or((r.start, r.end), |(s, e): (usize, usize)| {
            (s.min(r.start), e.max(r.end))
        }));
    }
    (len, bounds)
}

/// By the first byte of a char: its length in bytes, or 0 where the char
/// may be white space, a control char or a byte-order mark (every one of
/// them starts with one of these bytes).
static STEP: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b {
            0..=0x20 | 0x7f | 0xc2 | 0xe1 | 0xe2 | 0xe3 | 0xef => 0,
            0..=0x7f => 1,
            0x80..=0xdf => 2,
            0xe0..=0xef => 3,
            _ => 4,
        };
        b += 1;
    }
    table
};

/// Appends `s` to `out` without its white space, control chars and
/// byte-order marks: the stretches between them are copied whole, and
/// only the chars that may be one of them are decoded.
fn push_visible(out: &mut String, s: &str) {
    let bytes = s.as_bytes();
    let (mut from, mut i) = (0, 0);
    while let Some(&b) = bytes.get(i) {
        let step = STEP[usize::from(b)];
        if step != 0 {
            i += usize::from(step);
            continue;
        }
        let c = s[i..].chars().next().unwrap_or('\0');
        let end = i + c.len_utf8();
        if c.is_whitespace() || c.is_control() || c == '\u{feff}' {
            out.push_str(&s[from..i]);
            from = end;
        }
        i = end;
    }
    out.push_str(&s[from..]);
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
                        assert_eq!(
                            original_of(&norm, &mut cursor, &pieces, 0),
                            want,
                            "{pieces:?}"
                        );
                    }
                }
            }
        }
    }
}
