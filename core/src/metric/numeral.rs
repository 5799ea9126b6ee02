//! Numbers as written in reports: Arabic (`8660`, `98.3`), Chinese
//! (`十八`, `两`, `一万`, `二〇二二`), and fractions (`四分之一`, `百分之九十`).

use crate::text::{char_at, BmpSet};

/// A number read at some offset. Its value is `int / 10^scale`, kept apart
/// so that multipliers apply exactly (`31.96亿` is 3196 × 10⁸ / 10²).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    /// Byte offset one past the number.
    pub end: usize,
    /// The digits as an integer.
    pub int: f64,
    /// Number of decimals.
    pub scale: i32,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// A bare run of digits (`2022`, `二〇二二`): no decimals, no 十百千万.
    pub digits_only: bool,
    /// Number of chars.
    pub chars: usize,
    /// Starts with 百 or 千 (`百余门`), a vague round figure.
    pub leading_round: bool,
    /// Two neighbouring digits name a range (`七八百`, `三四万`, `十七八`,
    /// `三五个`): the value is its lower end.
    pub neighbours: bool,
}

impl Num {
    /// The value.
    pub fn value(&self) -> f64 {
        self.int / 10f64.powi(self.scale)
    }

    /// Applies a multiplier (`万`, `亿`) or a fraction of the unit (`毛钱`:
    /// 0.1 元). A factor below one divides by its inverse where that is a
    /// whole number, so that `三毛钱` is 0.3 and not 0.30000000000000004.
    pub fn multiply(&mut self, factor: f64) {
        let inverse = (1.0 / factor).round();
        // A tenth or a hundredth (角, 分钱) shifts the decimal point, so
        // that 五角六分 is 0.56, not 0.5599999999999999.
        let exact = factor < 1.0 && inverse * factor == 1.0;
        match [10.0, 100.0, 1000.0].iter().position(|&p| p == inverse) {
            Some(k) if exact => self.scale += k as i32 + 1,
            _ if exact => self.int /= inverse,
            _ => self.int *= factor,
        }
    }

    /// Appends `digits` (a run of `count` decimal digits read after the
    /// unit: `一米八二`) as further decimals, exactly.
    pub fn append_decimals(&mut self, digits: f64, count: i32) {
        self.int = self.int * 10f64.powi(count) + digits;
        self.scale += count;
    }

    /// A lone `一`, which is far more often a word part than a count.
    pub fn is_lone_one(&self) -> bool {
        self.chinese && self.chars == 1 && self.int == 1.0
    }
}

/// The value of a Chinese digit, ordinary (`三`) or financial (`叁`).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The value of a Chinese power of ten, ordinary (`千`) or financial (`仟`).
fn chinese_power(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1000.0,
        '万' => 1e4,
        '亿' => 1e8,
        _ => return None,
    })
}

/// Whether `c` is a financial (capital) numeral (`壹贰叁…拾佰仟`), written on
/// invoices, budgets and contracts so that figures cannot be altered.
pub const fn is_capital(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰' | '叁' | '肆' | '伍' | '陆' | '柒' | '捌' | '玖' | '拾' | '佰' | '仟'
    )
}

/// The Chinese chars a number can start with, financial numerals included.
pub const CHINESE_STARTS: [char; 30] = [
    '零', '〇', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千', '壹',
    '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖', '拾', '佰', '仟', '廿', '卅', '卌',
];

/// The chars a number can start with: ASCII digits and the
/// [`CHINESE_STARTS`] (a test checks them against the numerals [`parse`]
/// reads).
pub static NUMBER_STARTS: BmpSet = with_digits(BmpSet::EMPTY.with_each(&CHINESE_STARTS));

/// The chars [`in_number`] holds: those of [`NUMBER_STARTS`] but the
/// financial numerals, and `万`, `亿` and the decimal point.
static NUMBER_CHARS: BmpSet = {
    let mut set = with_digits(BmpSet::EMPTY.with_each(&['万', '亿', '.']));
    let mut i = 0;
    while i < CHINESE_STARTS.len() {
        if !is_capital(CHINESE_STARTS[i]) {
            set = set.with(CHINESE_STARTS[i]);
        }
        i += 1;
    }
    set
};

