//! Judging a [`Reading`]: a metric (with its unit, kind and borderline flag),
//! or a date, an ordinal, a period, a code or a part of a name.

use std::ops::Range;
use std::sync::LazyLock;

use super::index::Index;
use super::numeral;
use super::scan::{self, Reading};
use super::segment;
use super::table;
use super::tables::{Tables, Unit};
use crate::region::Gazetteer;
use crate::text::punct::{CLAUSE, LIST_JOINERS};
use crate::text::{char_at, char_before, class_number_start, floor_char, is_cjk, words};
use crate::{Approx, QuantityKind};

/// How far back (bytes) a rank word may stand before `第N`.
const RANK_REACH: usize = 24;
/// The longest quoted phrase (chars) taken as a name or slogan.
const SLOGAN_CHARS: usize = 12;
/// The longest half of a slogan of parallel halves (chars).
const COUPLET_CHARS: usize = 8;
/// How far (bytes) the nouns that imply a unit may stand from a bare number.
const IMPLIED_BEFORE: usize = 24;
const IMPLIED_AFTER: usize = 12;

/// A quantity judged to be a metric; `'t` is the lifetime of the tables
/// its SI unit is borrowed from. Kept small (one per metric of a text, all
/// at once): what few metrics have stands behind a box or a borrow.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged<'t> {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// The unit reported.
    pub unit: String,
    /// The kind of quantity.
    pub kind: QuantityKind,
    /// The approximation.
    pub approx: Approx,
    /// Borderline.
    pub borderline: bool,
    /// For a bare number, the end of the noun after it that gave its unit
    /// (`13.5万留守儿童`).
    pub noun_end: Option<usize>,
    /// The value in an SI unit, where the unit has one.
    pub si: Option<(f64, &'t str)>,
    /// For a figure in a table row, its cell (which gave a bare number its
    /// unit).
    pub cell: Option<Box<table::Cell>>,
}

/// Judges `r`; `None` when it is not a metric. `rows` holds the lines of
/// `ix` read as table rows so far.
pub fn judge<'t>(
    ix: &Index,
    r: &Reading<'t>,
    tables: &Tables,
    sentence: Range<usize>,
    rows: &mut table::Rows,
) -> Option<Judged<'t>> {
    let text = ix.text;
    // A value that f64 cannot hold (`九` followed by 39 `亿`) is not reported:
    // no output ever carries an infinite or NaN value.
    if !r.value.is_finite() {
        return None;
    }
    // Only a rank takes these (`第三`, `第2023年`); [`quantity`] rejects
    // them (`一是`, `2023年`, `5日`), and nothing before it keeps one:
    // they are let go before those tests.
    if (is_bare_words(r) || ruled_out_by_unit(r)) && !text[..r.num_start].ends_with('第') {
        return None;
    }
    if is_place_name(text, r) || is_row_number(ix, r) {
        return None;
    }
    let cell = table_cell(ix, r, tables, rows);
    let labelled = label_unit(text, r, tables);
    if is_code(text, r, cell.is_some() || labelled.is_some()) {
        return None;
    }
    let judged = if text[..r.num_start].ends_with('第') {
        rank(ix, r, tables)
    } else {
        quantity(ix, r, tables, cell, labelled)
    };
    judged.filter(|j| {
        !segment::in_title(ix, sentence.start, j.start) && !in_slogan(ix, sentence.clone(), j)
    })
}

/// Whether `r` is a numeral in words with no unit, no multiplier and no
/// approximation word (`三` of `三大`): no figure, no table cell, no
/// labelled count.
fn is_bare_words(r: &Reading) -> bool {
    r.num.chinese
        && r.unit.is_none()
        && !r.multiplied
        && r.approx == Approx::Exact
        && !is_magnitude_in_words(r)
}

/// Whether a numeral in words with no unit is a magnitude all the same:
/// ten thousand or more, with an approximation (`超过七千万` people) or
/// of two figures or more (`二百七十四万`), not a bare round word (`三万里`,
/// `十万火急`).
fn is_magnitude_in_words(r: &Reading) -> bool {
    r.value >= 1e4 && (r.approx != Approx::Exact || significant_digits(r.value) >= 2)
}

/// Whether the unit of `r` rules it out wherever it stands: a year
/// (`2023年`), a unit only after one (`分成两半`), or only after decimals
/// (the day of `3月5日`).
fn ruled_out_by_unit(r: &Reading) -> bool {
    let rule =
        |u: &Unit| (u.after_one && r.num.value() != 1.0) || (u.decimal_only && r.num.scale == 0);
    r.unit.is_some_and(rule) || is_year(r)
}

/// Whether `r` is four bare digits in the span of time `年`: a year.
fn is_year(r: &Reading) -> bool {
    let in_years = r
        .unit
        .is_some_and(|u| u.unit == "年" && u.kind == QuantityKind::Duration);
    in_years && r.num.digits_only && r.num.chars == 4
}

/// The table cell of a number written in digits (not a year), if it ends a
/// cell of a row whose unit is stated, or stands in a row split by spaces
/// with or without its own unit ([`table`]), its rows read through `rows`.
fn table_cell(
    ix: &Index,
    r: &Reading,
    tables: &Tables,
    rows: &mut table::Rows,
) -> Option<table::Cell> {
    let plain =
        !r.multiplied && !r.range && !r.fraction && !r.num.chinese && r.approx == Approx::Exact;
    if !plain {
        return None;
    }
    let own_unit = r.unit.is_some();
    let cell = table::cell(ix, r.start, r.end, own_unit, tables, rows);
    // Written like a year (the test of `is_date_or_period`): a year, unless
    // it stands in a column headed by no year in a row of other counts
    // (`专任教师(人)` over `漳江街道 18 31240 1986`).
    let year = r.num.digits_only && r.num.chars == 4 && (1900.0..=2100.0).contains(&r.value);
    if year {
        return cell.filter(|c| is_count_cell(ix.text, r, c));
    }
    cell.or_else(|| (!own_unit).then(|| table::declared(ix, r.start, r.end, tables))?)
}

/// Whether the bare four digits `r`, read as a year by their form, are a
/// count of the table cell `c`: its column has a header with no 年 in it,
/// its row label has none either, and another figure of its row is no
/// year (a row of years, `项目 2022 2023`, heads the columns).
fn is_count_cell(text: &str, r: &Reading, c: &table::Cell) -> bool {
    let header = &text[c.column.clone()];
    let label = &text[c.row_label.clone()];
    if header.is_empty() || header.contains('年') || label.contains('年') {
        return false;
    }
    let line_end =
        memchr::memchr(b'\n', &text.as_bytes()[r.end..]).map_or(text.len(), |i| r.end + i);
    let row = &text[c.row_label.end..line_end];
    row.split(|ch: char| !ch.is_ascii_digit() && ch != '.' && ch != ',')
        .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
        .any(|t| !is_year_digits(t))
}

