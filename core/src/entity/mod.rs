//! Entities: regions, schools, organisations, persons, works and dates.
//!
//! Each kind has its own finder (REGION mentions are the region stage's
//! [`region::mentions`]; `school`, `org`, `person`, `work`, `date` are
//! here); [`extract`] runs them over the normalised text and keeps
//! one mention per stretch of text: a title in 《》 hides everything inside
//! it, the builder's extra names come first, then longer mentions win.

mod date;
mod link;
mod org;
mod person;
mod school;
mod studio;
mod transliterated;
mod work;

use crate::text::{
    char_count, is_cjk, opens_quoted_name, overlaps_any, words, Found, Trie, WordSet,
};
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::cancel;
use crate::date::Date;
use crate::normalize::Normalized;
use crate::region::{self, Gazetteer, Marker};
use crate::{EntityKind, Error, Options, Result};

const LEFT_STOPS: &str = include_str!("../../data/entity/left_stops.txt");

/// Compiled word tables for entity extraction.
#[derive(Debug)]
pub struct Tables {
    /// The tables that do not depend on options, built once per process.
    shared: &'static Shared,
    extras: Option<Extras>,
    stops: Stops,
}

/// The embedded tables, the same for every extractor.
#[derive(Debug)]
struct Shared {
    /// The gazetteer (the region stage's, built once per process too).
    gazetteer: &'static Gazetteer,
    /// The word lists of the finders, found in one pass: see [`List`].
    words: Trie,
    /// The same without the lists only persons and Hong Kong's and Macau's
    /// bodies read (empty in their places): what [`regions`] scans for, built on
    /// first use.
    place_words: OnceLock<Trie>,
    schools: school::SchoolTables,
    orgs: org::OrgTables,
    persons: person::PersonTables,
    stops: WordSet,
    verbs: WordSet,
}

impl Shared {
    fn new() -> Result<Shared> {
        let gazetteer = Gazetteer::shared()?;
        Ok(Shared {
            words: word_lists(gazetteer, true),
            place_words: OnceLock::new(),
            schools: school::SchoolTables::new(LEFT_STOPS),
            orgs: org::OrgTables::new(LEFT_STOPS, school::VERBS),
            persons: person::PersonTables::new(),
            gazetteer,
            stops: WordSet::new(LEFT_STOPS),
            verbs: WordSet::new(school::VERBS),
        })
    }

    /// The lists of [`Shared::place_words`], built on first use.
    fn place_words(&self) -> &Trie {
        self.place_words
            .get_or_init(|| word_lists(self.gazetteer, false))
    }

    /// The shared tables, built on first use.
    fn get() -> Result<&'static Shared> {
        static SHARED: OnceLock<Shared> = OnceLock::new();
        if let Some(s) = SHARED.get() {
            return Ok(s);
        }
        let s = Shared::new()?;
        Ok(SHARED.get_or_init(|| s))
    }
}

/// The trie of the lists of [`List`], in order; those that only persons
/// and Hong Kong's and Macau's bodies read are left empty unless `all`.
fn word_lists(gazetteer: &Gazetteer, all: bool) -> Trie {
    let only_all = |list: Vec<&'static str>| if all { list } else { Vec::new() };
    Trie::new([
        gazetteer.patterns().collect::<Vec<_>>(),
        org::suffixes().collect(),
        words(org::NAMES).collect(),
        words(school::SUFFIXES).collect(),
        words(school::TAIWAN_SUFFIXES).collect(),
        school::ABBREVIATION_ENDS.to_vec(),
        only_all(person::titles().map(|t| t.0).collect()),
        only_all(person::SPEECH_VERBS.to_vec()),
        region::abbreviations().collect(),
        only_all(words(org::HK_NAMES).collect()),
        only_all(words(org::MO_NAMES).collect()),
        only_all(date::KEYS.to_vec()),
        only_all(words(person::KNOWN).collect()),
        only_all(person::marks()),
        HOME_WORDS.iter().map(|&(word, _)| word).collect(),
        HOME_CURRENCIES.iter().map(|&(word, _)| word).collect(),
        only_all(org::LABELS.to_vec()),
        region::marker_words().collect(),
        only_all(person::ANCHORS.to_vec()),
    ])
}

/// The lists of [`Shared::words`], in order.
#[derive(Debug, Clone, Copy)]
enum List {
    /// [`Gazetteer::patterns`], read by [`region::mentions`].
    Region,
    /// [`org::suffixes`].
    OrgSuffix,
    /// [`org::NAMES`].
    OrgName,
    /// [`school::SUFFIXES`].
    SchoolSuffix,
    /// [`school::TAIWAN_SUFFIXES`].
    TaiwanSchoolSuffix,
    /// [`school::ABBREVIATION_ENDS`].
    SchoolEnd,
    /// [`person::titles`].
    PersonTitle,
    /// [`person::SPEECH_VERBS`].
    Speech,
    /// [`region::abbreviations`].
    Abbreviation,
    /// [`org::HK_NAMES`].
    HongKongName,
    /// [`org::MO_NAMES`].
    MacauName,
    /// [`date::KEYS`].
    DateKey,
    /// [`person::KNOWN`].
    KnownPerson,
    /// [`person::marks`].
    PersonMark,
    /// The words of [`HOME_WORDS`].
    HomeWord,
    /// The currencies of [`HOME_CURRENCIES`].
    Currency,
    /// [`org::LABELS`].
    Label,
    /// [`region::marker_words`].
    Marker,
    /// [`person::ANCHORS`].
    PersonAnchor,
}

/// The words of [`Shared::words`] found in a text, by [`List`].
struct Words(Vec<Vec<Found>>);

impl Words {
    /// The words of `list`, in text order.
    fn of(&self, list: List) -> &[Found] {
        &self.0[list as usize]
    }
}

/// The builder's extra names, matched as given.
#[derive(Debug)]
struct Extras {
    ac: AhoCorasick,
    kinds: Vec<EntityKind>,
}

/// The options' stop entities, folded like the texts: built-in mentions
/// whose text is one of them are dropped.
#[derive(Debug, Default)]
struct Stops(std::collections::HashSet<String>);

impl Stops {
    /// Whether the built-in mention `text[start..end]` is stopped.
    fn stops(&self, text: &str, c: &Candidate) -> bool {
        c.rank != 0 && self.0.contains(&text[c.start..c.end])
    }
}

