"""to_arrow (a typed pyarrow Table built in Rust, through the Arrow
PyCapsule interface), to_polars, and to_dataframe made from it."""

from __future__ import annotations

import gc
import subprocess
import sys
from typing import Any

import pytest

import shushuo
from shushuo import ENTITY_COLUMNS, METRIC_COLUMNS

pa = pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def docs(sample_text: str) -> list[shushuo.Document]:
    """The sample report, a text with SI values and a from–to pair, and an empty text."""
    ex = shushuo.Extractor()
    return ex.extract_batch([sample_text, "", "流转土地3亩，全区学校由41所增加到67所。河北省投入8亿元。"])


def expected_rows(docs: list[shushuo.Document], kind: str, ids: list[Any]) -> list[dict[str, Any]]:
    """The rows to_arrow should hold, from the records' to_dict()."""
    rows = []
    for doc_id, doc in zip(ids, docs):
        for record in doc.metrics if kind == "metrics" else doc.entities:
            rows.append({"doc": doc_id, **record.to_dict()})
    return rows


def test_metrics_table(docs: list[shushuo.Document]) -> None:
    table = shushuo.to_arrow(docs)
    assert table.column_names == list(METRIC_COLUMNS)
    types = {f.name: f.type for f in table.schema}
    assert types["doc"] == types["start"] == types["end"] == pa.int64()
    assert types["value"] == types["previous"] == types["si_value"] == pa.float64()
    assert types["borderline"] == pa.bool_()
    assert all(types[c] == pa.string() for c in ["text", "unit", "kind", "approx", "period", "si_unit"])
    assert not table.schema.field("start").nullable and table.schema.field("previous").nullable
    assert table.to_pylist() == expected_rows(docs, "metrics", [0, 1, 2])
    assert table.column("previous").null_count == table.num_rows - 1
    for row in table.to_pylist():
        assert docs[row["doc"]].text[row["start"] : row["end"]] == row["text"]


def test_entities_table_with_ids(docs: list[shushuo.Document]) -> None:
    ids = ["sample", "empty", "other"]
    table = shushuo.to_arrow(docs, kind="entities", ids=ids)
    assert table.column_names == list(ENTITY_COLUMNS)
    assert table.schema.field("doc").type == pa.string()
    assert table.to_pylist() == expected_rows(docs, "entities", ids)
    assert "130000" in table.column("code").to_pylist()  # 河北省
    assert shushuo.to_arrow(docs[0]).num_rows == len(docs[0].metrics)


def test_empty_and_bad_arguments(docs: list[shushuo.Document]) -> None:
    for kind, cols in [("metrics", METRIC_COLUMNS), ("entities", ENTITY_COLUMNS)]:
        empty = shushuo.to_arrow([], kind=kind)  # type: ignore[arg-type]
        assert empty.num_rows == 0 and empty.column_names == list(cols)
        assert empty.schema.field("start").type == pa.int64()
    with pytest.raises(ValueError, match="kind must be 'metrics' or 'entities'"):
        shushuo.to_arrow(docs, kind="numbers")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"docs\[1\] must be a Document, not str"):
        shushuo.to_arrow([docs[0], "text"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="2 ids for 3 documents"):
        shushuo.to_arrow(docs, ids=["a", "b"])
    with pytest.raises(TypeError, match="one Arrow type"):
        shushuo.to_arrow(docs, ids=["a", 1, object()])


def test_pycapsule_stream(docs: list[shushuo.Document]) -> None:
    from shushuo._shushuo import _arrow_stream

    stream = _arrow_stream(docs, "metrics")
    assert len(stream) == sum(len(d.metrics) for d in docs)
    capsule = stream.__arrow_c_stream__()
    assert type(capsule).__name__ == "PyCapsule"
    reader = pa.RecordBatchReader.from_stream(stream)
    assert reader.read_all().equals(shushuo.to_arrow(docs))
    # A capsule nobody reads is released with it; the stream can be read again.
    del capsule
    gc.collect()
    assert pa.table(stream).num_rows == len(stream)


def test_polars(docs: list[shushuo.Document]) -> None:
    pl = pytest.importorskip("polars")
    frame = shushuo.to_polars(docs, ids=["s", "e", "o"])
    assert frame.columns == list(METRIC_COLUMNS)
    assert frame.schema["start"] == pl.Int64 and frame.schema["value"] == pl.Float64
    assert frame.schema["borderline"] == pl.Boolean and frame.schema["unit"] == pl.String
    assert frame.to_dicts() == expected_rows(docs, "metrics", ["s", "e", "o"])
    ents = shushuo.to_polars(docs, kind="entities")
    assert ents.height == sum(len(d.entities) for d in docs)


def test_dataframe_matches_the_records(docs: list[shushuo.Document]) -> None:
    pd = pytest.importorskip("pandas")
    for kind in ["metrics", "entities"]:
        df = shushuo.to_dataframe(docs, kind=kind, ids=["s", "e", "o"])  # type: ignore[arg-type]
        rows = expected_rows(docs, kind, ["s", "e", "o"])
        assert len(df) == len(rows)
        for got, want in zip(df.to_dict("records"), rows):
            assert {k: None if (isinstance(v, float) and pd.isna(v)) else v for k, v in got.items()} == want
    mixed = shushuo.to_dataframe(docs, ids=[("a", 1), 2, "c"])
    assert set(map(repr, mixed["doc"])) == {"('a', 1)", "'c'"}


@pytest.mark.parametrize(("blocked", "call", "extra"), [
    ("pyarrow", "to_arrow", "arrow"),
    ("pyarrow", "to_dataframe", "pandas"),
    ("polars", "to_polars", "polars"),
])
def test_missing_library_names_the_extra(blocked: str, call: str, extra: str) -> None:
    code = (
        f"import sys; sys.modules[{blocked!r}] = None\n"
        "import shushuo\n"
        "try:\n"
        f"    shushuo.{call}([])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert f'needs {blocked}: pip install "shushuo-nlp[{extra}]"' in out.stdout


def test_to_dataframe_takes_less_time_than_extraction(sample_text: str) -> None:
    """The issue's benchmark, on 1 MB (python/bench/frames.py runs it on 4 MB):
    a DataFrame of the metrics costs less than extracting them."""
    pytest.importorskip("pandas")
    import time

    texts = [sample_text] * max(1, 1_000_000 // len(sample_text.encode()))
    ids = [f"r{i}" for i in range(len(texts))]
    ex = shushuo.Extractor()

    def best(fn: Any) -> float:
        runs = []
        for _ in range(3):
            t0 = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t0)
        return min(runs)

    docs = ex.extract_batch(texts)
    extract = best(lambda: ex.extract_batch(texts))
    frame = best(lambda: shushuo.to_dataframe(docs, ids=ids))
    assert frame <= extract, (frame, extract)
