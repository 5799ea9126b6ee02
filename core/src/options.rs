//! What an [`Extractor`](crate::Extractor) is built from: plain, serialisable
//! options (so an extractor can be rebuilt elsewhere, e.g. after pickling).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{EntityKind, Error, QuantityKind, Result};

/// Options of an extractor. Build one with [`Extractor::builder`](crate::Extractor::builder)
/// or deserialise it (JSON keys are the field names; unknown keys are refused).
///
/// ```
/// use shushuo::{Options, QuantityKind};
/// let mut o = Options::default();
/// o.extra_units.insert("篇".into(), QuantityKind::Count);
/// assert!(o.metrics && o.entities);
/// assert!(o.validate().is_ok());
/// ```
#[non_exhaustive]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// The day the text was written, `YYYY-MM-DD`; resolves relative dates
    /// such as `今年3月` and `去年底`. `None` leaves them unresolved.
    pub reference_date: Option<String>,
    /// Extract metrics.
    pub metrics: bool,
    /// Extract entities (regions are still read to fill metric regions).
    pub entities: bool,
    /// The region to use where the text names none (`我区` in a text that
    /// never names its district).
    pub default_region: Option<String>,
    /// Extra units or measure words, with the kind of quantity they make.
    pub extra_units: BTreeMap<String, QuantityKind>,
    /// Extra names per entity kind (e.g. a list of school names).
    pub extra_entities: BTreeMap<EntityKind, Vec<String>>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            reference_date: None,
            metrics: true,
            entities: true,
            default_region: None,
            extra_units: BTreeMap::new(),
            extra_entities: BTreeMap::new(),
        }
    }
}

impl Options {
    /// Checks every field; the error says which one is wrong.
    ///
    /// ```
    /// use shushuo::Options;
    /// let mut o = Options::default();
    /// o.reference_date = Some("2023/01/01".into());
    /// assert!(o.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<()> {
        if let Some(d) = &self.reference_date {
            crate::date::Date::parse_iso(d)?;
        }
        if let Some(r) = &self.default_region {
            if r.trim().is_empty() {
                return Err(Error::InvalidOptions("default_region is empty".into()));
            }
        }
        for w in self.extra_units.keys() {
            if w.trim().is_empty() || w.chars().any(|c| c.is_ascii_digit()) {
                return Err(Error::InvalidOptions(format!(
                    "extra unit {w:?} must be a non-empty word without digits"
                )));
            }
        }
        for (kind, names) in &self.extra_entities {
            if let Some(n) = names.iter().find(|n| n.trim().is_empty()) {
                return Err(Error::InvalidOptions(format!(
                    "extra {kind} name {n:?} is empty"
                )));
            }
        }
        Ok(())
    }
}
