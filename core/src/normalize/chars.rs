//! What happens to single chars: width, quote and script folding, which
//! chars are stray spaces, which are dropped, and the fast test of a run of
//! chars that all stay as they are.

use std::sync::LazyLock;

use super::script;
use crate::text::{is_cjk, BmpSet};

/// Horizontal white space that a scanner may have left inside a phrase, and
/// the control chars that are white space (vertical tab, form feed, the
/// information separators, next line): all dropped or kept as one space.
pub fn is_hspace(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\u{3000}'
            | '\u{a0}'
            | '\u{2002}'..='\u{200b}'
            | '\u{202f}'
            | '\u{b}'
            | '\u{c}'
            | '\u{1c}'..='\u{1f}'
            | '\u{85}'
    )
}

/// Spaces that print as a narrow gap and stand between digit groups as a
/// thousands separator (`8 660`): no-break, figure, thin and narrow
/// no-break space.
pub fn is_group_space(c: char) -> bool {
    matches!(c, '\u{a0}' | '\u{2007}' | '\u{2009}' | '\u{202f}')
}

/// Chars dropped without trace: control chars that are not white space
/// (NUL, …; C0 and C1), the byte-order mark and zero-width no-break space,
/// and combining marks (U+0300…U+036F), which split a number (`8\u{301}660`)
/// and add nothing to matching.
pub fn is_dropped(c: char) -> bool {
    (c.is_control() && !is_hspace(c) && !matches!(c, '\n' | '\r'))
        || c == '\u{feff}'
        || ('\u{300}'..='\u{36f}').contains(&c)
}

/// Whether a space between `a` and `b` is stray and should be dropped.
pub fn joinable(a: char, b: char) -> bool {
    let cjk_or_num = |c: char| is_cjk(c) || c.is_ascii_digit() || matches!(c, '%' | '.');
    (is_cjk(a) && cjk_or_num(b)) || (cjk_or_num(a) && is_cjk(b)) || (a.is_ascii_digit() && b == '%')
}

/// Width and quote folding of one char.
pub fn fold_width(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        '“' | '”' | '„' | '「' | '」' | '『' | '』' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        // The circle often typed for the numeral zero (二○一九年).
        '○' => '〇',
        _ => c,
    }
}

