//! Towns a list names by their bare names, where the words after the list
//! say what they are: `朱家角、金泽、练塘三镇`, `新港、民雄、太保等8个乡镇市`,
//! `横梁、干城、新堡等南部山区乡镇`. Such names are too short and too many
//! for any gazetteer; the head noun and its count are the evidence.

use std::sync::LazyLock;

use super::gazetteer::Gazetteer;
use super::mentions::Hit;
use crate::text::{char_count, extend_left, is_cjk, overlaps_any, words};

/// Heads of two chars or more that name towns after a list, with a count
/// or a modifier of place before them (`等8个乡镇市`, `等南部山区乡镇`,
/// `两个街道`).
const HEADS: [&str; 4] = ["乡镇市", "乡镇", "镇街", "街道"];

/// Heads of one char, which name towns only right after a count that
/// matches the list (`三镇`, `两乡`); a count of villages (`三村`) names
/// campaigns as often as places (文明、卫生、平安三村创建).
const ONE_CHAR_HEADS: [char; 2] = ['镇', '乡'];

/// Words that may stand between `等` (and its count) and the head, saying
/// where the towns lie (`等南部山区乡镇`; `data/entity/town_list_modifiers.txt`).
static MODIFIERS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/entity/town_list_modifiers.txt")).collect());

/// Last chars of a list's items that make them levels or kinds of area,
/// no towns' names (`省级、市级两个街道`, `城区、园区两个街道`).
const NOT_TOWN_LAST: [char; 2] = ['级', '区'];

/// The fewest and most chars of a bare town name in a list.
const NAME_CHARS: (usize, usize) = (2, 3);

/// Adds to `hits` (in text order, disjoint) the bare town names of every
/// list of two or more followed by `等`, a count or a modifier of place or
/// both, and a head of [`HEADS`], or by a count equal to the number of
/// names and a head (`三镇`, `两个街道`). Names already among
/// `hits` count as members; each name of two or three chars is bounded by
/// the `、` joiners, the first on its left by a stop word or punctuation.
pub(super) fn listed_towns(gaz: &Gazetteer, text: &str, hits: &mut Vec<Hit>) {
    const JOINER: &str = "、";
    let mut add: Vec<Hit> = Vec::new();
    let mut done = 0;
    // The names after the first, each ending at a joiner or the tail (one
    // list for every run of names).
    let mut names: Vec<(usize, usize)> = Vec::new();
    for p in memchr::memmem::find_iter(text.as_bytes(), JOINER) {
        if p < done {
            continue;
        }
        names.clear();
        let mut at = p + JOINER.len();
        let tail = loop {
            let end = name_end(text, at);
            if end == at {
                break None;
            }
            names.push((at, end));
            if text[end..].starts_with(JOINER) {
                at = end + JOINER.len();
                continue;
            }
            break Some(end);
        };
        done = at;
        let Some(tail) = tail else { continue };
        // The first name, bounded on its left (a name run on from the
        // words before it is left out: 示范区内朱家角 gives no 家角).
        let (start, bounded) = extend_left(text, p, &gaz.town_stops, NAME_CHARS.1);
        let first = if bounded {
            (char_count(&text[start..p]) >= NAME_CHARS.0).then_some((start, p))
        } else {
            // Right after a place's name (大理市双廊、喜洲两镇).
            let k = hits.partition_point(|h| h.end <= start);
            hits[k..]
                .iter()
                .map(|h| h.end)
                .take_while(|&e| e < p)
                .find(|&e| (NAME_CHARS.0..=NAME_CHARS.1).contains(&char_count(&text[e..p])))
                .map(|e| (e, p))
        };
        let listed = names.len() + 1;
        let kinds = first
            .iter()
            .chain(&names)
            .any(|&(s, e)| text[s..e].ends_with(NOT_TOWN_LAST));
        if kinds || !names_towns(text, tail, listed) {
            continue;
        }
        for &(s, e) in first.iter().chain(&names) {
            let known = |h: &Hit| (h.start, h.end);
            if !overlaps_any(hits, known, s, e) {
                add.push(Hit {
                    start: s,
                    end: e,
                    province: 0,
                });
            }
        }
    }
    if !add.is_empty() {
        hits.extend(add);
        hits.sort_by_key(|h| h.start);
    }
}

/// The end of a bare name of two or three CJK chars starting at `at`,
/// followed by `、`, `等` or a count ([`opens_count`]); `at` if there is none.
fn name_end(text: &str, at: usize) -> usize {
    let mut end = at;
    for (n, c) in text[at..].chars().enumerate() {
        if n >= NAME_CHARS.0 && (c == '、' || c == '等' || opens_count(c)) {
            return end;
        }
        if n == NAME_CHARS.1 || !is_cjk(c) {
            break;
        }
        end += c.len_utf8();
    }
    at
}

