//! The gazetteer: China's divisions from province to county level (full
//! names and short forms), state-level new areas, foreign countries, the
//! zone (…高新区) and town (…镇, …街道) suffixes and the one-char province
//! abbreviations, with what a region name stands for in a text about a
//! given province: its full name, level, province and division code.
//!
//! Short forms (`江北` for `江北区`) are taken only where they are plausible:
//! provinces and prefectures always, counties of three chars or more
//! always, two-char ones only in the province the document is about (the
//! province most of its regions are in).

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::text::{word_list, words, FastHash, Lexicon, Trie, WordSet};
use crate::{Error, Result};

const REGIONS: &str = include_str!("../../data/entity/regions.tsv");
/// Divisions the division codes leave out (Taiwan, Hong Kong), same columns.
const REGIONS_EXTRA: &str = include_str!("../../data/entity/regions_extra.tsv");
/// Divisions set up or renamed after the data of [`REGIONS`], each with the
/// code of the one it renames (`data/entity/regions_since.tsv`).
const REGIONS_SINCE: &str = include_str!("../../data/entity/regions_since.tsv");
const NEW_AREAS: &str = include_str!("../../data/entity/new_areas.tsv");
/// Abbreviations in common use (西乌旗), by code.
const ABBREVIATED: &str = include_str!("../../data/entity/regions_abbreviated.tsv");
/// Places below the county level named on their own (Taiwan's townships,
/// Hong Kong's areas), each with the code of the division it belongs to;
/// taken only in a document about that province.
const PLACES_LOCAL: &str = include_str!("../../data/entity/places_local.tsv");
const COUNTRIES: &str = include_str!("../../data/entity/countries.txt");
const FOREIGN_CITIES: &str = include_str!("../../data/entity/foreign_cities.txt");
const STOPS: &str = include_str!("../../data/entity/region_stop.txt");

/// Words that make a zone of the region right before them (`重庆高新区`).
const ZONE_SUFFIXES: &str = include_str!("../../data/entity/zone_suffixes.txt");
/// Words that end the name of a town, street, township or village (苏木
/// and 嘎查 are Inner Mongolia's townships and villages).
const TOWN_SUFFIXES: &str = include_str!("../../data/entity/town_suffixes.txt");
/// Words right before a town name (see [`super::mentions()`]).
const TOWN_STOPS: &str = include_str!("../../data/entity/town_stops.txt");
/// Words that open with a place's name and are no mention of it (日照时数).
const STOP_PHRASES: &str = include_str!("../../data/entity/region_stop_phrases.txt");
/// Names that are generic before a township or village suffix (贫困村).
const VILLAGE_GENERIC: &str = include_str!("../../data/entity/village_generic.txt");
/// How high a region stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// A province, autonomous region or municipality (重庆市).
    Province,
    /// A prefecture-level city or prefecture.
    Prefecture,
    /// A county-level division: district, county, county-level city.
    County,
    /// A state-level new area or a zone (两江新区, 重庆高新区): district-level.
    Zone,
    /// A foreign country.
    Country,
}

/// One entry of the gazetteer.
#[derive(Debug)]
pub(super) struct Region {
    /// The full name.
    name: String,
    /// The six-digit division code; a new area carries its province's, a
    /// country 0.
    pub(super) code: u32,
    /// How high it stands.
    pub(super) level: Level,
}

/// What a pattern of the gazetteer stands for.
#[derive(Debug, Clone, Copy)]
pub(super) enum Form {
    /// A region, by its full name or its short form; a `local` name is a
    /// place inside it (`员林市` of 彰化县, `东涌` of Hong Kong), taken only
    /// in a document about its province.
    Name {
        region: u32,
        short: bool,
        local: bool,
    },
    /// A zone suffix (`高新区`).
    Zone,
    /// A town suffix (`镇`).
    Town,
}

/// A region as the resolver needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place<'a> {
    /// The full name (`江北区`, `重庆市`, `重庆高新区`).
    pub full: &'a str,
    /// The province code (first two digits of the division code); 0 abroad.
    pub province: u32,
    /// How high it stands.
    pub level: Level,
    /// The six-digit division code (GB/T 2260); 0 for zones and countries.
    pub code: u32,
}

