//! PERSON: names transliterated from Uyghur, Kazakh, Mongolian, Tibetan or
//! a foreign language, which start with no Chinese surname: two or more
//! parts joined by a middle dot (买买提江·阿不都热合曼, 古丽米拉·艾买提),
//! anywhere; or one run of four to seven such chars right after a title
//! (旗长乌力吉巴雅尔). Each part is a run of the chars of
//! `transliteration_chars.txt`, so a dot between words (中国·重庆) is no name.

use crate::normalize::Normalized;
use crate::text::{char_at, is_name_char, transliteration_run, Needles, Toward};

/// The dots that join the parts of a name (`·`, and those some pages type
/// for it: `•`, `‧`, `・`).
const DOTS: [char; 4] = ['·', '•', '‧', '・'];

/// The fewest and most chars of one part of a dotted name.
const PART_CHARS: (usize, usize) = (2, 8);

/// The fewest and most chars of an undotted name after a title.
const RUN_CHARS: (usize, usize) = (4, 7);

/// The fewest and most chars of an undotted name set apart by spaces or
/// punctuation in a credit or byline (`编辑:央金`, `记者 格桑卓玛 洛桑顿珠`):
/// there the bounds, not the length, mark the name.
const SET_APART_CHARS: (usize, usize) = (2, 7);

/// Whether `token`, set apart by spaces after a byline word (`记者 格桑卓玛
/// 洛桑顿珠`), is a transliterated name: [`SET_APART_CHARS`] chars of
/// `transliteration_chars.txt`.
pub(crate) fn is_set_apart(token: &str) -> bool {
    transliteration_run(token, 0, Toward::Right, SET_APART_CHARS, |_| false) == Some(token.len())
}

/// The dotted names of the normalised text `norm`: (start, end) byte
/// offsets, ascending. A name does not reach across a space normalisation
/// dropped (`记者 李昊然 阿依努尔·吐尔逊`).
pub(crate) fn dotted(norm: &Normalized) -> Vec<(usize, usize)> {
    let text = norm.text.as_str();
    let mut out: Vec<(usize, usize)> = Vec::new();
    // Found as words (a char search would decode every char of the text).
    static DOT_WORDS: Needles = Needles::list("·\n•\n‧\n・\n");
    for (at, k) in DOT_WORDS.find_iter(text) {
        let dot = DOTS[k];
        if out.last().is_some_and(|&(_, end)| end > at) {
            continue;
        }
        let Some(start) = part_start(norm, at) else {
            continue;
        };
        // The parts after it, each after a dot.
        let mut end = at;
        let mut dot_len = dot.len_utf8();
        while let Some(e) = part_end(norm, end + dot_len) {
            end = e;
            match char_at(text, end).filter(|c| DOTS.contains(c)) {
                Some(d) => dot_len = d.len_utf8(),
                None => break,
            }
        }
        if end > at {
            out.push((start, end));
        }
    }
    out
}

/// Where the part of a name that ends at the dot at `at` starts: at least
/// [`PART_CHARS`].0 transliteration chars back, and no more than its .1,
/// not across a space normalisation dropped.
fn part_start(norm: &Normalized, at: usize) -> Option<usize> {
    let joined = |i| norm.joined_at(i);
    transliteration_run(&norm.text, at, Toward::Left, PART_CHARS, joined)
}

/// Where the part of a name that starts at `at` ends, as [`part_start`].
fn part_end(norm: &Normalized, at: usize) -> Option<usize> {
    let joined = |i| norm.joined_at(i);
    transliteration_run(&norm.text, at, Toward::Right, PART_CHARS, joined)
}

/// The end of an undotted transliterated name right after a title that
/// ends at `at` (旗长乌力吉巴雅尔在会上说): [`RUN_CHARS`] transliteration
/// chars, then a char that no name holds or one of `follows`.
pub(crate) fn after_title(text: &str, at: usize, follows: &[char]) -> Option<usize> {
    let mut end = transliteration_run(text, at, Toward::Right, RUN_CHARS, |_| false)?;
    // 林美玲则表示: 则 (then) follows the name, though its char may write one.
    if text[at..end].chars().nth(2).is_some() && text[..end].ends_with('则') {
        end -= '则'.len_utf8();
    }
    let next = char_at(text, end);
    next.map_or(true, |c| !is_name_char(c) || follows.contains(&c))
        .then_some(end)
}

/// The end of an undotted transliterated name credited at `at` (`责任编辑:
/// 次仁央宗  审核:扎西平措`, `编辑:央金 审核:…`): [`SET_APART_CHARS`]
/// transliteration chars that end where a space was dropped or a char no
/// name holds follows.
pub(crate) fn credited(norm: &Normalized, at: usize) -> Option<usize> {
    let joined = |i| norm.joined_at(i);
    let end = transliteration_run(&norm.text, at, Toward::Right, SET_APART_CHARS, joined)?;
    let next = char_at(&norm.text, end);
    (norm.joined_at(end) || next.map_or(true, |c| !is_name_char(c))).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        let norm = Normalized::new(text);
        let t = norm.text.as_str();
        dotted(&norm)
            .into_iter()
            .map(|(s, e)| t[s..e].to_owned())
            .collect()
    }

    #[test]
    fn dotted_names_of_transliteration_chars() {
        assert_eq!(
            names("种植大户买买提江·阿不都热合曼站在地头"),
            ["买买提江·阿不都热合曼"]
        );
        assert_eq!(names("副局长古丽米拉·艾买提告诉记者"), ["古丽米拉·艾买提"]);
        assert_eq!(names("(记者 李昊然 阿依努尔·吐尔逊)"), ["阿依努尔·吐尔逊"]);
        // Words joined by a dot are no name.
        assert!(names("2024中国·重庆国际车展").is_empty());
        assert!(names("第一·第二").is_empty());
    }

    #[test]
    fn an_undotted_name_after_a_title() {
        let t = "旗长乌力吉巴雅尔在会上说";
        let at = "旗长".len();
        assert_eq!(
            after_title(t, at, &['在']).map(|e| &t[at..e]),
            Some("乌力吉巴雅尔")
        );
        // Three chars are a Chinese name's length: the surname rules read them.
        assert_eq!(after_title("局长巴特尔说", "局长".len(), &[]), None);
    }

    #[test]
    fn names_set_apart_in_credits() {
        let norm = Normalized::new("(编辑:卓嘎 审核:王强)");
        let at = "(编辑:".len();
        assert_eq!(credited(&norm, at).map(|e| &norm.text[at..e]), Some("卓嘎"));
        assert!(is_set_apart("次仁拉姆"));
        assert!(!is_set_apart("阅读"));
        assert!(!is_set_apart("丹"));
    }
}
