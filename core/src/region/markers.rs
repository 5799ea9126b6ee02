//! The words that say which region a text speaks as (`我市`, `全区`,
//! `全省`, `全国`) and counts of districts (`11个区`), found by the shared
//! trie of the entity stage; the entity finders read them too (a text that
//! speaks as a city names its bodies `市教委`).

use std::sync::LazyLock;

use crate::text::{rows, Found};

/// Words that say which region a text speaks as, with their kind, read
/// once from `region_markers.tsv`.
static MARKERS: LazyLock<Vec<(&str, Marker)>> = LazyLock::new(|| {
    rows(include_str!("../../data/entity/region_markers.tsv"))
        .map(|r| (r[0], Marker::named(r[1])))
        .collect()
});

/// A word that says which region a text speaks as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `我市`, `全市`, `本市`, `全州` (an autonomous prefecture).
    City,
    /// `我区`, `全区`, `我县`, `全县`, `本县`.
    Own,
    /// `全省`, `我省`, `本省`; `全港`, `本港` and `全台` (Hong Kong and Taiwan
    /// stand at province level).
    Province,
    /// `全国`: the whole country.
    Nation,
    /// `个区`, `个县` (after a count of districts).
    DistrictCount,
}

/// The marker words, in the order of `region_markers.tsv`: a list of the
/// entity stage's shared trie, which finds them with the other words in
/// its one pass over a text.
pub(crate) fn marker_words() -> impl Iterator<Item = &'static str> {
    MARKERS.iter().map(|m| m.0)
}

/// The markers of `text` (`我市`, `全区`, `个区`…), in text order; `found`
/// are the [`marker_words`] found in `text` by a trie (leftmost-longest).
pub(crate) fn markers(text: &str, found: &[Found]) -> Vec<(usize, Marker)> {
    // Each marker is two chars and none starts with the second char of
    // another (see the tests), so they never overlap: the trie finds every
    // one.
    // 全州县 is a county (of 桂林), no 全州 of an autonomous prefecture.
    found
        .iter()
        .map(|f| (f.start, f.word as usize))
        .filter(|&(at, k)| !(MARKERS[k].0 == "全州" && text[at + "全州".len()..].starts_with('县')))
        .filter(|&(at, k)| !in_other_words(text, at, MARKERS[k].0))
        .map(|(at, k)| (at, MARKERS[k].1))
        .collect()
}

/// Chars after a marker that make a word of its second char (资本|市场,
/// 全|区域): no marker stands there.
const WORD_AFTER: &[char] = &['场', '值', '面', '域', '间', '块', '别'];

/// Chars before `本` or `全` that make a word of it (资本, 日本, 成本; 安全,
/// 完全, 健全), per first char.
const WORD_BEFORE: &[(char, &str)] = &[
    ('本', "资成根基日样版文剧课账范标"),
    ('全', "安完健齐周保万"),
];

/// Whether the marker `text[at..end]` runs on into another word there
/// (`本市|场监管局` is 本 and 市场), so that it is no marker: words that
/// trim markers off an indicator's head ask this.
pub(crate) fn marker_runs_on(text: &str, at: usize, end: usize) -> bool {
    runs_on(text, end) && MARKERS.iter().any(|m| m.0 == &text[at..end])
}

/// Whether the char at `end` makes a word with the char before it, the
/// last of a marker (`本市|场` is 本 and 市场, `全区|域`): the marker ends
/// no word there.
fn runs_on(text: &str, end: usize) -> bool {
    text[end..]
        .chars()
        .next()
        .is_some_and(|c| WORD_AFTER.contains(&c))
}

/// Whether the marker `word` at `at` is the end and start of other words
/// (`资本市场`, `日本市场`, `安全区域`), not a marker.
fn in_other_words(text: &str, at: usize, word: &str) -> bool {
    if runs_on(text, at + word.len()) {
        return true;
    }
    let first = word.chars().next();
    let before = text[..at].chars().next_back();
    WORD_BEFORE
        .iter()
        .any(|&(c, list)| Some(c) == first && before.is_some_and(|b| list.contains(b)))
}

impl Marker {
    /// The kind named `name` in the second column of `region_markers.tsv`.
    ///
    /// # Panics
    ///
    /// On a name that is no kind (the table is compiled in, and a test
    /// reads all of it).
    fn named(name: &str) -> Marker {
        match name {
            "city" => Marker::City,
            "own" => Marker::Own,
            "province" => Marker::Province,
            "nation" => Marker::Nation,
            "count" => Marker::DistrictCount,
            _ => panic!("region_markers.tsv: unknown kind {name:?}"),
        }
    }
}

/// How many markers of `markers` are of kind `k`.
fn count(markers: &[(usize, Marker)], k: Marker) -> usize {
    markers.iter().filter(|m| m.1 == k).count()
}

/// Whether `n` markers of one kind make the text speak as that kind over
/// `others` of the kinds it is weighed against: three at least, and more
/// than twice as many.
fn outweighs(n: usize, others: usize) -> bool {
    n >= 3 && n > 2 * others
}

/// Whether the text of `markers` speaks as a city (`我市`, `全市`) more than
/// as a district.
fn speaks_as_city(markers: &[(usize, Marker)]) -> bool {
    outweighs(count(markers, Marker::City), count(markers, Marker::Own))
}

/// Whether the text of `markers` speaks as a city or as one of its
/// districts or counties (`全区`, `我县`), never as a province: the short
/// forms `市教委`, `市教科院` there name one body, the city's.
pub(crate) fn speaks_within_city(markers: &[(usize, Marker)]) -> bool {
    speaks_as_city(markers)
        || outweighs(
            count(markers, Marker::Own),
            count(markers, Marker::Province),
        )
}

/// Whether the text of `markers` speaks as a province (`全省`, `我省`)
/// more than as a city or one of its districts: the short forms `省法院`,
/// `省教育厅` there name one body, the province's.
pub(crate) fn speaks_as_province(markers: &[(usize, Marker)]) -> bool {
    let local = count(markers, Marker::City) + count(markers, Marker::Own);
    outweighs(count(markers, Marker::Province), local)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Trie;

    /// The markers of `text`, their words found by a trie of their own.
    fn markers(text: &str) -> Vec<(usize, Marker)> {
        super::markers(text, &Trie::new([marker_words()]).scan(text)[0])
    }

    #[test]
    fn finds_markers() {
        use Marker::*;
        let kinds: Vec<Marker> = markers("我市全市我区全县全体5个区")
            .iter()
            .map(|m| m.1)
            .collect();
        assert_eq!(kinds, [City, City, Own, Own, DistrictCount]);
        assert!(speaks_as_city(&markers("全市我市本市全区")));
        // Words across a marker: 资本|市场, 日本|市场, 安全|区域.
        assert!(markers("资本市场回暖,日本市场,安全区域").is_empty());
        assert!(!speaks_as_city(&markers("全市我市本市全区我区")));
        assert!(speaks_within_city(&markers("全区我区本区全市")));
        assert!(!speaks_within_city(&markers("全省我省全区我区全区")));
        assert!(!speaks_within_city(&markers("全区我区")));
        for (w, _) in MARKERS.iter() {
            assert_eq!(w.chars().count(), 2, "{w}");
            let first = w.chars().next().unwrap();
            assert!(MARKERS.iter().all(|m| m.0.chars().nth(1) != Some(first)));
        }
    }
}
