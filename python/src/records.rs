//! The immutable Python records: `Document`, `Metric` and `Entity`.
//!
//! Offsets seen from Python are **char** offsets (Python `str` indices), so
//! `doc.text[m.start:m.end] == m.text`.

use std::hash::{Hash, Hasher};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{html, ShushuoError};

/// Python's `repr()` of a string (quotes and escapes as Python writes them).
fn py_repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// Python's `repr()` of an optional string (`None` when absent).
fn py_repr_opt(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    s.map_or_else(|| Ok("None".to_owned()), |s| py_repr(py, s))
}

/// A record serialised for pickling, as a Python `str`. Exact: serde_json
/// writes the shortest form of each float that reads back to the same bits,
/// and its `float_roundtrip` feature (enabled in Cargo.toml) reads it back
/// to exactly those bits.
fn json_str<'py, T: Serialize>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value).map_err(|e| ShushuoError::new_err(e.to_string()))?;
    Ok(PyString::new(py, &json).into_any())
}

/// Deserialises a pickled record.
fn from_json<T: DeserializeOwned>(json: &str) -> PyResult<T> {
    serde_json::from_str(json)
        .map_err(|e| ShushuoError::new_err(format!("cannot unpickle shushuo record: {e}")))
}

/// `(cls._from_json, args)`, the `__reduce__` value of a record.
fn reduce_with<'py, T: pyo3::PyTypeInfo>(
    py: Python<'py>,
    args: Vec<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyTuple>> {
    let rebuild = py.get_type::<T>().getattr("_from_json")?;
    PyTuple::new(py, [rebuild, PyTuple::new(py, args)?.into_any()])
}

/// One stated quantity: where it stands, its value and unit, and what it says.
#[pyclass(frozen, eq, hash, module = "shushuo", name = "Metric")]
pub struct PyMetric {
    inner: shushuo::Metric,
}

impl PartialEq for PyMetric {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl Hash for PyMetric {
    fn hash<H: Hasher>(&self, state: &mut H) {
        let m = &self.inner;
        m.span.hash(state);
        m.text.hash(state);
        m.unit.hash(state);
        m.indicator.hash(state);
        // Equal floats must hash alike: 0.0 == -0.0.
        let value = if m.value == 0.0 { 0.0 } else { m.value };
        value.to_bits().hash(state);
    }
}

#[pymethods]
impl PyMetric {
    /// Char offset of the first char of the quantity.
    #[getter(start)]
    fn char_start(&self) -> usize {
        self.inner.span.char_start
    }

    /// Char offset one past the last char of the quantity.
    #[getter(end)]
    fn char_end(&self) -> usize {
        self.inner.span.char_end
    }

    /// The quantity exactly as written.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The number with multipliers applied (`3.8万` → 38000.0).
    #[getter]
    fn value(&self) -> f64 {
        self.inner.value
    }

    /// The unit without multiplier: `元`, `平方米`, `所`, `%`, `倍`.
    #[getter]
    fn unit(&self) -> &str {
        &self.inner.unit
    }

    /// `exact`, `about`, `over` or `under`.
    #[getter]
    fn approx(&self) -> &'static str {
        self.inner.approx.as_str()
    }

    /// What is measured, in the text's own words.
    #[getter]
    fn indicator(&self) -> &str {
        &self.inner.indicator
    }