impl Place<'_> {
    /// Whether a metric can belong to it as its district.
    pub(crate) fn is_district(&self) -> bool {
        matches!(self.level, Level::County | Level::Zone)
    }

    /// Whether it is a city or province (the region of `我市`).
    pub(crate) fn is_city(&self) -> bool {
        matches!(self.level, Level::Province | Level::Prefecture)
    }
}

/// The compiled gazetteer.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// The regions, by id.
    pub(super) regions: Vec<Region>,
    /// The patterns (names and suffixes).
    patterns: Vec<String>,
    /// The patterns as the only list of a trie, for look-ups.
    trie: Trie,
    /// What each pattern stands for.
    pub(super) forms: Vec<Vec<Form>>,
    /// Names that are common words, never matched alone.
    pub(super) stops: WordSet,
    /// Words right before a town name.
    pub(super) town_stops: WordSet,
    /// Words that open with a place's name and are no mention of it
    /// (`日照时数`).
    pub(super) stop_phrases: Lexicon<()>,
    /// Generic words before a township or village suffix.
    pub(super) village_generic: WordSet,
    /// The suffixes of towns, townships and villages (镇, 苏木): before
    /// another, one makes a word of kinds (苏木镇, like 乡镇), no name.
    pub(super) town_suffixes: WordSet,
    /// The first region (not a zone) of each division code.
    by_code: HashMap<u32, u32, FastHash>,
}

