//! What surrounds a quantity: its indicator (what is measured), whether it
//! is a change, and the period it refers to.

use std::cell::Cell;
use std::ops::Range;

use super::classify::Judged;
use super::index::Index;
use super::pairs::Role;
use super::segment;
use super::table;
use super::tables::Tables;
use crate::normalize::{fold, is_plain, original_of, Cursor, Normalized};
use crate::region;
use crate::text::punct::CLAUSE;
use crate::text::{
    char_at, char_before, char_count, chars_back, chars_forward, floor_char, is_cjk, utf8_len,
};
use crate::{Change, QuantityKind};

/// Longest indicator part before the quantity, in chars.
const LEFT_CHARS: usize = 24;
/// Longest indicator part after the quantity, in chars.
const RIGHT_CHARS: usize = 20;
/// How many times its lower end a range's upper end may be; a figure
/// further above a change is the level the change came to.
const RANGE_SPREAD: f64 = 3.0;
/// How many chars after 比 or 较 the earlier time a figure is compared
/// with may end (`比上年同期`, `较2023年`).
const COMPARED_TIME_CHARS: usize = 8;
/// Longest list item (chars) that a clause may take in across `、`.
const LIST_ITEM_CHARS: usize = 16;
/// A left part this short (chars) before a change verb borrows its subject.
const BARE_CHANGE_CHARS: usize = 2;
/// A short item (chars) after a comma or list mark shares the previous head.
const SHORT_ITEM_CHARS: usize = 4;
/// The longest list verb looked for at the start of an indicator, in chars.
const LEAD_VERB_CHARS: usize = 6;
/// The longest comparison (`比上上年`) cut before a change verb, in chars.
const COMPARISON_CHARS: usize = 6;

/// The context of one metric.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// What is measured.
    pub indicator: String,
    /// Change against an earlier value.
    pub change: Change,
    /// The time frame, as written.
    pub period: Option<String>,
}

/// Reads contexts in text order, remembering the sentence at hand.
pub struct Reader<'a> {
    norm: &'a Normalized<'a>,
    /// Maps offsets back to the original, walked along with the reader.
    cursor: Cursor<'a, 'a>,
    ix: &'a Index<'a>,
    tables: &'a Tables,
    sentence: Range<usize>,
    /// The clause of the quantity at hand, looked up once for every read of it.
    clause: Range<usize>,
    /// The last left part trimmed, and what it trimmed to: the change and
    /// the indicator of a quantity mostly trim the same one.
    left: Cell<Option<(Range<usize>, Range<usize>)>>,
    /// The periods of the sentence (a buffer kept between sentences).
    periods: Vec<Range<usize>>,
    /// The last period read, with its original text.
    last_period: Option<(Range<usize>, String)>,
    /// Where the previous quantity starts, if one was read.
    prev_at: Option<usize>,
    /// The previous quantity's change.
    prev_change: Change,
    /// The previous quantity's value.
    prev_value: f64,
    /// The indicator pieces of the quantity at hand (a buffer kept between reads).
    pieces: Vec<Range<usize>>,
}

impl<'a> Reader<'a> {
    /// A reader over `norm`, whose text `ix` indexes.
    pub fn new(norm: &'a Normalized<'a>, ix: &'a Index<'a>, tables: &'a Tables) -> Self {
        Reader {
            norm,
            cursor: norm.cursor(),
            ix,
            tables,
            sentence: 0..0,
            clause: 0..0,
            left: Cell::new(None),
            periods: Vec::new(),
            last_period: None,
            prev_at: None,
            prev_change: Change::None,
            prev_value: 0.0,
            pieces: Vec::new(),
        }
    }

