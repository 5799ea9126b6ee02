//! The compiled word tables of metric extraction, read from the data files
//! under `core/data/metric/` plus the options' extra units.

use std::sync::OnceLock;

use regex::Regex;

use crate::text::{rows, word_list, Lexicon};
use crate::{Approx, Change, Error, Options, QuantityKind, Result};

/// A unit or measure word.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The unit reported (`元`, `%`, `人次`).
    pub unit: String,
    /// What it measures.
    pub kind: QuantityKind,
    /// Factor applied to the value (`三成` → 30 %).
    pub scale: f64,
    /// Quantities in this unit are borderline (durations, levels).
    pub borderline: bool,
    /// A discount (`八折` → 80 %, `七五折` → 75 %): a value below ten
    /// counts tenths.
    pub discount: bool,
    /// A unit only after the numeral one (`一半` → 50 %, but not `分成两半`).
    pub after_one: bool,
    /// A unit only after a number with decimals (`8.7日` of a hospital
    /// stay, but not the day of `3月5日` or a dateline's `28日`).
    pub decimal_only: bool,
    /// A unit only after Arabic digits (`512.3分`, but not the adverb
    /// `十分` or `一分为二`).
    pub arabic_only: bool,
    /// A Chinese digit right after the unit counts its tenths (`四成二` =
    /// 4.2成 = 42 %).
    pub tenths_after: bool,
    /// The word that names the tenth of the unit, which may follow the
    /// tenths digit (`两` of 斤: `七斤二两` = 7.2 斤; `分` of 亩: `三亩五分`).
    pub tenth: Option<&'static str>,
    /// `多` right after the unit means more than the figure (`增长一倍多`,
    /// `三成多`).
    pub more_after: bool,
    /// A unit only where a cue stands near: this word in the two chars
    /// before the figure (`年` of `年逾七旬`), or [`cue_after`](Self::cue_after)
    /// right after the unit (`老` of `六旬老人`); `历时三旬` is no age.
    pub cue_before: Option<&'static str>,
    /// The word right after the unit that is a cue, as
    /// [`cue_before`](Self::cue_before) says.
    pub cue_after: Option<&'static str>,
    /// The chars before which the unit is its whole word, as are the end
    /// of the text and a char that is no Han char; before any other char
    /// the unit is its word less the last char, which starts the next word:
    /// `个人` is `人` in `35个人都参加` and `十几个人。`, but `个` in
    /// `406个人民法庭`, `2.5万个人信用档案`.
    pub whole_before: Option<&'static str>,
    /// How to give the value in an SI unit, where one exists.
    pub si: Option<Si>,
}

impl Unit {
    /// `word` as a unit of `kind` with no option: reported as written,
    /// scale 1, no SI value (an extra unit, or a table row before its
    /// options are read).
    fn plain(word: &str, kind: QuantityKind) -> Unit {
        Unit {
            unit: word.to_owned(),
            kind,
            scale: 1.0,
            borderline: false,
            discount: false,
            after_one: false,
            decimal_only: false,
            arabic_only: false,
            tenths_after: false,
            tenth: None,
            more_after: false,
            cue_before: None,
            cue_after: None,
            whole_before: None,
            si: None,
        }
    }
}

/// The conversion of a unit to an SI (or SI-derived) unit: `value * factor +
/// offset` in `unit` (`亩` → 666.67 `m2`, `℃` → + 273.15 `K`).
#[derive(Debug, Clone, PartialEq)]
pub struct Si {
    /// Multiplies the value.
    pub factor: f64,
    /// Added after (temperatures only).
    pub offset: f64,
    /// The SI unit: `m`, `m2`, `m3`, `kg`, `J`, `W`, `K` or `B` (bytes).
    pub unit: String,
}

impl Si {
    /// Reads `F:U[:O]`.
    fn parse(s: &str) -> Option<Si> {
        let mut parts = s.split(':');
        let factor = parts.next()?.parse().ok()?;
        let unit = parts.next()?.to_owned();
        let offset = parts.next().map_or(Some(0.0), |o| o.parse().ok())?;
        parts.next().is_none().then_some(Si {
            factor,
            offset,
            unit,
        })
    }
}

/// Compiled word tables for metric extraction: the embedded tables, built
/// once per process, plus the options' extra units. Dereferences to the
/// embedded tables; units are read through [`Tables::units`].
#[derive(Debug)]
pub struct Tables {
    embedded: &'static Embedded,
    /// The embedded units with the options' extra units, if there are any.
    units: Option<Lexicon<Unit>>,
}

