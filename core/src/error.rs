//! The one error type of the crate.

use thiserror::Error;

/// Everything that can go wrong when building an [`Extractor`](crate::Extractor)
/// or handing it input it cannot read.
///
/// Extraction itself never fails on valid UTF-8 text: every `&str` yields a
/// [`Document`](crate::Document), possibly empty.
///
/// ```
/// use shushuo::{Error, Extractor};
/// let err = Extractor::builder().reference_date("2023-13-01").build().unwrap_err();
/// assert!(matches!(err, Error::InvalidDate(_)));
/// assert!(err.to_string().contains("2023-13-01"));
/// ```
#[derive(Debug, Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A reference date that is not a valid `YYYY-MM-DD` calendar date.
    #[error("invalid reference date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
    /// Options that cannot be used (unknown unit kind, empty word, bad JSON…).
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    /// A user dictionary line that is not an entry (or a file that is not
    /// UTF-8); see [`UserDict`](crate::UserDict).
    #[error("{file}:{line}: {message}")]
    InvalidUserDict {
        /// The file (or `<string>`) the dictionary came from.
        file: String,
        /// The line, counted from 1.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// A file that could not be read.
    #[error("cannot read {path}: {message}")]
    Io {
        /// The path as given.
        path: String,
        /// The operating system's reason.
        message: String,
    },
    /// Extraction stopped early because its [`Cancel`](crate::Cancel) was
    /// triggered; nothing of the text is returned.
    #[error("extraction cancelled")]
    Cancelled,
    /// Input bytes that are not valid UTF-8; nothing is repaired.
    #[error("input is not valid UTF-8: invalid byte sequence at byte {valid_up_to}")]
    InvalidUtf8 {
        /// Length of the longest valid UTF-8 prefix of the input.
        valid_up_to: usize,
    },
}

/// `Result` with this crate's [`Error`](enum@Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;
