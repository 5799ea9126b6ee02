//! DATE mentions: absolute dates, months and years (`2022年9月22日`,
//! `2021年`, `2023-11-10 15:03:32`), ranges (`8月21日至23日`, `2020-2021年`)
//! and relative dates (`今年3月`, `去年底`) resolved against a reference day.

mod keys;

use crate::date::{days_in_month, Date};
use crate::text::punct::DATE_RANGE_JOINERS;
use crate::text::{char_at, char_before, is_cjk, overlaps_any, Found, WordList};
use keys::Keys;
pub(crate) use keys::WORDS as KEYS;
use std::sync::LazyLock;

/// One DATE mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateHit {
    /// Byte offsets into the normalised text.
    pub start: usize,
    /// End, exclusive.
    pub end: usize,
    /// ISO form where known, else the surface text.
    pub normalized: String,
}

impl DateHit {
    /// The hit `start..end` of `text` with no ISO form: its normalized form
    /// is the text as written.
    fn as_written(text: &str, start: usize, end: usize) -> DateHit {
        DateHit {
            start,
            end,
            normalized: text[start..end].to_string(),
        }
    }
}

/// The one or two DATE mentions read at one place (`2018、2022年` makes
/// two), held without a vector of their own.
struct Hits(DateHit, Option<DateHit>);

impl Hits {
    /// One mention.
    fn one(h: DateHit) -> Hits {
        Hits(h, None)
    }

    /// The mentions, in text order.
    fn iter(&self) -> impl Iterator<Item = &DateHit> {
        std::iter::once(&self.0).chain(&self.1)
    }

    /// The last mention.
    fn last(&self) -> &DateHit {
        self.1.as_ref().unwrap_or(&self.0)
    }
}

impl IntoIterator for Hits {
    type Item = DateHit;
    type IntoIter = std::iter::Chain<std::iter::Once<DateHit>, std::option::IntoIter<DateHit>>;

    fn into_iter(self) -> Self::IntoIter {
        std::iter::once(self.0).chain(self.1)
    }
}

/// The words that start a relative date.
static RELATIVE: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/date_relative.txt")));
/// 年, which every word of [`RELATIVE`] ends with, as bytes (a quick test
/// before comparing the words).
const NIAN: &[u8] = "年".as_bytes();

/// A calendar point as far as the text states it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Point {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
}