/// Whether `t` is four ASCII digits of a year, 1900 to 2100.
fn is_year_digits(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Whether a Chinese numeral and its unit start the name of a place that
/// runs on past them (`三台县`, `九台区`, `七台河市`), not a count of
/// machines (`5台河道保洁船`, `三台县级设备` aside: the name must be one),
/// or lie inside a name that starts a char or two before them (`斗六市`);
/// a short form the figure ends names a place in a list (`七股、左镇`).
fn is_place_name(text: &str, r: &Reading) -> bool {
    if !r.num.chinese || r.unit.is_none() {
        return false;
    }
    let Ok(g) = Gazetteer::shared() else {
        return false;
    };
    let starts = text[..r.num_start]
        .char_indices()
        .rev()
        .take(2)
        .map(|(i, _)| i);
    // A name that ends with the figure names a place where a list of
    // places goes on (七股、左镇、楠西, Tainan's districts), not a list of
    // counts (救护车五台、消防车三台).
    let listed = || {
        text[r.end..]
            .strip_prefix('、')
            .is_some_and(|next| g.prefix_len(next).is_some())
    };
    g.prefix_len(&text[r.num_start..])
        .is_some_and(|len| r.num_start + len > r.end || (r.num_start + len == r.end && listed()))
        || starts
            .filter_map(|p| g.prefix_len(&text[p..]).map(|len| p + len))
            .any(|end| end >= r.end)
}

/// The unit word of two chars or more that ends the words right before a
/// bare number in digits that ends its clause (`急症室求診人次2 086 500，`):
/// a label naming its unit, as a table row's does.
fn label_unit<'t>(text: &str, r: &Reading, tables: &'t Tables) -> Option<&'t Unit> {
    if r.unit.is_some() || r.num.chinese || r.approx != Approx::Exact || r.start != r.num_start {
        return None;
    }
    // The figure ends its clause: a number followed by a word is an
    // identifier (`批次20240315的产品`, `车次1461的旅客`, `班次102路`).
    let ends = char_at(text, r.end).map_or(true, |c| CLAUSE.has(c) || c == '\n');
    let (n, u) = tables.units().longest_ending_at(text, r.start)?;
    let word = &text[r.start - n..r.start];
    (ends && word.chars().count() >= 2 && u.kind == QuantityKind::Count && !u.borderline)
        .then_some(u)
}

/// Judges a quantity that is not an ordinal; `cell` is its table cell,
/// `labelled` the unit its label names ([`label_unit`]).
fn quantity<'t>(
    ix: &Index,
    r: &Reading<'t>,
    tables: &Tables,
    cell: Option<table::Cell>,
    labelled: Option<&Unit>,
) -> Option<Judged<'t>> {
    let text = ix.text;
    // A lone `一` is mostly an article (`一所学校`, `一批`), but before a
    // measure, an area or money it is a figure (`一公顷`, `一欧元`).
    let measured = r.unit.is_some_and(|u| match u.kind {
        // `一两` is no weight and `一度` mostly the adverb (`一度上涨`).
        QuantityKind::Money | QuantityKind::Area | QuantityKind::Measure => {
            u.unit != "两" && u.unit != "度"
        }
        // `下降一个百分点`, `增长一倍`, `提升一成`, but not `一成不变`.
        QuantityKind::Percent | QuantityKind::Ratio => !text[r.end..].starts_with('不'),
        // An age (`满一周岁`), not a year (`一年来`).
        QuantityKind::Duration => u.unit == "岁",
        _ => false,
    });
    if r.num.is_lone_one() && !r.multiplied && !r.fraction && !r.compound && !measured {
        return None;
    }
    if r.num.is_lone_one() && !r.multiplied && is_rate_base(text, r) {
        return None;
    }
    if r.num.chinese && in_idiom(text, r, tables) {
        return None;
    }
    let vague = r.vague;
    if vague && r.approx == Approx::Exact {
        return None;
    }
    let mut j = Judged {
        start: r.start,
        end: r.end,
        value: r.value,
        unit: String::new(),
        kind: QuantityKind::Count,
        approx: if r.range { Approx::Over } else { r.approx },
        borderline: vague || r.range,
        noun_end: None,
        si: None,
        cell: None,
    };
    let money = |c: &table::Cell| {
        c.stated
            .as_ref()
            .is_some_and(|s| s.kind == QuantityKind::Money)
    };
    if cell.as_ref().is_some_and(|c| c.bracketed && money(c)) {
        // `(12,417)`: an amount in brackets is negative (a count in
        // brackets is a part, `其中:女生 (5,936)`).
        j.start -= 1;
        j.end += 1;
        j.value = -j.value;
    }
    if let Some(s) = cell.as_ref().and_then(|c| c.stated.as_ref()) {
        // On the digits, so that 2.18 under `亿立方米` is 218000000, not
        // 218000000.00000003.
        let digits = 10f64.powi(r.num.scale);
        j.value = (j.value * digits).round() * s.scale / digits;
        j.kind = s.kind;
        j.unit = s.unit.clone();
        // `基本每股收益(元) 0.52`: money per share, as in a sentence.
        let money = s.kind == QuantityKind::Money && !s.unit.contains('/');
        if money && cell.as_ref().is_some_and(|c| table::per_share(ix, c)) {
            j.unit.push_str("/股");
        }
        j.cell = cell.map(Box::new);
        return Some(j);
    }
    // A figure with its own unit in a table row still reads its row.
    j.cell = cell.map(Box::new);
    match r.unit {
        Some(u) => {
            // `一半` is a half; `分成两半` is no quantity.
            if u.after_one && r.num.value() != 1.0 {
                return None;
            }
            // Chinese numerals with the tenth word after (`五角六分`) are money too.
            let tenths = u.tenth.is_some_and(|w| text[..r.end].ends_with(w));
            if (u.decimal_only && r.num.scale == 0)
                || (u.arabic_only
                    && r.num.chinese
                    && !tenths
                    && !is_score_in_words(ix, r, u, tables))
            {
                return None;
            }
            if !has_cue(text, r, u)
                || is_minutes_or_fen(text, r, u)
                || is_cohort(r, u)
                || is_class_name(text, r, u)
                || is_session(text, r, u)
                || is_size_class(text, r)
                || is_payout_base(text, r, u)
                || is_age_group(text, r, u)
                || is_page_counter(text, r, u)
                || is_page_meta(text, r)
                || is_top_group(text, r, u)
                || is_average_window(text, r, u)
            {
                return None;
            }
            if u.kind == QuantityKind::Duration
                && (is_date_or_period(text, r) || !is_span_of_time(text, r, tables))
            {
                return None;
            }
            if tables.name_markers.longest_at(text, r.end).is_some() || is_phase(text, r, u) {
                return None;
            }
            if is_rank_move(ix, r, u, tables) {
                return Some(Judged {
                    approx: j.approx,
                    ..ranked(r.start, r.end, r.value)
                });
            }
            j.unit = match r.per {
                Some(per) => match r.per_time {
                    Some(time) => {
                        let (open, close) = if r.per_paren { ("(", ")") } else { ("", "") };
                        let sep = if r.per_time_slash { '/' } else { '·' };
                        format!(
                            "{}/{open}{}{sep}{}{close}",
                            u.unit,
                            per.unit,
                            time.unit.trim_start_matches('个')
                        )
                    }
                    None => format!("{}/{}", u.unit, per.unit),
                },
                None if u.kind == QuantityKind::Money && per_share(ix, r) => {
                    format!("{}/股", u.unit)
                }
                None => u.unit.clone(),
            };
            j.kind = u.kind;
            j.borderline |= u.borderline;
            if let (Some(si), None) = (&u.si, r.per) {
                let v = r.value * si.factor + si.offset;
                j.si = v.is_finite().then_some((v, si.unit.as_str()));
            }
        }
        None if labelled.is_some() => {
            let u = labelled?;
            j.unit = u.unit.clone();
            j.kind = u.kind;
        }
        None => {
            // `5.3、4.7和3.4亿吨`: a bare figure that opens a list takes the
            // unit and the multiplier of its last item (not a list of
            // years, `2023、2024年`).
            let bare = !(r.multiplied
                || r.num.chinese
                || r.range
                || r.fraction
                || in_ordinal_list(text, r.num_start));
            if let Some(end) = bare
                .then(|| scan::list_end(text, r.end, false, false, tables))
                .flatten()
                .filter(|e| e.unit.kind != QuantityKind::Duration)
            {
                let u = end.unit;
                let v = r.value * end.factor_for(r.value) * u.scale;
                if !v.is_finite() {
                    return None;
                }
                j.value = v;
                j.unit = u.unit.clone();
                j.kind = u.kind;
                return Some(j);
            }
            // Chinese numerals only as a magnitude.
            let chinese_ok = is_magnitude_in_words(r);
            let magnitude = r.multiplied || r.approx != Approx::Exact || r.num.chinese;
            if !magnitude || r.range || (r.num.chinese && !chinese_ok) {
                return None;
            }
            // `341.2万、375.9万及306.0万人次`: the list's unit, else the
            // nouns around.
            let listed = scan::list_end(text, r.end, r.multiplied, true, tables)
                .filter(|e| r.multiplied || e.multiplier.is_none())
                .map(|e| (e.unit.unit.clone(), None));
            let (unit, noun_end) = listed.or_else(|| implied_unit(ix, r, tables))?;
            j.unit = unit;
            j.noun_end = noun_end;
            // `近千万`: a round magnitude in words, no unit written.
            j.borderline |= r.num.chinese;
            if let Some(u) = tables.units().get(&j.unit) {
                j.kind = u.kind;
            }
        }
    }
    Some(j)
}

