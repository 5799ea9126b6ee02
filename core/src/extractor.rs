//! The [`Extractor`]: built once, then called on any number of texts from any
//! number of threads. [`Extractor::extract`] runs the pipeline
//! normalise → entities and regions → metrics → map offsets back.

use std::sync::Arc;

use crate::cancel::{self, Cancel};
use crate::date::Date;
use crate::normalize::{self, Normalized};
use crate::{entity, metric, region};
use crate::{Document, EntityKind, Error, Options, QuantityKind, Result, UserDict};

/// A short text that passes through every stage once.
const WARM_UP: &str = "2023年,全市新增学位8660个,江北中学校长张某说。1月3日 摄";

/// Reads reports and returns their metrics and entities.
///
/// Cheap to clone (the compiled tables are shared), `Send + Sync`.
///
/// ```
/// use shushuo::Extractor;
/// let ex = Extractor::new();
/// let doc = ex.extract("全区新增公办中小学学位8660个。");
/// assert_eq!(doc.metrics[0].value, 8660.0);
/// assert_eq!(doc.metrics[0].unit, "个");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    options: Options,
    reference_date: Option<Date>,
    metric_tables: metric::Tables,
    entity_tables: entity::Tables,
    gazetteer: &'static region::Gazetteer,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with default options.
    pub fn new() -> Extractor {
        Extractor::from_options(Options::default()).expect("default options are valid")
    }

    /// A builder to set options.
    ///
    /// ```
    /// use shushuo::{Extractor, QuantityKind};
    /// let ex = Extractor::builder()
    ///     .reference_date("2023-06-30")
    ///     .extra_unit("篇", QuantityKind::Count)
    ///     .build()?;
    /// assert_eq!(ex.options().reference_date.as_deref(), Some("2023-06-30"));
    /// # Ok::<(), shushuo::Error>(())
    /// ```
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// An extractor from validated options.
    pub fn from_options(options: Options) -> Result<Extractor> {
        options.validate()?;
        let reference_date = options
            .reference_date
            .as_deref()
            .map(Date::parse_iso)
            .transpose()?;
        let metric_tables = metric::Tables::new(&options)?;
        let entity_tables = entity::Tables::new(&options)?;
        let gazetteer = region::Gazetteer::shared()?;
        let ex = Extractor {
            inner: Arc::new(Inner {
                options,
                reference_date,
                metric_tables,
                entity_tables,
                gazetteer,
            }),
        };
        // Searchers built once per process on first use (`text::Needle`)
        // are built now, on the thread that makes the extractor, rather
        // than by whichever threads it is later shared with.
        ex.extract(WARM_UP);
        Ok(ex)
    }

    /// The options this extractor was built from (serialise them to rebuild it).
    pub fn options(&self) -> &Options {
        &self.inner.options
    }

    /// Extracts metrics and entities from `text`.
    pub fn extract(&self, text: &str) -> Document {
        self.run(text)
    }

    /// Like [`extract`](Self::extract), but stops early when `cancel` is
    /// triggered (from another thread), within a few milliseconds even
    /// inside one long text, and then returns [`Error::Cancelled`] (never
    /// part of a document). See [`Cancel`].
    pub fn extract_with(&self, text: &str, cancel: &Cancel) -> Result<Document> {
        if cancel.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let doc = cancel::with(cancel, || self.run(text));
        if cancel.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(doc)
        }
    }

    /// The pipeline. Between stages it stops when the current
    /// [`Cancel`] is triggered; what it returns then is thrown away.
    fn run(&self, text: &str) -> Document {
        let inner = &*self.inner;
        // The metric stage's index is made of the marks the fold notes.
        let (norm, noted) = if inner.options.metrics {
            Normalized::noting(text, &metric::MARKS)
        } else {
            (Normalized::new(text), Vec::new())
        };
        if cancel::requested() {
            return Document::default();
        }
        let tables = &inner.entity_tables;
        let found = if inner.options.entities {
            entity::extract(&norm, tables, inner.reference_date)
        } else {
            entity::regions(&norm, tables)
        };
        if cancel::requested() {
            return Document::default();
        }
        let regions = region::Resolver::new(
            &norm,
            &found.entities,
            found.main_province,
            &found.markers,
            inner.gazetteer,
            inner.options.default_region.as_deref(),
        );
        if cancel::requested() {
            return Document::default();
        }
        let metrics = if inner.options.metrics {
            metric::extract(&norm, noted, &inner.metric_tables, &regions)
        } else {
            Vec::new()
        };
        if cancel::requested() {
            return Document::default();
        }
        let entities = if inner.options.entities {
            let mut shown = found.entities;
            shown.retain(|d| !d.hidden);
            shown
        } else {
            Vec::new()
        };
        let (metrics, entities) = normalize::to_original(&norm, metrics, entities);
        Document {
            region: regions.default_region().map(str::to_owned),
            metrics,
            entities,
        }
    }

    /// Extracts from bytes, refusing anything that is not valid UTF-8.
    ///
    /// ```
    /// use shushuo::{Error, Extractor};
    /// let err = Extractor::new().extract_bytes(b"\xff\xfe").unwrap_err();
    /// assert_eq!(err, Error::InvalidUtf8 { valid_up_to: 0 });
    /// ```
    pub fn extract_bytes(&self, bytes: &[u8]) -> Result<Document> {
        let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
            valid_up_to: e.valid_up_to(),
        })?;
        Ok(self.extract(text))
    }
}

