//! Which district or city each part of a text is about.
//!
//! The document's region is the first thing it speaks as or about: a
//! district named (in its home province), `我市`/`全市` (the city), or
//! `我区`/`全区` (its most named district). A text about a city switches to a
//! district from where the district (or a school of it) is named to the end
//! of the paragraph; a text about a district switches to the city for the
//! clause after `全市`/`我市`. [`Resolver::region_at`] is a binary search.

use std::collections::HashMap;

use crate::entity::{self, FastHash, Marker, Place};
use crate::normalize::Normalized;
use crate::{Entity, EntityKind};

/// Answers "which region does the figure at this offset belong to?".
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    default: Option<String>,
    /// Disjoint `(start, end, name index)` stretches, sorted by start.
    scopes: Vec<(usize, usize, usize)>,
    /// Counts of districts (`11个区`): stretches that belong to the city.
    counts: Vec<(usize, usize, usize)>,
    names: Vec<String>,
}

/// Something in the text that says which region it is about.
#[derive(Debug, Clone)]
enum Event<'a> {
    /// A district (or a school of it) is named.
    District(&'a str),
    /// `我市` / `全市`.
    City,
    /// `我区` / `全区` / `我县` / `全县`.
    Own,
}

/// Chars that end a clause.
const CLAUSE_END: &[char] = &[
    ',', '，', '。', ';', '；', '!', '？', '?', '！', ')', '）', '\n',
];

impl Resolver {
    /// Reads the regions of `norm` (from its REGION and SCHOOL entities, its
    /// `markers` and the gazetteer). `fallback` is the region where the text
    /// names none.
    pub fn new(
        norm: &Normalized,
        entities: &[Entity],
        markers: &[(usize, Marker)],
        tables: &entity::Tables,
        fallback: Option<&str>,
    ) -> Resolver {
        let gaz = tables.gazetteer();
        let text = norm.text.as_str();
        let region_names = entities
            .iter()
            .filter(|e| e.kind == EntityKind::Region)
            .map(|e| e.normalized.as_str());
        let main = gaz.main_province_of(region_names);
        let mut places: Vec<(usize, Place)> = Vec::new();
        // Region names repeat: each is resolved once.
        let mut seen: HashMap<&str, Option<Place>, FastHash> = HashMap::default();
        for e in entities {
            let name = e.normalized.as_str();
            let place = match e.kind {
                EntityKind::Region => *seen.entry(name).or_insert_with(|| gaz.resolve(name, main)),
                EntityKind::School | EntityKind::Org => gaz
                    .prefix_len(name)
                    .and_then(|l| gaz.resolve(&name[..l], main)),
                _ => None,
            };
            if let Some(p) = place {
                places.push((e.span.start, p));
            }
        }
        let home = |p: &Place| main.is_some_and(|m| m == p.province);
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for (_, p) in places.iter().filter(|(_, p)| p.is_district() && home(p)) {
            *counts.entry(p.full).or_default() += 1;
        }
        let top_district = counts
            .iter()
            .max_by_key(|&(n, c)| (*c, std::cmp::Reverse(*n)))
            .map(|(n, _)| n.to_string());
        let city = city_name(tables, &places, main);
        let mut events: Vec<(usize, Event)> = places
            .iter()
            .filter(|(_, p)| p.is_district() && home(p))
            .map(|(at, p)| (*at, Event::District(p.full)))
            .collect();
        for &(i, m) in markers {
            match m {
                Marker::City => events.push((i, Event::City)),
                Marker::Own => events.push((i, Event::Own)),
                Marker::DistrictCount => {}
            }
        }
        events.sort_by_key(|e| e.0);
        let default = events
            .iter()
            .find_map(|(_, ev)| match ev {
                Event::District(d) => Some(d.to_string()),
                Event::City => city.clone(),
                Event::Own => top_district.clone(),
            })
            .or_else(|| fallback.map(str::to_owned));
        let mut r = Resolver {
            default,
            scopes: Vec::new(),
            counts: Vec::new(),
            names: Vec::new(),
        };
        let city_doc = r.default.is_some() && r.default == city;
        for (at, ev) in &events {
            match ev {
                Event::District(d) if city_doc => {
                    r.push_scope(*at, paragraph_end(text, *at), d);
                }
                Event::City if city_doc => {
                    if let Some(c) = &city {
                        r.push_scope(*at, paragraph_end(text, *at), c);
                    }
                }
                Event::City if !city_doc && !frames_the_city(text, *at) => {
                    if let Some(c) = &city {
                        let end = text[*at..].find(CLAUSE_END).map_or(text.len(), |k| at + k);
                        r.push_scope(*at, end, c);
                    }
                }
                _ => {}
            }
        }
        if let Some(c) = &city {
            r.district_counts(text, markers, c);
        }
        r
    }

    /// Counts of districts (`11个区`, `4个区县`) belong to the city.
    fn district_counts(&mut self, text: &str, markers: &[(usize, Marker)], city: &str) {
        let mut counts = Vec::new();
        for &(i, _) in markers.iter().filter(|m| m.1 == Marker::DistrictCount) {
            let digits = text[..i]
                .bytes()
                .rev()
                .take_while(u8::is_ascii_digit)
                .count();
            if digits > 0 {
                counts.push((i - digits, i + "个区".len()));
            }
        }
        if counts.is_empty() {
            return;
        }
        counts.sort_unstable();
        let idx = self.name_index(city);
        self.counts = counts.into_iter().map(|(s, e)| (s, e, idx)).collect();
    }

