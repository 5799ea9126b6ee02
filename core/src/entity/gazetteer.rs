//! The REGION gazetteer: China's divisions from province to county level
//! (full names and short forms), state-level new areas, foreign countries,
//! plus pattern rules for zones (…高新区) and towns (…镇, …街道).
//!
//! Short forms (`江北` for `江北区`) are taken only where they are plausible:
//! provinces and prefectures always, counties of three chars or more
//! always, two-char ones only in the province the document is about (the
//! province most of its regions are in).

use std::collections::HashMap;

use super::names::extend_left;
use crate::text::{char_at, char_before, words, FastHash, Found, Trie, WordSet};
use crate::{Error, Result};

const REGIONS: &str = include_str!("../../data/entity/regions.tsv");
/// Divisions the division codes leave out (Taiwan, Hong Kong), same columns.
const REGIONS_EXTRA: &str = include_str!("../../data/entity/regions_extra.tsv");
const NEW_AREAS: &str = include_str!("../../data/entity/new_areas.tsv");
const COUNTRIES: &str = include_str!("../../data/entity/countries.txt");
const STOPS: &str = include_str!("../../data/entity/region_stop.txt");

/// Words that make a zone of the region right before them (`重庆高新区`).
const ZONE_SUFFIXES: &[&str] = &["高新区", "高新技术产业开发区", "经开区", "经济技术开发区"];
/// Words that end the name of a town or street.
const TOWN_SUFFIXES: &[&str] = &["街道", "镇"];
/// Words right before a town name.
const TOWN_STOPS: &str = "在\n的\n和\n与\n及\n到\n从\n是\n由\n各\n每\n个\n所\n";
/// Chars that never end the name part of a town (`乡镇`, `城镇`, `村镇`).
const TOWN_BAD_LAST: &[char] = &[
    '乡', '城', '村', '小', '集', '各', '个', '全', '重', '市', '区', '县',
];

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
struct Region {
    name: String,
    code: u32,
    level: Level,
}

/// What a pattern of the gazetteer stands for.
#[derive(Debug, Clone, Copy)]
enum Form {
    /// A region, by its full name or its short form.
    Name { region: u32, short: bool },
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

/// One region mention found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    /// Byte offsets into the normalised text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// Province code of the region (0 for towns and countries).
    pub province: u32,
}

/// The compiled gazetteer.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    regions: Vec<Region>,
    /// The patterns (names and suffixes).
    patterns: Vec<String>,
    /// The patterns as the only list of a trie, for look-ups.
    trie: Trie,
    /// What each pattern stands for.
    forms: Vec<Vec<Form>>,
    stops: WordSet,
    town_stops: WordSet,
}