    /// The context of `m`, whose neighbours end at `prev_end` and start at
    /// `next_start`; `region` is the region name to drop from the indicator;
    /// `role` its part in a from–to pair; `prev_indicator` the indicator
    /// read for the quantity before it (empty for the first).
    pub fn read(
        &mut self,
        m: &Judged<'_>,
        prev_end: usize,
        next_start: usize,
        region: Option<&str>,
        role: Role,
        prev_indicator: &str,
    ) -> Found {
        let text = self.norm.text.as_str();
        if !self.sentence.contains(&m.start) {
            let s = segment::sentence_start(self.ix, m.start);
            let e = segment::sentence_end(self.ix, m.end);
            // Where the last char a time frame needs stands in the sentence.
            let frames = &self.ix.frames;
            let last = frames
                .count_before(e)
                .checked_sub(1)
                .and_then(|k| frames.get(k));
            let until = last.filter(|&f| f >= s).map_or(0, |f| f - s + 1);
            self.periods.clear();
            self.periods.extend(
                self.tables
                    .period
                    .find_iter(&text[s..e], until)
                    .map(|p| s + p.start..s + p.end),
            );
            self.sentence = s..e.max(s + 1);
        }
        if let Some(cell) = &m.cell {
            return self.read_cell(m, cell);
        }
        self.clause = segment::clause_start(self.ix, m.start)..segment::clause_end(self.ix, m.end);
        let (mut change, verb) = self.change(m);
        if change == Change::None && self.joined_to_previous(m, prev_end) {
            // `分别增长16.5%和22.1%`, `增收3000元至5000元`: the second
            // figure shares the verb.
            change = self.prev_change;
        }
        let mut pieces = std::mem::take(&mut self.pieces);
        let parts = self.parts(m, prev_end, next_start, region, verb, &mut pieces);
        if let Role::From { from } = role {
            // `公办中小学由41所增加到67所`: what is measured stands before `由`.
            cut(&mut pieces, from..m.start);
            cut(&mut pieces, m.end..next_start);
        }
        let prev = self
            .prev_at
            .take()
            .filter(|at| self.sentence.contains(at))
            .map(|_| prev_indicator);
        let mut indicator = if role == Role::To {
            prev_indicator.to_owned()
        } else {
            // Room for a head of the previous indicator put before it.
            let room = prev.map_or(0, str::len);
            original_of(self.norm, &mut self.cursor, &pieces, room)
        };
        self.pieces = pieces;
        if let Some(prev_ind) = prev.filter(|_| role != Role::To) {
            let ranked = m.kind == QuantityKind::Rank
                && self.tables.rank_words.longest_at(&indicator, 0).is_some();
            if (verb > 0 && parts.bare) || ranked || parts.borrows {
                // `连续20年居全国地级市首位`: the figure before read the
                // same words after it; they are said once.
                if prev_ind.ends_with(indicator.as_str()) {
                    indicator.clear();
                }
                indicator.insert_str(0, prev_ind);
            } else if parts.continued && self.lead_verb(&indicator).is_none() {
                let verb = parts
                    .after_list_mark
                    .then(|| self.lead_verb(prev_ind))
                    .flatten();
                if let Some(v) = verb {
                    indicator.insert_str(0, v);
                } else if char_count(&indicator) <= SHORT_ITEM_CHARS {
                    indicator.insert_str(0, shared_head(prev_ind, &indicator));
                }
            }
        }
        self.remember(m, change);
        Found {
            indicator,
            change,
            period: self.period(m),
        }
    }

    /// Keeps what the next quantity may share: where `m` stands and its
    /// change (its indicator comes back with the next read).
    fn remember(&mut self, m: &Judged<'_>, change: Change) {
        self.prev_at = Some(m.start);
        self.prev_change = change;
        self.prev_value = m.value;
    }

