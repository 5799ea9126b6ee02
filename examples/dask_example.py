"""Extract metrics from a corpus on a Dask cluster and collect a DataFrame.

    pip install "shushuo-nlp[dask]"       # the distribution is shushuo-nlp; import shushuo
    python examples/dask_example.py                 # a synthetic corpus from the bundled sample
    python examples/dask_example.py DIR_OR_FILES... # your own *.txt files

The pattern scales from a laptop to a cluster: put (doc id, text) rows in a
Dask DataFrame, and in each partition call ``Extractor.extract_batch`` (which
releases the GIL, so thread-based workers run in parallel too) and
``shushuo.to_dataframe``.
The ``Extractor`` is pickled as its options and rebuilt on each worker.
The same function works with Spark's ``mapInPandas``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import shushuo

HERE = Path(__file__).resolve().parent

DISTRICTS = ["江北区", "渝中区", "沙坪坝区", "南岸区", "九龙坡区", "北碚区"]


def synthetic_corpus(n_docs: int) -> pd.DataFrame:
    """``n_docs`` short reports: the bundled sample and per-district variants."""
    sample = (HERE / "sample_report.txt").read_text(encoding="utf-8")
    rows = []
    for i in range(n_docs):
        district = DISTRICTS[i % len(DISTRICTS)]
        if i % 3 == 0:
            text = sample
        else:
            text = (
                f"{2020 + i % 4}年，{district}新增公办中小学学位{1000 + 37 * i}个，"
                f"新建学校{i % 9 + 1}所，累计投入教育经费{i % 50 + 1}.5亿元，"
                f"普惠性幼儿园覆盖率达{80 + i % 20}%。"
            )
        rows.append((f"doc{i:05}", text))
    return pd.DataFrame(rows, columns=["doc", "text"])


def read_corpus(paths: list[str]) -> pd.DataFrame:
    """(doc, text) rows of the given files and directories of ``*.txt``."""
    files: list[Path] = []
    for p in map(Path, paths):
        files.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p])
    return pd.DataFrame(
        [(f.stem, f.read_text(encoding="utf-8")) for f in files], columns=["doc", "text"]
    )


def metrics_of_partition(part: pd.DataFrame, extractor: shushuo.Extractor) -> pd.DataFrame:
    """The metrics of one partition of (doc, text) rows, one row per metric."""
    # Dask already runs one task per worker thread, and the cluster below has
    # one per core: one thread per task avoids oversubscribing the cores. On
    # big workers with threads_per_worker=1, threads=None uses all their cores.
    docs = extractor.extract_batch(part["text"].tolist(), threads=1)
    return shushuo.to_dataframe(docs, kind="metrics", ids=part["doc"].tolist())


def extract_on_cluster(corpus: pd.DataFrame, client: Client, partitions: int = 8) -> pd.DataFrame:
    """Run extraction over ``corpus`` on the cluster behind ``client``."""
    extractor = shushuo.Extractor()
    texts = dd.from_pandas(corpus, npartitions=max(1, min(partitions, len(corpus))))
    meta = shushuo.to_dataframe([], kind="metrics")
    metrics = texts.map_partitions(metrics_of_partition, extractor, meta=meta)
    return client.compute(metrics).result().reset_index(drop=True)


def main() -> int:
    """Start a two-worker local cluster, extract, print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="text files or directories (default: synthetic corpus)")
    parser.add_argument("--docs", type=int, default=600, help="size of the synthetic corpus")
    parser.add_argument("--threads-per-worker", type=int, default=1)
    args = parser.parse_args()
    corpus = read_corpus(args.paths) if args.paths else synthetic_corpus(args.docs)
    with LocalCluster(
        n_workers=2,
        threads_per_worker=args.threads_per_worker,
        processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        t0 = time.perf_counter()
        df = extract_on_cluster(corpus, client)
        elapsed = time.perf_counter() - t0
    mb = corpus["text"].str.len().sum() / 1e6
    print(f"{len(corpus)} documents ({mb:.1f} M chars) -> {len(df)} metrics in {elapsed:.2f}s")
    print(df.head(10).to_string())
    if len(df):
        print(df.groupby("unit")["value"].agg(["count", "sum"]).sort_values("count", ascending=False).head())
    return 0


if __name__ == "__main__":
    sys.exit(main())
