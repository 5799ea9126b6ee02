"""The type stubs: shipped, consistent with the compiled module (stubtest),
and usable by mypy on typical user code."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

pytest.importorskip("mypy")

USER_CODE = '''
from collections.abc import Iterable
import shushuo

ex = shushuo.Extractor(reference_date="2023-06-30", extra_units={"篇": "count"})
doc: shushuo.Document = ex.extract("全区新增学位8660个。")
docs: list[shushuo.Document] = ex.extract_batch(["a", "b"], threads=2)
docs = shushuo.extract_batch(["a"], progress=False)
stream: Iterable[shushuo.Document] = ex.pipe(iter(["a"]), batch_size=2, threads=1, progress=False)
first: shushuo.Document = next(ex.pipe(["a"]))
columns: list[str] = shushuo.to_polars(docs, kind="entities", ids=["a", "b"]).columns
rows: int = shushuo.to_arrow(docs).num_rows
values: list[float] = [m.value for m in doc.metrics]
starts: list[int] = [e.start for e in doc.entities]
region: str | None = doc.region
html: str = doc._repr_html_()
kinds = {m.kind for m in shushuo.extract("x").metrics}
try:
    shushuo.Extractor(reference_date="bad")
except shushuo.ShushuoError as err:
    message: str = str(err)
'''

BAD_CODE = '''
import shushuo
shushuo.extract(b"bytes")
shushuo.Extractor().extract_batch(["a"], threads="2")
x: int = shushuo.extract("x").region
'''


def test_stub_files_are_shipped() -> None:
    pkg = resources.files("shushuo")
    assert pkg.joinpath("py.typed").is_file()
    assert pkg.joinpath("_shushuo.pyi").is_file()


def test_stubtest() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "shushuo"], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stdout + out.stderr


def _mypy(code: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "user.py"
    path.write_text(code, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )


def test_typical_code_type_checks(tmp_path: Path) -> None:
    out = _mypy(USER_CODE, tmp_path)
    assert out.returncode == 0, out.stdout


def test_misuse_is_caught_by_mypy(tmp_path: Path) -> None:
    out = _mypy(BAD_CODE, tmp_path)
    assert out.returncode == 1
    assert out.stdout.count("error:") == 3, out.stdout