impl Gazetteer {
    /// Parses the embedded data and builds the trie.
    pub(crate) fn new() -> Result<Gazetteer> {
        let mut b = Builder::default();
        for line in words(REGIONS).chain(words(REGIONS_EXTRA)) {
            let mut cols = line.split('\t');
            let (code, name, short) = match (cols.next(), cols.next(), cols.next()) {
                (Some(c), Some(n), s) => (c, n, s.unwrap_or("")),
                _ => return Err(bad_data(line)),
            };
            let code: u32 = code.parse().map_err(|_| bad_data(line))?;
            let level = if code % 10000 == 0 {
                Level::Province
            } else if code % 100 == 0 {
                Level::Prefecture
            } else {
                Level::County
            };
            let id = b.region(name, code, level);
            if short.is_empty() {
                if level == Level::County && name.ends_with('县') {
                    // 赣县 → 赣县区, renamed since the data was made.
                    b.alias(
                        &format!("{name}区"),
                        Form::Name {
                            region: id,
                            short: false,
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
                },
            );
            let region = Form::Name {
                region: id,
                short: false,
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
            } else if name.ends_with('县') || name.ends_with('市') {
                // Counties and county-level cities renamed into districts
                // since the data was made (梁平县 → 梁平区).
                b.alias(&format!("{short}区"), region);
            }
        }
        for line in words(NEW_AREAS) {
            let (name, code) = line.split_once('\t').ok_or_else(|| bad_data(line))?;
            let code: u32 = code.trim().parse().map_err(|_| bad_data(line))?;
            b.region(name, code, Level::Zone);
        }
        for name in words(COUNTRIES) {
            b.region(name, 0, Level::Country);
        }
        for z in ZONE_SUFFIXES {
            b.alias(z, Form::Zone);
        }
        for t in TOWN_SUFFIXES {
            b.alias(t, Form::Town);
        }
        let mut named: Vec<(String, Vec<Form>)> = b.names.into_iter().collect();
        named.sort_by(|x, y| x.0.cmp(&y.0));
        let (patterns, forms): (Vec<String>, Vec<Vec<Form>>) = named.into_iter().unzip();
        Ok(Gazetteer {
            regions: b.regions,
            trie: Trie::new([patterns.iter().map(String::as_str)]),
            forms,
            patterns,
            stops: WordSet::new(STOPS),
            town_stops: WordSet::new(TOWN_STOPS),
        })
    }

    /// The province most region names of `text` point to (full names and
    /// short forms of provinces and prefectures vote).
    fn main_province(&self, text: &str, found: &[Found]) -> Option<u32> {
        let mut votes: Votes = HashMap::default();
        for m in found {
            if self.stops.contains(&text[m.start..m.end]) {
                continue;
            }
            let forms = &self.forms[m.word as usize];
            for f in forms {
                if let Form::Name { region, short } = *f {
                    let r = &self.regions[region as usize];
                    let counts = !short || r.level <= Level::Prefecture;
                    if counts && r.code != 0 {
                        *votes.entry(r.code / 10000).or_default() += 1;
                    }
                }
            }
        }
        top(votes)
    }

    /// The region a form stands for in a document about `main`, if plausible.
    fn pick(&self, forms: &[Form], surface: &str, main: Option<u32>) -> Option<u32> {
        if self.stops.contains(surface) {
            return None;
        }
        let mut best: Option<(u32, (bool, Level))> = None;
        for f in forms {
            let Form::Name { region, short } = *f else {
                continue;
            };
            let r = &self.regions[region as usize];
            let home = main == Some(r.code / 10000);
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
    /// [`Gazetteer::find`] expects their indices.
    pub(crate) fn patterns(&self) -> impl Iterator<Item = &str> {
        self.patterns.iter().map(String::as_str)
    }

    /// Every region mention of `text`, in text order, without overlaps;
    /// `found` are the leftmost-longest [`Gazetteer::patterns`] in `text`.
    pub(crate) fn find(&self, text: &str, found: &[Found]) -> Vec<Hit> {
        let main = self.main_province(text, found);
        let mut hits: Vec<Hit> = Vec::new();
        // Where the last region mention ended, to join zones onto it.
        let mut last_end = usize::MAX;
        for m in found {
            let (s, e) = (m.start, m.end);
            let forms = &self.forms[m.word as usize];
            match forms[0] {
                Form::Zone => {
                    if let Some(h) = hits.last_mut() {
                        if h.end == s && last_end == s {
                            h.end = e;
                            last_end = e;
                        }
                    }
                }
                Form::Town => {
                    if let Some(h) = self.town(text, s, e, last_end) {
                        hits.push(h);
                    }
                }
                Form::Name { .. } => {
                    if in_word(text, s, e) {
                        continue;
                    }
                    let Some(id) = self.pick(forms, &text[s..e], main) else {
                        continue;
                    };
                    let r = &self.regions[id as usize];
                    let province = r.code / 10000;
                    // A district right after its city: one mention (重庆市江北区).
                    if let Some(h) = hits.last_mut() {
                        if h.end == s && h.province == province && province != 0 {
                            h.end = e;
                            last_end = e;
                            continue;
                        }
                    }
                    hits.push(Hit {
                        start: s,
                        end: e,
                        province,
                    });
                    last_end = e;
                }
            }
        }
        hits
    }

    /// A town or street ending with the suffix at `s..e`, if its name is
    /// bounded on the left (punctuation, a stop word, or a region before it).
    fn town(&self, text: &str, s: usize, e: usize, last_end: usize) -> Option<Hit> {
        let (start, bounded) = extend_left(text, s, &self.town_stops, 3);
        let start = if last_end <= s && last_end > start {
            last_end
        } else {
            start
        };
        let name = &text[start..s];
        let n = name.chars().count();
        let last = name.chars().next_back()?;
        let follows_region = last_end == start;
        if !(2..=3).contains(&n) || TOWN_BAD_LAST.contains(&last) || !(bounded || follows_region) {
            return None;
        }
        if name.chars().any(|c| c.is_ascii_digit()) || char_at(text, e) == Some('街') {
            return None;
        }
        Some(Hit {
            start,
            end: e,
            province: 0,
        })
    }

    /// What a REGION entity's name stands for in a document about `main`:
    /// a full name, a short form, a city followed by its district, or a
    /// region followed by a zone suffix.
    pub(crate) fn resolve<'a>(&'a self, name: &'a str, main: Option<u32>) -> Option<Place<'a>> {
        if let Some(k) = self.trie.get(name, 0).filter(|&k| self.is_name(k)) {
            let id = self.pick(&self.forms[k as usize], name, main)?;
            return Some(self.place(id));
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
        let (_, end, id) = last?;
        if end != name.len() {
            return None;
        }
        Some(self.place(id))
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

    /// The province most of `names` are in (for the resolver).
    pub(crate) fn main_province_of<'a>(&self, names: impl Iterator<Item = &'a str>) -> Option<u32> {
        let mut votes: Votes = HashMap::default();
        // Names repeat: each is resolved once.
        let mut seen: HashMap<&str, u32, FastHash> = HashMap::default();
        for n in names {
            let province = *seen
                .entry(n)
                .or_insert_with(|| self.resolve(n, None).map_or(0, |p| p.province));
            if province != 0 {
                *votes.entry(province).or_default() += 1;
            }
        }
        top(votes)
    }

    /// The place of the division with `code`, if the gazetteer has it.
    pub(crate) fn by_code(&self, code: u32) -> Option<Place<'_>> {
        let id = self
            .regions
            .iter()
            .position(|r| r.code == code && r.level != Level::Zone)?;
        Some(self.place(id as u32))
    }

    /// The full name of the province or municipality with code `province`.
    pub(crate) fn province_name(&self, province: u32) -> Option<&str> {
        self.regions
            .iter()
            .find(|r| r.level == Level::Province && r.code == province * 10000)
            .map(|r| r.name.as_str())
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

/// The one-char province abbreviations (京, 津, 冀…) with the code of the
/// province each stands for, from `province_abbreviations.tsv`.
fn abbreviation_rows() -> impl Iterator<Item = (&'static str, u32)> {
    words(PROVINCE_ABBREVIATIONS).map(|line| {
        let (c, code) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("province_abbreviations.tsv: bad row {line:?}"));
        let code = code
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("province_abbreviations.tsv: bad code in {line:?}"));
        (c, code)
    })
}

/// The one-char province abbreviations (京, 津, 冀…), for the shared trie.
pub(crate) fn abbreviations() -> impl Iterator<Item = &'static str> {
    abbreviation_rows().map(|(c, _)| c)
}

/// The division code of the province a one-char abbreviation stands for
/// (`冀` → 130000).
pub(crate) fn abbreviation_code(abbr: &str) -> Option<u32> {
    abbreviation_rows()
        .find(|&(c, _)| c == abbr)
        .map(|(_, code)| code)
}

/// Adds each province of a run of province abbreviations (京津冀,
/// 川渝黔滇4省, 川渝地区) to `hits` (in text order, disjoint): a run of
/// three or more, or of two followed by a count or 地区/两地…, that no other
/// mention overlaps. `found` are the [`abbreviations`] found in `text`.
pub(crate) fn abbreviation_runs(text: &str, found: &[Found], hits: &mut Vec<Hit>) {
    let mut add: Vec<Hit> = Vec::new();
    let mut k = 0;
    while k < found.len() {
        // The run of abbreviations that follow each other from `k`.
        let mut n = 1;
        while found
            .get(k + n)
            .is_some_and(|f| f.start == found[k + n - 1].end)
        {
            n += 1;
        }
        let run = &found[k..k + n];
        k += n;
        let at = run[n - 1].end;
        let counted = || {
            let rest = &text[at..];
            rest.starts_with(|c: char| c.is_ascii_digit())
                || RUN_FOLLOWERS.iter().any(|w| rest.starts_with(w))
        };
        if n >= 3 || (n == 2 && counted()) {
            add.extend(run.iter().map(|f| Hit {
                start: f.start,
                end: f.end,
                province: 0,
            }));
        }
    }
    if add.is_empty() {
        return;
    }
    // Hits are in text order and do not overlap: one look each.
    add.retain(|a| {
        let k = hits.partition_point(|h| h.end <= a.start);
        hits.get(k).map_or(true, |h| h.start >= a.end)
    });
    hits.extend(add);
    hits.sort_by_key(|h| h.start);
}

/// One-char abbreviations of provinces, municipalities and regions, with codes.
const PROVINCE_ABBREVIATIONS: &str = include_str!("../../data/entity/province_abbreviations.tsv");
/// Words after a run of two abbreviations that make it a list of
/// provinces (川渝地区, 京津两市, 川渝等).
const RUN_FOLLOWERS: &[&str] = &[
    "地区",
    "两地",
    "两省",
    "两市",
    "三省",
    "三地",
    "四省",
    "五省",
    "等",
    "各",
    "合作",
    "协同",
    "一体化",
    "之间",
];

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
            },
        );
        id
    }

    /// Adds a pattern.
    fn alias(&mut self, s: &str, form: Form) {
        self.names.entry(s.to_string()).or_default().push(form);
    }
}

