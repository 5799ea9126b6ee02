//! Python bindings for shushuo: the `shushuo._shushuo` extension module.
//!
//! A thin layer over the core crate: [`PyExtractor`] wraps
//! [`shushuo::Extractor`], and [`PyDocument`], [`PyMetric`] and [`PyEntity`]
//! wrap the records it returns. All extraction logic stays in the core; this
//! crate converts arguments, releases the GIL while the core runs, spreads
//! batches over threads and turns every failure into a Python exception:
//! invalid options into `ShushuoError` (a `ValueError`), a panic of the
//! core into `ShushuoInternalError` (a `RuntimeError`). The pure-Python part of the package (`python/shushuo/`)
//! adds the default extractor, `to_dataframe` and the `shushuo` command.
//!
//! Built by maturin (`pip install ./python`); `cargo clippy --workspace`
//! type-checks it without linking against Python.

mod arrow;
mod batch;
mod html;
mod options;
mod records;
mod stream;

use pyo3::create_exception;
use pyo3::exceptions::{PyKeyboardInterrupt, PyOSError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple, PyType};

pub use records::{PyDocument, PyEntity, PyMetric};

create_exception!(
    shushuo,
    ShushuoError,
    PyValueError,
    "Raised when shushuo is given something it cannot use: invalid options \
     (unknown option, malformed reference date, bad unit kind…) or an \
     internal failure, with a message saying what was wrong."
);

create_exception!(
    shushuo,
    ShushuoInternalError,
    PyRuntimeError,
    "Raised when shushuo itself failed: the core panicked (a bug in \
     shushuo, please report the message) or a worker thread of a batch \
     could not run. The message says what happened. Panics are caught \
     where the core runs (extract, extract_batch); a panic anywhere else \
     in the binding surfaces as pyo3's PanicException."
);

/// Turns a failure of the guarded core call (a caught panic, a worker
/// thread that could not run) into a [`ShushuoInternalError`].
pub(crate) fn internal_err(message: String) -> PyErr {
    ShushuoInternalError::new_err(message)
}

/// Turns a core error into a Python exception carrying its message: a
/// file that cannot be read (a user dictionary) into `OSError`, a
/// cancelled extraction into `KeyboardInterrupt` (the binding cancels only
/// on Ctrl-C), anything else into a [`ShushuoError`].
pub(crate) fn core_err(e: shushuo::Error) -> PyErr {
    match e {
        shushuo::Error::Io { .. } => PyOSError::new_err(e.to_string()),
        shushuo::Error::Cancelled => PyKeyboardInterrupt::new_err(e.to_string()),
        _ => ShushuoError::new_err(e.to_string()),
    }
}

/// Reads reports and returns their metrics and entities.
///
/// `Extractor(reference_date=None, **options)`: `reference_date`
/// (`"YYYY-MM-DD"`, the day the texts were written) resolves relative dates
/// such as 去年底; the keyword options are `metrics` and `entities` (bool,
/// default True), `default_region` (used where a text names none),
/// `extra_units` ({word: kind}, kind one of count, money, area, measure,
/// duration, percent, ratio, rank), `extra_entities` (`{KIND: [names]}`,
/// KIND one of PERSON, REGION, SCHOOL, ORG, WORK, DATE), `stop_entities`
/// (words whose built-in entity matches are dropped) and `user_dict` (a
/// path or a list of paths of jieba-style dictionaries: lines `word TYPE`,
/// `word UNIT kind`, `word STOP`; their entries are merged into the other
/// options). Anything invalid raises `ShushuoError`, naming the dictionary
/// file and line for a bad entry; a dictionary that cannot be read raises
/// `OSError`.
///
/// Immutable and safe to share between threads; pickles (as its options in
/// JSON) so it can be shipped to Dask or Spark workers.
#[pyclass(frozen, module = "shushuo", name = "Extractor")]
pub struct PyExtractor {
    inner: shushuo::Extractor,
}

