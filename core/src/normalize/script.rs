//! Traditional → simplified folding, one char at a time, for matching.
//!
//! The table (`core/data/script/t2s.tsv`, derived from OpenCC's character
//! data; see the README there) holds only traditional chars that never stand
//! in simplified text, so a simplified text folds to itself. It is parsed
//! once per process.

use std::sync::LazyLock;

use crate::text::words;

/// `trad<TAB>simp` lines, `#` comments.
const DATA: &str = include_str!("../../data/script/t2s.tsv");

/// The first code point of the dense part of the table (CJK extension A).
const DENSE_FROM: u32 = 0x3400;
/// One past the last code point of the dense part (end of the unified block).
const DENSE_TO: u32 = 0xa000;
/// In the dense part: the simplified char is in [`Table::other`].
const ELSEWHERE: u16 = u16::MAX;

/// The parsed table: a dense array over U+3400…U+9FFF, where nearly every
/// traditional char is, and a sorted list for the rest.
struct Table {
    /// The simplified code point of each char from [`DENSE_FROM`]; 0 where
    /// the char does not fold, [`ELSEWHERE`] where its simplified form is
    /// outside the BMP.
    dense: Box<[u16]>,
    /// Every other pair, sorted by traditional char.
    other: Vec<(char, char)>,
}

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut dense = vec![0u16; (DENSE_TO - DENSE_FROM) as usize].into_boxed_slice();
    let mut other = Vec::new();
    for (t, s) in pairs() {
        let (t32, s32) = (u32::from(t), u32::from(s));
        match u16::try_from(s32) {
            Ok(s16) if (DENSE_FROM..DENSE_TO).contains(&t32) && s16 != ELSEWHERE => {
                dense[(t32 - DENSE_FROM) as usize] = s16;
            }
            _ => {
                if (DENSE_FROM..DENSE_TO).contains(&t32) {
                    dense[(t32 - DENSE_FROM) as usize] = ELSEWHERE;
                }
                other.push((t, s));
            }
        }
    }
    other.sort_unstable();
    Table { dense, other }
});

/// The `(traditional, simplified)` pairs of the data file.
fn pairs() -> impl Iterator<Item = (char, char)> {
    words(DATA).filter_map(|l| {
        let mut chars = l.chars();
        let t = chars.next()?;
        let s = chars.nth(1)?;
        Some((t, s))
    })
}

/// The simplified form of `c`, if `c` is a traditional char that folds.
pub fn simplify(c: char) -> Option<char> {
    let t = &*TABLE;
    let cp = u32::from(c);
    if (DENSE_FROM..DENSE_TO).contains(&cp) {
        match t.dense[(cp - DENSE_FROM) as usize] {
            0 => return None,
            ELSEWHERE => {}
            s => return char::from_u32(u32::from(s)),
        }
    }
    t.other
        .binary_search_by_key(&c, |p| p.0)
        .ok()
        .map(|k| t.other[k].1)
}

/// The simplified form of `c` where `c` is a traditional char of CJK
/// extension A or the unified block (nearly all of them); `None` for every
/// other char, at the cost of a range check.
pub fn simplify_unified(c: char) -> Option<char> {
    let cp = u32::from(c);
    if !(DENSE_FROM..DENSE_TO).contains(&cp) {
        return None;
    }
    match TABLE.dense[(cp - DENSE_FROM) as usize] {
        0 => None,
        ELSEWHERE => simplify(c),
        s => char::from_u32(u32::from(s)),
    }
}

/// Every traditional char outside the BMP that folds (few; for the fast
/// path's check of four-byte chars).
pub fn astral_keys() -> impl Iterator<Item = char> {
    TABLE
        .other
        .iter()
        .map(|p| p.0)
        .filter(|&c| u32::from(c) > 0xffff)
}

/// Every traditional char in the BMP that folds (read from the parsed
/// table, not from the data file again; a char may come twice).
pub fn bmp_keys() -> impl Iterator<Item = char> {
    let t = &*TABLE;
    let dense = (DENSE_FROM..DENSE_TO)
        .zip(t.dense.iter())
        .filter(|&(_, &s)| s != 0)
        .filter_map(|(cp, _)| char::from_u32(cp));
    let other = t
        .other
        .iter()
        .map(|p| p.0)
        .filter(|&c| u32::from(c) <= 0xffff);
    dense.chain(other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_traditional_chars_only() {
        for (t, s) in [
            ('總', '总'),
            ('億', '亿'),
            ('萬', '万'),
            ('個', '个'),
            ('於', '于'),
        ] {
            assert_eq!(simplify(t), Some(s), "{t}");
        }
        // Simplified chars, and traditional ones that simplified text keeps
        // in some words, stay.
        for c in "著乾余于后里只干台范冲松覆瞭藉么坏沈总亿万个".chars() {
            assert_eq!(simplify(c), None, "{c}");
        }
        assert_eq!(simplify('a'), None);
        assert_eq!(simplify('\u{9fff}'), None);
    }

    #[test]
    fn table_is_sorted_one_char_each_and_agrees_with_lookup() {
        let mut last = '\0';
        let mut n = 0;
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 2, "{line:?}");
            assert!(fields.iter().all(|f| f.chars().count() == 1), "{line:?}");
            let (t, s) = (
                fields[0].chars().next().unwrap(),
                fields[1].chars().next().unwrap(),
            );
            assert!(t > last, "{line:?} out of order");
            assert_ne!(t, s);
            assert_eq!(simplify(t), Some(s));
            // A simplified target is never itself folded.
            assert_eq!(simplify(s), None, "{line:?}");
            last = t;
            n += 1;
        }
        assert!(n > 3000, "{n} pairs");
        assert!(astral_keys().count() < 100);
        let mut bmp: Vec<char> = bmp_keys().collect();
        bmp.sort_unstable();
        bmp.dedup();
        let mut want: Vec<char> = pairs()
            .map(|p| p.0)
            .filter(|&c| u32::from(c) <= 0xffff)
            .collect();
        want.sort_unstable();
        assert_eq!(bmp, want);
    }
}