/// Votes per province code.
type Votes = HashMap<u32, usize, FastHash>;

/// The province with most votes (ties: the lower code).
fn top(votes: Votes) -> Option<u32> {
    votes
        .into_iter()
        .max_by_key(|&(p, n)| (n, std::cmp::Reverse(p)))
        .map(|(p, _)| p)
}

/// Chars before 中 that make a word of it (其中, 高中, 集中): 中国 does not
/// start there (其中国家级, 高中国际部).
const BEFORE_ZHONG: &[char] = &[
    '其', '集', '之', '当', '空', '居', '正', '适', '高', '初', '期', '年', '月', '日', '心', '胸',
    '手',
];
/// Words after 中国 that make a slogan of it (中国梦, 中国特色社会主义).
const CHINA_SLOGANS: &[&str] = &[
    "梦", "特色", "式", "方案", "智慧", "故事", "精神", "道路", "风格", "气派",
];
/// Chars after a two-char county name that make a longer word of its
/// suffix (建成县域 is no 成县).
const AFTER_COUNTY: &[char] = &['域', '级', '城', '委', '长', '乡', '直', '属'];

/// Whether the name at `s..e` stands inside a longer word (其中国…, 成县域).
fn in_word(text: &str, s: usize, e: usize) -> bool {
    let name = &text[s..e];
    if name.starts_with('中') && char_before(text, s).is_some_and(|c| BEFORE_ZHONG.contains(&c)) {
        return true;
    }
    // 中国梦, 中国特色: a slogan, not the country.
    if name == "中国" && CHINA_SLOGANS.iter().any(|w| text[e..].starts_with(w)) {
        return true;
    }
    name.chars().count() == 2
        && name.ends_with(['县', '区'])
        && char_at(text, e).is_some_and(|c| AFTER_COUNTY.contains(&c))
}