/// How many non-zero digits the whole number `value` has (2740000: 3).
fn significant_digits(value: f64) -> usize {
    if !(0.0..1e15).contains(&value) {
        return 0;
    }
    // Exact for whole numbers below 10^15.
    let mut n = value as u64;
    let mut count = 0;
    while n > 0 {
        count += usize::from(n % 10 != 0);
        n /= 10;
    }
    count
}

/// Whether `位` or `名` counts places a ranking moved (`较上年前进37位`,
/// `排名上升了5名`), not people (`比上年下降126名`): after a verb of
/// [`Tables::rank_moves`], one of the plain change verbs among them only
/// where the sentence speaks of a ranking (`本行位列第298位,较上年上升23位`).
fn is_rank_move(ix: &Index, r: &Reading, u: &Unit, tables: &Tables) -> bool {
    if !(u.unit == "位" || u.unit == "名") || r.per.is_some() {
        return false;
    }
    let text = ix.text;
    let before = text[..r.num_start].trim_end_matches('了');
    match tables.rank_moves.longest_ending_at(before, before.len()) {
        Some((_, &always)) => {
            always || {
                let sentence = &text[segment::sentence_start(ix, r.start)..r.start];
                RANKINGS.iter().any(|w| sentence.contains(w))
            }
        }
        None => false,
    }
}

/// Words that say a sentence speaks of a ranking.
const RANKINGS: [&str; 8] = ["排名", "位次", "名次", "排位", "位列", "名列", "位居", "榜"];

/// Whether the clause before a money figure speaks of it per share
/// (`基本每股收益-0.12元`, `每股净资产5.08元`): the unit is then `元/股`.
fn per_share(ix: &Index, r: &Reading) -> bool {
    let cs = segment::clause_start(ix, r.start);
    ix.text[cs..r.start].contains("每股")
}

/// A `分` that is no score: the minutes of a time or a duration (`8时30分`,
/// `9点15分`, `2小时15分`, `1分30秒`) or fen of money per unit
/// (`1.5分/千瓦时`).
fn is_minutes_or_fen(text: &str, r: &Reading, u: &Unit) -> bool {
    if u.unit != "分" {
        return false;
    }
    let before = &text[..r.num_start];
    let after_hours = before.ends_with("小时")
        || (before.ends_with(['时', '点'])
            && char_before(text, r.num_start - '时'.len_utf8())
                .is_some_and(|c| c.is_ascii_digit()));
    let seconds_follow = char_at(text, r.end).is_some_and(|c| c.is_ascii_digit());
    after_hours || seconds_follow || r.per.is_some()
}

/// A score in Chinese numerals (`平均分提高了二十一分`): a numeral of two
/// chars or more (`十分` is "very") before a `分` that ends the figure, in a
/// clause that speaks of marks before it ([`Tables::score_words`]).
fn is_score_in_words(ix: &Index, r: &Reading, u: &Unit, tables: &Tables) -> bool {
    let text = ix.text;
    let ends = char_at(text, r.end).map_or(true, |c| !is_cjk(c) || SCORE_ENDS.contains(c));
    u.kind == QuantityKind::Score
        && r.num.chars >= 2
        && ends
        && tables
            .score_words
            .occurs_in(&text[segment::clause_start(ix, r.start)..r.start])
}

/// Chars that may follow a score in words: the figure ends there
/// (`二十一分以上`, `十五分的差距`, `十五分和十二分`).
const SCORE_ENDS: &str = "以的左多至到和及与或";

/// The year a class graduates or enrols (`2024届毕业生`): a name of the
/// cohort, not a count of sessions (`连续三届` still counts).
fn is_cohort(r: &Reading, u: &Unit) -> bool {
    u.unit == "届" && r.num.digits_only && r.num.chars == 4 && !r.num.chinese
}

/// A school class named by its grade and number (`六年级3班`): no count of
/// classes.
fn is_class_name(text: &str, r: &Reading, u: &Unit) -> bool {
    u.unit == "班"
        && text[r.num_end..].starts_with('班')
        && class_number_start(text, r.num_end).is_some()
}