/// The text of `obj` if it is a `str`, else a `TypeError` naming `what`.
pub(crate) fn as_text<'a, 'py>(
    obj: &'a Bound<'py, PyAny>,
    what: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    obj.cast::<PyString>().map_err(|_| {
        let ty = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        let hint = if ty == "bytes" || ty == "bytearray" {
            " (decode it first, e.g. data.decode('utf-8'))"
        } else {
            ""
        };
        PyTypeError::new_err(format!("{what} must be str, not {ty}{hint}"))
    })
}

impl PyExtractor {
    /// Extracts `items` on `threads` threads with the GIL released, in
    /// chunks of a few MB, each watched for Ctrl-C, advancing `bar`
    /// (a tqdm bar) after each chunk; documents in input order.
    fn run(
        &self,
        py: Python<'_>,
        items: Vec<Bound<'_, PyString>>,
        threads: usize,
        bar: Option<&Py<PyAny>>,
    ) -> PyResult<Vec<Py<PyDocument>>> {
        let strs = items
            .iter()
            .map(|s| s.to_str())
            .collect::<PyResult<Vec<&str>>>()?;
        // Smaller chunks under a progress bar, so that it moves.
        let chunk_bytes = if bar.is_some() {
            batch::CHUNK_BYTES / 16
        } else {
            batch::CHUNK_BYTES
        };
        let ex = &self.inner;
        let mut docs = Vec::with_capacity(strs.len());
        for chunk in batch::chunks(&strs, chunk_bytes) {
            let bytes: usize = chunk.iter().map(|t| t.len()).sum();
            let part = batch::interruptible(py, bytes >= batch::WATCH_BYTES, |cancel| {
                ex.extract_batch_with(chunk, threads, cancel)
            })?;
            docs.extend(part);
            // Between chunks: let Ctrl-C (KeyboardInterrupt) stop a long batch.
            py.check_signals()?;
            if let Some(bar) = bar {
                bar.call_method1(py, "update", (chunk.len(),))?;
            }
        }
        items
            .into_iter()
            .zip(docs)
            .map(|(text, doc)| Py::new(py, PyDocument::new(text.unbind(), doc)))
            .collect()
    }
}

#[pymethods]
impl PyExtractor {
    /// Builds an extractor from the core `Options` given as keywords.
    #[new]
    #[pyo3(signature = (reference_date = None, **options))]
    fn new(reference_date: Option<String>, options: Option<&Bound<'_, PyDict>>) -> PyResult<Self> {
        let opts = options::from_python(reference_date, options)?;
        let inner = shushuo::Extractor::from_options(opts).map_err(core_err)?;
        Ok(PyExtractor { inner })
    }

    /// Rebuilds an extractor from the options JSON made by `__reduce__`.
    #[staticmethod]
    fn _from_json(options_json: &str) -> PyResult<Self> {
        let opts = options::from_json(options_json)?;
        let inner = shushuo::Extractor::from_options(opts).map_err(core_err)?;
        Ok(PyExtractor { inner })
    }

    /// Extracts metrics and entities from one text (the GIL is released
    /// while the core runs; Ctrl-C stops even a long text within a second).
    fn extract(&self, py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        let text = as_text(text, "text")?;
        let s = text.to_str()?;
        let ex = &self.inner;
        let doc = batch::interruptible(py, s.len() >= batch::WATCH_BYTES, |cancel| {
            ex.extract_with(s, cancel)
        })?;
        Ok(PyDocument::new(text.clone().unbind(), doc))
    }

