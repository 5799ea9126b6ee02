//! Reading the surface of a quantity at a number: approximation words, the
//! number (or range, or fraction), multipliers and the unit.

use super::numeral::{self, Num, Share};
use super::tables::{Tables, Unit};
use crate::text::punct::{Breaks, LIST_JOINERS, PHRASE, RANGE_JOINERS, SENTENCE};
use crate::text::{char_at, char_before, is_cjk};
use crate::{Approx, QuantityKind};

/// The most items of a list read ahead for the unit they share.
const MAX_LIST_ITEMS: usize = 6;

/// The surface reading of a quantity, before it is judged a metric.
#[derive(Debug, Clone)]
pub struct Reading<'t> {
    /// First byte, approximation words included.
    pub start: usize,
    /// First byte of the number.
    pub num_start: usize,
    /// The (first) number.
    pub num: Num,
    /// One past the number run (the range's upper end, the fraction's numerator).
    pub num_end: usize,
    /// The value: multipliers applied, fractions as percent.
    pub value: f64,
    /// Written as a range (`2-3门`): `value` is the lower end.
    pub range: bool,
    /// Written as a fraction (`四分之一`).
    pub fraction: bool,
    /// A multiplier followed the number (`3.8万`).
    pub multiplied: bool,
    /// The unit, if one follows.
    pub unit: Option<&'t Unit>,
    /// The unit after a slash (`微克/立方米`, `元/人`).
    pub per: Option<&'t Unit>,
    /// A span of time after the unit after the slash (`元/人·年`).
    pub per_time: Option<&'t Unit>,
    /// The span of time follows a second slash (`元/生/年`), not a dot.
    pub per_time_slash: bool,
    /// The unit after the slash and its span of time stand in brackets
    /// (`元/(人·年)`).
    pub per_paren: bool,
    /// The approximation.
    pub approx: Approx,
    /// Whether the approximation came from a word before the number.
    pub approx_before: bool,
    /// A vague round figure (`数十`, `上百`, `百余`).
    pub vague: bool,
    /// A half or a sub-unit was added after the unit (`三米半`, `八元六角`),
    /// or a whole number before a fraction (`三又二分之一`).
    pub compound: bool,
    /// The value carries a sign written before the number (`-3亿元`, `负5%`).
    pub signed: bool,
    /// One past the last byte.
    pub end: usize,
}

/// One past the run of number chars at `at` (where to go on after a reject).
pub fn run_end(text: &str, at: usize) -> usize {
    // Digits and points on bytes; only other chars are decoded.
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() || b == b'.' {
            i += 1;
        } else if b < 0x80 {
            return i;
        } else {
            match char_at(text, i) {
                Some(c) if numeral::in_number(c) => i += c.len_utf8(),
                _ => return i,
            }
        }
    }
    i
}

/// Whether a word that makes a lone `万` or `亿` a round figure ends at
/// `at`: an approximation word before a number (`近万人次`, `逾亿元`), not
/// blocked, or a vague one that says more than (`上万人`); `数万`, `几万`
/// name no figure (and `人数万人次` is a table's label and its unit).
pub fn approx_ends_at(text: &str, at: usize, tables: &Tables) -> bool {
    let before = tables.approx_before.longest_ending_at(text, at);
    let vague = || {
        tables
            .approx_vague
            .longest_ending_at(text, at)
            .filter(|(_, &a)| a == Approx::Over)
    };
    before
        .or_else(vague)
        .is_some_and(|(len, _)| !approx_blocked(text, at, len, tables))
}

/// Whether a word of `approx.tsv`'s block list longer than `len` bytes ends
/// at `at` (`附近3所`), so that the approximation word of `len` bytes there
/// is none.
fn approx_blocked(text: &str, at: usize, len: usize, tables: &Tables) -> bool {
    tables
        .approx_block
        .longest_ending_at(text, at)
        .is_some_and(|(b, _)| b > len)
}

/// Reads the quantity whose number starts at `at`.
pub fn read<'t>(text: &str, at: usize, tables: &'t Tables) -> Option<Reading<'t>> {
    let num = numeral::parse(text, at).or_else(|| {
        approx_ends_at(text, at, tables).then(|| numeral::lone_magnitude(text, at))?
    })?;
    // A lone 零 is a word, not a count of nothing: 零部件, 零售, 零星.
    if num.end == at + '零'.len_utf8() && text[at..].starts_with('零') {
        return None;
    }
    // The sign before the number (its length), and whether it is a minus.
    let sign = sign_before(text, at);
    let negative = sign > 0 && !text[..at].ends_with('+');
    let mut r = Reading {
        start: at,
        num_start: at,
        num,
        num_end: num.end,
        value: num.value(),
        range: num.neighbours,
        fraction: false,
        multiplied: false,
        unit: None,
        per: None,
        per_time: None,
        per_time_slash: false,
        per_paren: false,
        approx: Approx::Exact,
        approx_before: false,
        vague: num.leading_round,
        compound: false,
        signed: false,
        end: num.end,
    };
    if let Some((numer, share)) = numeral::fraction(text, &num) {
        r.fraction = true;
        r.vague = false;
        r.num_end = numer.end;
        r.end = numer.end;
        let (value, unit) = match share {
            Share::Percent(v) => (v, "%"),
            Share::PerMille(v) => (v, "‰"),
        };
        r.value = value;
        r.unit = tables.units().get(unit);
    } else if let Some((den, value)) = numeral::slash_fraction(text, at, &num)
        .filter(|(den, _)| speaks_of_share(text, at, den.end, tables))
    {
        // `约1/4的学生`: a share.
        r.fraction = true;
        r.num_end = den.end;
        r.end = den.end;
        r.value = value;
        r.unit = tables.units().get("%");
    } else if let Some(n) = mixed(text, &num) {
        // `三又二分之一米`: a whole number and a fraction, then the unit.
        r.compound = true;
        r.num = n;
        r.num_end = n.end;
        r.end = n.end;
        read_unit(text, &mut r, tables);
    } else {
        read_range(text, &mut r, negative);
        read_unit(text, &mut r, tables);
    }
    if let Some(unit) = r.unit {
        if let Some((len, &a)) = tables.approx_after.longest_at(text, r.end) {
            r.approx = a;
            r.end += len;
        } else if unit.more_after && more_at(text, r.end) {
            r.approx = Approx::Over;
            r.end += '多'.len_utf8();
        }
    }
    if sign > 0 {
        r.signed = true;
        if negative {
            r.value = -r.value;
        }
        r.start = at - sign;
    }
    let lead = r.start;
    let blocked = |len: usize| approx_blocked(text, lead, len, tables);
    if let Some((len, &a)) = tables.approx_before.longest_ending_at(text, lead) {
        if !blocked(len) {
            r.approx = a;
            r.approx_before = true;
            r.start = lead - len;
        }
    } else if let Some((len, &a)) = tables.approx_vague.longest_ending_at(text, lead) {
        if num.chinese && text[at..].starts_with(['十', '百', '千', '万', '亿']) && !blocked(len)
        {
            r.approx = a;
            r.approx_before = true;
            r.vague = true;
            r.start = lead - len;
        }
    }
    currency_before(text, &mut r, tables);
    temperature_scale(text, &mut r, tables);
    spoken_money(text, &mut r, tables);
    Some(r)
}

