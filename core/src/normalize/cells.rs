//! Gaps between the cells of a table row or the fields of a form flattened
//! into text: a full-width space or two spaces or more, on a line where
//! such gaps also stand before a figure (`三河镇　三河小学　40　1880`), or
//! two spaces or more on a line of two fields or more, each a label and a
//! colon (`董事会秘书:刘婉清　　证券事务代表:邓子健`), or any space on a
//! numbered row (`1 古南街道 桥河湾幼儿园 270`). The gap is dropped like
//! any stray space between two words, but noted: a name does not run
//! across it (the town's cell and the school's are two names). Elsewhere
//! two spaces are stray (`北京大学  附属中学`, a letterhead's
//! `江北区　　教育委员会`).

use super::chars::{fold_width, is_hspace};

/// Whether the run of spaces `gap` holds two spaces or more.
fn two_or_more(gap: &str) -> bool {
    gap.chars().nth(1).is_some()
}

/// Whether the run of spaces `gap` is wide enough to set cells apart: a
/// full-width space, or two spaces or more.
fn wide(gap: &str) -> bool {
    gap.contains('\u{3000}') || two_or_more(gap)
}

/// Whether `line` is a table row: two wide gaps or more, one of them before
/// a figure (a digit, full-width or not, or a minus sign and a digit).
pub fn is_row(line: &str) -> bool {
    let mut gaps = 0;
    let mut before_figure = false;
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    let mut rest = line;
    while let Some(k) = rest.find(is_hspace) {
        let run = &rest[k..];
        let len = run.find(|c: char| !is_hspace(c)).unwrap_or(run.len());
        let (gap, after) = run.split_at(len);
        if wide(gap) && !after.is_empty() {
            gaps += 1;
            let mut cs = after.chars().map(fold_width);
            let first = cs.next();
            before_figure |= digit(first) || (first == Some('-') && digit(cs.next()));
        }
        rest = after;
    }
    gaps >= 2 && before_figure
}

/// Whether `line` is a numbered table row: a row number (one to three
/// digits), then cells split by spaces, the last a figure (`1 古南街道
/// 桥河湾幼儿园 270`), three cells at least.
pub fn is_numbered_row(line: &str) -> bool {
    let figure = |c: &str| {
        let c = c.trim_start_matches(['-', '+', '－', '＋']);
        let c = c.trim_end_matches(['%', '％']);
        c.chars()
            .next()
            .is_some_and(|d| fold_width(d).is_ascii_digit())
            && c.chars()
                .all(|d| matches!(fold_width(d), '0'..='9' | ',' | '.'))
    };
    // The cells after the number: how many, and the last.
    opens_with_number(line) && {
        let cells = line.split(is_hspace).filter(|c| !c.is_empty()).skip(1);
        let (count, last) = cells.fold((0, None), |(n, _), c| (n + 1, Some(c)));
        count >= 2 && last.is_some_and(figure)
    }
}

/// How many cells `line` splits into at its spaces.
fn cell_count(line: &str) -> usize {
    line.split(is_hspace).filter(|c| !c.is_empty()).count()
}

/// Whether `line` is a form's line of two fields or more: two colons.
pub fn is_form(line: &str) -> bool {
    line.chars()
        .filter(|&c| c == ':' || c == '：')
        .nth(1)
        .is_some()
}

/// What a line is, for the gaps on it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Line {
    /// Where the line starts.
    start: usize,
    /// Where the line ends (0 before any line was read).
    end: usize,
    /// A numbered table row ([`is_numbered_row`]) under a line of as many
    /// cells.
    numbered: bool,
    /// A table row ([`is_row`]) and a form's line ([`is_form`]), read at
    /// the line's first wide gap.
    kinds: Option<(bool, bool)>,
}

/// Whether `line` opens with a row number: one to three digits, then a
/// space (the cheap test [`is_numbered_row`] makes first).
fn opens_with_number(line: &str) -> bool {
    let digits = line
        .chars()
        .take_while(|&c| fold_width(c).is_ascii_digit())
        .count();
    (1..=3).contains(&digits) && line.chars().nth(digits).is_some_and(is_hspace)
}