    /// The context of a figure in a table row: what the row measures (its
    /// first cell, a parenthesised unit dropped), a change where the
    /// figure's own cell is labelled with one (`增减(%)`), the period the
    /// label names (`本报告期`).
    fn read_cell(&mut self, m: &Judged<'_>, cell: &table::Cell) -> Found {
        let text = self.norm.text.as_str();
        let mut row = cell.row_label.clone();
        // A unit in brackets ends the label (`GDP(亿元)`); a bracket inside
        // it is part of what is measured (`除稅前(虧損)/溢利`).
        if let Some(open) = text[row.clone()]
            .strip_suffix(')')
            .and_then(|label| label.rfind('('))
        {
            row.end = row.start + open;
        }
        let label = &text[cell.label.clone()];
        // A column or cell of changes (`本年比上年增减(%)`, `增减(%)`), or a
        // figure before the cause of its change: the sign says which way;
        // else a change word of the cell's label.
        let heads = [label, &text[cell.column.clone()]];
        let says = |words: &[&str]| heads.iter().any(|h| table::header_says(h, words));
        let change = if says(&table::RISE_COLUMNS) {
            Change::Increase
        } else if says(&table::CHANGE_COLUMNS) || cell.signed {
            if m.value < 0.0 {
                Change::Decrease
            } else {
                Change::Increase
            }
        } else {
            label
                .char_indices()
                .find_map(|(i, _)| {
                    let verb = self.tables.change_verbs.longest_at(label, i);
                    verb.or_else(|| self.tables.change_rates.longest_at(label, i))
                })
                .map_or(Change::None, |(_, &c)| c)
        };
        let indicator = original_of(self.norm, &mut self.cursor, std::slice::from_ref(&row), 0);
        self.remember(m, change);
        if cell.in_prose {
            return Found {
                indicator,
                change,
                period: self.period(m),
            };
        }
        let period = self
            .periods
            .iter()
            .find(|p| cell.label.start <= p.start && p.end <= cell.label.end)
            .cloned();
        let period = period.map(|p| {
            // `本报告期`: a 本 or 上 right before belongs to it.
            let start = match text[cell.label.start..p.start].chars().next_back() {
                Some(c @ ('本' | '上')) => p.start - c.len_utf8(),
                _ => p.start,
            };
            original_of(
                self.norm,
                &mut self.cursor,
                std::slice::from_ref(&(start..p.end)),
                0,
            )
        });
        Found {
            indicator,
            change,
            period,
        }
    }

    /// Increase or decrease, from a change verb right before the quantity
    /// (`增长12%`, `比上年增加了442亩`), a multiple of the year before
    /// (`是上年的2.3倍`) or a change rate (`增幅达8%`); and the byte length
    /// of the verb (0 for none, a multiple or a rate).
    fn change(&self, m: &Judged<'_>) -> (Change, usize) {
        let text = self.norm.text.as_str();
        let mut at = m.start;
        for _ in 0..2 {
            match self.tables.change_gaps.longest_ending_at(text, at) {
                Some((len, _)) => at -= len,
                None => break,
            }
        }
        if let Some((len, &c)) = self.tables.change_verbs.longest_ending_at(text, at) {
            if c != Change::None {
                return (c, len + m.start - at);
            }
        }
        // `175万人次(+4.6%)`: a signed rate in brackets after a figure is
        // its change, the sign says which way.
        if m.unit == "%" && text[..m.start].ends_with('(') {
            match text[m.start..].chars().next() {
                Some('+') => return (Change::Increase, 0),
                Some('-' | '−') => return (Change::Decrease, 0),
                _ => {}
            }
        }
        if let Some(rest) = text[m.end..self.clause.end].strip_prefix("的速度") {
            let verb = rest
                .char_indices()
                .find_map(|(i, _)| self.tables.change_verbs.longest_at(rest, i));
            if let Some((_, &c)) = verb {
                return (c, 0);
            }
        }
        let cs = self.clause.start;
        // `是上年的2.3倍`, `为去年的1.2倍`: a multiple of the year before, a growth. A
        // multiple of another time (`是2021年的2.4倍`, `是去年同期的2倍多`)
        // or thing compares levels: no change.
        if m.unit == "倍" {
            let before = &text[cs..m.start];
            if let Some(base) = before.strip_suffix('的') {
                let year_before = base.ends_with("上年") || base.ends_with("去年");
                if year_before && (base.contains('是') || base.contains('为')) {
                    return (Change::Increase, 0);
                }
            }
        }
        if let Some(c) = self.compared_verb(cs, m.start) {
            return (c, 0);
        }
        let left = self.trim_left(cs..m.start);
        let rate = self
            .tables
            .change_rates
            .longest_ending_at(text, left.end)
            .filter(|&(len, _)| len <= left.len())
            // `高于全国整体增速1.6个百分点`: a gap between places.
            .filter(|&(len, _)| {
                !self
                    .tables
                    .change_compares
                    .occurs_in(&text[left.start..left.end - len])
            });
        (rate.map_or(Change::None, |(_, &c)| c), 0)
    }

