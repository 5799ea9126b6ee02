//! Which district or city each part of a text is about.
//!
//! The document's region is the first thing it speaks as or about: a
//! district named (in its home province), `我市`/`全市` (the city), or
//! `我区`/`全区` (its most named district). A text about a city switches to a
//! district from where the district (or a school of it) is named to the end
//! of the paragraph; a text about a district switches to the city for the
//! clause after `全市`/`我市`. [`Resolver::region_at`] is a binary search.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::ends::{Break, Ends};
use super::gazetteer::{top_first, Gazetteer, Level, Place};
use super::markers::Marker;
use super::respective;
use crate::entity::Draft;
use crate::normalize::Normalized;
use crate::text::punct::{SCOPE, SENTENCE};
use crate::text::{
    char_before, floor_char, listed_together, opens_quoted_name, words, FastHash, Needles, WordSet,
};
use crate::EntityKind;

/// Answers "which region does the figure at this offset belong to?".
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    default: Option<String>,
    /// Disjoint `(start, end, name index)` stretches, sorted by start.
    scopes: Vec<(usize, usize, usize)>,
    /// Counts of districts (`11个区`): stretches that belong to the city.
    counts: Vec<(usize, usize, usize)>,
    names: Vec<String>,
    /// Lists of places a `分别` spreads over the figures of its clause:
    /// `(分别, clause end, name indices)`, ascending.
    respective: Vec<(usize, usize, Vec<usize>)>,
    /// Places in brackets of their own (`(定边)`, `(榆林市神木市)`): `(the
    /// opening bracket, name index)` of the last place, ascending.
    bracketed: Vec<(usize, usize)>,
}

/// Something in the text that says which region it is about.
#[derive(Debug, Clone)]
enum Event<'a> {
    /// A district (or a school of it) is named.
    District(&'a str),
    /// A prefecture-level city of the home province is named.
    Prefecture(&'a str),
    /// A province is named.
    Province(&'a str),
    /// A city or district of another province opens a clause
    /// (`湘西州接待游客…` in a text set in 恩施).
    Elsewhere(&'a str),
    /// `我市` / `全市` / `本市`.
    City,
    /// `我区` / `全区` / `我县` / `全县`.
    Own,
    /// `全省` / `我省` / `本省` (and `全港`, `全台`).
    OwnProvince,
    /// `全国`.
    Nation,
}

/// How high the region a text (or a stretch of it) is about stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Height {
    Nation,
    Province,
    City,
    District,
}

/// Words after a place that make it where people come from, not what the
/// clause is about (`深圳市旅客`, `广东籍`).
const VISITORS: [&str; 5] = ["旅客", "游客", "访客", "客人", "籍"];

/// Whether the place named `name` at `at` (its mention may be a short form)
/// is where people come from: followed by a word of [`VISITORS`], after
/// `来自` (`来自巴楚县的农民`), or between `从` and `来` (`从巴楚县来的`,
/// `从喀什赶来`).
fn is_origin(text: &str, at: usize, name: &str) -> bool {
    let rest = &text[at..];
    // The mention is the full name or a prefix of it (深圳 of 深圳市).
    let len = rest
        .char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&i| name.starts_with(&rest[..i]))
        .last()
        .unwrap_or(0);
    let after = &rest[len..];
    let come = after.starts_with('来')
        || (after.starts_with(['赶', '前']) && after[3..].starts_with('来'));
    VISITORS.iter().any(|w| after.starts_with(w))
        || text[..at].ends_with("来自")
        || (text[..at].ends_with('从') && come)
}

/// Ends of the names of transport facilities named after their city
/// (`昆明长水国际机场`, `昆明南站`): their figures are that city's, as a
/// body's with a jurisdiction are its place's.
const FACILITY_ENDS: [&str; 4] = ["机场", "站", "口岸", "码头"];

/// Ends of the names of bodies with a jurisdiction (courts, governments
/// and their departments): their figures are their place's.
const JURISDICTION_ENDS: [&str; 8] = [
    "法院",
    "中院",
    "法庭",
    "检察院",
    "政府",
    "局",
    "委员会",
    "委",
];

/// How far (bytes) into a text its headline and lead reach.
const LEAD_BYTES: usize = 300;

/// How far back (bytes) a place named in a marker's paragraph makes the
/// marker its own (`仁怀市…全市`).
const LOCAL_REACH: usize = 600;

/// What a campus's name ends with (江津双福校区).
const CAMPUS: &str = "校区";

/// Whether the place at `at` is named by a campus's name (江津双福校区);
/// `spans` are the places' (start, end, full name, named as a REGION).
fn is_campus(text: &str, spans: &[(usize, usize, &str, bool)], at: usize) -> bool {
    // The spans are in text order, as the entities are.
    spans
        .binary_search_by_key(&at, |sp| sp.0)
        .is_ok_and(|k| text[spans[k].0..spans[k].1].ends_with(CAMPUS))
}

/// Whether the name at `at..end` is a campus's, in the district `full`,
/// listed with a campus in another district (`江津双福校区和合川草街校区`);
/// `spans` are the places' (start, end, full name, named as a REGION).
fn campuses_apart(
    text: &str,
    spans: &[(usize, usize, &str, bool)],
    at: usize,
    end: usize,
    full: &str,
) -> bool {
    let campus = |s: usize, e: usize| text[s..e].ends_with(CAMPUS);
    // Listed together: the spans right before and after.
    let k = spans.partition_point(|sp| sp.0 < at);
    let near = &spans[k.saturating_sub(1)..(k + 2).min(spans.len())];
    campus(at, end)
        && near.iter().any(|&(s, e, other, _)| {
            let (x, y) = if s < at { (e, at) } else { (end, s) };
            s != at
                && other != full
                && campus(s, e)
                && x <= y
                && matches!(&text[x..y], "、" | "和" | "及" | "与")
        })
}

/// Words that mark a company's own disclosure (`证券代码`, `本公司`).
const DISCLOSURE_CUES: &str = include_str!("../../data/entity/disclosure_cues.txt");

/// How many words [`DISCLOSURE_CUES`] holds: the first of [`COMPANY_CUES`].
static DISCLOSURE_WORDS: LazyLock<usize> = LazyLock::new(|| words(DISCLOSURE_CUES).count());

/// How far into a text [`is_disclosure`] looks: a disclosure says what it
/// is at its head (`证券代码`, `本公司董事会保证`).
const DISCLOSURE_HEAD_BYTES: usize = 1536;

/// The words of [`DISCLOSURE_CUES`], then words of a company's results or
/// report that government texts use too (`每股收益`, `社会责任报告`), found
/// in one pass (no word of one list overlaps a word of the other).
static COMPANY_CUES: Needles = Needles::list(COMPANY_CUES_DATA);

/// The word list of [`COMPANY_CUES`].
const COMPANY_CUES_DATA: &str = concat!(
    include_str!("../../data/entity/disclosure_cues.txt"),
    include_str!("../../data/entity/company_report_cues.txt")
);

/// Whether `text` opens as a company's own disclosure or report, whose
/// figures belong to no place: [`DISCLOSURE_CUES`] in its head, or a word
/// of a company's report ([`COMPANY_CUES`]) where no marker of a place
/// (`全市`, `全省`, `我县`) of `markers` stands in its lead. The head is
/// searched once for both kinds of word.
fn is_disclosure(text: &str, markers: &[(usize, Marker)]) -> bool {
    let head = &text[..floor_char(text, DISCLOSURE_HEAD_BYTES.min(text.len()))];
    let placed = markers.iter().any(|&(i, m)| {
        i < LEAD_BYTES && matches!(m, Marker::City | Marker::Own | Marker::Province)
    });
    let mut report = false;
    for (_, k) in COMPANY_CUES.find_iter(head) {
        if k < *DISCLOSURE_WORDS {
            return true;
        }
        report = !placed;
    }
    report
}

/// The places that fill a bracket of their own, named as regions (`(定边)`,
/// `(榆林市神木市)`, one after another): the opening bracket and the last
/// place's full name, in text order.
fn bracketed_places<'p>(
    text: &str,
    spans: &[(usize, usize, &'p str, bool)],
) -> Vec<(usize, &'p str)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < spans.len() {
        let (start, _, _, region) = spans[i];
        let mut j = i;
        while j + 1 < spans.len() && spans[j + 1].0 == spans[j].1 && spans[j + 1].3 {
            j += 1;
        }
        let (_, end, name, _) = spans[j];
        if region && text[..start].ends_with('(') && text[end..].starts_with(')') {
            out.push((start - 1, name));
        }
        i = j + 1;
    }
    out
}

/// Whether the place named at `at..end` heads its line before a colon
/// (`西安市:年平均气温15.8℃…;年降水量689.4毫米…`): the line is about it.
fn heads_line(text: &str, at: usize, end: usize) -> bool {
    let line_start = text[..at].trim_end_matches(' ');
    (line_start.is_empty() || line_start.ends_with('\n')) && text[end..].starts_with(':')
}

/// Whether the place named at `at..end` opens a scene: after 在 at the head
/// of its sentence, and before a comma (`在农安县,丰收的喜悦写在农民脸上。`):
/// what follows in its paragraph is set there.
fn opens_scene(text: &str, at: usize, end: usize) -> bool {
    let Some(head) = text[..at].strip_suffix('在') else {
        return false;
    };
    let starts = head
        .chars()
        .next_back()
        .map_or(true, |c| SENTENCE.has(c) || matches!(c, '"' | ' '));
    starts && text[end..].starts_with(',')
}

/// Where the scene a place sets in a news story ends ([`Scene::end`]).
struct Scene<'t> {
    text: &'t str,
    /// Where a place is named or a marker speaks, ascending.
    stops: Vec<usize>,
    /// The last answer: a paragraph's end and its scene's.
    last: Option<(usize, usize)>,
}

impl<'t> Scene<'t> {
    /// The scenes of `text`, whose `places` and `markers` end them.
    fn new(text: &'t str, places: &[(usize, Place, bool)], markers: &[(usize, Marker)]) -> Self {
        let mut stops: Vec<usize> = places.iter().map(|p| p.0).collect();
        stops.extend(markers.iter().map(|m| m.0));
        stops.sort_unstable();
        Scene {
            text,
            stops,
            last: None,
        }
    }