/// The value of a char that writes a whole number of tens: `廿` (twenty),
/// `卅` (thirty), `卌` (forty), as in `廿四本`.
fn tens(c: char) -> Option<f64> {
    Some(match c {
        '廿' => 20.0,
        '卅' => 30.0,
        '卌' => 40.0,
        _ => return None,
    })
}

/// `set` with the ASCII digits added.
const fn with_digits(mut set: BmpSet) -> BmpSet {
    let mut d = b'0';
    while d <= b'9' {
        set = set.with(d as char);
        d += 1;
    }
    set
}

/// Whether `c` can be part of a number (to skip to the end of a run after a
/// number that was not read). Financial numerals are left out: `伍`, `陆` are
/// also common word parts (`队伍3支`), and skipping them would skip the
/// Arabic number after them.
pub fn in_number(c: char) -> bool {
    NUMBER_CHARS.has(c)
}

/// Reads the number at byte `at`, Arabic or Chinese.
pub fn parse(text: &str, at: usize) -> Option<Num> {
    let first = char_at(text, at)?;
    if first.is_ascii_digit() {
        return Some(parse_arabic(text.as_bytes(), at));
    }
    if first == '万' {
        return lone_wan(text, at);
    }
    if text[at..].starts_with("一一") {
        // `一一对应`, `唯一一条`: one by one, or the 一 of a word and an
        // article; no number.
        return None;
    }
    if is_capital(first) {
        // A lone financial numeral is a word part (`队伍`, `大陆`) unless a
        // numeral or the money unit follows (`伍佰`, `伍元`).
        let next = char_at(text, at + first.len_utf8())?;
        if !(chinese_digit(next).is_some()
            || chinese_power(next).is_some()
            || matches!(next, '元' | '圆'))
        {
            return None;
        }
    }
    parse_chinese(text, at)
}

/// `万` read as a number at `at`: the denominator of `万分之N` (N per ten
/// thousand), or ten thousand and more before `余` or `多` (`万余元`,
/// `万多人`, a vague round figure like `千余名`). Alone `万` is a
/// multiplier, never a number.
fn lone_wan(text: &str, at: usize) -> Option<Num> {
    let end = at + '万'.len_utf8();
    let rest = &text[end..];
    let odd = rest.starts_with(['余', '多']);
    let wan = lone_magnitude(text, at)?;
    (odd || rest.starts_with("分之")).then_some(Num {
        leading_round: odd,
        ..wan
    })
}

/// `万` or `亿` read alone as the round magnitude it names (`近万人次`,
/// `逾亿元`): only where an approximation word stands before it, which the
/// caller checks; elsewhere alone they are multipliers.
pub fn lone_magnitude(text: &str, at: usize) -> Option<Num> {
    let c = char_at(text, at).filter(|&c| matches!(c, '万' | '亿'))?;
    Some(Num {
        end: at + c.len_utf8(),
        int: chinese_power(c)?,
        scale: 0,
        chinese: true,
        digits_only: false,
        chars: 1,
        leading_round: false,
        neighbours: false,
    })
}

/// Reads `digits[,ddd…][.digits]` at `at` (which holds a digit). Thousands
/// separators are read only in their strict form: one to three leading
/// digits, then groups of exactly three (`12,345`, `1,234,567.8`), so a comma
/// that ends a clause (`128所,320名`) is never taken into a number.
fn parse_arabic(bytes: &[u8], at: usize) -> Num {
    let mut i = at;
    let mut int = 0f64;
    let mut scale = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        int = int * 10.0 + f64::from(bytes[i] - b'0');
        i += 1;
    }
    let mut grouped = false;
    if i - at <= 3 {
        while thousands_group_at(bytes, i) {
            for &b in &bytes[i + 1..i + 4] {
                int = int * 10.0 + f64::from(b - b'0');
            }
            i += 4;
            grouped = true;
        }
    }
    if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            int = int * 10.0 + f64::from(bytes[i] - b'0');
            scale += 1;
            i += 1;
        }
    }
    Num {
        end: i,
        int,
        scale,
        chinese: false,
        digits_only: scale == 0 && !grouped,
        chars: i - at,
        leading_round: false,
        neighbours: false,
    }
}