    /// The change a comparison with an earlier time says of the figure at
    /// `end`, where a verb of change (or 多, 少 before a verb) follows the
    /// time (a word ending in 年, 期, 月, 度 or 初) and its object stands
    /// between it and the figure
    /// (`比上年增加投资2亿元`, `比去年同期多开行临客列车86列`), no other
    /// figure between them; `cs` is where the clause starts.
    fn compared_verb(&self, cs: usize, end: usize) -> Option<Change> {
        let text = self.norm.text.as_str();
        let k = text[cs..end].rfind(['比', '较'])? + cs + '比'.len_utf8();
        // The earlier time: a word ending in 年, 期, 月, 度 or 初 (上年,
        // 去年同期, 2023年, 上月, 上年度, 年初), within a few chars.
        let base = text[k..end]
            .char_indices()
            .take(COMPARED_TIME_CHARS)
            .filter(|&(_, c)| matches!(c, '年' | '期' | '月' | '度' | '初'))
            .last()
            .map(|(i, c)| k + i + c.len_utf8())?;
        let rest = &text[base..end];
        let (len, change) = match self.tables.change_verbs.longest_at(text, base) {
            Some((len, &c)) if c != Change::None => (len, c),
            _ => {
                let mut chars = rest.chars();
                let change = match chars.next()? {
                    '多' => Change::Increase,
                    '少' => Change::Decrease,
                    _ => return None,
                };
                if !chars.next().is_some_and(is_cjk) {
                    return None;
                }
                ('多'.len_utf8(), change)
            }
        };
        let (verb, object) = rest.split_at(len.min(rest.len()));
        // 多开行, not 多个 (several).
        if matches!(verb, "多" | "少") && object.starts_with('个') {
            return None;
        }
        // The object the verb takes, not a clause the verb qualifies
        // (比上年增长的行业有28个, 增加的投资占65%).
        let plain = !object.is_empty()
            && !object.contains(|c: char| c.is_ascii_digit() || matches!(c, '的' | '有' | '占'));
        plain.then_some(change)
    }

    /// Whether `m` follows the previous quantity of its sentence with
    /// nothing but a conjunction or the word of a range between them
    /// (`5.3%、7.2%`, `16.5%和22.1%`, `增长50%至70%`).
    fn joined_to_previous(&self, m: &Judged<'_>, prev_end: usize) -> bool {
        let same_sentence = self.prev_at.is_some_and(|at| self.sentence.contains(&at));
        let text = self.norm.text.as_str();
        // A range's two ends have one unit and lie close (`50%至70%`,
        // `3000元至5000元`); after a change in another unit or far below,
        // 至 gives the level it came to (`减少3%至846元`, `提高50元至780元`).
        let close = self.prev_value > 0.0
            && m.value >= self.prev_value
            && m.value <= self.prev_value * RANGE_SPREAD;
        let range = || close && !m.unit.is_empty() && text[..prev_end].ends_with(m.unit.as_str());
        same_sentence
            && prev_end <= m.start
            && match text[prev_end..m.start].trim() {
                "和" | "、" | "及" | "与" | "以及" | "和约" | "、约" => true,
                "至" | "到" | "~" => range(),
                _ => false,
            }
    }

