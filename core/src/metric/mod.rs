//! Metrics: scan numerals, attach units and approximation, classify, attach
//! context. (Placeholder until the metric pipeline lands.)

use crate::normalize::Normalized;
use crate::region::Resolver;
use crate::{Metric, Options, Result};

/// Compiled word tables for metric extraction.
#[derive(Debug)]
pub struct Tables {}

impl Tables {
    /// Compiles the embedded tables plus the options' extra units.
    pub fn new(_options: &Options) -> Result<Tables> {
        Ok(Tables {})
    }
}

/// Finds the metrics of `norm`; spans are normalised byte offsets.
pub fn extract(_norm: &Normalized, _tables: &Tables, _regions: &Resolver) -> Vec<Metric> {
    Vec::new()
}