impl Point {
    fn iso(&self) -> Option<String> {
        let y = self.year?;
        // An impossible calendar day (2023年2月31日) has no ISO form.
        if let (Some(m), Some(d)) = (self.month, self.day) {
            if d > days_in_month(y, m) {
                return None;
            }
        }
        let small = |v: Option<u32>| v.map_or(true, |v| v < 100);
        if !(0..=9999).contains(&y) || !small(self.month) || !small(self.day) {
            return Some(match (self.month, self.day) {
                (None, _) => format!("{y:04}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            });
        }
        // The same as the formats above, without their machinery.
        let mut out = String::with_capacity(10);
        push_digits(&mut out, y.unsigned_abs(), 4);
        for v in [self.month, self.day].into_iter().map_while(|v| v) {
            out.push('-');
            push_digits(&mut out, v, 2);
        }
        Some(out)
    }
}

/// Writes the last `width` decimal digits of `n`, zero-padded.
fn push_digits(out: &mut String, n: u32, width: u32) {
    for k in (0..width).rev() {
        out.push(char::from(b'0' + (n / 10u32.pow(k) % 10) as u8));
    }
}

/// Parts of a year after `2023年`, `今年` or alone: quarters and halves.
/// Longest first.
static YEAR_PARTS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/date_year_parts.txt")));

/// Words after a month that name its end, start or whole (6月末, 12月份,
/// 3月上旬).
static PART_ENDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/date_part_ends.txt")));

/// Seasons and terms after a year (今年秋季, 2023年秋季学期).
static SEASONS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/date_seasons.txt")));

/// The byte length of the quarter or half (一季度, 上半年, 一季度末), the
/// season or term (秋季学期) or the first months (前10个月) at `i`, right
/// after a year, if one stands there.
fn year_part(s: &str, i: usize) -> Option<usize> {
    if let Some(p) = YEAR_PARTS.find_at(s, i, |_| true) {
        return Some(p.len() + tail(s, i + p.len()));
    }
    if let Some(p) = SEASONS.find_at(s, i, |_| true) {
        return Some(p.len());
    }
    first_months(s, i)
}

/// The byte length of the first months of a year at `i` (前10个月,
/// 前两个月, 前十一个月): 前, a count of months of one or two digits or
/// Chinese numerals, and 个月.
fn first_months(s: &str, i: usize) -> Option<usize> {
    let rest = s[i..].strip_prefix('前')?;
    let count = rest
        .chars()
        .take_while(|&c| c.is_ascii_digit() || MONTH_COUNT.contains(c))
        .map(char::len_utf8)
        .sum::<usize>();
    let n = rest[..count].chars().count();
    ((1..=3).contains(&n) && rest[count..].starts_with("个月"))
        .then(|| '前'.len_utf8() + count + "个月".len())
}

/// Chars that make a word with 前 (提前, 此前, 目前): 提前3个月 is no date.
const BEFORE_QIAN: &[char] = &[
    '提', '此', '之', '以', '目', '当', '眼', '事', '会', '节', '空', '超', '向', '赶', '跟', '面',
    '门', '生', '战', '学', '日',
];

/// Chinese numerals of a count of months (两个月, 十一个月).
const MONTH_COUNT: &str = "一二两三四五六七八九十";

/// The byte length of 末, 底 or 初 after a quarter at `i` (一季度末,
/// 第三季底), else 0.
fn tail(s: &str, i: usize) -> usize {
    if s[i..].starts_with(['末', '底', '初']) {
        '末'.len_utf8()
    } else {
        0
    }
}

/// The byte length of the end or start word (末, 底, 上旬, 份) at `i`, if any.
fn part_end(s: &str, i: usize) -> usize {
    PART_ENDS.find_at(s, i, |_| true).map_or(0, str::len)
}

/// The end of a clock time (` 11:01`, `11:01:30`) at `i`, if one stands there.
fn clock(t: &[u8], i: usize) -> Option<usize> {
    let i = if t.get(i) == Some(&b' ') { i + 1 } else { i };
    let (h, hn, j) = number(t, i)?;
    if hn > 2 || h > 24 || t.get(j) != Some(&b':') {
        return None;
    }
    let (m, mn, k) = number(t, j + 1)?;
    if mn != 2 || m > 59 {
        return None;
    }
    if t.get(k) == Some(&b':') {
        if let Some((sec, 2, e)) = number(t, k + 1) {
            if sec <= 60 {
                return Some(e);
            }
        }
    }
    Some(k)
}

/// The ASCII number starting at byte `i`: value, digit count, end offset.
fn number(t: &[u8], i: usize) -> Option<(u32, usize, usize)> {
    let mut j = i;
    let mut v: u32 = 0;
    while j < t.len() && t[j].is_ascii_digit() && j - i < 9 {
        v = v * 10 + u32::from(t[j] - b'0');
        j += 1;
    }
    (j > i).then_some((v, j - i, j))
}

/// Chinese numerals of years written digit by digit (`二〇二三`).
const YEAR_DIGITS: &[char] = &[
    '〇', '零', '一', '二', '三', '四', '五', '六', '七', '八', '九',
];

/// The counting numeral 1–39 at `i` (`三`, `十二`, `二十`, `三十一`):
/// value and end offset.
fn counting(s: &str, i: usize) -> Option<(u32, usize)> {
    let digit = |c: char| {
        YEAR_DIGITS[2..]
            .iter()
            .position(|&d| d == c)
            .map(|v| v as u32 + 1)
    };
    let mut chars = s[i..].chars();
    let a = chars.next()?;
    let b = chars.next();
    let c = chars.next();
    let len = |cs: &[char]| cs.iter().map(|c| c.len_utf8()).sum::<usize>();
    match (a, b, c) {
        ('十', Some(b), _) if digit(b).is_some() => Some((10 + digit(b)?, i + len(&[a, b]))),
        ('十', _, _) => Some((10, i + a.len_utf8())),
        (a, Some('十'), Some(c)) if digit(a).is_some_and(|v| v <= 3) && digit(c).is_some() => {
            Some((10 * digit(a)? + digit(c)?, i + len(&[a, '十', c])))
        }
        (a, Some('十'), _) if digit(a).is_some_and(|v| v <= 3) => {
            Some((10 * digit(a)?, i + len(&[a, '十'])))
        }
        (a, _, _) => digit(a).map(|v| (v, i + a.len_utf8())),
    }
}

/// A year written in Chinese digits at `i` (`二〇二三年`, four digits before
/// 年): the year and the offset of 年.
fn chinese_year(s: &str, i: usize) -> Option<(u32, usize)> {
    let j = s[i..].char_indices().nth(4).map_or(s.len(), |(n, _)| i + n);
    let v = chinese_digits(&s[i..j])?;
    (j - i == 12 && char_at(s, j) == Some('年')).then_some((v, j))
}

/// Reads `M月[D日]` at `i` in Chinese numerals (`十二月三十一日`, `三月`):
/// month, day and end offset. A month followed by 初 is lunar (二月初二).
fn month_day_chinese(s: &str, i: usize) -> Option<(u32, Option<u32>, usize)> {
    let (m, j) = counting(s, i)?;
    if !(1..=12).contains(&m) || char_at(s, j) != Some('月') {
        return None;
    }
    let j = j + '月'.len_utf8();
    if s[j..].starts_with('初') {
        return None;
    }
    if let Some((d, k)) = counting(s, j) {
        if (1..=31).contains(&d) && matches!(char_at(s, k), Some('日' | '号')) {
            return Some((m, Some(d), k + '日'.len_utf8()));
        }
        // 正月十五-style days without 日 are lunar.
        return None;
    }
    Some((m, None, j + part_end(s, j)))
}

/// The byte length of a repeated 年 at `i` (`去年年底`), else 0.
fn year_word(s: &str, i: usize) -> usize {
    if s[i..].starts_with('年') {
        '年'.len_utf8()
    } else {
        0
    }
}

/// Dates in Chinese numerals (`二〇二三年`, `十二月三十一日`): found from
/// their 年 and 月, whose numerals are read backwards to where the date
/// starts. Those after 今年/去年 are read with them, before. `keys` are
/// the text's.
fn chinese_dates(s: &str, keys: &Keys, out: &mut Vec<DateHit>) {
    let numeral = |c: &char| YEAR_DIGITS.contains(c) || *c == '十';
    let mut add = Vec::new();
    for &k in keys.nian.iter().chain(&keys.yue) {
        let mut start = k;
        let mut n = 0;
        while let Some(c) = char_before(s, start).filter(numeral) {
            start -= c.len_utf8();
            n += 1;
            if n > 4 {
                break;
            }
        }
        if n > 0 && n <= 4 {
            if let Some(hits) = chinese(s, start) {
                add.extend(hits);
            } else if let Some(h) = chinese_fiscal(s, start, k) {
                add.push(h);
            }
        }
    }
    out.extend(add);
}

/// Words after a fiscal or school year written as two years (`2026/27年度`,
/// `2024/25财政年度`, `二〇二四至二五年度`), longest first.
static FISCAL_WORDS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(include_str!("../../data/entity/fiscal_year_words.txt")));

/// The end of a fiscal year's word at `i`, if one stands there.
fn fiscal_word(s: &str, i: usize) -> Option<usize> {
    FISCAL_WORDS.find_at(s, i, |_| true).map(|w| i + w.len())
}

/// A fiscal year in Chinese numerals (`二〇二五/二六年度`, `二〇二四至二五年度`)
/// whose second year's two numerals start at `i`, its 年 at `k`.
fn chinese_fiscal(s: &str, i: usize, k: usize) -> Option<DateHit> {
    let end = fiscal_word(s, k)?;
    let second = chinese_digits(&s[i..k])?;
    let joiner = char_before(s, i).filter(|&c| c == '/' || DATE_RANGE_JOINERS.contains(&c))?;
    let j = i - joiner.len_utf8();
    let start = (0..4).try_fold(j, |at, _| {
        char_before(s, at)
            .filter(|c| YEAR_DIGITS.contains(c))
            .map(|c| at - c.len_utf8())
    })?;
    let first = chinese_digits(&s[start..j])?;
    if s[i..k].chars().count() != 2 || (first + 1) % 100 != second {
        return None;
    }
    let p = Point {
        year: Some(first as i32),
        month: None,
        day: None,
    };
    let q = Point {
        year: Some(first as i32 + 1),
        ..p
    };
    Some(hit(s, start, end, p, Some(q)))
}

/// The value of a run of Chinese year digits (`二〇二四` → 2024).
fn chinese_digits(run: &str) -> Option<u32> {
    run.chars().try_fold(0u32, |v, c| {
        // 〇 and 零 are 0, then 一 is 1 … 九 is 9.
        let d = YEAR_DIGITS.iter().position(|&x| x == c)?.saturating_sub(1) as u32;
        Some(v * 10 + d)
    })
}

/// A date in Chinese numerals starting at `i` (`二〇二三年`,
/// `二〇二三年十二月三十一日`, `一月二十二日`); the numeral must start there.
fn chinese(s: &str, i: usize) -> Option<Hits> {
    let numeral = |c: char| YEAR_DIGITS.contains(&c) || c == '十';
    if !char_at(s, i).is_some_and(numeral)
        || char_before(s, i).is_some_and(|c| numeral(c) || matches!(c, '第' | '初' | '历'))
    {
        return None;
    }
    if let Some((y, j)) = chinese_year(s, i) {
        let k = j + '年'.len_utf8();
        let mut p = Point {
            year: Some(y as i32),
            month: None,
            day: None,
        };
        let mut end = k;
        if let Some((m, d, e)) = month_day(s, k) {
            p.month = Some(m);
            p.day = d;
            end = e;
        } else if let Some(c @ ('末' | '底' | '初')) = char_at(s, k) {
            p.month = Some(if c == '初' { 1 } else { 12 });
            end += c.len_utf8();
        }
        // 二〇二五年六月至八月: a range is one mention.
        let to = p.month.and_then(|_| range_end(s, end, p));
        return Some(Hits::one(match to {
            Some((q, e)) => hit(s, i, e, p, Some(q)),
            None => hit(s, i, end, p, None),
        }));
    }
    let (_, _, e) = month_day_chinese(s, i)?;
    Some(Hits::one(DateHit::as_written(s, i, e)))
}

/// Reads `M月[D日]` at `i` (digits or Chinese numerals): month, day and
/// end offset.
fn month_day(s: &str, i: usize) -> Option<(u32, Option<u32>, usize)> {
    let t = s.as_bytes();
    if !t.get(i).is_some_and(u8::is_ascii_digit) {
        return month_day_chinese(s, i);
    }
    let (m, n, j) = number(t, i)?;
    if n > 2 || !(1..=12).contains(&m) || char_at(s, j) != Some('月') {
        return None;
    }
    let j = j + '月'.len_utf8();
    if let Some((d, dn, k)) = number(t, j) {
        if dn <= 2 && (1..=31).contains(&d) && matches!(char_at(s, k), Some('日' | '号')) {
            return Some((m, Some(d), k + '日'.len_utf8()));
        }
    }
    // 6月末, 12月份, 3月上旬: still the month.
    Some((m, None, j + part_end(s, j)))
}

/// Reads a range of months `M-N月` at `i` (`1-10月`, statistics' months
/// to date): first month, last month and end offset.
fn month_range(s: &str, i: usize) -> Option<(u32, u32, usize)> {
    let t = s.as_bytes();
    let (m, n, j) = number(t, i)?;
    let c = char_at(s, j).filter(|c| DATE_RANGE_JOINERS.contains(c))?;
    let (m2, n2, k) = number(t, j + c.len_utf8())?;
    let months = 1..=12;
    (n <= 2 && n2 <= 2 && months.contains(&m) && months.contains(&m2) && m < m2)
        .then_some(())
        .filter(|_| char_at(s, k) == Some('月'))
        .map(|_| {
            // `1—2月份`: 份 is the month word's, as after one month.
            let end = k + '月'.len_utf8();
            let end = end + usize::from(s[end..].starts_with('份')) * '份'.len_utf8();
            (m, m2, end)
        })
}

/// Reads the end of a range after `p` at `i` (`至23日`, `-6月`, `—6月30日`).
fn range_end(s: &str, i: usize, p: Point) -> Option<(Point, usize)> {
    let c = char_at(s, i).filter(|c| DATE_RANGE_JOINERS.contains(c))?;
    let j = i + c.len_utf8();
    if let Some((m, d, k)) = month_day(s, j) {
        return Some((
            Point {
                month: Some(m),
                day: d,
                ..p
            },
            k,
        ));
    }
    let (d, dn, k) = number(s.as_bytes(), j)?;
    if p.day.is_some()
        && dn <= 2
        && (1..=31).contains(&d)
        && matches!(char_at(s, k), Some('日' | '号'))
    {
        return Some((Point { day: Some(d), ..p }, k + '日'.len_utf8()));
    }
    None
}

/// Finds the DATE mentions of `text`, where `keys` are the occurrences of
/// the words of [`KEYS`]; relative ones are resolved against `reference`
/// when given. Bare years of the Republic of China (`112年底`)
/// are read where the text names 民国 or `taiwan` says it names a place
/// of Taiwan.
pub(crate) fn find(
    text: &str,
    keys: &[Found],
    reference: Option<Date>,
    taiwan: bool,
) -> Vec<DateHit> {
    let t = text.as_bytes();
    let keys = Keys::of(text, keys);
    let mut out: Vec<DateHit> = Vec::new();
    // The last month stated (year if known): a bare day after it is a date.
    let mut month: Option<Option<(i32, u32)>> = None;
    let roc = taiwan || keys.roc;
    // A date read here starts with a number or a word of RELATIVE: where
    // they stand, in text order, is all the loop looks at.
    let relative_at: Vec<usize> = keys
        .nian
        .iter()
        .filter_map(|&k| k.checked_sub(NIAN.len()))
        .filter(|&i| text.is_char_boundary(i) && RELATIVE.starts_at(text, i))
        .collect();
    let (mut digits, mut words) = (keys.digits.iter().peekable(), relative_at.iter().peekable());
    // Where the next date may start (past the last one found).
    let mut i = 0;
    loop {
        let at = match (digits.peek(), words.peek()) {
            (Some(&&d), Some(&&w)) if d < w => digits.next(),
            (Some(_), None) => digits.next(),
            (_, Some(_)) => words.next(),
            (None, None) => break,
        };
        let at = *at.expect("peeked");
        if at < i {
            continue;
        }
        let found = if t[at].is_ascii_digit() {
            absolute(text, at, roc).or_else(|| month.and_then(|m| bare_day(text, at, m)))
        } else {
            relative(text, at, reference)
        };
        match found {
            Some(hits) => {
                for h in hits.iter() {
                    let n = h.normalized.as_bytes();
                    if n.len() >= 7 && n[4] == b'-' && n[..4].iter().all(u8::is_ascii_digit) {
                        let y = h.normalized[..4].parse().ok();
                        let m = h.normalized[5..7].parse().ok();
                        month = Some(y.zip(m));
                    } else if text[h.start..h.end].contains('月') {
                        month = Some(None);
                    }
                }
                i = hits.last().end;
                out.extend(hits);
            }
            None => i = at + 1,
        }
    }
    let mut extra = Vec::new();
    relative_months(text, &keys, reference, &mut extra);
    year_parts(text, &keys, &mut extra);
    chinese_dates(text, &keys, &mut extra);
    lunar(text, &keys, &mut extra);
    bracketed_days(text, &mut extra);
    if !extra.is_empty() {
        // Kept where no date found before and no longer one of them overlaps.
        extra.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<DateHit> = Vec::new();
        for h in extra {
            if !overlaps_any(&out, |h| (h.start, h.end), h.start, h.end)
                && kept.last().map_or(true, |k| k.end <= h.start)
            {
                kept.push(h);
            }
        }
        out.extend(kept);
        out.sort_by_key(|h| h.start);
    }
    keep_valid(text, &mut out);
    out
}

/// The last word on every hit's ISO form: a form in ISO shape (digits,
/// `-`, `/`) must be a real calendar date, a month or a year of 0001–9999,
/// or an ordered range of two. One that is not (`2023-02-30`, a year
/// 10000 reached from a reference date, `2020/2019`) gives way to the
/// surface text; a hit whose surface text itself looks like an invalid ISO
/// date (`2023-99-99`) is no date at all and is dropped.
fn keep_valid(text: &str, hits: &mut Vec<DateHit>) {
    hits.retain_mut(|h| {
        if iso_is_valid(&h.normalized) != Some(false) {
            return true;
        }
        let surface = &text[h.start..h.end];
        if iso_is_valid(surface).is_some() {
            return false;
        }
        h.normalized = surface.to_string();
        true
    });
}

/// `None` when `s` is not in ISO shape; else whether it is a valid ISO
/// date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, years 0001–9999) or an ordered
/// range `A/B` of two.
fn iso_is_valid(s: &str) -> Option<bool> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'/')
    {
        return None;
    }
    // Split as bytes: the parts are ASCII, and no char searcher is set up
    // for a string this short.
    let mut ends = s.as_bytes().split(|&b| b == b'/').map(iso_bounds);
    Some(match (ends.next(), ends.next(), ends.next()) {
        (Some(Some(_)), None, _) => true,
        (Some(Some((first, _))), Some(Some((_, last))), None) => first <= last,
        _ => false,
    })
}

