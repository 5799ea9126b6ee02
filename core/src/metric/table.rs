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
//! tab) takes that unit. Tables copied from a PDF often keep only spaces
//! between cells; a line of a label and two or more figures is such a row
//! (its header's words run together once normalised, so its columns have
//! no label):
//!
//! ```text
//! 门急诊人次 1,486,273 1,398,514 6.28%
//! 平均住院日(天) 7.6 8.1 -6.17%
//! ```
//!
//! Its figures are cells whether or not they carry a unit; a bare one takes
//! the unit of its label (`(天)`, a unit word ending it: `人次`) or of the
//! table's `单位:` line.

use std::collections::HashMap;
use std::ops::Range;

use super::index::Index;
use super::segment;
use super::tables::Tables;
use crate::text::{ceil_char, FastHash, Lexicon};
use crate::{Change, QuantityKind};

/// The longest stretch (bytes) of a row on either side of a figure.
const ROW_REACH: usize = 1024;

/// How far back (bytes) a table's `单位:` line may stand from a row.
const UNIT_LINE_REACH: usize = 4096;

/// The longest line (bytes) read as a row of a space-split table.
const MAX_SPACE_ROW: usize = 400;

/// A number's place in a table row, with the unit it takes.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The unit the table states for a bare number (`元`, `%`, `元/股`);
    /// `None` for a figure with its own unit.
    pub stated: Option<Stated>,
    /// The row's first cell: what the row measures (`营业收入`).
    pub row_label: Range<usize>,
    /// The words before the number in its own cell (`本报告期`, `增减(%)`);
    /// empty in a space-split row.
    pub label: Range<usize>,
    /// The header of the number's column (`本年比上年增减(%)`), where the
    /// table has one line of headers to read it from; else empty.
    pub column: Range<usize>,
    /// The figure stands in brackets, as accounts print a negative amount
    /// (`(12,417)`): its value is negative and its span takes the brackets.
    pub bracketed: bool,
    /// The figure stands in a sentence, not a table ([`declared`]): its
    /// period is its sentence's.
    pub in_prose: bool,
    /// The figure is a change whose sign says which way, though its column
    /// names none: the last of a row that ends with a cell giving the cause
    /// of a change (`应收账款 37.52 主要系…所致`), in percent unless its
    /// column says otherwise, or one under a title of changes
    /// (`…的按年變動百分率`).
    pub signed: bool,
}

/// The unit a table states for its bare figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    /// The unit reported (`元`, `%`, `元/股`).
    pub unit: String,
    /// What it measures (that of the unit before any `/`).
    pub kind: QuantityKind,
    /// Factor applied to the value (`单位:万元` → 10 000).
    pub scale: f64,
}

/// The lines of a text read as rows of a space-split table so far
/// ([`space_row`] of each, by its range): every figure of a row reads its
/// row and the lines above it, and each is read once. So are the words of
/// the headers above them ([`header_words`]), which every figure under a
/// header picks its column's from, and the header line of each row
/// ([`header_line`]), which every figure of the row looks for.
#[derive(Debug, Default)]
pub struct Rows {
    read: HashMap<(usize, usize), Option<Vec<Range<usize>>>, FastHash>,
    headers: HashMap<(usize, usize, bool), Vec<Range<usize>>, FastHash>,
    header_lines: HashMap<usize, Option<Range<usize>>, FastHash>,
}

impl Rows {
    /// [`space_row`] of `line` of `ix`'s text, read once; or a line of one
    /// figure that continues rows of one figure above it
    /// ([`Rows::continued`]).
    fn of(&mut self, ix: &Index, line: Range<usize>, tables: &Tables) -> Option<&[Range<usize>]> {
        let key = (line.start, line.end);
        if !self.read.contains_key(&key) {
            let row =
                space_row(ix, line.clone(), tables).or_else(|| self.continued(ix, line, tables));
            self.read.insert(key, row);
        }
        self.read.get(&key).and_then(Option::as_deref)
    }

    /// The tokens of `line` where it is a label and one figure
    /// ([`one_figure`]) under a row of one figure, maybe through more such
    /// lines (`计入当期损益的政府补助(…)　6,418,532.70` / `其他营业外收入和支出
    /// 1,837,210.44` / `合计　7,208,208.61`): the lines between are read as
    /// they go, so that each is read once and a long table stays linear.
    fn continued(
        &mut self,
        ix: &Index,
        line: Range<usize>,
        tables: &Tables,
    ) -> Option<Vec<Range<usize>>> {
        let toks = one_figure(ix, line.clone(), tables)?;
        let mut chain = Vec::new();
        let mut at = line.start;
        let under_row = loop {
            let Some(above) = line_above(ix.text, at) else {
                break false;
            };
            let key = (above.start, above.end);
            // Rows after a total are no more of its table's; under numbered
            // rows only the total is one ([`under_numbered_row`]).
            if TOTALS.iter().any(|w| ix.text[above.clone()].starts_with(w))
                || row_number(ix, above.start, tables).is_some()
            {
                break false;
            }
            if let Some(read) = self.read.get(&key) {
                break read.as_ref().is_some_and(|t| t.len() == 2);
            }
            if let Some(row) = space_row(ix, above.clone(), tables) {
                let two = row.len() == 2;
                self.read.insert(key, Some(row));
                break two;
            }
            match one_figure(ix, above.clone(), tables) {
                Some(t) if chain.len() < MAX_CHAIN => chain.push((key, t)),
                _ => break false,
            }
            at = above.start;
        };
        for (key, t) in chain {
            self.read.insert(key, under_row.then_some(t));
        }
        under_row.then_some(toks)
    }

    /// [`header_line`] of the row starting at `row_start` in `ix`'s text,
    /// looked for once.
    fn header_line(
        &mut self,
        ix: &Index,
        row_start: usize,
        tables: &Tables,
    ) -> Option<Range<usize>> {
        if let Some(line) = self.header_lines.get(&row_start) {
            return line.clone();
        }
        let line = header_line(ix, self, row_start, tables);
        self.header_lines.insert(row_start, line.clone());
        line
    }

    /// [`header_words`] of `line` of `ix`'s text, read once.
    fn header_words(&mut self, ix: &Index, line: Range<usize>, joined: bool) -> &[Range<usize>] {
        self.headers
            .entry((line.start, line.end, joined))
            .or_insert_with(|| header_words(ix, line, joined))
    }
}

/// Words of a table header or cell label that make its figures changes
/// (`增减(%)`, `本年比上年增减`, `增减比例`, `同比`, `按年變幅`, `比上年末增加`):
/// the sign says which way.
pub const CHANGE_COLUMNS: [&str; 6] = ["增减", "比上年", "同比", "变幅", "变动", "增加"];
/// Words of a table header or cell label that make its figures rises, as
/// `增长-4.8%` is one with a negative value (`同比增长`, `增速`); without a
/// unit of their own, their figures are in percent (`比上年末增长`). Taiwan
/// heads them by year, quarter or month (`年增率`, `月增率`).
pub const RISE_COLUMNS: [&str; 7] = ["增长", "增速", "增幅", "涨幅", "年增", "季增", "月增"];
/// What may follow a change word at the end of a header (`增减比例`,
/// `增长率`, `增减额`, `增减变动幅度`, `按年变动百分率`).
const CHANGE_MEASURES: [&str; 9] = [
    "率",
    "比例",
    "幅度",
    "额",
    "金额",
    "变动幅度",
    "变动",
    "百分率",
    "百分比",
];
/// Words that end a header whose figures are percentages with no `(%)`
/// (`按年变动百分率`, Hong Kong's releases).
const PERCENT_HEADS: [&str; 2] = ["百分率", "百分比"];

/// Whether the header or label `h` ends with one of `words`, or with one
/// and what it measures (`同比增长(%)`, `增减比例`, `增长率`), not a noun
/// after it (`负增长企业` counts firms).
pub fn header_says(h: &str, words: &[&str]) -> bool {
    let h = h.split('(').next().unwrap_or(h).trim_end();
    // The word's first place in `h`, followed by a measure that ends `h`:
    // the measure is looked for first, once for all the words, as most
    // headers end with none.
    let measured = |m: &&str| {
        h.strip_suffix(m).is_some_and(|rest| {
            words.iter().any(|w| {
                rest.strip_suffix(w)
                    .is_some_and(|b| h.find(w) == Some(b.len()))
            })
        })
    };
    words.iter().any(|w| h.ends_with(w)) || CHANGE_MEASURES.iter().any(measured)
}

/// Cells of a table that hold no value (not applicable, left empty).
const NO_VALUE: &[&str] = &["不适用", "-", "—", "——", "--", "/", "无", "N/A"];