    /// The period nearest before the quantity in its sentence, else the first after it.
    fn period(&mut self, m: &Judged<'_>) -> Option<String> {
        let before = self.periods.iter().rev().find(|p| p.end <= m.start);
        let p = before.or_else(|| self.periods.iter().find(|p| p.start >= m.end))?;
        match &self.last_period {
            Some((last, text)) if last == p => Some(text.clone()),
            _ => {
                let text = original_of(self.norm, &mut self.cursor, std::slice::from_ref(p), 0);
                // The text kept is copied into the room of the last one.
                let (range, kept) = self.last_period.get_or_insert_with(Default::default);
                range.clone_from(p);
                kept.clone_from(&text);
                Some(text)
            }
        }
    }

    /// The pieces of the clause around `m` that make its indicator, put in
    /// `pieces` (emptied first).
    fn parts(
        &self,
        m: &Judged<'_>,
        prev_end: usize,
        next_start: usize,
        region: Option<&str>,
        verb: usize,
        pieces: &mut Vec<Range<usize>>,
    ) -> Parts {
        let text = self.norm.text.as_str();
        let raw_start = self.clause.start;
        let mut cs = raw_start;
        // Items further back than the indicator may reach cannot change it:
        // stop there, so that a list of thousands stays linear. (Counting
        // the chars up to the quantity tells the reach without walking
        // back to it.)
        let chars_before = |at: usize| char_count(&text[at..m.start]);
        while let Some(before) = text[..cs]
            .strip_suffix('、')
            .filter(|_| chars_before(cs) < LEFT_CHARS)
        {
            let ps = segment::clause_start(self.ix, before.len());
            if !self.is_plain_item(ps..before.len()) {
                break;
            }
            cs = ps;
        }
        let after_list_mark = text[..cs].ends_with('、');
        let continued = after_list_mark || text[..cs].ends_with(',');
        let right = self.right_part(m, next_start);
        let listed = text[..m.start].ends_with('等') || (raw_start > cs && !right.is_empty());
        let cs = cs.max(prev_end.min(m.start));
        let cs = if chars_before(cs) <= LEFT_CHARS {
            cs
        } else {
            chars_back(text, m.start, LEFT_CHARS)
        };
        let borrows = self
            .tables
            .borrow
            .longest_at(&text[..m.start], cs)
            .is_some_and(|(_, &share)| !share || m.kind == QuantityKind::Percent);
        let mut left = self.trim_left(cs..m.start);
        while let Some(p) = self
            .periods
            .iter()
            .find(|p| p.start == left.start && p.end <= left.end)
        {
            left = self.trim(p.end..left.end);
        }
        if let Some(r) = region.filter(|r| !r.is_empty()) {
            if text[left.clone()].starts_with(r) {
                left = self.trim(left.start + r.len()..left.end);
            }
        }
        pieces.clear();
        pieces.extend([left.clone(), right.clone()]);
        // A list of names before the count (`A、B等5所学校`, `A、B3所中小学`):
        // keep only the verb that opens it.
        let mut body = left.start;
        if listed {
            body = left.end;
        } else if left.start < raw_start {
            // Only a left part reaching back over list items holds a `、`
            // (it breaks clauses): no other need be searched for `等`.
            if let Some(i) = enumeration_end(&text[left.clone()]) {
                if text[left.start..left.start + i].contains('、') {
                    body = left.start + i + '等'.len_utf8();
                }
            }
        }
        if body > left.start {
            let keep = self
                .tables
                .list_verbs
                .longest_at(&text[..left.end], left.start)
                .map_or(0, |(len, _)| len);
            cut(pieces, left.start + keep..body);
        }
        // A comparison before a change verb (`比上年增加`) says nothing of what is measured.
        let verb_at = m.start - verb.min(m.start - left.start);
        if verb > 0 {
            if let Some(i) = text[left.start..verb_at].rfind(['比', '较']) {
                let mut from = left.start + i;
                if let Some(c) = text[left.start..from]
                    .chars()
                    .next_back()
                    .filter(|&c| c == '同' || c == '相')
                {
                    from -= c.len_utf8();
                }
                if char_count(&text[from..verb_at]) <= COMPARISON_CHARS {
                    cut(pieces, from..verb_at);
                }
            }
        }
        for p in &self.periods {
            cut(pieces, p.clone());
        }
        let bare = right.is_empty()
            && pieces
                .iter()
                .filter(|p| p.start < verb_at)
                .map(|p| char_count(&text[p.start..p.end.min(verb_at)]))
                .sum::<usize>()
                <= BARE_CHANGE_CHARS;
        Parts {
            bare,
            borrows,
            continued,
            after_list_mark,
        }
    }

