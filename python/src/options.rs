//! Keyword options from Python to the core [`shushuo::Options`], and back
//! as JSON (for pickling and the `options` property).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Value};

use crate::ShushuoError;

/// Builds core options from `Extractor(reference_date, **options)`.
///
/// Values are converted to JSON and deserialised by the core's serde
/// definition, so unknown options and wrong value types are refused with
/// serde's message (e.g. "unknown field `foo`, expected one of …").
pub(crate) fn from_python(
    reference_date: Option<String>,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<shushuo::Options> {
    let mut map = Map::new();
    if let Some(d) = reference_date {
        map.insert("reference_date".into(), Value::String(d));
    }
    if let Some(options) = options {
        for (key, value) in options.iter() {
            let key: String = key.extract()?;
            let json = to_value(&value).map_err(|ty| {
                PyTypeError::new_err(format!("option {key}: a value of type {ty} cannot be used"))
            })?;
            map.insert(key, json);
        }
    }
    serde_json::from_value(Value::Object(map))
        .map_err(|e| ShushuoError::new_err(format!("invalid options: {e}")))
}

/// Core options from their JSON form (made by [`to_json`]): a JSON object
/// only. serde would also read an array as the fields in order
/// (`["2023-06-30",true,false,"江北区"]`), an undocumented form that would
/// change meaning whenever a field is added, so it is refused first; an
/// object goes straight to serde, which refuses unknown and duplicate keys.
pub(crate) fn from_json(json: &str) -> PyResult<shushuo::Options> {
    let invalid = |e: String| ShushuoError::new_err(format!("invalid options: {e}"));
    if !json
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('{')
    {
        serde_json::from_str::<Value>(json).map_err(|e| invalid(e.to_string()))?;
        return Err(invalid(
            "expected a JSON object such as {\"reference_date\":\"2023-06-30\"}".into(),
        ));
    }
    serde_json::from_str(json).map_err(|e| invalid(e.to_string()))
}

/// The JSON form of core options.
pub(crate) fn to_json(options: &shushuo::Options) -> PyResult<String> {
    serde_json::to_string(options).map_err(|e| ShushuoError::new_err(e.to_string()))
}

/// A Python value as JSON: None, bool, int, float, str, list, tuple, set and
/// dict with str keys; anything else is refused with its type name.
fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, String> {
    let type_name = || {
        obj.get_type()
            .name()
            .map_or_else(|_| "?".to_owned(), |n| n.to_string())
    };
    if obj.is_none() {
        Ok(Value::Null)
    } else if let Ok(b) = obj.cast::<PyBool>() {
        Ok(Value::Bool(b.is_true()))
    } else if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            Ok(Value::from(i))
        } else {
            Err(type_name())
        }
    } else if let Ok(f) = obj.cast::<PyFloat>() {
        Ok(Value::from(f.value()))
    } else if let Ok(s) = obj.cast::<PyString>() {
        Ok(Value::String(
            s.to_cow().map_err(|_| type_name())?.into_owned(),
        ))
    } else if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let k = k.cast::<PyString>().map_err(|_| type_name())?;
            let k = k.to_cow().map_err(|_| type_name())?.into_owned();
            map.insert(k, to_value(&v)?);
        }
        Ok(Value::Object(map))
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() || is_set(obj) {
        let items = obj.try_iter().map_err(|_| type_name())?;
        let mut out = Vec::new();
        for item in items {
            out.push(to_value(&item.map_err(|_| type_name())?)?);
        }
        Ok(Value::Array(out))
    } else {
        Err(type_name())
    }
}

/// Whether `obj` is a set or frozenset.
fn is_set(obj: &Bound<'_, PyAny>) -> bool {
    obj.is_instance_of::<pyo3::types::PySet>() || obj.is_instance_of::<pyo3::types::PyFrozenSet>()
}
