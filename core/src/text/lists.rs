//! The readers of the word lists and tables compiled into the library
//! (`core/data/`): one entry a line, `#` comment lines and blank lines
//! skipped.

/// The words of an embedded list: one per line, surrounding spaces
/// trimmed.
pub(crate) fn words(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The rows of an embedded table: trailing spaces trimmed, fields split on
/// tabs (a row may start with an empty field, so leading spaces stay).
pub(crate) fn rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let w: Vec<_> = words("# c\n\n 在 \n建成\n").collect();
        assert_eq!(w, ["在", "建成"]);
        let r: Vec<_> = rows("# c\n\na\tb\n").collect();
        assert_eq!(r, vec![vec!["a", "b"]]);
    }
}