/// Whether a `多` that ends the figure stands at `at` (`增长一倍多。`,
/// `三成多的`), not one that starts a word (`一倍多元化`).
fn more_at(text: &str, at: usize) -> bool {
    let Some(rest) = text[at..].strip_prefix('多') else {
        return false;
    };
    rest.chars()
        .next()
        .map_or(true, |c| !is_cjk(c) || matches!(c, '的' | '了'))
}

/// Words before a figure in `度` that name its scale.
const SCALES: [(&str, &str); 2] = [("摄氏", "℃"), ("华氏", "℉")];

/// A figure in `度` after `摄氏` or `华氏` (`华氏九十八点六度`) is in that
/// scale; one whose clause speaks of heat or cold ([`Tables::degree_cues`]:
/// `最高气温三十六度`, `发烧到39度`, `40度的温水`) is in degrees Celsius,
/// unless a word there makes it another degree (`空调用电12度`, `52度白酒`).
fn temperature_scale<'t>(text: &str, r: &mut Reading<'t>, tables: &'t Tables) {
    // `一度` is mostly the adverb (`一度飙升`).
    if !r.unit.is_some_and(|u| u.unit == "度") || r.num.is_lone_one() {
        return;
    }
    let before = &text[..r.num_start];
    if let Some(&(_, unit)) = SCALES.iter().find(|(word, _)| before.ends_with(word)) {
        r.unit = tables.units().get(unit).or(r.unit);
        return;
    }
    // Before the figure the sentence speaks (`今天开了暖气,室内有22度`);
    // after it, its own clause.
    let before = text[..r.start].char_indices().rev();
    let from = clause_reach(before, r.start, DEGREE_BEFORE, &SENTENCE);
    let after = text[r.end..].char_indices().map(|(i, c)| (r.end + i, c));
    let to = clause_reach(after, r.end, DEGREE_AFTER, &PHRASE);
    let (from, to) = (from.min(r.start), to.max(r.end));
    // The word nearest the figure decides (`电网负荷创新高,最低气温降至
    // 零下10度` is a temperature).
    let mut nearest: Option<(usize, bool)> = None;
    for (i, _) in text[from..to].char_indices() {
        if let Some((len, &heat)) = tables.degree_cues.longest_at(&text[..to], from + i) {
            let at = from + i;
            // A word inside the figure (`零下5度`) stands nearest of all.
            let distance = if at < r.start {
                r.start - (at + len).min(r.start)
            } else {
                at.saturating_sub(r.end)
            };
            if nearest.map_or(true, |(d, _)| distance <= d) {
                nearest = Some((distance, heat));
            }
        }
    }
    if nearest.is_some_and(|(_, heat)| heat) {
        r.unit = tables.units().get("℃").or(r.unit);
    }
}

/// A figure in `块` that ends its phrase, right after a word of money
/// ([`Tables::money_cues`], within [`MONEY_BEFORE`] chars of its clause:
/// `每月房贷五六千块`, `打完折才一百块`), is in 元, as spoken; elsewhere
/// `块` counts pieces (`建成篮球场12块`, `买了三块蛋糕`).
fn spoken_money<'t>(text: &str, r: &mut Reading<'t>, tables: &'t Tables) {
    if !r.unit.is_some_and(|u| u.unit == "块") || r.per.is_some() {
        return;
    }
    // A noun after it: pieces (`买了三块蛋糕`).
    let rest = &text[r.end..];
    let ends = rest.chars().next().map_or(true, |c| !is_cjk(c))
        || ["钱", "左右", "多", "上下", "以上", "以下"]
            .iter()
            .any(|w| rest.starts_with(w));
    if !ends {
        return;
    }
    let before = text[..r.start].char_indices().rev();
    let from = clause_reach(before, r.start, MONEY_BEFORE, &PHRASE);
    let money = text[from..r.start].char_indices().any(|(i, _)| {
        tables
            .money_cues
            .longest_at(&text[..r.start], from + i)
            .is_some()
    });
    if money {
        r.unit = tables.units().get("元").or(r.unit);
    }
}