/// Bodies whose terms and sessions are numbered (`区十九届人大三次会议`,
/// `政协十四届二次会议`): `N届` or `N次会议` right after one names a term or
/// a session, no count.
const SESSION_BODIES: [&str; 6] = ["人大", "政协", "党代会", "常委会", "代表大会", "届"];

/// A numbered term or session of a congress (`政协十四届`, `人大三次会议`,
/// `十四届二次会议`): no count of terms or meetings.
fn is_session(text: &str, r: &Reading, u: &Unit) -> bool {
    let after_body = || SESSION_BODIES.iter().any(|b| text[..r.start].ends_with(b));
    match u.unit.as_str() {
        "次" => text[r.end..].starts_with("会议") && after_body(),
        "届" => {
            // A session's number after the term (`十四届二次会议`).
            let rest = &text[r.end..];
            let digits = rest.trim_start_matches(|c| numeral::chinese_digit(c).is_some());
            let session = digits.len() < rest.len() && digits.starts_with("次会议");
            session || after_body()
        }
        _ => false,
    }
}

/// A size class of bodies (`产值超亿元企业97家`, `过千万元项目`): a round
/// magnitude written without a digit, right before a noun, names the
/// class; the count that follows is the figure (`营收超亿元。` and
/// `突破万亿元大关` stay one).
fn is_size_class(text: &str, r: &Reading) -> bool {
    const MAGNITUDES: &[char] = &['十', '百', '千', '万', '亿'];
    let num = &text[r.num_start..r.num_end];
    num.contains(['万', '亿'])
        && num.chars().all(|c| MAGNITUDES.contains(&c))
        && char_at(text, r.end).is_some_and(|c| is_cjk(c) && c != '的')
        && !text[r.end..].starts_with("大关")
}

/// The base of a payout per shares (`每10股派发现金红利3.50元`): the shares
/// after `每` count what the payout is divided by, no holding of shares.
fn is_payout_base(text: &str, r: &Reading, u: &Unit) -> bool {
    u.unit == "股" && text[..r.start].ends_with('每')
}

/// An age bound that names a group of people in a rate's or a count's name
/// (`5岁以下儿童死亡率`, `65岁以上老年人`), no quantity of its own.
fn is_age_group(text: &str, r: &Reading, u: &Unit) -> bool {
    const PEOPLE: [&str; 7] = ["儿童", "婴幼儿", "老年", "老人", "人口", "青少年", "妇女"];
    u.unit == "岁"
        && r.approx != Approx::Exact
        && PEOPLE.iter().any(|w| text[r.end..].starts_with(w))
}

/// A page counter (`第3页 共10页`, `共5页/第1页`): `N页` next to a `第N页`
/// a few chars away counts no pages of anything.
fn is_page_counter(text: &str, r: &Reading, u: &Unit) -> bool {
    const REACH: usize = 8 * 3;
    if u.unit != "页" {
        return false;
    }
    let from = floor_char(text, r.start.saturating_sub(REACH));
    let to = floor_char(text, (r.end + REACH).min(text.len()));
    let ordinal_page = |part: &str| {
        part.match_indices('第').any(|(i, _)| {
            let rest = &part[i + '第'.len_utf8()..];
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            digits > 0 && rest[digits..].starts_with('页')
        })
    };
    ordinal_page(&text[from..r.start]) || ordinal_page(&text[r.end..to])
}

/// Whether a lone `一` and a measure or an area is the base of a price or
/// an income that a sum of money later in its clause states
/// (`一亩苞谷一年挣不到800元`, `一吨水只要3元`): one of the unit, no
/// quantity of its own. A list joins a length to other things instead
/// (`修建一公里步道及3座平台`).
fn is_rate_base(text: &str, r: &Reading) -> bool {
    let per = r
        .unit
        .is_some_and(|u| matches!(u.kind, QuantityKind::Area | QuantityKind::Measure));
    if !per {
        return false;
    }
    let rest = &text[r.end..];
    for (i, c) in rest.char_indices().take(RATE_REACH) {
        if CLAUSE.has(c) || matches!(c, '及' | '和' | '与') {
            return false;
        }
        if c.is_ascii_digit() {
            let after = rest[i..].trim_start_matches(|d: char| {
                d.is_ascii_digit() || matches!(d, '.' | ',' | '万' | '亿' | '千' | '百')
            });
            return after.starts_with(['元', '块']);
        }
    }
    false
}

/// How many chars after a lone `一` and its unit a figure stating a rate
/// of it may stand.
const RATE_REACH: usize = 24;

/// Labels of a web page's view count (`浏览:3,108次`;
/// `data/metric/view_labels.txt`).
static VIEW_LABELS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/metric/view_labels.txt")).collect());

/// Words by which a web page names itself before 被 and a view label
/// (`本文已被浏览`).
const PAGE_WORDS: [&str; 5] = ["本文", "该文", "此文", "本页", "本篇"];

/// File-name extensions a web page's attachment may have, in lower case
/// (`报告.pdf(1.86MB)`; `data/metric/file_extensions.txt`).
static FILE_EXTENSIONS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| words(include_str!("../../data/metric/file_extensions.txt")).collect());

/// What a web page says of itself, not what the report measures: its view
/// count after a label and a colon (`浏览:3,108次`) or after 被 and a
/// label (`已被浏览 2586 次`), or the size of an
/// attachment in brackets after its file name (`报告.pdf(1.86MB)`).
fn is_page_meta(text: &str, r: &Reading) -> bool {
    let before = text[..r.start].trim_end_matches(' ');
    // After a label and a colon, or after the page, 被 and a label
    // (`本文已被浏览 2586 次`; a report's own `网页已被浏览120万次` counts).
    let passive_page = |rest: &str| {
        let rest = rest
            .strip_suffix('被')
            .map(|r| r.strip_suffix('已').unwrap_or(r));
        rest.is_some_and(|r| PAGE_WORDS.iter().any(|w| r.ends_with(w)))
    };
    let labelled = |b: &str, passive: bool| {
        VIEW_LABELS.iter().any(|w| {
            b.strip_suffix(w)
                .is_some_and(|rest| !passive || passive_page(rest))
        })
    };
    // The labels end in one of these chars: the cheap test first.
    let passive = || before.ends_with(['览', '读', '击', '量', '数']) && labelled(before, true);
    let viewed = before
        .strip_suffix(':')
        .map_or_else(passive, |b| labelled(b, false));
    let attached = before.strip_suffix('(').is_some_and(|b| {
        let b = b.as_bytes();
        FILE_EXTENSIONS.iter().any(|x| {
            b.len() >= x.len() && b[b.len() - x.len()..].eq_ignore_ascii_case(x.as_bytes())
        })
    });
    viewed || attached
}

