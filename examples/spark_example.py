"""Extract metrics from a corpus with Spark (mapInArrow) and write them as a Parquet table.

    pip install "shushuo-nlp[spark]"      # pyspark and pyarrow; Spark 4 needs Java 17+
    python examples/spark_example.py                       # the bundled sample and variants
    python examples/spark_example.py --out metrics.parquet DIR_OR_FILES...

Each Spark partition of (doc, text) rows arrives as Arrow record batches;
``extract_partition`` runs ``Extractor.extract_batch`` on a batch's texts and
hands back ``shushuo.to_arrow`` (a table built in Rust) as record batches, so
no Python object is made per metric. ``shushuo.spark_schema`` gives the
Spark schema of that table. The ``Extractor`` is pickled as its options and
rebuilt in each Python worker. This runs on ``local[2]``; on a cluster the
same code needs shushuo-nlp installed on the executors (python/README.md,
"Spark").
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pyarrow as pa
from pyspark.sql import DataFrame, SparkSession

import shushuo

HERE = Path(__file__).resolve().parent

DISTRICTS = ["江北区", "渝中区", "沙坪坝区", "南岸区", "九龙坡区", "北碚区"]


def synthetic_corpus(n_docs: int) -> list[tuple[str, str]]:
    """``n_docs`` (doc, text) rows: the bundled sample and per-district variants."""
    sample = (HERE / "sample_report.txt").read_text(encoding="utf-8")
    rows = []
    for i in range(n_docs):
        district = DISTRICTS[i % len(DISTRICTS)]
        text = sample if i % 3 == 0 else (
            f"{2020 + i % 4}年，{district}新增公办中小学学位{1000 + 37 * i}个，"
            f"新建学校{i % 9 + 1}所，累计投入教育经费{i % 50 + 1}.5亿元。"
        )
        rows.append((f"doc{i:05}", text))
    return rows


def read_corpus(paths: list[str]) -> list[tuple[str, str]]:
    """(doc, text) rows of the given files and directories of ``*.txt``."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return [(f.stem, f.read_text(encoding="utf-8")) for f in files]


def extract_partition(
    batches: Iterator[pa.RecordBatch],
    extractor: shushuo.Extractor,
    kind: Literal["metrics", "entities"] = "metrics",
) -> Iterator[pa.RecordBatch]:
    """The metrics (or entities) of a partition's (doc, text) record batches."""
    for batch in batches:
        if batch.num_rows == 0:
            continue
        # Spark runs one Python worker per task and one task per core:
        # one thread each avoids oversubscribing the cores.
        docs = extractor.extract_batch(batch.column("text").to_pylist(), threads=1)
        table = shushuo.to_arrow(docs, kind, ids=batch.column("doc").to_pylist())
        yield from table.to_batches()


def extract_with_spark(
    corpus: DataFrame,
    extractor: shushuo.Extractor,
    kind: Literal["metrics", "entities"] = "metrics",
) -> DataFrame:
    """One row per metric (or entity) of a DataFrame of string (doc, text) rows."""
    schema = shushuo.spark_schema(kind, doc_type=pa.string())
    func = functools.partial(extract_partition, extractor=extractor, kind=kind)
    return corpus.mapInArrow(func, schema)


def local_session(cores: int = 2) -> SparkSession:
    """A Spark session on ``local[cores]`` without the web UI, whose Python
    workers run this interpreter (so they import the same shushuo)."""
    # pyspark starts its workers with $PYSPARK_PYTHON, else the python3 on PATH.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("shushuo-example")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", str(cores))
        .getOrCreate()
    )


def main() -> int:
    """Extract on local[2], write a Parquet table, read it back and summarise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="text files or directories (default: synthetic corpus)")
    parser.add_argument("--docs", type=int, default=300, help="size of the synthetic corpus")
    parser.add_argument("--out", help="Parquet directory to write (default: a temporary one)")
    args = parser.parse_args()
    rows = read_corpus(args.paths) if args.paths else synthetic_corpus(args.docs)

    spark = local_session()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            out = args.out or str(Path(tmp) / "metrics.parquet")
            corpus = spark.createDataFrame(rows, "doc string, text string").repartition(4)
            t0 = time.perf_counter()
            metrics = extract_with_spark(corpus, shushuo.Extractor(reference_date="2023-03-15"))
            metrics.write.mode("overwrite").parquet(out)
            elapsed = time.perf_counter() - t0
            table = spark.read.parquet(out)
            n = table.count()
            print(f"{len(rows)} documents -> {n} metrics in {elapsed:.2f}s, written to {out}")
            table.groupBy("unit").count().orderBy("count", ascending=False).show(5)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