impl Gazetteer {
    /// The gazetteer, built on first use (once per process).
    pub(crate) fn shared() -> Result<&'static Gazetteer> {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        if let Some(g) = SHARED.get() {
            return Ok(g);
        }
        let g = Gazetteer::new()?;
        Ok(SHARED.get_or_init(|| g))
    }

    /// Parses the embedded data and builds the trie.
    fn new() -> Result<Gazetteer> {
        let mut b = Builder::default();
        let stops = WordSet::new(STOPS);
        // A renamed division takes its new code, name and short form; its
        // old name stays one of its names (texts written before the change).
        let mut renamed: HashMap<u32, Division, FastHash> = HashMap::default();
        let mut since = Vec::new();
        for line in words(REGIONS_SINCE) {
            let d = Division::parse(line)?;
            match line.split('\t').nth(3).filter(|r| !r.is_empty()) {
                Some(old) => {
                    let old: u32 = old.parse().map_err(|_| bad_data(line))?;
                    renamed.insert(old, d);
                }
                None => since.push(d),
            }
        }
        let mut divisions = Vec::new();
        for line in words(REGIONS).chain(words(REGIONS_EXTRA)) {
            let d = Division::parse(line)?;
            divisions.push(match renamed.remove(&d.code) {
                Some(new) => (new, Some(d.name)),
                None => (d, None),
            });
        }
        divisions.extend(since.into_iter().map(|d| (d, None)));
        for (Division { code, name, short }, old_name) in divisions {
            let level = if code % 10000 == 0 {
                Level::Province
            } else if code % 100 == 0 {
                Level::Prefecture
            } else {
                Level::County
            };
            let id = b.region(name, code, level);
            if let Some(old) = old_name {
                let region = Form::Name {
                    region: id,
                    short: false,
                    local: false,
                };
                b.alias(old, region);
            }
            if short.is_empty() {
                if level == Level::County && name.ends_with('县') {
                    // 赣县 → 赣县区, renamed since the data was made.
                    b.alias(
                        &format!("{name}区"),
                        Form::Name {
                            region: id,
                            short: false,
                            local: false,
                        },
                    );
                }
                continue;
            }
            b.alias(
                short,
                Form::Name {
                    region: id,
                    short: true,
                    local: false,
                },
            );
            let region = Form::Name {
                region: id,
                short: false,
                local: false,
            };
            if name.ends_with("自治州") {
                // Autonomous prefectures go by their short form and 州 (湘西州).
                b.alias(&format!("{short}自治州"), region);
                b.alias(&format!("{short}州"), region);
            }
            if level != Level::County {
                continue;
            }
            if name.ends_with("自治县") {
                // Autonomous counties go by their short form and 县 (石柱县);
                // a metric's region is still the official name (guideline v2).
                b.alias(&format!("{short}县"), region);
            } else if (name.ends_with('县') || name.ends_with('市')) && !stops.contains(short) {
                // Counties and county-level cities renamed into districts
                // since the data was made (梁平县 → 梁平区); not where the
                // short form is a common word (会同|区发展改革委: 会同 the
                // verb, 会同县 no district).
                b.alias(&format!("{short}区"), region);
            }
        }
        for line in words(ABBREVIATED) {
            let (code, abbreviation) = line.split_once('\t').ok_or_else(|| bad_data(line))?;
            let code: u32 = code.parse().map_err(|_| bad_data(line))?;
            let id = b.id_of(code).ok_or_else(|| bad_data(line))?;
            let region = Form::Name {
                region: id,
                short: false,
                local: false,
            };
            b.alias(abbreviation.trim(), region);
        }
        for line in words(PLACES_LOCAL) {
            let (name, code) = line.split_once('\t').ok_or_else(|| bad_data(line))?;
            let code: u32 = code.trim().parse().map_err(|_| bad_data(line))?;
            let region = b.id_of(code).ok_or_else(|| bad_data(line))?;
            let local = Form::Name {
                region,
                short: false,
                local: true,
            };
            b.alias(name.trim(), local);
        }
        for line in words(NEW_AREAS) {
            let (name, code) = line.split_once('\t').ok_or_else(|| bad_data(line))?;
            let code: u32 = code.trim().parse().map_err(|_| bad_data(line))?;
            b.region(name, code, Level::Zone);
        }
        for name in words(COUNTRIES).chain(words(FOREIGN_CITIES)) {
            b.region(name, 0, Level::Country);
        }
        for z in words(ZONE_SUFFIXES) {
            b.alias(z, Form::Zone);
        }
        for t in words(TOWN_SUFFIXES) {
            b.alias(t, Form::Town);
        }
        let mut named: Vec<(String, Vec<Form>)> = b.names.into_iter().collect();
        named.sort_by(|x, y| x.0.cmp(&y.0));
        let (patterns, forms): (Vec<String>, Vec<Vec<Form>>) = named.into_iter().unzip();
        let mut by_code: HashMap<u32, u32, FastHash> = HashMap::default();
        for (id, r) in b.regions.iter().enumerate() {
            if r.level != Level::Zone {
                by_code.entry(r.code).or_insert(id as u32);
            }
        }
        Ok(Gazetteer {
            by_code,
            regions: b.regions,
            trie: Trie::new([patterns.iter().map(String::as_str)]),
            forms,
            patterns,
            stops,
            town_stops: WordSet::new(TOWN_STOPS),
            stop_phrases: word_list(STOP_PHRASES),
            village_generic: WordSet::new(VILLAGE_GENERIC),
            town_suffixes: WordSet::new(TOWN_SUFFIXES),
        })
    }

    /// The region a form stands for in a document about `main`, if plausible.
    /// Names in the stop list are not refused here: [`super::mentions()`]
    /// takes them only in a list of places.
    pub(super) fn pick(&self, forms: &[Form], surface: &str, main: Option<u32>) -> Option<u32> {
        let mut best: Option<(u32, (bool, Level))> = None;
        for f in forms {
            let Form::Name {
                region,
                short,
                local,
            } = *f
            else {
                continue;
            };
            let r = &self.regions[region as usize];
            let home = main == Some(r.code / 10000);
            if local && !home {
                continue;
            }
            // A county's two-char short form is too often a word elsewhere
            // (南岸, 城口); three chars (石景山, 都江堰) name one place anywhere.
            if short && r.level == Level::County && !home && surface.chars().count() < 3 {
                continue;
            }
            let key = (!home, r.level);
            match best {
                Some((_, k)) if k <= key => {}
                _ => best = Some((region, key)),
            }
        }
        best.map(|b| b.0)
    }

    /// The patterns (region names and zone and town suffixes), in the order
    /// [`mentions`](super::mentions()) expects their indices.
    pub(crate) fn patterns(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(String::as_str)
    }

    /// What a REGION entity's name stands for in a document about `main`:
    /// a full name, a short form, a city followed by its district, or a
    /// region followed by a zone suffix.
    pub(crate) fn resolve<'a>(&'a self, name: &'a str, main: Option<u32>) -> Option<Place<'a>> {
        if let Some(k) = self.trie.get(name, 0).filter(|&k| self.is_name(k)) {
            let id = self.pick(&self.forms[k as usize], name, main)?;
            return Some(self.renamed(name, id));
        }
        let mut last: Option<(usize, usize, u32)> = None;
        let mut pos = 0;
        let mut province = main;
        // The patterns must follow each other from the start.
        while pos < name.len() {
            let (len, k) = self.trie.longest_prefix(&name[pos..], 0)?;
            let (start, end) = (pos, pos + len);
            pos = end;
            let forms = &self.forms[k as usize];
            match forms[0] {
                Form::Name { .. } => {
                    let id = self.pick(forms, &name[start..end], province)?;
                    province = Some(self.regions[id as usize].code / 10000);
                    last = Some((start, end, id));
                }
                Form::Zone => {
                    let (_, _, id) = last?;
                    return Some(Place {
                        full: name,
                        province: self.regions[id as usize].code / 10000,
                        level: Level::Zone,
                        code: 0,
                    });
                }
                Form::Town => return None,
            }
        }
        let (start, end, id) = last?;
        if end != name.len() {
            return None;
        }
        Some(self.renamed(&name[start..end], id))
    }

    /// The place of region `id` named `name`: a county or county-level
    /// city renamed a district since the data was made keeps the name the
    /// text gives it (`长乐区`, not the former `长乐市`).
    fn renamed<'a>(&'a self, name: &'a str, id: u32) -> Place<'a> {
        let place = self.place(id);
        let former =
            name.ends_with('区') && !place.full.ends_with('区') && place.level == Level::County;
        if former {
            Place {
                full: name,
                ..place
            }
        } else {
            place
        }
    }

    /// The place of region `id`.
    fn place(&self, id: u32) -> Place<'_> {
        let r = &self.regions[id as usize];
        Place {
            full: &r.name,
            province: r.code / 10000,
            level: r.level,
            // New areas carry their province's code, not one of their own.
            code: if matches!(r.level, Level::Zone | Level::Country) {
                0
            } else {
                r.code
            },
        }
    }

    /// The province most of `names` (in text order) are in, for the
    /// resolver; of two named as often, the one named first.
    pub(crate) fn main_province_of<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<u32> {
        // Names repeat: each is resolved once.
        let mut seen: HashMap<&str, u32, FastHash> = HashMap::default();
        let provinces = names
            .map(|n| {
                *seen
                    .entry(n)
                    .or_insert_with(|| self.resolve(n, None).map_or(0, |p| p.province))
            })
            .filter(|&p| p != 0);
        top_first(provinces)
    }

    /// The place of the division with `code`, if the gazetteer has it.
    pub(crate) fn by_code(&self, code: u32) -> Option<Place<'_>> {
        self.by_code.get(&code).map(|&id| self.place(id))
    }

    /// The full name of the province or municipality with code `province`.
    pub(crate) fn province_name(&self, province: u32) -> Option<&str> {
        let id = *self.by_code.get(&(province * 10000))?;
        let r = &self.regions[id as usize];
        (r.level == Level::Province).then_some(r.name.as_str())
    }

    /// The place a body's or school's name starts with (`长沙银行` → `长沙`),
    /// past the party's `中共` (`中共山西省委` → `山西省`); of a chain of
    /// places, the last, while each is in the province of the one before it
    /// (`西安市雁塔区教育局` → `雁塔区`; `大渡口区锦屏路小学` → `大渡口区`, as
    /// 锦屏 names a county of another province, and a road here).
    pub(crate) fn place_of_name<'a>(&self, name: &'a str) -> Option<&'a str> {
        let name = name.strip_prefix("中共").unwrap_or(name);
        let mut at = 0;
        let mut place = None;
        // The place before the next, resolved only once another follows it
        // (most names hold one place).
        let mut outer: Option<Option<Place>> = None;
        while let Some(l) = self.prefix_len(&name[at..]) {
            let here = &name[at..at + l];
            if let Some(before) = place {
                let o = outer.unwrap_or_else(|| self.resolve(before, None));
                let inner = self.resolve(here, o.map(|o| o.province));
                if o.is_some_and(|o| !inner.is_some_and(|i| same_province(i, o))) {
                    break;
                }
                outer = Some(inner);
            }
            place = Some(here);
            at += l;
        }
        // A word that only looks like a place (中原医科大学, 南山中学) names
        // none.
        place.filter(|p| !self.stops.contains(p))
    }

    /// The region name (full or short) that `text` starts with, if any.
    pub(crate) fn prefix_len(&self, text: &str) -> Option<usize> {
        self.trie
            .longest_prefix(text, 0)
            .filter(|&(_, k)| self.is_name(k))
            .map(|(len, _)| len)
    }

    /// Whether pattern `k` is a region name (not a zone or town suffix).
    fn is_name(&self, k: u32) -> bool {
        matches!(self.forms[k as usize][0], Form::Name { .. })
    }
}