/// Whether `,ddd` stands at `i`, not followed by a further digit.
fn thousands_group_at(bytes: &[u8], i: usize) -> bool {
    bytes.get(i) == Some(&b',')
        && bytes.len() >= i + 4
        && bytes[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && !bytes.get(i + 4).is_some_and(u8::is_ascii_digit)
}

/// Reads a Chinese numeral at `at`: `十八`, `三千五百`, `一万`, `二〇二二`.
/// Stops before a digit that cannot continue the number (`十一五` reads
/// `十一`); two neighbouring digits read as a range ([`Num::neighbours`]).
fn parse_chinese(text: &str, at: usize) -> Option<Num> {
    let (mut total, mut section, mut digit) = (0f64, 0f64, None::<f64>);
    let mut seq = 0f64; // the digits read as a plain sequence (二〇二二)
    let mut powers = false;
    let mut chars = 0;
    let mut end = at;
    let mut leading_round = false;
    let mut neighbours = false;
    let mut prev = None::<(usize, char)>;
    for (i, c) in text[at..].char_indices() {
        if let Some(d) = chinese_digit(c) {
            let place_holder = powers && d == 0 && digit.is_none(); // 一百零五
            if let Some((_, p)) = prev.filter(|_| digit.is_some() && !neighbours) {
                // `七八百`, `十七八`: the second digit only closes a range,
                // unless more digits run on (`一二三`, a code).
                let runs_on = char_at(text, at + i + c.len_utf8()).and_then(chinese_digit);
                if are_neighbours(p, c, !powers) && runs_on.is_none() && (powers || seq < 10.0) {
                    neighbours = true;
                    chars += 1;
                    end = at + i + c.len_utf8();
                    prev = Some((i, c));
                    continue;
                }
            }
            if digit.is_some() && (powers || neighbours) {
                break;
            }
            if !place_holder {
                seq = seq * 10.0 + f64::from(d);
                digit = Some(if digit.is_some() { seq } else { f64::from(d) });
            }
        } else if let Some(t) = tens(c) {
            // `廿四` is 二十四: the tens of a section that holds none yet.
            if digit.is_some() || section % 100.0 != 0.0 {
                break;
            }
            section += t;
            powers = true;
            seq = 0.0;
        } else if let Some(p) = chinese_power(c) {
            if chars == 0 && p >= 1e4 {
                return None;
            }
            if digit.is_some() && !powers && seq >= 10.0 {
                break; // 二〇二二万 is not a number we read
            }
            // A 十, 百 or 千 right after another power takes no digit of its
            // own: it starts the unit (`两万千瓦时`, `七八千千瓦时`), not
            // the number (万亿 and 亿万 multiply, and are read as such).
            if p < 1e4 && digit.is_none() && prev.is_some_and(|(_, c)| chinese_power(c).is_some()) {
                break;
            }
            if chars == 0 && p > 10.0 {
                leading_round = true;
            }
            powers = true;
            if p >= 1e4 {
                let part = section + digit.unwrap_or(0.0);
                if p > 1e4 {
                    total = (total + part) * p;
                } else {
                    total += part * p;
                }
                section = 0.0;
                if part == 0.0 && total == 0.0 {
                    break;
                }
            } else {
                section += digit.unwrap_or(1.0) * p;
            }
            digit = None;
            seq = 0.0;
        } else {
            break;
        }
        chars += 1;
        end = at + i + c.len_utf8();
        prev = Some((i, c));
    }
    if chars == 0 {
        return None;
    }
    // Two digits in a row, no 〇 (`五一`, `三二`), are no number read as a
    // run (`两块五一斤` is 五 and 一斤, not 51 斤), except a discount's
    // (`七五折`): the first digit alone is.
    let pair = !powers && !neighbours && chars == 2 && seq >= 11.0 && seq % 10.0 != 0.0;
    if pair && !text[end..].starts_with('折') {
        let first = text[at..].chars().next().map_or(0, char::len_utf8);
        digit = Some((seq / 10.0).floor());
        chars = 1;
        end = at + first;
    }
    let mut int = total + section + digit.unwrap_or(0.0);
    let mut scale = 0;
    // `三点五`, `一百二十点二五`: decimals after 点, read digit by digit. A
    // number with 万 or 亿 inside (`一万点五`) is not a form reports use.
    if total == 0.0 && !neighbours {
        if let Some(rest) = text[end..].strip_prefix('点') {
            let decimals: Vec<u32> = rest.chars().map_while(chinese_digit).collect();
            if !decimals.is_empty() {
                for d in &decimals {
                    int = int * 10.0 + f64::from(*d);
                }
                scale = decimals.len() as i32;
                chars += 1 + decimals.len();
                end += '点'.len_utf8() + decimals.len() * '五'.len_utf8();
            }
        }
    }
    Some(Num {
        end,
        int,
        scale,
        chinese: true,
        digits_only: !powers && scale == 0 && !neighbours,
        chars,
        leading_round,
        neighbours,
    })
}

/// Whether the digits `a` and `b`, written in this order, name a range
/// (`七八`, `三四`), not a run of digits; `三五` names a few where it
/// opens the numeral (`三五个`, not the plan of `十三五`).
fn are_neighbours(a: char, b: char, opens: bool) -> bool {
    let (Some(x), Some(y)) = (ordinary_digit(a), ordinary_digit(b)) else {
        return false;
    };
    (x >= 1 && y == x + 1) || (opens && (x, y) == (3, 5))
}

/// The value of an ordinary Chinese digit from one to nine (`一两天`,
/// `两三个`; `〇` and the financial forms never name a range).
fn ordinary_digit(c: char) -> Option<u32> {
    matches!(
        c,
        '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
    )
    .then(|| chinese_digit(c))
    .flatten()
}

/// What a fraction is reported as.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Share {
    /// A percentage (`四分之一` → 25 %, `百分之6.8` → 6.8 %).
    Percent(f64),
    /// Per mille (`千分之五` → 5 ‰).
    PerMille(f64),
}

