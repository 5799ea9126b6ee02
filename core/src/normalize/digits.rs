//! Spaces between digits: dropped where they split one number, kept where
//! they may stand between two.
//!
//! - A thin or no-break space between digit groups is a thousands separator
//!   (`8 660个` with U+00A0 is 8660) where the groups have the strict form:
//!   one to three digits, then groups of exactly three. So is a plain space
//!   (Hong Kong's usage, `約30 400個`) where the number follows a word and
//!   at most two more groups (and decimals: `4 215.7亿元`) and a word or
//!   punctuation follow it; a row of figures
//!   (`2024 2023`, `12 105 110 118`) keeps its spaces.
//! - A letter-spaced number, single digits and a decimal point each set
//!   apart by one space as a scanner leaves them (`投入 3 1 . 9 6 亿 元`), is
//!   joined whole (`31.96`), where it has a decimal point or letter-spaced
//!   words follow it (`3 1 亿 元`). Anything else (`2127 74亿元`, a table row
//!   `5 3 2`) keeps its space.

use super::chars::{fold_width, is_group_space, is_hspace};
use crate::text::{char_at, char_before, is_cjk};

/// Whether `c` (width-folded) is a digit or a decimal point.
fn digit_like(c: char) -> bool {
    c.is_ascii_digit() || c == '.'
}

/// The first char of `s`, width-folded.
fn first(s: &str) -> Option<char> {
    s.chars().next().map(fold_width)
}