/// The words of [`NO_VALUE`] that are not ASCII, in its order (a test
/// checks): listed apart, so that each figure tries only these.
const WIDE_NO_VALUE: [&str; 4] = ["不适用", "—", "——", "无"];

/// Whether `c` splits the cells of a row.
fn is_cell_break(c: char) -> bool {
    c == '|' || c == '\t'
}

/// The cell of the number `start..end` (sign included, with its unit where
/// `own_unit`) of `text`: a bare number that ends a cell of a table row
/// whose unit is stated, or any figure of a row split by spaces; `rows`
/// holds the lines of `ix` read as space-split rows so far.
pub fn cell(
    ix: &Index,
    start: usize,
    end: usize,
    own_unit: bool,
    tables: &Tables,
    rows: &mut Rows,
) -> Option<Cell> {
    let text = ix.text;
    // The number ends its cell or its line, or a figure follows after a
    // space (checked first: most numbers do none of these). An amount in
    // brackets (`(12,417)`) is read with them.
    let bracketed = !own_unit && text[..start].ends_with('(') && text[end..].starts_with(')');
    let (start, end) = if bracketed {
        (start - 1, end + 1)
    } else {
        (start, end)
    };
    let after = text[end..].trim_start_matches(' ');
    let ends_cell = after.is_empty() || after.starts_with(|c| is_cell_break(c) || c == '\n');
    let spaced = (text[end..].starts_with(' ') && after.starts_with(starts_figure))
        || WIDE_NO_VALUE.iter().any(|w| opens(after, w))
        || opens_cause(after)
        || change_word(after, &tables.change_verbs)
            .is_some_and(|n| after[n..].starts_with(starts_figure));
    if !(ends_cell || spaced) {
        return None;
    }
    // A row is a line of at most ROW_REACH bytes on either side of the
    // number: looking no further keeps a text without line breaks linear.
    let bytes = text.as_bytes();
    // A figure of a space-split row only (not ending a cell) looks no
    // further than such a row can be long.
    let reach = if ends_cell && !own_unit {
        ROW_REACH
    } else {
        MAX_SPACE_ROW
    };
    let from = start.saturating_sub(reach);
    let line_start = match memchr::memrchr(b'\n', &bytes[from..start]) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return None,
    };
    let to = (end + reach).min(text.len());
    let line_end = match memchr::memchr(b'\n', &bytes[end..to]) {
        Some(i) => end + i,
        None if to == text.len() => to,
        None => return None,
    };
    // The cell breaks are ASCII: looked for by byte.
    let split = || memchr::memchr2(b'|', b'\t', &bytes[line_start..line_end]).is_some();
    if own_unit || !ends_cell || !split() {
        let line = line_start..line_end;
        return space_cell(ix, line.clone(), start..end, own_unit, tables, rows)
            .or_else(|| (!own_unit).then(|| year_row_cell(ix, line, start..end, tables))?)
            .map(|c| Cell { bracketed, ..c });
    }
    // The number is not in the first cell, which names the row; a row may
    // open with a break (`| 营业收入 | 12,000 |`).
    let label_start = match text[line_start..].chars().next() {
        Some(c) if is_cell_break(c) => line_start + c.len_utf8(),
        _ => line_start,
    };
    let cell_start = text[label_start..start]
        .rfind(is_cell_break)
        .map_or(label_start, |i| label_start + i + 1);
    if cell_start == label_start {
        return None;
    }
    let row_end = text[label_start..]
        .find(is_cell_break)
        .map_or(line_end, |i| label_start + i);
    // A column of changes (`增减(%)`) states its unit before the row's
    // label does (a `每股收益(元/股)` row's change is in %); any other
    // column's unit yields to the row's (`员工人数(人)` under `本期金额(元)`).
    let column = text[line_start..cell_start].matches(is_cell_break).count();
    let column = column_header(text, line_start, column);
    let header = column.clone().map(|c| &text[c]);
    let (change_column, other_column) = column_units(header, tables);
    let stated = paren_unit(&text[cell_start..start], tables)
        .or(change_column)
        .or_else(|| paren_unit(&text[label_start..row_end], tables))
        .or(other_column)
        .or_else(|| {
            let row = &text[label_start..row_end];
            unit_line(text, line_start, header, row, None, tables)
        })
        .or_else(|| count_unit(header, tables))?;
    Some(Cell {
        stated: Some(stated.into()),
        row_label: trimmed(text, label_start..row_end),
        label: trimmed(text, cell_start..start),
        column: column.unwrap_or(start..start),
        bracketed,
        in_prose: false,
        signed: false,
    })
}

/// Whether `s` starts with the word `w`, told by its first three bytes
/// where it has them (the first char of a CJK word): most texts differ
/// there, and the rest is then compared only for the few that do not.
fn opens(s: &str, w: &str) -> bool {
    let head = |t: &str| t.as_bytes().first_chunk::<3>().copied();
    (w.len() < 3 || head(s) == head(w)) && s.starts_with(w)
}

/// Whether `c` may start a figure of a space-split row.
fn starts_figure(c: char) -> bool {
    c.is_ascii_digit() || c == '-' || c == '+' || c == '('
}

/// Whether the token `t` is a cell's content, a figure or a word of no
/// value, not a word of a row's label.
fn is_cell_content(t: &str, verbs: &Lexicon<Change>) -> bool {
    is_figure(t, verbs) || NO_VALUE.contains(&t)
}

/// The byte length of the change verb that opens `s` and says which way
/// (`增加1.08个百分点`, `下滑3.2%`; not `新增`), from `change.tsv`.
fn change_word(s: &str, verbs: &Lexicon<Change>) -> Option<usize> {
    verbs
        .longest_at(s, 0)
        .filter(|(_, c)| **c != Change::None)
        .map(|(n, _)| n)
}

/// Whether `s` is a figure as a table prints it: a sign, digits with
/// thousands commas and decimals, and a percent or per-mille sign or
/// `个百分点` (`1,486,273`, `-6.17%`, `-3.2个百分点`).
fn is_figure(s: &str, verbs: &Lexicon<Change>) -> bool {
    // A change column may say which way (`增加1.08个百分点`, `减少2.41个百分点`).
    let s = change_word(s, verbs).map_or(s, |n| &s[n..]);
    // Accounts print a negative amount in brackets: `(12,417)`.
    // Not a note's number (`(1)` of a 附注 column).
    let s = match s.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) if inner.contains([',', '.']) || inner.len() >= 3 => inner,
        Some(_) => return false,
        None => s,
    };
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let body = s.trim_end_matches(['%', '‰']);
    let body = body.strip_suffix("个百分点").unwrap_or(body);
    // A leading zero before a digit is a code (an area code, `0571`).
    let code = body.len() > 1 && body.starts_with('0') && !body[1..].starts_with('.');
    body.starts_with(|c: char| c.is_ascii_digit())
        && !code
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// Whether `cells` count 1, 2, 3… (a header of months or list numbers,
/// `月份 1 2 3 4`), not figures.
fn is_count_up(text: &str, cells: &[Range<usize>]) -> bool {
    cells
        .iter()
        .enumerate()
        .all(|(i, c)| text[c.clone()].parse::<usize>().ok() == Some(i + 1))
}

/// The space-split tokens of `line` (a range of `text`). Normalisation
/// drops the space between a CJK label and the first figure
/// (`门急诊人次1,486,273`, `指标2024年`): the first token is split where its
/// digits start. It drops those around a word of no value among the
/// figures too (`41,275不适用18,903`): the figures are split around it.
fn tokens(text: &str, line: Range<usize>, verbs: &Lexicon<Change>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = line.start;
    // Words before the first figure label the row (one column or more:
    // `江南产业发展基金(有限合伙) 境内非国有法人 315,000,000 7.00`).
    let mut in_label = true;
    for t in text[line].split(' ') {
        if !t.is_empty() {
            in_label &= !is_cell_content(t, verbs) && !opens_with_figure(t, verbs);
            let (label, figures) = match in_label.then(|| glued_figure(t, verbs)).flatten() {
                Some(i) => (Some(at..at + i), at + i),
                None if in_label => (Some(at..at + t.len()), at + t.len()),
                None => (None, at),
            };
            if let Some(label) = label {
                push_label(text, label, &mut out);
            }
            in_label &= figures == at + t.len();
            split_no_value(text, figures..at + t.len(), verbs, &mut out);
        }
        at += t.len() + 1;
    }
    out
}

