//! Documents as an Arrow table, one row per metric or entity, built in Rust
//! from the core records (no Python object per record) and handed to
//! Python through the Arrow PyCapsule interface (`__arrow_c_stream__`), which
//! pyarrow, polars and others read without copying.
//!
//! Uses arrow-rs's `arrow-array` (with its C stream interface, `ffi`) and
//! `arrow-schema` only: the Apache Arrow project's own Rust implementation,
//! Apache-2.0, released monthly; the rest of arrow-rs (compute, IO) and a
//! binding crate such as pyo3-arrow (which brings numpy, chrono-tz and
//! casting kernels) are not needed to hand over one table.

use std::ffi::CStr;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{ArrayRef, RecordBatch, RecordBatchIterator};
use arrow_schema::{ArrowError, Field, Schema};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyCapsule;

use crate::records::PyDocument;
use crate::ShushuoError;

/// The capsule name the Arrow PyCapsule interface gives a C stream.
const STREAM_CAPSULE: &CStr = c"arrow_array_stream";

/// An offset or position as an Arrow int64.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Columns being filled: their fields and builders, in table order.
#[derive(Default)]
struct Table {
    fields: Vec<Field>,
    arrays: Vec<ArrayRef>,
}

impl Table {
    /// Adds a finished column.
    fn push(&mut self, name: &str, nullable: bool, array: ArrayRef) {
        self.fields
            .push(Field::new(name, array.data_type().clone(), nullable));
        self.arrays.push(array);
    }

    fn finish(self) -> Result<RecordBatch, ArrowError> {
        RecordBatch::try_new(Arc::new(Schema::new(self.fields)), self.arrays)
    }
}