fn bad_data(line: &str) -> Error {
    Error::InvalidOptions(format!("bad gazetteer line {line:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(g: &Gazetteer, text: &str) -> Vec<String> {
        let found = Trie::new([g.patterns()]).scan(text).swap_remove(0);
        g.find(text, &found)
            .iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    }

    #[test]
    fn finds_full_names_short_forms_and_compounds() {
        let g = Gazetteer::new().unwrap();
        assert_eq!(
            found(&g, "重庆市江北区召开大会,万州、云阳代表发言,涪陵区参加。"),
            ["重庆市江北区", "万州", "云阳", "涪陵区"]
        );
        assert_eq!(
            found(&g, "与北京西城区、美国学校交流"),
            ["北京西城区", "美国"]
        );
    }

    #[test]
    fn county_short_forms_need_the_home_province() {
        let g = Gazetteer::new().unwrap();
        // 南岸 is a Chongqing district: without Chongqing in the text, no hit.
        assert!(found(&g, "河的南岸长满了草。").is_empty());
        assert_eq!(
            found(&g, "重庆南岸风光好,南岸区学校多。"),
            ["重庆南岸", "南岸区"]
        );
    }

    #[test]
    fn zones_and_towns() {
        let g = Gazetteer::new().unwrap();
        assert_eq!(
            found(&g, "重庆高新区与两江新区合作。"),
            ["重庆高新区", "两江新区"]
        );
        assert_eq!(
            found(&g, "江津区白沙镇、鱼洞街道的学校。"),
            ["江津区", "白沙镇", "鱼洞街道"]
        );
        assert!(found(&g, "深度贫困乡镇学校").is_empty());
    }

    #[test]
    fn resolves_names_with_the_documents_province() {
        let g = Gazetteer::new().unwrap();
        let cq = Some(500000 / 10000);
        assert_eq!(g.resolve("江北", cq).unwrap().full, "江北区");
        assert_eq!(g.resolve("江北区", cq).unwrap().province, 50);
        assert_eq!(g.resolve("江北区", Some(33)).unwrap().province, 33);
        assert_eq!(g.resolve("重庆", None).unwrap().full, "重庆市");
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
    }
}