/// Whether the token `t` opens with a figure glued to the change cell
/// after it (`-1.08减少1.95个百分点`: normalisation drops the spaces between
/// a digit and a word) or to the cell of its cause (`-8.73主要系…`), which
/// no label does.
fn opens_with_figure(t: &str, verbs: &Lexicon<Change>) -> bool {
    let head = t.find(|c: char| !c.is_ascii()).map_or(t, |i| &t[..i]);
    let rest = &t[head.len()..];
    !head.is_empty()
        && head.len() < t.len()
        && is_figure(head, verbs)
        && (change_word(rest, verbs).is_some() || opens_cause(rest))
}

/// Pushes the row label `label` of `text` onto `out`, and after it the
/// cells of no value that normalisation glued to it (`现金流量净额不适用不适用`:
/// the spaces between CJK words are dropped), so that the cells keep their
/// columns.
fn push_label(text: &str, mut label: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut glued = Vec::new();
    while let Some(w) = NO_VALUE
        .iter()
        .filter(|w| w.chars().count() > 1 && !w.is_ascii())
        .find(|w| text[label.clone()].ends_with(*w) && label.len() > w.len())
    {
        glued.push(label.end - w.len()..label.end);
        label.end -= w.len();
    }
    out.push(label);
    out.extend(glued.into_iter().rev());
}

/// Pushes the token `tok` of `text` onto `out`, split around the words of
/// no value in it (`41,275不适用18,903`: normalisation drops the spaces
/// between digits and words) and between a change cell and the figures
/// glued to it.
fn split_no_value(
    text: &str,
    tok: Range<usize>,
    verbs: &Lexicon<Change>,
    out: &mut Vec<Range<usize>>,
) {
    let t = &text[tok.clone()];
    let at = tok.start;
    let mut from = at;
    for run in runs(t) {
        // `12.36增加1.08个百分点`: a change column's cell glued to the figure
        // before it starts at its word of change; `增加0.80个百分点9.58`: the
        // figure after one starts after its unit.
        let change = run.start > 0
            && (change_word(&t[run.clone()], verbs).is_some()
                || (t[..run.start].ends_with("百分点")
                    && t[run.clone()].starts_with(starts_figure)));
        if change && from < at + run.start {
            out.push(from..at + run.start);
            from = at + run.start;
        }
        // A cell of the cause of a change runs to the token's end.
        if run.start > 0 && opens_cause(&t[run.start..]) {
            if from < at + run.start {
                out.push(from..at + run.start);
            }
            out.push(at + run.start..tok.end);
            return;
        }
        if NO_VALUE.contains(&&t[run.clone()]) {
            if from < at + run.start {
                out.push(from..at + run.start);
            }
            out.push(at + run.start..at + run.end);
            from = at + run.end;
        }
    }
    if from < tok.end {
        out.push(from..tok.end);
    }
}

/// The runs of ASCII and of other chars of `t`, in order.
fn runs(t: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut prev_ascii = None;
    for (i, c) in t.char_indices() {
        if prev_ascii.is_some_and(|p| p != c.is_ascii()) {
            out.push(from..i);
            from = i;
        }
        prev_ascii = Some(c.is_ascii());
    }
    out.push(from..t.len());
    out
}

/// Where a figure glued to the label starts in `t`: digits (or a sign
/// before them) right after a non-ASCII char that run to the end of `t`
/// (`门急诊人次1,486,273`, not the `3` of `1至3月累计`).
fn glued_figure(t: &str, verbs: &Lexicon<Change>) -> Option<usize> {
    let mut prev = None;
    for (i, c) in t.char_indices() {
        // The figure ends the token, or a cell of its cause follows it
        // (`应收账款37.52主要系…所致`).
        let figure = |rest: &str| {
            let j = rest.find(|c: char| !c.is_ascii()).unwrap_or(rest.len());
            is_figure(rest, verbs) || (is_figure(&rest[..j], verbs) && opens_cause(&rest[j..]))
        };
        if prev.is_some_and(|p: char| !p.is_ascii()) && starts_figure(c) && figure(&t[i..]) {
            return Some(i);
        }
        prev = Some(c);
    }
    None
}

/// The tokens of `line` if it is a row of a space-split table: a label
/// that is no figure, then two or more figures.
fn space_row(ix: &Index, line: Range<usize>, tables: &Tables) -> Option<Vec<Range<usize>>> {
    let text = ix.text;
    let verbs = &tables.change_verbs;
    // A longer line is prose or a list of figures, not a row: looking no
    // further keeps a line of thousands of figures linear.
    if line.len() > MAX_SPACE_ROW {
        return None;
    }
    // A row's number before its label (`1 古南街道 桥河湾幼儿园 270`, its
    // space dropped) is no cell.
    let number = row_number(ix, line.start, tables);
    let numbered = number.is_some();
    let mut toks = tokens(text, line.start + number.unwrap_or(0)..line.end, verbs);
    // Several words before the figures make one label.
    let words = toks
        .iter()
        .take_while(|t| !is_cell_content(&text[(*t).clone()], verbs))
        .count();
    if words > 1 {
        let label = toks[0].start..toks[words - 1].end;
        toks.splice(..words, [label]);
    }
    // A row may end with a cell that gives the cause of a change (`应收账款
    // 37.52 主要系订单增加所致`), as results announcements print one.
    let cause = toks.len() > 2 && opens_cause(&text[toks[toks.len() - 1].clone()]);
    let valued = &toks[..toks.len() - usize::from(cause)];
    let (label, cells) = valued.split_first()?;
    // A cell without a value (`不适用`, `-`) may stand among the figures.
    let figures: Vec<Range<usize>> = cells
        .iter()
        .filter(|c| !NO_VALUE.contains(&&text[(*c).clone()]))
        .cloned()
        .collect();
    // A row may hold one figure among cells without a value (`经营活动产生的
    // 现金流量净额 不适用 不适用 -3,418,562,907.64 不适用`).
    // Or one figure after a label that states its unit in brackets
    // (`报告期末普通股股东总数(户)  18,426`).
    let bracketed = cells.len() == 1 && text[label.clone()].ends_with(')');
    // Or one figure after a label of words in a numbered row, or in the
    // total under numbered rows (`合计 1320`); not after another cell's
    // quantity (`改造 6.8公里 312`, its spaces dropped).
    let words_only = !text[label.clone()].contains(|c: char| c.is_ascii_digit());
    let total =
        || TOTALS.contains(&&text[label.clone()]) && under_numbered_row(ix, line.start, tables);
    let listed = words_only && (numbered || (cells.len() == 1 && total()));
    // Or one figure and its cause.
    let row = (figures.len() >= 2
        || (figures.len() == 1 && (cells.len() >= 2 || bracketed || cause || listed)))
        && !is_figure(&text[label.clone()], verbs)
        && figures.iter().all(|c| is_figure(&text[c.clone()], verbs))
        && !is_count_up(text, &figures);
    row.then_some(toks)
}

/// Words that label a table's total row (`合计 1320`).
const TOTALS: [&str; 7] = ["合计", "总计", "小计", "共计", "全区", "全市", "全县"];

/// The length of the row number that opens the line at `line_start`: one
/// to three digits before a dropped space and a word (`1 古南街道`), not a
/// figure's multiplier or date (`25 万人`, a wrapped line of prose).
fn row_number(ix: &Index, line_start: usize, tables: &Tables) -> Option<usize> {
    let text = &ix.text[line_start..];
    let n = text.bytes().take_while(u8::is_ascii_digit).count();
    let word = text[n..]
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii() && !matches!(c, '年' | '月' | '日' | '号'));
    // Not a multiplier (a label may open with a char that is also a
    // measure word: 校舍, 人民路).
    let multiplied = || tables.multipliers.longest_at(text, n).is_some();
    ((1..=3).contains(&n)
        && word
        && ix.joins.binary_search(&(line_start + n)).is_ok()
        && !multiplied())
    .then_some(n)
}

/// How many lines of one figure [`Rows::continued`] reads up at a time.
const MAX_CHAIN: usize = 64;

/// The line above the one that starts at `line_start`, if any.
fn line_above(text: &str, line_start: usize) -> Option<Range<usize>> {
    let end = line_start.checked_sub(1)?;
    let start = text[..end].rfind('\n').map_or(0, |k| k + 1);
    Some(start..end)
}

/// Labels of lines that hold a code or a note, not a figure (`股票代码
/// 600132`, `附注 5`).
const NOT_FIGURE_LABELS: [&str; 7] = ["代码", "编号", "附注", "备注", "电话", "邮编", "注"];