    /// `none`, `increase` or `decrease`.
    #[getter]
    fn change(&self) -> &'static str {
        self.inner.change.as_str()
    }

    /// The time frame stated in the sentence, if any.
    #[getter]
    fn period(&self) -> Option<&str> {
        self.inner.period.as_deref()
    }

    /// The region the figure belongs to, if known.
    #[getter]
    fn region(&self) -> Option<&str> {
        self.inner.region.as_deref()
    }

    /// The sort of quantity: `count`, `money`, `area`, `measure`,
    /// `duration`, `percent`, `ratio` or `rank`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// Whether the quantity is borderline (vague count, duration, range end).
    #[getter]
    fn borderline(&self) -> bool {
        self.inner.borderline
    }

    /// The earlier value of a from–to pair, in the same unit
    /// (`由41所增加到67所`: 41.0 on the metric of `67所`); `None` elsewhere.
    #[getter]
    fn previous(&self) -> Option<f64> {
        self.inner.previous
    }

    /// The value in an SI unit where the unit has one (`3亩` → 2000.0 in
    /// `m2`, `35℃` → 308.15 in `K`); `None` for money, counts, percentages
    /// and other units without one.
    #[getter]
    fn si_value(&self) -> Option<f64> {
        self.inner.si_value
    }

    /// The SI unit of `si_value`: `m`, `m2`, `m3`, `kg`, `J`, `W`, `K` or
    /// `B`; `None` when `si_value` is.
    #[getter]
    fn si_unit(&self) -> Option<&str> {
        self.inner.si_unit.as_deref()
    }

    /// A plain dict of every field.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let m = &self.inner;
        let d = PyDict::new(py);
        d.set_item("start", m.span.char_start)?;
        d.set_item("end", m.span.char_end)?;
        d.set_item("text", &m.text)?;
        d.set_item("value", m.value)?;
        d.set_item("unit", &m.unit)?;
        d.set_item("kind", m.kind.as_str())?;
        d.set_item("approx", m.approx.as_str())?;
        d.set_item("change", m.change.as_str())?;
        d.set_item("indicator", &m.indicator)?;
        d.set_item("period", m.period.as_deref())?;
        d.set_item("region", m.region.as_deref())?;
        d.set_item("borderline", m.borderline)?;
        d.set_item("previous", m.previous)?;
        d.set_item("si_value", m.si_value)?;
        d.set_item("si_unit", m.si_unit.as_deref())?;
        Ok(d)
    }

    /// Rebuilds a metric from its pickled JSON.
    #[staticmethod]
    fn _from_json(json: &str) -> PyResult<Self> {
        from_json(json).map(|inner| PyMetric { inner })
    }

    /// Pickle support.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_with::<Self>(py, vec![json_str(py, &self.inner)?])
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let m = &self.inner;
        // Fields that most metrics lack are shown only when set.
        let mut extra = String::new();
        if let Some(p) = m.previous {
            extra += &format!(", previous={}", PyFloatRepr(p));
        }
        if let Some(v) = m.si_value {
            extra += &format!(", si_value={}", PyFloatRepr(v));
        }
        if let Some(u) = m.si_unit.as_deref() {
            extra += &format!(", si_unit={}", py_repr(py, u)?);
        }
        Ok(format!(
            "Metric({}, value={}, unit={}, start={}, end={}, indicator={}, approx={}, change={}, region={}{extra})",
            py_repr(py, &m.text)?,
            PyFloatRepr(m.value),
            py_repr(py, &m.unit)?,
            m.span.char_start,
            m.span.char_end,
            py_repr(py, &m.indicator)?,
            py_repr(py, m.approx.as_str())?,
            py_repr(py, m.change.as_str())?,
            py_repr_opt(py, m.region.as_deref())?,
        ))
    }
}

/// Formats a float as Python's `repr()` does for ordinary values (`8660.0`).
struct PyFloatRepr(f64);

impl std::fmt::Display for PyFloatRepr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_finite() && self.0.fract() == 0.0 && self.0.abs() < 1e16 {
            write!(f, "{:.1}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}

/// One mention of a named thing: a region, school, organisation, person,
/// 《》 title or date.
#[pyclass(frozen, eq, hash, module = "shushuo", name = "Entity")]
#[derive(PartialEq, Eq, Hash)]
pub struct PyEntity {
    inner: shushuo::Entity,
}

#[pymethods]
impl PyEntity {
    /// Char offset of the first char of the mention.
    #[getter(start)]
    fn char_start(&self) -> usize {
        self.inner.span.char_start
    }

    /// Char offset one past the last char of the mention.
    #[getter(end)]
    fn char_end(&self) -> usize {
        self.inner.span.char_end
    }

    /// `PERSON`, `REGION`, `SCHOOL`, `ORG`, `WORK` or `DATE`.
    #[getter]
    fn kind(&self) -> &'static str {
        self.inner.kind.as_str()
    }

    /// The mention exactly as written (without 《》 for works).
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// The normalised form: simplified characters; ISO for dates
    /// (`2022-09-22`).
    #[getter]
    fn normalized(&self) -> &str {
        &self.inner.normalized
    }

    /// For a REGION of China: its six-digit division code (GB/T 2260,
    /// `河北省` → `130000`); `None` for other kinds, foreign countries and
    /// places without a code.
    #[getter]
    fn code(&self) -> Option<&str> {
        self.inner.code.as_deref()
    }

    /// The full name the mention stands for: a region's official name
    /// (`冀` → `河北省`), or the full name of an organisation or school
    /// named in full elsewhere in the text; `None` when unknown.
    #[getter]
    fn canonical(&self) -> Option<&str> {
        self.inner.canonical.as_deref()
    }

    /// A plain dict of every field.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let e = &self.inner;
        let d = PyDict::new(py);
        d.set_item("start", e.span.char_start)?;
        d.set_item("end", e.span.char_end)?;
        d.set_item("kind", e.kind.as_str())?;
        d.set_item("text", &e.text)?;
        d.set_item("normalized", &e.normalized)?;
        d.set_item("code", e.code.as_deref())?;
        d.set_item("canonical", e.canonical.as_deref())?;
        Ok(d)
    }

    /// Rebuilds an entity from its pickled JSON.
    #[staticmethod]
    fn _from_json(json: &str) -> PyResult<Self> {
        from_json(json).map(|inner| PyEntity { inner })
    }

    /// Pickle support.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        reduce_with::<Self>(py, vec![json_str(py, &self.inner)?])
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let e = &self.inner;
        // As for metrics: code and canonical only when set.
        let mut extra = String::new();
        if let Some(code) = e.code.as_deref() {
            extra += &format!(", code={}", py_repr(py, code)?);
        }
        if let Some(canonical) = e.canonical.as_deref() {
            extra += &format!(", canonical={}", py_repr(py, canonical)?);
        }
        Ok(format!(
            "Entity({}, {}, start={}, end={}, normalized={}{extra})",
            e.kind.as_str(),
            py_repr(py, &e.text)?,
            e.span.char_start,
            e.span.char_end,
            py_repr(py, &e.normalized)?,
        ))
    }
}

