//! The words that say which region a text speaks as (`我市`, `全区`,
//! `全省`, `全国`) and counts of districts (`11个区`), found in one pass;
//! the entity finders read them too (a text that speaks as a city names
//! its bodies `市教委`).

use crate::text::{char_before, Needle};

/// Words that say which region a text speaks as.
const MARKERS: &[(&str, Marker)] = &[
    ("我市", Marker::City),
    ("全市", Marker::City),
    ("本市", Marker::City),
    ("全州", Marker::City),
    ("我州", Marker::City),
    ("我区", Marker::Own),
    ("全区", Marker::Own),
    ("本区", Marker::Own),
    ("我县", Marker::Own),
    ("全县", Marker::Own),
    ("本县", Marker::Own),
    ("全省", Marker::Province),
    ("我省", Marker::Province),
    ("本省", Marker::Province),
    ("全港", Marker::Province),
    ("本港", Marker::Province),
    ("全台", Marker::Province),
    ("全国", Marker::Nation),
    ("个区", Marker::DistrictCount),
    ("个县", Marker::DistrictCount),
];

/// The second chars of [`MARKERS`], each once (a test checks the two agree).
static MARKER_ENDS: [Needle; 8] = [
    Needle::new("市"),
    Needle::new("州"),
    Needle::new("区"),
    Needle::new("县"),
    Needle::new("省"),
    Needle::new("港"),
    Needle::new("台"),
    Needle::new("国"),
];

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

/// The markers of `text` (`我市`, `全区`, `个区`…), in text order.
pub(crate) fn markers(text: &str) -> Vec<(usize, Marker)> {
    // Each marker is two chars and none starts with the second char of
    // another (see the tests), so they never overlap: find the second
    // chars, then look at the char before each.
    let mut out = Vec::new();
    for needle in &MARKER_ENDS {
        for at in needle.find_iter(text) {
            let Some(first) = char_before(text, at) else {
                continue;
            };
            let start = at - first.len_utf8();
            let word = &text[start..at + needle.word().len()];
            if let Some(m) = MARKERS.iter().find(|m| m.0 == word) {
                out.push((start, m.1));
            }
        }
    }
    out.sort_unstable_by_key(|m: &(usize, Marker)| m.0);
    out
}

/// Whether the text of `markers` speaks as a city (`我市`, `全市`) more than
/// as a district.
pub(crate) fn speaks_as_city(markers: &[(usize, Marker)]) -> bool {
    let count = |k: Marker| markers.iter().filter(|m| m.1 == k).count();
    let city = count(Marker::City);
    city >= 3 && city > 2 * count(Marker::Own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_markers() {
        use Marker::*;
        let kinds: Vec<Marker> = markers("我市全市我区全县全体5个区")
            .iter()
            .map(|m| m.1)
            .collect();
        assert_eq!(kinds, [City, City, Own, Own, DistrictCount]);
        assert!(speaks_as_city(&markers("全市我市本市全区")));
        assert!(!speaks_as_city(&markers("全市我市本市全区我区")));
        for (w, _) in MARKERS {
            assert_eq!(w.chars().count(), 2, "{w}");
            let first = w.chars().next().unwrap();
            assert!(MARKERS.iter().all(|m| m.0.chars().nth(1) != Some(first)));
        }
        let mut seconds: Vec<char> = MARKERS.iter().filter_map(|m| m.0.chars().nth(1)).collect();
        seconds.sort_unstable();
        seconds.dedup();
        let mut ends: Vec<char> = MARKER_ENDS
            .iter()
            .map(|n| n.word().chars().next().unwrap())
            .collect();
        ends.sort_unstable();
        assert_eq!(ends, seconds, "MARKER_ENDS are the second chars of MARKERS");
    }
}
