"""extract_batch: same results as extract, in order, on any number of
threads, with the GIL released; one extractor shared between threads."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

import shushuo
from conftest import SAMPLE

TEXTS = [
    "全区新增学位8660个。",
    "",
    "2022年9月22日，教育部印发通知。",
    "😀𠀀全区新增学位８６６０个。",
    "累计投入资金31.96亿元，惠及近3.4万名学生。",
    "没有数字。",
]


@pytest.fixture(scope="module")
def corpus(sample_text: str) -> list[str]:
    """Texts of varied length: sentences, the sample report, parts of it."""
    parts = sample_text.split("\n\n")
    return TEXTS + [sample_text] * 3 + parts + ["\n".join(parts[i:]) for i in range(len(parts))]


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 16])
def test_batch_equals_one_by_one(ex: shushuo.Extractor, corpus: list[str], threads: int | None) -> None:
    one_by_one = [ex.extract(t) for t in corpus]
    batch = ex.extract_batch(corpus, threads=threads)
    assert batch == one_by_one
    assert [d.text for d in batch] == corpus


def test_batch_keeps_the_callers_strings(ex: shushuo.Extractor, corpus: list[str]) -> None:
    docs = ex.extract_batch(corpus)
    assert all(d.text is t for d, t in zip(docs, corpus))


def test_batch_takes_any_iterable(ex: shushuo.Extractor) -> None:
    assert ex.extract_batch(iter(TEXTS)) == ex.extract_batch(TEXTS)
    assert ex.extract_batch(t for t in TEXTS) == ex.extract_batch(tuple(TEXTS))
    assert ex.extract_batch([]) == []


def test_batch_errors(ex: shushuo.Extractor) -> None:
    with pytest.raises(TypeError, match="one str"):
        ex.extract_batch("全区新增学位8660个。")
    with pytest.raises(TypeError, match=r"texts\[1\] must be str, not int"):
        ex.extract_batch(["a", 1])  # type: ignore[list-item]
    with pytest.raises(TypeError):
        ex.extract_batch(5)  # type: ignore[arg-type]
    for bad in [0, -2]:
        with pytest.raises(shushuo.ShushuoError, match="threads"):
            ex.extract_batch(["a"], threads=bad)

    def failing() -> Iterator[str]:
        yield "a"
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        ex.extract_batch(failing())


def test_shared_extractor_across_threads(ex: shushuo.Extractor, corpus: list[str]) -> None:
    expected = [ex.extract(t) for t in corpus]
    with ThreadPoolExecutor(max_workers=8) as pool:
        singles = list(pool.map(ex.extract, corpus * 4))
        batches = list(pool.map(lambda _: ex.extract_batch(corpus, threads=2), range(8)))
    assert singles == expected * 4
    assert all(b == expected for b in batches)


def test_batch_releases_the_gil(ex: shushuo.Extractor, sample_text: str) -> None:
    """A Python thread keeps running while a long batch runs."""
    texts = [sample_text * 20] * 400  # about 10 MB
    done = threading.Event()
    elapsed: list[float] = []

    def run() -> None:
        t0 = time.perf_counter()
        ex.extract_batch(texts, threads=1)
        elapsed.append(time.perf_counter() - t0)
        done.set()

    worker = threading.Thread(target=run)
    ticks = 0
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    if elapsed[0] < 0.04:
        pytest.skip(f"batch too quick ({elapsed[0]:.3f}s) to observe")
    # With the GIL held for the whole batch the loop could not tick at all.
    assert ticks >= 10, (ticks, elapsed)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_ctrl_c_interrupts_a_long_batch(sample_text: str) -> None:
    """KeyboardInterrupt reaches a long batch within about a chunk's time."""
    code = (
        "import sys, time, shushuo\n"
        "text = open(sys.argv[1], encoding='utf-8').read() * 100\n"
        "texts = [text] * 1200\n"  # about 150 MB: many seconds of work
        "print('ready', flush=True)\n"
        "t0 = time.perf_counter()\n"
        "try:\n"
        "    shushuo.Extractor().extract_batch(texts)\n"
        "    print('finished', time.perf_counter() - t0)\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', time.perf_counter() - t0)\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, str(SAMPLE)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(1.0)
    sent = time.perf_counter()
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=120)
    waited = time.perf_counter() - sent
    assert out.startswith("interrupted"), out
    assert waited < 10, waited
