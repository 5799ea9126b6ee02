//! Regions: which region each part of a text is about.
//!
//! The [`Gazetteer`] knows China's divisions and what a region name stands
//! for; [`mentions()`] finds region names in a text (the REGION entities);
//! [`markers()`] finds the words a text speaks as (`我市`, `全区`, `全国`);
//! the [`Resolver`] reads the mentions the entity stage kept and the
//! markers, and answers which region a figure at an offset belongs to.

mod ends;
mod gazetteer;
mod markers;
mod mentions;
mod resolver;
mod respective;
mod town_lists;

pub(crate) use gazetteer::{abbreviation_code, abbreviations, Gazetteer};
pub(crate) use markers::{
    marker_runs_on, marker_words, markers, speaks_as_province, speaks_within_city, Marker,
};
pub(crate) use mentions::{abbreviation_runs, mentions};
pub(crate) use resolver::{whole_of, Resolver, HONG_KONG, MACAU, TAIWAN};
