//! # shushuo (数说): the numbers speak
//!
//! shushuo reads Chinese reports — government work reports, education and
//! statistics bulletins, news features — and pulls out every stated quantity
//! as a typed [`Metric`] (value, unit, approximation, change, period,
//! indicator, region) and every named thing as an [`Entity`] (regions,
//! schools, organisations, persons, 《》 titles, dates), each with exact byte
//! and char offsets into the text you passed in.
//!
//! ```
//! use shushuo::{Approx, Extractor};
//!
//! let ex = Extractor::new();
//! let doc = ex.extract("2022年，江北区新增公办中小学学位8660个，普惠率达94%。");
//! let m = &doc.metrics[0];
//! assert_eq!((m.text.as_str(), m.value, m.unit.as_str()), ("8660个", 8660.0, "个"));
//! assert_eq!(m.approx, Approx::Exact);
//! assert_eq!(m.region.as_deref(), Some("江北区"));
//! assert_eq!(doc.metrics[1].unit, "%");
//! ```
//!
//! ## Pipeline
//! Data flows one way, one module folder per stage:
//! 1. `normalize/`: width, quote and traditional → simplified folding;
//!    stray spaces, pinyin glosses and stray code points dropped; with an
//!    offset map back to the original;
//! 2. `region/` and `entity/` over the normalised text: the gazetteer finds
//!    region names and the markers a text speaks as (`我市`, `全国`), the
//!    entity finders keep one mention per stretch of text, and the region
//!    resolver reads both to tell which region each part is about;
//! 3. `metric/`: numerals scanned, units and approximation attached, dates,
//!    ordinals and name parts set aside, context (indicator, change, period,
//!    region) attached;
//! 4. `normalize/offsets.rs`: what the stages found (drafts with normalised
//!    offsets) becomes the public [`Metric`] and [`Entity`] records, with
//!    byte and char offsets into the original text.
//!
//! Helpers the stages share (chars at byte offsets, punctuation classes,
//! word lists and tables, the trie) are in `text/`. Word lists (units,
//! approximation words, change verbs, the gazetteer…) are data files under
//! `core/data/`, compiled into the library.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod batch;
mod cancel;
mod date;
mod document;
mod entity;
mod error;
mod extractor;
mod metric;
mod normalize;
mod options;
mod prediction;
mod region;
mod text;
mod user_dict;

pub use batch::{default_threads, Stream};
pub use cancel::Cancel;
pub use document::{Approx, Change, Document, Entity, EntityKind, Metric, QuantityKind, Span};
pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder};
pub use options::Options;
pub use user_dict::UserDict;

/// The Rust examples of the top-level README, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
