"""Extractor.pipe (lazy, ordered, a batch at a time), progress bars on
pipe and extract_batch, and the ``threads`` argument's checks."""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterator

import pytest

import shushuo

TEXTS = [f"全区新增学位{i + 1}个，{2000 + i % 20}年投入资金{i}亿元。" for i in range(300)]


class Counted:
    """An iterator over texts that counts how many were read."""

    def __init__(self, texts: Iterator[str]) -> None:
        self.texts = texts
        self.read = 0

    def __iter__(self) -> Counted:
        return self

    def __next__(self) -> str:
        text = next(self.texts)
        self.read += 1
        return text


@pytest.mark.parametrize(("batch_size", "threads"), [(1, 1), (7, 2), (256, None), (1000, 3)])
def test_pipe_equals_extract_batch(ex: shushuo.Extractor, batch_size: int, threads: int | None) -> None:
    piped = list(ex.pipe(TEXTS, batch_size=batch_size, threads=threads))
    assert piped == ex.extract_batch(TEXTS)
    assert all(d.text is t for d, t in zip(piped, TEXTS))


def test_pipe_is_lazy_and_reads_one_batch_at_a_time(ex: shushuo.Extractor) -> None:
    source = Counted(iter(TEXTS))
    docs = ex.pipe(source, batch_size=10)
    assert source.read == 0  # nothing read before the first document is asked for
    first = next(docs)
    assert first == ex.extract(TEXTS[0]) and source.read == 10
    for _ in range(9):
        next(docs)
    assert source.read == 10
    next(docs)
    assert source.read == 20


def test_pipe_streams_an_endless_source(ex: shushuo.Extractor) -> None:
    endless = Counted(itertools.cycle(TEXTS[:5]))
    docs = list(itertools.islice(ex.pipe(endless, batch_size=16, threads=2), 40))
    assert [d.text for d in docs] == (TEXTS[:5] * 8)
    assert endless.read == 48  # three batches of 16, no more


def test_pipe_empty_and_exhausted(ex: shushuo.Extractor) -> None:
    docs = ex.pipe([])
    assert list(docs) == [] and list(docs) == []
    it = ex.pipe(["全区新增学位8660个。"], batch_size=1)
    assert iter(it) is it
    assert len(next(it).metrics) == 1
    with pytest.raises(StopIteration):
        next(it)


def test_pipe_errors(ex: shushuo.Extractor) -> None:
    with pytest.raises(TypeError, match="one str"):
        ex.pipe("全区新增学位8660个。")
    with pytest.raises(TypeError):
        ex.pipe(5)  # type: ignore[arg-type]
    for bad in [0, -3]:
        with pytest.raises(shushuo.ShushuoError, match="batch_size must be at least 1"):
            ex.pipe(TEXTS, batch_size=bad)
    docs = ex.pipe(["a", "b", "c", 4, "e"], batch_size=2)  # type: ignore[list-item]
    assert [d.text for d in itertools.islice(docs, 2)] == ["a", "b"]
    with pytest.raises(TypeError, match=r"texts\[3\] must be str, not int"):
        next(docs)
    assert list(docs) == []  # finished after the error

    def failing() -> Iterator[str]:
        yield "a"
        raise RuntimeError("source broke")

    with pytest.raises(RuntimeError, match="source broke"):
        list(ex.pipe(failing()))


@pytest.mark.parametrize("method", ["extract_batch", "pipe"])
def test_threads_are_checked(ex: shushuo.Extractor, method: str) -> None:
    run = getattr(ex, method)
    for bad in [0, -1, -(10**30)]:
        with pytest.raises(shushuo.ShushuoError, match="threads must be at least 1"):
            list(run(TEXTS[:3], threads=bad))
    for wrong in ["2", 1.5, True]:
        with pytest.raises(TypeError, match="threads must be an int or None"):
            list(run(TEXTS[:3], threads=wrong))
    # Far more threads than cores: capped, same result.
    assert list(run(TEXTS, threads=10**30)) == ex.extract_batch(TEXTS, threads=1)
    assert list(run(TEXTS, threads=10_000)) == ex.extract_batch(TEXTS, threads=1)


def test_progress_bars(ex: shushuo.Extractor, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    assert ex.extract_batch(TEXTS, progress=True) == ex.extract_batch(TEXTS)
    err = capsys.readouterr().err
    assert "extract_batch" in err and f"{len(TEXTS)}/{len(TEXTS)}" in err and "100%" in err
    assert list(ex.pipe(TEXTS, batch_size=50, progress=True)) == ex.extract_batch(TEXTS)
    err = capsys.readouterr().err
    assert "pipe" in err and f"{len(TEXTS)}/{len(TEXTS)}" in err
    # A source of unknown length: a count without a total.
    assert len(list(ex.pipe(iter(TEXTS), batch_size=100, progress=True))) == len(TEXTS)
    assert f"{len(TEXTS)}doc" in capsys.readouterr().err
    assert shushuo.extract_batch(TEXTS[:4], progress=True) == ex.extract_batch(TEXTS[:4])
    assert "4/4" in capsys.readouterr().err
    ex.extract_batch(TEXTS)
    list(ex.pipe(TEXTS))
    assert capsys.readouterr().err == ""  # no bar unless asked


class Recorder:
    """Stands in for a tqdm bar: records what it is told."""

    def __init__(self, total: int | None, desc: str) -> None:
        self.total, self.desc = total, desc
        self.updates: list[int] = []
        self.closed = False
        BARS.append(self)

    def update(self, n: int) -> None:
        self.updates.append(n)

    def close(self) -> None:
        self.closed = True


BARS: list[Recorder] = []


def test_progress_advances_per_batch(ex: shushuo.Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    import shushuo._progress

    monkeypatch.setattr(shushuo._progress, "bar", Recorder)
    BARS.clear()
    docs = ex.pipe(iter(TEXTS), batch_size=50, progress=True)
    next(docs)
    (bar,) = BARS
    assert (bar.total, bar.desc, bar.updates, bar.closed) == (None, "pipe", [50], False)
    rest = list(docs)
    assert len(rest) == len(TEXTS) - 1
    assert bar.updates == [50] * 6 and bar.closed
    # extract_batch advances a chunk of text at a time (a few hundred kB).
    big = [t * 2000 for t in TEXTS[:40]]
    ex.extract_batch(big, progress=True)
    assert BARS[1].total == 40 and sum(BARS[1].updates) == 40 and len(BARS[1].updates) > 1
    assert BARS[1].closed


def test_progress_without_tqdm_says_how_to_install(ex: shushuo.Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ["tqdm", "tqdm.auto"]:
        monkeypatch.setitem(sys.modules, name, None)
    hint = r'pip install "shushuo-nlp\[progress\]"'
    with pytest.raises(ImportError, match=hint):
        ex.extract_batch(TEXTS, progress=True)
    with pytest.raises(ImportError, match=hint):
        ex.pipe(TEXTS, progress=True)  # at once, not at the first document
    assert len(list(ex.pipe(TEXTS[:3]))) == 3  # without progress, tqdm is not needed
