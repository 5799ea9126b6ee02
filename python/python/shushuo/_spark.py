"""Spark schemas of the metric and entity tables.

The schema is derived from the Arrow schema of the table that
:func:`shushuo.to_arrow` builds in Rust, through pyspark's own Arrow → Spark
type mapping, so the two cannot drift apart. pyspark is imported only here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._frames import _import, to_arrow

if TYPE_CHECKING:
    from pyspark.sql.types import StructType


def spark_schema(kind: Literal["metrics", "entities"] = "metrics", doc_type: Any = None) -> StructType:
    """The ``pyspark.sql.types.StructType`` of ``to_arrow(docs, kind)``.

    The fields are :data:`METRIC_COLUMNS` or :data:`ENTITY_COLUMNS` with the
    types and nullability of the Arrow table (``bigint`` offsets, ``double``
    values, ``boolean`` ``borderline``, ``string``; the optional fields
    nullable). ``doc`` is ``bigint`` (a document's position) unless
    ``doc_type`` names the type of your ids, as a pyarrow or a pyspark data
    type (``pa.string()`` or ``StringType()``); it is then nullable, as the
    ``doc`` column of ``to_arrow(docs, ids=...)`` is. Use it as the schema of
    ``mapInArrow`` or ``mapInPandas`` (``examples/spark_example.py``). Needs
    pyspark and pyarrow (the ``spark`` extra).
    """
    if kind not in ("metrics", "entities"):
        raise ValueError(f"kind must be 'metrics' or 'entities', not {kind!r}")
    pa = _import("pyarrow", "spark", "spark_schema")
    _import("pyspark", "spark", "spark_schema")
    from pyspark.sql.pandas.types import from_arrow_schema, from_arrow_type
    from pyspark.sql.types import DataType, StructField, StructType

    arrow_schema = to_arrow([], kind).schema
    schema: StructType = from_arrow_schema(arrow_schema)
    if doc_type is not None:
        if isinstance(doc_type, pa.DataType):
            doc_type = from_arrow_type(doc_type)
        if not isinstance(doc_type, DataType):
            raise TypeError(f"doc_type must be a pyarrow or pyspark data type, not {type(doc_type).__name__}")
        schema = StructType([StructField("doc", doc_type, nullable=True), *schema.fields[1:]])
    return schema