/// The first and last day (year, month, day) a date covers.
type Bounds = ((i32, u32, u32), (i32, u32, u32));

/// The first and last day an ISO date, month or year covers (`s` its
/// bytes).
fn iso_bounds(s: &[u8]) -> Option<Bounds> {
    let mut parts = s.split(|&b| b == b'-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4)
        .and_then(digits_value)?;
    let year = i32::try_from(year).ok().filter(|&y| y >= 1)?;
    let number = |p: Option<&[u8]>| p.filter(|p| p.len() == 2).and_then(digits_value);
    let (month, day) = (parts.next(), parts.next());
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (None, _) => Some(((year, 1, 1), (year, 12, 31))),
        (Some(m), None) => {
            let m = number(Some(m)).filter(|m| (1..=12).contains(m))?;
            Some(((year, m, 1), (year, m, days_in_month(year, m))))
        }
        (Some(m), Some(d)) => {
            let m = number(Some(m)).filter(|m| (1..=12).contains(m))?;
            let d = number(Some(d)).filter(|&d| d >= 1 && d <= days_in_month(year, m))?;
            Some(((year, m, d), (year, m, d)))
        }
    }
}

/// The value of the ASCII digits `p` (at most nine), if they are all
/// digits and there is one.
fn digits_value(p: &[u8]) -> Option<u32> {
    let digits = !p.is_empty() && p.len() <= 9 && p.iter().all(u8::is_ascii_digit);
    digits.then(|| p.iter().fold(0, |v, &d| v * 10 + u32::from(d - b'0')))
}