/// Chars after `前N名` that keep it a rank (`前10名以内`, `前50名行列`,
/// `前10名的学校`, `前三名左右`).
const RANK_AFTER: [char; 6] = ['以', '之', '内', '左', '行', '的'];

/// The top of a ranking named as a group of its members (`前10名股东`,
/// `前五名客户`): `前`, a count of 名 and the noun it qualifies, no figure
/// (`进入全国前10名。` still ranks).
fn is_top_group(text: &str, r: &Reading, u: &Unit) -> bool {
    u.unit == "名"
        && text[..r.start].ends_with('前')
        && char_at(text, r.end).is_some_and(|c| is_cjk(c) && !RANK_AFTER.contains(&c))
}

/// The window of an average (`臭氧日最大8小时滑动平均值`, `8小时平均浓度`):
/// a duration that names what is measured, not a span of time.
fn is_average_window(text: &str, r: &Reading, u: &Unit) -> bool {
    u.kind == QuantityKind::Duration
        && (text[r.end..].starts_with("滑动") || text[r.end..].starts_with("平均"))
}

/// Chars that end the name of a site, facility or platform built in
/// phases (产业园二期, 平台二期).
const SITES: &[char] = &[
    '园', '地', '区', '厂', '馆', '站', '线', '港', '场', '城', '楼', '库', '院', '心', '路', '桥',
    '厦', '镇', '村', '程', '目', '理', '台', '湾',
];

/// Chars that end a school's name, which a phase follows where more is said
/// of it (小学二期完工, 学校二期投入使用; 举办家长学校六期 counts sessions).
const SCHOOL_SITES: [char; 2] = ['学', '校'];

/// Words for what is built in phases, which a phase names after 的
/// (位于吴江区的二期生产基地).
const PHASED: [&str; 3] = ["生产", "基地", "工程"];

/// A phase of a site or a project (`产业园二期`, `基地一期`, `公园二期`,
/// `综合治理二期`, `小学二期`): a Chinese numeral and 期 right after the
/// site's name, after another phase in a list (`一期、二期`), or after 的
/// before what is built (`的二期生产基地`), is part of a name, not a count
/// of periods (`举办三期培训班`, `分三期建设` still count).
fn is_phase(text: &str, r: &Reading, u: &Unit) -> bool {
    // 两 only counts (`项目两期合共提供`: two phases).
    // A list of phases (`一期、二期已全面投产`) names them too.
    let listed = || {
        text[..r.num_start]
            .strip_suffix('、')
            .is_some_and(|b| b.ends_with('期'))
    };
    u.unit == "期"
        && r.num.chinese
        && !text[r.num_start..].starts_with('两')
        && (char_before(text, r.num_start).is_some_and(|c| {
            SITES.contains(&c)
                || (SCHOOL_SITES.contains(&c) && char_at(text, r.end).is_some_and(is_cjk))
        }) || listed()
            || (text[..r.num_start].ends_with('的')
                && PHASED.iter().any(|w| text[r.end..].starts_with(w))))
}

/// A number glued to Latin letters, `+`, `:` or `/`: a code, a time, a model
/// name or a slogan (`5G`, `K9`, `2+4+N`, `15:03`); or a number inside a web
/// address or an e-mail address (`%28`, `?id=5`).
fn is_code(text: &str, r: &Reading, in_table: bool) -> bool {
    if in_address(text, r.num_start) || list_number_before_year(text, r) {
        return true;
    }
    let mut before = text[..r.num_start].chars().rev();
    let mut after = text[r.num_end..].chars();
    let glue = |c: char| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '.' | '#' | '_');
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let code_before = match before.next() {
        Some(':' | '-') => digit(before.next()),
        // A sign (`+5.2%`), unless it joins two parts of a code (`2+4`).
        Some('+') => before.next().is_some_and(glue),
        // A decimal point lost as a space (`2127 74亿元`): the value cannot
        // be told, so nothing is read rather than a wrong value.
        Some(' ') => !in_table && digit(before.next()),
        // A percent-encoding or a query value (`%28`, `id=5`, `&n=3`).
        Some('%' | '=' | '&' | '@') => true,
        // The last side of a product of sizes (`5×3米`, `1200*600毫米`):
        // the unit belongs to the product, not to this number alone.
        Some('×' | '*') => digit(before.next()),
        // An indicator's acronym before an amount or a rate (`GDP15,612.7亿元`,
        // `CPI2.1%`), not a model or a standard (`ISO9001`, `PM2.5`).
        Some(c) if c.is_ascii_uppercase() => {
            let acronym = before.next().is_some_and(|c| c.is_ascii_uppercase());
            let amount = r.multiplied
                || r.unit
                    .is_some_and(|u| matches!(u.kind, QuantityKind::Money | QuantityKind::Percent));
            !(acronym && amount)
        }
        Some(c) => glue(c),
        None => false,
    };
    let code_after = match after.next() {
        // A time or a ratio (`8:30`, `1∶45`).
        Some(':' | '∶') => digit(after.next()),
        Some('-') => r.unit.is_none(),
        // A rate per population (`8.26/10万`): the unit starts with `/`.
        Some('/') if r.unit.is_some_and(|u| u.unit.starts_with('/')) => false,
        // A letter after the number is a code's (`5G`, `K9`), unless it
        // multiplied the number (`月薪12k`).
        Some(c) if c.is_ascii_alphabetic() => r.unit.is_none() && !r.multiplied,
        Some(c) => glue(c),
        None => false,
    };
    // A long bare number in digits is a code, unless it is a figure of a
    // table (a numeral in words, `约三百二十二万`, is none).
    let long = r.unit.is_none() && !r.multiplied && !r.num.chinese && r.num.chars >= 6 && !in_table;
    code_before || code_after || long
}

/// The longest run of address chars looked at before a number.
const ADDRESS_REACH: usize = 200;

/// A run of non-space ASCII this short (bytes) is read whole by [`in_address`].
const SHORT_RUN: usize = 16;

/// Whether byte `at` is inside a web or e-mail address: the run of
/// non-space ASCII before it holds `://`, `www.` or `@`.
///
/// A long run is searched only at its marker chars (found by `memrchr3`,
/// nearest first), checking just the bytes between them and `at`, so that a
/// run of figures (`1%1%1%…`) costs a vector search, not a walk.
fn in_address(text: &str, at: usize) -> bool {
    let window = &text.as_bytes()[at.saturating_sub(ADDRESS_REACH)..at];
    // Most runs are short (a number after a CJK char): read them whole.
    let near = window.len().saturating_sub(SHORT_RUN);
    if let Some(k) = window[near..].iter().rposition(|b| !b.is_ascii_graphic()) {
        let run = &window[near + k + 1..];
        return run.windows(3).any(|w| w == b"://")
            || run.windows(4).any(|w| w == b"www.")
            || run.contains(&b'@');
    }
    // `window[graphic..]` is known to be all non-space ASCII.
    let mut graphic = window.len();
    let mut end = window.len();
    while let Some(i) = memchr::memrchr3(b':', b'@', b'w', &window[..end]) {
        if !window[i..graphic].iter().all(u8::is_ascii_graphic) {
            return false;
        }
        graphic = i;
        let marker = match window[i] {
            b'@' => true,
            b':' => window[i..].starts_with(b"://"),
            _ => window[i..].starts_with(b"www."),
        };
        if marker {
            return true;
        }
        end = i;
    }
    false
}

