//! What happens to single chars: width, quote and script folding, which
//! chars are stray spaces, and the fast test of a run of chars that all
//! stay as they are.

use std::sync::LazyLock;

use super::script;

/// Horizontal white space that a scanner may have left inside a phrase.
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\u{2002}'..='\u{200b}'
    )
}

/// Whether a space between `a` and `b` is stray and should be dropped.
pub fn joinable(a: char, b: char) -> bool {
    let cjk_or_num = |c: char| is_cjk(c) || c.is_ascii_digit() || matches!(c, '%' | '.');
    (is_cjk(a) && cjk_or_num(b)) || (cjk_or_num(a) && is_cjk(b)) || (a.is_ascii_digit() && b == '%')
}

/// CJK ideographs (the unified block and extension A) and 〇.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '〇')
}

/// Width and quote folding of one char.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '“' | '”' | '„' | '「' | '」' | '『' | '』' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        _ => c,
    }
}

/// Width, quote and script folding of one char (白 stays, 億 becomes 亿).
pub fn fold(c: char) -> char {
    let w = fold_width(c);
    if w != c {
        return w;
    }
    script::simplify(c).unwrap_or(c)
}

/// One bit for each BMP char that may fold or be a stray space.
struct Changes {
    bits: Box<[u64]>,
    /// The traditional chars outside the BMP that fold, sorted.
    astral: Vec<char>,
}

static CHANGES: LazyLock<Changes> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64].into_boxed_slice();
    let mut set = |c: char| bits[c as usize / 64] |= 1 << (c as usize % 64);
    for c in (0..0x10000).filter_map(char::from_u32) {
        if is_hspace(c) || fold_width(c) != c {
            set(c);
        }
    }
    script::bmp_keys().for_each(set);
    let mut astral: Vec<char> = script::astral_keys().collect();
    astral.sort_unstable();
    Changes { bits, astral }
});

/// The length of the run at the start of `s` whose chars all stay as they
/// are (no fold, no space). Each char is decoded
/// and looked up in one bit set over the BMP.
pub fn plain_len(s: &str) -> usize {
    let ch = &*CHANGES;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        let (cp, len) = if x < 0x80 {
            (u32::from(x), 1)
        } else if x < 0xe0 {
            ((u32::from(x & 0x1f) << 6) | u32::from(b[i + 1] & 0x3f), 2)
        } else if x < 0xf0 {
            let cp = (u32::from(x & 0x0f) << 12)
                | (u32::from(b[i + 1] & 0x3f) << 6)
                | u32::from(b[i + 2] & 0x3f);
            (cp, 3)
        } else {
            if !ch.astral.is_empty() {
                let c = s[i..].chars().next().unwrap_or('\0');
                if ch.astral.binary_search(&c).is_ok() {
                    return i;
                }
            }
            i += 4;
            continue;
        };
        if ch.bits[cp as usize / 64] >> (cp % 64) & 1 == 1 {
            return i;
        }
        i += len;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_runs_stop_at_every_char_that_changes() {
        let stops = "\t \u{a0}\u{3000}\u{2009}１“」（億萬";
        for c in stops.chars() {
            let s = format!("数说{c}x");
            assert_eq!(plain_len(&s), "数说".len(), "{c:?}");
        }
        for s in ["数说。、《》·—…,.%abc123()\n\r\0", "💡é", "著乾余于后"] {
            assert_eq!(plain_len(s), s.len(), "{s:?}");
        }
        // Agrees with the char rules for every BMP char.
        for c in (0..0x10000).filter_map(char::from_u32) {
            let changes = is_hspace(c) || fold(c) != c;
            let s = c.to_string();
            assert_eq!(plain_len(&s) == 0, changes, "{c:?}");
        }
    }
}