    /// Extracts from many texts on `threads` threads (default: every core),
    /// with the GIL released; returns the documents in input order. Ctrl-C
    /// stops it within a second, even inside one long text; `progress`
    /// shows a tqdm bar.
    #[pyo3(signature = (texts, threads = None, *, progress = false))]
    fn extract_batch<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        threads: Option<&Bound<'py, PyAny>>,
        progress: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let iter = stream::texts_iter(texts, "extract_batch")?;
        let threads = stream::resolve_threads(threads)?;
        let bar = stream::progress_bar(py, progress, texts.len().ok(), "extract_batch")?;
        let mut items = Vec::new();
        for (i, obj) in iter.enumerate() {
            let obj = obj?;
            items.push(as_text(&obj, &format!("texts[{i}]"))?.clone());
        }
        let docs = self.run(py, items, threads, bar.as_ref())?;
        stream::close_bar(bar.as_ref())?;
        PyList::new(py, docs)
    }

    /// Extracts from `texts` lazily: reads `batch_size` texts at a time,
    /// extracts each batch like `extract_batch` and yields its documents in
    /// input order, so memory stays bounded by one batch however long the
    /// iterable is. `progress` shows a tqdm bar.
    #[pyo3(signature = (texts, batch_size = 256, threads = None, *, progress = false))]
    fn pipe(
        slf: &Bound<'_, Self>,
        texts: &Bound<'_, PyAny>,
        batch_size: i64,
        threads: Option<&Bound<'_, PyAny>>,
        progress: bool,
    ) -> PyResult<stream::PyPipe> {
        let py = slf.py();
        let iter = stream::texts_iter(texts, "pipe")?;
        if batch_size < 1 {
            return Err(ShushuoError::new_err(format!(
                "batch_size must be at least 1, got {batch_size}"
            )));
        }
        let batch_size = usize::try_from(batch_size).unwrap_or(usize::MAX);
        let threads = stream::resolve_threads(threads)?;
        let bar = stream::progress_bar(py, progress, texts.len().ok(), "pipe")?;
        Ok(stream::PyPipe::new(
            slf.clone().unbind(),
            iter.unbind(),
            batch_size,
            threads,
            bar,
        ))
    }

    /// The options this extractor was built from, as a dict.
    #[getter]
    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = options::to_json(self.inner.options())?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// Pickle support: rebuilt from the options as JSON.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let json = options::to_json(slf.get().inner.options())?;
        let rebuild = py.get_type::<Self>().getattr("_from_json")?;
        PyTuple::new(py, [rebuild, PyTuple::new(py, [json])?.into_any()])
    }

    /// `Extractor(...)` with the options that differ from the defaults.
    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let py = slf.py();
        let current = slf.getattr("options")?;
        let default = options::to_json(&shushuo::Options::default())?;
        let default = py.import("json")?.call_method1("loads", (default,))?;
        let mut parts = Vec::new();
        for (key, value) in current.cast::<PyDict>()?.iter() {
            if !default.get_item(&key)?.eq(&value)? {
                parts.push(format!("{}={}", key, value.repr()?));
            }
        }
        let cls: Bound<'_, PyType> = py.get_type::<Self>();
        Ok(format!("{}({})", cls.name()?, parts.join(", ")))
    }
}

/// A test hook: panics with `message` inside the same guard, on the same
/// detached path, as `Extractor.extract` runs the core, so the test suite
/// can check that a panic becomes `ShushuoInternalError` (the core has no
/// input known to panic).
#[pyfunction]
fn _panic_for_test(py: Python<'_>, message: String) -> PyResult<()> {
    py.detach(|| batch::guarded(|| -> () { panic!("{message}") }))
        .map_err(internal_err)
}

/// The `shushuo._shushuo` extension module.
#[pymodule]
fn _shushuo(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyExtractor>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyMetric>()?;
    m.add_class::<PyEntity>()?;
    m.add_class::<stream::PyPipe>()?;
    m.add_class::<arrow::PyArrowStream>()?;
    m.add_function(wrap_pyfunction!(arrow::_arrow_stream, m)?)?;
    m.add("ShushuoError", m.py().get_type::<ShushuoError>())?;
    m.add(
        "ShushuoInternalError",
        m.py().get_type::<ShushuoInternalError>(),
    )?;
    m.add_function(wrap_pyfunction!(_panic_for_test, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
