//! ORG: bodies known by name (教育部, 国务院) and names ending with an
//! organisation word (教委, 人民政府, 研究院, 教育集团, 党委…) that start at
//! an anchor: a region (江北区教委), a school (红旗小学教育集团), a known
//! body (教育部课程中心) or 中国/中共/全国/国家. In a text about a city,
//! `市` alone anchors short forms (市教委, 市教科院).

use super::lexicon::{char_before, extend_left, WordSet};
use super::trie::Found;

/// Words that end an organisation name (matched as a list of the shared trie).
pub(crate) const SUFFIXES: &str = include_str!("../../data/entity/org_suffixes.txt");
/// Bodies known by name (matched as a list of the shared trie).
pub(crate) const NAMES: &str = include_str!("../../data/entity/org_names.txt");

/// Words that anchor a national name.
const NATIONAL: &[&str] = &["中国", "中共", "中华", "全国", "国家"];
/// Party committees of a region: named only with their region (沙坪坝区委).
const GOVERNMENT: &[&str] = &["区委", "市委", "县委", "省委"];
/// Longest stretch between the anchor and the suffix, in chars.
const MAX_GAP: usize = 10;
/// Chars before 局 that make a common word (格局, 布局, 大局).
const NOT_BEFORE_JU: &[char] = &[
    '格', '布', '全', '新', '结', '大', '开', '当', '变', '残', '胜', '僵', '骗', '终',
];

/// What an ORG name may start with, found before.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchors<'a> {
    /// Region mentions (start, end), in order.
    pub regions: &'a [(usize, usize)],
    /// School mentions (start, end), in order.
    pub schools: &'a [(usize, usize)],
    /// Verbs that never stand between the anchor and the suffix.
    pub verbs: &'a WordSet,
    /// Whether the text is about a city (`我市`), so that `市教委` names one body.
    pub city_doc: bool,
}

/// Finds organisation names: (start, end) byte offsets. `suffixes` and
/// `names` are the words of [`SUFFIXES`] and [`NAMES`] found in `text`.
pub(crate) fn find(
    text: &str,
    suffixes: &[Found],
    names: &[Found],
    stops: &WordSet,
    anchors: Anchors,
) -> Vec<(usize, usize)> {
    let known: Vec<(usize, usize)> = names.iter().map(|m| (m.start, m.end)).collect();
    let mut out = known.clone();
    for m in suffixes {
        let (s, e) = (m.start, m.end);
        let suffix = &text[s..e];
        if suffix == "局" && char_before(text, s).is_some_and(|c| NOT_BEFORE_JU.contains(&c)) {
            continue;
        }
        let (from, _) = extend_left(text, s, stops, 24);
        let government = suffix.ends_with("政府") || GOVERNMENT.contains(&suffix);
        if let Some((a, by_region)) = anchor(text, from, s, &known, anchors) {
            // A government is named by its region (国务院政府 is no body).
            if by_region || !government {
                out.push((a, e));
            }
        } else if anchors.city_doc
            && !government
            && text[from..s].starts_with('市')
            && text[from..s].chars().count() <= 3
        {
            out.push((from, e));
        }
    }
    out.sort_by_key(|&(s, e)| (s, std::cmp::Reverse(e)));
    out.dedup();
    out
}

/// The leftmost anchor in `from..s` whose end leaves at most [`MAX_GAP`]
/// chars before the suffix at `s`, and whether it is a region. A region may
/// share its last char with the suffix (沙坪坝区 + 区委).
fn anchor(
    text: &str,
    from: usize,
    s: usize,
    known: &[(usize, usize)],
    a: Anchors,
) -> Option<(usize, bool)> {
    let shared = text[s..]
        .starts_with(['区', '市', '县', '省'])
        .then_some(s + '区'.len_utf8());
    let inside = |spans: &[(usize, usize)]| {
        let k = spans.partition_point(|&(st, _)| st < from);
        spans[k..]
            .iter()
            .take_while(|&&(st, _)| st < s)
            .filter(|&&(_, en)| {
                let gap_ok = || {
                    text[en..s].chars().count() <= MAX_GAP
                        && !text[en..s]
                            .char_indices()
                            .any(|(i, c)| a.verbs.ends_at(text, en + i + c.len_utf8()))
                };
                (en <= s && gap_ok()) || Some(en) == shared
            })
            .map(|&(st, _)| st)
            .next()
    };
    // 中国家… is 中 + 国家… (其中国家一级…), and 国家级 names a rank.
    let national = NATIONAL
        .iter()
        .any(|n| text[from..s].starts_with(n))
        .then_some((from, false))
        .filter(|_| !text[from..s].starts_with("中国家") && !text[from..s].starts_with("国家一级"));
    let region = inside(a.regions).map(|r| (r, true));
    let school = inside(a.schools).map(|x| (x, false));
    let body = inside(known).map(|x| (x, false));
    [region, school, body, national].into_iter().flatten().min()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::lexicon::words;

    fn orgs<'a>(text: &'a str, regions: &[&str], schools: &[&str], city_doc: bool) -> Vec<&'a str> {
        let spans = |names: &[&str]| -> Vec<(usize, usize)> {
            let mut v: Vec<_> = names
                .iter()
                .flat_map(|n| text.match_indices(n).map(|(i, m)| (i, i + m.len())))
                .collect();
            v.sort();
            v
        };
        let (r, s) = (spans(regions), spans(schools));
        let t = super::super::trie::Trie::new([words(SUFFIXES), words(NAMES)]);
        let found = t.scan(text);
        let stops = WordSet::new(include_str!("../../data/entity/left_stops.txt"));
        let verbs = WordSet::new(crate::entity::school::VERBS);
        let a = Anchors {
            verbs: &verbs,
            regions: &r,
            schools: &s,
            city_doc,
        };
        find(text, &found[0], &found[1], &stops, a)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn anchored_names() {
        assert_eq!(
            orgs(
                "。綦江区教委与中国教育学会签约,区委、区政府出席",
                &["綦江区"],
                &[],
                false
            ),
            ["綦江区教委", "中国教育学会"]
        );
        assert_eq!(
            orgs(
                "成立青松小学教育集团,教育部课程中心指导",
                &[],
                &["青松小学"],
                false
            ),
            ["青松小学教育集团", "教育部课程中心", "教育部"]
        );
    }

    #[test]
    fn city_short_forms_only_in_city_texts() {
        assert_eq!(orgs("。市教委印发通知", &[], &[], true), ["市教委"]);
        assert!(orgs("。市教委印发通知", &[], &[], false).is_empty());
        assert!(orgs("形成发展新格局", &[], &[], false).is_empty());
        assert!(orgs("綦江区坚持党委领导", &["綦江区"], &[], false).is_empty());
    }
}