/// Builds an [`Extractor`]; see [`Extractor::builder`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    options: Options,
}

impl ExtractorBuilder {
    /// Starts from existing options.
    pub fn from_options(options: Options) -> ExtractorBuilder {
        ExtractorBuilder { options }
    }

    /// The day the text was written (`YYYY-MM-DD`), to resolve relative dates.
    pub fn reference_date(mut self, date: impl Into<String>) -> Self {
        self.options.reference_date = Some(date.into());
        self
    }

    /// Whether to extract metrics (default on).
    pub fn metrics(mut self, on: bool) -> Self {
        self.options.metrics = on;
        self
    }

    /// Whether to extract entities (default on).
    pub fn entities(mut self, on: bool) -> Self {
        self.options.entities = on;
        self
    }

    /// The region to use where the text names none.
    pub fn default_region(mut self, region: impl Into<String>) -> Self {
        self.options.default_region = Some(region.into());
        self
    }

    /// Adds a unit or measure word.
    pub fn extra_unit(mut self, word: impl Into<String>, kind: QuantityKind) -> Self {
        self.options.extra_units.insert(word.into(), kind);
        self
    }

    /// Merges a [user dictionary](UserDict): its names, units and stop
    /// words.
    ///
    /// ```
    /// use shushuo::{Extractor, UserDict};
    /// let dict = UserDict::parse("江北新苗学堂 SCHOOL\n篇 UNIT count", "<string>")?;
    /// let ex = Extractor::builder().user_dict(dict).build()?;
    /// let doc = ex.extract("江北新苗学堂发表论文12篇。");
    /// assert_eq!(doc.entities[0].text, "江北新苗学堂");
    /// assert_eq!(doc.metrics[0].unit, "篇");
    /// # Ok::<(), shushuo::Error>(())
    /// ```
    pub fn user_dict(mut self, dict: UserDict) -> Self {
        self.options.add_user_dict(dict);
        self
    }

    /// Adds words whose built-in entity matches are suppressed.
    pub fn stop_entities<I, S>(mut self, words: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options
            .stop_entities
            .extend(words.into_iter().map(Into::into));
        self
    }

    /// Adds names of one entity kind (e.g. the schools of a district).
    pub fn extra_entities<I, S>(mut self, kind: EntityKind, names: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options
            .extra_entities
            .entry(kind)
            .or_default()
            .extend(names.into_iter().map(Into::into));
        self
    }

    /// Validates the options and builds the extractor.
    pub fn build(self) -> Result<Extractor> {
        Extractor::from_options(self.options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractor_is_send_sync_and_clone() {
        fn check<T: Send + Sync + Clone>() {}
        check::<Extractor>();
    }

    #[test]
    fn builder_refuses_bad_options() {
        assert!(matches!(
            Extractor::builder()
                .extra_unit(" ", QuantityKind::Count)
                .build(),
            Err(Error::InvalidOptions(_))
        ));
        assert!(matches!(
            Extractor::builder().reference_date("yesterday").build(),
            Err(Error::InvalidDate(_))
        ));
    }

    #[test]
    fn empty_text_gives_empty_document() {
        let doc = Extractor::new().extract("");
        assert!(doc.metrics.is_empty() && doc.entities.is_empty());
    }

    #[test]
    fn section_numbers_and_wrapped_figures() {
        // A section's number opens its heading; a figure wrapped onto its
        // line after a space is read.
        let doc = Extractor::new().extract("2.4　升学与创业\n全年共接待游客\n1.2 万人次参观展览。");
        let values: Vec<f64> = doc.metrics.iter().map(|m| m.value).collect();
        assert_eq!(values, [12000.0]);
    }

    #[test]
    fn a_port_is_its_place_s_but_no_region_of_its_own() {
        let doc = Extractor::new().extract("山东省港口运行情况。日照港完成货物吞吐量5.2亿吨。");
        assert_eq!(doc.metrics[0].region.as_deref(), Some("日照市"));
        assert!(
            doc.entities.iter().all(|e| e.text != "日照"),
            "{:?}",
            doc.entities
        );
        // A city whose short form ends in 州 names its port too.
        let doc = Extractor::new().extract("泉州港全年货物吞吐量1.32亿吨。");
        assert_eq!(doc.metrics[0].region.as_deref(), Some("泉州市"));
        assert!(doc.entities.is_empty(), "{:?}", doc.entities);
    }

    #[test]
    fn a_place_opening_a_quoted_name_is_no_region_of_its_own() {
        // A platform, a campaign or an account named after the district:
        // the figures stay the district's.
        let text = "大足区教育工作。学院搭建了“大足云研修”平台,开展“大足名师讲堂”20期。";
        let doc = Extractor::new().extract(text);
        let regions: Vec<&str> = doc
            .entities
            .iter()
            .filter(|e| e.kind == crate::EntityKind::Region)
            .map(|e| e.text.as_str())
            .collect();
        assert_eq!(regions, ["大足区"]);
        assert_eq!(doc.metrics[0].region.as_deref(), Some("大足区"));
        // A quoted place alone is a place.
        let doc = Extractor::new().extract("大足区文旅工作。走进“大足”,全年接待游客20万人次。");
        assert!(
            doc.entities.iter().any(|e| e.text == "大足"),
            "{:?}",
            doc.entities
        );
    }
}