/// Whether the one-char run of spaces `orig[at..after]` is a thousands
/// separator, given the folded `text` so far (which ends with a digit) and
/// the folded offset of the last such separator dropped, if any.
pub fn thousands_gap(
    text: &str,
    last_group: Option<usize>,
    orig: &str,
    at: usize,
    after: usize,
) -> bool {
    let run = &orig[at..after];
    let mut run_chars = run.chars();
    let plain = match (run_chars.next(), run_chars.next()) {
        (Some(' '), None) => true,
        (Some(c), None) if is_group_space(c) => false,
        _ => return false,
    };
    // Digits are counted back no further than a group can be long: the
    // whole run at each gap would be quadratic on a long number.
    let digits = text
        .bytes()
        .rev()
        .take(4)
        .take_while(u8::is_ascii_digit)
        .count();
    let lead = text.len() - digits;
    // A cell of a table whose cells are set apart by two spaces or more
    // (`港岛  3 412  4 187`) or by bars (`2019/20｜458｜303 512｜391`): a
    // plain space inside it groups thousands.
    let orig_lead = orig[..at]
        .char_indices()
        .rev()
        .nth(digits.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let before = &orig[..orig_lead];
    let in_cell = before.ends_with(['\u{3000}', '|', '｜']) || before.ends_with("  ");
    let before_ok = if last_group == text.len().checked_sub(3) && digits >= 3 {
        // Digits since the last separator: one whole group.
        true
    } else {
        (1..=3).contains(&digits)
            && !text[..lead].ends_with(['.', ','])
            // A plain space: the number starts after a word or in a cell,
            // not after one space in a row (`12 105 110 118`).
            && (!plain || in_cell || char_before(text, lead).map_or(true, is_cjk))
    };
    if !before_ok {
        return false;
    }
    // The cell ends at a full-width space or two spaces or more (the next
    // cell), or, in a cell, at its line's end.
    let cell_end = |r: &str| {
        r.starts_with(['\u{3000}', '|', '｜'])
            || r.chars().take(2).filter(|&c| is_hspace(c)).count() == 2
            || (in_cell && (r.is_empty() || r.starts_with(['\n', '\r'])))
    };
    // A plain space splits thousands (`約30 400個`, Hong Kong's usage) only
    // where at most two more groups and then a word or a clause's
    // punctuation follow, not in a row of figures (`12 105 110 118` of a
    // table, ending its line, is read cell by cell).
    let mut pos = after;
    let mut groups = 0;
    loop {
        let group: Vec<char> = orig[pos..].chars().take(3).collect();
        if group.len() != 3 || !group.iter().all(|&c| fold_width(c).is_ascii_digit()) {
            return false;
        }
        pos += group.iter().map(|c| c.len_utf8()).sum::<usize>();
        groups += 1;
        if plain && cell_end(&orig[pos..]) {
            return true;
        }
        // Decimals may end the number (`4 215.7亿元`).
        if plain && first(&orig[pos..]) == Some('.') {
            let dot = orig[pos..].chars().next().map_or(1, char::len_utf8);
            let decimals = orig[pos + dot..]
                .chars()
                .take_while(|&c| fold_width(c).is_ascii_digit())
                .map(char::len_utf8)
                .sum::<usize>();
            if decimals == 0 {
                return false;
            }
            pos += dot + decimals;
            return cell_end(&orig[pos..]) || first(&orig[pos..]).is_some_and(ends_spaced_number);
        }
        return match first(&orig[pos..]) {
            Some(c) if c.is_ascii_digit() => false,
            // `展位 4 000 个`: a space before the unit word ends the number.
            Some(' ') if plain && orig[pos + 1..].starts_with(|c: char| is_cjk(c)) => true,
            Some(' ') if plain && groups < MAX_PLAIN_GROUPS => {
                pos += orig[pos..].chars().next().map_or(1, char::len_utf8);
                continue;
            }
            Some(c) if plain => ends_spaced_number(c),
            None => !plain,
            _ => true,
        };
    }
}

/// Punctuation that may end a number whose thousands a plain space groups
/// (`求診人次2 086 500，`), width-folded or not.
const CLAUSE_PUNCT: &str = ",;，；。、)）」”";

/// Whether `c` may follow a number whose thousands a plain space groups: a
/// word (its unit) or [`CLAUSE_PUNCT`].
fn ends_spaced_number(c: char) -> bool {
    is_cjk(c) || CLAUSE_PUNCT.contains(c)
}

/// The most groups of three digits after the first that a plain space may
/// join (`1 186 420个`).
const MAX_PLAIN_GROUPS: usize = 2;

/// If the char that ends `orig[..at]` (a digit) starts a letter-spaced
/// number that should be joined, and `orig[at..]` starts with the space
/// after it: the original offset one past the number's last digit.
pub fn spaced_number_end(orig: &str, at: usize) -> Option<usize> {
    let p = char_before(orig, at)?;
    if !fold_width(p).is_ascii_digit() {
        return None;
    }
    let p_start = at - p.len_utf8();
    // Nothing number-like just before: after a space, no digit; right
    // before, no letter or digit.
    let mut left = orig[..p_start].chars().rev().map(fold_width);
    let number_before = match left.next() {
        Some(c) if is_hspace(c) => left.find(|&c| !is_hspace(c)).is_some_and(digit_like),
        Some(c) => c.is_ascii_alphanumeric() || matches!(c, '.' | ','),
        None => false,
    };
    if number_before {
        return None;
    }
    let (mut digits, mut dots, mut end) = (0, 0, p_start);
    let mut pos = p_start;
    loop {
        let t = char_at(orig, pos)?;
        let after = pos + t.len_utf8();
        let next = char_at(orig, after);
        // Each token is one char: a digit run (`12`) is no letter spacing.
        if next.is_some_and(|x| {
            !is_hspace(x) && {
                let x = fold_width(x);
                x.is_ascii_alphanumeric() || matches!(x, '.' | ',')
            }
        }) {
            return None;
        }
        if fold_width(t) == '.' {
            dots += 1;
        } else {
            digits += 1;
            end = after;
        }
        match next {
            Some(x) if is_hspace(x) => {
                let gap_end = after + x.len_utf8();
                if first(&orig[gap_end..]).is_some_and(digit_like) {
                    pos = gap_end;
                    continue;
                }
            }
            _ => {}
        }
        break;
    }
    let spaced_words_after = || {
        let mut rest = orig[end..].chars().map(fold_width).peekable();
        rest.next_if(|&c| is_hspace(c));
        let a = rest.next();
        let gap = rest.next();
        let b = rest.next();
        a.is_some_and(is_cjk) && gap.is_some_and(is_hspace) && b.is_some_and(is_cjk)
    };
    let ends_on_digit = end == pos + char_at(orig, pos).map_or(0, char::len_utf8);
    (digits >= 2 && dots <= 1 && ends_on_digit && (dots == 1 || spaced_words_after()))
        .then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn thousands(orig: &str) -> bool {
        let at = orig.find('\u{a0}').unwrap();
        thousands_gap(&orig[..at], None, orig, at, at + 2)
    }

    #[test]
    fn thousands_groups_are_strict() {
        assert!(thousands("8\u{a0}660个"));
        assert!(thousands("共128\u{a0}660个"));
        assert!(!thousands("2127\u{a0}74亿元"));
        assert!(!thousands("8\u{a0}6600个"));
        assert!(!thousands("8\u{a0}66个"));
        assert!(!thousands("0.5\u{a0}660"));
    }

    fn plain(orig: &str) -> bool {
        let at = orig.find(' ').unwrap();
        thousands_gap(&orig[..at], None, orig, at, at + 1)
    }

    #[test]
    fn a_plain_space_splits_thousands_only_before_a_word() {
        assert!(plain("約30 400個"));
        assert!(plain("可建440 000 000個"));
        assert!(!plain("約30 400 5"));
        assert!(!plain("約30 400"));
        assert!(plain("求診人次2 086 500，上升"));
        assert!(plain("设国际标准展位4 000 个"));
        assert!(!plain("指标2 000 2 100\n"));
        // Decimals may end it, then a word, not another figure.
        assert!(plain("对东盟进出口4 215.7亿元"));
        assert!(plain("增加1 682.25，"));
        assert!(!plain("收入1 234.5 1 100.2\n"));
        assert!(!plain("约1 234."));
        assert!(plain("港島\u{3000}\u{3000}3 412.5\u{3000}\u{3000}4 187\n"));
        assert!(!plain("2024 2023"));
        assert!(!plain("1,486 273人"));
        assert!(!plain("卫生院15 120 138 142个"));
        assert!(!plain("幼儿园12 105 110 118\n"));
        // Cells set apart by full-width spaces: a plain space in a cell.
        assert!(plain("港島\u{3000}\u{3000}3 412\u{3000}\u{3000}4 187\n"));
        let at = "港島\u{3000}\u{3000}3 412\u{3000}\u{3000}4".len();
        let orig = "港島\u{3000}\u{3000}3 412\u{3000}\u{3000}4 187\n";
        assert!(thousands_gap("港岛3412  4", None, orig, at, at + 1));
        // Cells set apart by bars.
        assert!(plain("2019/20｜458｜303 512｜391\n"));
        assert!(plain("2019/20|458|303 512\n"));
    }

    fn spaced(orig: &str) -> Option<&str> {
        let first_gap = orig
            .char_indices()
            .find(|&(i, c)| c == ' ' && orig[..i].ends_with(|d: char| d.is_ascii_digit()))?
            .0;
        spaced_number_end(orig, first_gap).map(|e| &orig[first_gap - 1..e])
    }

    #[test]
    fn letter_spaced_numbers_join_only_with_evidence() {
        assert_eq!(spaced("投入 3 1 . 9 6 亿 元"), Some("3 1 . 9 6"));
        assert_eq!(spaced("投入 3 1 . 9 6亿元"), Some("3 1 . 9 6"));
        assert_eq!(spaced("投入 3 1 亿 元"), Some("3 1"));
        assert_eq!(spaced("小学 5 3 2 所\n"), None);
        assert_eq!(spaced("2127 74亿元"), None);
        assert_eq!(spaced("2023-11-10 15:03:32"), None);
        assert_eq!(spaced("共 3 1 . 9 66亿"), None);
        assert_eq!(spaced("共 3 . 1 . 9亿"), None);
        assert_eq!(spaced("共 3 1 ."), None);
    }
}
