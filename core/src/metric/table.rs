//! Figures in flattened tables. Results announcements and statistics
//! bulletins print their key figures as rows of cells, the unit said once
//! for the whole table (`单位:元`) or in the row's label (`基本每股收益(元/股)`,
//! `增减(%)`), the cells holding bare numbers:
//!
//! ```text
//! 单位:元 币种:人民币
//! 营业收入|本报告期 3,568,421,736.52|上年同期 4,021,156,308.19|增减(%) -11.26
//! ```
//!
//! A bare number that ends a cell of such a row (cells split by `|` or a
//! tab) takes that unit.

use std::ops::Range;

use super::tables::Tables;
use crate::text::ceil_char;
use crate::QuantityKind;

/// The longest stretch (bytes) of a row on either side of a figure.
const ROW_REACH: usize = 1024;

/// How far back (bytes) a table's `单位:` line may stand from a row.
const UNIT_LINE_REACH: usize = 4096;

/// A bare number's place in a table row, with the unit it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The unit reported (`元`, `%`, `元/股`).
    pub unit: String,
    /// What it measures (that of the unit before any `/`).
    pub kind: QuantityKind,
    /// Factor applied to the value (`单位:万元` → 10 000).
    pub scale: f64,
    /// The row's first cell: what the row measures (`营业收入`).
    pub row_label: Range<usize>,
    /// The words before the number in its own cell (`本报告期`, `增减(%)`).
    pub label: Range<usize>,
}

/// Whether `c` splits the cells of a row.
fn is_cell_break(c: char) -> bool {
    c == '|' || c == '\t'
}

/// The cell of the bare number `start..end` (sign included) of `text`, if
/// it ends a cell of a table row whose unit is stated.
pub fn cell(text: &str, start: usize, end: usize, tables: &Tables) -> Option<Cell> {
    // The number ends its cell or its line (checked first: most numbers
    // do not).
    let after = text[end..].trim_start_matches(' ');
    if !(after.is_empty() || after.starts_with(|c| is_cell_break(c) || c == '\n')) {
        return None;
    }
    // A row is a line of at most ROW_REACH bytes on either side of the
    // number: looking no further keeps a text without line breaks linear.
    let bytes = text.as_bytes();
    let from = start.saturating_sub(ROW_REACH);
    let line_start = match memchr::memrchr(b'\n', &bytes[from..start]) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (end + ROW_REACH).min(text.len());
    let line_end = match memchr::memchr(b'\n', &bytes[end..to]) {
        Some(i) => end + i,
        None if to == text.len() => to,
        None => return None,
    };
    let line = &text[line_start..line_end];
    if !line.contains(is_cell_break) {
        return None;
    }
    // The number is not in the first cell, which names the row.
    let cell_start = text[line_start..start]
        .rfind(is_cell_break)
        .map_or(line_start, |i| line_start + i + 1);
    if cell_start == line_start {
        return None;
    }
    let row_end = text[line_start..]
        .find(is_cell_break)
        .map_or(line_end, |i| line_start + i);
    let stated = paren_unit(&text[cell_start..start], tables)
        .or_else(|| paren_unit(&text[line_start..row_end], tables))
        .or_else(|| unit_line(text, line_start, tables))?;
    Some(Cell {
        unit: stated.name,
        kind: stated.kind,
        scale: stated.scale,
        row_label: trimmed(text, line_start..row_end),
        label: trimmed(text, cell_start..start),
    })
}

/// `r` without spaces at either end.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    start..(r.end - (s.len() - s.trim_end().len())).max(start)
}

/// The unit of the last parenthesis of `label` that holds one (`(元/股)`, `(%)`).
fn paren_unit(label: &str, tables: &Tables) -> Option<StatedUnit> {
    let close = label.rfind(')')?;
    let open = label[..close].rfind('(')?;
    let inside = label[open + 1..close].trim();
    unit_at(inside, tables).filter(|u| u.len == inside.len())
}

/// The unit of the nearest `单位:` before the row at `row_start` (within
/// [`UNIT_LINE_REACH`] bytes). What follows the unit on that line
/// (`单位:元 币种:人民币`, its space dropped as stray) is left alone.
fn unit_line(text: &str, row_start: usize, tables: &Tables) -> Option<StatedUnit> {
    let from = ceil_char(text, row_start.saturating_sub(UNIT_LINE_REACH));
    let at = text[from..row_start].rfind("单位:")? + from + "单位:".len();
    unit_at(text[at..].trim_start_matches(' '), tables)
}

/// A unit as a table states it, read by [`unit_at`].
struct StatedUnit {
    /// The unit reported.
    name: String,
    /// What it measures.
    kind: QuantityKind,
    /// Factor applied to the value.
    scale: f64,
    /// Its byte length in the text.
    len: usize,
}

/// The unit a table states at the start of `s`: a unit word (`元`, `%`,
/// `人`), optionally after a multiplier (`万元`) or over a count (`元/股`).
fn unit_at(s: &str, tables: &Tables) -> Option<StatedUnit> {
    let (scale, mut len) = match tables.multipliers.longest_at(s, 0) {
        Some((len, &f)) if len < s.len() => (f, len),
        _ => (1.0, 0),
    };
    let (n, u) = tables.units().longest_at(s, len)?;
    len += n;
    let mut name = u.unit.clone();
    if let Some((n, per)) = s[len..]
        .strip_prefix('/')
        .and_then(|rest| tables.units().longest_at(rest, 0))
    {
        name = format!("{name}/{}", per.unit);
        len += 1 + n;
    }
    Some(StatedUnit {
        name,
        kind: u.kind,
        scale: scale * u.scale,
        len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    fn unit_of(text: &str, number: &str) -> Option<(String, f64, String, String)> {
        let t = Tables::new(&Options::default()).unwrap();
        let start = text.find(number).unwrap();
        cell(text, start, start + number.len(), &t).map(|c| {
            (
                c.unit,
                c.scale,
                text[c.row_label].to_string(),
                text[c.label].to_string(),
            )
        })
    }

    #[test]
    fn a_table_unit_line_gives_the_cells_their_unit() {
        let text =
            "单位:万元币种:人民币\n营业收入|本报告期 3,568.52|上年同期 4,021.19|增减(%) -11.26\n";
        assert_eq!(
            unit_of(text, "3,568.52"),
            Some(("元".into(), 1e4, "营业收入".into(), "本报告期".into()))
        );
        assert_eq!(unit_of(text, "-11.26").map(|u| u.0), Some("%".into()));
    }

    #[test]
    fn a_row_label_gives_its_unit() {
        let text = "基本每股收益(元/股)|本报告期 -0.31|上年同期 0.24\n";
        assert_eq!(unit_of(text, "0.24").map(|u| u.0), Some("元/股".into()));
    }

    #[test]
    fn no_table_no_unit() {
        // Not a row; a number inside a cell's text; no unit stated anywhere.
        assert_eq!(unit_of("单位:元\n营业收入 3,568.52\n", "3,568.52"), None);
        assert_eq!(
            unit_of("单位:元\n收入|共计3,568.52亿|其他\n", "3,568.52"),
            None
        );
        assert_eq!(
            unit_of("单位:元\n收入|3,568.52 万|其他\n", "3,568.52"),
            None
        );
        assert_eq!(unit_of("收入|本期 3,568.52|上期 2.5\n", "3,568.52"), None);
        // The first cell is the row's label, not a figure.
        assert_eq!(unit_of("单位:元\n2023|本期 5\n", "2023"), None);
    }
}
