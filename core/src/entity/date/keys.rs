//! Where the date finders look, found once per text: the ASCII digits
//! that start a number, and the words the finders start from (年, 月, 季,
//! 民国), which the entity stage's one pass over the text finds.

use crate::text::Found;

/// The words the date finders start from, in the order of [`Keys`]' fields:
/// a list of the entity stage's trie (no two of them overlap, so it finds
/// every occurrence).
pub(crate) const WORDS: [&str; 4] = ["年", "月", "季", "民国"];

/// Where dates may stand in a text.
#[derive(Debug, Default)]
pub(super) struct Keys {
    /// Offsets of the ASCII digits that start a number (not right after a
    /// digit or a `.`).
    pub digits: Vec<usize>,
    /// Offsets of 年.
    pub nian: Vec<usize>,
    /// Offsets of 月.
    pub yue: Vec<usize>,
    /// Offsets of 季.
    pub ji: Vec<usize>,
    /// Whether the text names 民国.
    pub roc: bool,
}

impl Keys {
    /// The keys of `text`, where `words` are the occurrences of [`WORDS`]
    /// in it.
    pub(super) fn of(text: &str, words: &[Found]) -> Keys {
        // Sized once: most keys are 年 and 月.
        let count = |k: u32| words.iter().filter(|f| f.word == k).count();
        let mut keys = Keys {
            digits: number_starts(text.as_bytes()),
            nian: Vec::with_capacity(count(0)),
            yue: Vec::with_capacity(count(1)),
            ji: Vec::new(),
            roc: false,
        };
        for f in words {
            let at = f.start;
            match f.word {
                0 => keys.nian.push(at),
                1 => keys.yue.push(at),
                2 => keys.ji.push(at),
                _ => keys.roc = true,
            }
        }
        keys
    }
}

/// `0x01` in every byte of a word.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The offsets of the ASCII digits of `t` that start a number (not right
/// after a digit or a `.`), found sixteen bytes at a time; bytes that are
/// all parts of multi-byte chars (most of a Chinese text) are passed over
/// at once.
fn number_starts(t: &[u8]) -> Vec<usize> {
    const HIGH: u64 = 0x80 * ONES;
    // Room for a number every 64 bytes, so that most texts' list never grows.
    let mut out = Vec::with_capacity(t.len() / 64);
    let mut add = |i: usize| {
        if starts_number(t, i) {
            out.push(i);
        }
    };
    let mut at = 0;
    while let Some(chunk) = t.get(at..at + 16) {
        let x = u128::from_le_bytes(chunk.try_into().expect("sixteen bytes"));
        let (lo, hi) = (x as u64, (x >> 64) as u64);
        if lo & hi & HIGH != HIGH {
            for (base, word) in [(at, lo), (at + 8, hi)] {
                let mut digits = digit_bytes(word);
                while digits != 0 {
                    add(base + digits.trailing_zeros() as usize / 8);
                    digits &= digits - 1;
                }
            }
        }
        at += 16;
    }
    (at..t.len()).for_each(add);
    out
}

/// Whether an ASCII digit at `i` of `t` starts a number: no digit or `.`
/// before it, or the `.` of a list number at the head of its line before a
/// year (`1.2025年7月15日`).
fn starts_number(t: &[u8], i: usize) -> bool {
    if !t[i].is_ascii_digit() {
        return false;
    }
    match i.checked_sub(1).map(|p| t[p]) {
        None => true,
        Some(b'.') => list_number_before(t, i - 1) && year_at(t, i),
        Some(b) => !b.is_ascii_digit(),
    }
}

/// Whether one or two digits at the head of a line end at `dot` of `t`.
fn list_number_before(t: &[u8], dot: usize) -> bool {
    let n = t[..dot]
        .iter()
        .rev()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    (1..=2).contains(&n) && dot.checked_sub(n + 1).map_or(true, |p| t[p] == b'\n')
}

/// Whether four digits and 年 stand at `i` of `t`.
fn year_at(t: &[u8], i: usize) -> bool {
    t.get(i..i + 4)
        .is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && t[i + 4..].starts_with("年".as_bytes())
}

/// The high bit of each byte of `x` that is an ASCII digit: `y` is the
/// byte minus `0`'s in its low seven bits, and adding `0x76` sets the high
/// bit of those of 10 or more (never carrying into the next byte).
fn digit_bytes(x: u64) -> u64 {
    let y = x ^ (0x30 * ONES);
    !(((y & (0x7f * ONES)) + 0x76 * ONES) | y) & (0x80 * ONES)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digit_bytes_are_exactly_the_digits() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b, 0xe5, b'9', b'/', b':', b, b'0']);
            let want = [false, b.is_ascii_digit(), false, true, false, false]
                .into_iter()
                .chain([b.is_ascii_digit(), true])
                .enumerate()
                .fold(0, |m, (k, d)| if d { m | 0x80 << (8 * k) } else { m });
            assert_eq!(digit_bytes(x), want, "{b:#x}");
        }
    }

    #[test]
    fn number_starts_like_a_byte_scan() {
        let naive =
            |t: &[u8]| -> Vec<usize> { (0..t.len()).filter(|&i| starts_number(t, i)).collect() };
        let base = "增长12.5%,共3个1a.7年2023年3月民国第7\n1.2025年7月".repeat(3);
        for cut in 0..base.len() {
            let t = &base.as_bytes()[cut..];
            assert_eq!(number_starts(t), naive(t), "from {cut}");
        }
    }

    #[test]
    fn keys_of_a_text() {
        let text = "民国112年1.5亿,2023年3月第一季度,共12个";
        let k = Keys::of(text, &crate::text::Trie::new([WORDS]).scan(text)[0]);
        let at = |w: &str| text.match_indices(w).map(|m| m.0).collect::<Vec<_>>();
        assert_eq!(
            k.digits,
            [
                at("112")[0],
                at("1.")[0],
                at("20")[0],
                at("3月")[0],
                at("12个")[0]
            ]
        );
        assert_eq!(
            (k.nian, k.yue, k.ji, k.roc),
            (at("年"), at("月"), at("季"), true)
        );
    }
}
