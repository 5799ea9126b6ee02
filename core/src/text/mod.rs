//! Helpers on text that several stages share: chars at byte offsets and
//! punctuation classes, the readers of the embedded word lists, word tables
//! with look-ups at an offset (a word set, a lexicon, a trie over several
//! lists) with the one hasher and char bit set they use, where a name
//! starts, the name of a school class, and fixed words searched in every
//! text.

mod bits;
mod chars;
mod class_name;
mod hash;
mod lexicon;
mod lists;
mod names;
mod needle;
/// Punctuation classes (clause, sentence and scope breaks, title marks,
/// range joiners).
pub(crate) mod punct;
mod spans;
mod starts;
mod trie;
mod wordlist;
mod wordset;

pub(crate) use chars::{
    ceil_char, char_at, char_before, char_count, chars_back, chars_forward, floor_char, is_cjk,
    utf8_len, BmpSet,
};
pub(crate) use class_name::class_number_start;
pub(crate) use hash::FastHash;
pub(crate) use lexicon::{word_list, Lexicon};
pub(crate) use lists::{rows, words};
pub(crate) use names::{
    extend_left, is_name_char, is_transliteration, opens_quoted_name, transliteration_run,
    word_prefix, Toward, SHORT_FORM_NUMERALS,
};
pub(crate) use needle::{Needle, Needles};
pub(crate) use spans::{listed_together, overlaps_any};
pub(crate) use trie::{Found, Trie};
pub(crate) use wordlist::WordList;
pub(crate) use wordset::WordSet;