/// Chars before a bare day that make it a count of days (近3日, 连续3日).
const NOT_BEFORE_DAY: &[char] = &[
    '近', '每', '前', '后', '数', '几', '续', '共', '余', '满', '个', '第', '逾', '超', '约',
];

/// A bare day (`11日`) at `i` after a month was stated: ISO where the
/// month's year is known.
fn bare_day(s: &str, i: usize, month: Option<(i32, u32)>) -> Option<Hits> {
    let (d, n, j) = number(s.as_bytes(), i)?;
    if n > 2 || !(1..=31).contains(&d) || char_at(s, j) != Some('日') {
        return None;
    }
    if char_before(s, i).is_some_and(|c| NOT_BEFORE_DAY.contains(&c)) {
        return None;
    }
    let end = j + '日'.len_utf8();
    if matches!(char_at(s, end), Some('内' | '以' | '来' | '均')) {
        return None;
    }
    let normalized = month
        .and_then(|(y, m)| {
            Point {
                year: Some(y),
                month: Some(m),
                day: Some(d),
            }
            .iso()
        })
        .unwrap_or_else(|| s[i..end].to_string());
    Some(Hits::one(DateHit {
        start: i,
        end,
        normalized,
    }))
}

/// Chars after which a month named from the reference day may start
/// (截至本月, 于上月, 自下月起, 房委会上月: a body's name ends in 会/局/部…).
const MONTH_BEFORE: &str = "至于在自从到及和与的为是即前后会局部署处厅委院司府";

/// Months named from the reference day (`上月`, `本月底`, `下个月`): the
/// month before, this one or the next, resolved where `reference` is known;
/// `keys` are the text's.
fn relative_months(s: &str, keys: &Keys, reference: Option<Date>, out: &mut Vec<DateHit>) {
    for &k in &keys.yue {
        let before = &s[..k];
        let before = before.strip_suffix('个').unwrap_or(before);
        let (offset, word) = match char_before(before, before.len()) {
            Some('上') => (-1, '上'),
            Some('本') => (0, '本'),
            Some('下') => (1, '下'),
            _ => continue,
        };
        let start = before.len() - word.len_utf8();
        // A word of its own: after punctuation or a word that stands before a
        // time (截至本月, 于上月, 今年上月 no), not inside a longer word
        // (以上月份, 基本月工资, 线上月活, 加上月租).
        if char_before(s, start).is_some_and(|c| is_cjk(c) && !MONTH_BEFORE.contains(c)) {
            continue;
        }
        let mut end = k + '月'.len_utf8();
        // 登上月球, 上月台: 月 starts another word.
        if char_at(s, end).is_some_and(|c| "球亮光饼牙色台嫂老".contains(c)) {
            continue;
        }
        if s[end..].starts_with('份') {
            end += '份'.len_utf8();
        }
        if let Some(c @ ('初' | '底' | '末')) = char_at(s, end) {
            end += c.len_utf8();
        }
        let p = reference.map(|r| {
            let m = r.year * 12 + r.month as i32 - 1 + offset;
            Point {
                year: Some(m.div_euclid(12)),
                month: Some(m.rem_euclid(12) as u32 + 1),
                day: None,
            }
        });
        out.push(match p {
            Some(p) => hit(s, start, end, p, None),
            None => DateHit::as_written(s, start, end),
        });
    }
}

/// Quarters and halves standing alone (一季度, 第二季度, 前三季度, 上半年),
/// the first months of a year (前10个月) and 本年度; `keys` are the text's.
fn year_parts(s: &str, keys: &Keys, out: &mut Vec<DateHit>) {
    let mut add: Vec<DateHit> = Vec::new();
    for key in ["季", "半年"] {
        for k in occurrences(s, key, keys) {
            let mut end = k + key.len();
            if key == "季" && s[end..].starts_with('度') {
                end += '度'.len_utf8();
            }
            let start = YEAR_PARTS
                .iter()
                .filter(|p| p.len() <= end && s.is_char_boundary(end - p.len()))
                .filter(|p| &s[end - p.len()..end] == **p)
                .map(|p| end - p.len())
                .min();
            if let Some(st) = start {
                let e = end + tail(s, end);
                add.push(DateHit::as_written(s, st, e));
            }
        }
    }
    // 前10个月 alone: from the 月 of each 个月.
    for &k in &keys.yue {
        let Some(head) = s[..k].strip_suffix('个') else {
            continue;
        };
        let count = head
            .chars()
            .rev()
            .take_while(|&c| c.is_ascii_digit() || MONTH_COUNT.contains(c))
            .take(3)
            .map(char::len_utf8)
            .sum::<usize>();
        let start = head.len() - count;
        let word = |st: usize| char_before(s, st).is_some_and(|c| BEFORE_QIAN.contains(&c));
        if let Some(st) = head[..start]
            .strip_suffix('前')
            .map(str::len)
            .filter(|&st| !word(st))
        {
            if first_months(s, st).is_some_and(|len| st + len == k + '月'.len_utf8()) {
                add.push(DateHit::as_written(s, st, k + '月'.len_utf8()));
            }
        }
    }
    // 本年度; not 上年度, 年底, 年末 or 年初 alone, which the writers of the
    // blind sets mostly leave out (a frame of comparison, not a date).
    let key = "本年度";
    add.extend(occurrences(s, key, keys).map(|k| DateHit::as_written(s, k, k + key.len())));
    out.extend(add);
}

/// The offsets of `word` in `s`, in text order, from those of its one 年
/// or 季 among `keys` (no word overlaps itself, so these are all of them).
fn occurrences<'a>(s: &'a str, word: &'a str, keys: &'a Keys) -> impl Iterator<Item = usize> + 'a {
    let (anchor, at) = match word.find('季') {
        Some(k) => (k, &keys.ji),
        None => (word.find('年').expect("a word with 年 or 季"), &keys.nian),
    };
    at.iter()
        .filter_map(move |&a| a.checked_sub(anchor))
        .filter(move |&k| s.as_bytes()[k..].starts_with(word.as_bytes()))
}