    /// The end of the scene whose paragraph ends at `end` (a line break or
    /// the text's end): the end of the last of the paragraphs right after
    /// it that name no place and hold no marker (a quote, `在古城东门…`).
    /// Several places of one paragraph share the answer, so that each
    /// paragraph is walked once.
    fn end(&mut self, end: usize) -> usize {
        if let Some((e, scene)) = self.last {
            if e == end {
                return scene;
            }
        }
        let (text, len) = (self.text, self.text.len());
        let mut at = end;
        while at < len {
            let from = at + 1;
            let next = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(len, |i| from + i);
            let k = self.stops.partition_point(|&s| s < from);
            if self.stops.get(k).is_some_and(|&s| s < next) || is_heading(&text[from..next]) {
                break;
            }
            at = next;
        }
        self.last = Some((end, at));
        at
    }
}

/// The end of the paragraph of `at`, and in a news story (`scene`) of the
/// paragraphs after it still set there ([`Scene::end`]).
fn paragraph_end(ends: &mut Ends, scene: &mut Option<Scene>, at: usize) -> usize {
    let end = ends.after(Break::Paragraph, at);
    scene.as_mut().map_or(end, |s| s.end(end))
}

/// Where the scope of a place named at `at` ends: its paragraph's end
/// ([`paragraph_end`]) where `whole` (it opens a scene or names a
/// facility), else its sentence's.
fn place_scope_end(ends: &mut Ends, scene: &mut Option<Scene>, at: usize, whole: bool) -> usize {
    if whole {
        paragraph_end(ends, scene, at)
    } else {
        ends.after(Break::Sentence, at)
    }
}

/// The offsets of the [`SENTENCE`] breaks of `text`, ascending: the bytes
/// that may start one (`!`, `?`, `;`, a line break, the first byte of `。`)
/// found by `memchr`, many bytes at a time, then tested (a first byte is
/// never a continuation byte: each one found starts a char).
fn sentence_breaks(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut found: Vec<usize> = memchr::memchr3_iter(b'\n', b';', SENTENCE_WIDE_LEAD, bytes)
        .chain(memchr::memchr2_iter(b'!', b'?', bytes))
        .filter(|&i| SENTENCE.starting_at(bytes, i))
        .collect();
    found.sort_unstable();
    found
}

/// The first byte of the one wide [`SENTENCE`] break, `。`.
const SENTENCE_WIDE_LEAD: u8 = 0xe3;

/// Whether `at` stands in the first sentence of its paragraph: no
/// sentence's end between the paragraph's start and `at` (looked for
/// [`LOCAL_REACH`] bytes back at most, so that a text without breaks stays
/// linear; a longer stretch counts as a first sentence).
fn opens_paragraph(text: &str, at: usize) -> bool {
    let from = floor_char(text, at.saturating_sub(LOCAL_REACH));
    let bytes = &text.as_bytes()[from..at];
    // The break nearest before `at`: a line break opens the paragraph.
    (0..bytes.len())
        .rev()
        .find(|&k| SENTENCE.starting_at(bytes, k))
        .map_or(true, |k| bytes[k] == b'\n')
}

/// Whether the paragraph `para` is a heading (`机场：旅客吞吐量同比增长两成`):
/// not blank, and ends with no sentence's end (`。`, `！`, `？`, a closing
/// quote, width-folded by normalisation), where a new section starts.
fn is_heading(para: &str) -> bool {
    para.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| !(SENTENCE.has(c) || matches!(c, '"' | '…')))
}

/// Whether the place ending at `end` opens a news dateline (`台北28日电`,
/// `北京3月5日电`, `记者王明/台北报导`): the place the story was filed from,
/// not its subject.
fn is_dateline(text: &str, end: usize) -> bool {
    let rest =
        text[end..].trim_start_matches(|c: char| c.is_ascii_digit() || c == '月' || c == '日');
    let dated = rest.len() < text.len() - end;
    (dated && rest.starts_with('电')) || rest.starts_with("报导") || rest.starts_with("报道")
}

/// Words of a news story's lead ([`is_news`]).
static NEWS_CUES: Needles = Needles::list(include_str!("../../data/entity/news_cues.txt"));

/// Whether `text` is a news story: its lead holds a reporter's byline or a
/// paper's own news (`记者`, `本报讯`), or a dateline, whose place
/// `dateline` tells.
fn is_news(text: &str, dateline: bool) -> bool {
    let lead = &text[..floor_char(text, LEAD_BYTES.min(text.len()))];
    dateline || NEWS_CUES.find_iter(lead).next().is_some()
}

/// The region of national figures.
const NATION: &str = "中国";
/// The province codes of Taiwan, Hong Kong and Macau: a report set there
/// speaks of the whole where it names no narrower place.
const SPEAKS_AS_WHOLE: [u32; 3] = [TAIWAN, HONG_KONG, MACAU];
/// Taiwan's province code: its reports say `全国` of Taiwan-wide figures.
pub(crate) const TAIWAN: u32 = 71;
/// The province-level code of Hong Kong.
pub(crate) const HONG_KONG: u32 = 81;
/// The province code of Macau.
pub(crate) const MACAU: u32 = 82;

