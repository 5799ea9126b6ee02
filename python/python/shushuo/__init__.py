"""shushuo (数说): metrics and entities from Chinese reports.

Extract every stated quantity (value, unit, approximation, change, period,
indicator, region) and every named thing (regions, schools, organisations,
persons, 《》 titles, dates) from Chinese text, with char offsets that index
the ``str`` you passed in::

    >>> import shushuo
    >>> doc = shushuo.extract("全区新增学位8660个。")
    >>> m = doc.metrics[0]
    >>> (m.value, m.unit, doc.text[m.start:m.end])
    (8660.0, '个', '8660个')

For many texts, build one :class:`Extractor` and call
:meth:`Extractor.extract_batch`, which releases the GIL and uses every core,
or :meth:`Extractor.pipe`, which streams documents from an iterable of any
length with bounded memory (``progress=True`` on either shows a tqdm bar).
:func:`to_arrow` turns documents into a pyarrow Table built in Rust (one
typed row per metric or entity), :func:`to_polars` and :func:`to_dataframe`
into polars and pandas DataFrames (the ``arrow``, ``polars`` and ``pandas``
extras), :func:`spark_schema` is the Spark schema of those tables (the
``spark`` extra), ``nlp.add_pipe("shushuo")`` adds shushuo to a spaCy
pipeline (the ``spacy`` extra, :mod:`shushuo.spacy_component`), and in Jupyter a :class:`Document` displays as the text
with its metrics and entities highlighted.

Extraction runs in the Rust core; this package is a thin layer over it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from ._frames import ENTITY_COLUMNS, METRIC_COLUMNS, to_arrow, to_dataframe, to_polars
from ._spark import spark_schema
from ._shushuo import (
    Document,
    Entity,
    Extractor,
    Metric,
    Pipe,
    ShushuoError,
    ShushuoInternalError,
    __version__,
)

__all__ = [
    "ENTITY_COLUMNS",
    "METRIC_COLUMNS",
    "Document",
    "Entity",
    "Extractor",
    "Metric",
    "Pipe",
    "ShushuoError",
    "ShushuoInternalError",
    "__version__",
    "default_extractor",
    "extract",
    "extract_batch",
    "spark_schema",
    "to_arrow",
    "to_dataframe",
    "to_polars",
]

_default: Extractor | None = None
_default_lock = threading.Lock()


def default_extractor() -> Extractor:
    """The shared extractor with default options used by :func:`extract`.

    Built on first use; safe to call from several threads.
    """
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Extractor()
    return _default


def extract(text: str) -> Document:
    """Extract metrics and entities from ``text`` with the default extractor.

    Raises ``TypeError`` if ``text`` is not a ``str``.
    """
    return default_extractor().extract(text)


def extract_batch(
    texts: Iterable[str], threads: int | None = None, *, progress: bool = False
) -> list[Document]:
    """Extract from many texts in parallel with the default extractor.

    See :meth:`Extractor.extract_batch`; results are in input order.
    ``progress=True`` shows a tqdm bar (the ``progress`` extra).
    """
    return default_extractor().extract_batch(texts, threads=threads, progress=progress)