    /// The clause part after the quantity, trimmed.
    fn right_part(&self, m: &Judged<'_>, next_start: usize) -> Range<usize> {
        let text = self.norm.text.as_str();
        let mut ce = self.clause.end;
        while text[ce..].starts_with('、') {
            let ns = ce + '、'.len_utf8();
            let ne = segment::clause_end(self.ix, ns);
            if !self.is_plain_item(ns..ne) {
                break;
            }
            ce = ne;
        }
        let mut ce = ce.min(next_start.max(m.end));
        if ce == next_start {
            // The verb of the next figure (`3123项增长15%`) is not ours.
            if let Some((len, _)) = self.tables.change_verbs.longest_ending_at(text, ce) {
                ce = (ce - len).max(m.end);
            }
        }
        let ce = if char_count(&text[m.end..ce]) <= RIGHT_CHARS {
            ce
        } else {
            chars_forward(text, m.end, RIGHT_CHARS)
        };
        let ce = m.noun_end.map_or(ce, |e| ce.min(e));
        self.trim(m.end..ce)
    }

    /// A short list item without figures (`市`, `参编` in `主编、参编著作13部`).
    fn is_plain_item(&self, r: Range<usize>) -> bool {
        let s = &self.norm.text[r];
        char_count(s) <= LIST_ITEM_CHARS && !s.bytes().any(|b| b.is_ascii_digit())
    }

    /// [`Reader::trim`] of `r`, a part before a quantity, remembered for the next call.
    fn trim_left(&self, r: Range<usize>) -> Range<usize> {
        let trimmed = match self.left.take() {
            Some((from, to)) if from == r => to,
            _ => self.trim(r.clone()),
        };
        self.left.set(Some((r, trimmed.clone())));
        trimmed
    }

    /// `r` without the trim words and unbalanced brackets at its ends.
    fn trim(&self, mut r: Range<usize>) -> Range<usize> {
        // A figure that ends its clause, or opens it, has an empty part
        // there: nothing to look up.
        if r.is_empty() {
            return r;
        }
        let text = self.norm.text.as_str();
        // On bytes: every char tested here is ASCII or a break, and `r`
        // lies on char boundaries.
        let bytes = text.as_bytes();
        while r.start < r.end && CLAUSE.starting_at(bytes, r.start) {
            r.start += utf8_len(bytes[r.start]);
        }
        let first = |r: &Range<usize>| (r.start < r.end).then(|| bytes[r.start]);
        let last = |r: &Range<usize>| (r.start < r.end).then(|| bytes[r.end - 1]);
        let holds = |r: &Range<usize>, b: u8| memchr::memchr(b, &bytes[r.clone()]).is_some();
        if first(&r) == Some(b'(') && !holds(&r, b')') {
            r.start += 1;
        }
        if last(&r) == Some(b')') && !holds(&r, b'(') {
            r.end -= 1;
        }
        // The quotes are in the index; most texts, and most parts of the
        // others, hold none.
        let quotes = if !self.ix.quotes.all().is_empty() && holds(&r, b'"') {
            self.ix.quotes.count_before(r.end) - self.ix.quotes.count_before(r.start)
        } else {
            0
        };
        if quotes % 2 == 1 {
            if first(&r) == Some(b'"') {
                r.start += 1;
            } else if last(&r) == Some(b'"') {
                r.end -= 1;
            }
        }
        while let Some((len, _)) = self.tables.trim_start.longest_at(&text[..r.end], r.start) {
            // `本市场监管局`: 本 and 市场, not the marker 本市.
            if len >= r.len() || region::marker_runs_on(text, r.start, r.start + len) {
                break;
            }
            r.start += len;
        }
        while let Some((len, _)) = self.tables.trim_end.longest_ending_at(text, r.end) {
            if len >= r.len() {
                break;
            }
            r.end -= len;
        }
        r
    }