impl Resolver {
    /// Reads the regions of `norm` (from its REGION, SCHOOL and ORG
    /// entities, its `markers` and the gazetteer). `main` is the province
    /// most of its REGION entities are in (computed once, with them);
    /// `fallback` is the region where the text names none.
    ///
    /// The text's own region is the first district or `我市`/`我区`/`全省`
    /// it speaks as; failing those, the country where it speaks of `全国`;
    /// failing that, the first city, then the first province it names. A
    /// place below the text's own level claims the figures after it (to the
    /// end of the paragraph for a district in a city's text, to the end of
    /// the sentence otherwise); a marker above it claims its clause, unless
    /// it only frames the figure (`占全市的30%`, `高于全国`).
    pub fn new(
        norm: &Normalized,
        entities: &[Draft],
        main: Option<u32>,
        markers: &[(usize, Marker)],
        gaz: &Gazetteer,
        fallback: Option<&str>,
    ) -> Resolver {
        let text = norm.text.as_str();
        // `本澳失业率…`, `全港…` with no place named: set in Macau or Hong Kong.
        let main = main.or_else(|| {
            markers
                .iter()
                .filter(|&&(_, m)| m == Marker::Province)
                .find_map(|&(i, _)| whole_of(text, i).filter(|&p| p != TAIWAN))
        });
        // Places, with whether a REGION entity names them (not a prefix of
        // a school or organisation: `长沙银行` says nothing of the figures).
        // Room for every entity that may name a place, so that the lists
        // of places never grow.
        let room = entities
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Region | EntityKind::School | EntityKind::Org | EntityKind::Work
                )
            })
            .count();
        let mut places: Vec<(usize, Place, bool)> = Vec::with_capacity(room);
        // Places that open a list (`成都、重庆游客…`): where visitors come
        // from, not what the clause is about. Ascending, as the entities are.
        let mut listed: Vec<usize> = Vec::new();
        // Those of them named as places (not a school's or body's name in a
        // list of schools): a list of places speaks of them together.
        let mut listed_places: Vec<usize> = Vec::new();
        // Places that start the name of a body with a jurisdiction (`长沙中院`,
        // `长沙知识产权法庭`, `长沙市教育局`) or of a transport facility
        // (`长沙黄花国际机场`): its figures are its place's, as a region's
        // are. A company's (`长沙银行`) say nothing of the place. Ascending.
        let mut bodies: Vec<usize> = Vec::new();
        // Those of them that are transport facilities (`昆明长水国际机场`):
        // their paragraph tells of them. Ascending.
        let mut facilities: Vec<usize> = Vec::new();
        // Region names repeat: each is resolved once (room for them all, so
        // that the table never grows).
        let mut seen: HashMap<&str, Option<Place>, FastHash> =
            HashMap::with_capacity_and_hasher(room, FastHash::default());
        // Where each place stands (start, end, name, named as a REGION), for
        // lists a `分别` spreads.
        let mut spans: Vec<(usize, usize, &str, bool)> = Vec::with_capacity(room);
        // Whether a place in the lead is a news dateline's.
        let mut dateline = false;
        for e in entities {
            let name = e.normalized.as_str();
            let org = e.kind == EntityKind::Org;
            let ends = |words: &[&str]| words.iter().any(|w| name.ends_with(w));
            let jurisdiction = org && ends(&JURISDICTION_ENDS);
            let facility = org && ends(&FACILITY_ENDS);
            let place = match e.kind {
                EntityKind::Region => *seen.entry(name).or_insert_with(|| gaz.resolve(name, main)),
                EntityKind::School => gaz.place_of_name(name).and_then(|p| gaz.resolve(p, main)),
                // A company's trade name may be a county's short name
                // (`新源棉业有限公司` in 麦盖提县): only a body with a
                // jurisdiction, or a full county name, places it there.
                EntityKind::Org => gaz.place_of_name(name).and_then(|p| {
                    let place = gaz.resolve(p, main)?;
                    (jurisdiction || !place.is_district() || p == place.full).then_some(place)
                }),
                // The report a text is taken from (`摘自《西安市雁塔区…政府工作
                // 报告》`), in its lead.
                EntityKind::Work if e.start < LEAD_BYTES => {
                    gaz.place_of_name(name).and_then(|p| gaz.resolve(p, main))
                }
                _ => None,
            };
            let dated = place.is_some() && is_dateline(text, e.end);
            dateline |= dated && e.start < LEAD_BYTES;
            if let Some(p) = place.filter(|_| !dated) {
                if jurisdiction || facility {
                    bodies.push(e.start);
                }
                if facility {
                    facilities.push(e.start);
                }
                places.push((e.start, p, e.kind == EntityKind::Region));
                spans.push((e.start, e.end, p.full, e.kind == EntityKind::Region));
                // The last of the list too (`济南、青岛、烟台三个片区`), and
                // one before 等 (`威海、潍坊、滨州等港口合计`).
                let last_of_list =
                    spans.len() >= 2 && listed_together(text, spans[spans.len() - 2].1, e.start);
                if text[e.end..].starts_with(['、', '等']) || last_of_list {
                    listed.push(e.start);
                    if e.kind == EntityKind::Region {
                        listed_places.push(e.start);
                    }
                }
            }
        }
        debug_assert!(listed.windows(2).all(|w| w[0] < w[1]));
        // A company's own disclosure speaks of the company, not of the
        // places of its plants and branches: only `全国`, `全省`… place it.
        let disclosure = is_disclosure(text, markers);
        if disclosure {
            places.clear();
        }
        let home = |p: &Place| main.is_some_and(|m| m == p.province);
        let top_district = most_named(
            places
                .iter()
                .filter(|(at, p, _)| p.is_district() && home(p) && !is_campus(text, &spans, *at))
                .map(|(_, p, _)| p.full),
        );
        let city = city_name(gaz, &places, main);
        let province = main.and_then(|m| gaz.province_name(m)).map(str::to_owned);
        let nation = if main == Some(TAIWAN) {
            province.clone()
        } else {
            Some(NATION.to_owned())
        };
        // At most one for each place and marker.
        let mut events: Vec<(usize, Event)> = Vec::with_capacity(places.len() + markers.len());
        // Places that open a scene (`在农安县,…`): their paragraph is theirs.
        let mut scenes: Vec<usize> = Vec::new();
        // Each place has its span (pushed together; a disclosure clears the
        // places, and then this names none).
        for ((at, p, region), &(_, end, _, _)) in places.iter().zip(&spans) {
            // Where people come from; a brand in quotes (`"君山银针"`); a
            // campus listed with a campus elsewhere (`江津双福校区和合川草街
            // 校区`: the school's figures are neither district's).
            if is_origin(text, *at, p.full)
                || opens_quoted_name(text, *at, end)
                || campuses_apart(text, &spans, *at, end, p.full)
            {
                continue;
            }
            if opens_scene(text, *at, end) || heads_line(text, *at, end) {
                scenes.push(*at);
            }
            let ev = match p.level {
                _ if p.is_district() && home(p) => Event::District(p.full),
                // Hong Kong's three areas (九龍, 新界, 香港島) are no
                // divisions: their figures are Hong Kong's, or a district's.
                Level::Prefecture if p.province == HONG_KONG => continue,
                Level::Prefecture
                    if home(p)
                        && (*region
                            || (bodies.binary_search(at).is_ok() && opens_clause(text, *at))) =>
                {
                    Event::Prefecture(p.full)
                }
                Level::Province if *region => Event::Province(p.full),
                // Not where visitors come from (`深圳市旅客500萬人次` counts
                // visitors to 香港).
                _ if *region
                    && p.province != 0
                    && !home(p)
                    && opens_clause(text, *at)
                    && listed.binary_search(at).is_err() =>
                {
                    Event::Elsewhere(p.full)
                }
                _ => continue,
            };
            events.push((*at, ev));
        }
        // An autonomous region's own report (`宁夏回族自治区水资源公报`) says
        // `我区`, `全区` of the whole region: it names the region, and none
        // of its districts, before it first says so.
        let own_district = |i: usize| text[i..].chars().nth(1) == Some('区');
        let first_own = markers
            .iter()
            .find(|&&(i, m)| m == Marker::Own && own_district(i))
            .map_or(0, |m| m.0);
        let before_own = |want: fn(&Place) -> bool| {
            places
                .iter()
                .any(|(at, p, _)| *at < first_own && home(p) && want(p))
        };
        let region_speaks = province.as_deref().is_some_and(|p| p.ends_with("自治区"))
            && before_own(|p| p.level == Level::Province)
            && !before_own(|p| p.is_district());
        for &(i, m) in markers {
            match m {
                Marker::City => events.push((i, Event::City)),
                Marker::Own if region_speaks && own_district(i) => {
                    events.push((i, Event::OwnProvince))
                }
                Marker::Own => events.push((i, Event::Own)),
                // `全港` of a port, `全台` of a platform: the whole of Hong
                // Kong, Macau or Taiwan only in a text set there.
                Marker::Province if whole_of(text, i).is_some_and(|p| main != Some(p)) => {}
                Marker::Province => events.push((i, Event::OwnProvince)),
                Marker::Nation => events.push((i, Event::Nation)),
                Marker::DistrictCount => {}
            }
        }
        events.sort_by_key(|e| e.0);
        // A district, city or province the text is about stands in its lead or is
        // named again; one named in passing (a company's plant) is not.
        // Mentions inside names (`宜昌市财政局`) count here too.
        let mut mentions: HashMap<&str, usize, FastHash> =
            HashMap::with_capacity_and_hasher(places.len(), FastHash::default());
        for (_, p, _) in &places {
            *mentions.entry(p.full).or_default() += 1;
        }
        let about = |at: usize, name: &str| at < LEAD_BYTES || mentions.get(name) > Some(&1);
        let top_district_mentions = places
            .iter()
            .filter(|(_, p, _)| p.is_district() && home(p))
            .filter_map(|(_, p, _)| mentions.get(p.full))
            .max()
            .copied()
            .unwrap_or(0);
        let city_first = |p: &str| {
            let n = mentions.get(p).copied().unwrap_or(0);
            n > 1 && n > top_district_mentions
        };
        // The province named before a city, and its `全省` in the lead
        // (`辽宁外贸…大连"压舱石"`, then `全省货物贸易…`): a province's text,
        // not the city's (`江苏首个零碳产业园在盐城投用` is the city's).
        let province_lead = markers
            .iter()
            .any(|&(i, m)| i < LEAD_BYTES && m == Marker::Province && !compares(text, i));
        // So does a headline that names the province and none of its cities
        // or districts (`湖北省第十七届运动会…综述`, then `在孝感市体育中心
        // 落下帷幕`: the host city is no subject of the province's games).
        let headline = text.find('\n').unwrap_or(text.len());
        let headline_names = |want: fn(&Event) -> bool| {
            events
                .iter()
                .take_while(|e| e.0 < headline)
                .any(|e| want(&e.1))
        };
        let headline_province = headline_names(|e| matches!(e, Event::Province(_)))
            && !headline_names(|e| matches!(e, Event::Prefecture(_) | Event::District(_)));
        let province_before = |at: usize| {
            (province_lead || headline_province)
                && events
                    .iter()
                    .take_while(|e| e.0 < at)
                    .any(|e| matches!(e.1, Event::Province(_)))
        };
        // Also inside a body's name: `宜蘭縣政府…全縣`.
        let city_county = || {
            places.iter().find_map(|&(at, ref p, _)| {
                (p.level == Level::Prefecture && p.full.ends_with('县') && about(at, p.full))
                    .then_some(p.full)
            })
        };
        // Hong Kong's, Macau's and Taiwan's reports speak of the whole; a
        // district is their subject only where the headline or lead names it.
        let whole_first = main.is_some_and(|m| SPEAKS_AS_WHOLE.contains(&m));
        // The city of two districts of it named in the sentence of `at`
        // (`岳麓校区(位于长沙市岳麓区)和望城校区(位于长沙市望城区)`): a
        // subject that spans them is the city's, unless the text speaks as
        // a district (`全区`, `我县`).
        // The places named in `start..end` (`places` is in text order).
        let places_in = |start: usize, end: usize| {
            let first = places.partition_point(|p| p.0 < start);
            let n = places[first..].partition_point(|p| p.0 < end);
            &places[first..first + n]
        };
        let own_voice = markers.iter().any(|&(_, m)| m == Marker::Own);
        let spanned_city = |at: usize, d: &str| {
            if own_voice {
                return None;
            }
            let from = floor_char(text, at.saturating_sub(LOCAL_REACH));
            let to = floor_char(text, (at + LOCAL_REACH).min(text.len()));
            let start = text[from..at]
                .rfind(['。', '\n'])
                .map_or(from, |i| from + i);
            let end = text[at..to].find(['。', '\n']).map_or(to, |i| at + i);
            let in_sentence = || places_in(start, end).iter();
            let (at_d, place) = in_sentence()
                .find(|(_, p, _)| p.full == d)
                .map(|(a, p, _)| (*a, p))?;
            let this = place.code / 100;
            // Named together, with no figure of either between them (not
            // `岳麓区新建学校5所,雨花区新建学校7所`).
            in_sentence()
                .any(|&(a, ref p, region)| {
                    let (x, y) = (a.min(at_d), a.max(at_d));
                    region
                        && p.is_district()
                        && p.full != d
                        && p.code / 100 == this
                        && !text[x..y].bytes().any(|b| b.is_ascii_digit())
                })
                .then(|| gaz.by_code(this * 100).map(|c| c.full.to_string()))
                .flatten()
        };
        // A city's body whose report the headline names (`宜昌市某医院集团
        // 2023年度工作报告`): a district named after the lead is a place of
        // the city's text (its campus, a county it serves), not its voice.
        let headline_city = places
            .iter()
            .take_while(|p| p.0 < headline)
            .any(|&(_, ref p, region)| !region && p.level == Level::Prefecture && home(p));
        let spoken = events.iter().find_map(|&(at, ref ev)| {
            let s = match ev {
                // A campus's district (合川草街校区) says where the campus
                // is, not what the text speaks as.
                Event::District(d)
                    if about(at, d)
                        && (!(whole_first || headline_city) || at < LEAD_BYTES)
                        && !is_campus(text, &spans, at) =>
                {
                    Some(match spanned_city(at, d) {
                        Some(c) => (Some(c), Height::City),
                        None => (Some(d.to_string()), Height::District),
                    })
                }
                // A city named alone in the headline or lead, before any of its
                // districts, and named again more often than any district
                // (`广州"海空双港"成绩单`… 广州港…): the text speaks as the city, not
                // as a dateline's (`新华社杭州电`) or a meeting's place.
                Event::Prefecture(p)
                    if at < LEAD_BYTES && city_first(p) && !province_before(at) =>
                {
                    Some((Some(p.to_string()), Height::City))
                }
                // A yardstick (`占全省耕地面积的近一半`, `居全市第一`) says
                // nothing of what the text speaks as.
                Event::City | Event::Own | Event::OwnProvince if compares(text, at) => None,
                Event::City => Some((city.clone(), Height::City)),
                Event::Own if top_district.is_some() => {
                    Some((top_district.clone(), Height::District))
                }
                // `全县` where no county of the home province is named: a
                // county that stands at city level (Taiwan's 宜蘭縣) named in the
                // lead or again.
                Event::Own => city_county().map(|c| (Some(c.to_string()), Height::City)),
                Event::OwnProvince => Some((province.clone(), Height::Province)),
                _ => None,
            };
            s.map(|s| (at, s))
        });
        // A text that speaks of the country (`,全国新建…`, `我国累计…`)
        // before it speaks as a province or a city (a provincial speaker's
        // `全省` later in a national press conference) is national.
        let national_at = events
            .iter()
            .find(|&&(at, ref ev)| {
                matches!(ev, Event::Nation) && !compares(text, at) && opens_clause(text, at)
            })
            .map(|e| e.0);
        // Not where the headline names a place (`湖南省…统计公报`, then
        // `我国经济回升向好,全省上下…`): the text speaks as that place.
        let placed = places.iter().any(|&(at, _, _)| at < headline);
        let spoken = match (spoken, national_at) {
            (Some((at, _)), Some(n)) if n < at && !placed => None,
            (s, _) => s.map(|s| s.1),
        };
        // `全国` as a yardstick (`位居全国第5`, `高于全国`) says nothing of
        // what the text speaks as; `在全国范围内`, `为全国培养` do.
        let national = events
            .iter()
            .any(|&(at, ref ev)| matches!(ev, Event::Nation) && !compares(text, at))
            .then(|| (nation.clone(), Height::Nation));
        // In Hong Kong, Macau and Taiwan a city or area is what the text
        // speaks as only where its headline or lead names it.
        let about_named =
            |at: usize, name: &str| about(at, name) && (!whole_first || at < LEAD_BYTES);
        let named = || {
            events.iter().find_map(|&(at, ref ev)| match ev {
                Event::Prefecture(p) if about_named(at, p) => {
                    Some((Some(p.to_string()), Height::City))
                }
                // A Hong Kong, Macau or Taiwan text speaks as its own whole,
                // not as the places its visitors or trade come from.
                Event::Province(p)
                    if about(at, p) && (!whole_first || province.as_deref() == Some(*p)) =>
                {
                    Some((Some(p.to_string()), Height::Province))
                }
                _ => None,
            })
        };
        // Taiwan, Hong Kong and Macau stand at province level and their
        // reports speak of the whole by default (`上市柜公司营收年增3%`),
        // but a company's own disclosure speaks of the company.
        let whole = || {
            main.filter(|m| SPEAKS_AS_WHOLE.contains(m) && !disclosure)
                .map(|_| (province.clone(), Height::Province))
        };
        // A place that starts a body's name in the lead (`晋中市中级人民法院…`,
        // `商水县民政局…`), where nothing else says what the text is about.
        let in_name_before = |limit: usize| {
            places.iter().find_map(|&(at, ref p, region)| {
                let level = if p.is_district() {
                    Height::District
                } else if p.level == Level::Prefecture {
                    Height::City
                } else if p.level == Level::Province {
                    // `湖南省统计局关于…统计公报`.
                    Height::Province
                } else {
                    return None;
                };
                (!region && at < limit && home(p)).then(|| (Some(p.full.to_string()), level))
            })
        };
        let in_name = || in_name_before(LEAD_BYTES);
        // The body whose report the headline names (`郑州某医院2024年度工作
        // 报告`) speaks as its place, before the country or places named
        // later for an assessment, a rank or an award (`国家三级公立医院绩效
        // 考核`, `河南省第2名`).
        let in_headline = || in_name_before(headline);
        // A company's results speak of the company: a marker places only
        // its own clause (`山东全省…`).
        let spoken = spoken.filter(|_| !disclosure);
        let national = national.filter(|_| !disclosure);
        // A text across provinces (a pipeline from 江西 through 湖南 to 广西)
        // that speaks as no place (no `全县`, `全市`, `全省` but after a
        // place named in its paragraph: a county official's `全县` speaks
        // for the county named there): national, not the place of its
        // opening scene.
        let mut per_province: HashMap<u32, usize, FastHash> =
            HashMap::with_capacity_and_hasher(places.len(), FastHash::default());
        for (_, p, region) in &places {
            if *region && p.province != 0 && !SPEAKS_AS_WHOLE.contains(&p.province) {
                *per_province.entry(p.province).or_default() += 1;
            }
        }
        let total: usize = per_province.values().sum();
        let top = per_province.values().copied().max().unwrap_or(0);
        // The place named last before `at` in its paragraph (within
        // LOCAL_REACH bytes), alone or in a body's name (`平江县水利局`): a
        // `全市`, `全县` after it speaks for it.
        let local_place = |at: usize| {
            let from = floor_char(text, at.saturating_sub(LOCAL_REACH));
            let para =
                memchr::memrchr(b'\n', &text.as_bytes()[from..at]).map_or(from, |i| from + i);
            places_in(para, at)
                .iter()
                .rev()
                .find(|(_, p, _)| p.province != 0)
                .map(|(_, p, _)| p)
        };
        let speaks = markers.iter().any(|&(at, m)| {
            matches!(m, Marker::City | Marker::Own | Marker::Province) && local_place(at).is_none()
        });
        let across = (per_province.len() >= 3 && top * 2 < total && !speaks && !disclosure)
            .then(|| (nation.clone(), Height::Nation));
        let (default, height) = across
            .or(spoken)
            .or_else(in_headline)
            .or(national)
            .or_else(named)
            .or_else(in_name)
            .or_else(whole)
            .unwrap_or((None, Height::District));
        let default = default.or_else(|| fallback.map(str::to_owned));
        let mut r = Resolver {
            default,
            scopes: Vec::new(),
            counts: Vec::new(),
            names: Vec::new(),
            respective: Vec::new(),
            bracketed: Vec::new(),
        };
        if !disclosure {
            for (open, name) in bracketed_places(text, &spans) {
                let idx = r.name_index(name);
                r.bracketed.push((open, idx));
            }
            for l in respective::lists(text, &spans) {
                let names = l.places.iter().map(|n| r.name_index(n)).collect();
                r.respective.push((l.at, l.end, names));
            }
        }
        let mut ends = Ends::new(text);
        // In a news story, the paragraphs after a scene's that name no place
        // and speak as none are still set there.
        let mut scene = is_news(text, dateline).then(|| Scene::new(text, &places, markers));
        let city_doc = r.default.is_some() && r.default == city && height == Height::City;
        let district_doc = height == Height::District;
        let county_city = district_doc && r.default.as_deref().is_some_and(|d| d.ends_with('市'));
        // A district named earlier in the sentence of `at` (`堆龙德庆区…,
        // 全区新增…` is the district's 全区).
        // The sentence breaks are found once, on first need, and the events
        // (ascending) searched by position: a text of many `全区` and no
        // break stays linear.
        let breaks: std::cell::OnceCell<Vec<usize>> = std::cell::OnceCell::new();
        let district_before = |at: usize| {
            let breaks = breaks.get_or_init(|| sentence_breaks(text));
            let k = breaks.partition_point(|&b| b < at);
            let from = k.checked_sub(1).map_or(0, |k| breaks[k]);
            let first = events.partition_point(|e| e.0 < from);
            events[first..]
                .iter()
                .take_while(|e| e.0 < at)
                .any(|e| matches!(e.1, Event::District(_)))
        };
        let in_list = |at: usize| listed_places.binary_search(&at).is_ok();
        // The province named last: a national text's `全省` is its (a
        // provincial speaker's `黑龙江是…,全省建成…`).
        let mut last_province: Option<&str> = None;
        for (at, ev) in &events {
            let at = *at;
            if let Event::Province(p) = ev {
                last_province = Some(p);
            }
            match ev {
                // A district that opens its paragraph (its first sentence)
                // claims the paragraph; one named further on (`位于禅城区的
                // 鸿图实验学校…`, after the city's own figures) its sentence.
                // Named again inside its own stretch, it keeps the stretch.
                Event::District(d) if city_doc && !in_list(at) => {
                    let claimed = r
                        .scopes
                        .last()
                        .is_some_and(|&(_, end, k)| at < end && r.names[k] == *d);
                    if opens_paragraph(text, at) {
                        r.push_scope(at, paragraph_end(&mut ends, &mut scene, at), d);
                    } else if !claimed {
                        r.push_scope(at, ends.after(Break::Sentence, at), d);
                    }
                }
                // A list of places (`济南、青岛、烟台三个片区`) speaks of them
                // together: its figures stay the text's.
                Event::District(d) | Event::Prefecture(d)
                    if height < Height::City && !in_list(at) =>
                {
                    let whole =
                        scenes.binary_search(&at).is_ok() || facilities.binary_search(&at).is_ok();
                    r.push_scope(at, place_scope_end(&mut ends, &mut scene, at, whole), d);
                }
                // Another city of the province, or a place of another, that
                // opens its clause claims its sentence (`广州…`, in a
                // text about 深圳).
                Event::Prefecture(p)
                    if r.default.as_deref() != Some(*p)
                        && opens_clause(text, at)
                        && listed.binary_search(&at).is_err() =>
                {
                    let whole = scenes.binary_search(&at).is_ok();
                    r.push_scope(at, place_scope_end(&mut ends, &mut scene, at, whole), p);
                }
                Event::Elsewhere(p) => {
                    r.push_scope(at, ends.after(Break::Sentence, at), p);
                }
                Event::Province(p) if height == Height::Nation => {
                    r.push_scope(at, ends.after(Break::Sentence, at), p);
                }
                // The text's city, or its province, that opens a clause
                // takes its sentence back from a district named before
                // (`其中,塔县接待游客…。同期新疆维吾尔自治区接待游客…`), named in
                // full (`喀什古城` may be the county-level city's).
                Event::Prefecture(p) | Event::Province(p)
                    if city_doc
                        && text[at..].starts_with(p)
                        && opens_clause(text, at)
                        && !in_list(at) =>
                {
                    r.push_scope(at, ends.after(Break::Sentence, at), p);
                }
                // A yardstick (`排名全省第一`, `占全国的10.7%`) leaves the
                // place named before it its figures, except its own level
                // (`略高于全港的73%`, `高于全国平均的18%`).
                Event::City | Event::OwnProvince | Event::Nation if compares(text, at) => {
                    let whole = match ev {
                        Event::City => city.as_deref(),
                        Event::OwnProvince => province.as_deref(),
                        _ => nation.as_deref(),
                    };
                    if let Some(end) = own_level(text, at) {
                        if let Some(w) = whole {
                            r.push_scope(at, end, w);
                        }
                    }
                }
                Event::City if city_doc => {
                    if let Some(c) = &city {
                        r.push_scope(at, ends.after(Break::Paragraph, at), c);
                    }
                }
                // A county-level city's own report (义乌市) says 全市 of itself.
                Event::City if district_doc && county_city => {}
                Event::City if district_doc && !frames(text, at) => {
                    if let Some(c) = &city {
                        r.push_scope(at, ends.after(Break::Clause, at), c);
                    }
                }
                Event::OwnProvince if height == Height::Province => {
                    if let Some(p) = &province {
                        r.push_scope(at, ends.after(Break::Paragraph, at), p);
                    }
                }
                // `我县`, `全县` in a county's text take back the sentence
                // from a place named before (`杭州市帮扶资金到位后,我县新建…`).
                Event::Own if district_doc && !compares(text, at) => {
                    if let Some(d) = r.default.clone() {
                        r.push_scope(at, ends.after(Break::Sentence, at), &d);
                    }
                }
                // In a city's text of an autonomous region, 全区 is the
                // region (`同期全区接待游客…` in 日喀则).
                Event::Own
                    if height <= Height::City
                        && !district_doc
                        && own_district(at)
                        && !compares(text, at)
                        && !district_before(at)
                        && province.as_deref().is_some_and(|p| p.ends_with("自治区")) =>
                {
                    if let Some(p) = &province {
                        r.push_scope(at, ends.after(Break::Clause, at), p);
                    }
                }
                // In a national text, `全市`, `全县` after a city or county
                // named in their paragraph speak for it (`仁怀市是白酒主产区,
                // 全市白酒企业…`).
                Event::City | Event::Own if height == Height::Nation => {
                    let place = local_place(at)
                        .filter(|p| matches!(p.level, Level::Prefecture | Level::County));
                    if let Some(p) = place {
                        r.push_scope(at, ends.after(Break::Paragraph, at), p.full);
                    }
                }
                Event::OwnProvince if height == Height::Nation => {
                    if let Some(p) = last_province {
                        r.push_scope(at, ends.after(Break::Paragraph, at), p);
                    }
                }
                Event::OwnProvince if height > Height::Province && !frames(text, at) => {
                    if let Some(p) = &province {
                        r.push_scope(at, ends.after(Break::Clause, at), p);
                    }
                }
                Event::Nation if height == Height::Nation => {
                    if let Some(n) = &nation {
                        r.push_scope(at, ends.after(Break::Paragraph, at), n);
                    }
                }
                Event::Nation if !district_doc && opens_clause(text, at) && !frames(text, at) => {
                    if let Some(n) = &nation {
                        r.push_scope(at, ends.after(Break::Clause, at), n);
                    }
                }
                _ => {}
            }
        }
        // A province's text counts its counties (`87个县（市、区）`) itself.
        let owner = if height == Height::Province {
            r.default.clone()
        } else {
            city
        };
        if let Some(c) = &owner {
            r.district_counts(text, markers, c);
        }
        r
    }

    /// Counts of districts (`11个区`, `4个区县`) belong to the city, or to
    /// the province whose text counts them.
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

    /// The regions a `分别` gives the figures starting at `starts` (normalised
    /// offsets, ascending), one by one in order, where its clause holds as
    /// many figures as its list names places (`烟台市、日照市进出口分别增长
    /// 6.5%和9.8%`); `None` elsewhere.
    pub fn respective(&self, starts: &[usize]) -> Vec<Option<&str>> {
        let mut out = vec![None; starts.len()];
        for (at, end, names) in &self.respective {
            let first = starts.partition_point(|&s| s < *at);
            let n = starts[first..].partition_point(|&s| s < *end);
            if n == names.len() {
                for (k, &name) in names.iter().enumerate() {
                    out[first + k] = Some(self.names[name].as_str());
                }
            }
        }
        out
    }

    /// The place a bracket of its own right after a figure ending at
    /// normalised offset `end` names (`8.6℃(定边)`, `312.4毫米(榆林市神木市)`):
    /// the figure's, before any scope.
    pub fn placed_after(&self, end: usize) -> Option<&str> {
        let k = self.bracketed.binary_search_by_key(&end, |b| b.0).ok()?;
        Some(self.names[self.bracketed[k].1].as_str())
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

/// Chars before `全市`/`全省`/`全国` that make the wider region a frame of
/// reference for a narrower region's own figure (`在全市…大赛中获奖12项`,
/// `名列全市第一`, `占全市的30%`, `高于全国`, `比全省`), not the subject of
/// the figure.
const FRAME_BEFORE: &[char] = &[
    '在', '于', '居', '列', '占', '获', '比', '较', '与', '同', '为',
];

/// The province that the marker at `at` names the whole of when it is not
/// `全省`'s kind: `全港`/`本港` Hong Kong, `全澳`/`本澳` Macau, `全台` Taiwan.
pub(crate) fn whole_of(text: &str, at: usize) -> Option<u32> {
    let word = text.get(at..at + "全港".len())?;
    match word.chars().nth(1)? {
        '港' => Some(HONG_KONG),
        '澳' => Some(MACAU),
        '台' => Some(TAIWAN),
        _ => None,
    }
}

/// Words right before a marker that make it the yardstick of a ranking or
/// a comparison (`位居全国第5`, `占全国的`, `高于全国`, `比全国`, `建成全疆
/// 重要的…基地`).
const COMPARE_BEFORE: &str = "居\n列\n占\n比\n较\n高于\n低于\n快于\n慢于\n排名\n领跑\n领先\n高出\n\
    建成\n成为\n打造\n创建\n优于\n好于\n差于\n劣于\n超过\n超出\n不及\n达到";

/// The words of [`COMPARE_BEFORE`], looked for where they end (most
/// markers fail a bit test).
static COMPARING: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(COMPARE_BEFORE));