/// Reads a fraction whose denominator `den` has been read: `分之` and a
/// numerator, Arabic or Chinese (`百分之九十`, `百分之6.8`, `千分之五`).
/// Returns the numerator and the share.
pub fn fraction(text: &str, den: &Num) -> Option<(Num, Share)> {
    let rest = text.get(den.end..)?;
    let after = den.end + rest.strip_prefix("分之").map(|_| "分之".len())?;
    let num = parse(text, after)?;
    let d = den.value();
    if d <= 0.0 {
        return None;
    }
    let share = if d == 1000.0 && den.chinese && den.chars == 1 {
        Share::PerMille(num.value())
    } else {
        Share::Percent(num.value() * (100.0 / d))
    };
    Some((num, share))
}

/// Reads `N/M` after the numerator `num` (at `at`) as a share in percent (`1/4` →
/// 25 %, `1/16`): whole numbers, the denominator above the numerator and
/// at most 100, not part of a longer run of numbers and slashes (a date
/// `2024/1/4`, a code). Returns the denominator and the
/// share; whether the text speaks of a share is left to the caller.
pub fn slash_fraction(text: &str, at: usize, num: &Num) -> Option<(Num, f64)> {
    let after = num.end + text.get(num.end..)?.strip_prefix('/').map(|_| 1)?;
    let den = parse(text, after)?;
    let whole = |n: &Num| !n.chinese && n.digits_only && n.scale == 0;
    let (n, d) = (num.value(), den.value());
    let runs_on = |c: char| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-' | ':');
    let before = text[..at].chars().next_back().is_some_and(runs_on);
    let beyond = text[den.end..].chars().next().is_some_and(runs_on);
    (whole(num) && whole(&den) && n >= 1.0 && n < d && d <= 100.0 && !before && !beyond)
        .then(|| (den, n * 100.0 / d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(s: &str) -> (f64, usize) {
        let n = parse(s, 0).unwrap();
        (n.value(), n.end)
    }

    #[test]
    fn arabic() {
        assert_eq!(val("8660个"), (8660.0, 4));
        assert_eq!(val("98.3%"), (98.3, 4));
        assert_eq!(val("3.个"), (3.0, 1));
        assert_eq!(val("12,345名"), (12345.0, 6));
        assert_eq!(val("1,234,567.5元"), (1234567.5, 11));
        assert_eq!(val("128,320名").0, 128320.0);
        assert_eq!(val("1280,320名"), (1280.0, 4));
        assert_eq!(val("12,34名"), (12.0, 2));
        assert_eq!(val("12,3456名"), (12.0, 2));
        let mut n = parse("31.96亿", 0).unwrap();
        n.multiply(1e8);
        assert_eq!(n.value(), 3_196_000_000.0);
    }

    #[test]
    fn chinese() {
        assert_eq!(val("十八中").0, 18.0);
        assert_eq!(val("三千五百名").0, 3500.0);
        assert_eq!(val("两届").0, 2.0);
        assert_eq!(val("一万余").0, 10000.0);
        assert_eq!(val("一百零五").0, 105.0);
        assert_eq!(val("二〇二二年").0, 2022.0);
        assert_eq!(val("十一五"), (11.0, "十一".len()));
        assert_eq!(val("十三五"), (13.0, "十三".len()));
        assert_eq!(val("三亿五千万").0, 350_000_000.0);
        assert!(parse("百余门", 0).unwrap().leading_round);
        assert!(parse("一个", 0).unwrap().is_lone_one());
        assert!(parse("万众", 0).is_none());
        assert!(parse("一一条", 0).is_none());
        assert_eq!(val("三点五个").0, 3.5);
        assert_eq!(val("一百二十点二五万").0, 120.25);
        assert_eq!(val("零点五").0, 0.5);
        assert_eq!(val("两点").0, 2.0);
    }

    #[test]
    fn neighbouring_digits_name_a_range() {
        fn range(s: &str) -> Option<(f64, bool, &str)> {
            parse(s, 0).map(|n| (n.value(), n.neighbours, &s[..n.end]))
        }
        assert_eq!(range("七八百名"), Some((700.0, true, "七八百")));
        assert_eq!(range("三四万元"), Some((30000.0, true, "三四万")));
        assert_eq!(range("二三十家"), Some((20.0, true, "二三十")));
        assert_eq!(range("十七八个"), Some((17.0, true, "十七八")));
        assert_eq!(range("一百二三十人"), Some((120.0, true, "一百二三十")));
        assert_eq!(range("三五个"), Some((3.0, true, "三五")));
        // Runs of digits, a plan and sequences that are no neighbours.
        assert_eq!(range("一二三号"), Some((123.0, false, "一二三")));
        assert_eq!(range("二〇二三年"), Some((2023.0, false, "二〇二三")));
        assert_eq!(range("七五折"), Some((75.0, false, "七五")));
        assert_eq!(range("一两个"), Some((1.0, true, "一两")));
        assert_eq!(range("两三天"), Some((2.0, true, "两三")));
    }

    #[test]
    fn ten_thousand_and_more() {
        assert_eq!(val("万余元").0, 10000.0);
        assert!(parse("万多人", 0).unwrap().leading_round);
        assert!(parse("万人空巷", 0).is_none());
    }

    #[test]
    fn financial() {
        assert_eq!(val("壹拾贰万叁仟元").0, 123_000.0);
        assert_eq!(val("伍佰元").0, 500.0);
        assert_eq!(val("伍元").0, 5.0);
        assert_eq!(val("玖仟捌佰柒拾陆").0, 9876.0);
        assert!(parse("伍3支", 0).is_none());
        assert!(parse("陆续", 0).is_none());
        assert!(!in_number('伍'));
    }

    #[test]
    fn starts_agree() {
        // The numerals `parse` reads: digits, powers of ten below 万, tens.
        let reads = |c: char| {
            c.is_ascii_digit()
                || chinese_digit(c).is_some()
                || chinese_power(c).is_some_and(|p| p < 1e4)
                || tens(c).is_some()
        };
        for c in (0..0x10000).filter_map(char::from_u32) {
            assert_eq!(NUMBER_STARTS.has(c), reads(c), "{c}");
            let within = (reads(c) && !is_capital(c)) || matches!(c, '万' | '亿' | '.');
            assert_eq!(in_number(c), within, "{c}");
        }
        assert!(CHINESE_STARTS.iter().all(|c| c.len_utf8() == 3));
    }

    #[test]
    fn fractions() {
        let den = parse("四分之一", 0).unwrap();
        let (num, pct) = fraction("四分之一", &den).unwrap();
        assert_eq!((pct, num.end), (Share::Percent(25.0), "四分之一".len()));
        let share = |s: &str| fraction(s, &parse(s, 0).unwrap()).unwrap().1;
        assert_eq!(share("百分之九十"), Share::Percent(90.0));
        assert_eq!(share("百分之6.8"), Share::Percent(6.8));
        assert_eq!(share("千分之五"), Share::PerMille(5.0));
        assert_eq!(share("万分之三"), Share::Percent(0.03));
        assert!(parse("万元", 0).is_none());
    }
}