/// The tables compiled from the data files under `core/data/metric/`.
#[derive(Debug)]
pub struct Embedded {
    /// Units and measure words (read through [`Tables::units`], which adds
    /// the options' extra units).
    units: Lexicon<Unit>,
    /// Units read only after a slash, over a number of people
    /// (`3.42人/千人`, `5.1张/万人`): alone, `千人` is a multiplier and
    /// a unit (`4.3千人` = 4300 人).
    pub per_units: Lexicon<Unit>,
    /// Multipliers after an Arabic number (`万`, `亿`).
    pub multipliers: Lexicon<f64>,
    /// Currency words and signs before a number (`港币`, `¥`), with the unit
    /// they give.
    pub currency_before: Lexicon<String>,
    /// Approximation words right before the number.
    pub approx_before: Lexicon<Approx>,
    /// Approximation words between number and unit.
    pub approx_infix: Lexicon<Approx>,
    /// Approximation words after the unit.
    pub approx_after: Lexicon<Approx>,
    /// Vague words before a Chinese round number (`数十`, `上百`).
    pub approx_vague: Lexicon<Approx>,
    /// Words ending before a number that only look like approximation words (`附近`).
    pub approx_block: Lexicon<()>,
    /// Change verbs governing the quantity after them.
    pub change_verbs: Lexicon<Change>,
    /// Rate nouns that make the figure a change.
    pub change_rates: Lexicon<Change>,
    /// Words that may stand between a change verb and its quantity.
    pub change_gaps: Lexicon<()>,
    /// Words of comparison that make a change rate's figure a gap between
    /// two places (`高于全国整体增速1.6个百分点`).
    pub change_compares: Lexicon<()>,
    /// Nouns that give a bare number its unit.
    pub implied: Lexicon<String>,
    /// Words that make a following `第N` a rank.
    pub rank_words: Lexicon<()>,
    /// Words of degree after a 第N that ranks a record (`第三高`, `第二多`).
    pub superlatives: Lexicon<()>,
    /// Words that make a following `首位` or `榜首` a rank.
    pub first_place_words: Lexicon<()>,
    /// Words that make a Chinese numeral before `分` later in their clause
    /// a score.
    pub score_words: Lexicon<()>,
    /// Verbs of a move in a ranking (`前进37位`: places, not people).
    pub rank_moves: Lexicon<bool>,
    /// Words before `单位:` that make it a body filling a form in.
    pub form_bodies: Lexicon<()>,
    /// The measure words that count a noun, by the noun's end (`学校` in
    /// `所`, `教师` in `人`): which of a table's units a column counts in;
    /// and whether the noun is a measure itself (`产量` in `吨`), read
    /// without a closing `数`.
    pub classifiers: Lexicon<(Vec<&'static str>, bool)>,
    /// Words that mark a quantity as part of a programme name.
    pub name_markers: Lexicon<()>,
    /// Words before a figure in `块` that make it money (`房贷五六千块`).
    pub money_cues: Lexicon<()>,
    /// Set phrases whose numerals count nothing (`三番五次`, `九牛一毛`).
    pub idioms: Lexicon<()>,
    /// Words that look like a unit but are not one.
    pub not_units: Lexicon<()>,
    /// Words trimmed from the start of an indicator.
    pub trim_start: Lexicon<()>,
    /// Words trimmed from the end of an indicator.
    pub trim_end: Lexicon<()>,
    /// Words right before a duration that show it measures a span of time.
    pub duration_before: Lexicon<()>,
    /// Words right after a duration that show it measures a span of time.
    pub duration_after: Lexicon<()>,
    /// Words near a figure in `度` that make it a temperature (`true`:
    /// `气温`, `发烧`) or keep it another degree (`false`: `用电`, `倾斜`).
    pub degree_cues: Lexicon<bool>,
    /// Words opening a clause that borrows the previous figure's subject,
    /// with whether they do so only for shares (`占`).
    pub borrow: Lexicon<bool>,
    /// Verbs shared by the items of a list.
    pub list_verbs: Lexicon<()>,
    /// Time frames (`2021年`, `近5年`, `目前`), found leftmost-longest.
    pub period: Periods,
}

/// The time-frame patterns of `period.txt`, found leftmost-longest: the
/// `regex` crate's alternation is leftmost-first (it would read `这一年`
/// in `这一年多来`), so at each place the alternation finds, every pattern
/// anchored there is tried and the longest match is kept.
#[derive(Debug)]
pub struct Periods {
    /// All patterns as one alternation: where a time frame starts.
    any: Regex,
    /// Each pattern anchored at the start of the haystack.
    each: Vec<Regex>,
    /// The same anchored patterns as one set: which of them match at a
    /// place, in one pass.
    set: regex::RegexSet,
}

impl Periods {
    /// Compiles the patterns, one per row.
    fn new(patterns: &[&str]) -> Result<Periods> {
        let compile = |p: &str| {
            Regex::new(p).map_err(|e| Error::InvalidOptions(format!("metric table period: {e}")))
        };
        let anchored: Vec<String> = patterns.iter().map(|p| format!("^(?:{p})")).collect();
        Ok(Periods {
            any: compile(&patterns.join("|"))?,
            each: anchored.iter().map(|p| compile(p)).collect::<Result<_>>()?,
            set: regex::RegexSet::new(&anchored)
                .map_err(|e| Error::InvalidOptions(format!("metric table period: {e}")))?,
        })
    }