/// The tokens of `line` where it is a label of words and one figure
/// (`合计 7,208,208.61`); not a code or a note, nor a label ending in a
/// change, which prose reads (`同比增长 12.5%`).
fn one_figure(ix: &Index, line: Range<usize>, tables: &Tables) -> Option<Vec<Range<usize>>> {
    let text = ix.text;
    let verbs = &tables.change_verbs;
    if line.len() > MAX_SPACE_ROW {
        return None;
    }
    let toks = tokens(text, line, verbs);
    let [label, figure] = toks.as_slice() else {
        return None;
    };
    let label = &text[label.clone()];
    let words = !label.contains(|c: char| c.is_ascii_digit()) && !is_cell_content(label, verbs);
    let code = NOT_FIGURE_LABELS.iter().any(|w| label.ends_with(w));
    let change = || verbs.longest_ending_at(label, label.len()).is_some();
    (words && !code && is_figure(&text[figure.clone()], verbs) && !change()).then_some(toks)
}

/// Whether the line above the one at `line_start` is a numbered row: a row
/// number, then a figure at its end (its shape only, not read as a row).
fn under_numbered_row(ix: &Index, line_start: usize, tables: &Tables) -> bool {
    line_above(ix.text, line_start).is_some_and(|above| {
        above.len() <= MAX_SPACE_ROW
            && row_number(ix, above.start, tables).is_some()
            && ix.text[above].ends_with(|c: char| c.is_ascii_digit() || c == '%')
    })
}

/// Words that open a table cell giving the cause of a change (`主要系…所致`,
/// `主要原因是…`), after the figures of its row.
const CAUSE_OPENERS: [&str; 5] = ["主要系", "主要是", "主要原因", "主要由于", "主要因"];

/// Whether `s` opens with a word of [`CAUSE_OPENERS`].
fn opens_cause(s: &str) -> bool {
    CAUSE_OPENERS.iter().any(|w| s.starts_with(w))
}

/// Whether the bare figure `s` reads as a percentage of change: no
/// thousands separator and under a thousand (`-11.52`, `37.52`).
fn reads_as_percent(s: &str) -> bool {
    !s.contains(',')
        && s.trim_start_matches(['-', '+'])
            .parse::<f64>()
            .is_ok_and(|v| v < 1000.0)
}

/// The cell of the figure `fig` in the line `line` of a space-split table
/// ([`space_row`], read through `rows`); a bare figure needs a unit from
/// its label or the table's `单位:` line.
fn space_cell(
    ix: &Index,
    line: Range<usize>,
    fig: Range<usize>,
    own_unit: bool,
    tables: &Tables,
    rows: &mut Rows,
) -> Option<Cell> {
    let text = ix.text;
    let toks = rows.of(ix, line.clone(), tables)?;
    if !toks[1..].contains(&fig) {
        return None;
    }
    let (label, cells) = (toks[0].clone(), toks.len());
    let k = toks[1..].iter().position(|t| *t == fig).unwrap_or(0);
    // The figure right before a cell of the cause of a change (the last
    // token; the label is the first) is that change, where it reads as a
    // percentage, not an amount (`营业收入 -11.52 主要系订单减少所致`, not
    // `货币资金 987,654.32 主要系…`).
    let before_cause = k + 1 == cells - 2 && opens_cause(&text[toks[cells - 1].clone()]);
    let explained = before_cause && reads_as_percent(&text[fig.clone()]);
    // A column of units after the label (`发电量 亿千瓦时 1,862.4`, `员工总数
    // 人 35,406`), its space dropped as stray: split off where it was.
    let (row_label, unit_cell) = unit_column(ix, label, tables);
    let column = space_header(ix, rows, line.clone(), k, cells, tables);
    // A title of changes in percent (`按年變動百分率`) over the table.
    let mut changes_titled = false;
    let stated = if own_unit {
        None
    } else {
        // As in a table split by `|`: a column of changes (`同比增减(个百分点)`)
        // states its unit before the row's label, any other column after it
        // (`GDP(亿元)`, a line of units `千港元 千港元`).
        let label = &text[row_label.clone()];
        let header = column.clone().map(|c| &text[c]);
        let (change_column, other_column) = column_units(header, tables);
        let unit = change_column
            .or(unit_cell)
            .or_else(|| paren_unit(label, tables))
            .or_else(|| unit_ending(label, tables))
            .or(other_column)
            .or_else(|| explained.then(|| unit_at("%", tables)).flatten())
            .or_else(|| {
                // The figure's place among the row's figures.
                let columns = Some((k, cells - 1));
                unit_line(text, line.start, header, label, columns, tables)
            })
            .or_else(|| {
                let (unit, changes) = title_unit(ix, rows, line.start, tables)?;
                changes_titled = changes;
                Some(unit)
            })?;
        Some(unit.into())
    };
    Some(Cell {
        stated,
        row_label,
        label: fig.start..fig.start,
        column: column.unwrap_or(fig.start..fig.start),
        bracketed: false,
        in_prose: false,
        signed: explained || changes_titled,
    })
}

/// The unit a column's `header` states, as a column of changes' (a
/// percent, which comes before the row label's) or as another column's
/// (which yields to it). A column of rises that states none is in percent
/// (`比上年末增长` under a row `羊(万只)`).
fn column_units(header: Option<&str>, tables: &Tables) -> (Option<StatedUnit>, Option<StatedUnit>) {
    let Some(header) = header else {
        return (None, None);
    };
    match header_unit(header, tables) {
        Some(u) if u.kind == QuantityKind::Percent => (Some(u), None),
        None if header_says(header, &RISE_COLUMNS) => (unit_at("%", tables), None),
        u => (None, u),
    }
}

/// The unit a column's header states: in its last bracket (`GDP(亿元)`,
/// `增速(%)`), or as the whole header (`千港元`, a line of units).
fn header_unit(header: &str, tables: &Tables) -> Option<StatedUnit> {
    paren_unit(header, tables)
        .or_else(|| unit_at(header, tables).filter(|u| u.len == header.len()))
        .or_else(|| {
            PERCENT_HEADS
                .iter()
                .any(|w| header.ends_with(w))
                .then(|| unit_at("%", tables))
                .flatten()
        })
}

/// The row label `label` and the unit of a cell of units right after it
/// (`发电量|亿千瓦时`, `清洁能源装机占比|%`): the label split at the last
/// space normalisation dropped in it, where what follows is a unit whole
/// and what stands before is more than one char (`容　县`, `全　市`: a
/// name of two chars spaced out to the width of three).
fn unit_column(
    ix: &Index,
    label: Range<usize>,
    tables: &Tables,
) -> (Range<usize>, Option<StatedUnit>) {
    let last_join = ix
        .joins
        .get(..ix.joins.partition_point(|&j| j < label.end))
        .and_then(|j| j.last())
        .filter(|&&j| j > label.start && ix.text[label.start..j].chars().nth(1).is_some());
    if let Some(&j) = last_join {
        let tail = &ix.text[j..label.end];
        if let Some(u) = unit_at(tail, tables).filter(|u| u.len == tail.len()) {
            return (label.start..j, Some(u));
        }
    }
    (label, None)
}

/// A unit of two chars or more that ends a row's label (`门急诊人次`), with
/// a multiplier before it (`发电量亿千瓦时`, `供电煤耗克/千瓦时`): the
/// longest end of the label read whole as a unit.
fn unit_ending(label: &str, tables: &Tables) -> Option<StatedUnit> {
    label
        .char_indices()
        .rev()
        .take(MAX_UNIT_CHARS)
        .filter_map(|(i, _)| {
            let word = &label[i..];
            unit_at(word, tables).filter(|u| u.len == word.len() && word.chars().count() >= 2)
        })
        .last()
}

/// The longest unit, multiplier included, read at the end of a row's label
/// (`克/千瓦时`), in chars.
const MAX_UNIT_CHARS: usize = 8;

/// `r` without spaces at either end.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    start..(r.end - (s.len() - s.trim_end().len())).max(start)
}

/// The unit of the last parenthesis of `label` that holds one (`(元/股)`,
/// `(%)`), or a multiplier alone over the unit that ends the words before
/// it (`出院人次(萬)`: ten thousand 人次).
fn paren_unit(label: &str, tables: &Tables) -> Option<StatedUnit> {
    let close = label.rfind(')')?;
    let open = label[..close].rfind('(')?;
    let inside = label[open + 1..close].trim();
    unit_at(inside, tables)
        .filter(|u| u.len == inside.len())
        .or_else(|| {
            let (len, &factor) = tables.multipliers.longest_at(inside, 0)?;
            let unit = unit_ending(&label[..open], tables).filter(|_| len == inside.len())?;
            Some(StatedUnit {
                scale: unit.scale * factor,
                ..unit
            })
        })
}