/// Chars looked at before a figure in `块` for a word of money.
const MONEY_BEFORE: usize = 4;

/// Chars looked at before a figure in `度` for a word of what it measures.
const DEGREE_BEFORE: usize = 15;
/// Chars looked at after it.
const DEGREE_AFTER: usize = 6;

/// How far `chars` (walking away from `at`, with their offsets) reach in
/// at most `n` chars before one of `ends`: the offset of the last char
/// taken's far side.
fn clause_reach(
    chars: impl Iterator<Item = (usize, char)>,
    at: usize,
    n: usize,
    ends: &Breaks,
) -> usize {
    let mut reach = at;
    for (i, c) in chars.take(n) {
        if ends.has(c) {
            break;
        }
        reach = if i < at { i } else { i + c.len_utf8() };
    }
    reach
}

/// Whether `N/M` from `at` to `end` stands as a share: after an
/// approximation word or a verb of being or making up ([`SHARE_BEFORE`]:
/// `约1/4`, `占1/3`), or before `的` or an approximation word (`1/4的学生`,
/// `1/3以上`); not a knockout round (`1/4决赛`) or a page (`第1/2页`).
fn speaks_of_share(text: &str, at: usize, end: usize, tables: &Tables) -> bool {
    // A date (`截至3/31的统计`, `于10/28的下午`) or a size in a unit
    // (`约1/2英寸`, `约1/50亩`) is no share.
    let dated = DATE_BEFORE.iter().any(|w| text[..at].ends_with(w))
        || ["的上午", "的下午", "的晚", "的早"]
            .iter()
            .any(|w| text[end..].starts_with(w));
    let sized = tables.units().longest_at(text, end).is_some();
    let before = text[..at].ends_with(SHARE_BEFORE)
        || tables.approx_before.longest_ending_at(text, at).is_some();
    let after =
        text[end..].starts_with('的') || tables.approx_after.longest_at(text, end).is_some();
    (before || after) && !dated && !sized
}

/// Words before `N/M` that make it a date (`截至3/31`, `于10/28`).
const DATE_BEFORE: &[&str] = &["截至", "截止", "于", "至", "到", "从", "自", "在"];

/// Chars right before `N/M` that make it a share (`占1/3`, `达1/4`).
const SHARE_BEFORE: &[char] = &['占', '达'];

/// A currency word or sign before a number that has no unit after it
/// (`¥123,000.00`, `US$5亿`): it joins the quantity and names its unit.
/// Before a number with its unit (`新臺幣386億元`, `人民币2亿元`,
/// `港币50亿元`) the word stays outside the quantity, whose unit is the one
/// written after the number, as annotators read it.
///
/// `起` after a price (`HK$388起`, `年薪60W起`) says "from": it is no
/// measure word of cases there, and the quantity ends before it.
fn currency_before<'t>(text: &str, r: &mut Reading<'t>, tables: &'t Tables) {
    // A Latin code may stand a space before the number (`MOP 652`).
    let spaced = || {
        let at = r
            .start
            .checked_sub(1)
            .filter(|&a| text.as_bytes()[a] == b' ')?;
        let (len, unit) = tables.currency_before.longest_ending_at(text, at)?;
        text[at - len..at].is_ascii().then_some((len + 1, unit))
    };
    let currency = tables
        .currency_before
        .longest_ending_at(text, r.start)
        .or_else(spaced);
    let from = r.unit.is_some_and(|u| u.unit == "起" && r.per.is_none())
        && text[..r.end].ends_with('起')
        && (currency.is_some() || text[..r.end - '起'.len_utf8()].ends_with(['k', 'K', 'w', 'W']));
    if from {
        r.end -= '起'.len_utf8();
        r.unit = None;
    }
    if r.fraction || r.unit.is_some() {
        return;
    }
    let Some((len, unit)) = currency else {
        return;
    };
    if let Some(u) = tables.units().get(unit) {
        r.unit = Some(u);
        r.start -= len;
    }
}

/// The byte length of a sign written right before the number at `at`:
/// `-`, `−` or `负` (`净利润-3亿元`, `增长−5%`, `为负5%`), `零下` before
/// a temperature, or `+` (`增速为+5.2%`). A dash after a digit or letter joins a range or a code
/// (`2-3门`, `A-1`) and is not a sign; nor is `负` of `正负`, `胜负`, `减负`.
fn sign_before(text: &str, at: usize) -> usize {
    let before = &text[..at];
    let mut chars = before.chars().rev();
    let Some(c) = chars.next() else { return 0 };
    // Most numbers follow none of these: the char before is then not read.
    if !matches!(c, '-' | '−' | '+' | '负' | '下') {
        return 0;
    }
    let prev = chars.next();
    match c {
        '-' | '−' | '+' => {
            let joined = prev.is_some_and(|p| p.is_ascii_alphanumeric() || matches!(p, '.' | '-'));
            if joined {
                0
            } else {
                c.len_utf8()
            }
        }
        '负' if !matches!(
            prev,
            Some('正' | '胜' | '抱' | '担' | '自' | '欺' | '减' | '辜' | '重')
        ) =>
        {
            c.len_utf8()
        }
        '下' if prev == Some('零') => "零下".len(),
        _ => 0,
    }
}