    /// The list verb that `indicator` starts with.
    /// The indicator is in the original script (`立項`): its first chars are
    /// folded (`立项`) to look the verb up, and the verb is returned as written.
    fn lead_verb<'s>(&self, indicator: &'s str) -> Option<&'s str> {
        // Simplified text matches as it stands; only a head that folds is
        // copied, into a buffer on the stack.
        if let Some((len, _)) = self.tables.list_verbs.longest_at(indicator, 0) {
            return Some(&indicator[..len]);
        }
        // The head is at most this many bytes: where they all stay as they
        // are, no char of it folds.
        if is_plain(&indicator[..floor_char(indicator, 4 * LEAD_VERB_CHARS)]) {
            return None;
        }
        let mut buf = [0u8; 4 * LEAD_VERB_CHARS];
        let mut used = 0;
        let mut changed = false;
        for c in indicator.chars().take(LEAD_VERB_CHARS) {
            let f = fold(c);
            changed |= f != c;
            used += f.encode_utf8(&mut buf[used..]).len();
        }
        if !changed {
            return None;
        }
        let head = std::str::from_utf8(&buf[..used]).ok()?;
        let (len, _) = self.tables.list_verbs.longest_at(head, 0)?;
        let chars = head[..len].chars().count();
        let end = indicator
            .char_indices()
            .nth(chars)
            .map_or(indicator.len(), |(i, _)| i);
        Some(&indicator[..end])
    }
}

/// What the pieces of an indicator tell about the clause.
struct Parts {
    /// Nothing but a change verb and an adverb before the quantity (`年均增长12%`).
    bare: bool,
    /// The clause opens with a word that borrows the previous subject (`占`).
    borrows: bool,
    /// The clause follows a comma or a list mark in the same sentence.
    continued: bool,
    /// The clause follows a list mark `、`.
    after_list_mark: bool,
}

/// The byte offset of the last enumeration mark `等` in `s` (not the `等` of
/// `一等奖` or `同等`).
fn enumeration_end(s: &str) -> Option<usize> {
    s.match_indices('等').map(|(i, _)| i).rev().find(|&i| {
        let next = char_at(s, i + '等'.len_utf8());
        let prev = char_before(s, i);
        !matches!(next, Some('奖' | '级' | '次'))
            && !matches!(prev, Some('同' | '平' | '对' | '均'))
    })
}

/// Removes `hole` from `pieces`, in place.
fn cut(pieces: &mut Vec<Range<usize>>, hole: Range<usize>) {
    if hole.is_empty() {
        return;
    }
    let mut i = 0;
    while i < pieces.len() {
        let p = pieces[i].clone();
        if p.end <= hole.start || p.start >= hole.end {
            i += 1;
            continue;
        }
        let before = p.start..hole.start;
        let after = hole.end..p.end;
        match (p.start < hole.start, p.end > hole.end) {
            (true, true) => {
                pieces[i] = before;
                pieces.insert(i + 1, after);
                i += 2;
            }
            (true, false) => {
                pieces[i] = before;
                i += 1;
            }
            (false, true) => {
                pieces[i] = after;
                i += 1;
            }
            (false, false) => {
                pieces.remove(i);
            }
        }
    }
}

/// The head of the previous item's indicator that a short item shares
/// (`全国特等奖4人、一等奖6人` → `全国` + `一等奖`): the previous indicator
/// without as many trailing chars as the item has, where both end alike.
fn shared_head<'p>(prev: &'p str, item: &str) -> &'p str {
    let n = prev.chars().count();
    let k = item.chars().count();
    if n <= k + 1 || prev.chars().next_back() != item.chars().next_back() {
        return "";
    }
    &prev[..chars_forward(prev, 0, n - k)]
}