/// The lines above the row at `row_start`, nearest first, within
/// [`UNIT_LINE_REACH`] bytes: `Some` for each whole line, then `None` for a
/// line that runs past the reach (where the table starts is not known).
fn lines_above(text: &str, row_start: usize) -> impl Iterator<Item = Option<Range<usize>>> + '_ {
    let from = ceil_char(text, row_start.saturating_sub(UNIT_LINE_REACH));
    // The start of the line below the one read next; none once past the reach.
    let mut end = Some(row_start);
    std::iter::from_fn(move || {
        let below = end.filter(|&e| e > from)?;
        let line_end = below - 1;
        let start = match text[from..line_end].rfind('\n') {
            Some(i) => from + i + 1,
            None if from == 0 => 0,
            None => {
                end = None;
                return Some(None);
            }
        };
        end = Some(start);
        Some(Some(start..line_end))
    })
}

/// The header cell of column `column` (`本年比上年增减(%)`): the header is
/// the first of the lines split into cells that run up to the row at
/// `row_start`.
fn column_header(text: &str, row_start: usize, column: usize) -> Option<Range<usize>> {
    let mut header = None;
    for line in lines_above(text, row_start) {
        let line = line?;
        if !text[line.clone()].contains(is_cell_break) {
            break;
        }
        header = Some(line);
    }
    let line = header?;
    let mut at = line.start;
    for (k, cell) in text[line.clone()].split(is_cell_break).enumerate() {
        if k == column {
            return Some(at..at + cell.len());
        }
        at += cell.len() + 1;
    }
    None
}

/// The header of the figure `k` (counted from 0 after the label) of a
/// space-split row at `row`: the line right above the table's rows, split
/// by spaces (those normalisation dropped between words too: `千港元千港元`),
/// with one word per figure (its label column dropped or glued to the
/// first: `项目2024年 2023年 本年比上年增减 2022年`) or one per cell. The
/// lines above are read as rows through `rows`.
fn space_header(
    ix: &Index,
    rows: &mut Rows,
    row: Range<usize>,
    k: usize,
    cells: usize,
    tables: &Tables,
) -> Option<Range<usize>> {
    let line = rows.header_line(ix, row.start, tables)?;
    // The figures fill the last columns: a header may give the label one
    // word (`指标`), none, or more (`股东名称 股东性质`, `指标名称 单位`
    // over a label and its unit).
    let pick = |words: &[Range<usize>]| {
        (words.len() + 1 >= cells)
            .then(|| words.get(k + 1 + words.len() - cells).cloned())
            .flatten()
    };
    pick(rows.header_words(ix, line.clone(), false))
        .or_else(|| pick(rows.header_words(ix, line, true)))
}

/// The header line of the space-split row starting at `row_start`: the
/// first line above it that is neither a row (read through `rows`) nor a
/// line of notes.
fn header_line(
    ix: &Index,
    rows: &mut Rows,
    row_start: usize,
    tables: &Tables,
) -> Option<Range<usize>> {
    let text = ix.text;
    for line in lines_above(text, row_start) {
        let line = line?;
        if rows.of(ix, line.clone(), tables).is_none() && !is_note_line(&text[line.clone()], tables)
        {
            return Some(line);
        }
    }
    None
}

/// The cell of a bare figure `start..end` that ends an item of a list under
/// one unit stated in brackets in its sentence (`供水量(单位:亿立方米):利通区
/// 4.91,青铜峡市5.73`, `主要客源(人次)　內地 2,168,940　香港 582,307`): the
/// list reads as a table row of that unit, and what it measures is the
/// clause before the bracket.
pub fn declared(ix: &Index, start: usize, end: usize, tables: &Tables) -> Option<Cell> {
    let text = ix.text;
    // The item ends at punctuation, a bar or a dropped space (`永康區 41｜
    // 東區 33`, `內地 2,168,940　香港 582,307`).
    let item_end = matches!(
        text[end..].chars().next(),
        None | Some(',' | '、' | ';' | '。' | '\n' | '|')
    ) || ix.joins.binary_search(&end).is_ok();
    if !item_end {
        return None;
    }
    const OPEN: &str = "(单位:";
    let sentence = segment::sentence_start(ix, start);
    let head = &text[sentence..start];
    // `(单位:万吨):`, or a bracket of the unit alone before the list
    // (`主要客源(人次)　內地 2,168,940`).
    let (open, inner) = match head.rfind(OPEN) {
        Some(i) => (sentence + i, sentence + i + OPEN.len()),
        None => {
            let i = sentence + head.rfind('(')?;
            (i, i + 1)
        }
    };
    let (mut units, rest) = units_of(&text[inner..start], tables);
    let bare = inner == open + 1;
    if units.len() != 1 || !(rest.starts_with("):") || (bare && rest.starts_with(')'))) {
        return None;
    }
    // The clause may start inside a bracket (`各县(市、区)供水量`): the
    // measure is what follows it.
    let from = segment::clause_start(ix, open);
    let from = match text[from..open].rfind(')') {
        Some(i) if !text[from..from + i].contains('(') => from + i + 1,
        _ => from,
    };
    Some(Cell {
        stated: units.pop().map(Stated::from),
        row_label: from..open,
        label: start..start,
        column: start..start,
        bracketed: false,
        in_prose: true,
        signed: false,
    })
}

/// Words that end a table's title whose figures are percentages
/// (`商品整體出口貨值的按年變動百分率`).
const PERCENT_TITLES: [&str; 2] = ["百分率", "百分比"];

/// The unit a table's title states in the bracket that ends it
/// (`按警察總區劃分的騙案數字(宗)`, `簡明綜合損益表(千港元)`) or by the word
/// of percentages that ends it ([`PERCENT_TITLES`]): the title is the line
/// right above the header, the first line above the row at `row_start` that
/// is no row; a title is one phrase, with no space in it. With the unit,
/// whether the title's percentages are changes (`變動百分率`, `增減百分比`).
fn title_unit(
    ix: &Index,
    rows: &mut Rows,
    row_start: usize,
    tables: &Tables,
) -> Option<(StatedUnit, bool)> {
    let text = ix.text;
    let mut lines = lines_above(text, row_start)
        .map_while(|l| l)
        .skip_while(|l| rows.of(ix, l.clone(), tables).is_some());
    lines.next()?;
    let title = &text[lines.next()?];
    let title = title.trim();
    if title.contains(' ') {
        return None;
    }
    // Counts and their shares under one title (`學生人數及百分比`) are no
    // table of percentages.
    let percent = PERCENT_TITLES.iter().any(|w| {
        title
            .strip_suffix(w)
            .is_some_and(|rest| !rest.ends_with(['及', '和', '与', '、']))
    });
    if percent {
        let changes = header_says(title, &CHANGE_COLUMNS);
        return unit_at("%", tables).map(|u| (u, changes));
    }
    let unit = title.ends_with(')').then(|| paren_unit(title, tables))??;
    Some((unit, false))
}

/// Whether the figures of `cell`'s row are per share: its label says so
/// (`基本每股收益(元)`), or a sub-row's (`－基本(港仙)`, opening with a
/// dash) heading line above it (`每股(虧損)/盈利`).
pub fn per_share(ix: &Index, cell: &Cell) -> bool {
    const PER_SHARE: &str = "每股";
    let text = ix.text;
    let label = &text[cell.row_label.clone()];
    if label.contains(PER_SHARE) {
        return true;
    }
    // A full-width dash (`－`) is folded to `-`.
    if !label.starts_with(['-', '—']) {
        return false;
    }
    let line_start = text[..cell.row_label.start]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    lines_above(text, line_start)
        .next()
        .flatten()
        .is_some_and(|heading| {
            let heading = &text[heading];
            heading.contains(PER_SHARE) && !heading.bytes().any(|b| b.is_ascii_digit())
        })
}

/// Headers of a column of years (`年度 歲入 歲出`, `年份 GDP 增速`).
const YEAR_HEADS: [&str; 5] = ["年度", "年份", "年别", "年", "时间"];

