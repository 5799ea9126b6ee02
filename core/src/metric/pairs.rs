//! From–to pairs: `由41所增加到67所`, `从24所增加到55所`, `由上年的X提高到Y`,
//! `起步价由8元调整为10元`. Both ends are metrics; the later one carries the
//! earlier value as its `previous`, and both measure what the clause names
//! before `由`/`从`.

use super::classify::Judged;
use super::index::Index;
use super::segment;
use super::tables::Tables;

/// The longest stretch (chars) between `由`/`从` and the earlier figure
/// (`由2019年末的126家`).
const FROM_REACH: usize = 12;

/// A quantity's part in a from–to pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Not in a pair.
    Alone,
    /// The earlier value; `from` is where its `由`/`从` stands.
    From {
        /// Byte offset of `由`/`从`.
        from: usize,
    },
    /// The later value; the quantity before it is the earlier one.
    To,
}

/// The role of each of `found` (in text order).
pub fn roles(ix: &Index, found: &[Judged<'_>], tables: &Tables) -> Vec<Role> {
    let text = ix.text;
    let mut roles = vec![Role::Alone; found.len()];
    for i in 1..found.len() {
        let (a, b) = (&found[i - 1], &found[i]);
        if a.unit != b.unit || roles[i - 1] != Role::Alone || a.end > b.start {
            continue;
        }
        if !connects(&text[a.end..b.start], tables) {
            continue;
        }
        if let Some(from) = from_mark(ix, a.start) {
            roles[i - 1] = Role::From { from };
            roles[i] = Role::To;
        }
    }
    roles
}

/// Whether `between` joins an earlier and a later value: `到`, `至` or `为`,
/// after nothing or a change verb (`增加到`, `提高至`, `调整为`).
fn connects(between: &str, tables: &Tables) -> bool {
    let Some(verb) = between
        .strip_suffix('到')
        .or_else(|| between.strip_suffix('至'))
        .or_else(|| between.strip_suffix('为'))
    else {
        return false;
    };
    verb.is_empty() || tables.change_verbs.get(verb).is_some()
}

/// Where `由` or `从` stands before the earlier value at `at`, in its clause
/// and within reach.
fn from_mark(ix: &Index, at: usize) -> Option<usize> {
    let text = ix.text;
    let cs = segment::clause_start(ix, at);
    let lead = &text[cs..at];
    let (i, _) = lead
        .char_indices()
        .rev()
        .take(FROM_REACH + 1)
        .find(|&(_, c)| c == '由' || c == '从')?;
    Some(cs + i)
}

#[cfg(test)]
mod tests {
    use crate::Extractor;

    fn previous(text: &str) -> Vec<(String, Option<f64>, String)> {
        let ex = Extractor::builder().entities(false).build().unwrap();
        ex.extract(text)
            .metrics
            .into_iter()
            .map(|m| (m.text, m.previous, m.indicator))
            .collect()
    }

    #[test]
    fn links_from_to_pairs() {
        let m = previous("全区公办中小学由41所增加到67所。");
        assert_eq!(m[0], ("41所".into(), None, "公办中小学".into()));
        assert_eq!(m[1], ("67所".into(), Some(41.0), "公办中小学".into()));
        let m = previous("地区生产总值由2020年的248.3亿元提高到312.6亿元,");
        assert_eq!(m[1].1, Some(24_830_000_000.0));
        assert_eq!(m[0].2, "地区生产总值");
        let m = previous("起步价由8元调整为10元。");
        assert_eq!(m[1].1, Some(8.0));
    }

    #[test]
    fn leaves_other_neighbours_alone() {
        let m = previous("新建学校5所,改扩建12所。");
        assert!(m.iter().all(|x| x.1.is_none()));
        // Different units are no pair.
        let m = previous("由3所学校增加到1200个学位。");
        assert!(m.iter().all(|x| x.1.is_none()));
    }
}