/// Whether the run of spaces `orig[at..end]` is a gap between two cells or
/// fields: a wide gap in a table row, two spaces or more in a form's line,
/// any gap in a numbered row. `line` caches what the gap's line is.
pub fn is_cell_gap(orig: &str, at: usize, end: usize, line: &mut Line) -> bool {
    if at >= line.end {
        let start = orig[..at].rfind('\n').map_or(0, |k| k + 1);
        let line_end = orig[end..].find('\n').map_or(orig.len(), |k| end + k);
        let text = &orig[start..line_end];
        // A numbered row's gaps part cells where the line above (its header
        // or the row before) has as many: else a stray space may stand
        // inside a name (`1 康居 西城小学 1080` under three columns).
        let numbered = start > 0 && is_numbered_row(text) && {
            let above = orig[..start - 1].rfind('\n').map_or(0, |k| k + 1);
            cell_count(&orig[above..start - 1]) == cell_count(text)
        };
        *line = Line {
            start,
            end: line_end,
            numbered,
            kinds: None,
        };
    }
    if line.numbered {
        return true;
    }
    let gap = &orig[at..end];
    if !wide(gap) {
        return false;
    }
    let text = &orig[line.start..line.end];
    let (row, form) = *line
        .kinds
        .get_or_insert_with(|| (is_row(text), is_form(text)));
    row || (form && two_or_more(gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_have_gaps_before_figures() {
        assert!(is_row("三河镇\u{3000}三河小学\u{3000}40\u{3000}1880"));
        assert!(is_row("幼儿园  178  30246  -7.1"));
        // Letter-spaced words and names, a web page's meta line.
        assert!(!is_row("通\u{3000}\u{3000}知"));
        assert!(!is_row("王\u{3000}芳\u{3000}\u{3000}李\u{3000}明"));
        assert!(!is_row("来源：区教委\u{3000}发布时间：2024-03-05"));
    }

    #[test]
    fn numbered_rows_end_with_a_figure() {
        assert!(is_numbered_row("1 古南街道 桥河湾幼儿园 270"));
        assert!(is_numbered_row("12　东溪镇　万寿坪幼儿园　１８０"));
        assert!(is_numbered_row("3 江南中学 -2.5%"));
        // A list item, a year, a line without a closing figure.
        assert!(!is_numbered_row("1 加强党建 全年开展活动20次"));
        assert!(!is_numbered_row("2024 年度 工作 总结"));
        assert!(!is_numbered_row("1 270"));
        let orig = "序号 镇街 幼儿园 新增学位\n1 古南街道 桥河湾幼儿园 270\n康居 西城小学 2024";
        let mut line = Line::default();
        let at = orig.find("街道 ").unwrap() + "街道".len();
        assert!(is_cell_gap(orig, at, at + 1, &mut line));
        let at = orig.find("康居 ").unwrap() + "康居".len();
        assert!(!is_cell_gap(orig, at, at + 1, &mut line));
        // More cells than the header has: a stray space inside a name.
        let orig = "序号 学校 人数\n1 康居 西城小学 1080";
        let at = orig.find("康居 ").unwrap() + "康居".len();
        assert!(!is_cell_gap(orig, at, at + 1, &mut Line::default()));
    }

    #[test]
    fn each_line_is_read_once() {
        let orig = "乡镇\u{3000}学校\u{3000}套数\n黄水镇\u{3000}黄水中学\u{3000}48\n三 河";
        let mut line = Line::default();
        let at = orig.find("黄水镇\u{3000}").unwrap() + "黄水镇".len();
        assert!(is_cell_gap(orig, at, at + 3, &mut line));
        let at = orig.find("三 ").unwrap() + "三".len();
        assert!(!is_cell_gap(orig, at, at + 1, &mut line));
        // Two spaces set a form's fields apart; in prose they are stray.
        let form = "董事会秘书:刘婉清\u{3000}\u{3000}证券事务代表:邓子健";
        let at = form.find('\u{3000}').unwrap();
        assert!(is_cell_gap(form, at, at + 6, &mut Line::default()));
        let prose = "北京大学  附属中学录取新生820名";
        let at = prose.find(' ').unwrap();
        assert!(!is_cell_gap(prose, at, at + 2, &mut Line::default()));
    }
}