/// A mixed number: the whole part `whole`, `又` and a fraction
/// (`三又二分之一`). Returns the number read as a whole and one past it.
fn mixed(text: &str, whole: &Num) -> Option<Num> {
    let at = whole.end
        + text[whole.end..]
            .strip_prefix('又')
            .map(|_| '又'.len_utf8())?;
    let den = numeral::parse(text, at)?;
    let (numer, Share::Percent(p)) = numeral::fraction(text, &den)? else {
        return None;
    };
    (p < 100.0).then(|| Num {
        end: numer.end,
        int: whole.value() + p / 100.0,
        scale: 0,
        digits_only: false,
        ..*whole
    })
}

/// Reads the upper end of a range after the first number, if any; the
/// first number is `negative` where a minus sign stands before it
/// (`-5~3℃`).
fn read_range(text: &str, r: &mut Reading, negative: bool) {
    let Some(c) = char_at(text, r.num.end) else {
        return;
    };
    if !RANGE_JOINERS.contains(&c) {
        return;
    }
    let mut hi_at = r.num.end + c.len_utf8();
    // The upper end may be negative too (`-10~-5℃`).
    let hi_sign = char_at(text, hi_at).filter(|&s| negative && (s == '-' || s == '−'));
    if let Some(s) = hi_sign {
        hi_at += s.len_utf8();
    }
    if let Some(hi) = numeral::parse(text, hi_at) {
        let low = if negative { -r.value } else { r.value };
        let high = if hi_sign.is_some() {
            -hi.value()
        } else {
            hi.value()
        };
        if hi.chinese == r.num.chinese && high > low {
            r.range = true;
            r.num_end = hi.end;
            r.end = hi.end;
        }
    }
}

/// A share in tenths and the verb to be (`近三成为首次`), which reads as 成为
/// (to become) unless an approximation stands before the number.
const SHARE_THEN_VERB: &str = "成为";

/// Reads multipliers, infix approximation words and the unit, with what may
/// follow the unit: a per-unit after a slash (`元/人`), a half (`三米半`) or
/// jiao and fen after yuan (`八元六角`).
fn read_unit<'t>(text: &str, r: &mut Reading<'t>, tables: &'t Tables) {
    let mut pos = r.end;
    let mut factor = 1.0;
    let mut infix = false;
    // What the parts of a compound figure (`1亿2千万`, `3万5千`) add up to
    // before the part at hand.
    let mut carried = 0.0;
    let mut half = false;
    // `个` was read before the unit, so `月` stands for `个月`.
    let mut ge = false;
    // Where an infix `来` stood, and the approximation before it.
    let mut lai = None;
    loop {
        // `近三成为首次`: after an approximation 成 is a share and 为 the
        // verb, not 成为 (to become).
        let share = text[pos..].starts_with(SHARE_THEN_VERB)
            && tables
                .approx_before
                .longest_ending_at(text, r.num_start)
                .is_some();
        if !share && tables.not_units.longest_at(text, pos).is_some() {
            break;
        }
        if r.unit.is_none() && r.num.scale == 0 {
            if let Some(rest) = text[pos..].strip_prefix("个半") {
                // `一个半小时`, `两个半月`.
                if tables.units().longest_at(rest, 0).is_some() || rest.starts_with('月') {
                    half = true;
                    ge = true;
                    pos += "个半".len();
                }
            } else if let Some(a) = more_than_hours(text, pos, tables) {
                // `10个多小时`, `3个多月`: more than the count.
                r.approx = a;
                infix = true;
                ge = true;
                pos += "个多".len();
            }
        }
        if let Some((len, unit)) = unit_at(text, pos, ge, tables) {
            r.unit = Some(unit);
            pos += len;
            if unit.unit == "分" || unit.unit == "小时" {
                if let Some((num, end)) = race_time(text, pos, r.num, unit.unit.as_str()) {
                    // `1分02秒4`, `2小时06分48秒`: a race time, in seconds.
                    r.num = num;
                    r.unit = tables.units().get("秒");
                    r.compound = true;
                    pos = end;
                    break;
                }
            }
            if unit.unit == "个" {
                // `提高1.9个和0.8个百分点`: the list's last item names the unit.
                r.unit = points_of_list(text, pos, tables).or(r.unit);
            }
            factor *= unit.scale;
            if let Some(rest) = text[pos..].strip_prefix('/') {
                // `元/(人·年)`: the denominator in brackets, read only whole.
                let paren = rest.starts_with('(');
                let rest = if paren { &rest[1..] } else { rest };
                let per = unit_at(rest, 0, false, tables);
                let over_people = tables.per_units.longest_at(rest, 0);
                let per = match (per, over_people) {
                    (Some(u), Some(p)) => Some(if p.0 > u.0 { p } else { u }),
                    (u, p) => u.or(p),
                };
                if let Some((per_len, per)) = per {
                    let mut at = pos + 1 + usize::from(paren) + per_len;
                    // `元/人·年`, `元/人·月`, `元/生/年`: per person and year.
                    let sep = char_at(text, at).filter(|&c| matches!(c, '·' | '•' | '/'));
                    let mut time = None;
                    if let Some(sep) = sep {
                        // `月` stands for `个月` here too.
                        let from = at + sep.len_utf8();
                        let span = unit_at(text, from, true, tables)
                            .or_else(|| tables.per_units.longest_at(text, from));
                        if let Some((n, u)) = span.filter(|(_, u)| u.kind == QuantityKind::Duration)
                        {
                            time = Some(u);
                            at += sep.len_utf8() + n;
                        }
                    }
                    let closed = !paren || (time.is_some() && text[at..].starts_with(')'));
                    if closed {
                        r.per = Some(per);
                        r.per_time = time;
                        r.per_time_slash = time.is_some() && sep == Some('/');
                        r.per_paren = paren;
                        pos = at + usize::from(paren);
                    }
                }
            }
            if r.per.is_none() && !r.multiplied && carried == 0.0 {
                if text[pos..].starts_with('半') && unit.kind != QuantityKind::Count {
                    half = true;
                    pos += '半'.len_utf8();
                } else if let Some((tenths, len)) =
                    tenths_after(text, pos, unit, r.num.chinese, tables)
                {
                    // `四成二`: 42 %; `两块五`: spoken money, 2.5 元.
                    let (digits, count) = tenths;
                    r.num.append_decimals(digits, count);
                    pos += len;
                    if unit.unit == "块" {
                        r.compound = true;
                        r.unit = tables.units().get("元");
                    }
                } else if unit.unit == "元" || unit.unit == "块" {
                    // `八元六角`, `三块五毛`: spoken money.
                    if let Some((len, cents)) = jiao_fen(&text[pos..]) {
                        carried = cents;
                        pos += len;
                        r.compound = true;
                        r.unit = tables.units().get("元");
                    }
                }
            }
            break;
        }
        if let Some((len, &m)) = tables.multipliers.longest_at(text, pos) {
            factor *= m;
            r.multiplied = true;
            pos += len;
            if let Some(n) = next_part(text, pos, factor, tables) {
                // `1亿2千万元`: carry what is read so far, go on with the next part.
                let mut done = r.num;
                done.multiply(factor);
                carried += done.value();
                r.num = n;
                r.compound = true;
                factor = 1.0;
                pos = n.end;
            }
        } else if let Some((len, m)) = web_multiplier(text, pos, r, tables) {
            factor *= m;
            r.multiplied = true;
            pos += len;
        } else if let (false, Some((len, &a))) = (infix, tables.approx_infix.longest_at(text, pos))
        {
            infix = true;
            if text[pos..].starts_with('来') {
                lai = Some((pos, r.approx));
            }
            r.approx = a;
            pos += len;
        } else {
            break;
        }
    }
    // `来` is an approximation only before a unit or multiplier (`三万来块`,
    // `十来个`), not the verb of `2万来访群众`, `4.5万来华留学生`.
    if let Some((at, approx)) = lai.filter(|_| r.unit.is_none()) {
        pos = at;
        r.approx = approx;
    }
    let mut n = r.num;
    if half {
        n.int += 0.5 * 10f64.powi(n.scale);
        r.compound = true;
    }
    if r.unit.is_some_and(|u| u.discount) && n.value() < 10.0 {
        // `八折`, `8.5折`: tenths; `七五折`, `85折`: hundredths.
        n.int *= 10.0;
    }
    n.multiply(factor);
    r.value = carried + n.value();
    r.end = pos;
}