/// A number inside a short quoted name or slogan (`"三个融入"`, `"1334"`).
fn in_slogan(ix: &Index, sentence: Range<usize>, j: &Judged<'_>) -> bool {
    let Some((open, close)) = segment::quote_around(ix, sentence, j.start, j.end) else {
        return false;
    };
    let quoted = &ix.text[open..close];
    // `「300億元中低所得家庭租金補貼專案」`: a programme named by its sum.
    let programme = j.start == open && PROGRAMME_ENDS.iter().any(|w| quoted.ends_with(w));
    // `"基层诊疗量占比达到六成"目标`: a target quoted, its figure a metric.
    let before = &ix.text[open..j.start];
    let target = TARGET_VERBS.iter().any(|w| before.ends_with(w));
    (quoted.chars().count() <= SLOGAN_CHARS && !target) || is_couplet(quoted) || programme
}

/// Verbs of a target right before its figure (`占比达到六成`,
/// `不低于90%`): a short quoted phrase with one is a target, no slogan.
const TARGET_VERBS: [&str; 8] = [
    "达到",
    "超过",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "不低于",
    "不少于",
];

/// Words that end the quoted name of a programme (`「300億元…補貼專案」`,
/// `"百千万"工程`): a figure that opens such a name names it.
const PROGRAMME_ENDS: [&str; 5] = ["专案", "计划", "工程", "行动", "项目"];

/// Whether `quoted` is a slogan of parallel halves of equal length
/// (`情系成渝两地、共话劳动教育`), each at most [`COUPLET_CHARS`] long, with
/// no figure in digits (a quoted target, `粮食增产5%、农民增收8%`, is none).
fn is_couplet(quoted: &str) -> bool {
    if quoted.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let lens: Vec<usize> = quoted
        .split(['、', ','])
        .map(|p| p.chars().count())
        .collect();
    lens.len() >= 2 && (2..=COUPLET_CHARS).contains(&lens[0]) && lens.iter().all(|&n| n == lens[0])
}

/// Units of a span of time that frames figures where `内` follows it
/// (`七天内`, `三个月内`, `15个工作日内`; writers mark such spans optional).
const SPANS_WITHIN: &[&str] = &["个月", "天", "日", "周", "小时", "工作日", "个工作日"];

/// `N年` that is a year (`2022年`) or frames a figure (`近5年`, `3年来`, `三年间`,
/// `5至10年`), the first months of a year (`首十个月`, `前8个月`), or the
/// span a report covers (`截至6月30日止六个月`, `截至3月31日止的十二个月`):
/// not a metric.
fn is_date_or_period(text: &str, r: &Reading) -> bool {
    let Some(u) = r.unit else { return false };
    if u.unit != "年" {
        let opening = ["首", "前"].iter().any(|w| text[..r.start].ends_with(w));
        // `截至6月30日止六个月`: the period a report covers.
        let until = text[..r.start].ends_with('止') || text[..r.start].ends_with("止的");
        // `七天内`, `60日内`: the time within which a figure falls; `对上
        // 三个月`: the period before, a comparison's base.
        let within = SPANS_WITHIN.contains(&u.unit.as_str())
            && (text[r.end..].starts_with('内') || text[..r.start].ends_with("对上"));
        // An age range (`3-6岁`, `十七八岁`) is an age, no period.
        return (r.range && u.unit != "岁") || until || within || (u.unit == "个月" && opening);
    }
    let year = is_year(r);
    let after = &text[r.end..];
    // `近5年` frames a figure (the last five years); `约4.5年` is a span.
    let recent = r.approx_before
        && r.approx == Approx::About
        && !(text[r.start..].starts_with('约') && r.value.fract() != 0.0);
    // `3年来`, `三年间增长八成`: the years a change took frame it.
    let framed = after.starts_with(['来', '间']) || after.starts_with("以来") || recent;
    let before = &text[..r.start];
    let past = ["过去", "这", "最近", "前"]
        .iter()
        .any(|w| before.ends_with(w));
    year || framed || past || r.range
}

/// A duration in months, days or hours, an anniversary (`100周年`), or a
/// span of years or an age next to a word showing it measures how long
/// something lasted (`连续8年`, `建校9年`, `20多年间`, `平均年龄35岁`).
fn is_span_of_time(text: &str, r: &Reading, tables: &Tables) -> bool {
    let changed = tables
        .change_verbs
        .longest_ending_at(text, r.start)
        .is_some_and(|(_, &c)| c != crate::Change::None);
    // A fraction of a year or of an age is a span (`缩短至5.3年`, `0.6岁`).
    changed
        || r.value.fract() != 0.0
        || r.unit.is_some_and(|u| u.unit != "年")
        || tables
            .duration_before
            .longest_ending_at(text, r.start)
            .is_some()
        || tables.duration_after.longest_at(text, r.end).is_some()
}

/// Whether the cue the unit `u` needs, if any, stands near the figure `r`
/// ([`Unit::cue_before`]): `年逾七旬`, `六旬老人`, not `历时三旬`.
fn has_cue(text: &str, r: &Reading, u: &Unit) -> bool {
    if u.cue_before.is_none() && u.cue_after.is_none() {
        return true;
    }
    let from = floor_char(text, r.start.saturating_sub(6));
    u.cue_before
        .is_some_and(|w| text[from..r.start].contains(w))
        || u.cue_after.is_some_and(|w| text[r.end..].starts_with(w))
}

/// Whether the number of `r` numbers a table's row or a section: short
/// digits at the head of a line, a space the normaliser dropped, then the
/// next cell (`2　元坝镇　道路改造`), whose first char is no unit of it; or
/// a section's number (`2.4　升学与创业`, `4.1　校企合作`), its heading
/// running on past what reads as a unit.
fn is_row_number(ix: &Index, r: &Reading) -> bool {
    let line_start = r.num_start == 0 || ix.text.as_bytes()[r.num_start - 1] == b'\n';
    if !line_start || r.unit.is_none() || ix.joins.binary_search(&r.num_end).is_err() {
        return false;
    }
    let number = &ix.text[r.num_start..r.num_end];
    // A one-char word read as the unit, no multiplier (升 of 升学, 校 of
    // 校企合作; `1.2 万人次` wraps a figure onto its line).
    let one_char = r.unit.is_some_and(|u| u.unit.chars().count() == 1) && !r.multiplied;
    let section = || {
        one_char
            && number.contains('.')
            && number
                .split('.')
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
            && char_at(ix.text, r.end).is_some_and(is_cjk)
    };
    (r.num.digits_only && number.len() <= 3) || section()
}

