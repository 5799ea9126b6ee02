//! What an [`Extractor`](crate::Extractor) is built from: plain, serialisable
//! options (so an extractor can be rebuilt elsewhere, e.g. after pickling).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::{EntityKind, Error, QuantityKind, Result, UserDict};

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
    /// Words whose built-in entity matches are suppressed (an entity whose
    /// text is exactly the word is dropped, so that another reading of the
    /// same characters can stand). Left out of the JSON when empty.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub stop_entities: BTreeSet<String>,
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
            stop_entities: BTreeSet::new(),
        }
    }
}

impl Options {
    /// Options from a JSON object whose keys are the fields (missing keys
    /// take their defaults; unknown and duplicate keys are refused by name).
    /// One more key is read here: `"user_dict"`, a path or a list of paths
    /// of [user dictionaries](crate::UserDict), whose entries are merged in
    /// (so the options keep the entries, not the paths).
    ///
    /// Anything but an object is refused: serde would also read an array
    /// as the fields in order, a form that would change meaning whenever a
    /// field is added.
    ///
    /// ```
    /// use shushuo::Options;
    /// let o = Options::from_json(r#"{"reference_date":"2023-06-30","entities":false}"#)?;
    /// assert!(!o.entities);
    /// assert!(Options::from_json("[]").is_err());
    /// assert!(Options::from_json(r#"{"user_dict":"/no/such/file"}"#).is_err());
    /// # Ok::<(), shushuo::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Options> {
        use serde_json::Value;
        let invalid = Error::InvalidOptions;
        let mut map = match serde_json::from_str::<Value>(json) {
            Ok(Value::Object(map)) => map,
            Ok(other) => {
                let what = match other {
                    Value::Null => "null",
                    Value::Bool(_) => "a boolean",
                    Value::Number(_) => "a number",
                    Value::String(_) => "a string",
                    _ => "an array",
                };
                return Err(invalid(format!(
                    "expected a JSON object such as {{\"reference_date\":\"2023-06-30\"}}, got {what}"
                )));
            }
            Err(e) => return Err(invalid(format!("not valid JSON: {e}"))),
        };
        let not_paths = || invalid("user_dict must be a path or a list of paths".into());
        let paths = match map.remove("user_dict") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(p)) => vec![p],
            Some(Value::Array(items)) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(p) => Ok(p),
                    _ => Err(not_paths()),
                })
                .collect::<Result<_>>()?,
            Some(_) => return Err(not_paths()),
        };
        // Read from the text where possible, so that serde refuses duplicate
        // keys; beside a `user_dict` key the rest is read from the map.
        let mut options: Options = if paths.is_empty() {
            serde_json::from_str(json).map_err(|e| invalid(e.to_string()))?
        } else {
            serde_json::from_value(Value::Object(map)).map_err(|e| invalid(e.to_string()))?
        };
        for p in paths {
            options.add_user_dict(UserDict::from_path(p)?);
        }
        Ok(options)
    }

    /// Merges a [user dictionary](crate::UserDict) into these options.
    ///
    /// ```
    /// use shushuo::{Options, UserDict};
    /// let mut o = Options::default();
    /// o.add_user_dict(UserDict::parse("篇 UNIT count\n江北 STOP", "<string>")?);
    /// assert!(o.extra_units.contains_key("篇") && o.stop_entities.contains("江北"));
    /// # Ok::<(), shushuo::Error>(())
    /// ```
    pub fn add_user_dict(&mut self, dict: UserDict) {
        for (kind, names) in dict.extra_entities {
            self.extra_entities.entry(kind).or_default().extend(names);
        }
        self.extra_units.extend(dict.extra_units);
        self.stop_entities.extend(dict.stop_entities);
    }

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
        if let Some(w) = self.stop_entities.iter().find(|w| w.trim().is_empty()) {
            return Err(Error::InvalidOptions(format!("stop entity {w:?} is empty")));
        }
        Ok(())
    }
}
