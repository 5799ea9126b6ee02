"""How long ``to_dataframe`` (and ``to_arrow``, ``to_polars``) take next to
extracting the same documents.

    python python/bench/frames.py [--mb 4] [--repeat 3] [--threads N]

The corpus is the bundled sample report (examples/sample_report.txt) repeated
as separate documents until it reaches ``--mb`` megabytes of UTF-8. Prints
the best of ``--repeat`` wall times of ``extract_batch`` and of each
conversion of its documents (metrics; ``ids`` = file-like names), and the
ratio to extraction; the issue's target is ``to_dataframe`` <= extraction.
``records loop`` is the old way, a DataFrame from ``to_dict()`` of each
record, for comparison.
"""

from __future__ import annotations

import argparse
import importlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shushuo

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_report.txt"


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    """The wall seconds of the fastest of ``repeat`` calls of ``fn``."""
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return min(runs)


def records_loop(docs: list[shushuo.Document], ids: list[str]) -> Any:
    """A DataFrame built in Python from every record's ``to_dict()``."""
    pd = importlib.import_module("pandas")
    rows = [{"doc": i, **m.to_dict()} for i, d in zip(ids, docs) for m in d.metrics]
    return pd.DataFrame(rows, columns=list(shushuo.METRIC_COLUMNS))


def main() -> None:
    """Build the corpus, time extraction and each conversion, print a table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB of UTF-8 (default 4)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", type=int, default=None, help="extract_batch threads (default: every core)")
    args = parser.parse_args()

    load = os.getloadavg()[0]
    sample = SAMPLE.read_text(encoding="utf-8")
    n_docs = max(1, round(args.mb * 1e6 / len(sample.encode())))
    texts = [sample] * n_docs
    ids = [f"report_{i:05}" for i in range(n_docs)]
    ex = shushuo.Extractor()
    docs = ex.extract_batch(texts, threads=args.threads)
    n_metrics = sum(len(d.metrics) for d in docs)
    mb = n_docs * len(sample.encode()) / 1e6
    print(f"shushuo {shushuo.__version__}; {n_docs} documents, {mb:.2f} MB, {n_metrics} metrics; "
          f"{os.cpu_count()} CPUs; best of {args.repeat}")
    extract = best_of(args.repeat, lambda: ex.extract_batch(texts, threads=args.threads))
    rows = [("extract_batch", extract)]
    rows.append(("to_arrow", best_of(args.repeat, lambda: shushuo.to_arrow(docs, ids=ids))))
    try:
        importlib.import_module("polars")
        rows.append(("to_polars", best_of(args.repeat, lambda: shushuo.to_polars(docs, ids=ids))))
    except ImportError:
        pass
    rows.append(("to_dataframe", best_of(args.repeat, lambda: shushuo.to_dataframe(docs, ids=ids))))
    rows.append(("records loop (old way)", best_of(args.repeat, lambda: records_loop(docs, ids))))
    print(f"{'':<24} {'wall s':>8} {'x extract':>10}")
    for name, wall in rows:
        print(f"{name:<24} {wall:>8.3f} {wall / extract:>10.2f}")
    print(f"load average before the run: {load:.2f} (other processes share the cores)")


if __name__ == "__main__":
    main()