/// Whether the number of `r` is a list number glued to a year at the head
/// of its line (`1.2025年7月15日,公司…`), not a decimal.
fn list_number_before_year(text: &str, r: &Reading) -> bool {
    // The head of a line first, on one byte: most numbers stand elsewhere,
    // and only those at one are split at their point.
    let line_start = r.num_start == 0 || text.as_bytes()[r.num_start - 1] == b'\n';
    if !line_start {
        return false;
    }
    let number = &text[r.num_start..r.num_end];
    let Some((item, year)) = number.split_once('.') else {
        return false;
    };
    (1..=2).contains(&item.len()) && is_year_digits(year) && text[r.num_end..].starts_with('年')
}

/// `第N名` or `名列全国第一`: a rank. Other `第N` are ordinals in names.
fn rank<'t>(ix: &Index, r: &Reading<'t>, tables: &Tables) -> Option<Judged<'t>> {
    let text = ix.text;
    let start = r.num_start - '第'.len_utf8();
    // `比第二名高出19公斤`: the rank compared with, not one held.
    if text[..start].ends_with(['比', '较']) {
        return None;
    }
    let (end, named) = match r.unit {
        Some(u) if u.unit == "名" || u.unit == "位" => (r.end, true),
        _ => (r.num.end, false),
    };
    if !named {
        // `第三。`, or a record's rank (`1961年以来第三高。`).
        let degree = tables
            .superlatives
            .longest_at(text, r.num.end)
            .map_or(0, |(len, _)| len);
        let next = char_at(text, r.num.end + degree);
        if next.is_some_and(|c| !CLAUSE.has(c)) {
            return None;
        }
        let from = floor_char(text, start.saturating_sub(RANK_REACH));
        let from = segment::clause_start(ix, start).max(from);
        if !tables.rank_words.occurs_in(&text[from..start]) {
            return None;
        }
    }
    Some(ranked(start, end, r.num.value()))
}

/// A rank from `start` to `end` with the place `value`.
fn ranked<'t>(start: usize, end: usize, value: f64) -> Judged<'t> {
    Judged {
        start,
        end,
        value,
        unit: "名次".into(),
        kind: QuantityKind::Rank,
        approx: Approx::Exact,
        borderline: false,
        noun_end: None,
        si: None,
        cell: None,
    }
}

/// The quantity a word at `at` states without a numeral: `打对折`
/// ([`half_off`]), or `首位` and `榜首` ([`first_place`]).
pub fn word_quantity<'t>(text: &str, at: usize, tables: &Tables) -> Option<Judged<'t>> {
    if text[at..].starts_with("对折") {
        half_off(text, at)
    } else {
        first_place(text, at, tables)
    }
}

/// `首位` or `榜首` at `at` right after a word that ranks, or after one and
/// a scope starting with 全 or 各 of at most [`SCOPE_CHARS`] in its clause
/// (`位居榜首`, `居全省首位`, `排在全国首位`, `居全国地级市首位`): first
/// place, rank 1. After 在 or 于 with no scope it is
/// a priority, not a rank (`把安全放在首位`, `把就业排在首位`).
fn first_place<'t>(text: &str, at: usize, tables: &Tables) -> Option<Judged<'t>> {
    let word = ["首位", "榜首"]
        .into_iter()
        .find(|w| text[at..].starts_with(w))?;
    let ranks_at = |p: usize| {
        tables
            .first_place_words
            .longest_ending_at(text, p)
            .is_some()
    };
    // A scope between the word that ranks and 首位, opening with 全 or 各
    // (`居全省首位`, `居全国地级市首位`, `位居全国港口首位`, `居各区首位`).
    let scoped = text[..at]
        .char_indices()
        .rev()
        .take(SCOPE_CHARS)
        .take_while(|&(_, c)| !CLAUSE.has(c))
        .any(|(p, c)| matches!(c, '全' | '各') && ranks_at(p));
    let priority = text[..at].ends_with(['在', '于']);
    let rank = (ranks_at(at) && !priority) || scoped;
    rank.then(|| ranked(at, at + word.len(), 1.0))
}

/// The most chars of a scope between a word that ranks and `首位`.
const SCOPE_CHARS: usize = 8;

/// `对折` right after 打 (`一律打对折`): a discount to half, 50 %. Alone it
/// folds something in two (`将纸对折`); after a negation it is a figure of
/// speech (`落实不能打对折`).
fn half_off<'t>(text: &str, at: usize) -> Option<Judged<'t>> {
    // `不能打对折`, `不打对折`: a figure of speech (do things by half).
    let before = text[..at].strip_suffix('打')?;
    let negated = before.ends_with(['不', '能', '会', '别', '要', '得']);
    (!negated).then(|| Judged {
        value: 50.0,
        unit: "%".into(),
        kind: QuantityKind::Percent,
        ..ranked(at, at + "对折".len(), 50.0)
    })
}

/// Whether the number at `at` is an item of a list of ordinals (`第1、2和
/// 3名`): the run of digits and joiners before it opens with `第`.
fn in_ordinal_list(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| {
        c.is_ascii_digit() || c == '.' || c == '、' || LIST_JOINERS.contains(&c)
    });
    before.ends_with('第')
}

/// Whether the Chinese numeral of `r` stands inside a set phrase of
/// [`Tables::idioms`] (`他三番五次上门`, `九牛一毛`), which starts at most
/// [`IDIOM_LEAD`] chars before it.
fn in_idiom(text: &str, r: &Reading, tables: &Tables) -> bool {
    let mut starts = text[..r.num_start]
        .char_indices()
        .rev()
        .take(IDIOM_LEAD)
        .map(|(i, _)| i)
        .chain(std::iter::once(r.num_start));
    starts.any(|at| {
        tables
            .idioms
            .longest_at(text, at)
            .is_some_and(|(len, _)| at + len > r.num_start)
    })
}

/// How far before a numeral a set phrase holding it may start, in chars
/// (`九牛一毛`: three).
const IDIOM_LEAD: usize = 4;

