"""Documents to pandas DataFrames (pandas is imported only when used)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from ._shushuo import Document

if TYPE_CHECKING:
    import pandas

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

_DTYPES = {
    "start": "int64",
    "end": "int64",
    "value": "float64",
    "borderline": "bool",
    "previous": "float64",
    "si_value": "float64",
}


def _import_pandas() -> Any:
    """Import pandas, or explain which extra provides it."""
    try:
        import pandas
    except ImportError as e:
        raise ImportError(
            "shushuo.to_dataframe needs pandas: pip install \"shushuo-nlp[pandas]\""
        ) from e
    return pandas


def to_dataframe(
    docs: Document | Iterable[Document],
    kind: Literal["metrics", "entities"] = "metrics",
    ids: Sequence[Any] | None = None,
) -> pandas.DataFrame:
    """One row per metric (``kind="metrics"``) or entity (``kind="entities"``).

    ``docs`` is a document or an iterable of documents; the ``doc`` column
    holds ``ids[i]`` for the i-th document (default: its position). Offsets
    are char offsets into each document's text. Requires pandas (the
    ``pandas`` extra).
    """
    pd = _import_pandas()
    if kind == "metrics":
        columns = METRIC_COLUMNS
    elif kind == "entities":
        columns = ENTITY_COLUMNS
    else:
        raise ValueError(f"kind must be 'metrics' or 'entities', not {kind!r}")
    doc_list = [docs] if isinstance(docs, Document) else list(docs)
    id_list = list(range(len(doc_list))) if ids is None else list(ids)
    if len(id_list) != len(doc_list):
        raise ValueError(f"got {len(id_list)} ids for {len(doc_list)} documents")
    data: dict[str, list[Any]] = {c: [] for c in columns}
    fields = columns[1:]
    for doc_id, doc in zip(id_list, doc_list):
        if not isinstance(doc, Document):
            raise TypeError(f"to_dataframe() needs Document objects, not {type(doc).__name__}")
        records = doc.metrics if kind == "metrics" else doc.entities
        for record in records:
            row = record.to_dict()
            data["doc"].append(doc_id)
            for f in fields:
                data[f].append(row[f])
    frame: pandas.DataFrame = pd.DataFrame(data, columns=list(columns))
    return frame.astype({c: t for c, t in _DTYPES.items() if c in frame.columns})
