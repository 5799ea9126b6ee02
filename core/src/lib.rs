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
//! Data flows one way:
//! 1. normalise: width, quote and traditional → simplified folding; stray
//!    spaces, pinyin glosses and stray code points dropped; with an offset
//!    map back to the original;
//! 2. entities and region resolution over the normalised text;
//! 3. metrics: numerals scanned, units and approximation attached, dates,
//!    ordinals and name parts set aside, context (indicator, change, period,
//!    region) attached;
//! 4. offsets mapped back to the original text (bytes and chars).
//!
//! Word lists (units, approximation words, change verbs, the gazetteer…) are
//! data files under `core/data/`, compiled into the library.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod batch;
mod date;
mod document;
mod entity;
mod error;
mod extractor;
mod metric;
mod normalize;
mod options;
mod region;
mod text;

pub use batch::Stream;
pub use document::{Approx, Change, Document, Entity, EntityKind, Metric, QuantityKind, Span};
pub use error::{Error, Result};
pub use extractor::{Extractor, ExtractorBuilder};
pub use options::Options;

/// The Rust examples of the top-level README, compiled and run as doc tests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
