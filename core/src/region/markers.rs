//! The words that say which region a text speaks as (`我市`, `全区`,
//! `全省`, `全国`) and counts of districts (`11个区`), found in one pass;
//! the entity finders read them too (a text that speaks as a city names
//! its bodies `市教委`).

use crate::text::Needles;

/// Words that say which region a text speaks as.
const MARKERS: [(&str, Marker); 20] = [
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

/// The words of [`MARKERS`], found in one pass.
static WORDS: Needles = Needles::new(&words_of(&MARKERS));

/// The words of a table of markers, in its order.
const fn words_of<const N: usize>(table: &[(&'static str, Marker); N]) -> [&'static str; N] {
    let mut out = [""; N];
    let mut k = 0;
    while k < N {
        out[k] = table[k].0;
        k += 1;
    }
    out
}

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
    // another (see the tests), so they never overlap: one pass finds them
    // all.
    WORDS
        .find_iter(text)
        .map(|(at, k)| (at, MARKERS[k].1))
        .collect()
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
    }
}