/// The words of `line` of `text` split by spaces, as ranges.
fn words_of(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    text[line.clone()]
        .split(' ')
        .scan(line.start, |at, w| {
            let r = *at..*at + w.len();
            *at += w.len() + 1;
            Some(r)
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// Whether `w` names a year as a table's row does: a year of the Republic
/// of China (`112`) or of the common era (`2023`), `年` or `年度` after it
/// or not.
fn is_year_label(w: &str) -> bool {
    let digits = w.trim_end_matches("年度").trim_end_matches('年');
    let year = digits.parse::<u32>().ok();
    digits.bytes().all(|b| b.is_ascii_digit())
        && match digits.len() {
            3 => year.is_some_and(|y| (100..=200).contains(&y)),
            4 => year.is_some_and(|y| (1900..=2100).contains(&y)),
            _ => false,
        }
}

/// The cell of the bare figure `fig` in `line`, a row led by a year under a
/// header whose first word names the years (`年度 歲入 歲出 差短` over `112
/// 342.8 366.1 23.3`), one word per column: what the figure measures is its
/// column's header, its unit that header's bracket or the table's `单位:`
/// line.
fn year_row_cell(
    ix: &Index,
    line: Range<usize>,
    fig: Range<usize>,
    tables: &Tables,
) -> Option<Cell> {
    let text = ix.text;
    let words = words_of(text, line.clone());
    let (year, figures) = words.split_first()?;
    if !is_year_label(&text[year.clone()]) || figures.len() < 2 {
        return None;
    }
    let k = figures.iter().position(|w| *w == fig)?;
    if !figures
        .iter()
        .all(|w| is_figure(&text[w.clone()], &tables.change_verbs))
    {
        return None;
    }
    // The header is the first line above that is no row of a year.
    let header = lines_above(text, line.start).map_while(|l| l).find(|l| {
        !words_of(text, l.clone())
            .first()
            .is_some_and(|w| is_year_label(&text[w.clone()]))
    })?;
    let heads = Some(header_words(ix, header.clone(), false))
        .filter(|h| h.len() == words.len())
        .unwrap_or_else(|| header_words(ix, header, true));
    if heads.len() != words.len() || !YEAR_HEADS.contains(&&text[heads[0].clone()]) {
        return None;
    }
    let column = heads[k + 1].clone();
    let head = &text[column.clone()];
    let unit = paren_unit(head, tables).or_else(|| {
        unit_line(
            text,
            line.start,
            Some(head),
            head,
            Some((k, figures.len())),
            tables,
        )
    })?;
    Some(Cell {
        stated: Some(unit.into()),
        row_label: column.clone(),
        label: fig.start..fig.start,
        column,
        bracketed: false,
        in_prose: false,
        signed: false,
    })
}

/// A line of notes in brackets over the columns (`(未經審核) (未經審核)`,
/// `(经重述)`): no header, the one above it is. A bracket that states a
/// unit (`(%) (%)`) is a header.
fn is_note_line(line: &str, tables: &Tables) -> bool {
    let mut words = line.split(' ').filter(|w| !w.is_empty()).peekable();
    words.peek().is_some()
        && words.all(|w| w.starts_with('(') && w.ends_with(')') && paren_unit(w, tables).is_none())
}

/// The words of the header line `line`, split by the spaces kept, or
/// (`joined`) by those normalisation dropped too: where the words do not
/// pair with the cells, a stray space inside a header word is one of them
/// (`人均 可支配收入(元)`), and so is a space between two words of CJK
/// (`年度 歲入 歲出`).
fn header_words(ix: &Index, line: Range<usize>, joined: bool) -> Vec<Range<usize>> {
    let joins = if joined {
        let lo = ix.joins.partition_point(|&j| j <= line.start);
        let hi = ix.joins.partition_point(|&j| j < line.end);
        &ix.joins[lo..hi]
    } else {
        &[]
    };
    words_of(ix.text, line)
        .into_iter()
        .flat_map(|r| split_at_joins(r, joins))
        .filter(|r| !r.is_empty())
        .collect()
}

/// The word `r` split where normalisation dropped a space inside it.
fn split_at_joins(r: Range<usize>, joins: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = r.start;
    for &j in joins.iter().filter(|&&j| r.start < j && j < r.end) {
        out.push(from..j);
        from = j;
    }
    out.push(from..r.end);
    out
}

/// The unit the nearest `单位:` line before the row at `row_start` (within
/// [`UNIT_LINE_REACH`] bytes) gives the figure under `header`. A line of
/// one unit gives it to every figure (`单位:元 币种:人民币`: what follows
/// the unit is left alone). A line of several (`单位:亿元,%`, `單位:人;處;%`)
/// gives the k-th of `columns` (the figure's place and the number of
/// figures, where the header has one word per figure and the line one unit
/// per word); else a rate's header (`增速`, `涵盖率`) takes the percent, and
/// another the one unit left, or the one its header names (`参保人数`: 人;
/// `基金收入`: money). Where none fits, nothing: no figure gets another
/// column's unit.
fn unit_line(
    text: &str,
    row_start: usize,
    header: Option<&str>,
    row: &str,
    columns: Option<(usize, usize)>,
    tables: &Tables,
) -> Option<StatedUnit> {
    let mut units = line_units(text, row_start, tables)?;
    if units.len() == 1 {
        return units.pop();
    }
    // Units named for what they measure go to the columns whose header
    // names it (`降水量为毫米` to `降水量`; `水资源量为亿立方米` to
    // `地表水资源量` and `水资源总量`), and to no other.
    // Without a header, they stand in the order of the row's figures
    // (`(快递业务量单位:万件;同比增长单位:%)` over `郑州市 218,406 21.3`).
    // A period's column (`前三季度`) under `(绝对额单位:亿元;增速单位:%)`
    // holds the amounts: the one unit that is no percent.
    if units[0].label.is_some() {
        return match header {
            Some(header) => {
                let named = units
                    .iter()
                    .position(|u| u.label.as_deref().is_some_and(|l| names_label(header, l)));
                let mut amounts = units
                    .iter()
                    .enumerate()
                    .filter(|(_, u)| u.kind != QuantityKind::Percent)
                    .map(|(k, _)| k);
                let amount = match (amounts.next(), amounts.next()) {
                    (Some(k), None) if is_period(header) => Some(k),
                    _ => None,
                };
                named.or(amount).map(|k| units.swap_remove(k))
            }
            None => columns
                .filter(|&(k, n)| n == units.len() && k < n)
                .map(|(k, _)| units.swap_remove(k)),
        };
    }
    // Headers of periods (`2023年 2022年`, `本期 同期`) say nothing of
    // their figures: the rows do (`城镇化率 61.7 60.2`).
    let subject = header.filter(|h| !is_period(h)).unwrap_or(row);
    let head = subject
        .split(['(', '（'])
        .next()
        .unwrap_or(subject)
        .trim_end();
    let rate = RATE_HEADS.iter().any(|w| subject.contains(w))
        || RATE_ENDS.iter().any(|w| head.ends_with(w));
    // One unit per header word, where each agrees with its header.
    if let Some((k, n)) = columns.filter(|&(_, n)| n == units.len()) {
        let agrees = header.is_some_and(|h| !is_period(h))
            && units
                .get(k)
                .is_some_and(|u| (u.kind == QuantityKind::Percent) == rate);
        if agrees {
            return (k < n).then(|| units.swap_remove(k));
        }
    }
    let (rates, others): (Vec<StatedUnit>, Vec<StatedUnit>) = units
        .into_iter()
        .partition(|u| u.kind == QuantityKind::Percent);
    let mut pick = if rate {
        rates
    } else if others.len() == 1 {
        others
    } else {
        let counted = counted_in(subject, tables);
        let named: Vec<StatedUnit> = others
            .iter()
            .filter(|u| {
                u.name.chars().next().is_some_and(|c| subject.contains(c))
                    || counted.contains(&u.name.as_str())
            })
            .cloned()
            .collect();
        if named.len() == 1 {
            named
        } else if MONEY_HEADS.iter().any(|w| subject.contains(w)) {
            others
                .into_iter()
                .filter(|u| u.kind == QuantityKind::Money)
                .collect()
        } else {
            Vec::new()
        }
    };
    (pick.len() == 1).then(|| pick.swap_remove(0))
}

/// The measure words that count what a column's header (or a row's label)
/// names (`学校数` in 所 or 个, `专任教师数` in 人 or 名): those of the end of
/// its noun, before a closing `数`, `数量` or `总数` (none without one: a
/// column headed `小学` or `出口` names no count); or those of a noun that is
/// a measure itself, at its end (`粮食产量` in 吨, `年末牲畜存栏` in 头).
fn counted_in<'t>(subject: &str, tables: &'t Tables) -> &'t [&'static str] {
    let counted = COUNT_ENDS.iter().find_map(|w| subject.strip_suffix(w));
    let noun = counted.unwrap_or(subject);
    tables
        .classifiers
        .longest_ending_at(noun, noun.len())
        .filter(|(_, (_, measure))| counted.is_some() || *measure)
        .map_or(&[], |(_, (words, _))| words.as_slice())
}

/// The words that end a header naming a count (`学生人数`, `学校数目`).
const COUNT_ENDS: [&str; 4] = ["总数", "数量", "数目", "数"];

/// The unit of a column whose header names a count and no unit, where no
/// line states one (`小學學生人數` in 人, `小學學校數目` in 所): the first
/// measure word of its noun.
fn count_unit(header: Option<&str>, tables: &Tables) -> Option<StatedUnit> {
    let header = header?;
    COUNT_ENDS
        .iter()
        .any(|w| header.ends_with(w))
        .then_some(())?;
    let word = counted_in(header, tables).first()?;
    unit_at(word, tables)
}

/// Whether a column's header names a period (`2023年`, `本期`, `上年同期`,
/// `1-10月`), not what its figures measure.
fn is_period(header: &str) -> bool {
    let h = header.trim();
    let dated =
        h.bytes().any(|b| b.is_ascii_digit()) && h.ends_with(['年', '月', '季', '期', '度']);
    // `前三季度`, `一季度`, `上半年`, `全年`; not a comparison with one
    // (`比上季度`, `占全年`).
    let span = PERIOD_ENDS.iter().any(|w| {
        h.strip_suffix(w)
            .is_some_and(|stem| stem.chars().all(|c| PERIOD_STEMS.contains(c)))
    });
    dated
        || span
        || PERIOD_HEADS
            .iter()
            .any(|w| h.starts_with(w) && h.ends_with(['期', '年', '数']))
}

/// Words that end a header of a period written without digits.
const PERIOD_ENDS: &[&str] = &["季度", "半年", "全年"];

/// The chars that may stand before those words in a period's header
/// (`前三季度`, `第四季度`, `上半年`, `本季度`).
const PERIOD_STEMS: &str = "前上下本今去明第一二三四";

/// Words that open a header of a period (`本期`, `上年同期`, `本年预算数`).
const PERIOD_HEADS: &[&str] = &[
    "本期", "上期", "同期", "上年", "本年", "去年", "今年", "当期",
];

/// Words of a column's header that make its figures rates (in %).
const RATE_HEADS: &[&str] = &[
    "增速", "增长", "同比", "比例", "比重", "占比", "率", "幅度", "涨幅", "降幅", "增幅", "强度",
];

/// Words that make a column's figures rates where they end its header
/// (`完成预算`, but `完成预算数` is an amount).
const RATE_ENDS: &[&str] = &["完成预算", "完成计划", "进度"];

/// Words of a column's header that make its figures sums of money.
const MONEY_HEADS: &[&str] = &[
    "收入",
    "支出",
    "金额",
    "费用",
    "资金",
    "总额",
    "投资",
    "产值",
    "增加值",
    "进出口",
    "出口",
    "进口",
    "营收",
    "利润",
    "余额",
];

/// The units of the nearest `单位:` line before `row_start`, in order
/// (`单位:亿元人民币,%`, read by [`units_of`]).
fn line_units(text: &str, row_start: usize, tables: &Tables) -> Option<Vec<StatedUnit>> {
    let from = ceil_char(text, row_start.saturating_sub(UNIT_LINE_REACH));
    let mut end = row_start;
    // A unit, not the body that fills a form in (填报单位:人民医院).
    let at = loop {
        let k = text[from..end].rfind("单位:")? + from;
        if tables.form_bodies.longest_ending_at(text, k).is_none() {
            break k + "单位:".len();
        }
        end = k;
    };
    if let Some(each) = units_per_measure(text, at, tables) {
        return Some(each);
    }
    let line = &text[at..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    if let Some(labelled) = labelled_units(line, tables) {
        return Some(labelled);
    }
    let units = units_of(line, tables).0;
    (!units.is_empty()).then_some(units)
}

/// The units `line` opens with (`亿元人民币,%`): each after an optional
/// currency word, split by spaces, commas, `、` or `;`, up to the first
/// word that is no unit; and the rest of the line after them.
fn units_of<'l>(line: &'l str, tables: &Tables) -> (Vec<StatedUnit>, &'l str) {
    let mut units = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches([' ', ',', '、', ';']);
        // `单位:人民币百万元`, `單位:新臺幣仟元`: a currency word before the
        // unit stays outside it, as before a figure (`新臺幣386億元` is in 元).
        let skip = |r: &str| {
            tables
                .currency_before
                .longest_at(r, 0)
                .map_or(0, |(n, _)| n)
        };
        let n = skip(rest);
        let Some(u) = unit_at(&rest[n..], tables) else {
            break;
        };
        rest = &rest[n + u.len..];
        // `亿元人民币`: the currency word after it.
        rest = &rest[skip(rest)..];
        units.push(u);
    }
    (units, rest)
}

