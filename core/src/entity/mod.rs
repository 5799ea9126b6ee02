//! Entities: regions, schools, organisations, persons, works and dates.
//! (Placeholder until the entity pipeline lands.)

use crate::date::Date;
use crate::normalize::Normalized;
use crate::{Entity, Options, Result};

/// Compiled gazetteer and word tables for entity extraction.
#[derive(Debug)]
pub struct Tables {}

impl Tables {
    /// Compiles the embedded gazetteer plus the options' extra names.
    pub fn new(_options: &Options) -> Result<Tables> {
        Ok(Tables {})
    }
}

/// Finds the entities of `norm`; spans are normalised byte offsets.
pub fn extract(_norm: &Normalized, _tables: &Tables, _reference: Option<Date>) -> Vec<Entity> {
    Vec::new()
}
