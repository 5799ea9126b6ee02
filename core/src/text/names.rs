//! Where a name starts and what counts as a name char: the scanning helpers
//! of the entity finders and of the town names the gazetteer finds.

use super::chars::{char_before, is_cjk};
use super::hash::FastHash;
use super::wordset::WordSet;
use std::collections::HashSet;
use std::sync::LazyLock;

/// A char that may stand inside a name: a CJK ideograph, an ASCII digit or
/// a middle dot.
#[inline]
pub(crate) fn is_name_char(c: char) -> bool {
    is_cjk(c) || c.is_ascii_digit() || c == '·'
}

/// The chars of names transliterated from Uyghur, Kazakh, Mongolian,
/// Tibetan or a foreign language (`transliteration_chars.txt`).
static TRANSLITERATION: LazyLock<HashSet<char, FastHash>> = LazyLock::new(|| {
    include_str!("../../data/entity/transliteration_chars.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .flat_map(str::chars)
        .filter(|c| !c.is_whitespace())
        .collect()
});

/// Whether `c` writes transliterated names (买买提江, 乌力吉巴雅尔, 吉仁高勒).
pub(crate) fn is_transliteration(c: char) -> bool {
    TRANSLITERATION.contains(&c)
}

/// Which way from an offset a run is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Toward {
    /// Leftwards: the run ends at the offset.
    Left,
    /// Rightwards: the run starts at the offset.
    Right,
}

/// The other end of the run of transliteration chars read `toward` from byte `at`
/// of `text`, where it holds `chars.0` to `chars.1` of them (`None` where
/// it is shorter or longer): a run stops where `stop` holds at the offset
/// between two of its chars (a space normalisation dropped).
pub(crate) fn transliteration_run(
    text: &str,
    at: usize,
    toward: Toward,
    chars: (usize, usize),
    stop: impl Fn(usize) -> bool,
) -> Option<usize> {
    let mut i = at;
    let mut n = 0;
    loop {
        let c = match toward {
            Toward::Left => char_before(text, i),
            Toward::Right => text[i..].chars().next(),
        };
        let Some(c) = c.filter(|&c| is_transliteration(c)) else {
            break;
        };
        if n > 0 && stop(i) {
            break;
        }
        if n == chars.1 {
            return None;
        }
        match toward {
            Toward::Left => i -= c.len_utf8(),
            Toward::Right => i += c.len_utf8(),
        }
        n += 1;
    }
    (n >= chars.0).then_some(i)
}

/// Words ending with a one-char stop that are words of their own inside
/// names (协和, 高等, 数据): where one ends, the stop is no boundary.
static STOPS_INSIDE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/left_stops_inside.txt")));

/// Words that open with a one-char stop but are words of their own
/// (公共就业服务中心: no boundary after 就).
static STOPS_OPENING: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/left_stops_opening.txt")));

/// Whether a word of `stops` ends at `at`, and no word of [`STOPS_INSIDE`]
/// does (…协和|医院 is no boundary after 和), nor does a word of
/// [`STOPS_OPENING`] run on past it (就|业 of …就业服务中心). Always inlined
/// into the walk: the bit test of `stops`, which most offsets fail, then
/// costs no call.
#[inline(always)]
fn stop_ends_at(text: &str, at: usize, stops: &WordSet) -> bool {
    stops.ends_at(text, at)
        && (!STOPS_INSIDE.ends_at(text, at) || numbered_short_form(text, at))
        && !opens_word(text, at)
}

/// Whether a word of [`STOPS_OPENING`] starts with the char that ends at
/// `at` and runs on past it.
fn opens_word(text: &str, at: usize) -> bool {
    let Some(c) = char_before(text, at) else {
        return false;
    };
    let s = at - c.len_utf8();
    text[at..]
        .char_indices()
        .take(2)
        .any(|(i, n)| STOPS_OPENING.contains(&text[s..at + i + n.len_utf8()]))
}

/// Chinese numerals of schools' numbered short forms (七中, 十八中, 二小).
pub(crate) const SHORT_FORM_NUMERALS: [char; 10] =
    ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Whether the stop that ends at `at` follows a school's numbered short