/// Whether place `inner`, named after `outer` in a chain, is in the same
/// province (`西安咸阳国际机场`: 咸阳 is no part of 西安, but of its
/// province), or anywhere where `outer` is a country.
fn same_province(inner: Place, outer: Place) -> bool {
    outer.level == Level::Country || inner.province == outer.province
}

/// The one-char province abbreviations (京, 津, 冀…) with the code of the
/// province each stands for, read once from `province_abbreviations.tsv`
/// (a region the gazetteer cannot resolve is looked up here, in every text
/// that names one).
static ABBREVIATIONS: LazyLock<Vec<(&'static str, u32)>> = LazyLock::new(|| {
    words(PROVINCE_ABBREVIATIONS)
        .map(|line| {
            let (c, code) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("province_abbreviations.tsv: bad row {line:?}"));
            let code = code
                .trim()
                .parse()
                .unwrap_or_else(|_| panic!("province_abbreviations.tsv: bad code in {line:?}"));
            (c, code)
        })
        .collect()
});

/// The one-char province abbreviations (京, 津, 冀…), for the shared trie.
pub(crate) fn abbreviations() -> impl Iterator<Item = &'static str> {
    ABBREVIATIONS.iter().map(|&(c, _)| c)
}

/// The division code of the province a one-char abbreviation stands for
/// (`冀` → 130000).
pub(crate) fn abbreviation_code(abbr: &str) -> Option<u32> {
    ABBREVIATIONS
        .iter()
        .find(|&&(c, _)| c == abbr)
        .map(|&(_, code)| code)
}

