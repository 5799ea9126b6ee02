"""Throughput of ``Extractor.extract_batch`` on 1, 2, … threads.

    python python/bench/batch_throughput.py [--mb 4] [--threads 1 2] [--repeat 3]

The corpus is the bundled sample report (examples/sample_report.txt) repeated
as separate documents until it reaches ``--mb`` megabytes of UTF-8. Prints the
best of ``--repeat`` runs per thread count, in MB/s and documents/s, and the
plain ``extract`` loop for comparison. CPU seconds above wall seconds show
threads running in parallel; the load average says how busy the machine was.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import shushuo

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample_report.txt"


def best_of(repeat: int, fn) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The (wall, CPU) seconds of the fastest of ``repeat`` calls of ``fn``."""
    runs = []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        runs.append((time.perf_counter() - w0, time.process_time() - c0))
    return min(runs)


def main() -> None:
    """Build the corpus, time each thread count, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=4.0, help="corpus size in MB of UTF-8 (default 4)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    load = os.getloadavg()[0]
    sample = SAMPLE.read_text(encoding="utf-8")
    n_docs = max(1, round(args.mb * 1e6 / len(sample.encode())))
    texts = [sample] * n_docs
    mb = n_docs * len(sample.encode()) / 1e6
    ex = shushuo.Extractor()
    ex.extract(sample)  # warm up
    n_metrics = sum(len(d.metrics) for d in ex.extract_batch(texts[:10])) * n_docs // 10
    print(f"shushuo {shushuo.__version__}; {n_docs} documents, {mb:.2f} MB, ~{n_metrics} metrics; "
          f"{os.cpu_count()} CPUs; best of {args.repeat}")
    rows = []
    t = best_of(args.repeat, lambda: [ex.extract(x) for x in texts])
    rows.append(("extract loop", t))
    for n in args.threads:
        t = best_of(args.repeat, lambda n=n: ex.extract_batch(texts, threads=n))
        rows.append((f"extract_batch threads={n}", t))
    print(f"{'':<26} {'wall s':>8} {'CPU s':>8} {'MB/s':>8} {'docs/s':>9}")
    for name, (wall, cpu) in rows:
        print(f"{name:<26} {wall:>8.3f} {cpu:>8.3f} {mb / wall:>8.2f} {n_docs / wall:>9.0f}")
    print(f"load average before the run: {load:.2f} (other processes share the cores)")


if __name__ == "__main__":
    main()