/// Chinese numerals of lunar days (初六, 二十三, 廿一).
const LUNAR_DIGITS: &[char] = &[
    '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '廿',
];

/// Lunar dates: 正月, 腊月 and 冬月 with or without a day (正月初六,
/// 腊月二十三), and a numbered month with a day of 初 (二月初二). No ISO form.
/// `keys` are the text's.
fn lunar(s: &str, keys: &Keys, out: &mut Vec<DateHit>) {
    let mut add = Vec::new();
    for &k in &keys.yue {
        let before = char_before(s, k);
        let named = matches!(before, Some('正' | '腊' | '冬'));
        let numbered = before.is_some_and(|c| LUNAR_DIGITS[..10].contains(&c));
        if !named && !numbered {
            continue;
        }
        let mut start = k - before.map_or(0, char::len_utf8);
        if numbered {
            // 十二月: take the numerals of the month.
            while let Some(c) = char_before(s, start).filter(|c| LUNAR_DIGITS[..10].contains(c)) {
                start -= c.len_utf8();
            }
            if start + 6 < k {
                continue;
            }
        }
        let mut end = k + '月'.len_utf8();
        let rest = &s[end..];
        let day = if rest.starts_with('初') {
            let n = rest['初'.len_utf8()..]
                .chars()
                .next()
                .filter(|c| LUNAR_DIGITS[..10].contains(c));
            n.map(|c| '初'.len_utf8() + c.len_utf8())
        } else {
            let len: usize = rest
                .chars()
                .take_while(|c| LUNAR_DIGITS.contains(c))
                .take(3)
                .map(char::len_utf8)
                .sum();
            // A day is one to three numerals, not a count (正月十五, not 正月三十多天).
            (len > 0).then_some(len)
        };
        match day {
            Some(len) => end += len,
            None if numbered => continue,
            None => {}
        }
        add.push(DateHit::as_written(s, start, end));
    }
    out.extend(add);
}

/// Days named in a Taiwan news story's way, the day of the month in
/// brackets after 今, 昨 or 明 (`今(28)日`, `昨(14)日`): written as they
/// stand, since the month is the story's own.
fn bracketed_days(s: &str, out: &mut Vec<DateHit>) {
    for open in memchr::memchr_iter(b'(', s.as_bytes()) {
        let Some(c) = char_before(s, open).filter(|c| matches!(c, '今' | '昨' | '明')) else {
            continue;
        };
        let Some((d, n, close)) = number(s.as_bytes(), open + 1) else {
            continue;
        };
        if n <= 2 && (1..=31).contains(&d) && s[close..].starts_with(")日") {
            let start = open - c.len_utf8();
            out.push(DateHit::as_written(s, start, close + ")日".len()));
        }
    }
}

/// A mention from `start` to `end` with the points it spans.
fn hit(text: &str, start: usize, end: usize, from: Point, to: Option<Point>) -> DateHit {
    let normalized = match (from.iso(), to.map(|p| p.iso())) {
        (Some(a), None) => a,
        (Some(mut a), Some(Some(b))) => {
            a.push('/');
            a.push_str(&b);
            a
        }
        _ => text[start..end].to_string(),
    };
    DateHit {
        start,
        end,
        normalized,
    }
}

/// The Gregorian year and the hit's start of a year of the Republic of
/// China (民国) written at `i` (the number `v` of `n` digits, ending at
/// `j`, before 年): after 民国 or 中华民国 (which the hit takes in) any
/// year 1–150; bare (`112年底`) in a text that names 民国 somewhere
/// (`roc`), a two- or three-digit year 34–150 (1945–2061).
fn roc_year(s: &str, i: usize, v: u32, n: usize, j: usize, roc: bool) -> Option<(i32, usize)> {
    // The length first: most numbers are no year of the Republic.
    if !(2..=3).contains(&n) && !s[..i].ends_with("民国") {
        return None;
    }
    let year_word = char_at(s, j) == Some('年') || school_year(s, j).is_some();
    if !year_word {
        return None;
    }
    let before = &s[..i];
    let start = ["中华民国", "民国"]
        .iter()
        .find(|p| before.ends_with(*p))
        .map(|p| i - p.len());
    let bare = roc && (34..=150).contains(&v) && !before.ends_with(['第', '近', '前', '每']);
    let year = i32::try_from(v).ok()? + 1911;
    match start {
        Some(st) if (1..=150).contains(&v) => Some((year, st)),
        None if bare && !before.ends_with(|c: char| c.is_ascii_digit()) => Some((year, i)),
        _ => None,
    }
}

/// The end of `学年` or `学年度` at `j`: a school year (`2023学年`,
/// `113學年度`), named by the year it starts in.
fn school_year(s: &str, j: usize) -> Option<usize> {
    const SCHOOL_YEAR: &str = "学年";
    let k = j + s
        .get(j..)?
        .starts_with(SCHOOL_YEAR)
        .then_some(SCHOOL_YEAR.len())?;
    Some(if char_at(s, k) == Some('度') {
        k + '度'.len_utf8()
    } else {
        k
    })
}

/// A date of the Republic of China written with dashes or slashes
/// (`發布日期：114-08-27`, `114/08/27`) in a text that counts its years
/// (`roc`): the three digits `v` at `i` (`n` of them, ending at `j`), then a
/// month and a day of two digits each.
fn roc_dashed(s: &str, i: usize, v: u32, n: usize, j: usize, roc: bool) -> Option<Hits> {
    // The year first: most numbers are none.
    if !(roc && n == 3 && (34..=150).contains(&v)) {
        return None;
    }
    let t = s.as_bytes();
    let sep = *t.get(j)?;
    let d = |k: usize| t.get(j + k).is_some_and(u8::is_ascii_digit);
    let shaped = matches!(sep, b'-' | b'/')
        && d(1)
        && d(2)
        && t.get(j + 3) == Some(&sep)
        && d(4)
        && d(5)
        && !d(6);
    if !shaped {
        return None;
    }
    let two = |k: usize| u32::from(t[j + k] - b'0') * 10 + u32::from(t[j + k + 1] - b'0');
    let p = Point {
        year: Some(i32::try_from(v).ok()? + 1911),
        month: Some(two(1)),
        day: Some(two(4)),
    };
    Some(Hits::one(hit(s, i, j + 6, p, None)))
}