impl Tables {
    /// Compiles the embedded word lists plus the options' extra names.
    pub fn new(options: &Options) -> Result<Tables> {
        let mut names = Vec::new();
        let mut kinds = Vec::new();
        for (kind, list) in &options.extra_entities {
            for n in list {
                // Folded like the texts they are looked for in.
                names.push(Normalized::new(n.trim()).text);
                kinds.push(*kind);
            }
        }
        let extras = if names.is_empty() {
            None
        } else {
            let ac = AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&names)
                .map_err(|e| Error::InvalidOptions(format!("extra entities: {e}")))?;
            Some(Extras { ac, kinds })
        };
        let stops = Stops(
            options
                .stop_entities
                .iter()
                .map(|w| Normalized::new(w.trim()).text)
                .collect(),
        );
        Ok(Tables {
            shared: Shared::get()?,
            extras,
            stops,
        })
    }
}

/// A mention before overlaps are resolved.
#[derive(Debug, Clone)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityKind,
    /// Rank among mentions of the same length: lower wins.
    rank: u8,
    /// May stand inside a longer mention.
    nested: bool,
    /// Read by the region resolver but not reported ([`Draft::hidden`]).
    hidden: bool,
    /// Set where it differs from the surface with spaces removed.
    normalized: Option<String>,
}

impl Candidate {
    fn new(start: usize, end: usize, kind: EntityKind) -> Candidate {
        let rank = match kind {
            EntityKind::Work => 1,
            EntityKind::Org => 2,
            EntityKind::School => 3,
            EntityKind::Person => 4,
            EntityKind::Region => 5,
            EntityKind::Date => 6,
        };
        Candidate {
            start,
            end,
            kind,
            rank,
            nested: false,
            hidden: false,
            normalized: None,
        }
    }
}

/// An entity mention as the entity stage finds it: where it stands in the
/// normalised text, with the fields of [`Entity`](crate::Entity) that do
/// not depend on the original text. Mapping back to the original
/// ([`crate::normalize::to_original`]) makes the public record of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Draft {
    /// Byte offset of the mention in the normalised text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its type.
    pub kind: EntityKind,
    /// See [`Entity::normalized`](crate::Entity::normalized).
    pub normalized: String,
    /// See [`Entity::code`](crate::Entity::code).
    pub code: Option<String>,
    /// See [`Entity::canonical`](crate::Entity::canonical).
    pub canonical: Option<String>,
    /// A place that ties figures to itself but is no entity of its own: a
    /// short form naming its port or station (日照港). The region resolver
    /// reads it; the document does not list it.
    pub hidden: bool,
}

/// The longest first line (bytes) read as a text's issuer.
const ISSUER_BYTES: usize = 120;

/// Heads of commercial names, whose place says nothing of a text's home.
const COMMERCIAL: [&str; 5] = ["公司", "集团", "银行", "交易所", "行"];

/// What the entity stage found in a text.
#[derive(Debug)]
pub(crate) struct Mentions {
    /// The mentions kept, in text order.
    pub entities: Vec<Draft>,
    /// The province most REGION mentions are in
    /// ([`Gazetteer::main_province_of`]), else most places that start ORG
    /// and SCHOOL names: the text's home province, which the linker and the
    /// region resolver read.
    pub main_province: Option<u32>,
    /// The [`region::markers`] of the text, which the region resolver reads.
    pub markers: Vec<(usize, Marker)>,
}

impl Mentions {
    /// No mentions: what a cancelled extraction hands on (and then drops).
    fn none() -> Mentions {
        Mentions {
            entities: Vec::new(),
            main_province: None,
            markers: Vec::new(),
        }
    }

    /// The mentions `entities` of `text` with their main province and the
    /// `markers` of the text; `found` are the shared words found in `text`.
    fn new(
        text: &str,
        found: &Words,
        entities: Vec<Draft>,
        markers: Vec<(usize, Marker)>,
        gaz: &Gazetteer,
    ) -> Mentions {
        // A body that issues the text on its short first line (`澳門特別行政區
        // 政府統計暨普查局`, then visitors from 香港 and 内地) names its home.
        let first_line = text.find('\n').filter(|&n| n <= ISSUER_BYTES);
        let issuer = first_line.and_then(|n| {
            entities
                .iter()
                .take_while(|e| e.end <= n)
                .filter(|e| e.kind == EntityKind::Org)
                .find_map(|e| home_place(e, gaz))
                .and_then(|p| gaz.main_province_of(std::iter::once(p)))
        });
        let named_place = entities.iter().any(|e| e.kind == EntityKind::Region);
        let main_province = issuer
            .or_else(|| {
                let names = home_names(found.of(List::HomeWord), &entities, gaz);
                gaz.main_province_of(names.into_iter())
            })
            // Only a text that names no place is at home by its currency.
            .or_else(|| {
                if named_place {
                    None
                } else {
                    home_currency(text, found.of(List::Currency))
                }
            });
        Mentions {
            entities,
            main_province,
            markers,
        }
    }
}

/// Currencies that name a text's home where it names no place, with the
/// province each names (`data/entity/home_currencies.tsv`).
static HOME_CURRENCIES: LazyLock<Vec<(&'static str, u32)>> =
    LazyLock::new(|| province_words(include_str!("../../data/entity/home_currencies.tsv")));

/// The rows `word<TAB>province code` of a table.
fn province_words(data: &'static str) -> Vec<(&'static str, u32)> {
    words(data)
        .filter_map(|l| {
            let (word, code) = l.split_once('\t')?;
            Some((word, code.trim().parse().ok()?))
        })
        .collect()
}

/// The home of a text that names no place, by the currency it counts an
/// amount in (`新台币62兆元` of a Taiwan central bank release; not the other
/// side of an exchange rate, `人民币对港元汇率`): the one named first.
/// `currencies` are the occurrences of [`HOME_CURRENCIES`] in `text` (no
/// two of them can overlap, so the trie finds them all), in text order.
fn home_currency(text: &str, currencies: &[Found]) -> Option<u32> {
    let counts = |word: &str, at: usize| {
        let numeral =
            |c: char| c.is_ascii_digit() || "〇零一二两三四五六七八九十百千万亿兆".contains(c);
        text[at + word.len()..].chars().next().is_some_and(numeral)
            || text[..at].chars().next_back().is_some_and(numeral)
    };
    currencies
        .iter()
        .map(|f| (f.start, HOME_CURRENCIES[f.word as usize]))
        .find(|&(at, (word, _))| counts(word, at))
        .map(|(_, (_, code))| code)
}

/// Words by which a text speaks of its own place, with the province each
/// names (`data/entity/home_words.tsv`).
static HOME_WORDS: LazyLock<Vec<(&'static str, u32)>> =
    LazyLock::new(|| province_words(include_str!("../../data/entity/home_words.tsv")));

/// The names of the places the text says it is at home in, in text order:
/// each mention's [`home_place`], and the province of each word by which
/// the text speaks of its own place (`访港旅客` of Hong Kong). `words` are
/// the occurrences of [`HOME_WORDS`] in the text (no two of them can
/// overlap, so the trie finds them all), in text order.
fn home_names<'e>(words: &[Found], entities: &'e [Draft], gaz: &'e Gazetteer) -> Vec<&'e str> {
    let mut names: Vec<(usize, &str)> = entities
        .iter()
        .filter_map(|e| Some((e.start, home_place(e, gaz)?)))
        .collect();
    let before = names.len();
    for f in words {
        if let Some(name) = gaz.province_name(HOME_WORDS[f.word as usize].1) {
            names.push((f.start, name));
        }
    }
    if names.len() > before {
        names.sort_by_key(|&(at, _)| at);
    }
    names.into_iter().map(|(_, name)| name).collect()
}

/// The place that a mention says the text is at home in: a region named
/// alone, or one that starts the name of a body or a school (`婺源县委`,
/// `商水县民政局…全县`); not where a company, its exchange or bank is
/// (`上海证券交易所`, `江西绿野茶业有限公司`).
fn home_place<'e>(e: &'e Draft, gaz: &Gazetteer) -> Option<&'e str> {
    match e.kind {
        EntityKind::Region => Some(e.normalized.as_str()),
        EntityKind::Org | EntityKind::School
            if !COMMERCIAL.iter().any(|c| e.normalized.ends_with(c)) =>
        {
            gaz.place_of_name(&e.normalized)
        }
        _ => None,
    }
}

