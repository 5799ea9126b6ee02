//! The name of a school class: a grade and its number (六年级3班,
//! 高二(1)班, 五年级(3)班), which counts no classes.

/// Words of a grade that a class number follows.
const GRADES: [&str; 7] = ["年级", "高一", "高二", "高三", "初一", "初二", "初三"];

/// Chars of a class number.
const NUMBER: &str = "0123456789一二三四五六七八九十";

/// The start of the class number that ends at `at`, right before a `班`,
/// if a grade stands before it (`六年级|3|班`, `高二|(1)|班`): its digits
/// (one to three) or its bracketed digits.
pub(crate) fn class_number_start(text: &str, at: usize) -> Option<usize> {
    let before = &text[..at];
    let (inner, bracketed) = match before.strip_suffix(')') {
        Some(rest) => (rest, true),
        None => (before, false),
    };
    let digits: usize = inner
        .chars()
        .rev()
        .take_while(|&c| NUMBER.contains(c))
        .map(char::len_utf8)
        .sum();
    let n = inner[inner.len() - digits..].chars().count();
    if !(1..=3).contains(&n) {
        return None;
    }
    let mut rest = &inner[..inner.len() - digits];
    if bracketed {
        rest = rest.strip_suffix('(')?;
    }
    GRADES
        .iter()
        .any(|g| rest.ends_with(g))
        .then_some(rest.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_numbers_after_grades() {
        let at = |t: &str| class_number_start(t, t.len());
        assert_eq!(at("六年级3"), Some("六年级".len()));
        assert_eq!(at("高二(1)"), Some("高二".len()));
        assert_eq!(at("五年级十二"), Some("五年级".len()));
        assert_eq!(at("新增5"), None);
        assert_eq!(at("六年级"), None);
        assert_eq!(at("全年级1234"), None);
    }
}