/// An absolute date starting with the digits at `i`; `roc`: the text names
/// 民国, so that bare years of the Republic of China are read ([`roc_year`]).
fn absolute(s: &str, i: usize, roc: bool) -> Option<Hits> {
    let t = s.as_bytes();
    let (v, n, j) = number(t, i)?;
    if let Some(hits) = roc_dashed(s, i, v, n, j, roc) {
        return Some(hits);
    }
    let western = (n == 4 && (1900..=2100).contains(&v)).then_some((v as i32, i));
    if let Some((year, start)) = western.or_else(|| roc_year(s, i, v, n, j, roc)) {
        let year = Some(year);
        // 2023-11-10, with an optional 15:03:32 after it.
        if let Some(end) = iso_date(t, i) {
            let p = Point {
                year,
                month: Some(u32::from(t[i + 5] - b'0') * 10 + u32::from(t[i + 6] - b'0')),
                day: Some(u32::from(t[i + 8] - b'0') * 10 + u32::from(t[i + 9] - b'0')),
            };
            return Some(Hits::one(hit(s, start, end, p, None)));
        }
        let p = Point {
            year,
            month: None,
            day: None,
        };
        if let Some(end) = school_year(s, j) {
            return Some(Hits::one(hit(s, start, end, p, None)));
        }
        match char_at(s, j) {
            Some('年') => {
                let k = j + '年'.len_utf8();
                if let Some((m, m2, e)) = month_range(s, k) {
                    // 2024年1-10月: the months to date.
                    let from = Point {
                        month: Some(m),
                        ..p
                    };
                    let to = Point {
                        month: Some(m2),
                        ..p
                    };
                    return Some(Hits::one(hit(s, start, e, from, Some(to))));
                }
                if let Some((m, d, e)) = month_day(s, k) {
                    let p = Point {
                        month: Some(m),
                        day: d,
                        ..p
                    };
                    if let Some((q, e2)) = range_end(s, e, p) {
                        return Some(Hits::one(hit(s, start, e2, p, Some(q))));
                    }
                    // A time of day after the date (2023年04月28日11:01).
                    let e = match (d, clock(t, e)) {
                        (Some(_), Some(c)) => c,
                        _ => e,
                    };
                    return Some(Hits::one(hit(s, start, e, p, None)));
                }
                if let Some(len) = year_part(s, k) {
                    // 2023年一季度: no ISO form.
                    let end = k + len;
                    return Some(Hits::one(DateHit::as_written(s, start, end)));
                }
                if let Some(c @ ('末' | '底' | '初')) = char_at(s, k) {
                    // 2023年末, 2023年初: the year's last or first month.
                    let p = Point {
                        month: Some(if c == '初' { 1 } else { 12 }),
                        ..p
                    };
                    return Some(Hits::one(hit(s, start, k + c.len_utf8(), p, None)));
                }
                let e = if char_at(s, k) == Some('度') {
                    k + '度'.len_utf8()
                } else {
                    k
                };
                Some(Hits::one(hit(s, start, e, p, None)))
            }
            Some(c) if DATE_RANGE_JOINERS.contains(&c) || c == '、' || c == '/' => {
                let k = j + c.len_utf8();
                let (w, wn, e) = number(t, k)?;
                // 2026/27年度, 2024/25财政年度: a fiscal or school year.
                let next = year.map(|y| y + 1);
                if western.is_some()
                    && c != '、'
                    && wn == 2
                    && next.map(|y| y % 100) == Some(w as i32)
                {
                    let end = fiscal_word(s, e).or_else(|| school_year(s, e))?;
                    return Some(Hits::one(hit(
                        s,
                        start,
                        end,
                        p,
                        Some(Point { year: next, ..p }),
                    )));
                }
                let school = school_year(s, e).filter(|_| c != '、');
                // 2026/2027学年 joins two years as a school year only.
                let slashed_school = school.is_some() && next == Some(w as i32);
                if (c == '/' && !slashed_school)
                    || wn != 4
                    || !(1900..=2100).contains(&w)
                    || (char_at(s, e) != Some('年') && school.is_none())
                {
                    return None;
                }
                let q = Point {
                    year: Some(w as i32),
                    month: None,
                    day: None,
                };
                if let Some(end) = school {
                    // 2023—2024学年: a school year by both its years.
                    return Some(Hits::one(hit(s, start, end, p, Some(q))));
                }
                if c == '、' {
                    // 2018、2022年: two years.
                    let end = e + '年'.len_utf8();
                    return Some(Hits(
                        hit(s, start, j, p, None),
                        Some(hit(s, k, end, q, None)),
                    ));
                }
                Some(Hits::one(hit(s, start, e + '年'.len_utf8(), p, Some(q))))
            }
            _ => None,
        }
    } else if n <= 2 {
        // A month (3月) or a range of months (1-10月) follows its number
        // with 月 or a joiner: most short numbers are neither.
        let next = char_at(s, j)?;
        if next != '月' && !DATE_RANGE_JOINERS.contains(&next) {
            return None;
        }
        if i > 0 && s[..i].ends_with('第') {
            return None;
        }
        if let Some((_, _, e)) = month_range(s, i) {
            // 1-10月, without a year: kept as written.
            return Some(Hits::one(DateHit::as_written(s, i, e)));
        }
        let (m, d, e) = month_day(s, i)?;
        let p = Point {
            year: None,
            month: Some(m),
            day: d,
        };
        let (end, _) = range_end(s, e, p).map_or((e, None), |(q, e2)| (e2, Some(q)));
        Some(Hits::one(DateHit::as_written(s, i, end)))
    } else {
        None
    }
}

/// End of `YYYY-MM-DD[ HH:MM[:SS]]` at `i`, if that is what stands there.
fn iso_date(t: &[u8], i: usize) -> Option<usize> {
    let d = |k: usize| t.get(i + k).is_some_and(u8::is_ascii_digit);
    let ch = |k: usize, c: u8| t.get(i + k) == Some(&c);
    if !(ch(4, b'-') && d(5) && d(6) && ch(7, b'-') && d(8) && d(9)) || d(10) {
        return None;
    }
    let two = |e: usize| {
        t.get(e).is_some_and(u8::is_ascii_digit) && t.get(e + 1).is_some_and(u8::is_ascii_digit)
    };
    let mut end = i + 10;
    if t.get(end) == Some(&b' ') && two(end + 1) && t.get(end + 3) == Some(&b':') && two(end + 4) {
        end += 6;
        if t.get(end) == Some(&b':') && two(end + 1) {
            end += 3;
        }
    }
    Some(end)
}

/// Whether the year word `s[..end]` is the base of a comparison that dates
/// nothing the text reports: before 同期 or 同月 (去年同期). After 较 or 比
/// (比去年增长) it stays a date, as most writers list it.
fn is_comparison_base(s: &str, end: usize) -> bool {
    s[end..].starts_with("同期") || s[end..].starts_with("同月")
}

/// A relative date (`今年`, `去年底`, `今年3月`, `明年`) starting at `i`.
fn relative(s: &str, i: usize, reference: Option<Date>) -> Option<Hits> {
    let rest = &s[i..];
    let offset = if rest.starts_with("今年") {
        0
    } else if rest.starts_with("去年") {
        -1
    } else if rest.starts_with("明年") {
        1
    } else if rest.starts_with("前年")
        && !char_before(s, i).is_some_and(|c| {
            matches!(c, '年' | '十' | '以' | '之' | '此' | '从')
                || c.is_ascii_digit()
                || YEAR_DIGITS.contains(&c)
        })
    {
        // 前年, the year before last; not 三年前年均 or 以前年度.
        -2
    } else {
        return None;
    };
    let year = reference.map(|r| r.year + offset);
    let mut end = i + "今年".len();
    let mut p = Point {
        year,
        month: None,
        day: None,
    };
    let mut to = None;
    if let Some((m, m2, e)) = month_range(s, end) {
        // 今年1-9月, 今年1至9月: the months to date.
        p.month = Some(m);
        to = Some(Point {
            month: Some(m2),
            ..p
        });
        end = e;
    } else if let Some((m, d, e)) = month_day(s, end) {
        p = Point {
            month: Some(m),
            day: d,
            ..p
        };
        end = e;
        if let Some((q, e2)) = range_end(s, end, p) {
            to = Some(q);
            end = e2;
        }
    } else if let Some(c @ ('初' | '底' | '末')) = char_at(s, end + year_word(s, end)) {
        // 去年底, 去年年底.
        end += year_word(s, end);
        p.month = Some(if c == '初' { 1 } else { 12 });
        end += c.len_utf8();
    } else if char_at(s, end) == Some('度') {
        // 今年度, 明年度: the year.
        end += '度'.len_utf8();
    } else if let Some(len) = year_part(s, end) {
        // 今年上半年: no ISO form.
        end += len;
        return Some(Hits::one(DateHit::as_written(s, i, end)));
    }
    // 去年同期: the year alone as the base of a comparison dates nothing
    // the text reports (most writers list none).
    if end == i + "今年".len() && is_comparison_base(s, end) {
        return None;
    }
    let normalized = match (year, to) {
        (Some(_), None) => p.iso(),
        (Some(_), Some(q)) => p.iso().zip(q.iso()).map(|(a, b)| format!("{a}/{b}")),
        (None, _) => None,
    }
    .unwrap_or_else(|| s[i..end].to_string());
    Some(Hits::one(DateHit {
        start: i,
        end,
        normalized,
    }))
}

