//! User dictionaries: jieba-style word lists read at run time and merged
//! into [`Options`](crate::Options).
//!
//! One entry per line, fields separated by spaces or tabs:
//!
//! ```text
//! # comment lines and blank lines are skipped
//! 江北区某某实验学校 SCHOOL        # a name and its entity kind
//! 重庆某某科技有限公司 10 ORG      # an optional jieba frequency is ignored
//! 张三丰 nr                       # jieba / LAC tags: nr PER → PERSON, ns LOC → REGION, nt ORG → ORG
//! 篇 UNIT count                   # a unit or measure word and its quantity kind
//! 江北 STOP                       # a built-in match to suppress
//! ```
//!
//! Entity kinds are `PERSON`, `REGION`, `SCHOOL`, `ORG`, `WORK`, `DATE`;
//! quantity kinds those of [`QuantityKind`]. A `STOP` word removes every
//! built-in entity whose text is exactly that word, so a shorter or
//! overlapping name can take its place. Words are matched after the same
//! folding as texts, so a traditional-script entry also finds the
//! simplified form. Anything else on a line is an error naming the source
//! and the line; nothing is skipped silently.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::{EntityKind, Error, QuantityKind, Result};

/// The entries of one or more user dictionaries, ready to merge into
/// [`Options`](crate::Options) with
/// [`Options::add_user_dict`](crate::Options::add_user_dict).
///
/// ```
/// use shushuo::{EntityKind, QuantityKind, UserDict};
/// let dict = UserDict::parse("江北 STOP\n篇 UNIT count\n某某公司 nt\n", "mine.txt")?;
/// assert!(dict.stop_entities.contains("江北"));
/// assert_eq!(dict.extra_units["篇"], QuantityKind::Count);
/// assert_eq!(dict.extra_entities[&EntityKind::Org], ["某某公司"]);
/// # Ok::<(), shushuo::Error>(())
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserDict {
    /// Names per entity kind, in file order.
    pub extra_entities: BTreeMap<EntityKind, Vec<String>>,
    /// Units or measure words with the kind of quantity they make.
    pub extra_units: BTreeMap<String, QuantityKind>,
    /// Words whose built-in entity matches are suppressed.
    pub stop_entities: BTreeSet<String>,
}

impl UserDict {
    /// Reads a UTF-8 dictionary file (a leading byte-order mark is allowed).
    ///
    /// Fails with [`Error::Io`] when the file cannot be read and with
    /// [`Error::InvalidUserDict`] for bytes that are not UTF-8 or a line
    /// that is not an entry.
    pub fn from_path(path: impl AsRef<Path>) -> Result<UserDict> {
        let path = path.as_ref();
        let source = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::Io {
            path: source.clone(),
            message: e.to_string(),
        })?;
        let text = std::str::from_utf8(&bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Error::InvalidUserDict {
                file: source.clone(),
                line,
                message: format!(
                    "not UTF-8 (invalid byte at offset {}); convert the file to UTF-8",
                    e.valid_up_to()
                ),
            }
        })?;
        UserDict::parse(text, &source)
    }

    /// Parses dictionary text; `source` names it in errors (a path, or
    /// something like `"<string>"`).
    pub fn parse(text: &str, source: &str) -> Result<UserDict> {
        let mut dict = UserDict::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (i, line) in text.lines().enumerate() {
            dict.parse_line(line)
                .map_err(|message| Error::InvalidUserDict {
                    file: source.to_owned(),
                    line: i + 1,
                    message,
                })?;
        }
        Ok(dict)
    }

    /// Adds the entry of one line, or says why the line is not one.
    fn parse_line(&mut self, line: &str) -> std::result::Result<(), String> {
        let line = strip_comment(line);
        let fields: Vec<&str> = line.split_whitespace().collect();
        let Some((&word, rest)) = fields.split_first() else {
            return Ok(());
        };
        if word.chars().any(char::is_control) {
            return Err(format!("word {word:?} has a control character"));
        }
        // jieba's optional frequency comes before the tag.
        let rest = match rest.split_first() {
            Some((f, tail)) if f.bytes().all(|b| b.is_ascii_digit()) => tail,
            _ => rest,
        };
        match rest {
            [] => Err(format!(
                "{word:?} has no type: add one of PERSON REGION SCHOOL ORG WORK DATE UNIT STOP"
            )),
            ["UNIT", kind] => {
                if word.chars().any(|c| c.is_ascii_digit()) {
                    return Err(format!("unit {word:?} must not contain digits"));
                }
                let kind: QuantityKind = kind.parse().map_err(|_| {
                    format!(
                        "unknown quantity kind {kind:?} for unit {word:?}: expected one of {}",
                        names(QuantityKind::ALL)
                    )
                })?;
                self.extra_units.insert(word.to_owned(), kind);
                Ok(())
            }
            ["UNIT"] => Err(format!(
                "unit {word:?} needs a quantity kind: one of {}",
                names(QuantityKind::ALL)
            )),
            ["STOP"] => {
                self.stop_entities.insert(word.to_owned());
                Ok(())
            }
            [tag] => {
                let kind = entity_kind(tag).ok_or_else(|| {
                    format!(
                        "unknown type {tag:?}: expected one of PERSON REGION SCHOOL ORG WORK DATE \
                         (or jieba/LAC nr ns nt PER LOC), UNIT or STOP"
                    )
                })?;
                self.extra_entities
                    .entry(kind)
                    .or_default()
                    .push(word.to_owned());
                Ok(())
            }
            _ => Err(format!(
                "too many fields after {word:?}: expected `word [frequency] TYPE`"
            )),
        }
    }
}