/// The currency of Taiwan (one of [`HOME_CURRENCIES`]).
const NEW_TAIWAN_DOLLAR: &str = "新台币";

/// Finds the entities of `norm`, and its [`region::markers`].
pub(crate) fn extract(norm: &Normalized, tables: &Tables, reference: Option<Date>) -> Mentions {
    let text = norm.text.as_str();
    let found = Words(tables.shared.words.scan(text));
    if cancel::requested() {
        return Mentions::none();
    }
    let markers = region::markers(text, found.of(List::Marker));
    // A stock's short name, the units issuing a release (证券简称:…).
    let labelled = org::labelled(norm, found.of(List::Label), &tables.shared.orgs);
    let persons = person::find(
        norm,
        found.of(List::PersonTitle),
        found.of(List::Speech),
        found.of(List::PersonMark),
        found.of(List::PersonAnchor),
        &tables.shared.persons,
        tables.shared.gazetteer,
    );
    let known = found.of(List::KnownPerson);
    if cancel::requested() {
        return Mentions::none();
    }
    // The candidates stay in one order (ties keep it through the stable
    // sort of the overlap resolver): places, labelled bodies, persons,
    // bodies of Hong Kong and Macau, dates. Their list is sized for all but
    // the last two here, and grows once for them.
    let room = labelled.len() + persons.len() + known.len();
    let (mut cands, provinces) = places(norm, &found, tables, &markers, room);
    cands.extend(
        labelled
            .into_iter()
            .map(|(s, e)| Candidate::new(s, e, EntityKind::Org)),
    );
    cands.extend(
        persons
            .iter()
            .copied()
            .chain(known.iter().map(|f| (f.start, f.end)))
            .map(|(s, e)| Candidate {
                // The head of a workshop named after them stays inside its name.
                nested: studio::follows_head(text, e),
                ..Candidate::new(s, e, EntityKind::Person)
            }),
    );
    if cancel::requested() {
        return Mentions::none();
    }
    // Bare years of the Republic of China (`113年`) are read in a text
    // that names a place of Taiwan or counts in its currency (a central
    // bank's release names no place); Hong Kong's and Macau's bodies by
    // their short names (入境处, 保安局; 旅游局) in one that names a place
    // there.
    let taiwan = provinces.contains(&region::TAIWAN)
        || found
            .of(List::Currency)
            .iter()
            .any(|f| HOME_CURRENCIES[f.word as usize].0 == NEW_TAIWAN_DOLLAR);
    let says = |whole: u32| {
        markers
            .iter()
            .any(|&(i, m)| m == Marker::Province && region::whole_of(text, i) == Some(whole))
    };
    let hong_kong = provinces.contains(&region::HONG_KONG) || says(region::HONG_KONG);
    // Macau's short names are generic words (财政局, 卫生局): read only in a
    // text that names Macau more than other places, not in passing.
    let macau_named = provinces.iter().filter(|&&p| p == region::MACAU).count();
    let elsewhere = provinces
        .iter()
        .filter(|&&p| p != 0 && p != region::MACAU)
        .count();
    // A text that speaks as Macau (`本澳`, `全澳`) or whose headline names
    // it (`澳門特別行政區政府新聞局`) is set there, whatever places its
    // visitors come from.
    let headline = &text[..memchr::memchr(b'\n', text.as_bytes()).unwrap_or(text.len())];
    let macau = macau_named > elsewhere || says(region::MACAU) || headline.contains("澳门");
    let bodies = [
        (List::HongKongName, hong_kong, "香港"),
        (List::MacauName, macau, "澳门"),
    ]
    .map(|(list, read, place)| (if read { found.of(list) } else { &[] }, place));
    let dates = date::find(text, found.of(List::DateKey), reference, taiwan);
    cands.reserve(bodies.iter().map(|(b, _)| b.len()).sum::<usize>() + dates.len());
    // Named after the place (`香港机场管理局`, `澳门统计暨普查局`), a body's
    // name holds it.
    for (names, place) in bodies {
        cands.extend(names.iter().map(|f| {
            let start = text[..f.start]
                .strip_suffix(place)
                .map_or(f.start, str::len);
            Candidate::new(start, f.end, EntityKind::Org)
        }));
    }
    cands.extend(dates.into_iter().map(|d| Candidate {
        normalized: Some(d.normalized),
        ..Candidate::new(d.start, d.end, EntityKind::Date)
    }));
    if cancel::requested() {
        return Mentions::none();
    }
    let gaz = tables.shared.gazetteer;
    let entities = resolve(text, cands, &tables.stops);
    let mut found = Mentions::new(text, &found, entities, markers, gaz);
    link::link(&mut found.entities, gaz, found.main_province);
    found
}

/// The entities the region resolver reads (regions, schools, organisations,
/// titles and extra names), without the person and date finders: for when
/// entities are not asked for; and the [`region::markers`] of the text.
pub(crate) fn regions(norm: &Normalized, tables: &Tables) -> Mentions {
    let text = norm.text.as_str();
    let found = Words(tables.shared.place_words().scan(text));
    let markers = region::markers(text, found.of(List::Marker));
    let (cands, _) = places(norm, &found, tables, &markers, 0);
    let entities = resolve(text, cands, &tables.stops);
    Mentions::new(text, &found, entities, markers, tables.shared.gazetteer)
}