/// Whether the marker at `at` is a yardstick, not a scope (`在全国范围内`,
/// `为全国培养`).
fn compares(text: &str, at: usize) -> bool {
    COMPARING.ends_at(text, at)
}

/// Where the figure of its own level ends, if the two-char marker at `at`,
/// after a word of comparison, is followed by one (`高于全国平均的18%`,
/// `略高于全港的73%`), not by the gap (`高于全国0.4个百分点`).
fn own_level(text: &str, at: usize) -> Option<usize> {
    let compared = ["高于", "低于", "快于", "慢于", "比", "较"]
        .iter()
        .any(|w| text[..at].ends_with(w));
    let rest = &text[at + "全国".len()..];
    let rest = rest
        .strip_prefix("平均水平")
        .or_else(|| rest.strip_prefix("平均"))
        .unwrap_or(rest);
    // The figure right after 的 (`全国的66.2%`), not a noun (`全国的平均水平
    // 高出0.3个百分点`, a gap); it alone (`…的66.2%低10个百分点`). Or the
    // figure in brackets after it (`高于全国(5.2%)0.7个百分点`).
    let (figure, bracketed) = match rest.strip_prefix('(') {
        Some(f) => (f, true),
        None => (rest.strip_prefix('的')?, false),
    };
    let len = figure
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'%'))
        .count();
    let closed = !bracketed || figure[len..].starts_with(')');
    (compared && len > 0 && closed).then(|| text.len() - figure.len() + len)
}

