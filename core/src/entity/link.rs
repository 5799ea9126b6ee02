//! Canonical linking: each REGION of China gets its division code and
//! official name from the gazetteer (`冀` → 130000 河北省, `台北` → 710100
//! 台北市); a short form of an organisation or school named in full in the
//! same text gets that full name (`宁德时代` →
//! `宁德时代新能源科技股份有限公司`, `重庆十八中` → `重庆市第十八中学`).

use std::collections::hash_map::{Entry, HashMap};
use std::sync::LazyLock;

use super::Draft;
use crate::region::{abbreviation_code, Gazetteer};
use crate::text::{FastHash, WordSet};
use crate::EntityKind;

/// Words that end a company's full name after its short form
/// (`宁德时代` + `新能源科技股份有限公司`).
static LEGAL_FORMS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(include_str!("../../data/entity/legal_forms.txt")));

/// How many names on either side of a short form, among those of its kind
/// and first char in order of appearance, may be its full form.
const LINK_WINDOW: usize = 256;

/// Fills `code` and `canonical` of `entities`, whose REGION mentions are
/// mostly in the province `main`.
pub fn link(entities: &mut [Draft], gaz: &Gazetteer, main: Option<u32>) {
    for (k, place) in region_places(entities, gaz, main) {
        let (code, canonical) = match place {
            Place::First(None) => (None, None),
            Place::First(Some((code, full))) => ((code != 0).then(|| code_text(code)), Some(full)),
            Place::Again(first) => (
                entities[first].code.clone(),
                entities[first].canonical.clone(),
            ),
        };
        entities[k].code = code;
        entities[k].canonical = canonical;
    }
    for (k, full) in full_names(entities) {
        entities[k].canonical = Some(full);
    }
}

/// The place of a REGION mention, by the first mention of its name.
enum Place {
    /// The first mention of the name: its division code and official
    /// name, if the gazetteer knows it.
    First(Option<(u32, String)>),
    /// A name already mentioned, first by the mention of this index.
    Again(usize),
}

/// The place of each REGION of `entities`, with its index, in order.
fn region_places(entities: &[Draft], gaz: &Gazetteer, main: Option<u32>) -> Vec<(usize, Place)> {
    // Region names repeat: each is resolved once.
    let mut first: HashMap<&str, usize, FastHash> = HashMap::default();
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityKind::Region)
        .map(|(k, e)| match first.entry(&e.normalized) {
            Entry::Occupied(o) => (k, Place::Again(*o.get())),
            Entry::Vacant(v) => {
                v.insert(k);
                let place = gaz.resolve(&e.normalized, main).or_else(|| {
                    abbreviation_code(&e.normalized).and_then(|code| gaz.by_code(code))
                });
                (k, Place::First(place.map(|p| (p.code, p.full.to_owned()))))
            }
        })
        .collect()
}

/// A division code as written: six digits (`format!("{code:06}")`,
/// without the formatting machinery).
fn code_text(code: u32) -> String {
    if code >= 1_000_000 {
        return code.to_string();
    }
    let mut text = String::with_capacity(6);
    for d in [100_000, 10_000, 1_000, 100, 10, 1] {
        text.push(char::from(b'0' + (code / d % 10) as u8));
    }
    text
}