    /// The time frames of `hay`, in order, each the longest at its start
    /// (no pattern matches the empty string: a data-lint-style test checks).
    /// `until` is one past the start of the last of the [`FRAME_CHARS`] in
    /// `hay` (0 for none): every time frame holds one, so none starts from
    /// there on, and the search stops before it scans the rest of `hay`
    /// (most of a sentence, as a rule) for nothing.
    pub fn find_iter<'h>(
        &'h self,
        hay: &'h str,
        until: usize,
    ) -> impl Iterator<Item = std::ops::Range<usize>> + 'h {
        let mut pos = 0;
        std::iter::from_fn(move || {
            if pos >= until {
                return None;
            }
            let m = self.any.find_at(hay, pos)?;
            let start = m.start();
            let rest = &hay[start..];
            let matching = self.set.matches(rest);
            // Where one pattern alone matches here, the alternation found it.
            let end = if matching.len() < 2 {
                m.end()
            } else {
                matching
                    .iter()
                    .filter_map(|k| self.each[k].find(rest))
                    .map(|f| start + f.end())
                    .fold(m.end(), usize::max)
            };
            pos = end.max(start + 1).min(hay.len());
            while !hay.is_char_boundary(pos) {
                pos += 1;
            }
            Some(start..end)
        })
    }
}

/// The chars of which every time frame of `period.txt` holds one (a test
/// checks each pattern); the metric index notes where they stand.
pub(super) const FRAME_CHAR_LIST: [char; 9] =
    ['年', '季', '月', '期', '来', '截', '前', '今', '在'];

const UNITS: &str = include_str!("../../data/metric/units.tsv");
const MULTIPLIERS: &str = include_str!("../../data/metric/multipliers.tsv");
const CURRENCY_BEFORE: &str = include_str!("../../data/metric/currency_before.tsv");
const APPROX: &str = include_str!("../../data/metric/approx.tsv");
const CHANGE: &str = include_str!("../../data/metric/change.tsv");
const IMPLIED: &str = include_str!("../../data/metric/implied.tsv");
const RANK: &str = include_str!("../../data/metric/rank.txt");
const SUPERLATIVES: &str = include_str!("../../data/metric/superlatives.txt");
const FIRST_PLACE: &str = include_str!("../../data/metric/first_place.txt");
const SCORE_WORDS: &str = include_str!("../../data/metric/score_words.txt");
const CLASSIFIERS: &str = include_str!("../../data/metric/classifiers.tsv");
const RANK_MOVES: &str = include_str!("../../data/metric/rank_moves.txt");
const FORM_BODIES: &str = include_str!("../../data/metric/form_bodies.txt");
const NAME_MARKERS: &str = include_str!("../../data/metric/name_markers.txt");
const NOT_UNITS: &str = include_str!("../../data/metric/not_units.txt");
const IDIOMS: &str = include_str!("../../data/metric/idioms.txt");
const MONEY_CUES: &str = include_str!("../../data/metric/money_cues.txt");
const TRIM: &str = include_str!("../../data/metric/indicator_trim.tsv");
const DURATION_CUES: &str = include_str!("../../data/metric/duration_cues.tsv");
const DEGREE_CUES: &str = include_str!("../../data/metric/degree_cues.tsv");
const BORROW: &str = include_str!("../../data/metric/borrow.tsv");
const LIST_VERBS: &str = include_str!("../../data/metric/list_verbs.txt");
const PERIOD: &str = include_str!("../../data/metric/period.txt");