/// A race time after the hours or minutes `first` and their unit `unit`
/// (小时 or 分), which end at `pos` (`1分02秒4`, `3分15秒`, `2小时06分48秒`,
/// `4小时52分`): the whole in seconds, and where it ends. Arabic digits
/// only: two or fewer for the minutes and the seconds, at most two
/// decimals after 秒; minutes of 分钟 are no part of it.
fn race_time(
    text: &str,
    pos: usize,
    first: numeral::Num,
    unit: &str,
) -> Option<(numeral::Num, usize)> {
    if first.chinese || first.scale != 0 {
        return None;
    }
    let digits = |at: usize| digits_at(text, at);
    // The part of `word` at `at`: its value and where it ends.
    let part = |at: usize, word: char| {
        let n = digits(at);
        let rest = &text[at + n..];
        let whole = (1..=2).contains(&n)
            && rest.starts_with(word)
            && !rest[word.len_utf8()..].starts_with('钟');
        whole
            .then(|| text[at..at + n].parse::<f64>().ok())
            .flatten()
            .map(|v| (v, at + n + word.len_utf8()))
    };
    let (mut total, mut end) = match unit {
        "小时" => {
            let (minutes, end) = part(pos, '分')?;
            (first.int * 3600.0 + minutes * 60.0, end)
        }
        "分" => (first.int * 60.0, pos),
        _ => return None,
    };
    let seconds = part(end, '秒');
    if unit == "分" && seconds.is_none() {
        return None;
    }
    if let Some((s, e)) = seconds {
        total += s;
        end = e;
    }
    let mut num = numeral::Num {
        int: total,
        digits_only: false,
        ..first
    };
    let k = digits(end);
    if seconds.is_some() && (1..=2).contains(&k) {
        let decimals: f64 = text[end..end + k].parse().ok()?;
        num.append_decimals(decimals, i32::try_from(k).ok()?);
        end += k;
    }
    num.end = end;
    Some((num, end))
}

/// How many ASCII digits stand at `at`, counting up to three (a figure's
/// one or two digits after its unit: 9秒12, 1分02秒, but not 3米860).
fn digits_at(text: &str, at: usize) -> usize {
    text[at..]
        .bytes()
        .take(3)
        .take_while(u8::is_ascii_digit)
        .count()
}