/// The candidates that can name or hide a place: titles, extra names,
/// regions, schools and organisations, in a list with room for `room`
/// more; and the provinces of the region names found (0 for towns,
/// countries and abbreviation runs). `found` are the shared words found in
/// the folded text. A school's or a body's name starts after the last gap
/// between two cells or fields inside it (`三河镇　三河小学`: the town stands
/// in a cell of its own).
fn places(
    norm: &Normalized,
    found: &Words,
    tables: &Tables,
    markers: &[(usize, Marker)],
    room: usize,
) -> (Vec<Candidate>, Vec<u32>) {
    let text = norm.text.as_str();
    let titles = work::find(text);
    let extras = extra_names(text, tables);
    let sh = tables.shared;
    let mut hits = region::mentions(sh.gazetteer, text, found.of(List::Region));
    region::abbreviation_runs(text, found.of(List::Abbreviation), &mut hits);
    let regions: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
    let taiwan = hits.iter().any(|h| h.province == region::TAIWAN);
    let suffixes = school::Suffixes {
        common: found.of(List::SchoolSuffix),
        taiwan: if taiwan {
            found.of(List::TaiwanSchoolSuffix)
        } else {
            &[]
        },
    };
    let schools = school::find(
        text,
        suffixes,
        found.of(List::SchoolEnd),
        &sh.schools,
        sh.gazetteer,
        &sh.persons.verbs_after,
    );
    let school_spans: Vec<(usize, usize)> = schools.iter().map(|h| (h.start, h.end)).collect();
    let anchors = org::Anchors {
        verbs: &sh.verbs,
        regions: &regions,
        schools: &school_spans,
        level_verbs: &sh.persons.verbs_after,
        city_doc: region::speaks_within_city(markers),
        province_doc: region::speaks_as_province(markers),
    };
    let orgs = org::find(
        text,
        found.of(List::OrgSuffix),
        found.of(List::OrgName),
        &sh.stops,
        &sh.orgs,
        sh.gazetteer,
        anchors,
    );
    // One list, in the order of the finders, sized once.
    let mut cands = Vec::with_capacity(
        titles.len() + extras.len() + regions.len() + schools.len() + orgs.len() + room,
    );
    cands.extend(
        titles
            .iter()
            .map(|t| Candidate::new(t.start, t.end, EntityKind::Work)),
    );
    cands.extend(extras);
    // A place that names a facility or opens a quoted name (`"大足云研修"`
    // 平台) is inside a longer name: kept for the figures, not listed.
    cands.extend(regions.iter().map(|&(s, e)| Candidate {
        hidden: names_facility(text, s, e) || opens_quoted_name(text, s, e),
        ..Candidate::new(s, e, EntityKind::Region)
    }));
    // Where the name in the last cell starts, if three chars or more are
    // left of it (a suffix alone in a cell names nothing).
    let gaps = norm.cell_gaps();
    let cell_start = |s: usize, e: usize| {
        let k = gaps.partition_point(|&g| g < e);
        match gaps[..k].last() {
            Some(&g) if g > s => (char_count(&text[g..e]) >= 3).then_some(g),
            _ => Some(s),
        }
    };
    cands.extend(schools.iter().filter_map(|h| {
        Some(Candidate {
            nested: h.nested,
            ..Candidate::new(cell_start(h.start, h.end)?, h.end, EntityKind::School)
        })
    }));
    // A legal form right before a body's name is the name's (财团法人…).
    let legal = |s: usize| {
        LEGAL_PREFIXES
            .iter()
            .find_map(|p| text[..s].strip_suffix(p))
            .map_or(s, str::len)
    };
    cands.extend(
        orgs.iter().filter_map(|&(s, e)| {
            Some(Candidate::new(legal(cell_start(s, e)?), e, EntityKind::Org))
        }),
    );
    (cands, hits.iter().map(|h| h.province).collect())
}

/// Legal forms that stand before a body's name as part of it
/// (`data/entity/org_legal_prefixes.txt`).
static LEGAL_PREFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/entity/org_legal_prefixes.txt")).collect());

/// Words after a place's short form that make it the name of a port, a
/// station or a crossing (日照港, 九江站, 吉隆口岸, 罗东夜市): a longer name,
/// so no REGION of its own, though the figures of the port are the place's
/// (the mention is kept [`Draft::hidden`]).
const FACILITIES: [&str; 6] = ["港", "站", "口岸", "夜市", "隧道", "机场"];

/// Whether the region mention `s..e`, a short form of two chars or more (no
/// division suffix; 州 ends short forms of cities, 泉州港, 广州站), names a
/// facility of [`FACILITIES`] with the word after it.
fn names_facility(text: &str, s: usize, e: usize) -> bool {
    const SUFFIXES: [char; 7] = ['市', '县', '区', '省', '旗', '盟', '镇'];
    text[s..e].chars().nth(1).is_some()
        && !text[s..e].ends_with(SUFFIXES)
        && FACILITIES.iter().any(|w| text[e..].starts_with(w))
}

/// Drops the stopped mentions and the mentions inside a 《》 title (except
/// the titles and extra names), then resolves overlaps.
fn resolve(text: &str, mut cands: Vec<Candidate>, stops: &Stops) -> Vec<Draft> {
    if !stops.0.is_empty() {
        cands.retain(|c| !stops.stops(text, c));
    }
    let issuers = document_number_issuers(text);
    if !issuers.is_empty() {
        cands.retain(|c| c.rank == 0 || !overlaps_any(&issuers, |&o| o, c.start, c.end));
    }
    let outer: Vec<(usize, usize)> = cands
        .iter()
        .filter(|c| c.kind == EntityKind::Work && c.rank != 0)
        .map(|c| {
            work::Title {
                start: c.start,
                end: c.end,
            }
            .outer()
        })
        .collect();
    cands.retain(|c| {
        c.kind == EntityKind::Work || c.rank == 0 || !overlaps_any(&outer, |&o| o, c.start, c.end)
    });
    resolve_overlaps(text, cands)
}

/// The longest issuer's code of a document number, in chars (渝北教函).
const ISSUER_CHARS: usize = 12;

/// The issuers' codes of the document numbers in `text` (`渝北教函〔2024〕63号`,
/// `璧山教委文〔2023〕187号`): the run of CJK chars right before a bracketed
/// year. A code abbreviates a body and names no entity.
fn document_number_issuers(text: &str) -> Vec<(usize, usize)> {
    const OPEN: &str = "〔";
    let mut out = Vec::new();
    for at in memchr::memmem::find_iter(text.as_bytes(), OPEN) {
        let year = &text[at + OPEN.len()..];
        let digits = year.bytes().take_while(u8::is_ascii_digit).count();
        if digits != 4 || !year[digits..].starts_with('〕') {
            continue;
        }
        let start = text[..at]
            .char_indices()
            .rev()
            .take(ISSUER_CHARS)
            .take_while(|&(_, c)| is_cjk(c))
            .last()
            .map_or(at, |(i, _)| i);
        if start < at {
            out.push((start, at));
        }
    }
    out
}