/// form (`临江二中和…`): `中和` is a word inside names (中和镇), but after a
/// numeral the 中 closes `二中` and 和 joins the next name, unless it
/// opens a word (`重庆七中和平路校区`).
fn numbered_short_form(text: &str, at: usize) -> bool {
    let before = |k: usize| text[..at].chars().nth_back(k);
    before(0) == Some('和')
        && matches!(before(1), Some('中' | '小'))
        && before(2).is_some_and(|c| SHORT_FORM_NUMERALS.contains(&c))
        && !text[at..].starts_with(['平', '谐', '睦'])
}

/// Where a name that ends at byte `at` starts: walks left over name chars
/// until a stop word ends, a non-name char stands, or `max_chars` were taken.
/// Returns the start and whether a boundary (not the length limit) stopped it.
pub(crate) fn extend_left(
    text: &str,
    at: usize,
    stops: &WordSet,
    max_chars: usize,
) -> (usize, bool) {
    let mut q = at;
    let mut seen_cjk = false;
    for _ in 0..max_chars {
        if stop_ends_at(text, q, stops) {
            return (q, true);
        }
        match char_before(text, q) {
            // Digits stand only right before the suffix (11中学), and a
            // date ends a name (2021年重庆市… → 重庆市…).
            Some(c) if c.is_ascii_digit() && seen_cjk => return (q, true),
            Some('年' | '月' | '日' | '号')
                if char_before(text, q - 3).is_some_and(|d| d.is_ascii_digit()) =>
            {
                return (q, true)
            }
            Some(c) if is_name_char(c) => {
                seen_cjk |= !c.is_ascii_digit();
                q -= c.len_utf8();
            }
            _ => return (q, true),
        }
    }
    let bounded =
        stop_ends_at(text, q, stops) || !matches!(char_before(text, q), Some(c) if is_name_char(c));
    (q, bounded)
}

/// The byte length of the longest word of `set`, of `min_chars` to
/// `max_chars` chars, that `name` starts with, if a name remains after it
/// (名校巴蜀中学 → 名校, 各商业银行 → 各).
pub(crate) fn word_prefix(
    name: &str,
    set: &WordSet,
    min_chars: usize,
    max_chars: usize,
) -> Option<usize> {
    // Most names open with no word of the set: one look-up tells.
    if !set.opens(name) {
        return None;
    }
    let mut best = None;
    for (n, (i, c)) in name.char_indices().take(max_chars).enumerate() {
        let end = i + c.len_utf8();
        if n + 1 >= min_chars && end < name.len() && set.contains(&name[..end]) {
            best = Some(end);
        }
    }
    best
}

/// Whether the name at `at..end` opens a quoted name that runs on past it
/// and closes within [`QUOTED_NAME_CHARS`] (`"君山银针"`, a brand; `"大足云研修"`,
/// a platform): not a quoted place nor a place after a closing quote
/// (`"经济第一大省"广东`). Quotes are unified to `"` by normalisation.
pub(crate) fn opens_quoted_name(text: &str, at: usize, end: usize) -> bool {
    if !text[..at].ends_with('"') {
        return false;
    }
    let mut rest = text[end..].char_indices().take(QUOTED_NAME_CHARS + 1);
    let run_on = rest.next().is_some_and(|(_, c)| is_cjk(c));
    run_on
        && rest
            .find(|&(_, c)| !is_cjk(c))
            .is_some_and(|(_, c)| c == '"')
}

/// The most chars a quoted name runs on past the name it opens with.
const QUOTED_NAME_CHARS: usize = 8;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extends_left_to_a_stop() {
        let ws = WordSet::new("在\n");
        let t = "年会在徐悲鸿中学";
        let at = t.find("中学").unwrap();
        assert_eq!(extend_left(t, at, &ws, 10), ("年会在".len(), true));
        assert_eq!(extend_left(t, at, &ws, 2), ("年会在徐".len(), false));
    }

    #[test]
    fn a_stop_that_opens_a_word_is_no_boundary() {
        let ws = WordSet::new("就\n和\n");
        let t = "由玉林市公共就业服务中心提供";
        let at = t.find("服务中心").unwrap();
        assert_eq!(extend_left(t, at, &ws, 12), (0, true));
        let t = "他就去服务中心";
        let at = t.find("服务中心").unwrap();
        assert_eq!(extend_left(t, at, &ws, 12), ("他就".len(), true));
    }
}