/// An error about row `row` of the embedded table `table`
/// (`core/data/metric/{table}.*`).
fn bad(table: &str, row: &[&str]) -> Error {
    Error::InvalidOptions(format!(
        "core/data/metric/{table}: bad row {:?}",
        row.join("\t")
    ))
}

/// A field of a row, or an error naming the table.
fn field<'a>(table: &str, row: &[&'a str], i: usize) -> Result<&'a str> {
    row.get(i).copied().ok_or_else(|| bad(table, row))
}

/// The words of the two-column `table` (`data`), each with whether its
/// second column is the first of `labels` (true) or the second (false).
fn flags(table: &str, data: &'static str, labels: [&str; 2]) -> Result<Lexicon<bool>> {
    let mut out = Lexicon::default();
    for row in rows(data) {
        let flag = field(table, &row, 1)?;
        if flag != labels[0] && flag != labels[1] {
            return Err(bad(table, &row));
        }
        out.insert(row[0], flag == labels[0]);
    }
    Ok(out)
}

impl Tables {
    /// The embedded tables plus the options' extra units.
    pub fn new(options: &Options) -> Result<Tables> {
        let embedded = Embedded::get();
        let units = if options.extra_units.is_empty() {
            None
        } else {
            let mut units = embedded.units.clone();
            for (word, &kind) in &options.extra_units {
                if !units.insert(word, Unit::plain(word, kind)) {
                    return Err(Error::InvalidOptions(format!(
                        "extra unit {word:?} is too long"
                    )));
                }
            }
            Some(units)
        };
        Ok(Tables { embedded, units })
    }

    /// Units and measure words, the options' extra units among them.
    pub fn units(&self) -> &Lexicon<Unit> {
        self.units.as_ref().unwrap_or(&self.embedded.units)
    }
}

impl std::ops::Deref for Tables {
    type Target = Embedded;

    fn deref(&self) -> &Embedded {
        self.embedded
    }
}