/// The tenths digit after a unit that takes one ([`Unit::tenths_after`])
/// ending at `pos`, as in `四成二` (42 %), `七成五以上`, `1成5`, `一米八`
/// (1.8 米); after a Chinese numeral a second digit counts hundredths
/// (`一米八五`, 1.85 米). Returns the digits as a number with their count
/// (`(85.0, 2)`), and their length. A digit counts
/// only from one to nine, in the number's own script, where the figure ends
/// (punctuation, 的, an approximation word, a verb of change (`由三成一提高到`)
/// or a word joining the next figure in 成), not one that starts the next
/// word or number (`六成三甲医院`,
/// `三成一线城市`, `近八成五星级酒店`, `三成一至三年级`, `近6成5G基站`, `1成50`,
/// `两块五花肉`).
fn tenths_after(
    text: &str,
    pos: usize,
    unit: &Unit,
    chinese: bool,
    tables: &Tables,
) -> Option<((f64, i32), usize)> {
    if !unit.tenths_after {
        return None;
    }
    // `四成二` in Chinese numerals, `1成5` in Arabic.
    let digit_at = |at: usize| {
        let c = char_at(text, at).filter(|&c| c != '两')?;
        let d = if chinese {
            numeral::chinese_digit(c)
        } else {
            c.to_digit(10)
        };
        d.filter(|&d| d > 0).map(|d| (f64::from(d), c.len_utf8()))
    };
    // A joiner counts where another figure in 成 follows it (`两成二及一成一`,
    // `四成二至四成五`), not a word (`三成一至三年级`).
    let joined = |after: usize, c: char| {
        let next = &text[after + c.len_utf8()..];
        let digits = next
            .chars()
            .take_while(|&c| numeral::chinese_digit(c).is_some() || c.is_ascii_digit())
            .map(char::len_utf8)
            .sum::<usize>();
        digits > 0 && next[digits..].starts_with('成')
    };
    // A price per one of a unit may follow (`两块五一斤`).
    let per_one = |after: usize| {
        text[after..].starts_with('一')
            && tables
                .units()
                .longest_at(text, after + '一'.len_utf8())
                .is_some()
    };
    let ends = |after: usize| {
        char_at(text, after).map_or(true, |c| {
            (!is_cjk(c) && !c.is_ascii_alphanumeric())
                || c == '的'
                || ((LIST_JOINERS.contains(&c) || RANGE_JOINERS.contains(&c)) && joined(after, c))
        }) || tables.approx_after.longest_at(text, after).is_some()
            || tables.change_verbs.longest_at(text, after).is_some()
            || per_one(after)
    };
    if !chinese {
        // `3米86`, `9秒12`: Arabic hundredths too (a height, a race time).
        if digits_at(text, pos) == 2 && ends(pos + 2) {
            let digits = text[pos..pos + 2].parse::<u8>().ok()?;
            return Some(((f64::from(digits), 2), 2));
        }
    }
    let (d, len) = digit_at(pos)?;
    // `七斤二两`, `三亩五分`: the tenth may be named.
    if let Some(w) = unit.tenth.filter(|w| text[pos + len..].starts_with(*w)) {
        let len = len + w.len();
        return ends(pos + len).then_some(((d, 1), len));
    }
    if chinese {
        if let Some((d2, len2)) = digit_at(pos + len).filter(|&(_, l)| ends(pos + len + l)) {
            return Some(((d * 10.0 + d2, 2), len + len2));
        }
    }
    ends(pos + len).then_some(((d, 1), len))
}

/// The unit at `pos`, unless it is a Latin unit that runs on into more
/// letters or digits (`5kmx` is no `km`, `11500114MB1X…` a code). After `个半` or `个多` (`ge`) only units
/// without `个` count (`一个半小时`), and `月` stands for `个月`.
fn unit_at<'t>(text: &str, pos: usize, ge: bool, tables: &'t Tables) -> Option<(usize, &'t Unit)> {
    let found = tables.units().longest_at(text, pos).or_else(|| {
        (ge && text[pos..].starts_with('月'))
            .then(|| tables.units().get("个月").map(|u| ('月'.len_utf8(), u)))
            .flatten()
    })?;
    let (len, unit) = whole_before(text, pos, second_place(text, pos, found, tables), tables);
    let last = char_before(text, pos + len)?;
    let next = char_at(text, pos + len);
    if last.is_ascii_alphabetic() && next.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    Some((len, unit))
}

/// The unit one char shorter where [`Unit::whole_before`] does not name
/// the char after it: `406个人民法庭` is counted in `个`, `35个人都` in `人`.
fn whole_before<'t>(
    text: &str,
    pos: usize,
    (len, unit): (usize, &'t Unit),
    tables: &'t Tables,
) -> (usize, &'t Unit) {
    let splits = unit.whole_before.is_some_and(|chars| {
        char_at(text, pos + len).is_some_and(|next| is_cjk(next) && !chars.contains(next))
    });
    let shorter = char_before(text, pos + len)
        .filter(|_| splits)
        .map(|last| len - last.len_utf8())
        .and_then(|n| tables.units().get(&text[pos..pos + n]).map(|u| (n, u)));
    shorter.unwrap_or((len, unit))
}

/// `个多` before a span of time (`10个多小时`, `3个多月`): the approximation
/// of `多`.
fn more_than_hours(text: &str, pos: usize, tables: &Tables) -> Option<Approx> {
    let rest = text[pos..].strip_prefix('个')?;
    let (len, &a) = tables.approx_infix.longest_at(rest, 0)?;
    let unit = &rest[len..];
    // After `个`, `月` stands for `个月`.
    let span = unit_at(unit, 0, true, tables)
        .filter(|(_, u)| u.kind == QuantityKind::Duration)
        .map(|(n, _)| n);
    // Not 3个多年生牧草, 5个多日游线路: the span of time starts a word.
    let word = span
        .and_then(|n| char_at(unit, n))
        .is_some_and(|c| SPAN_WORDS.contains(c));
    (&rest[..len] == "多" && span.is_some() && !word).then_some(a)
}

/// Chars after 年, 日 or 月 that make a word of it after `个多` (多年生,
/// 多日游, 多年期, 多月份).
const SPAN_WORDS: &str = "生游期份度级龄制均";

