"""Documents to Arrow tables, polars and pandas DataFrames.

The table is built in Rust from the core records (``_arrow_stream``) and
read by pyarrow through the Arrow PyCapsule interface; polars and pandas
frames are made from it. pyarrow, polars and pandas are imported only when
used.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal, Union

from ._shushuo import Document, _arrow_stream

if TYPE_CHECKING:
    import pandas
    import polars

METRIC_COLUMNS: tuple[str, ...] = (
    "doc",
    "start",
    "end",
    "text",
    "value",
    "unit",
    "kind",
    "approx",
    "change",
    "indicator",
    "period",
    "region",
    "borderline",
    "previous",
    "si_value",
    "si_unit",
)
"""Columns of ``to_dataframe(docs, kind="metrics")``, in order. New fields
are appended. ``previous`` (the earlier value of a from–to pair) and
``si_value`` (the value in the SI unit ``si_unit``) are NaN where a metric
has none; ``si_unit`` is then None."""

ENTITY_COLUMNS: tuple[str, ...] = (
    "doc",
    "start",
    "end",
    "kind",
    "text",
    "normalized",
    "code",
    "canonical",
)
"""Columns of ``to_dataframe(docs, kind="entities")``, in order. New fields
are appended. ``code`` (a region's division code) and ``canonical`` (the
full name a mention stands for) are None where unknown."""

_Docs = Union[Document, Iterable[Document]]
"""What the table functions take: one document or an iterable of them."""


def _import(module: str, extra: str, what: str) -> Any:
    """Import ``module``, or explain which extra provides it."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f'shushuo.{what} needs {module}: pip install "shushuo-nlp[{extra}]"') from e


def _arrow(
    docs: _Docs, kind: str, ids: Sequence[Any] | None, what: str, extra: str
) -> tuple[Any, list[Any] | None]:
    """The Arrow table of ``docs`` with ``doc`` = positions, and the ids."""
    pa = _import("pyarrow", extra, what)
    doc_list = [docs] if isinstance(docs, Document) else list(docs)
    id_list = None if ids is None else list(ids)
    if id_list is not None and len(id_list) != len(doc_list):
        raise ValueError(f"got {len(id_list)} ids for {len(doc_list)} documents")
    return pa.table(_arrow_stream(doc_list, kind)), id_list


def to_arrow(
    docs: _Docs, kind: Literal["metrics", "entities"] = "metrics", ids: Sequence[Any] | None = None
) -> Any:
    """A ``pyarrow.Table`` with one row per metric or entity.

    Columns are :data:`METRIC_COLUMNS` or :data:`ENTITY_COLUMNS`, typed
    (int64 offsets, float64 values, bool ``borderline``, strings; null where a
    field is absent). ``doc`` holds ``ids[i]`` for the i-th document (any
    values pyarrow can type alike), else its position. Offsets are char
    offsets into each document's text. Built in Rust; needs pyarrow (the
    ``arrow`` extra).
    """
    table, id_list = _arrow(docs, kind, ids, "to_arrow", "arrow")
    if id_list is not None:
        pa = importlib.import_module("pyarrow")
        try:
            doc = pa.array(id_list).take(table.column("doc"))
        except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
            raise TypeError(f"to_arrow() needs ids of one Arrow type: {e}") from None
        table = table.set_column(0, "doc", doc)
    return table


def to_polars(
    docs: _Docs, kind: Literal["metrics", "entities"] = "metrics", ids: Sequence[Any] | None = None
) -> polars.DataFrame:
    """A ``polars.DataFrame`` with the columns of :func:`to_arrow`. Needs
    polars and pyarrow (the ``polars`` extra)."""
    pl = _import("polars", "polars", "to_polars")
    _import("pyarrow", "polars", "to_polars")
    frame: polars.DataFrame = pl.from_arrow(to_arrow(docs, kind, ids))
    return frame


def to_dataframe(
    docs: _Docs, kind: Literal["metrics", "entities"] = "metrics", ids: Sequence[Any] | None = None
) -> pandas.DataFrame:
    """One row per metric (``kind="metrics"``) or entity (``kind="entities"``).

    ``docs`` is a document or an iterable of documents; the ``doc`` column
    holds ``ids[i]`` for the i-th document (any Python values; default: its
    position). Offsets are char offsets into each document's text; ``start``
    and ``end`` are int64, ``value``, ``previous`` and ``si_value`` float64
    (NaN where absent), ``borderline`` bool, strings ``object`` (None where
    absent). Made from :func:`to_arrow`; needs pandas and pyarrow (the
    ``pandas`` extra).
    """
    pd = _import("pandas", "pandas", "to_dataframe")
    table, id_list = _arrow(docs, kind, ids, "to_dataframe", "pandas")
    frame: pandas.DataFrame = table.to_pandas()
    if id_list is not None:
        frame["doc"] = pd.Series(id_list, dtype=object).take(frame["doc"].to_numpy()).to_numpy()
        frame["doc"] = frame["doc"].infer_objects()
    return frame
