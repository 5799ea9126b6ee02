//! Reading the surface of a quantity at a number: approximation words, the
//! number (or range, or fraction), multipliers and the unit.

use super::numeral::{self, Num};
use super::tables::{Tables, Unit};
use crate::Approx;

/// Chars that join the two ends of a range (`2-3门`, `5至10年`).
const RANGE_JOINERS: [char; 5] = ['-', '~', '至', '到', '—'];

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
    /// The approximation.
    pub approx: Approx,
    /// Whether the approximation came from a word before the number.
    pub approx_before: bool,
    /// A vague round figure (`数十`, `上百`, `百余`).
    pub vague: bool,
    /// One past the last byte.
    pub end: usize,
}

/// One past the run of number chars at `at` (where to go on after a reject).
pub fn run_end(text: &str, at: usize) -> usize {
    text[at..]
        .char_indices()
        .find(|&(_, c)| !numeral::in_number(c))
        .map_or(text.len(), |(i, _)| at + i)
}

/// Reads the quantity whose number starts at `at`.
pub fn read<'t>(text: &str, at: usize, tables: &'t Tables) -> Option<Reading<'t>> {
    let num = numeral::parse(text, at)?;
    let mut r = Reading {
        start: at,
        num_start: at,
        num,
        num_end: num.end,
        value: num.value(),
        range: false,
        fraction: false,
        multiplied: false,
        unit: None,
        per: None,
        approx: Approx::Exact,
        approx_before: false,
        vague: num.leading_round,
        end: num.end,
    };
    if let Some((numer, pct)) = numeral::fraction(text, &num) {
        r.fraction = true;
        r.value = pct;
        r.num_end = numer.end;
        r.end = numer.end;
        r.unit = tables.units.get("%");
    } else {
        read_range(text, &mut r);
        read_unit(text, &mut r, tables);
    }
    if r.unit.is_some() {
        if let Some((len, &a)) = tables.approx_after.longest_at(text, r.end) {
            r.approx = a;
            r.end += len;
        }
    }
    let blocked = |len: usize| {
        tables
            .approx_block
            .longest_ending_at(text, at)
            .is_some_and(|(b, _)| b > len)
    };
    if let Some((len, &a)) = tables.approx_before.longest_ending_at(text, at) {
        if !blocked(len) {
            r.approx = a;
            r.approx_before = true;
            r.start = at - len;
        }
    } else if let Some((len, &a)) = tables.approx_vague.longest_ending_at(text, at) {
        if num.chinese && text[at..].starts_with(['十', '百', '千']) && !blocked(len) {
            r.approx = a;
            r.approx_before = true;
            r.vague = true;
            r.start = at - len;
        }
    }
    Some(r)
}

/// Reads the upper end of a range after the first number, if any.
fn read_range(text: &str, r: &mut Reading) {
    let Some(c) = text[r.num.end..].chars().next() else {
        return;
    };
    if !RANGE_JOINERS.contains(&c) {
        return;
    }
    let hi_at = r.num.end + c.len_utf8();
    if let Some(hi) = numeral::parse(text, hi_at) {
        if hi.chinese == r.num.chinese && hi.value() > r.value {
            r.range = true;
            r.num_end = hi.end;
            r.end = hi.end;
        }
    }
}

/// Reads multipliers, infix approximation words and the unit.
fn read_unit<'t>(text: &str, r: &mut Reading<'t>, tables: &'t Tables) {
    let mut pos = r.end;
    let mut factor = 1.0;
    let mut infix = false;
    loop {
        if tables.not_units.longest_at(text, pos).is_some() {
            break;
        }
        if let Some((len, unit)) = tables.units.longest_at(text, pos) {
            r.unit = Some(unit);
            pos += len;
            factor *= unit.scale;
            if let Some(rest) = text[pos..].strip_prefix('/') {
                if let Some((per_len, per)) = tables.units.longest_at(rest, 0) {
                    r.per = Some(per);
                    pos += 1 + per_len;
                }
            }
            break;
        }
        if let Some((len, &m)) = tables.multipliers.longest_at(text, pos) {
            factor *= m;
            r.multiplied = true;
            pos += len;
        } else if let (false, Some((len, &a))) = (infix, tables.approx_infix.longest_at(text, pos))
        {
            infix = true;
            r.approx = a;
            pos += len;
        } else {
            break;
        }
    }
    let mut n = r.num;
    n.multiply(factor);
    r.value = n.value();
    r.end = pos;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn reading(text: &str) -> (String, f64, String, Approx) {
        let t = Tables::new(&Options::default()).unwrap();
        let at = text.find(numeral::starts_number).unwrap();
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
    fn skips_runs() {
        assert_eq!(run_end("一百二十五所", 0), "一百二十五".len());
    }
}
