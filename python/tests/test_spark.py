"""Spark: ``shushuo.spark_schema`` against the Arrow tables, and the code of
``examples/spark_example.py`` on a real ``local[2]`` session (mapInArrow,
the extractor pickled to Python workers, a Parquet table written).

The schema tests need pyspark only; the session tests also need Java. CI
installs both (tests/ci/40-python.sh), so there they run.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import shushuo
from conftest import REPO

pa = pytest.importorskip("pyarrow")
pytest.importorskip("pyspark", reason="pyspark is not installed (the spark extra)")
from pyspark.sql.pandas.types import to_arrow_schema  # noqa: E402
from pyspark.sql.types import LongType, StringType  # noqa: E402


def _java() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and Path(home, "bin", "java").is_file():
        return str(Path(home, "bin", "java"))
    return shutil.which("java")


needs_java = pytest.mark.skipif(
    _java() is None, reason="no Java on PATH or in JAVA_HOME (Spark needs a JVM: apt-get install default-jre-headless)"
)


def _example() -> ModuleType:
    """examples/spark_example.py as a module."""
    spec = importlib.util.spec_from_file_location("spark_example", REPO / "examples" / "spark_example.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# -- the schema (no JVM) ---------------------------------------------------


@pytest.mark.parametrize("kind", ["metrics", "entities"])
def test_schema_is_the_arrow_tables(kind: str) -> None:
    schema = shushuo.spark_schema(kind)  # type: ignore[arg-type]
    columns = shushuo.METRIC_COLUMNS if kind == "metrics" else shushuo.ENTITY_COLUMNS
    assert tuple(schema.names) == columns
    # back to Arrow: the same types and nullability as the table built in Rust
    arrow = shushuo.to_arrow([shushuo.extract("2022年，江北区新增学位8660个。")], kind)  # type: ignore[arg-type]
    assert to_arrow_schema(schema) == arrow.schema


def test_schema_types() -> None:
    fields = {f.name: f for f in shushuo.spark_schema("metrics").fields}
    assert fields["doc"].dataType == LongType() and not fields["doc"].nullable
    assert fields["start"].dataType == LongType()
    assert fields["value"].dataType.simpleString() == "double" and not fields["value"].nullable
    assert fields["previous"].dataType.simpleString() == "double" and fields["previous"].nullable
    assert fields["borderline"].dataType.simpleString() == "boolean"
    assert fields["region"].dataType == StringType() and fields["region"].nullable
    entity = {f.name: f for f in shushuo.spark_schema("entities").fields}
    assert entity["code"].nullable and not entity["normalized"].nullable


def test_schema_doc_type() -> None:
    for doc_type in (pa.string(), StringType()):
        schema = shushuo.spark_schema("entities", doc_type=doc_type)
        assert schema.fields[0].name == "doc"
        assert schema.fields[0].dataType == StringType() and schema.fields[0].nullable
        assert schema.fields[1:] == shushuo.spark_schema("entities").fields[1:]
    # the doc column of to_arrow(..., ids=[str]) has that type
    table = shushuo.to_arrow([shushuo.extract("新增学位8660个。")], ids=["a"])
    assert to_arrow_schema(shushuo.spark_schema(doc_type=pa.string())) == table.schema


def test_schema_refuses_bad_arguments() -> None:
    with pytest.raises(ValueError, match="kind must be"):
        shushuo.spark_schema("tables")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="doc_type must be"):
        shushuo.spark_schema(doc_type="string")


# -- a local[2] session ----------------------------------------------------


@pytest.fixture(scope="module")
def example() -> ModuleType:
    return _example()


@pytest.fixture(scope="module")
def spark(example: ModuleType) -> Iterator[Any]:
    session = example.local_session(2)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _rows(sample_text: str) -> list[tuple[str, str]]:
    texts = [
        sample_text,
        "2022年，江北区新增公办中小学学位8660个，由41所增加到67所。",
        "",
        "總投資300億元，流转土地3亩。",
        "2022年9月22日，教育部印发通知。",
    ]
    return [(f"d{i}", t) for i, t in enumerate(texts * 4)]


def _local(rows: list[tuple[str, str]], ex: shushuo.Extractor, kind: str) -> list[dict[str, Any]]:
    docs = ex.extract_batch([t for _, t in rows])
    table = shushuo.to_arrow(docs, kind, ids=[d for d, _ in rows])  # type: ignore[arg-type]
    rows_out: list[dict[str, Any]] = table.to_pylist()
    return sorted(rows_out, key=lambda r: (r["doc"], r["start"], r["end"], r.get("kind")))


@needs_java
@pytest.mark.parametrize("kind", ["metrics", "entities"])
def test_map_in_arrow_gives_the_local_rows(spark: Any, example: ModuleType, sample_text: str, kind: str) -> None:
    rows = _rows(sample_text)
    ex = shushuo.Extractor(reference_date="2023-03-15")
    corpus = spark.createDataFrame(rows, "doc string, text string").repartition(3)
    frame = example.extract_with_spark(corpus, ex, kind)
    assert frame.schema == shushuo.spark_schema(kind, doc_type=pa.string())  # type: ignore[arg-type]
    got = sorted(
        (r.asDict() for r in frame.collect()), key=lambda r: (r["doc"], r["start"], r["end"], r.get("kind"))
    )
    want = _local(rows, ex, kind)
    assert len(want) > 40
    assert got == want  # every field, floats exact


@needs_java
def test_options_travel_to_the_workers(spark: Any, example: ModuleType) -> None:
    ex = shushuo.Extractor(extra_units={"篇": "count"}, default_region="渝中区")
    corpus = spark.createDataFrame([("a", "发表论文12篇。")], "doc string, text string")
    [row] = example.extract_with_spark(corpus, ex).collect()
    assert (row["value"], row["unit"], row["region"]) == (12.0, "篇", "渝中区")


@needs_java
def test_example_script_writes_the_table(tmp_path: Path) -> None:
    out = tmp_path / "metrics.parquet"
    run = subprocess.run(
        [sys.executable, str(REPO / "examples" / "spark_example.py"), "--docs", "30", "--out", str(out)],
        capture_output=True, text=True, timeout=240,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    first = run.stdout.splitlines()[0]
    assert first.startswith("30 documents -> ") and str(out) in first
    pq = pytest.importorskip("pyarrow.parquet")
    written = pq.read_table(out)
    example = _example()
    rows = example.synthetic_corpus(30)
    want = _local(rows, shushuo.Extractor(reference_date="2023-03-15"), "metrics")
    got = sorted(written.to_pylist(), key=lambda r: (r["doc"], r["start"], r["end"], r.get("kind")))
    assert got == want
    assert f"-> {len(want)} metrics" in first