/// The ASCII char that the three-byte char at the start of `bytes` folds
/// to, where it is a full-width form (`，` `％`) or a curly or corner quote
/// (`“` `」`), read from its bytes: the folds most common in a report,
/// which nothing else in the fold applies to. Not the full-width opening
/// bracket, which may open a gloss.
#[inline]
pub fn narrow_fold(bytes: &[u8]) -> Option<u8> {
    match *bytes {
        // U+FF01…U+FF3F, but U+FF08 `（`.
        [0xef, 0xbc, z @ 0x81..=0xbf, ..] if z != 0x88 => Some(z - 0x60),
        // U+FF40…U+FF5E.
        [0xef, 0xbd, z @ 0x80..=0x9e, ..] => Some(z - 0x20),
        // `‘` `’` and `“` `”`.
        [0xe2, 0x80, 0x98 | 0x99, ..] => Some(b'\''),
        [0xe2, 0x80, 0x9c | 0x9d, ..] => Some(b'"'),
        // `「` `」` `『` `』`.
        [0xe3, 0x80, 0x8c..=0x8f, ..] => Some(b'"'),
        _ => None,
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

/// The byte length of a pinyin gloss at the start of `s` (`(zhǎng)`,
/// `（gè）`, `(bai3 fen1)`): a bracket, lowercase latin syllables with at
/// least one tone (a tone-marked vowel, a combining tone mark or a tone digit
/// 1–5 after a letter), single spaces or apostrophes between syllables, and
/// the closing bracket. A toneless word (`(ha)`, `(km)`) is no gloss.
pub fn gloss_len(s: &str) -> Option<usize> {
    /// How far (bytes) the closing bracket may stand.
    const MAX: usize = 40;
    let mut chars = s.char_indices();
    let (_, '(' | '（') = chars.next()? else {
        return None;
    };
    // `after_letter`: a letter just before (a tone digit or mark may come);
    // `in_syllable`: a letter or tone digit just before (a separator or the
    // closing bracket may come).
    let (mut toned, mut vowel, mut after_letter, mut in_syllable) = (false, false, false, false);
    for (k, c) in chars {
        if k > MAX {
            return None;
        }
        match c {
            ')' | '）' => {
                return (toned && vowel && in_syllable).then_some(k + c.len_utf8());
            }
            'a' | 'e' | 'i' | 'o' | 'u' | 'ü' => vowel = true,
            'b'..='z' => {}
            'ā' | 'á' | 'ǎ' | 'à' | 'ē' | 'é' | 'ě' | 'è' | 'ī' | 'í' | 'ǐ' | 'ì' | 'ō' | 'ó'
            | 'ǒ' | 'ò' | 'ū' | 'ú' | 'ǔ' | 'ù' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' => {
                (toned, vowel) = (true, true);
            }
            '\u{300}'..='\u{36f}' if after_letter => {
                toned = true;
                continue;
            }
            '1'..='5' if after_letter => {
                toned = true;
                after_letter = false;
                continue;
            }
            ' ' | '\'' if in_syllable => {
                (after_letter, in_syllable) = (false, false);
                continue;
            }
            _ => return None,
        }
        (after_letter, in_syllable) = (true, true);
    }
    None
}

/// The chars that may fold, be dropped or start a gloss.
struct Changes {
    /// Those of the BMP.
    bmp: Box<BmpSet>,
    /// The traditional chars outside the BMP that fold, sorted.
    astral: Vec<char>,
}

static CHANGES: LazyLock<Changes> = LazyLock::new(|| {
    let mut bmp = Box::new(BmpSet::EMPTY);
    for c in (0..0x10000).filter_map(char::from_u32) {
        if is_hspace(c) || is_dropped(c) || fold_width(c) != c || matches!(c, '(' | '（') {
            bmp.insert(c);
        }
    }
    script::bmp_keys().for_each(|c| bmp.insert(c));
    let mut astral: Vec<char> = script::astral_keys().collect();
    astral.sort_unstable();
    Changes { bmp, astral }
});

/// Whether every char of `s` stays as it is (no fold, no drop, no space,
/// no gloss bracket): then [`fold`] changes none of them.
pub fn is_plain(s: &str) -> bool {
    plain_len(s, &BmpSet::EMPTY, 0, &mut Vec::new()) == s.len()
}

/// The length of the run at the start of `s` whose chars all stay as they
/// are (no fold, no drop, no space, no gloss bracket); the offset of each
/// char of `marks` in the run, plus `base`, is pushed to `noted`. Each char
/// is looked up in the bit sets by its bytes, without decoding it.
#[inline(always)]
pub fn plain_len(s: &str, marks: &BmpSet, base: usize, noted: &mut Vec<usize>) -> usize {
    let ch = &*CHANGES;
    let changes = &*ch.bmp;
    let mut rest = s.as_bytes();
    loop {
        // Three-byte chars in a loop of their own: most chars of a report
        // are, in long runs.
        while let [x, y, z, ref tail @ ..] = *rest {
            if x & 0xf0 != 0xe0 {
                break;
            }
            let word = usize::from(x & 0x0f) << 6 | usize::from(y & 0x3f);
            if changes.has_at(word, z) {
                return s.len() - rest.len();
            }
            if marks.has_at(word, z) {
                noted.push(base + s.len() - rest.len());
            }
            rest = tail;
        }
        // The char's word and last byte, and the bytes after it.
        let (word, last, tail) = match *rest {
            [x, ref tail @ ..] if x < 0x80 => (usize::from(x >> 6), x, tail),
            [x, y, ref tail @ ..] if x < 0xe0 => (usize::from(x & 0x1f), y, tail),
            [] => break,
            _ => {
                // Four bytes: outside the BMP, never a mark.
                let at = s.len() - rest.len();
                let c = s[at..].chars().next().unwrap_or('\0');
                if ch.astral.binary_search(&c).is_ok() {
                    break;
                }
                rest = &rest[c.len_utf8().min(rest.len())..];
                continue;
            }
        };
        if changes.has_at(word, last) {
            break;
        }
        if marks.has_at(word, last) {
            noted.push(base + s.len() - rest.len());
        }
        rest = tail;
    }
    s.len() - rest.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain run at the start of `s`, noting nothing.
    fn plain(s: &str) -> usize {
        plain_len(s, &BmpSet::EMPTY, 0, &mut Vec::new())
    }

    #[test]
    fn plain_runs_stop_at_every_char_that_changes() {
        let stops =
            "\t \u{a0}\u{3000}\u{2009}１“」(（\u{feff}\u{0}\u{1}\u{7f}\u{85}\u{c}\u{301}億萬";
        for c in stops.chars() {
            let s = format!("数说{c}x");
            assert_eq!(plain(&s), "数说".len(), "{c:?}");
        }
        for s in ["数说。、《》·—…,.%abc123\n\r", "💡é", "著乾余于后"] {
            assert_eq!(plain(s), s.len(), "{s:?}");
        }
        // Agrees with the char rules for every BMP char.
        for c in (0..0x10000).filter_map(char::from_u32) {
            let changes = is_hspace(c) || is_dropped(c) || fold(c) != c || matches!(c, '(' | '（');
            let s = c.to_string();
            assert_eq!(plain(&s) == 0, changes, "{c:?}");
        }
    }

    #[test]
    fn plain_runs_note_the_marks_in_them() {
        const MARKS: BmpSet = BmpSet::EMPTY.with('1').with('、').with('é');
        let s = "a1数、é😀1１";
        let mut noted = Vec::new();
        let len = plain_len(s, &MARKS, 10, &mut noted);
        assert_eq!(&s[..len], "a1数、é😀1");
        let want: Vec<usize> = ["1", "、", "é", "😀1"]
            .iter()
            .map(|m| 10 + s.find(m).unwrap() + m.len() - m.chars().last().unwrap().len_utf8())
            .collect();
        assert_eq!(noted, want);
    }

    #[test]
    fn plain_runs_agree_with_the_char_rules_on_random_text() {
        const MARKS: BmpSet = BmpSet::EMPTY
            .with('1')
            .with('、')
            .with('一')
            .with(',')
            .with('é');
        // Traditional and simplified chars, full-width forms, spaces between
        // digits and CJK, control chars, combining marks, two- and four-byte
        // chars.
        let alphabet: Vec<char> =
            "数说總投資億元万亿一、。,1２３ \t\u{3000}\u{a0}\u{2009}\0\u{1}\u{85}\u{feff}\u{301}é©(（）“”%５abc\n😀𠵾💡"
                .chars()
                .collect();
        let stops =
            |c: char| is_hspace(c) || is_dropped(c) || fold(c) != c || matches!(c, '(' | '（');
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..2000 {
            let len = (seed >> 59) as usize;
            let s: String = (0..len)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1_442_695_040_888_963_407);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let want = s
                .char_indices()
                .find(|&(_, c)| stops(c))
                .map_or(s.len(), |(i, _)| i);
            let want_noted: Vec<usize> = s[..want]
                .char_indices()
                .filter(|&(_, c)| MARKS.has(c))
                .map(|(i, _)| 7 + i)
                .collect();
            let mut noted = Vec::new();
            assert_eq!(plain_len(&s, &MARKS, 7, &mut noted), want, "{s:?}");
            assert_eq!(noted, want_noted, "{s:?}");
        }
    }

    #[test]
    fn narrow_folds_are_the_folds_of_their_chars() {
        let mut n = 0;
        for c in (0x800..0x10000).filter_map(char::from_u32) {
            let mut buf = [0; 4];
            let Some(f) = narrow_fold(c.encode_utf8(&mut buf).as_bytes()) else {
                continue;
            };
            n += 1;
            assert_eq!(char::from(f), fold(c), "{c:?}");
            assert!(f.is_ascii(), "{c:?}");
            let other = is_hspace(c) || is_dropped(c) || matches!(c, '(' | '（');
            assert!(!other && script::simplify_unified(c).is_none(), "{c:?}");
        }
        assert_eq!(n, 0x5e - 1 + 8);
    }

    #[test]
    fn reads_pinyin_glosses() {
        for g in [
            "(zhǎng)",
            "（gè）",
            "(diǎn)",
            "(bai3 fen1)",
            "(xi'ān)",
            "(zha\u{30c}ng)",
            "(lǜ)",
        ] {
            assert_eq!(gloss_len(&format!("{g}12%")), Some(g.len()), "{g}");
        }
        for s in [
            "(ha)",
            "(km)",
            "(1)",
            "(a1",
            "(Zhǎng)",
            "(zhǎng",
            "( zhǎng)",
            "(zhǎng )",
            "(AI)",
        ] {
            assert_eq!(gloss_len(s), None, "{s}");
        }
    }

    #[test]
    fn drops_controls_bom_and_combining_marks_only() {
        for c in [
            '\0', '\u{1}', '\u{1b}', '\u{7f}', '\u{80}', '\u{9f}', '\u{feff}', '\u{301}',
        ] {
            assert!(is_dropped(c), "{c:?}");
        }
        for c in ['\n', '\r', '\t', ' ', '\u{c}', '\u{85}', 'a', '数'] {
            assert!(!is_dropped(c), "{c:?}");
        }
    }
}