/// The builder's extra names found in `text`, ranked first.
fn extra_names(text: &str, tables: &Tables) -> Vec<Candidate> {
    let Some(x) = &tables.extras else {
        return Vec::new();
    };
    x.ac.find_iter(text)
        .map(|m| Candidate {
            rank: 0,
            ..Candidate::new(m.start(), m.end(), x.kinds[m.pattern().as_usize()])
        })
        .collect()
}

/// Keeps the extra names, then longer mentions, then by kind rank; a
/// mention marked nested survives inside the one that contains it.
///
/// Mentions are never empty, so only mentions of one cluster (a run of
/// overlapping mentions) can clash: each cluster is resolved on its own.
fn resolve_overlaps(text: &str, mut cands: Vec<Candidate>) -> Vec<Draft> {
    // Stable, so that equal mentions keep their order within a cluster.
    cands.sort_by_key(|c| c.start);
    let mut out = Vec::with_capacity(cands.len());
    let mut cluster: Vec<Candidate> = Vec::new();
    // The work lists of the clusters, made once for all of them.
    let mut scratch = Scratch::default();
    let mut cluster_end = 0;
    for c in cands {
        if c.start >= cluster_end && !cluster.is_empty() {
            resolve_cluster(text, &mut cluster, &mut scratch, &mut out);
        }
        cluster_end = if cluster.is_empty() {
            c.end
        } else {
            cluster_end.max(c.end)
        };
        cluster.push(c);
    }
    resolve_cluster(text, &mut cluster, &mut scratch, &mut out);
    out
}

/// The work lists of [`resolve_cluster`], kept from one cluster to the
/// next so that they are allocated once per text.
#[derive(Default)]
struct Scratch {
    /// Disjoint spans taken so far.
    taken: Vec<(usize, usize)>,
    /// Whether each mention is kept.
    keep: Vec<bool>,
}

/// Resolves the overlaps of one cluster (see [`resolve_overlaps`]) and adds
/// the mentions kept to `out`, in text order; empties `cluster`.
fn resolve_cluster(
    text: &str,
    cluster: &mut Vec<Candidate>,
    scratch: &mut Scratch,
    out: &mut Vec<Draft>,
) {
    if cluster.len() > 1 {
        cluster.sort_by_key(|c| {
            (
                c.rank != 0,
                std::cmp::Reverse(c.end - c.start),
                c.rank,
                c.start,
            )
        });
        let Scratch { taken, keep } = scratch;
        taken.clear();
        keep.clear();
        keep.resize(cluster.len(), false);
        for (k, c) in cluster.iter().enumerate() {
            let clash = taken
                .iter()
                .filter(|&&(s, _)| s < c.end)
                .max_by_key(|&&(s, _)| s)
                .filter(|&&(_, e)| e > c.start);
            match clash {
                None => {
                    taken.push((c.start, c.end));
                    keep[k] = true;
                }
                Some(&(s, e)) => keep[k] = c.nested && s <= c.start && c.end <= e,
            }
        }
        let mut k = 0;
        cluster.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        cluster.sort_by_key(|c| (c.start, c.end));
    }
    out.extend(cluster.drain(..).filter_map(|c| entity(text, c)));
}