/// Whether a column's `header` names what `label` measures: it holds the
/// label, or starts the label's first two chars and ends with its last
/// (`水资源总量` for `水资源量`).
fn names_label(header: &str, label: &str) -> bool {
    let head = &label[..label.char_indices().nth(2).map_or(label.len(), |(i, _)| i)];
    let last = label.chars().next_back();
    header.contains(label) || (header.contains(head) && header.chars().next_back() == last)
}

/// The units of a bracket (or a line) that states one per measure, each
/// before its own `单位:` (`(面积单位:万平方米;金额单位:亿元)`), with their
/// labels, where there are two or more and every part is `label单位:unit`;
/// `at` is just past the last `单位:`.
fn units_per_measure(text: &str, at: usize, tables: &Tables) -> Option<Vec<StatedUnit>> {
    let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
    let open = text[line_start..at]
        .rfind('(')
        .map_or(line_start, |o| line_start + o + 1);
    let rest = &text[open..];
    let inside = &rest[..rest.find([')', '\n']).unwrap_or(rest.len())];
    let parts: Vec<&str> = inside
        .split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    if parts.len() < 2 {
        return None;
    }
    parts
        .into_iter()
        .map(|part| {
            let (label, unit) = part.split_once("单位:")?;
            labelled_unit(label, unit, tables)
        })
        .collect()
}

/// The unit that is the whole of `unit`, for what `label` measures (not
/// empty).
fn labelled_unit(label: &str, unit: &str, tables: &Tables) -> Option<StatedUnit> {
    let u = unit_at(unit, tables).filter(|u| u.len == unit.len())?;
    (!label.is_empty()).then(|| StatedUnit {
        label: Some(label.to_owned()),
        ..u
    })
}

/// The units of a `单位:` line that names what each is for
/// (`单位:降水量为毫米,水资源量为亿立方米`), each with its label, where every
/// part of the line is `label为unit`.
fn labelled_units(line: &str, tables: &Tables) -> Option<Vec<StatedUnit>> {
    if !line.contains('为') {
        return None;
    }
    line.split([',', ';', '、'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (label, unit) = part.split_once('为')?;
            labelled_unit(label, unit, tables)
        })
        .collect()
}

impl From<StatedUnit> for Stated {
    fn from(u: StatedUnit) -> Stated {
        Stated {
            unit: u.name,
            kind: u.kind,
            scale: u.scale,
        }
    }
}

/// A unit as a table states it, read by [`unit_at`].
#[derive(Clone)]
struct StatedUnit {
    /// The unit reported.
    name: String,
    /// What it measures.
    kind: QuantityKind,
    /// Factor applied to the value.
    scale: f64,
    /// Its byte length in the text.
    len: usize,
    /// What it is for, where a `单位:` line says (`降水量` of `降水量为毫米`).
    label: Option<String>,
}