/// `line` without its comment: from a `#` at the start or after a space
/// (so that a word such as `C#语言` keeps its `#`).
fn strip_comment(line: &str) -> &str {
    let mut prev_space = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_space {
            return &line[..i];
        }
        prev_space = c.is_whitespace();
    }
    line
}

/// The entity kind of a type field: shushuo's own names, or the jieba and
/// LAC tags for persons, places and organisations.
fn entity_kind(tag: &str) -> Option<EntityKind> {
    match tag {
        "nr" | "PER" => Some(EntityKind::Person),
        "ns" | "LOC" => Some(EntityKind::Region),
        "nt" => Some(EntityKind::Org),
        _ => tag.parse().ok(),
    }
}

/// `a, b, c` of the names of `all`.
fn names<T: std::fmt::Display>(all: &[T]) -> String {
    all.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_form() {
        let text = "\u{feff}# schools\n\
                    江北区某某实验学校 SCHOOL\n\
                    \n\
                    重庆某某科技有限公司\t10\tORG  # with a frequency\n\
                    张三丰 nr\n李四 PER\n某某镇 ns\n\
                    篇 UNIT count\n江北 STOP\n《某某规划》 WORK\nC#语言 ORG\n";
        let d = UserDict::parse(text, "t").unwrap();
        assert_eq!(
            d.extra_entities[&EntityKind::School],
            ["江北区某某实验学校"]
        );
        assert_eq!(
            d.extra_entities[&EntityKind::Org],
            ["重庆某某科技有限公司", "C#语言"],
            "C#语言 keeps its #"
        );
        assert_eq!(d.extra_entities[&EntityKind::Person], ["张三丰", "李四"]);
        assert_eq!(d.extra_entities[&EntityKind::Region], ["某某镇"]);
        assert_eq!(d.extra_units["篇"], QuantityKind::Count);
        assert!(d.stop_entities.contains("江北"));
        assert_eq!(d.extra_entities[&EntityKind::Work], ["《某某规划》"]);
    }

    #[test]
    fn bad_lines_name_source_and_line() {
        for (text, line, says) in [
            ("好 SCHOOL\n坏\n", 2, "no type"),
            ("坏 FOO\n", 1, "unknown type"),
            ("篇 UNIT\n", 1, "needs a quantity kind"),
            ("\n\n篇 UNIT pages\n", 3, "unknown quantity kind"),
            ("3号 UNIT count\n", 1, "digits"),
            ("甲 乙 丙 丁\n", 1, "too many fields"),
        ] {
            match UserDict::parse(text, "dict.txt") {
                Err(Error::InvalidUserDict {
                    file,
                    line: l,
                    message,
                }) => {
                    assert_eq!((file.as_str(), l), ("dict.txt", line), "{text:?}");
                    assert!(message.contains(says), "{text:?}: {message}");
                }
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn file_errors_are_clear() {
        let dir = std::env::temp_dir().join(format!("shushuo-dict-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let missing = dir.join("missing.txt");
        assert!(matches!(
            UserDict::from_path(&missing),
            Err(Error::Io { .. })
        ));
        let gbk = dir.join("gbk.txt");
        std::fs::write(&gbk, b"ok SCHOOL\n\xbd\xad\xb1\xb1 STOP\n").unwrap();
        match UserDict::from_path(&gbk) {
            Err(e @ Error::InvalidUserDict { line: 2, .. }) => {
                assert!(e.to_string().contains("UTF-8"), "{e}")
            }
            other => panic!("{other:?}"),
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