impl Embedded {
    /// The embedded tables, compiled on first use. The data files are part
    /// of the library and checked by its tests (`core/tests/data_lint.rs`
    /// and these tables' own), so a malformed row is a bug in the build:
    /// it panics, naming the file and the row.
    fn get() -> &'static Embedded {
        static EMBEDDED: OnceLock<Embedded> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            Embedded::build().unwrap_or_else(|e| panic!("embedded metric data is malformed: {e}"))
        })
    }

    /// Compiles the data files.
    fn build() -> Result<Embedded> {
        let mut units = Lexicon::default();
        let mut per_units = Lexicon::default();
        for row in rows(UNITS) {
            let mut per_only = false;
            let kind: QuantityKind = field("units", &row, 1)?.parse()?;
            let mut unit = Unit::plain(row[0], kind);
            for opt in row.get(2).map_or("", |s| s).split_whitespace() {
                match opt.split_once('=') {
                    Some(("unit", u)) => unit.unit = u.to_owned(),
                    Some(("tenth", w)) => {
                        unit.tenths_after = true;
                        unit.tenth = Some(w);
                    }
                    Some(("cue_before", w)) => unit.cue_before = Some(w),
                    Some(("cue_after", w)) => unit.cue_after = Some(w),
                    Some(("whole_before", w)) => unit.whole_before = Some(w),
                    Some(("scale", n)) => unit.scale = n.parse().map_err(|_| bad("units", &row))?,
                    Some(("si", si)) => {
                        unit.si = Some(Si::parse(si).ok_or_else(|| bad("units", &row))?)
                    }
                    None if opt == "borderline" => unit.borderline = true,
                    None if opt == "discount" => unit.discount = true,
                    None if opt == "after_one" => unit.after_one = true,
                    None if opt == "decimal_only" => unit.decimal_only = true,
                    None if opt == "arabic_only" => unit.arabic_only = true,
                    None if opt == "tenths_after" => unit.tenths_after = true,
                    None if opt == "more_after" => unit.more_after = true,
                    None if opt == "per_only" => per_only = true,
                    _ => return Err(bad("units", &row)),
                }
            }
            if per_only {
                per_units.insert(row[0], unit);
            } else {
                units.insert(row[0], unit);
            }
        }
        let mut multipliers = Lexicon::default();
        for row in rows(MULTIPLIERS) {
            let f = field("multipliers", &row, 1)?;
            multipliers.insert(row[0], f.parse().map_err(|_| bad("multipliers", &row))?);
        }
        let mut currency_before = Lexicon::default();
        for row in rows(CURRENCY_BEFORE) {
            let unit = field("currency_before", &row, 1)?;
            if units
                .get(unit)
                .map_or(true, |u| u.kind != QuantityKind::Money)
            {
                return Err(bad("currency_before", &row));
            }
            currency_before.insert(row[0], unit.to_owned());
        }
        let (mut approx_before, mut approx_infix, mut approx_after) =
            (Lexicon::default(), Lexicon::default(), Lexicon::default());
        let (mut approx_vague, mut approx_block) = (Lexicon::default(), Lexicon::default());
        for row in rows(APPROX) {
            let a: Approx = field("approx", &row, 2)?.parse()?;
            match field("approx", &row, 1)? {
                "before" => approx_before.insert(row[0], a),
                "infix" => approx_infix.insert(row[0], a),
                "after" => approx_after.insert(row[0], a),
                "vague" => approx_vague.insert(row[0], a),
                "block" => approx_block.insert(row[0], ()),
                _ => return Err(bad("approx", &row)),
            };
        }
        let (mut change_verbs, mut change_rates, mut change_gaps, mut change_compares) = (
            Lexicon::default(),
            Lexicon::default(),
            Lexicon::default(),
            Lexicon::default(),
        );
        for row in rows(CHANGE) {
            let c: Change = field("change", &row, 1)?.parse()?;
            match field("change", &row, 2)? {
                "verb" => change_verbs.insert(row[0], c),
                "rate" => change_rates.insert(row[0], c),
                "gap" => change_gaps.insert(row[0], ()),
                "compare" => change_compares.insert(row[0], ()),
                _ => return Err(bad("change", &row)),
            };
        }
        let mut implied = Lexicon::default();
        for row in rows(IMPLIED) {
            implied.insert(row[0], field("implied", &row, 1)?.to_owned());
        }
        let (mut trim_start, mut trim_end) = (Lexicon::default(), Lexicon::default());
        for row in rows(TRIM) {
            match field("indicator_trim", &row, 1)? {
                "start" => trim_start.insert(row[0], ()),
                "end" => trim_end.insert(row[0], ()),
                _ => return Err(bad("indicator_trim", &row)),
            };
        }
        let (mut duration_before, mut duration_after) = (Lexicon::default(), Lexicon::default());
        for row in rows(DURATION_CUES) {
            match field("duration_cues", &row, 1)? {
                "before" => duration_before.insert(row[0], ()),
                "after" => duration_after.insert(row[0], ()),
                _ => return Err(bad("duration_cues", &row)),
            };
        }
        let degree_cues = flags("degree_cues", DEGREE_CUES, ["temperature", "other"])?;
        let rank_moves = flags("rank_moves", RANK_MOVES, ["always", "ranked"])?;
        let borrow = flags("borrow", BORROW, ["share", "any"])?;
        let mut classifiers = Lexicon::default();
        for row in rows(CLASSIFIERS) {
            let words = field("classifiers", &row, 1)?;
            let measure = match row.get(2) {
                None => false,
                Some(&"measure") => true,
                Some(_) => return Err(bad("classifiers", &row)),
            };
            classifiers.insert(row[0], (words.split(',').map(str::trim).collect(), measure));
        }
        let period: Vec<&str> = rows(PERIOD).map(|r| r[0]).collect();
        let period = Periods::new(&period)?;
        Ok(Embedded {
            units,
            multipliers,
            currency_before,
            per_units,
            approx_before,
            approx_infix,
            approx_after,
            approx_vague,
            approx_block,
            change_verbs,
            change_rates,
            change_gaps,
            change_compares,
            implied,
            rank_words: word_list(RANK),
            superlatives: word_list(SUPERLATIVES),
            first_place_words: word_list(FIRST_PLACE),
            score_words: word_list(SCORE_WORDS),
            rank_moves,
            form_bodies: word_list(FORM_BODIES),
            classifiers,
            name_markers: word_list(NAME_MARKERS),
            not_units: word_list(NOT_UNITS),
            idioms: word_list(IDIOMS),
            money_cues: word_list(MONEY_CUES),
            trim_start,
            trim_end,
            duration_before,
            duration_after,
            degree_cues,
            borrow,
            list_verbs: word_list(LIST_VERBS),
            period,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tables_compile_with_extra_units() {
        let mut o = Options::default();
        o.extra_units.insert("篇章".into(), QuantityKind::Count);
        let t = Tables::new(&o).unwrap();
        assert_eq!(t.units().get("成").unwrap().scale, 10.0);
        assert_eq!(t.units().get("成").unwrap().unit, "%");
        assert_eq!(t.units().get("篇章").unwrap().kind, QuantityKind::Count);
        let plain = Tables::new(&Options::default()).unwrap();
        assert!(
            plain.units().get("篇章").is_none(),
            "extras stay with their extractor"
        );
        assert!(
            std::ptr::eq(plain.embedded, t.embedded),
            "built once per process"
        );
        assert_eq!(t.multipliers.get("亿"), Some(&1e8));
        let found = |hay: &'static str| {
            let last = hay
                .char_indices()
                .rfind(|(_, c)| FRAME_CHAR_LIST.contains(c));
            let until = last.map_or(0, |(i, _)| i + 1);
            let found = t.period.find_iter(hay, until).map(|r| &hay[r]);
            found.collect::<Vec<_>>()
        };
        assert_eq!(found("近5年来"), ["近5年来"]);
        // Leftmost-longest, not the first pattern that matches.
        assert_eq!(found("这一年多来,目前"), ["这一年多来", "目前"]);
        assert!(t.embedded.period.each.iter().all(|r| !r.is_match("")));
    }

    /// Whether every match of the pattern `p` holds one of the
    /// [`FRAME_CHAR_LIST`]: each alternative has one outside any class,
    /// not optional, or a group that does (read conservatively: a class
    /// or an escape holds none).
    fn needs_frame_char(p: &[char]) -> bool {
        // The alternatives at the top level.
        let mut alternatives = vec![Vec::new()];
        let (mut depth, mut class, mut escaped) = (0, false, false);
        for &c in p {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '[' => class = true,
                ']' => class = false,
                '(' if !class => depth += 1,
                ')' if !class => depth -= 1,
                '|' if !class && depth == 0 => {
                    alternatives.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            alternatives.last_mut().unwrap().push(c);
        }
        alternatives.iter().all(|a| {
            let mut i = 0;
            let mut needs = false;
            while i < a.len() {
                // One atom, then its quantifier.
                let (end, holds) = match a[i] {
                    '\\' => (i + 2, false),
                    '[' => (
                        i + a[i..].iter().position(|&c| c == ']').unwrap() + 1,
                        false,
                    ),
                    '(' => {
                        let mut depth = 0;
                        let close = i + a[i..]
                            .iter()
                            .position(|&c| {
                                depth += i32::from(c == '(') - i32::from(c == ')');
                                depth == 0
                            })
                            .unwrap();
                        let inner = &a[i + 1..close];
                        let inner = inner.strip_prefix(&['?', ':']).unwrap_or(inner);
                        (close + 1, needs_frame_char(inner))
                    }
                    c => (i + 1, FRAME_CHAR_LIST.contains(&c)),
                };
                i = end;
                let quantified = matches!(a.get(i), Some('?' | '*' | '+' | '{'));
                let optional = match a.get(i) {
                    Some('?' | '*') => true,
                    Some('{') => a[i + 1] == '0',
                    _ => false,
                };
                if a.get(i) == Some(&'{') {
                    i += a[i..].iter().position(|&c| c == '}').unwrap();
                }
                i += usize::from(quantified);
                if quantified && a.get(i) == Some(&'?') {
                    // Lazy.
                    i += 1;
                }
                needs |= holds && !optional;
            }
            needs
        })
    }

    #[test]
    fn every_time_frame_holds_a_frame_char() {
        for row in rows(PERIOD) {
            let p: Vec<char> = row[0].chars().collect();
            assert!(needs_frame_char(&p), "{}", row[0]);
        }
        // The check itself: an optional or alternative frame char is none.
        for (p, needs) in [
            ("(?:\\d{4}年)?\\d月", true),
            ("(?:今|去)年(?:度)?", true),
            ("(?:年|日)底", false),
            ("近[年月]", false),
            ("年?末", false),
            ("\\d{1,2}年{0,1}", false),
        ] {
            let chars: Vec<char> = p.chars().collect();
            assert_eq!(needs_frame_char(&chars), needs, "{p}");
        }
    }

    #[test]
    fn tables_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tables>();
    }
}