/// Whether the words at `tail`, after a list of `listed` names, say they
/// are towns: `等`, a count or a modifier of place or both, and a head
/// (`等8个乡镇市`, `等南部山区乡镇`; a bare `等乡镇` follows lists of services
/// and of people as often: 教育、医疗等乡镇公共服务, 王军、李强等乡镇干部); or a
/// count equal to `listed` and a head.
fn names_towns(text: &str, tail: usize, listed: usize) -> bool {
    let rest = &text[tail..];
    if let Some(after) = rest.strip_prefix('等') {
        let counted = opening_count(after).map(|(_, k)| &after[k..]);
        let after = counted.unwrap_or(after);
        let placed = MODIFIERS.iter().find_map(|m| after.strip_prefix(m));
        let after = placed.unwrap_or(after);
        return (counted.is_some() || placed.is_some())
            && HEADS.iter().any(|h| after.starts_with(h));
    }
    let Some((n, k)) = opening_count(rest) else {
        return false;
    };
    let head = &rest[k..];
    n as usize == listed
        && (HEADS.iter().any(|h| head.starts_with(h)) || head.starts_with(ONE_CHAR_HEADS))
}

/// The Chinese numerals of a small count, from 一 (which counts nothing in
/// a list) to 十.
const CHINESE: &str = "一两三四五六七八九十";

/// Whether `c` opens a count of [`opening_count`]: a digit, or a Chinese numeral
/// from 两 to 十.
fn opens_count(c: char) -> bool {
    // Asked of most chars after a list mark: a match, not a search of
    // [`CHINESE`] (a test checks they agree).
    c.is_ascii_digit()
        || matches!(
            c,
            '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// A small count that opens `text` (digits, or one Chinese numeral from
/// 两 to 十) and its end, past a measure word `个`.
fn opening_count(text: &str) -> Option<(u32, usize)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let (n, end) = if digits > 0 {
        (text[..digits].parse().ok()?, digits)
    } else {
        let c = text.chars().next()?;
        let v = CHINESE.chars().position(|d| d == c)?;
        // 一 counts nothing in a list; 两 is 2.
        let n = match v {
            0 => return None,
            v => v as u32 + 1,
        };
        (n, c.len_utf8())
    };
    let end = if text[end..].starts_with('个') {
        end + '个'.len_utf8()
    } else {
        end
    };
    Some((n, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(text: &str) -> Vec<&str> {
        let g = Gazetteer::shared().unwrap();
        let mut hits = Vec::new();
        listed_towns(g, text, &mut hits);
        hits.iter().map(|h| &text[h.start..h.end]).collect()
    }

    #[test]
    fn counts_open_with_the_numerals_after_one() {
        for c in CHINESE.chars() {
            assert_eq!(opens_count(c), c != '一', "{c}");
            assert_eq!(opens_count(c), opening_count(&c.to_string()).is_some());
        }
        assert!(opens_count('7') && !opens_count('个') && !opens_count('a'));
    }

    #[test]
    fn a_list_of_bare_names_before_a_head_of_towns() {
        assert_eq!(
            listed("示范区内，朱家角、金泽、练塘三镇PM2.5年均浓度"),
            ["朱家角", "金泽", "练塘"]
        );
        assert_eq!(
            listed("将分两期改善新港、民雄、太保等8个乡镇市的道路"),
            ["民雄", "太保"]
        );
        assert_eq!(
            listed("该县先后从横梁、干城、新堡等南部山区乡镇搬迁群众"),
            ["横梁", "干城", "新堡"]
        );
        assert_eq!(listed("在龙兴、石船两个街道试点"), ["龙兴", "石船"]);
        assert_eq!(listed("莲花、平安两镇政府"), ["莲花", "平安"]);
        assert_eq!(
            listed("加快朱家角、金泽、练塘三镇建设"),
            ["朱家角", "金泽", "练塘"]
        );
        // A first name run on from the words before it is left out, unless
        // a place's name ends right before it.
        assert_eq!(
            listed("示范区内朱家角、金泽、练塘三镇空气质量改善"),
            ["金泽", "练塘"]
        );
    }

    #[test]
    fn lists_of_other_things_name_no_towns() {
        for text in [
            "教育、卫生等部门下乡开展服务",
            "种植、养殖、加工三项产业",
            "龙兴、石船、复盛两镇",
            "东西、南北两条街道",
            "完善教育、医疗等乡镇公共服务设施",
            "聚焦工业、旅游等重点乡镇",
            "王军、李强等乡镇干部参加了培训",
            "全区共有省级、市级两个街道获评示范",
            "支持城区、园区两个街道建设养老服务中心",
            "开展文明、卫生、平安三村创建活动",
            "城南、城北等3所学校",
        ] {
            assert!(listed(text).is_empty(), "{text}");
        }
    }
}