/// Everything extracted from one text: the text itself, its region, its
/// metrics and its entities, in text order.
#[pyclass(frozen, module = "shushuo", name = "Document")]
pub struct PyDocument {
    text: Py<PyString>,
    doc: shushuo::Document,
    metrics: PyOnceLock<Vec<Py<PyMetric>>>,
    entities: PyOnceLock<Vec<Py<PyEntity>>>,
}

impl PyDocument {
    /// Wraps a core document extracted from `text`.
    pub(crate) fn new(text: Py<PyString>, doc: shushuo::Document) -> PyDocument {
        PyDocument {
            text,
            doc,
            metrics: PyOnceLock::new(),
            entities: PyOnceLock::new(),
        }
    }

    /// The core document.
    pub(crate) fn core(&self) -> &shushuo::Document {
        &self.doc
    }

    /// The metric objects, made on first use.
    fn metric_objects(&self, py: Python<'_>) -> PyResult<&[Py<PyMetric>]> {
        self.metrics
            .get_or_try_init(py, || {
                self.doc
                    .metrics
                    .iter()
                    .map(|m| Py::new(py, PyMetric { inner: m.clone() }))
                    .collect()
            })
            .map(Vec::as_slice)
    }

    /// The entity objects, made on first use.
    fn entity_objects(&self, py: Python<'_>) -> PyResult<&[Py<PyEntity>]> {
        self.entities
            .get_or_try_init(py, || {
                self.doc
                    .entities
                    .iter()
                    .map(|e| Py::new(py, PyEntity { inner: e.clone() }))
                    .collect()
            })
            .map(Vec::as_slice)
    }
}

#[pymethods]
impl PyDocument {
    /// Documents compare by value but are not hashable.
    #[classattr]
    const __hash__: Option<Py<PyAny>> = None;

    /// The text the document was extracted from.
    #[getter]
    fn text(&self, py: Python<'_>) -> Py<PyString> {
        self.text.clone_ref(py)
    }

    /// The region the text is about, if any.
    #[getter]
    fn region(&self) -> Option<&str> {
        self.doc.region.as_deref()
    }

    /// Every metric, in text order (a new list on each access).
    #[getter]
    fn metrics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.metric_objects(py)?)
    }

    /// Every entity mention, in text order (a new list on each access).
    #[getter]
    fn entities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.entity_objects(py)?)
    }

    /// A plain dict: `text`, `region`, and lists of metric and entity dicts.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("text", self.text.bind(py))?;
        d.set_item("region", self.doc.region.as_deref())?;
        let metrics = self
            .metric_objects(py)?
            .iter()
            .map(|m| m.get().to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        let entities = self
            .entity_objects(py)?
            .iter()
            .map(|e| e.get().to_dict(py))
            .collect::<PyResult<Vec<_>>>()?;
        d.set_item("metrics", metrics)?;
        d.set_item("entities", entities)?;
        Ok(d)
    }

    /// One line of the evaluation scorer's prediction format (JSON, no
    /// newline), named `doc`: the same writer as the Rust `extract`
    /// example's `--format jsonl`. `metrics` / `entities` False leave that
    /// list empty.
    #[pyo3(signature = (doc, *, metrics = true, entities = true))]
    fn to_prediction(&self, doc: &str, metrics: bool, entities: bool) -> String {
        self.doc.prediction(doc, metrics, entities)
    }

    /// The text as HTML with metrics and each kind of entity highlighted;
    /// hovering a highlight shows its value, unit and indicator.
    fn to_html(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).to_str()?;
        Ok(html::render(text, &self.doc))
    }

    /// Rich display in Jupyter: the same as `to_html()`.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py)
    }

    /// Rebuilds a document from its text and pickled JSON.
    #[staticmethod]
    fn _from_json(text: Bound<'_, PyString>, json: &str) -> PyResult<Self> {
        Ok(PyDocument::new(text.unbind(), from_json(json)?))
    }

    /// Pickle support.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let text = self.text.bind(py).clone().into_any();
        reduce_with::<Self>(py, vec![text, json_str(py, &self.doc)?])
    }

    /// Documents are equal when their texts and everything extracted are.
    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let Ok(other) = other.cast::<PyDocument>() else {
            return Ok(py.NotImplemented());
        };
        let other = other.get();
        let same = self.doc == other.doc && self.text.bind(py).as_any().eq(other.text.bind(py))?;
        Ok(pyo3::types::PyBool::new(py, same)
            .to_owned()
            .into_any()
            .unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let text = self.text.bind(py).to_str()?;
        let mut preview: String = text.chars().take(30).collect();
        if preview.len() < text.len() {
            preview.push('…');
        }
        Ok(format!(
            "Document({} metrics, {} entities, region={}, text={})",
            self.doc.metrics.len(),
            self.doc.entities.len(),
            py_repr_opt(py, self.doc.region.as_deref())?,
            py_repr(py, &preview)?,
        ))
    }
}
