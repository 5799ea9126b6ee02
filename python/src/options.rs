//! Keyword options from Python to the core [`shushuo::Options`], and back
//! as JSON (for pickling and the `options` property).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Value};

use crate::ShushuoError;

/// Builds core options from `Extractor(reference_date, **options)`.
///
/// Values are converted to JSON and read by the core's
/// [`shushuo::Options::from_json`], so unknown options and wrong value
/// types are refused with serde's message (e.g. "unknown field `foo`,
/// expected one of …"), and `user_dict` (a path, an `os.PathLike` or a
/// list of them) is read there.
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
            let json = if key == "user_dict" {
                paths(&value)?
            } else {
                to_value(&value).map_err(|ty| {
                    PyTypeError::new_err(format!(
                        "option {key}: a value of type {ty} cannot be used"
                    ))
                })?
            };
            map.insert(key, json);
        }
    }
    from_json(&Value::Object(map).to_string())
}

/// `user_dict` as JSON: one path (`str` or `os.PathLike`) or a list of them.
fn paths(value: &Bound<'_, PyAny>) -> PyResult<Value> {
    let fspath = |v: &Bound<'_, PyAny>| -> PyResult<Value> {
        let os = v.py().import("os")?;
        let p = os.call_method1("fspath", (v,)).map_err(|_| {
            PyTypeError::new_err("user_dict must be a path (str or os.PathLike) or a list of paths")
        })?;
        let p = p
            .cast::<PyString>()
            .map_err(|_| PyTypeError::new_err("user_dict paths must be text, not bytes"))?;
        Ok(Value::String(p.to_str()?.to_owned()))
    };
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        let items = value
            .try_iter()?
            .map(|item| fspath(&item?))
            .collect::<PyResult<Vec<Value>>>()?;
        Ok(Value::Array(items))
    } else {
        fspath(value)
    }
}

/// Core options from their JSON form (made by [`to_json`]), read by the
/// core's [`shushuo::Options::from_json`]: a JSON object only.
pub(crate) fn from_json(json: &str) -> PyResult<shushuo::Options> {
    shushuo::Options::from_json(json).map_err(crate::core_err)
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
