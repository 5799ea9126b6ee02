//! Gaps between the cells of a table row or the fields of a form flattened
//! into text: a full-width space or two spaces or more, on a line where
//! such gaps also stand before a figure (`三河镇　三河小学　40　1880`), or
//! two spaces or more on a line of two fields or more, each a label and a
//! colon (`董事会秘书:刘婉清　　证券事务代表:邓子健`). The gap is dropped like
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
    /// Where the line ends (0 before any line was read).
    end: usize,
    /// A table row ([`is_row`]).
    row: bool,
    /// A form's line ([`is_form`]).
    form: bool,
}

/// Whether the run of spaces `orig[at..end]` is a gap between two cells or
/// fields: a wide gap in a table row, or two spaces or more in a form's
/// line. `line` caches what the gap's line is.
pub fn is_cell_gap(orig: &str, at: usize, end: usize, line: &mut Line) -> bool {
    let gap = &orig[at..end];
    if !wide(gap) {
        return false;
    }
    if at >= line.end {
        let start = orig[..at].rfind('\n').map_or(0, |k| k + 1);
        let line_end = orig[end..].find('\n').map_or(orig.len(), |k| end + k);
        let text = &orig[start..line_end];
        *line = Line {
            end: line_end,
            row: is_row(text),
            form: is_form(text),
        };
    }
    line.row || (line.form && two_or_more(gap))
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