/// One-char abbreviations of provinces, municipalities and regions, with codes.
const PROVINCE_ABBREVIATIONS: &str = include_str!("../../data/entity/province_abbreviations.tsv");
/// The gazetteer's tables while they are read.
#[derive(Default)]
struct Builder {
    regions: Vec<Region>,
    names: HashMap<String, Vec<Form>>,
}

impl Builder {
    /// Adds a region under its full name; returns its id.
    fn region(&mut self, name: &str, code: u32, level: Level) -> u32 {
        let id = self.regions.len() as u32;
        self.regions.push(Region {
            name: name.to_string(),
            code,
            level,
        });
        self.alias(
            name,
            Form::Name {
                region: id,
                short: false,
                local: false,
            },
        );
        id
    }

    /// The id of the first region with division `code`.
    fn id_of(&self, code: u32) -> Option<u32> {
        self.regions
            .iter()
            .position(|r| r.code == code)
            .map(|id| id as u32)
    }

    /// Adds a pattern.
    fn alias(&mut self, s: &str, form: Form) {
        self.names.entry(s.to_string()).or_default().push(form);
    }
}

/// Votes per province code.
pub(super) type Votes = HashMap<u32, usize, FastHash>;

/// The key with the most votes (ties: the smaller key): the province most
/// names point to, the district or city a text names most.
pub(super) fn top<K: Ord>(votes: impl IntoIterator<Item = (K, usize)>) -> Option<K> {
    votes
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(k, _)| k)
}

/// The key that stands most often in `keys`, in text order (ties: the one
/// that stands first): the home province, the district a text names most.
pub(super) fn top_first<K: Eq + std::hash::Hash>(keys: impl Iterator<Item = K>) -> Option<K> {
    // Per key: how often it stands, and where first.
    let mut counts: HashMap<K, (usize, usize), FastHash> = HashMap::default();
    for (i, k) in keys.enumerate() {
        counts.entry(k).or_insert((0, i)).0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then_with(|| b.1 .1.cmp(&a.1 .1)))
        .map(|(k, _)| k)
}