/// The ORG and SCHOOL mentions of `entities` that are short forms of a
/// full name in the same text: index and full name.
fn full_names(entities: &[Draft]) -> Vec<(usize, String)> {
    // Distinct names, bucketed by kind and first char (a short form starts
    // with its full name's first char) in the order they first appear, so
    // that each distinct name is compared with the few that could be its
    // full form, once. In a bucket of thousands (a directory of 第N中学),
    // a name is compared with the LINK_WINDOW names on either side of it,
    // so that the work stays linear in the text. A bucket holds each name
    // with its length in chars (counted once); `place` is where each name
    // stands: its bucket and its index there.
    type Bucket = (EntityKind, char);
    let named = |e: &&Draft| matches!(e.kind, EntityKind::Org | EntityKind::School);
    let mut buckets: HashMap<Bucket, Vec<(&str, usize)>, FastHash> = HashMap::default();
    let mut place: HashMap<(EntityKind, &str), (Bucket, usize), FastHash> = HashMap::default();
    for e in entities.iter().filter(named) {
        let Some(first) = e.normalized.chars().next() else {
            continue;
        };
        if let Entry::Vacant(v) = place.entry((e.kind, &e.normalized)) {
            let names = buckets.entry((e.kind, first)).or_default();
            v.insert(((e.kind, first), names.len()));
            names.push((&e.normalized, e.normalized.chars().count()));
        }
    }
    let mut full_of: HashMap<(EntityKind, &str), &str, FastHash> = HashMap::default();
    for (&(kind, name), &(bucket, i)) in &place {
        let names = &buckets[&bucket];
        let near = &names[i.saturating_sub(LINK_WINDOW)..(i + LINK_WINDOW + 1).min(names.len())];
        let n = names[i].1;
        let full = near
            .iter()
            .filter(|&&(long, m)| n >= 2 && n + 2 <= m && stands_for(name, long))
            .max_by_key(|(long, _)| long.len())
            .map(|(long, _)| *long);
        if let Some(full) = full {
            full_of.insert((kind, name), full);
        }
    }
    if full_of.is_empty() {
        return Vec::new();
    }
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| named(e))
        .filter_map(|(k, e)| {
            full_of
                .get(&(e.kind, e.normalized.as_str()))
                .map(|full| (k, (*full).to_owned()))
        })
        .collect()
}

/// Whether `short` is a short form of `long`: a company's name without its
/// legal form, or (schools and bodies) the first char and then a selection
/// of `long`'s chars in order, ending in one of its last two
/// (`重庆十八中` of `重庆市第十八中学`).
fn stands_for(short: &str, long: &str) -> bool {
    let (n, m) = (short.chars().count(), long.chars().count());
    if n < 2 || n + 2 > m {
        return false;
    }
    if let Some(rest) = long.strip_prefix(short) {
        return LEGAL_FORMS.ends_at(rest, rest.len());
    }
    let mut want = short.chars().peekable();
    let mut longs = long.chars();
    if longs.next() != want.next() {
        return false;
    }
    let mut last_at = 0;
    for (i, c) in longs.enumerate() {
        if want.peek() == Some(&c) {
            want.next();
            last_at = i + 1;
        }
    }
    want.peek().is_none() && last_at + 2 >= m
}

#[cfg(test)]
mod tests {
    use super::{code_text, stands_for};
    use crate::{EntityKind, Extractor};

    #[test]
    fn short_forms() {
        assert!(stands_for("宁德时代", "宁德时代新能源科技股份有限公司"));
        assert!(stands_for("重庆十八中", "重庆市第十八中学"));
        // A body and its department are two bodies.
        assert!(!stands_for("教育部", "教育部基础教育司"));
        assert!(!stands_for("重庆", "重庆市第十八中学"));
    }

    #[test]
    fn codes_are_six_digits() {
        for code in [0, 7, 130_000, 510_703, 999_999, 1_000_000, u32::MAX] {
            assert_eq!(code_text(code), format!("{code:06}"));
        }
    }

    #[test]
    fn regions_carry_codes_and_official_names() {
        let doc = Extractor::new().extract("冀晋两省和绵阳市涪城区,还有台北。");
        let region = |t: &str| {
            doc.entities
                .iter()
                .find(|e| e.kind == EntityKind::Region && e.text == t)
                .map(|e| (e.code.clone(), e.canonical.clone()))
        };
        assert_eq!(
            region("冀"),
            Some((Some("130000".into()), Some("河北省".into())))
        );
        let fucheng = region("绵阳市涪城区").or_else(|| region("涪城区")).unwrap();
        assert_eq!(fucheng.0.as_deref(), Some("510703"));
        assert_eq!(region("台北").unwrap().1.as_deref(), Some("台北市"));
    }

    #[test]
    fn short_forms_link_to_the_full_name() {
        let doc = Extractor::new()
            .extract("宁德时代新能源科技股份有限公司发布年报。宁德时代表示,全年营收增长22%。");
        let short = doc
            .entities
            .iter()
            .find(|e| e.text == "宁德时代")
            .expect("the short form is an ORG");
        assert_eq!(
            short.canonical.as_deref(),
            Some("宁德时代新能源科技股份有限公司")
        );
    }
}