    /// The index of `name` in the names table, added if new.
    fn name_index(&mut self, name: &str) -> usize {
        match self.names.iter().position(|n| n == name) {
            Some(i) => i,
            None => {
                self.names.push(name.to_string());
                self.names.len() - 1
            }
        }
    }

    /// Adds a stretch that starts after every earlier one, cutting the
    /// previous stretch short where they overlap.
    fn push_scope(&mut self, start: usize, end: usize, name: &str) {
        let idx = self.name_index(name);
        if let Some(last) = self.scopes.last_mut() {
            if last.1 > start {
                last.1 = start;
            }
        }
        self.scopes.push((start, end, idx));
    }

    /// The region the text as a whole is about.
    pub fn default_region(&self) -> Option<&str> {
        self.default.as_deref()
    }

    /// The region the figure at normalised offset `at` belongs to.
    pub fn region_at(&self, at: usize) -> Option<&str> {
        let within = |scopes: &[(usize, usize, usize)]| {
            let k = scopes.partition_point(|&(s, _, _)| s <= at);
            k.checked_sub(1)
                .map(|k| scopes[k])
                .filter(|&(_, end, _)| at < end)
                .map(|(_, _, idx)| self.names[idx].as_str())
        };
        within(&self.counts)
            .or_else(|| within(&self.scopes))
            .or_else(|| self.default_region())
    }
}

/// Chars before `全市`/`我市` that make the city a frame of reference for a
/// district's own figure (`在全市…大赛中获奖12项`, `名列全市第一`,
/// `占全市的30%`), not the subject of the figure.
const CITY_FRAME_BEFORE: &[char] = &['在', '于', '居', '列', '占', '获'];

/// Whether the city marker at `at` only frames a district's figure.
fn frames_the_city(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| CITY_FRAME_BEFORE.contains(&c))
}

/// Where the paragraph holding byte `at` ends.
fn paragraph_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |k| at + k)
}

/// The city of `我市`: the prefecture most named in the home province, else
/// the home province (a municipality such as 重庆市).
fn city_name(
    tables: &entity::Tables,
    places: &[(usize, Place)],
    main: Option<u32>,
) -> Option<String> {
    let main = main?;
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for (_, p) in places {
        if p.province == main && p.is_city() && p.level != crate::entity::Level::Province {
            *counts.entry(p.full).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(n, c)| (c, std::cmp::Reverse(n)))
        .map(|(n, _)| n.to_string())
        .or_else(|| tables.gazetteer().province_name(main).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn resolver(text: &str) -> (Resolver, String) {
        let t = entity::Tables::new(&Options::default()).unwrap();
        let n = Normalized::new(text);
        let m = t.markers(&n.text);
        let e = entity::extract(&n, &t, &m, None);
        (Resolver::new(&n, &e, &m, &t, None), n.text.clone())
    }

    #[test]
    fn district_text_with_a_city_clause() {
        let (r, text) = resolver(
            "綦江区新建学校5所。全区学位增加800个,全市新增学位2万个。在全市比赛中获奖12项,名列全市第一。",
        );
        assert_eq!(r.default_region(), Some("綦江区"));
        assert_eq!(r.region_at(text.find("800").unwrap()), Some("綦江区"));
        assert_eq!(r.region_at(text.find("2万").unwrap()), Some("重庆市"));
        assert_eq!(r.region_at(text.find("12项").unwrap()), Some("綦江区"));
        assert_eq!(r.region_at(text.find("第一").unwrap()), Some("綦江区"));
    }

    #[test]
    fn city_text_switches_per_paragraph() {
        let text = "我市新增学位5万个。\n綦江区组建集团3个;万州区成立学区4个。\n全市投入10亿元。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("重庆市"));
        assert_eq!(r.region_at(text.find("3个").unwrap()), Some("綦江区"));
        assert_eq!(r.region_at(text.find("4个").unwrap()), Some("万州区"));
        assert_eq!(r.region_at(text.find("10亿").unwrap()), Some("重庆市"));
        let (r, text) = resolver("我市推进改革。\n万州区等12个区县入选,万州区新增学位3000个。");
        assert_eq!(r.region_at(text.find("12个").unwrap()), Some("重庆市"));
        assert_eq!(r.region_at(text.find("3000").unwrap()), Some("万州区"));
    }

    #[test]
    fn short_forms_and_zones_give_full_names() {
        let (r, _) = resolver("重庆高新区新建幼儿园20所。");
        assert_eq!(r.default_region(), Some("重庆高新区"));
        let (r, _) = resolver("重庆市的江北教育发展迅速,我区新增学位。");
        assert_eq!(r.default_region(), Some("江北区"));
    }

    #[test]
    fn fallback_where_the_text_names_none() {
        let t = entity::Tables::new(&Options::default()).unwrap();
        let n = Normalized::new("新增学位8660个。");
        let r = Resolver::new(&n, &[], &[], &t, Some("江北区"));
        assert_eq!(r.region_at(0), Some("江北区"));
    }
}