#[cfg(test)]
mod month_range_tests {
    use super::tests::find;

    #[test]
    fn months_to_date() {
        let d = find("2024年1-10月,全市增长5%;1-9月增长4%。", None, false);
        let got: Vec<(&str, &str)> = d
            .iter()
            .map(|h| {
                (
                    &"2024年1-10月,全市增长5%;1-9月增长4%。"[h.start..h.end],
                    h.normalized.as_str(),
                )
            })
            .collect();
        assert_eq!(got[0].0, "2024年1-10月");
        assert_eq!(got[1], ("1-9月", "1-9月"));
        // 份 after the months is theirs, as after one month.
        let text = "降幅比1—2月份收窄。";
        let d = find(text, None, false);
        assert_eq!(&text[d[0].start..d[0].end], "1—2月份");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms_are_the_padded_formats() {
        for (y, m, d) in [
            (2023, None, None),
            (7, Some(3), None),
            (2024, Some(2), Some(29)),
            (9999, Some(12), Some(31)),
            (10000, Some(1), None),
            (-5, None, None),
        ] {
            let want = match (m, d) {
                (None, _) => format!("{y:04}"),
                (Some(m), None) => format!("{y:04}-{m:02}"),
                (Some(m), Some(d)) => format!("{y:04}-{m:02}-{d:02}"),
            };
            let p = Point {
                year: Some(y),
                month: m,
                day: d,
            };
            assert_eq!(p.iso(), Some(want));
        }
    }

    /// [`super::find`] with the keys of `text` found by a trie of its own.
    pub(super) fn find(text: &str, reference: Option<Date>, taiwan: bool) -> Vec<DateHit> {
        let keys = crate::text::Trie::new([KEYS]).scan(text);
        super::find(text, &keys[0], reference, taiwan)
    }

    fn dates(text: &str, reference: Option<&str>) -> Vec<(String, String)> {
        let r = reference.map(|d| Date::parse_iso(d).unwrap());
        find(text, r, false)
            .into_iter()
            .map(|h| (text[h.start..h.end].to_string(), h.normalized))
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// Every ISO form is a real date, month or year of 0001–9999, or an
    /// ordered range; the cases the differential test's generator and the
    /// fuzz pass found (tests/diff/known_bugs.py, now fixed).
    #[test]
    fn iso_forms_are_valid_or_absent() {
        type Case<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);
        let cases: &[Case] = &[
            ("9999-12-31", "明年3月", &[("明年3月", "明年3月")]),
            ("0001-01-01", "去年底", &[("去年底", "去年底")]),
            ("0001-01-01", "今年", &[("今年", "0001")]),
            (
                "2024-06-30",
                "2020-2019年",
                &[("2020-2019年", "2020-2019年")],
            ),
            ("2024-06-30", "2023-02-30", &[]),
            ("2024-06-30", "2023-99-99", &[]),
            (
                "2024-06-30",
                "2023-99-00 99:99:99",
                &[("2023-99-00 99:99:99", "2023-99-00 99:99:99")],
            ),
        ];
        for (reference, text, want) in cases {
            assert_eq!(
                dates(text, Some(reference)),
                pairs(want),
                "{text} from {reference}"
            );
        }
        let range = dates("明年12月31日至1月1日", Some("2024-06-30"));
        assert!(
            range.iter().all(|(_, n)| iso_is_valid(n) != Some(false)),
            "{range:?}"
        );
        assert_eq!(iso_is_valid("2024-02-29"), Some(true));
        assert_eq!(iso_is_valid("2023-02-29"), Some(false));
        assert_eq!(iso_is_valid("2021/2023-05"), Some(true));
        assert_eq!(iso_is_valid("0000"), Some(false));
        assert_eq!(iso_is_valid("明年"), None);
    }

    #[test]
    fn years_of_the_republic_of_china() {
        assert_eq!(
            // Traditional text reaches the finder folded (民國 → 民国).
            dates(
                "中华民国113年6月起,民国84年3月开办;111年底达2300万人,112年支出增加,近5年来。",
                None
            ),
            pairs(&[
                ("中华民国113年6月", "2024-06"),
                ("民国84年3月", "1995-03"),
                ("111年底", "2022-12"),
                ("112年", "2023"),
            ])
        );
        // Without 民国 anywhere, a bare three-digit year is no date.
        assert_eq!(dates("建成112年的老校。", None), pairs(&[]));
    }

    #[test]
    fn absolute_dates_months_years() {
        assert_eq!(
            dates(
                "2021年9月1日开学,2020年3月停课,1999年建校,2023年度考核。",
                None
            ),
            pairs(&[
                ("2021年9月1日", "2021-09-01"),
                ("2020年3月", "2020-03"),
                ("1999年", "1999"),
                ("2023年度", "2023"),
            ])
        );
        assert_eq!(
            dates("发布于2023-11-10 15:03:32", None),
            pairs(&[("2023-11-10 15:03:32", "2023-11-10")])
        );
    }

    #[test]
    fn bracketed_days_of_taiwan_news() {
        assert_eq!(
            dates("县府今(28)日公布,昨(14)日举行,今(2025)日不是", None),
            pairs(&[("今(28)日", "今(28)日"), ("昨(14)日", "昨(14)日")])
        );
    }

    #[test]
    fn chinese_numeral_ranges() {
        assert_eq!(
            dates("二〇二五年六月至八月零售额下跌", None),
            pairs(&[("二〇二五年六月至八月", "2025-06/2025-08")])
        );
    }

    #[test]
    fn ranges_and_lists() {
        assert_eq!(
            dates("2020-2021年度,7月12日至15日举行,2018、2022年获奖", None),
            pairs(&[
                ("2020-2021年", "2020/2021"),
                ("7月12日至15日", "7月12日至15日"),
                ("2018", "2018"),
                ("2022年", "2022"),
            ])
        );
    }

    #[test]
    fn relative_dates() {
        let r = Some("2023-06-30");
        assert_eq!(
            dates("今年3月启动,去年底完成,今年5月—6月开展", r),
            pairs(&[
                ("今年3月", "2023-03"),
                ("去年底", "2022-12"),
                ("今年5月—6月", "2023-05/2023-06"),
            ])
        );
        assert_eq!(dates("今年3月启动", None), pairs(&[("今年3月", "今年3月")]));
    }

    #[test]
    fn months_named_from_the_reference_day() {
        let r = Some("2024-01-15");
        assert_eq!(
            dates("上月推出,本月底前送审,下个月起实施", r),
            pairs(&[
                ("上月", "2023-12"),
                ("本月底", "2024-01"),
                ("下个月", "2024-02")
            ])
        );
        assert_eq!(dates("上月推出", None), pairs(&[("上月", "上月")]));
        for none in ["登上月球", "以上月份数据", "每月发放"] {
            assert!(dates(none, r).is_empty(), "{none}");
        }
    }

    #[test]
    fn chinese_numeral_dates_and_more_relative_words() {
        let r = Some("2024-06-30");
        assert_eq!(
            dates(
                "截至去年十二月三十一日,二〇二三年共有,一月二十二日宣布。",
                r
            ),
            pairs(&[
                ("去年十二月三十一日", "2023-12-31"),
                ("二〇二三年", "2023"),
                ("一月二十二日", "一月二十二日"),
            ])
        );
        assert_eq!(
            dates("今年1至9月增长,前年下降,去年年底完成,去年七月开工。", r),
            pairs(&[
                ("今年1至9月", "2024-01/2024-09"),
                ("前年", "2022"),
                ("去年年底", "2023-12"),
                ("去年七月", "2023-07"),
            ])
        );
        // Not dates: lunar days stay lunar, a 前年 inside other words, counts.
        let lunar = dates("农历二月初二,以前年度结余,三年前年均增长,三个月。", r);
        assert_eq!(lunar, pairs(&[("二月初二", "二月初二")]));
    }

    #[test]
    fn bare_years_of_the_republic_in_a_taiwan_text() {
        let text = "113年觀光統計,較112年成長,114年2月14日公布。";
        let taiwan: Vec<String> = find(text, None, true)
            .into_iter()
            .map(|h| h.normalized)
            .collect();
        assert_eq!(taiwan, ["2024", "2023", "2025-02-14"]);
        assert!(find("有113年歷史。", None, false).is_empty());
        // Dashes or slashes after a year of the Republic.
        let dashed: Vec<String> = find("發布日期:114-08-27,更新114/09/01", None, true)
            .into_iter()
            .map(|h| h.normalized)
            .collect();
        assert_eq!(dashed, ["2025-08-27", "2025-09-01"]);
        assert!(find("编号114-08-27", None, false).is_empty());
    }

    #[test]
    fn the_first_months_of_a_year() {
        assert_eq!(
            dates(
                "今年前10个月,前两个月,2024年前11个月,提前3个月",
                Some("2025-11-20")
            ),
            pairs(&[
                ("今年前10个月", "今年前10个月"),
                ("前两个月", "前两个月"),
                ("2024年前11个月", "2024年前11个月"),
            ])
        );
    }

    #[test]
    fn year_parts_stand_before_their_prefixes() {
        for (i, p) in YEAR_PARTS.iter().enumerate() {
            for q in &YEAR_PARTS[..i] {
                assert!(!p.starts_with(q), "{q} shadows {p}: put {p} first");
            }
        }
    }

    #[test]
    fn relative_words_end_with_nian() {
        for r in RELATIVE.iter() {
            assert_eq!(r.len(), 6, "{r}");
            assert!(r.ends_with('年'), "{r}");
        }
    }

    #[test]
    fn fiscal_years() {
        let text = "2026/27年度赤字收窄,2024/25财政年度,二〇二五/二六年度,二〇二四至二五年度。";
        assert_eq!(
            dates(text, None),
            pairs(&[
                ("2026/27年度", "2026/2027"),
                ("2024/25财政年度", "2024/2025"),
                ("二〇二五/二六年度", "2025/2026"),
                ("二〇二四至二五年度", "2024/2025"),
            ])
        );
        // School years, by the year they start in or both their years; a
        // year of the Republic in a Taiwan text.
        assert_eq!(
            dates(
                "2023学年招生,2023—2024学年,较上学年增加,(2026/2027学年初),2021/22学年起。",
                None
            ),
            pairs(&[
                ("2023学年", "2023"),
                ("2023—2024学年", "2023/2024"),
                ("2026/2027学年", "2026/2027"),
                ("2021/22学年", "2021/2022")
            ])
        );
        let taiwan: Vec<String> = find("113学年度境外学生较112学年度增加。", None, true)
            .into_iter()
            .map(|h| h.normalized)
            .collect();
        assert_eq!(taiwan, ["2024", "2023"]);
        // Not a fiscal year: the years do not follow, or no 年度 after them.
        assert!(find("2026/28年度", None, false).is_empty());
        assert!(find("占比2024/25", None, false).is_empty());
    }

    #[test]
    fn not_dates() {
        assert!(dates("建校32年,第3月,增长12.5月", None).is_empty());
        assert!(dates("投入3000万元,共128所", None).is_empty());
    }

    #[test]
    fn quarters_halves_and_year_ends() {
        let r = Some("2023-06-30");
        assert_eq!(
            dates("一季度增长,上半年增长,2023年一季度,今年度,明年度预算", r),
            pairs(&[
                ("一季度", "一季度"),
                ("上半年", "上半年"),
                ("2023年一季度", "2023年一季度"),
                ("今年度", "2023"),
                ("明年度", "2024"),
            ])
        );
        assert_eq!(
            dates(
                "6月末,12月份,2019年末,一季度末,2025年前三季度,第三季底",
                None
            ),
            pairs(&[
                ("6月末", "6月末"),
                ("12月份", "12月份"),
                ("2019年末", "2019-12"),
                ("一季度末", "一季度末"),
                ("2025年前三季度", "2025年前三季度"),
                ("第三季底", "第三季底"),
            ])
        );
        // The year a figure is compared with is a date (较去年, 比去年);
        // the same period of it (去年同期) dates nothing.
        assert_eq!(
            dates("较去年增长5%,去年同期为3,去年全市新增", r),
            pairs(&[("去年", "2022"), ("去年", "2022")])
        );
        // A season or term after a year is the year's; alone it is none.
        assert_eq!(
            dates(
                "2023年秋季学期开学,今年春季开园,春季造林,去年冬天,冬天来了",
                r
            ),
            pairs(&[
                ("2023年秋季学期", "2023年秋季学期"),
                ("今年春季", "今年春季"),
                ("去年冬天", "去年冬天"),
            ])
        );
    }

    #[test]
    fn times_lunar_days_and_invalid_dates() {
        assert_eq!(
            dates("2023年04月28日11:01发布", None),
            pairs(&[("2023年04月28日11:01", "2023-04-28")])
        );
        assert_eq!(
            dates("2023年2月31日", None),
            pairs(&[("2023年2月31日", "2023年2月31日")])
        );
        assert_eq!(
            dates("正月初六开幕,腊月二十三起", None),
            pairs(&[("正月初六", "正月初六"), ("腊月二十三", "腊月二十三")])
        );
        assert_eq!(
            dates("2023年5月3日开幕,11日闭幕,近3日", None),
            pairs(&[("2023年5月3日", "2023-05-03"), ("11日", "2023-05-11")])
        );
        assert!(dates("11日闭幕", None).is_empty());
    }
}
