"""The READMEs' code runs as written.

Every ```python block of README.md and python/README.md is executed, in
order and in one namespace per file (a later block may use an earlier
block's names), in a fresh folder holding the sample report both as
``sample_report.txt`` and as ``examples/sample_report.txt`` (the paths the
two READMEs use). Every ```sh block whose commands are all ``shushuo ...``
command lines (or ``echo ... | shushuo ...``) is run with bash in the same
folder and must exit 0. A block preceded by ``<!-- not run ... -->`` is
left out; there may be at most two such blocks per file. Where spaCy,
pyspark or Java is missing, the test stops with a skip at the first block
that imports them (CI has all three).
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import REPO, SAMPLE

READMES = [REPO / "README.md", REPO / "python" / "README.md"]
FENCE = re.compile(r"^```(\w*)\s*$")
NOT_RUN = "<!-- not run"
CLI_LINE = re.compile(r"^(?:echo .*\| )?shushuo(?: |$)")


@dataclass
class Block:
    lang: str
    line: int  # of the opening fence, 1-based
    code: str
    not_run: bool


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of a Markdown file."""
    out: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and lines[j].rstrip() != "```":
            j += 1
        assert j < len(lines), f"{path.name}:{start + 1}: unclosed code block"
        k = start - 1
        while k >= 0 and not lines[k].strip():
            k -= 1
        not_run = k >= 0 and lines[k].strip().startswith(NOT_RUN)
        out.append(Block(m.group(1), start + 1, "\n".join(lines[start + 1 : j]) + "\n", not_run))
        i = j + 1
    return out


def is_cli(block: Block) -> bool:
    """A shell block of ``shushuo`` command lines only."""
    commands = [line for line in block.code.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return block.lang == "sh" and bool(commands) and all(CLI_LINE.match(c) for c in commands)


def missing_for(block: Block) -> str | None:
    """Why ``block`` cannot run here (an optional package or Java is absent)."""
    code = block.code
    uses = {
        "spacy": re.search(r"^\s*(?:import|from) spacy\b", code, re.M),
        "pyspark": re.search(r"^\s*(?:import|from) pyspark\b", code, re.M) or "spark_schema(" in code,
    }
    for module, used in uses.items():
        if used and importlib.util.find_spec(module) is None:
            return f"{module} is not installed"
    if "SparkSession" in code and shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java for Spark"
    return None


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    shutil.copy(SAMPLE, tmp_path / "sample_report.txt")
    (tmp_path / "examples").mkdir()
    shutil.copy(SAMPLE, tmp_path / "examples" / "sample_report.txt")
    return tmp_path


def test_blocks_are_found() -> None:
    for path in READMES:
        found = blocks(path)
        assert any(b.lang == "python" and not b.not_run for b in found), path
        assert any(is_cli(b) and not b.not_run for b in found), path
        marked = [b.line for b in found if b.not_run]
        assert len(marked) <= 2, f"{path.name}: too many blocks marked not run: lines {marked}"


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(REPO)))
def test_python_blocks_run(readme: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    namespace: dict[str, object] = {"__name__": "__readme__"}
    ran = 0
    for block in blocks(readme):
        if block.lang != "python" or block.not_run:
            continue
        where = f"{readme.relative_to(REPO)}:{block.line}"
        reason = missing_for(block)
        if reason:
            pytest.skip(f"the block at {where} and later ones: {reason}")
        code = compile(block.code, where, "exec")
        out = io.StringIO()
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
                exec(code, namespace)
        except Exception as e:  # the block's location, then the output so far
            raise AssertionError(f"the block at {where} failed: {e!r}\n{out.getvalue()[-2000:]}") from e
        ran += 1
    assert ran >= 1


def _cli_env() -> dict[str, str]:
    """The environment with the venv's scripts (``shushuo``) first on PATH."""
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.parametrize("readme", READMES, ids=lambda p: str(p.relative_to(REPO)))
def test_cli_blocks_run(readme: Path, folder: Path) -> None:
    assert shutil.which("shushuo", path=_cli_env()["PATH"]), "the shushuo command is not installed"
    for block in blocks(readme):
        if not is_cli(block) or block.not_run:
            continue
        run = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block.code],
            cwd=folder, env=_cli_env(), capture_output=True, text=True, timeout=120,
        )
        where = f"{readme.relative_to(REPO)}:{block.line}"
        assert run.returncode == 0, f"the block at {where} exited {run.returncode}: {run.stderr[-2000:]}"
        assert run.stdout.strip() or "-o " in block.code, f"the block at {where} printed nothing"
        for out in re.findall(r"-o (\S+)", block.code):
            assert (folder / out).stat().st_size > 0, f"the block at {where} wrote no {out}"