/// A string column from `values` (`None` is null).
fn strings<'a>(values: impl Iterator<Item = Option<&'a str>>, n: usize) -> ArrayRef {
    let mut b = StringBuilder::with_capacity(n, n * 8);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

/// A float64 column from `values` (`None` is null).
fn floats(values: impl Iterator<Item = Option<f64>>, n: usize) -> ArrayRef {
    let mut b = Float64Builder::with_capacity(n);
    for v in values {
        b.append_option(v);
    }
    Arc::new(b.finish())
}

/// An int64 column from `values`.
fn ints(values: impl Iterator<Item = usize>, n: usize) -> ArrayRef {
    let mut b = Int64Builder::with_capacity(n);
    for v in values {
        b.append_value(int(v));
    }
    Arc::new(b.finish())
}

/// The records of every document, each with its document's position, and
/// a table begun with their `doc`, `start` and `end` columns.
fn begin<'a, T>(
    docs: &[&'a shushuo::Document],
    records: fn(&'a shushuo::Document) -> &'a [T],
    span: fn(&T) -> &shushuo::Span,
) -> (Vec<(usize, &'a T)>, Table) {
    let rows: Vec<(usize, &T)> = docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| records(d).iter().map(move |r| (i, r)))
        .collect();
    let n = rows.len();
    let mut t = Table::default();
    t.push("doc", false, ints(rows.iter().map(|(i, _)| *i), n));
    t.push(
        "start",
        false,
        ints(rows.iter().map(|(_, r)| span(r).char_start), n),
    );
    t.push(
        "end",
        false,
        ints(rows.iter().map(|(_, r)| span(r).char_end), n),
    );
    (rows, t)
}

/// One row per metric; `doc` is the document's position in `docs`. The
/// columns are `shushuo.METRIC_COLUMNS`, in that order.
fn metrics_batch(docs: &[&shushuo::Document]) -> Result<RecordBatch, ArrowError> {
    let (rows, mut t) = begin(docs, |d| &d.metrics, |m| &m.span);
    let n = rows.len();
    let s = |f: fn(&shushuo::Metric) -> Option<&str>| strings(rows.iter().map(|(_, m)| f(m)), n);
    t.push("text", false, s(|m| Some(&m.text)));
    t.push(
        "value",
        false,
        floats(rows.iter().map(|(_, m)| Some(m.value)), n),
    );
    t.push("unit", false, s(|m| Some(&m.unit)));
    t.push("kind", false, s(|m| Some(m.kind.as_str())));
    t.push("approx", false, s(|m| Some(m.approx.as_str())));
    t.push("change", false, s(|m| Some(m.change.as_str())));
    t.push("indicator", false, s(|m| Some(&m.indicator)));
    t.push("period", true, s(|m| m.period.as_deref()));
    t.push("region", true, s(|m| m.region.as_deref()));
    let mut borderline = BooleanBuilder::with_capacity(n);
    for (_, m) in &rows {
        borderline.append_value(m.borderline);
    }
    t.push("borderline", false, Arc::new(borderline.finish()));
    t.push(
        "previous",
        true,
        floats(rows.iter().map(|(_, m)| m.previous), n),
    );
    t.push(
        "si_value",
        true,
        floats(rows.iter().map(|(_, m)| m.si_value), n),
    );
    t.push("si_unit", true, s(|m| m.si_unit.as_deref()));
    t.finish()
}

/// One row per entity; `doc` is the document's position in `docs`. The
/// columns are `shushuo.ENTITY_COLUMNS`, in that order.
fn entities_batch(docs: &[&shushuo::Document]) -> Result<RecordBatch, ArrowError> {
    let (rows, mut t) = begin(docs, |d| &d.entities, |e| &e.span);
    let n = rows.len();
    let s = |f: fn(&shushuo::Entity) -> Option<&str>| strings(rows.iter().map(|(_, e)| f(e)), n);
    t.push("kind", false, s(|e| Some(e.kind.as_str())));
    t.push("text", false, s(|e| Some(&e.text)));
    t.push("normalized", false, s(|e| Some(&e.normalized)));
    t.push("code", true, s(|e| e.code.as_deref()));
    t.push("canonical", true, s(|e| e.canonical.as_deref()));
    t.finish()
}

/// A finished table that Arrow consumers read through
/// `__arrow_c_stream__` (e.g. `pyarrow.table(obj)`, `polars.DataFrame(obj)`).
#[pyclass(frozen, module = "shushuo", name = "_ArrowStream")]
pub struct PyArrowStream {
    batch: RecordBatch,
}

#[pymethods]
impl PyArrowStream {
    /// The table as an Arrow C stream in a PyCapsule. `requested_schema` is
    /// accepted and ignored, as the interface allows: the schema is fixed.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        let batch = self.batch.clone();
        let reader = RecordBatchIterator::new([Ok(batch)], self.batch.schema());
        let stream = FFI_ArrowArrayStream::new(Box::new(reader));
        // The consumer moves the stream out (leaving it released); an
        // unconsumed stream is released when the capsule is freed.
        PyCapsule::new_with_value(py, stream, STREAM_CAPSULE)
    }

    /// Rows in the table.
    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }
}

/// `_arrow_stream(docs, kind)`: the metrics or entities of `docs` (a list of
/// `Document`) as one Arrow table, its `doc` column the document's position.
#[pyfunction]
pub(crate) fn _arrow_stream(
    py: Python<'_>,
    docs: &Bound<'_, PyAny>,
    kind: &str,
) -> PyResult<PyArrowStream> {
    let build = match kind {
        "metrics" => metrics_batch,
        "entities" => entities_batch,
        _ => {
            return Err(PyValueError::new_err(format!(
                "kind must be 'metrics' or 'entities', not {kind:?}"
            )))
        }
    };
    let mut held = Vec::new();
    for (i, obj) in docs.try_iter()?.enumerate() {
        let obj = obj?;
        let doc = obj.cast::<PyDocument>().map_err(|_| {
            let ty = obj
                .get_type()
                .name()
                .map_or_else(|_| "?".to_owned(), |n| n.to_string());
            PyTypeError::new_err(format!("docs[{i}] must be a Document, not {ty}"))
        })?;
        held.push(doc.clone());
    }
    let cores: Vec<&shushuo::Document> = held.iter().map(|d| d.get().core()).collect();
    let batch = py
        .detach(|| build(&cores))
        .map_err(|e| ShushuoError::new_err(format!("cannot build the Arrow table: {e}")))?;
    Ok(PyArrowStream { batch })
}
