//! Which district or city each part of a text is about.
//! (Placeholder until region resolution lands.)

use crate::entity;
use crate::normalize::Normalized;
use crate::Entity;

/// Answers "which region does the figure at this offset belong to?".
#[derive(Debug, Clone, Default)]
pub struct Resolver {
    default: Option<String>,
}

impl Resolver {
    /// Reads the regions of `norm` (from its REGION entities and the gazetteer).
    pub fn new(
        _norm: &Normalized,
        _entities: &[Entity],
        _tables: &entity::Tables,
        fallback: Option<&str>,
    ) -> Resolver {
        Resolver {
            default: fallback.map(str::to_owned),
        }
    }

    /// The region the text as a whole is about.
    pub fn default_region(&self) -> Option<&str> {
        self.default.as_deref()
    }

    /// The region the figure at normalised offset `at` belongs to.
    pub fn region_at(&self, _at: usize) -> Option<&str> {
        self.default.as_deref()
    }
}