/// Whether the marker at `at` only frames a narrower region's figure.
fn frames(text: &str, at: usize) -> bool {
    char_before(text, at).is_some_and(|c| FRAME_BEFORE.contains(&c))
}

/// Whether the marker at `at` opens its clause (`,全国居民…`), where it is
/// the subject of what follows and not a word of a name (`全国文明校园`).
fn opens_clause(text: &str, at: usize) -> bool {
    // A time frame may stand first (`2024年全国…`, `今年以来全国…`,
    // `全年全省…`).
    let before = &text[..at];
    let before = before.strip_suffix("以来").unwrap_or(before);
    let before = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '年');
    let before = before.strip_suffix("同期").unwrap_or(before);
    let before = before
        .strip_suffix(['今', '去', '当', '同', '明', '全'])
        .unwrap_or(before);
    // `其中长沙中院…`: among them, the place is the clause's subject; so is
    // the place of what the clause is about (`位于东莞的空港中心处理…`).
    let before = before.strip_suffix("其中").unwrap_or(before);
    let before = before.strip_suffix("位于").unwrap_or(before);
    before
        .chars()
        .next_back()
        .map_or(true, |c| SCOPE.has(c) || c == ':' || c == '(')
}

/// The city of `我市`: the prefecture most named in the home province, else
/// the home province (a municipality such as 重庆市).
fn city_name(
    gaz: &Gazetteer,
    places: &[(usize, Place, bool)],
    main: Option<u32>,
) -> Option<String> {
    let main = main?;
    let cities = places
        .iter()
        .filter(|(_, p, _)| p.province == main && p.is_city() && p.level != Level::Province)
        .map(|(_, p, _)| p.full);
    most_named(cities).or_else(|| gaz.province_name(main).map(str::to_owned))
}