/// The draft of a mention kept, unless it is only white space (`《 》`).
fn entity(text: &str, c: Candidate) -> Option<Draft> {
    let surface = &text[c.start..c.end];
    let normalized: String = c.normalized.unwrap_or_else(|| {
        if surface.contains(char::is_whitespace) {
            surface.chars().filter(|ch| !ch.is_whitespace()).collect()
        } else {
            surface.to_string()
        }
    });
    (!normalized.is_empty()).then_some(Draft {
        start: c.start,
        end: c.end,
        kind: c.kind,
        normalized,
        code: None,
        canonical: None,
        hidden: c.hidden,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str, options: &Options) -> Vec<(EntityKind, String)> {
        let n = Normalized::new(text);
        let t = Tables::new(options).unwrap();
        extract(&n, &t, None)
            .entities
            .into_iter()
            .map(|e| (e.kind, e.normalized))
            .collect()
    }

    fn has(v: &[(EntityKind, String)], kind: EntityKind, name: &str) -> bool {
        v.iter().any(|(k, n)| *k == kind && n == name)
    }

    #[test]
    fn a_legal_form_before_a_body_is_its_name_s() {
        let v = ents(
            "並結合財團法人屏東縣福安社會福利基金會等民間單位。",
            &Options::default(),
        );
        assert!(has(&v, EntityKind::Org, "财团法人屏东县福安社会福利基金会"));
    }

    #[test]
    fn names_stop_at_the_cells_of_a_table_row() {
        let row =
            "石柱县周转房建设\n乡镇\u{3000}学校\u{3000}套数\n三河镇\u{3000}三河小学\u{3000}40\n";
        let v = ents(row, &Options::default());
        assert!(has(&v, EntityKind::Region, "三河镇"));
        assert!(has(&v, EntityKind::School, "三河小学"));
        assert!(!v.iter().any(|(_, n)| n.contains("镇三河")));
        // Outside a table, a stray space inside a name is dropped.
        let v = ents("位于石柱县的三河 小学开学。", &Options::default());
        assert!(has(&v, EntityKind::School, "三河小学"));
        // A numbered row split by single spaces.
        let v = ents(
            "序号 镇街 幼儿园 学位\n1 古南街道 桥河湾幼儿园 270\n",
            &Options::default(),
        );
        assert!(has(&v, EntityKind::Region, "古南街道"));
        assert!(has(&v, EntityKind::School, "桥河湾幼儿园"));
    }

    #[test]
    fn companies_by_their_trade() {
        let v = ents(
            "敕勒川乳业等龙头企业带动增收,支持绿野茶业扩产。",
            &Options::default(),
        );
        assert!(has(&v, EntityKind::Org, "敕勒川乳业"));
        assert!(has(&v, EntityKind::Org, "绿野茶业"));
        let v = ents("发展现代中药业和医药业。", &Options::default());
        assert!(v.iter().all(|(k, _)| *k != EntityKind::Org), "{v:?}");
    }

    #[test]
    fn schools_a_district_has_one_of_and_named_vocational_schools() {
        let v = ents(
            "长寿区职业教育中心与企业合作;奖项授予荣昌区峰高职业中学等8所学校。",
            &Options::default(),
        );
        assert!(has(&v, EntityKind::School, "长寿区职业教育中心"));
        assert!(has(&v, EntityKind::School, "荣昌区峰高职业中学"));
        // A district's schools of a kind, a county's vocational school.
        let v = ents(
            "重庆市小学和县职业中学,老城区学校挖潜扩容,只要村里需要。",
            &Options::default(),
        );
        assert!(
            v.iter()
                .all(|(k, n)| *k != EntityKind::School
                    && (n == "重庆市" || *k != EntityKind::Region)),
            "{v:?}"
        );
        // The body that organises, not its verb.
        let v = ents(
            "县政府教育督导室组织全县督学开展督导。",
            &Options::default(),
        );
        assert!(!v.iter().any(|(_, n)| n.ends_with("组织")), "{v:?}");
    }

    #[test]
    fn republic_years_in_a_text_counting_in_new_taiwan_dollars() {
        let v = ents(
            "中央銀行新聞稿\n114年8月M2餘額為新臺幣62兆元,113年8月為60兆元。\n",
            &Options::default(),
        );
        for month in ["2025-08", "2024-08"] {
            assert!(has(&v, EntityKind::Date, month), "{month}");
        }
    }

    #[test]
    fn blank_mentions_are_dropped() {
        for text in ["《 》", "《\t》", "《　》发布"] {
            assert!(ents(text, &Options::default()).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn one_mention_per_stretch() {
        let v = ents(
            "2022年,綦江区青松小学校长刘强在《綦江区教育发展规划》发布会上说,綦江区教委将支持。",
            &Options::default(),
        );
        assert!(has(&v, EntityKind::School, "綦江区青松小学"));
        assert!(has(&v, EntityKind::Person, "刘强"));
        assert!(has(&v, EntityKind::Work, "綦江区教育发展规划"));
        assert!(has(&v, EntityKind::Org, "綦江区教委"));
        assert!(has(&v, EntityKind::Date, "2022"));
        // Nothing inside the title, and no region inside the school or body.
        assert_eq!(
            v.iter().filter(|(k, _)| *k == EntityKind::Region).count(),
            0
        );
    }

    #[test]
    fn extra_names_are_matched_as_given() {
        let mut o = Options::default();
        o.extra_entities
            .insert(EntityKind::Org, vec!["青松读书会".to_string()]);
        o.extra_entities
            .insert(EntityKind::School, vec!["松林 实验学校".to_string()]);
        let v = ents("青松读书会走进松林 实验学校。", &o);
        assert_eq!(
            v,
            [
                (EntityKind::Org, "青松读书会".to_string()),
                (EntityKind::School, "松林实验学校".to_string())
            ]
        );
    }

    #[test]
    fn spaces_are_removed_from_names() {
        let v = ents("康居 西城小学开学", &Options::default());
        assert!(has(&v, EntityKind::School, "康居西城小学"));
    }

    /// A sentence, the (kind, name) pairs it must give and those it must not.
    type Case<'a> = (
        &'a str,
        &'a [(EntityKind, &'a str)],
        &'a [(EntityKind, &'a str)],
    );

    /// Runs the whole entity stage over each sentence and checks that every
    /// expected (kind, name) is found and that no forbidden one is.
    fn check(cases: &[Case]) {
        for (text, want, not) in cases {
            let v = ents(text, &Options::default());
            for (k, n) in *want {
                assert!(has(&v, *k, n), "{text:?}: want {k:?} {n:?}, got {v:?}");
            }
            for (k, n) in *not {
                assert!(!has(&v, *k, n), "{text:?}: not {k:?} {n:?}, got {v:?}");
            }
        }
    }

    #[test]
    fn organisations_outside_education() {
        use EntityKind::{Org, Person, Region};
        check(&[
            ("据省财政厅介绍,收入增长。", &[(Org, "省财政厅")], &[]),
            // A body known by name stands alone right after a region; words
            // between them make a longer name with the same head.
            (
                "考生可登录重庆市教育考试院官网,台湾经济部发布通知。",
                &[(Org, "重庆市教育考试院"), (Org, "经济部"), (Region, "台湾")],
                &[(Org, "考试院"), (Region, "重庆市")],
            ),
            (
                "自治区卫生健康委发布通知。",
                &[(Org, "自治区卫生健康委")],
                &[],
            ),
            (
                "国务院新闻办公室举行发布会。",
                &[(Org, "国务院新闻办公室")],
                &[],
            ),
            // 会同 (together with) before a body is no county's short form;
            // 上线 (go online) opens no name.
            (
                "会同区市场监管局开展检查,上线互联网医院。",
                &[],
                &[(Region, "会同"), (Org, "上线互联网医院")],
            ),
            (
                "作者:刘畅 来源:发展规划处",
                &[(Person, "刘畅")],
                &[(Person, "来源")],
            ),
            // A department right after its government, a group named after
            // the hospital that leads it: one body.
            (
                "台南市政府教育局26日召开记者会。",
                &[(Org, "台南市政府教育局")],
                &[(Org, "台南市政府")],
            ),
            (
                "宜昌市峡州人民医院医疗集团2023年度工作报告",
                &[(Org, "宜昌市峡州人民医院医疗集团")],
                &[(Org, "宜昌市峡州人民医院"), (Org, "医疗集团")],
            ),
            (
                "南宁市交通运输局局长王建国表示,",
                &[(Org, "南宁市交通运输局"), (Person, "王建国")],
                &[(Org, "南宁市交通运输局局"), (Region, "南宁市")],
            ),
            (
                "长沙银行、华融湘江银行存款增长。",
                &[(Org, "长沙银行"), (Org, "华融湘江银行")],
                &[(Region, "长沙")],
            ),
            (
                "宁德时代新能源科技股份有限公司发布年报。宁德时代表示,",
                &[(Org, "宁德时代新能源科技股份有限公司"), (Org, "宁德时代")],
                &[(Region, "宁德")],
            ),
            (
                "中国人民银行长沙中心支行发布。",
                &[(Org, "中国人民银行长沙中心支行")],
                &[],
            ),
            (
                "经济日报、新华社和澎湃新闻等媒体参加。",
                &[(Org, "经济日报"), (Org, "新华社"), (Org, "澎湃新闻")],
                &[],
            ),
            (
                "深圳市人民医院派出医疗队。",
                &[(Org, "深圳市人民医院")],
                &[],
            ),
            (
                "行政院会通过预算,国民党批评。",
                &[(Org, "行政院"), (Org, "国民党")],
                &[],
            ),
            (
                "宜昌市发展和改革委员会 宜昌市财政局",
                &[(Org, "宜昌市发展和改革委员会"), (Org, "宜昌市财政局")],
                &[],
            ),
        ]);
    }

    #[test]
    fn generic_bodies_are_not_organisations() {
        for text in [
            "各商业银行加大信贷投放。",
            "归属于上市公司股东的净利润。",
            "江北区部署全年工作。",
            "形成发展新格局。",
            "教育部门要求各校落实。",
            "充分利用集团优势。",
            "全资子公司完成增资。",
            "学校成立了少年科学院。",
            "。市场监管局开展检查,市民服务中心开放。",
            // A verb or a count before 处, 报告 after 导报, a paying bank.
            "该关在三亚辖区共查处违规案件。",
            "將在楠梓區增設12處公共自行車站。",
            "撰写督导报告354份。",
            "代发银行为渝东南农村商业银行黔江支行。",
        ] {
            let v = ents(text, &Options::default());
            assert!(
                v.iter().all(|(k, _)| *k != EntityKind::Org),
                "{text:?}: {v:?}"
            );
        }
    }

    #[test]
    fn persons_outside_bylines() {
        use EntityKind::Person;
        check(&[
            ("“今年很好。”刘洋说。", &[(Person, "刘洋")], &[]),
            // The leaders reports cite, where no title marks them.
            (
                "坚持以习近平新时代中国特色社会主义思想为指导。",
                &[(Person, "习近平")],
                &[],
            ),
            // Transliterated names: dotted, or four chars and more after a title.
            (
                "(记者 李昊然 阿依努尔·吐尔逊)大户买买提江·阿不都热合曼说。",
                &[
                    (Person, "李昊然"),
                    (Person, "阿依努尔·吐尔逊"),
                    (Person, "买买提江·阿不都热合曼"),
                ],
                &[(Person, "阿依努尔")],
            ),
            (
                "旗长乌力吉巴雅尔在会上说。",
                &[(Person, "乌力吉巴雅尔")],
                &[],
            ),
            (
                "(责任编辑:次仁央宗  审核:扎西平措)村民白玛措姆获评标兵。46岁的张秀兰说。",
                &[
                    (Person, "次仁央宗"),
                    (Person, "扎西平措"),
                    (Person, "白玛措姆"),
                    (Person, "张秀兰"),
                ],
                &[],
            ),
            ("市民陈静告诉记者,出行方便。", &[(Person, "陈静")], &[]),
            (
                "处长刘志强表示,",
                &[(Person, "刘志强")],
                &[(Person, "刘志")],
            ),
            ("经济部长王美花表示,", &[(Person, "王美花")], &[]),
            (
                "赵亮 摄\n图/孙磊\n责任编辑:周婷\n",
                &[(Person, "赵亮"), (Person, "孙磊"), (Person, "周婷")],
                &[],
            ),
            ("中央社记者林志豪台北28日电", &[(Person, "林志豪")], &[]),
            ("负责人沈怡、林雪梅签字。", &[(Person, "沈怡")], &[]),
            (
                "。高新区表示,王牌产品说明书。",
                &[],
                &[(Person, "高新区"), (Person, "王牌")],
            ),
            ("1.项目名称:停车系统", &[], &[(Person, "项目名")]),
            (
                "家长陈丽高兴地说。",
                &[],
                &[(Person, "高兴地"), (Person, "陈丽说")],
            ),
            (
                "公告称,经营正常。王先生说,很满意。",
                &[],
                &[(Person, "公告"), (Person, "王先生")],
            ),
        ]);
    }

    #[test]
    fn departments_legal_forms_and_subsidiaries() {
        use EntityKind::Org;
        check(&[
            (
                "农业农村部农田建设管理司负责人介绍,內政部戶政司今日公布。",
                &[(Org, "农业农村部农田建设管理司"), (Org, "内政部户政司")],
                &[],
            ),
            (
                "审计机构为立信德衡会计师事务所(特殊普通合伙),出具意见。",
                &[(Org, "立信德衡会计师事务所(特殊普通合伙)")],
                &[(Org, "立信德衡会计师事务所")],
            ),
            (
                "全资附属公司恒汇冷链(深圳)有限公司完成注册,股份于香港联合交易所有限公司上市。",
                &[
                    (Org, "恒汇冷链(深圳)有限公司"),
                    (Org, "香港联合交易所有限公司"),
                ],
                &[(Org, "附属公司恒汇冷链(深圳)有限公司")],
            ),
            ("公司司机和上司都到了。", &[], &[]),
            (
                // Macau's bodies by their short names in a text whose
                // headline is Macau's, whatever places its visitors come from.
                "澳门特别行政区政府新闻局\n统计暨普查局公布,广东省、湖南省、福建省及香港旅客增加,治安警察局协作。",
                &[(Org, "统计暨普查局"), (Org, "治安警察局")],
                &[],
            ),
            (
                "杭州工业互联网平台上线,北京、上海两地法院审结案件。",
                &[],
                &[(Org, "杭州工业互联网"), (Org, "上海两地法院")],
            ),
            (
                "富里乡农会总干事胡秀兰表示。",
                &[(Org, "富里乡农会")],
                &[],
            ),
            (
                // A short name the text declares, wherever it stands.
                "鼎安财产保险股份有限公司(以下简称\"鼎安财险\")成立。鼎安财险实现净利润。",
                &[(Org, "鼎安财产保险股份有限公司"), (Org, "鼎安财险")],
                &[(Org, "鼎安财")],
            ),
            (
                "会同荷花池派出所巡逻,经安信会计师事务所审计。武汉两级法院审结案件,今年公司签约。",
                &[(Org, "荷花池派出所"), (Org, "安信会计师事务所")],
                &[
                    (Org, "经安信会计师事务所"),
                    (Org, "武汉两级法院"),
                    (Org, "今年公司"),
                ],
            ),
        ]);
    }

    #[test]
    fn places_anywhere() {
        use EntityKind::{Org, Region, School};
        check(&[
            (
                "中國大陸同業報價較台廠低一至兩成,其次為印尼。",
                &[(Region, "中国大陆"), (Region, "印尼")],
                &[(Org, "中国大陆同业报价较台厂")],
            ),
            (
                "高雄、台中两市房价上涨。",
                &[(Region, "高雄"), (Region, "台中")],
                &[],
            ),
            (
                "川渝黔滇4省(市)联合发布,京津冀协同发展。",
                &[
                    (Region, "川"),
                    (Region, "渝"),
                    (Region, "黔"),
                    (Region, "滇"),
                    (Region, "京津冀"),
                ],
                &[(Region, "京"), (Region, "冀")],
            ),
            (
                "江浙沪地区客流增长,来自江浙沪的游客增长两成。",
                &[(Region, "江浙沪地区"), (Region, "江浙沪")],
                &[(Region, "浙沪地区")],
            ),
            (
                "粵港澳大灣區建设提速。",
                &[(Region, "粤港澳大湾区")],
                &[(Region, "粤"), (Region, "港")],
            ),
            (
                // Hong Kong's bodies by their short names, in a Hong Kong text.
                "香港入境處處長表示,入境處與保安局及海關合作。",
                &[(Org, "入境处"), (Org, "保安局"), (Org, "海关")],
                &[],
            ),
            (
                // Its statutory bodies too, and their full names with 香港.
                "全港市民受惠,醫院管理局、市建局及房協合作,香港金融管理局表示支持。",
                &[
                    (Org, "医院管理局"),
                    (Org, "市建局"),
                    (Org, "房协"),
                    (Org, "香港金融管理局"),
                ],
                &[(Region, "香港"), (Org, "金融管理局")],
            ),
            (
                // A short name after its place holds it; 联同 bounds a name.
                "香港機場管理局年報。本年度機管局聯同香港國際航空學院培訓學員。",
                &[
                    (Org, "香港机场管理局"),
                    (Org, "机管局"),
                    (School, "香港国际航空学院"),
                ],
                &[(Org, "机场管理局"), (Region, "香港")],
            ),
            (
                // 和, 等 and 据 inside a word of a name are no boundary.
                "据江苏大数据研究中心统计,北京协和医院、香港高等法院和平等机会委员会参加。",
                &[
                    (Org, "江苏大数据研究中心"),
                    (Org, "北京协和医院"),
                    (Org, "香港高等法院"),
                ],
                &[(Region, "江苏"), (Org, "高等法院")],
            ),
            (
                // A report verb ends the stretch before a body's name.
                "明年增加医院管理局的拨款。",
                &[(Org, "医院管理局")],
                &[(Org, "明年增加医院管理局")],
            ),
            (
                // Not in a mainland one, nor inside a longer name.
                "上海市普陀区教育局通知,海关查获走私案件。",
                &[(Org, "上海市普陀区教育局")],
                &[(Org, "教育局"), (Org, "海关")],
            ),
            (
                // 港澳台 is a set phrase for the three, not a list.
                "统计数据不包括港澳台地区,台港澳居民12万人次。",
                &[],
                &[(Region, "港"), (Region, "澳"), (Region, "台")],
            ),
            (
                "深圳前海举行活动,广西参加。",
                &[(Region, "深圳前海"), (Region, "广西")],
                &[],
            ),
            (
                "中国经济稳中向好,全国全省同步。",
                &[(Region, "中国")],
                &[(Region, "全国"), (Region, "全省")],
            ),
            (
                "其中国家级项目3个,建成县域中心。",
                &[],
                &[(Region, "中国"), (Region, "成县")],
            ),
            (
                "湘西自治州增长5%。",
                &[(Region, "湘西自治州")],
                &[(Region, "湘西")],
            ),
            ("据长沙银行公告,", &[(Org, "长沙银行")], &[(Region, "长沙")]),
            (
                // A body named by what it does, a national federation, a
                // customs district; a town right after its county.
                "甘肃省医疗保障局、中国电力企业联合会和阜阳海关发布,彰化縣和美鎮居民受惠。",
                &[
                    (Org, "甘肃省医疗保障局"),
                    (Org, "中国电力企业联合会"),
                    (Org, "阜阳海关"),
                    (Region, "彰化县"),
                    (Region, "和美镇"),
                ],
                &[(Region, "甘肃省"), (Region, "美镇")],
            ),
            (
                // A town whose name ends like a county's short form (丰镇);
                // 资源 is a word; a department's verb after it (下达).
                "据孝丰镇卫生院统计,完成广西壮族自治区人力资源和社会保障厅下达任务,确保县第二人民医院投用。",
                &[
                    (Org, "孝丰镇卫生院"),
                    (Org, "广西壮族自治区人力资源和社会保障厅"),
                    (Org, "县第二人民医院"),
                ],
                &[(Region, "资源"), (Org, "确保县第二人民医院")],
            ),
            (
                // A pronoun after a stop is no town's name.
                "平阳县和本镇联动,永嘉县与我镇签订协议,安吉县和乡镇两级。",
                &[(Region, "平阳县"), (Region, "永嘉县")],
                &[(Region, "和本镇"), (Region, "与我镇"), (Region, "和乡镇")],
            ),
            (
                // A bankers' association after its members' word; a bank's
                // accounts are no bank.
                "全港市民注意,出售銀行戶口屬違法,香港銀行公會表示。",
                &[(Org, "香港银行公会")],
                &[(Org, "香港银行"), (Org, "出售银行")],
            ),
            (
                // A lake, a town named like a district elsewhere.
                "洪泽湖水质保持Ⅲ类,大渡口镇产值增长。",
                &[(Region, "大渡口镇")],
                &[(Region, "洪泽"), (Region, "大渡口")],
            ),
        ]);
    }

    #[test]
    fn bodies_a_label_names() {
        use EntityKind::Org;
        // A stock's short name and the units issuing a release.
        check(&[
            (
                "证券代码:688427　证券简称:澄远智装　公告编号:2025-016",
                &[(Org, "澄远智装")],
                &[],
            ),
            (
                "發布單位:主計處、財稅局　點閱次數:1386",
                &[(Org, "主计处"), (Org, "财税局")],
                &[],
            ),
        ]);
    }

    #[test]
    fn bodies_counted_after_digits_are_no_name() {
        use EntityKind::Org;
        check(&[
            (
                "全市46家医院开设互联网医院。",
                &[],
                &[(Org, "家医院开设互联网医院")],
            ),
            (
                "由宁波梅山保税港区芯程投资管理有限公司持股。",
                &[(Org, "宁波梅山保税港区芯程投资管理有限公司")],
                &[],
            ),
            (
                "2　天健会计师事务所为本公司出具了审计报告。",
                &[(Org, "天健会计师事务所")],
                &[],
            ),
        ]);
    }

    #[test]
    fn issuers_of_document_numbers_name_nothing() {
        use EntityKind::{Org, Region};
        check(&[
            (
                "重庆市渝北区教育委员会\n渝北教函〔2024〕63号",
                &[(Org, "重庆市渝北区教育委员会")],
                &[(Region, "渝北")],
            ),
            (
                "璧山区教育委员会\n璧山教委文〔2023〕187号",
                &[(Org, "璧山区教育委员会")],
                &[(Org, "璧山教委")],
            ),
        ]);
    }

    #[test]
    fn programmes_are_not_colleges() {
        use EntityKind::School;
        check(&[
            ("学校组建了小百灵学院。", &[], &[(School, "小百灵学院")]),
            ("与重庆文理学院合作。", &[(School, "重庆文理学院")], &[]),
            (
                "江津区教师进修学院培训。",
                &[(School, "江津区教师进修学院")],
                &[],
            ),
            // A vocational college's schools, by their fields.
            (
                "学校设有智能制造学院、商贸物流学院等7个二级学院。",
                &[(School, "智能制造学院"), (School, "商贸物流学院")],
                &[],
            ),
        ]);
    }
}