/// The unit `百分点` that ends a list of figures counted in `个` whose
/// first item ends at `pos` (`1.9个和0.8个百分点`, `1.2个、0.6个和0.3个百分点`).
fn points_of_list<'t>(text: &str, mut pos: usize, tables: &'t Tables) -> Option<&'t Unit> {
    for _ in 0..MAX_LIST_ITEMS {
        let n = next_item(text, pos, true)?;
        let (len, unit) = tables.units().longest_at(text, n.end)?;
        if unit.unit == "百分点" {
            return Some(unit);
        }
        if unit.unit != "个" {
            return None;
        }
        pos = n.end + len;
    }
    None
}

/// The number of the list item after `pos`: a joiner (`、`, a word of
/// [`LIST_JOINERS`], and a comma where `comma`), then the number.
fn next_item(text: &str, pos: usize, comma: bool) -> Option<Num> {
    let joiner = char_at(text, pos)
        .filter(|&c| LIST_JOINERS.contains(&c) || c == '、' || (comma && c == ','))?;
    numeral::parse(text, pos + joiner.len_utf8())
}

/// How a list of figures ends ([`list_end`]): the last item's unit and
/// multiplier, and its value.
#[derive(Debug)]
pub struct ListEnd<'t> {
    /// The unit written after the last item.
    pub unit: &'t Unit,
    /// The multiplier of the last item, if it has one.
    pub multiplier: Option<f64>,
    /// The value of the last item (its multiplier not applied).
    pub last: f64,
}

impl ListEnd<'_> {
    /// The factor the last item's multiplier gives a first item of value
    /// `first` that has none: the multiplier where both are of a size
    /// (`5.3、4.7和3.4亿吨`), else 1 (`8560和1.2万人`: 8560 people, not
    /// 85,600,000).
    pub fn factor_for(&self, first: f64) -> f64 {
        let last = self.last;
        let alike = last > 0.0 && first > 0.0 && first / last < 100.0 && last / first < 100.0;
        self.multiplier.filter(|_| alike).unwrap_or(1.0)
    }
}

/// The end of a list of figures whose first item ends at `pos`
/// (`341.2万、375.9万及306.0万人次`, `5.3、4.7和3.4亿吨`): the items joined
/// by `、` or a word of [`LIST_JOINERS`] (not a comma: the next clause is
/// no item), the last with its unit. Where the first item has a
/// multiplier (`multiplied`) every item has one; where it has none, only
/// the last may, and it may count for every item. Items in Chinese
/// numerals count only where `chinese`.
pub fn list_end<'t>(
    text: &str,
    mut pos: usize,
    multiplied: bool,
    chinese: bool,
    tables: &'t Tables,
) -> Option<ListEnd<'t>> {
    for _ in 0..MAX_LIST_ITEMS {
        let n = next_item(text, pos, false)?;
        if n.chinese && !chinese {
            return None;
        }
        pos = n.end;
        let multiplier = tables.multipliers.longest_at(text, pos).map(|(len, &m)| {
            pos += len;
            m
        });
        if let Some((len, _)) = tables.approx_infix.longest_at(text, pos) {
            pos += len;
        }
        match (tables.units().longest_at(text, pos), multiplier) {
            (Some((_, unit)), m) if !multiplied || m.is_some() => {
                let last = n.value();
                return Some(ListEnd {
                    unit,
                    multiplier: m,
                    last,
                });
            }
            (None, Some(_)) if multiplied => {}
            (None, None) if !multiplied => {}
            _ => return None,
        }
    }
    None
}

/// `次之` ("comes second") ends a figure whose unit word ends in `次`
/// (`新北市15.3萬人次之，`): the unit is the word before `次` when it is one.
/// `300万人次之多` keeps `人次`.
fn second_place<'t>(
    text: &str,
    pos: usize,
    (len, unit): (usize, &'t Unit),
    tables: &'t Tables,
) -> (usize, &'t Unit) {
    let Some(head) = text[pos..pos + len].strip_suffix('次') else {
        return (len, unit);
    };
    let after = pos + len + '之'.len_utf8();
    let ends =
        text[pos + len..].starts_with('之') && char_at(text, after).map_or(true, |c| !is_cjk(c));
    match tables.units().get(head) {
        Some(shorter) if ends => (head.len(), shorter),
        _ => (len, unit),
    }
}