/// The name that stands most often among `names`, in text order (ties: the
/// one named first).
fn most_named<'a>(names: impl Iterator<Item = &'a str>) -> Option<String> {
    top_first(names).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{entity, Options};

    fn resolver(text: &str) -> (Resolver, String) {
        let t = entity::Tables::new(&Options::default()).unwrap();
        let n = Normalized::new(text);
        let e = entity::extract(&n, &t, None);
        let gaz = Gazetteer::shared().unwrap();
        let r = Resolver::new(&n, &e.entities, e.main_province, &e.markers, gaz, None);
        (r, n.text.clone())
    }

    #[test]
    fn sentence_breaks_are_every_break_char_by_char() {
        // The bytes looked for are every byte a break may start with.
        for b in 0..=255u8 {
            let sought = matches!(b, b'\n' | b';' | b'!' | b'?' | SENTENCE_WIDE_LEAD);
            assert_eq!(SENTENCE.may_start(b), sought, "{b:#x}");
        }
        let text = "一是。二;三!四?\n五、《六》〇,七。。\n";
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(_, c)| SENTENCE.has(c))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(want.len(), 8);
        assert_eq!(sentence_breaks(text), want);
    }

    #[test]
    fn yardsticks_are_the_words_before_a_marker() {
        for w in words(COMPARE_BEFORE) {
            let t = format!("位{w}全国");
            assert!(compares(&t, t.find("全国").unwrap()), "{w}");
        }
        assert_eq!(words(COMPARE_BEFORE).count(), 25);
        assert!(!compares("在全国", "在".len()));
        assert!(!compares("全国", 0));
    }

    #[test]
    fn a_news_scene_carries_over_paragraphs_that_name_no_place() {
        let source =
            "喀什地区秋日见闻\n本报喀什10月16日电(记者 李明)麦盖提县的棉田里,采棉机来回穿梭。\n\
                    \u{201c}今年我家种了两千余亩棉花。\u{201d}\n\
                    农机:全年新增采棉机300台\n放眼整个喀什地区,棉花种植面积800万亩。\n";
        let (r, text) = resolver(source);
        assert_eq!(r.default_region(), Some("喀什地区"));
        // A quote after the scene is still set there.
        assert_eq!(r.region_at(text.find("两千").unwrap()), Some("麦盖提县"));
        // A heading starts a new section.
        assert_eq!(r.region_at(text.find("300台").unwrap()), Some("喀什地区"));
        // Not in a text that is no news story.
        let (r, text) = resolver(&source.replace("本报喀什10月16日电(记者 李明)", "10月16日,"));
        assert_eq!(r.default_region(), Some("喀什地区"));
        assert_eq!(r.region_at(text.find("两千").unwrap()), Some("喀什地区"));
    }

    #[test]
    fn a_scene_opened_by_zai_and_a_brand_in_quotes() {
        // A province's text: 在农安县, sets its paragraph there.
        let (r, text) = resolver(
            "吉林省粮食产量853.7亿斤。全省增产16亿斤。\n\
             在农安县,丰收的喜悦写在农民脸上。合作社托管的1.2万亩玉米丰收。\n\
             全省粮食播种面积增加。\n",
        );
        assert_eq!(r.default_region(), Some("吉林省"));
        assert_eq!(r.region_at(text.find("1.2万").unwrap()), Some("农安县"));
        // A brand in quotes names no place; a place after a closing quote does.
        let (r, text) = resolver(
            "岳阳市市场监管局工作总结。全市新增商标六件,\"君山银针\"品牌价值提升。全年制修订标准17项。\n",
        );
        assert_eq!(r.region_at(text.find("17项").unwrap()), Some("岳阳市"));
    }

    #[test]
    fn a_transport_facility_speaks_for_the_city_it_is_named_after() {
        let (r, text) = resolver(
            "云南省交通运输厅年终总结。全省机场旅客吞吐量7520万人次。\
             昆明长水国际机场完成旅客吞吐量5230万人次。全省港口完成货物吞吐量1035万吨。",
        );
        assert_eq!(r.default_region(), Some("云南省"));
        assert_eq!(r.region_at(text.find("5230").unwrap()), Some("昆明市"));
        assert_eq!(r.region_at(text.find("1035").unwrap()), Some("云南省"));
    }

    #[test]
    fn where_people_come_from_and_trade_names_place_no_figure() {
        let (r, text) = resolver(
            "喀什地区棉花丰收。喀什地区今年棉花种植面积800万亩。\n\
             从巴楚县来的王建军今年种了六百亩棉花。\n\
             新源棉业有限公司日收购籽棉1200吨。\n\
             麦盖提县农业农村局统计,全县新建高标准农田11.2万亩。\n",
        );
        assert_eq!(r.default_region(), Some("喀什地区"));
        assert_eq!(r.region_at(text.find("六百").unwrap()), Some("喀什地区"));
        assert_eq!(r.region_at(text.find("1200").unwrap()), Some("喀什地区"));
        // A body with a jurisdiction speaks for its county.
        assert_eq!(r.region_at(text.find("11.2").unwrap()), Some("麦盖提县"));
    }

    #[test]
    fn the_city_or_province_named_in_full_takes_its_sentence_back() {
        let (r, text) = resolver(
            "喀什地区旅游。喀什地区今年接待游客3168.5万人次。其中,塔什库尔干塔吉克自治县接待游客400万人次。\
             同期新疆维吾尔自治区接待游客2.3亿人次,喀什地区接待量居全疆第三位。\n",
        );
        assert_eq!(r.default_region(), Some("喀什地区"));
        assert_eq!(
            r.region_at(text.find("400").unwrap()),
            Some("塔什库尔干塔吉克自治县")
        );
        assert_eq!(
            r.region_at(text.find("2.3").unwrap()),
            Some("新疆维吾尔自治区")
        );
        assert_eq!(r.region_at(text.find("第三").unwrap()), Some("喀什地区"));
        // What a clause is about may be set in a place (`位于东莞的…`).
        let (r, text) = resolver(
            "香港國際機場貨運量490萬公噸。位於東莞的空港中心處理出口貨物4.2萬公噸。全港旅客5,300萬人次。",
        );
        assert_eq!(
            r.region_at(text.find("490").unwrap()),
            Some("香港特别行政区")
        );
        assert_eq!(r.region_at(text.find("4.2").unwrap()), Some("东莞市"));
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
    fn a_province_in_the_headline_is_not_its_host_city() {
        let text = "湖北省第十七届运动会竞技体育比赛综述\n\n湖北省体育局 2024-09-28\n\n\
                    9月26日晚,湖北省第十七届运动会在孝感市体育中心落下帷幕,共设34个大项。\n\
                    武汉市代表团获得金牌156枚;东道主孝感市代表团获得金牌43枚。\n\
                    本届运动会共有6800余名运动员参赛。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("湖北省"));
        assert_eq!(r.region_at(text.find("6800").unwrap()), Some("湖北省"));
        // A city in the headline is the text's (江苏首个…在盐城投用).
        let (r, _) = resolver("江苏首个零碳产业园在盐城投用\n盐城市新增企业30家。盐城投资5亿元。");
        assert_eq!(r.default_region(), Some("盐城市"));
    }

    #[test]
    fn a_province_counts_its_counties_and_the_nation_its_provinces() {
        let text = "江西省防汛工作总结\n全省共有67条河流超警。九江市降雨偏多。\n\
                    据国家防总通报,今年以来全国共有28个省份受灾,江西受灾人次居全国第4位。\n\
                    灾害造成全省11个设区市87个县(市、区)受灾。九江市转移2万人。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("江西省"));
        assert_eq!(r.region_at(text.find("28个").unwrap()), Some("中国"));
        assert_eq!(r.region_at(text.find("87个县").unwrap()), Some("江西省"));
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
        // A district named after the city's figures of its paragraph claims
        // its sentence; one that opens the paragraph keeps it, named again.
        let (r, text) = resolver(
            "佛山市政府工作报告\n全市新增学位4.3万个。佛山市第一中学等15所学校建成招生,位于禅城区的鸿图实验学校当年开学。新增三级医院3家。\n顺德区新建公园12个。顺德区累计投入9亿元。新增绿道30公里。\n",
        );
        assert_eq!(r.region_at(text.find("当年").unwrap()), Some("禅城区"));
        assert_eq!(r.region_at(text.find("3家").unwrap()), Some("佛山市"));
        assert_eq!(r.region_at(text.find("30公里").unwrap()), Some("顺德区"));
    }

    #[test]
    fn a_city_heading_its_line_and_places_in_brackets_after_figures() {
        let text = "陕西省2023年气候公报。全省年平均气温13.4℃。\n\
                    西安市:年平均气温15.8℃;年降水量689.4毫米,偏多20%。\n\
                    全省气温在8.6℃(定边)~17.1℃(旬阳)之间,降水量在312.4毫米(榆林市神木市)以上。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("陕西省"));
        // The city that heads the line keeps it past the first `;`.
        assert_eq!(r.region_at(text.find("15.8").unwrap()), Some("西安市"));
        assert_eq!(r.region_at(text.find("689.4").unwrap()), Some("西安市"));
        assert_eq!(r.region_at(text.find("20%").unwrap()), Some("西安市"));
        // A place in a bracket of its own right after a figure is the figure's.
        let after = |fig: &str| text.find(fig).unwrap() + fig.len();
        assert_eq!(r.placed_after(after("8.6℃")), Some("定边县"));
        assert_eq!(r.placed_after(after("17.1℃")), Some("旬阳市"));
        assert_eq!(r.placed_after(after("312.4毫米")), Some("神木市"));
        assert_eq!(r.placed_after(after("13.4℃")), None);
    }

    #[test]
    fn hong_kong_areas_are_no_divisions() {
        let (r, text) =
            resolver("全港騙案上升。\n九龍東錄得3905宗,新界北錄得4488宗。\n觀塘區錄得97宗。");
        assert_eq!(
            r.region_at(text.find("3905").unwrap()),
            Some("香港特别行政区")
        );
        assert_eq!(
            r.region_at(text.find("4488").unwrap()),
            Some("香港特别行政区")
        );
        assert_eq!(r.region_at(text.find("97").unwrap()), Some("观塘区"));
    }

    #[test]
    fn short_forms_and_zones_give_full_names() {
        let (r, _) = resolver("重庆高新区新建幼儿园20所。");
        assert_eq!(r.default_region(), Some("重庆高新区"));
        let (r, _) = resolver("重庆市的江北教育发展迅速,我区新增学位。");
        assert_eq!(r.default_region(), Some("江北区"));
    }

    #[test]
    fn autonomous_region_speaks_as_itself() {
        let text = "宁夏回族自治区水资源公报\n全区降水量306.2毫米。同心县实施节水改造,同心县节水3000万立方米。我区用水总量70亿立方米。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("宁夏回族自治区"));
        assert_eq!(
            r.region_at(text.find("70亿").unwrap()),
            Some("宁夏回族自治区")
        );
        let (r, _) = resolver("南宁市青秀区2024年教育工作总结\n我区新增学位3000个。");
        assert_eq!(r.default_region(), Some("青秀区"));
    }

    #[test]
    fn places_only_inside_names_frames_and_wholes() {
        // A county named only in its bureau's name, then 全县.
        let (r, _) = resolver("商水县民政局2024年工作总结\n全县共有低保对象1.86万户。");
        assert_eq!(r.default_region(), Some("商水县"));
        // A city alone in the headline; 全国 as a frame; 全港 of a port.
        let text = "广州“海空双港”成绩单\n广州港集装箱吞吐量位居全国第5,增速高于全港5个百分点。广州港货物吞吐量6.58亿吨,广州机场旅客7636万人次。\n位于南沙区的南沙港区完成1981万标准箱,南沙区新增泊位3个。";
        let (r, _) = resolver(text);
        assert_eq!(r.default_region(), Some("广州市"));
        // Hong Kong speaks of the whole; a district later claims its sentence.
        let text = "政府今日向立法會匯報。公營房屋落成量約30 400個單位,全港輪候時間5.3年。\n首批位於屯門區的項目已入伙,屯門區項目約1 500個單位。";
        let (r, text) = resolver(text);
        assert_eq!(r.default_region(), Some("香港特别行政区"));
        assert_eq!(r.region_at(text.find("1500").unwrap()), Some("屯门区"));
        // A dateline's city is no subject; 在全国 is a scope, not a yardstick.
        let (r, _) =
            resolver("新华社杭州电 浙江省杭州市西湖区今年新建学校5所,全区新增学位2000个。");
        assert_eq!(r.default_region(), Some("西湖区"));
        let (r, _) = resolver("水利部发布:2024年在全国范围内完成治理面积6.5万平方公里。");
        assert_eq!(r.default_region(), Some("中国"));
        // A whole-of marker alone; a party committee's place; no exchange's city.
        let (r, _) = resolver("新聞局消息,本澳失业率为1.8%。");
        assert_eq!(r.default_region(), Some("澳门特别行政区"));
        let (r, _) = resolver("中共山西省委高度重视,全省投入10亿元。");
        assert_eq!(r.default_region(), Some("山西省"));
        let (r, _) = resolver("本公司股票在上海证券交易所上市。公司在全省设有网点120个。");
        assert_eq!(r.default_region(), None);
        // A county-level city's own report says 全市 of itself.
        let (r, text) =
            resolver("义乌市商务局2023年工作总结\n全市外贸进出口5660亿元。金华市下达任务。");
        assert_eq!(r.region_at(text.find("5660").unwrap()), Some("义乌市"));
    }

    #[test]
    fn newer_districts_and_county_level_cities() {
        let (r, _) = resolver("深圳市坪山区统计局发布数据。坪山区地区生产总值增长8%。");
        assert_eq!(r.default_region(), Some("坪山区"));
        let (r, _) = resolver("新疆沙湾市玉米单产创新高,沙湾市粮食增产5%。");
        assert_eq!(r.default_region(), Some("沙湾市"));
        let (r, _) = resolver("北上广深等大城市房价上涨5%。新兴市场国家经济增长4.2%。");
        assert_eq!(r.default_region(), None);
    }

    #[test]
    fn a_body_in_the_headline_speaks_for_its_place() {
        // The hospital's report: not the country of a national assessment,
        // nor the province of a rank or of a yardstick (优于全省).
        let (r, _) = resolver(
            "郑州嵩平医院2024年度工作报告\n在国家三级公立医院绩效考核中位列全国第86名、河南省第2名。指标均优于全省平均水平。河南省文明单位标兵。门急诊286.4万人次。\n",
        );
        assert_eq!(r.default_region(), Some("郑州市"));
        // A county the city's hospital serves, named twice after the lead,
        // claims its paragraph, not the text.
        let (r, text) = resolver(
            "宜昌市某某人民医院集团2023年度工作报告\n各位代表：\n全年完成门急诊186.4万人次，同比增长11.2%；出院病人9.86万人次，同比增长8.7%；手术4.23万台次，其中三、四级手术3.05万台次，占比72.1%；平均住院日7.6天，床位使用率91.3%。\n集团托管、位于远安县的远安院区门急诊量增长23.5%。\n全年新增省级重点专科2个。\n",
        );
        assert_eq!(r.default_region(), Some("宜昌市"));
        assert_eq!(r.region_at(text.find("23.5%").unwrap()), Some("远安县"));
        assert_eq!(r.region_at(text.find("2个").unwrap()), Some("宜昌市"));
        // A word that only looks like a place names none (中原医科大学).
        let (r, _) = resolver("中原医科大学附属医院报告\n门急诊286.4万人次。\n");
        assert_eq!(r.default_region(), None);
    }

    #[test]
    fn fenbie_spreads_a_list_of_places() {
        let (r, text) = resolver(
            "山东省商务厅发布数据。全省进出口增长5%。烟台市、日照市进出口分别增长6.5%和9.8%。济南、青岛、烟台三个片区实现进出口4126亿元。",
        );
        let at = |w: &str| text.find(w).unwrap();
        let starts = [at("6.5%"), at("9.8%")];
        assert_eq!(r.respective(&starts), [Some("烟台市"), Some("日照市")]);
        // Three figures for a list of two: none is spread.
        let starts = [at("6.5%"), at("和9.8") + 3, at("9.8%")];
        assert!(r.respective(&starts).iter().all(Option::is_none));
        // A list's sum is the province's, not its last place's.
        assert_eq!(r.region_at(at("4126")), Some("山东省"));
    }

    #[test]
    fn province_text_with_city_sentences() {
        let (r, text) = resolver(
            "湖南省统计局发布数据。全省地区生产总值增长5%。其中,长沙市增长6%,岳阳市增长5.5%。全省粮食产量300亿斤,高于全国1个百分点。",
        );
        assert_eq!(r.default_region(), Some("湖南省"));
        assert_eq!(r.region_at(text.find("6%").unwrap()), Some("长沙市"));
        assert_eq!(r.region_at(text.find("5.5%").unwrap()), Some("岳阳市"));
        assert_eq!(r.region_at(text.find("300亿").unwrap()), Some("湖南省"));
        assert_eq!(r.region_at(text.find("1个").unwrap()), Some("湖南省"));
    }

    #[test]
    fn who_speaks_first() {
        // A county named only by its bureau at the foot; a town named as a
        // district elsewhere is a town (大渡口镇 of 东至县, not 大渡口区).
        let (r, text) = resolver(
            "全县经济简析\n全年地区生产总值236.8亿元。大渡口镇产值38.4亿元。\n东至县统计局\n",
        );
        assert_eq!(r.default_region(), Some("东至县"));
        assert_eq!(r.region_at(text.find("38.4").unwrap()), Some("东至县"));
        // The province in the headline before its city: a province's text.
        let (r, _) = resolver(
            "前三季度辽宁外贸稳中有升 大连作用凸显\n全省进出口5781.4亿元。大连市进出口3402.7亿元,占全省的58.9%。大连市领跑。\n",
        );
        assert_eq!(r.default_region(), Some("辽宁省"));
        // A headline that names the place wins over 我国 in the lead.
        let (r, _) = resolver(
            "湖南省2023年国民经济和社会发展统计公报\n2023年,面对复杂严峻的外部环境,我国经济回升向好,全省上下认真贯彻。\n全年地区生产总值50012.9亿元。\n",
        );
        assert_eq!(r.default_region(), Some("湖南省"));
        // A province named before its city, without 全省 in the lead: the
        // city's news.
        let (r, _) = resolver(
            "江苏首个零碳产业园在盐城投用\n盐城市零碳产业园总投资120亿元。盐城新能源装机容量达1800万千瓦。\n",
        );
        assert_eq!(r.default_region(), Some("盐城市"));
        // The country spoken of before a provincial speaker's 全省; a
        // yardstick (占全省) says nothing of what the text speaks as.
        let (r, _) = resolver(
            "国务院新闻办公室举行发布会。\n周庆林:今年全国新建高标准农田4612万亩,我国累计建成10.3亿亩。\n马振宇:黑龙江全省建成1.2亿亩。\n",
        );
        assert_eq!(r.default_region(), Some("中国"));
        let (r, text) = resolver(
            "国务院新闻办公室举行发布会。\n周庆林:全国新建高标准农田4612万亩。\n马振宇:黑龙江是商品粮基地。去年全省新建高标准农田1050万亩,投入资金96亿元。\n",
        );
        assert_eq!(r.region_at(text.find("96亿").unwrap()), Some("黑龙江省"));
        let (r, _) = resolver(
            "本报北京12月28日电 今年新建高标准农田8560万亩。甘肃累计建成2500万亩,占全省耕地面积的近一半。\n",
        );
        assert_ne!(r.default_region(), Some("北京市"));
        // Of two provinces named as often, the one named first is home.
        let (r, _) =
            resolver("桃溪镇工作总结\n在婺源县委领导下,全镇产值9.86亿元。上海、杭州游客增加。\n");
        assert_ne!(r.default_region(), Some("上海市"));
        // The report a text is taken from names its district; of two
        // districts named as often, the first.
        let (r, _) = resolver(
            "(摘自《西安市雁塔区2024年政府工作报告》)\n全区生产总值2416.3亿元。我区与西安高新区共建科学城,西安高新区营收2.6万亿元。雁塔区作为城区之一。\n",
        );
        assert_eq!(r.default_region(), Some("雁塔区"));
        // News of a company's results: no place, but a marker's clause.
        let (r, text) = resolver(
            "总部位于青岛市崂山区的海晟智能发布年报,报告期内公司实现营业收入68.4亿元,同比增长18.6%,归属于上市公司股东的净利润7.92亿元,基本每股收益1.46元。\n公司海外业务收入28.5亿元,占营业收入的41.7%,同比提高6.2个百分点;研发投入5.1亿元。\n山东全省产业集群营收1.2万亿元。\n",
        );
        assert_eq!(r.default_region(), None);
        assert_eq!(r.region_at(text.find("1.2万").unwrap()), Some("山东省"));
        // Places of other provinces, and other cities, that open a clause
        // claim their sentence.
        let (r, text) = resolver(
            "年会在恩施召开。\n恩施州接待游客8215.6万人次。湘西州接待游客5870万人次;重庆黔江区接待游客1964万人次。全州旅游收入86.4亿元。\n",
        );
        assert_eq!(
            r.region_at(text.find("5870").unwrap()),
            Some("湘西土家族苗族自治州")
        );
        assert_eq!(r.region_at(text.find("1964").unwrap()), Some("黔江区"));
        assert_eq!(
            r.region_at(text.find("86.4").unwrap()),
            Some("恩施土家族苗族自治州")
        );
        // In a city's text of an autonomous region, 全区 is the region;
        // 占全区的 is a yardstick.
        let (r, text) = resolver(
            "日喀则市旅游持续升温。\n日喀则市接待游客612万人次。同期全区接待游客3520万人次,日喀则市接待量占全区的17.4%。\n",
        );
        assert_eq!(r.region_at(text.find("3520").unwrap()), Some("西藏自治区"));
        assert_eq!(r.region_at(text.find("17.4").unwrap()), Some("日喀则市"));
        // A list of places is where visitors come from; 我县 takes the
        // sentence back; a district's own 全区.
        let (r, text) = resolver(
            "宜宾市商务局\n全市社会消费品零售总额1562.3亿元。成都、重庆游客占全市接待游客总量的62%,全年接待游客6120万人次。\n",
        );
        assert_eq!(r.region_at(text.find("6120").unwrap()), Some("宜宾市"));
        let (r, text) = resolver(
            "台江县东西部协作工作总结\n今年,全县协作取得新成效。杭州市帮扶资金到位后,我县新建产业项目12个。\n",
        );
        assert_eq!(r.region_at(text.find("12个").unwrap()), Some("台江县"));
        let (r, text) = resolver(
            "拉萨市2023年经济社会发展情况\n全市地区生产总值达到850.6亿元。其中,堆龙德庆区积极承接产业转移,全区新增市场主体3260户。\n",
        );
        assert_eq!(r.region_at(text.find("3260").unwrap()), Some("堆龙德庆区"));
        // A feature across provinces, opening on a county's scene (全州县
        // is no 全州 marker): national.
        let (r, _) = resolver(
            "清晨,广西全州县黄洞村的管道施工现场一片忙碌。\n管道西起江西省赣州市,途经湖南省永州市,南抵广西壮族自治区桂林市,全长1126公里,总投资约218亿元。江西段、湖南段已完工。\n",
        );
        assert_eq!(r.default_region(), Some("中国"));
        // A county official's 全县 speaks for the county named in its
        // paragraph, and keeps such a feature national.
        let (r, text) = resolver(
            "新华社长沙电 一条河流经湖南、湖北、江西三省,全长820公里。\n三省每年共同出资3亿元。\n平江县水利局负责人说,近三年全县新建污水处理站21座。\n通城县、修水县也已完工。流域内水质达标率保持100%。\n",
        );
        assert_eq!(r.default_region(), Some("中国"));
        assert_eq!(r.region_at(text.find("21座").unwrap()), Some("平江县"));
        assert_eq!(r.region_at(text.find("100%").unwrap()), Some("中国"));
        // A court's figures are its city's; so are an airport's.
        let (r, text) = resolver(
            "湖南省高级人民法院工作报告\n全省法院审结案件52万件,其中长沙中院审结破产案件186件。长沙黄花国际机场旅客吞吐量2231万人次。\n",
        );
        assert_eq!(r.region_at(text.find("186件").unwrap()), Some("长沙市"));
        assert_eq!(r.region_at(text.find("2231").unwrap()), Some("长沙市"));
        // A Macau release naming visitors from 香港: Macau's, by its issuer.
        let (r, text) = resolver(
            "澳門特別行政區政府統計暨普查局\n新聞稿\n第二季入境旅客共961萬人次。香港旅客增加5.2%,香港留宿旅客佔三成。\n",
        );
        assert_eq!(
            r.region_at(text.find("961").unwrap()),
            Some("澳门特别行政区")
        );
        // A release that names no place, counting in 新臺幣: Taiwan's.
        let (r, text) = resolver("中央銀行新聞稿\n8月底M2餘額為新臺幣62兆4,873億元。\n");
        assert_eq!(r.region_at(text.find("62").unwrap()), Some("台湾省"));
        // A school on two campuses in two districts of a city: the city's.
        let (r, text) = resolver(
            "某某大学本科教学质量报告\n学校现有岳麓校区(位于长沙市岳麓区)和望城校区(位于长沙市望城区)两个校区,在校生33268人。\n",
        );
        assert_eq!(r.region_at(text.find("33268").unwrap()), Some("长沙市"));
        // Campuses named for their districts: the school's figures are the
        // city's; a figure of one campus is its district's.
        let (r, text) = resolver(
            "重庆某某职业技术学院质量报告\n学院现有江津双福校区和合川草街校区两个校区,占地面积1260亩。\n在校生16382人。\n合川草街校区的实训基地接待学生1.5万人次。\n",
        );
        assert_eq!(r.region_at(text.find("1260").unwrap()), Some("重庆市"));
        assert_eq!(r.region_at(text.find("16382").unwrap()), Some("重庆市"));
        assert_eq!(r.region_at(text.find("1.5万").unwrap()), Some("合川区"));
        // Two districts each with its own figure stay apart; visitors from
        // a city are the visited place's; an issuer's long first line; the
        // other side of an exchange rate names no home.
        for (text, figure, want) in [
            (
                "2023年长沙市岳麓区新建学校5所,雨花区新建学校7所。\n",
                "5所",
                Some("岳麓区"),
            ),
            (
                "香港特別行政區政府統計處\n2023年訪港旅客3,400萬人次,其中深圳市旅客500萬人次。\n",
                "500",
                Some("香港特别行政区"),
            ),
            (
                "湖南省统计局关于2023年国民经济和社会发展的统计公报\n全年地区生产总值50012亿元。\n",
                "50012",
                Some("湖南省"),
            ),
            ("人民币对港元汇率中间价全年下跌2.1%。\n", "2.1", None),
            // A Hong Kong release naming 深圳 before 香港: its visitors
            // (訪港旅客) say where it is set.
            (
                "零售業銷貨統計\n九月零售業總銷貨價值為297億元。訪港旅客約320萬人次,港人北上深圳消費。政府會提升香港的吸引力。\n",
                "297",
                Some("香港特别行政区"),
            ),
        ] {
            let (r, t) = resolver(text);
            assert_eq!(r.region_at(t.find(figure).unwrap()), want, "{text}");
        }
        // A yardstick leaves the place named before it its figures.
        let (r, text) = resolver(
            "全省空气质量持续改善。\n盐城市空气质量综合指数排名全省第一,优良天数达323天。全省优良天数比例82.6%。\n",
        );
        assert_eq!(r.region_at(text.find("323").unwrap()), Some("盐城市"));
        assert_eq!(r.region_at(text.find("82.6").unwrap()), Some("江苏省"));
        let (r, text) =
            resolver("全国上半年GDP增长5.2%。\n广东上半年GDP超过7万亿元,占全国比重约为10.7%。\n");
        assert_eq!(r.region_at(text.find("10.7").unwrap()), Some("广东省"));
        // A city's report on its companies' CSR reports is the city's.
        let (r, _) = resolver(
            "苏州市2023年企业社会责任建设情况\n全市已有326家企业发布社会责任报告,较上年增加41家。\n",
        );
        assert_eq!(r.default_region(), Some("苏州市"));
        let (r, text) = resolver(
            "德阳市2023年统计公报\n全市城镇化率达到56.2%,较全省的平均水平低2.1个百分点,较全国的66.2%低10个百分点。\n",
        );
        assert_eq!(r.region_at(text.find("2.1").unwrap()), Some("德阳市"));
        assert_eq!(r.region_at(text.find("66.2").unwrap()), Some("中国"));
        assert_eq!(r.region_at(text.find("10个").unwrap()), Some("德阳市"));
        // The yardstick's own level is its figure; the gap is the subject's.
        let (r, text) = resolver(
            "全国上半年GDP增长5.2%。\n广东增长4.1%,低于全国的5.2%;江苏增长5.6%,高于全国0.4个百分点。\n",
        );
        assert_eq!(r.region_at(text.rfind("5.2%").unwrap()), Some("中国"));
        assert_eq!(r.region_at(text.find("0.4").unwrap()), Some("江苏省"));
        // Or in brackets after it.
        let (r, text) = resolver("四川省统计局发布。全省GDP增长5.9%,高于全国(5.2%)0.7个百分点。");
        assert_eq!(r.region_at(text.find("5.2%").unwrap()), Some("中国"));
        assert_eq!(r.region_at(text.find("0.7").unwrap()), Some("四川省"));
    }

    #[test]
    fn national_and_unplaced_texts() {
        let (r, _) = resolver("全年国内生产总值增长5.2%。全国居民人均可支配收入39218元。");
        assert_eq!(r.default_region(), Some("中国"));
        let (r, text) = resolver("宜昌市发布通知。本市公交票价2元。");
        assert_eq!(r.region_at(text.find("2元").unwrap()), Some("宜昌市"));
        // A company's results are tied to no place, not even the city of a
        // plant named once in passing.
        let (r, _) = resolver(
            &("华东新材实现营业收入8.6亿元,同比增长5%。".repeat(8)
                + "位于江苏省南通市的新项目年产6万吨。"),
        );
        assert_eq!(r.default_region(), None);
        // A dateline is where the story was filed, not what it is about.
        let (r, text) = resolver("(中央社记者王明台北28日电)行政院今天通过预算,全国失业率3.4%。");
        assert_eq!(r.region_at(text.find("3.4").unwrap()), Some("台湾省"));
    }

    #[test]
    fn company_cues_never_overlap_so_one_pass_finds_them_all() {
        let all: Vec<&str> = words(COMPANY_CUES_DATA).collect();
        assert_eq!(
            &all[..*DISCLOSURE_WORDS],
            words(DISCLOSURE_CUES).collect::<Vec<_>>()
        );
        for (i, a) in all.iter().enumerate() {
            for (j, b) in all.iter().enumerate() {
                assert!(i == j || !a.contains(b), "{a} holds {b}");
                let overlaps = (1..a.len())
                    .filter(|&k| a.is_char_boundary(k))
                    .any(|k| b.starts_with(&a[k..]));
                assert!(!overlaps, "{a} ends with the start of {b}");
            }
        }
        let head = |s: &str| is_disclosure(s, &[]);
        assert!(head("证券代码:600000 本公司"));
        assert!(head("2023年每股收益0.5元"));
        assert!(!head("全市新增学位8660个"));
        let placed = [(0, Marker::City)];
        assert!(!is_disclosure("全市每股收益", &placed));
        assert!(is_disclosure("全市每股收益,本集团", &placed));
    }

    #[test]
    fn company_disclosures_and_places_in_passing() {
        let lead = "华东新材实现营业收入8.6亿元,同比增长5%。".repeat(12);
        // A district named once, past the lead, is a plant, not the text.
        let (r, _) = resolver(&(lead.clone() + "平湖市智能制造产业园二期项目完成投资3亿元。"));
        assert_eq!(r.default_region(), None);
        // A company's own disclosure names its subsidiary's city and bank
        // branch again and again: still no place.
        let (r, _) = resolver(
            &("证券代码:603817 证券简称:华东新材\n".to_owned()
                + &lead
                + "嘉兴子公司向工商银行嘉兴分行借款2亿元,嘉兴基地投产。"),
        );
        assert_eq!(r.default_region(), None);
        // The same sentences in a county's own report: the county.
        let (r, _) =
            resolver("平湖市2023年经济运行情况。全市生产总值增长6%。平湖市新增企业300家。");
        assert_eq!(r.default_region(), Some("平湖市"));
    }

    #[test]
    fn taiwan_county_speaks_as_itself() {
        // Taiwan's counties stand at city level; `全縣` finds the county.
        let (r, text) = resolver("宜蘭縣政府今日公布觀光統計,全縣遊客量達1,526萬人次。");
        assert_eq!(r.region_at(text.find("1,526").unwrap()), Some("宜兰县"));
    }

    #[test]
    fn fallback_where_the_text_names_none() {
        let n = Normalized::new("新增学位8660个。");
        let gaz = Gazetteer::shared().unwrap();
        let r = Resolver::new(&n, &[], None, &[], gaz, Some("江北区"));
        assert_eq!(r.region_at(0), Some("江北区"));
    }
}
