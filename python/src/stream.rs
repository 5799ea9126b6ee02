//! What `extract_batch` and `pipe` share: the `threads` argument, the
//! iterable of texts, the optional tqdm progress bar, and the lazy iterator
//! that `Extractor.pipe` returns.

use std::collections::VecDeque;

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyIterator, PyString};

use crate::{as_text, PyDocument, PyExtractor, ShushuoError};

/// Threads per core above which `threads` is capped: the work is CPU-bound
/// and runs without the GIL, so more threads than cores only add overhead;
/// the margin covers machines whose core count is under-reported.
const MAX_THREADS_PER_CORE: usize = 4;

/// The largest number of worker threads a batch uses.
pub(crate) fn max_threads() -> usize {
    shushuo::default_threads().saturating_mul(MAX_THREADS_PER_CORE)
}

/// The `threads` argument: `None` means every core; otherwise an int of at
/// least 1 (else `ShushuoError`; a non-int is a `TypeError`), capped at
/// [`max_threads`].
pub(crate) fn resolve_threads(threads: Option<&Bound<'_, PyAny>>) -> PyResult<usize> {
    let Some(obj) = threads else {
        return Ok(shushuo::default_threads());
    };
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        let ty = obj
            .get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string());
        return Err(PyTypeError::new_err(format!(
            "threads must be an int or None, not {ty}"
        )));
    }
    // An int too large for i64 is positive or negative: read its sign.
    let positive = obj.gt(0)?;
    if !positive {
        return Err(ShushuoError::new_err(format!(
            "threads must be at least 1, got {obj}"
        )));
    }
    let n = obj.extract::<u64>().unwrap_or(u64::MAX);
    Ok(usize::try_from(n).unwrap_or(usize::MAX).min(max_threads()))
}

/// An iterator over `texts`; a single `str` is refused (it would iterate
/// over its characters).
pub(crate) fn texts_iter<'py>(
    texts: &Bound<'py, PyAny>,
    method: &str,
) -> PyResult<Bound<'py, PyIterator>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{method}() takes an iterable of str, not one str: use extract() for a single text"
        )));
    }
    texts.try_iter()
}

/// A tqdm bar over `total` documents (unknown if `None`) when `progress` is
/// set, made by `shushuo._progress.bar`, which raises a clear `ImportError`
/// when tqdm is not installed.
pub(crate) fn progress_bar(
    py: Python<'_>,
    progress: bool,
    total: Option<usize>,
    desc: &str,
) -> PyResult<Option<Py<PyAny>>> {
    if !progress {
        return Ok(None);
    }
    let bar = py
        .import("shushuo._progress")?
        .call_method1("bar", (total, desc))?;
    Ok(Some(bar.unbind()))
}

/// Closes the bar, if any.
pub(crate) fn close_bar(bar: Option<&Py<PyAny>>) -> PyResult<()> {
    if let Some(bar) = bar {
        Python::attach(|py| bar.call_method0(py, "close"))?;
    }
    Ok(())
}

/// The iterator returned by `Extractor.pipe`: documents in input order,
/// extracted a batch at a time as they are asked for.
#[pyclass(module = "shushuo", name = "Pipe")]
pub struct PyPipe {
    extractor: Py<PyExtractor>,
    /// The texts not yet read; `None` once exhausted or failed.
    texts: Option<Py<PyIterator>>,
    batch_size: usize,
    threads: usize,
    bar: Option<Py<PyAny>>,
    /// Documents of the current batch not yet yielded.
    ready: VecDeque<Py<PyDocument>>,
    /// Texts read so far, to name a bad one by its index.
    read: usize,
}

impl PyPipe {
    pub(crate) fn new(
        extractor: Py<PyExtractor>,
        texts: Py<PyIterator>,
        batch_size: usize,
        threads: usize,
        bar: Option<Py<PyAny>>,
    ) -> PyPipe {
        PyPipe {
            extractor,
            texts: Some(texts),
            batch_size,
            threads,
            bar,
            ready: VecDeque::new(),
            read: 0,
        }
    }

    /// Reads and extracts the next batch into `ready`; at the end of the
    /// texts (or on an error, which is returned) the iterator is finished.
    fn fill(&mut self, py: Python<'_>) -> PyResult<()> {
        let Some(texts) = self.texts.take() else {
            return Ok(());
        };
        let mut iter = texts.bind(py).clone();
        let mut items = Vec::with_capacity(self.batch_size.min(4096));
        while items.len() < self.batch_size {
            let Some(obj) = iter.next() else { break };
            let obj = obj?;
            items.push(as_text(&obj, &format!("texts[{}]", self.read))?.clone());
            self.read += 1;
        }
        let full = items.len() == self.batch_size;
        let docs = self
            .extractor
            .get()
            .run(py, items, self.threads, self.bar.as_ref())?;
        self.ready.extend(docs);
        if full {
            self.texts = Some(texts);
        }
        Ok(())
    }
}

#[pymethods]
impl PyPipe {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(&mut self, py: Python<'_>) -> PyResult<Option<Py<PyDocument>>> {
        if self.ready.is_empty() {
            if let Err(e) = self.fill(py) {
                self.texts = None;
                close_bar(self.bar.take().as_ref())?;
                return Err(e);
            }
        }
        let next = self.ready.pop_front();
        if next.is_none() {
            close_bar(self.bar.take().as_ref())?;
        }
        Ok(next)
    }
}