/// The next part of a compound figure right after a multiplier of `factor`:
/// an Arabic number with a smaller multiplier (`1亿` + `2千万`, `3万` +
/// `5千`, `5亿` + `3200万`, `2兆` + `870亿`), or a tail without one that has
/// exactly as many digits as the multiplier has zeros (`4万` + `7,215`).
fn next_part(text: &str, pos: usize, factor: f64, tables: &Tables) -> Option<Num> {
    // `2亿零500万`, `1万零800`: 零 marks a skipped place.
    let (pos, zero) = match text[pos..].strip_prefix('零') {
        Some(_) => (pos + '零'.len_utf8(), true),
        None => (pos, false),
    };
    if !text[pos..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let n = numeral::parse(text, pos)?;
    let fits = match tables.multipliers.longest_at(text, n.end) {
        Some((_, &m)) => m < factor,
        None => {
            // `1万2345`; `1萬957` (Taiwan usage: a place short, no 零),
            // not the spoken `1万2` (12000) nor `1万95`.
            let digits = text[pos..n.end].bytes().filter(u8::is_ascii_digit).count() as i32;
            let place = 10f64.powi(digits);
            n.scale == 0
                && (place == factor
                    || (place * 10.0 == factor && digits >= 3)
                    || zero && n.value() < factor)
        }
    };
    fits.then_some(n)
}

/// `k`/`K` (thousand) and `w`/`W` (ten thousand) after an Arabic number in
/// web text, where a Chinese unit follows (`3.5w元`, `12k人`) or the figure
/// ends (`月薪12k。`, `预算8k左右`, `年薪60W起`: the nouns around name its
/// unit), not before a word (`4K电视`): the length and the factor.
fn web_multiplier(text: &str, pos: usize, r: &Reading, tables: &Tables) -> Option<(usize, f64)> {
    if r.num.chinese || r.multiplied {
        return None;
    }
    let factor = match char_at(text, pos)? {
        'k' | 'K' => 1e3,
        'w' | 'W' => 1e4,
        _ => return None,
    };
    let after = pos + 1;
    let ends = match char_at(text, after) {
        None => true,
        Some(c) => {
            !(c.is_alphanumeric() || c == '.')
                || ["左右", "起", "以上", "以下", "多"]
                    .iter()
                    .any(|w| text[after..].starts_with(w))
        }
    };
    let unit = tables.units().longest_at(text, after).map(|(_, u)| u);
    // Not a score (`4K分辨率`).
    let chinese_unit = unit.is_some_and(|u| {
        u.kind != QuantityKind::Score && u.unit.chars().next().is_some_and(|c| !c.is_ascii())
    });
    (chinese_unit || ends).then_some((1, factor))
}

/// Jiao and fen after `元` (`八元六角`, `8元6毛5分`, `捌拾元零伍分`): their
/// length and their value in yuan.
fn jiao_fen(whole: &str) -> Option<(usize, f64)> {
    // `壹拾元零伍角`: 零 marks a skipped place.
    let skip = if whole.starts_with('零') {
        '零'.len_utf8()
    } else {
        0
    };
    let rest = &whole[skip..];
    let digit = |s: &str| {
        let c = s.chars().next()?;
        let d = c.to_digit(10).or_else(|| numeral::chinese_digit(c))?;
        Some((c.len_utf8(), f64::from(d)))
    };
    let (dl, jiao) = digit(rest)?;
    let after = &rest[dl..];
    // `八十元零五分`: fen alone, after 零 or not (not `分之`).
    if after.starts_with('分') && !after.starts_with("分之") {
        return Some((skip + dl + '分'.len_utf8(), jiao / 100.0));
    }
    let unit = after.chars().next().filter(|&c| c == '角' || c == '毛')?;
    let mut len = dl + unit.len_utf8();
    let mut value = jiao / 10.0;
    if let Some((fl, fen)) = digit(&rest[len..]) {
        // `8元6毛5分`, and spoken `一块二毛五` where the figure ends.
        let tail = &rest[len + fl..];
        let spoken = tail
            .chars()
            .next()
            .map_or(true, |c| !is_cjk(c) && !c.is_ascii_alphanumeric());
        if tail.starts_with('分') {
            len += fl + '分'.len_utf8();
            value += fen / 100.0;
        } else if spoken {
            len += fl;
            value += fen / 100.0;
        }
    }
    Some((skip + len, value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn reading(text: &str) -> (String, f64, String, Approx) {
        let t = Tables::new(&Options::default()).unwrap();
        let at = text.find(|c| numeral::NUMBER_STARTS.has(c)).unwrap();
        let r = read(text, at, &t).unwrap();
        let unit = r.unit.map_or(String::new(), |u| u.unit.clone());
        (text[r.start..r.end].to_owned(), r.value, unit, r.approx)
    }

    #[test]
    fn reads_surface() {
        assert_eq!(
            reading("惠及近3.4万名学生"),
            ("近3.4万名".into(), 34000.0, "名".into(), Approx::About)
        );
        assert_eq!(
            reading("发放贷款4160余万元"),
            ("4160余万元".into(), 41_600_000.0, "元".into(), Approx::Over)
        );
        assert_eq!(
            reading("资助100万余人次"),
            (
                "100万余人次".into(),
                1_000_000.0,
                "人次".into(),
                Approx::Over
            )
        );
        assert_eq!(
            reading("覆盖率在99%以上"),
            ("99%以上".into(), 99.0, "%".into(), Approx::Over)
        );
        assert_eq!(reading("占三成").1, 30.0);
        assert_eq!(reading("近三分之一的学校").0, "近三分之一");
        assert_eq!(reading("跑3千米").2, "千米");
        assert_eq!(reading("附近3所学校").3, Approx::Exact);
        assert_eq!(reading("数十位家长").0, "数十位");
        assert_eq!(reading("人数300人").0, "300人");
        let (span, value, _, _) = reading("精选2-3门学科");
        assert_eq!((span.as_str(), value), ("2-3门", 2.0));
    }

    #[test]
    fn reads_race_results() {
        let read = |t: &str| {
            let (span, value, unit, _) = reading(t);
            (span, value, unit)
        };
        assert_eq!(read("以9秒12的成绩"), ("9秒12".into(), 9.12, "秒".into()));
        assert_eq!(read("跳出3米86,"), ("3米86".into(), 3.86, "米".into()));
        assert_eq!(
            read("以1分02秒4的成绩"),
            ("1分02秒4".into(), 62.4, "秒".into())
        );
        assert_eq!(read("以2小时06分48秒冲线").1, 7608.0);
        assert_eq!(read("以4小时52分完成").1, 17520.0);
        // Minutes of 分钟 are a span of their own; a score stays a score.
        assert_eq!(read("锻炼2小时30分钟").0, "2小时");
        assert_eq!(read("得分86分。").2, "分");
        assert_eq!(read("全长100米20处").0, "100米");
    }

    #[test]
    fn skips_runs() {
        assert_eq!(run_end("一百二十五所", 0), "一百二十五".len());
    }
}