/// The unit a table states at the start of `s`: a unit word (`元`, `%`,
/// `人`), optionally after a multiplier (`万元`) or over a count (`元/股`).
fn unit_at(s: &str, tables: &Tables) -> Option<StatedUnit> {
    let (scale, mut len) = match tables.multipliers.longest_at(s, 0) {
        Some((len, &f)) if len < s.len() => (f, len),
        _ => (1.0, 0),
    };
    // A unit that starts like a multiplier reads whole where it is longer
    // (`百分点` is no 百 over `分`).
    let whole = tables.units().longest_at(s, 0);
    let scaled = tables.units().longest_at(s, len).map(|(n, u)| (len + n, u));
    let (scale, (end, u)) = match (whole, scaled) {
        (Some((w, u)), Some((n, _))) if w >= n => (1.0, (w, u)),
        (_, Some(found)) => (scale, found),
        (Some((w, u)), None) => (1.0, (w, u)),
        (None, None) => return None,
    };
    len = end;
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
        label: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;
    use proptest::prelude::*;

    proptest! {
        /// The measure looked for at the end first agrees with the plain
        /// reading: the word's first place, followed by a measure alone.
        #[test]
        fn header_says_is_the_first_place_test(h in "[增减长速比上年同变动幅度率例额金负企业(%) ]{0,12}") {
            for words in [&CHANGE_COLUMNS[..], &RISE_COLUMNS[..]] {
                let t = h.split('(').next().unwrap_or(&h).trim_end();
                let plain = words.iter().any(|w| {
                    t.ends_with(w)
                        || t.find(w)
                            .is_some_and(|i| CHANGE_MEASURES.contains(&&t[i + w.len()..]))
                });
                prop_assert_eq!(header_says(&h, words), plain);
            }
        }
    }

    fn unit_of(text: &str, number: &str) -> Option<(String, f64, String, String)> {
        let t = Tables::new(&Options::default()).unwrap();
        let start = text.find(number).unwrap();
        cell(
            &Index::of(text),
            start,
            start + number.len(),
            false,
            &t,
            &mut Rows::default(),
        )
        .map(|c| {
            let s = c.stated.unwrap();
            (
                s.unit,
                s.scale,
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
    fn a_change_cell_glued_to_the_figure_before() {
        // Tabs normalised to spaces, and the space between a figure and a
        // word dropped: `12.36增加1.08个百分点`.
        let text = "单位:万元\n分产品 营业收入 毛利率(%) 营业收入比上年增减(%) 毛利率比上年增减\n数控机床 98,326.41 27.24 12.36增加1.08个百分点\n";
        assert_eq!(unit_of(text, "98,326.41").map(|u| u.0), Some("元".into()));
        assert_eq!(unit_of(text, "12.36").map(|u| u.0), Some("%".into()));
        // A figure glued to the change cell after it is no part of the label.
        let text = "加权平均净资产收益率(%)  -1.08  减少1.95个百分点\n";
        assert_eq!(unit_of(text, "-1.08").map(|u| u.0), Some("%".into()));
        // One figure after a label that states its unit in brackets.
        let text = "报告期末普通股股东总数(户)  18,426\n";
        assert_eq!(unit_of(text, "18,426").map(|u| u.0), Some("户".into()));
        // A cell of the cause after the figure.
        let text = "单位:元\n项目名称 变动比例(%) 主要原因\n应收账款37.52主要系订单增加、账期延长所致\n在建工程-45.18主要是工程完工转入固定资产\n";
        assert_eq!(unit_of(text, "37.52").map(|u| u.0), Some("%".into()));
        assert_eq!(unit_of(text, "-45.18").map(|u| u.0), Some("%".into()));
        // With no header, the figure before the cause is still a change in
        // percent, not an amount of the `单位:` line.
        let text = "单位:元\n营业收入 -11.52 主要系订单减少所致。\n";
        assert_eq!(unit_of(text, "-11.52").map(|u| u.0), Some("%".into()));
        // An amount before its cause keeps the table's unit.
        let text = "单位:元\n项目 本期金额 上期金额 变动原因\n货币资金 1523456.78 987654.32 主要系募集资金到账所致\n";
        assert_eq!(unit_of(text, "987654.32").map(|u| u.0), Some("元".into()));
        // Any verb of `change.tsv` that says which way opens such a cell.
        let text = "单位:元\n品种 均价 比上月\n猪肉 26.40 下滑3.2%\n牛肉 78.10 上涨1.6%\n";
        assert_eq!(unit_of(text, "26.40").map(|u| u.0), Some("元".into()));
        assert_eq!(unit_of(text, "78.10").map(|u| u.0), Some("元".into()));
    }

    #[test]
    fn a_row_label_gives_its_unit() {
        let text = "基本每股收益(元/股)|本报告期 -0.31|上年同期 0.24\n";
        assert_eq!(unit_of(text, "0.24").map(|u| u.0), Some("元/股".into()));
    }

    #[test]
    fn the_header_of_a_figure_column() {
        let t = Tables::new(&Options::default()).unwrap();
        // The header over `number` in `text`, a figure with its unit or not.
        let column = |text: &'static str, number: &str, own_unit: bool| {
            let at = text.find(number).unwrap();
            let end = at + number.len();
            let c = cell(
                &Index::of(text),
                at,
                end,
                own_unit,
                &t,
                &mut Rows::default(),
            )
            .unwrap();
            &text[c.column]
        };
        assert_eq!(
            column(
                "单位:百万元\n项目 上年 本年比上年增减 前年\n营业收入 15,862 4.33% 14,577\n",
                "4.33%",
                true
            ),
            "本年比上年增减"
        );
        assert_eq!(
            column(
                "单位:元\n项目|2024年|增减(%)\n总资产|7,426.27|12.81\n",
                "12.81",
                false
            ),
            "增减(%)"
        );
    }

    #[test]
    fn a_column_header_gives_its_unit_before_the_row_label() {
        let text = "单位:元\n项目|2024年|增减(%)|2023年\n总资产|7,426.27|12.81|6,583.90\n\
                    基本每股收益(元/股)|0.79|-8.14|0.86\n";
        let unit = |n| unit_of(text, n).map(|u| u.0);
        assert_eq!(unit("7,426.27"), Some("元".into()));
        assert_eq!(unit("12.81"), Some("%".into()));
        assert_eq!(unit("-8.14"), Some("%".into()));
        assert_eq!(unit("0.86"), Some("元/股".into()));
    }

    #[test]
    fn rows_read_once_give_every_figure_its_cell() {
        let t = Tables::new(&Options::default()).unwrap();
        let text = "单位:万元\n指标 2024年 2023年 增长(%)\n收入 1,486 1,398 6.28\n\
                    支出 1,200 1,100 9.09\n结余 286 298 -4.03\n";
        let ix = Index::of(text);
        let mut rows = Rows::default();
        let mut cells = 0;
        // Each figure after a space, in text order, as the metric stage reads them.
        for (at, _) in text.match_indices(' ') {
            let at = at + 1;
            let len = text[at..].find([' ', '\n']).unwrap();
            let fresh = cell(&ix, at, at + len, false, &t, &mut Rows::default());
            cells += usize::from(fresh.is_some());
            assert_eq!(cell(&ix, at, at + len, false, &t, &mut rows), fresh);
        }
        assert_eq!(cells, 9);
    }

    #[test]
    fn rows_split_by_spaces() {
        let t = Tables::new(&Options::default()).unwrap();
        let text = "门急诊人次1,486,273 1,398,514 6.28%\n平均住院日(天) 7.6 8.1 -6.17%\n";
        let at = |n: &str| text.find(n).unwrap();
        let cell_of = |n: &str, own: bool| {
            cell(
                &Index::of(text),
                at(n),
                at(n) + n.len(),
                own,
                &t,
                &mut Rows::default(),
            )
        };
        // The label glued to the first figure by normalisation is split off.
        let c = cell_of("1,486,273", false).unwrap();
        assert_eq!(c.stated.map(|s| s.unit), Some("人次".into()));
        assert_eq!(&text[c.row_label], "门急诊人次");
        assert_eq!(unit_of(text, "8.1").map(|u| u.0), Some("天".into()));
        // A figure with its own unit reads its row and keeps its unit.
        let c = cell_of("-6.17%", true).unwrap();
        assert_eq!((c.stated, &text[c.row_label]), (None, "平均住院日(天)"));
        // One figure, or words among the figures: no row.
        assert_eq!(unit_of("门急诊人次 1,486,273\n", "1,486,273"), None);
        assert_eq!(unit_of("门诊 12 人 34 56\n", "34"), None);
        // A cell without a value stands among the figures, its space kept or not.
        for row in [
            "净额 -23,608 41,275 不适用 18,903",
            "净额 -23,608 41,275不适用 18,903",
        ] {
            let text = format!("单位:人民币百万元\n{row}\n");
            let u = unit_of(&text, "18,903");
            assert_eq!(u.map(|u| (u.0, u.1)), Some(("元".into(), 1e6)), "{row}");
        }
    }

    #[test]
    fn month_headers_codes_and_form_bodies_are_no_rows() {
        // Months or list numbers counting up, an area code, and the body
        // that fills a form in (填报单位) are no figures with a unit.
        assert_eq!(unit_of("单位:万元\n月份 1 2 3 4\n", "3"), None);
        assert_eq!(
            unit_of("填报单位:人民医院\n电话 0571 87654321 3\n", "87654321"),
            None
        );
        assert_eq!(unit_of("填报单位:人民医院\n门诊 12 15 18\n", "15"), None);
    }

    #[test]
    fn wide_no_value_words_are_those_of_the_list() {
        let wide: Vec<&str> = NO_VALUE.iter().copied().filter(|w| !w.is_ascii()).collect();
        assert_eq!(wide, WIDE_NO_VALUE);
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