/// One row of a division table: `code<TAB>name<TAB>short`.
struct Division<'a> {
    /// The 6-digit division code.
    code: u32,
    /// The full name.
    name: &'a str,
    /// The name without its administrative suffix (empty where too short).
    short: &'a str,
}

impl<'a> Division<'a> {
    /// Parses a row of `regions.tsv`, `regions_extra.tsv` or
    /// `regions_since.tsv` (whose fourth column is read apart).
    fn parse(line: &'a str) -> Result<Division<'a>> {
        let mut cols = line.split('\t');
        let (code, name, short) = match (cols.next(), cols.next(), cols.next()) {
            (Some(c), Some(n), s) => (c, n, s.unwrap_or("")),
            _ => return Err(bad_data(line)),
        };
        let code = code.parse().map_err(|_| bad_data(line))?;
        Ok(Division { code, name, short })
    }
}

fn bad_data(line: &str) -> Error {
    Error::InvalidOptions(format!("bad gazetteer line {line:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_names_chain_within_a_province() {
        let g = Gazetteer::shared().unwrap();
        assert_eq!(g.place_of_name("西安市雁塔区教育局"), Some("雁塔区"));
        assert_eq!(g.place_of_name("西安咸阳国际机场"), Some("咸阳"));
        // 锦屏 names a county of Guizhou, and a road in 大渡口区.
        assert_eq!(g.place_of_name("大渡口区锦屏路小学"), Some("大渡口区"));
        assert_eq!(g.place_of_name("中共山西省委"), Some("山西省"));
    }

    #[test]
    fn resolves_names_with_the_documents_province() {
        let g = Gazetteer::shared().unwrap();
        let cq = Some(500000 / 10000);
        assert_eq!(g.resolve("江北", cq).unwrap().full, "江北区");
        assert_eq!(g.resolve("江北区", cq).unwrap().province, 50);
        assert_eq!(g.resolve("江北区", Some(33)).unwrap().province, 33);
        assert_eq!(g.resolve("重庆", None).unwrap().full, "重庆市");
        // A county-level city renamed a district keeps the text's name.
        assert_eq!(g.resolve("长乐区", None).unwrap().full, "长乐区");
        assert_eq!(g.resolve("福州市长乐区", None).unwrap().full, "长乐区");
        let zone = g.resolve("重庆高新区", None).unwrap();
        assert!(zone.is_district() && zone.full == "重庆高新区");
        assert_eq!(g.resolve("重庆市江北区", None).unwrap().full, "江北区");
        assert_eq!(
            g.resolve("酉阳县", None).unwrap().full,
            "酉阳土家族苗族自治县"
        );
        assert_eq!(
            g.resolve("酉阳土家族苗族自治县", None).unwrap().full,
            "酉阳土家族苗族自治县"
        );
        assert_eq!(abbreviation_code("冀"), Some(130000));
        assert_eq!(g.by_code(130000).unwrap().full, "河北省");
        assert_eq!(g.province_name(50), Some("重庆市"));
        assert_eq!(g.province_name(0), None);
        assert!(std::ptr::eq(g, Gazetteer::shared().unwrap()), "built once");
    }

    #[test]
    fn divisions_renamed_since_the_codes_take_their_new_names() {
        let g = Gazetteer::shared().unwrap();
        // A county become a city: its old name and its short form lead to
        // the new name and code.
        for name in ["无为市", "无为县", "无为"] {
            let p = g.resolve(name, Some(34)).unwrap();
            assert_eq!((p.full, p.code), ("无为市", 340281), "{name}");
        }
        // A district set up since: new, the county it replaced kept for
        // texts written before.
        assert_eq!(g.resolve("湾沚区", None).unwrap().code, 340210);
        assert_eq!(g.resolve("芜湖县", None).unwrap().code, 340221);
        // A prefecture renamed (那曲地区 → 那曲市), its counties re-coded.
        assert_eq!(g.resolve("那曲地区", None).unwrap().full, "那曲市");
        assert_eq!(g.resolve("安多县", None).unwrap().code, 540624);
    }
}