/// The unit implied by the nouns around a bare number (`13.5万留守儿童`,
/// `注册用户超过15万`, `访问量约1680万`), with the end of the noun when it
/// follows the number.
fn implied_unit(ix: &Index, r: &Reading, tables: &Tables) -> Option<(String, Option<usize>)> {
    let text = ix.text;
    let cs = segment::clause_start(ix, r.start);
    let ce = segment::clause_end(ix, r.end);
    // A noun starts within the reach and may end past it (`及2.7万人次`).
    let clause = &text[..ce];
    let reach = floor_char(text, (r.end + IMPLIED_AFTER).min(ce));
    let from = floor_char(text, r.start.saturating_sub(IMPLIED_BEFORE)).max(cs);
    let before = &text[from..r.start];
    let first = text[r.end..reach].char_indices().find_map(|(i, _)| {
        let (len, u) = tables.implied.longest_at(clause, r.end + i)?;
        Some((u.clone(), Some(r.end + i + len)))
    });
    let last = || {
        before
            .char_indices()
            .rev()
            .find_map(|(i, _)| tables.implied.longest_at(before, i))
            .map(|(_, u)| (u.clone(), None))
    };
    first.or_else(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metric::scan;
    use crate::Options;
    use proptest::prelude::*;

    proptest! {
        /// The marker search agrees with the plain reading: the run of
        /// non-space ASCII before `at` holds `://`, `www.` or `@`.
        #[test]
        fn in_address_is_the_run_test(text in "[a-z0-9w:/.@% 年]{0,260}", cut in 0usize..300) {
            let mut at = cut.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let bytes = text.as_bytes();
            let from = at.saturating_sub(ADDRESS_REACH);
            let n = bytes[from..at].iter().rev().take_while(|b| b.is_ascii_graphic()).count();
            let run = &bytes[at - n..at];
            let plain = run.windows(3).any(|w| w == b"://")
                || run.windows(4).any(|w| w == b"www.")
                || run.contains(&b'@');
            prop_assert_eq!(in_address(&text, at), plain);
        }
    }

    fn judged(text: &str) -> Vec<(String, f64, String)> {
        let t = Tables::new(&Options::default()).unwrap();
        let ix = Index::of(text);
        let mut out = Vec::new();
        let mut pos = 0;
        let mut rows = table::Rows::default();
        while let Some(at) = ix.numbers.first_from(pos) {
            let r = scan::read(text, at, &t).unwrap();
            match judge(&ix, &r, &t, 0..text.len(), &mut rows) {
                Some(j) => {
                    out.push((text[j.start..j.end].to_owned(), j.value, j.unit));
                    pos = j.end.max(r.num_end);
                }
                None => pos = scan::run_end(text, at),
            }
        }
        out
    }

    #[test]
    fn dates_ordinals_and_names_are_not_metrics() {
        assert!(judged("2022年9月22日,第十八中学第二届一年级").is_empty());
        // A session of a congress, a size class of bodies; a bare figure
        // in Chinese numerals of two figures or more.
        assert!(judged("区十九届人大三次会议第0147号建议").is_empty());
        assert_eq!(
            judged("产值超亿元企业97家"),
            [("97家".into(), 97.0, "家".into())]
        );
        assert_eq!(judged("人口将达二百七十四万。")[0].1, 2_740_000.0);
        assert!(judged("三万里河东入海").is_empty());
        // A class named by its grade and number counts no classes.
        assert!(judged("六年级3班以186分获得第一")
            .iter()
            .all(|j| j.2 != "班"));
        assert_eq!(judged("新增5班")[0].2, "班");
        assert!(judged("近5年来,实施\"五大提升行动\"和\"三个融入\",5G与K9").is_empty());
        assert!(judged("构建2+4+N模式,时间15:03:32").is_empty());
        assert!(judged("《三年行动计划》").is_empty());
        // The top of a ranking as a group, an average's window, a phase.
        assert!(judged("前10名股东持股情况,前五名客户").is_empty());
        assert_eq!(judged("进入全国前10名。")[0].1, 10.0);
        assert!(judged("臭氧日最大8小时滑动平均值,日最大8小时平均浓度").is_empty());
        assert!(judged("平台二期建设").is_empty());
        assert_eq!(judged("举办家长学校六期")[0].1, 6.0);
        assert_eq!(judged("跻身全国前50名行列")[0].1, 50.0);
        assert_eq!(judged("购置救护车五台、消防车三台").len(), 2);
        // A district's short form in a list of places.
        assert!(judged("主要分布在七股、左镇、楠西等沿海地区").is_empty());
        // What a web page says of itself: views, an attachment's size.
        assert!(judged("(发布:2024-02-07 浏览:3108次)").is_empty());
        assert!(judged("附件:工作报告.PDF(1.86MB)").is_empty());
        assert!(judged("索引号:11500114MB1X0437KQ").is_empty());
        assert_eq!(judged("网站浏览量达3108次")[0].1, 3108.0);
        // A span a figure falls within, the period before: frames.
        assert!(judged("黄金周七天内,较对上三个月,须在15个工作日内").is_empty());
    }

    #[test]
    fn ranks_and_implied_units() {
        assert_eq!(
            judged("名列全市第一。")[0],
            ("第一".into(), 1.0, "名次".into())
        );
        assert_eq!(
            judged("位居榜单第3名")[0],
            ("第3名".into(), 3.0, "名次".into())
        );
        assert_eq!(judged("保障13.5万留守儿童")[0].2, "人");
        assert_eq!(judged("年均访问量约1680万。")[0].2, "次");
        assert!(judged("编号12345678").is_empty());
    }

    #[test]
    fn counts_and_durations() {
        assert_eq!(judged("举办两届")[0], ("两届".into(), 2.0, "届".into()));
        assert_eq!(judged("连续8年开展")[0].2, "年");
        assert_eq!(judged("优良天数328天")[0].2, "天");
        assert_eq!(judged("浓度32微克/立方米")[0].2, "微克/立方米");
        assert!(judged("九年义务教育").is_empty());
        // An age is a (borderline) quantity: the guideline's optional kind.
        assert_eq!(
            judged("年龄在60岁以上")[0],
            ("60岁以上".into(), 60.0, "岁".into())
        );
        // A bound before a group of people names the group.
        assert!(judged("60岁以上老人").is_empty());
        assert_eq!(judged("十七八岁的孩子")[0].1, 17.0);
        assert_eq!(judged("年逾七旬")[0], ("逾七旬".into(), 70.0, "岁".into()));
        assert_eq!(judged("六旬老人")[0], ("六旬".into(), 60.0, "岁".into()));
        // Ten-day spans are no age.
        assert!(judged("历时三旬").is_empty());
        assert_eq!(judged("满一周岁")[0].1, 1.0);
        assert_eq!(
            judged("特色课程百余门")[0],
            ("百余门".into(), 100.0, "门".into())
        );
    }

    #[test]
    fn minutes_and_fen_are_no_scores() {
        let scores = |t: &str| {
            judged(t)
                .into_iter()
                .filter(|j| j.2.starts_with('分'))
                .count()
        };
        assert_eq!(scores("全程用时2小时15分,耗时1分30秒,8时30分开会。"), 0);
        assert_eq!(scores("电价降低1.5分/千瓦时。"), 0);
        assert_eq!(scores("满意度得分95.6分。"), 1);
    }
}
