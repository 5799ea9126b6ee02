"""The ``shushuo`` command: formats, stdin, errors and exit codes."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import shushuo
from conftest import SAMPLE, SHARED

SCRIPT = Path(sys.executable).parent / ("shushuo.exe" if os.name == "nt" else "shushuo")


def run(*args: str, stdin: bytes | None = None, module: bool = False) -> subprocess.CompletedProcess[str]:
    """Run the installed command (or ``python -m shushuo``)."""
    cmd = [sys.executable, "-m", "shushuo"] if module else [str(SCRIPT)]
    return subprocess.run(
        [*cmd, *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    """A few input files, good and bad."""
    good = tmp_path / "report_a.txt"
    good.write_text("2022年9月22日，教育部印发通知。全区新增学位8660个。", encoding="utf-8")
    other = tmp_path / "report_b.txt"
    other.write_text("😀𠀀全区新增学位８６６０个。", encoding="utf-8")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("caf\u00e9 8660个".encode("latin-1", errors="replace").replace(b"?", b"") + b"\xe9")
    return {"good": good, "other": other, "latin1": latin1, "missing": tmp_path / "nope.txt"}


def test_console_script_is_installed() -> None:
    assert SCRIPT.exists(), SCRIPT
    out = run("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"shushuo {shushuo.__version__}"


def test_help_and_usage_errors() -> None:
    assert run("extract", "--help").returncode == 0
    assert run().returncode == 2
    bad = run("extract", "--format", "xml", "x.txt")
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
    assert run("extract").returncode == 2


def test_jsonl_matches_the_scorer_format(files: dict[str, Path]) -> None:
    out = run("extract", "--format", "jsonl", str(files["good"]), str(files["other"]))
    assert out.returncode == 0, out.stderr
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [line["doc"] for line in lines] == ["report_a", "report_b"]
    for line, path in zip(lines, [files["good"], files["other"]]):
        assert set(line) == {"doc", "metrics", "entities"}
        text = path.read_text(encoding="utf-8")
        doc = shushuo.extract(text)
        assert len(line["metrics"]) == len(doc.metrics)
        for m, want in zip(line["metrics"], doc.metrics):
            assert set(m) == {"start", "end", "value", "unit", "approx", "indicator", "change", "region", "period"}
            assert text[m["start"] : m["end"]] == want.text
            assert m["value"] == want.value
        pairs = [(e["type"], e["text"]) for e in line["entities"]]
        assert len(pairs) == len(set(pairs))
        assert set(pairs) == {(e.kind, e.text) for e in doc.entities}


def test_jsonl_values_found_once_core_extracts(files: dict[str, Path]) -> None:
    out = run("extract", "--format", "jsonl", str(files["other"]))
    (line,) = [json.loads(x) for x in out.stdout.splitlines()]
    (m,) = line["metrics"]
    assert (m["start"], m["end"], m["value"], m["unit"]) == (8, 13, 8660, "个")


def test_kind_filters(files: dict[str, Path]) -> None:
    only_m = json.loads(run("extract", "--format", "jsonl", "--kind", "metrics", str(files["good"])).stdout)
    only_e = json.loads(run("extract", "--format", "jsonl", "--kind", "entities", str(files["good"])).stdout)
    assert only_m["entities"] == [] and only_e["metrics"] == []


def test_stdin(files: dict[str, Path]) -> None:
    data = files["good"].read_bytes()
    out = run("extract", "--format", "jsonl", "-", stdin=data)
    assert out.returncode == 0
    line = json.loads(out.stdout)
    assert line["doc"] == "stdin"
    assert line == {**json.loads(run("extract", "--format", "jsonl", str(files["good"])).stdout), "doc": "stdin"}


def test_directory_argument(files: dict[str, Path]) -> None:
    out = run("extract", "--format", "jsonl", str(files["good"].parent))
    # latin1.txt is in the directory too: reported, the others still printed
    assert out.returncode == 1
    docs = [json.loads(x)["doc"] for x in out.stdout.splitlines()]
    assert docs == ["report_a", "report_b"]


def test_bad_files_are_named_and_others_processed(files: dict[str, Path]) -> None:
    out = run(
        "extract", "--format", "jsonl",
        str(files["missing"]), str(files["good"]), str(files["latin1"]), str(files["other"]),
    )
    assert out.returncode == 1
    assert f"{files['missing']}: No such file or directory" in out.stderr
    assert f"{files['latin1']}: not valid UTF-8" in out.stderr
    assert "2 of 4 inputs failed" in out.stderr
    assert [json.loads(x)["doc"] for x in out.stdout.splitlines()] == ["report_a", "report_b"]
    assert "Traceback" not in out.stderr


def test_unreadable_directory_entry(tmp_path: Path) -> None:
    sub = tmp_path / "dir.txt"
    sub.mkdir()
    out = run("extract", "--format", "jsonl", str(sub))
    assert out.returncode == 0 and out.stdout == ""  # a directory named *.txt: no files in it
    assert "no .txt files" in out.stderr


def test_invalid_reference_date() -> None:
    out = run("extract", "--reference-date", "2023-02-30", str(SAMPLE))
    assert out.returncode == 2
    assert "2023-02-30" in out.stderr and "Traceback" not in out.stderr


def test_csv(files: dict[str, Path]) -> None:
    for kind, first in [("metrics", "doc,start,end,text,value"), ("entities", "doc,start,end,kind,text"),
                        ("all", "doc,record,start")]:
        out = run("extract", "--format", "csv", "--kind", kind, str(files["good"]), str(files["other"]))
        assert out.returncode == 0
        rows = list(csv.reader(io.StringIO(out.stdout)))
        assert ",".join(rows[0]).startswith(first)
        assert all(len(r) == len(rows[0]) for r in rows)
        doc_col = [r[0] for r in rows[1:]]
        assert set(doc_col) <= {"report_a", "report_b"}


def test_csv_and_json_carry_previous(tmp_path: Path) -> None:
    pair = tmp_path / "pair.txt"
    pair.write_text("全区公办中小学由41所增加到67所。", encoding="utf-8")
    for kind in ["metrics", "all"]:
        rows = list(csv.DictReader(io.StringIO(run("extract", "--format", "csv", "--kind", kind, str(pair)).stdout)))
        assert [r["previous"] for r in rows if r["text"] in ("41所", "67所")] == ["", "41"]
    data = json.loads(run("extract", "--format", "json", str(pair)).stdout)
    assert [m["previous"] for m in data[0]["metrics"]] == [None, 41.0]


def test_csv_and_json_carry_si_values(tmp_path: Path) -> None:
    land = tmp_path / "land.txt"
    land.write_text("流转土地3亩，投入8亿元。", encoding="utf-8")
    for kind in ["metrics", "all"]:
        rows = list(csv.DictReader(io.StringIO(run("extract", "--format", "csv", "--kind", kind, str(land)).stdout)))
        metrics = [r for r in rows if r["text"] in ("3亩", "8亿元")]
        assert [r["si_unit"] for r in metrics] == ["m2", ""]
        assert float(metrics[0]["si_value"]) == pytest.approx(2000.0) and metrics[1]["si_value"] == ""
    data = json.loads(run("extract", "--format", "json", "--kind", "metrics", str(land)).stdout)
    assert [m["si_unit"] for m in data[0]["metrics"]] == ["m2", None]
    assert data[0]["metrics"][0]["si_value"] == pytest.approx(2000.0)
    assert data[0]["metrics"][1]["si_value"] is None


def test_csv_and_json_carry_entity_codes(tmp_path: Path) -> None:
    report = tmp_path / "hebei.txt"
    report.write_text("河北省新增学位8660个。", encoding="utf-8")
    for kind, cols in [("entities", "doc,start,end,kind,text,normalized,code,canonical"),
                       ("all", "si_value,si_unit,code,canonical")]:
        out = run("extract", "--format", "csv", "--kind", kind, str(report)).stdout
        assert out.splitlines()[0].endswith(cols)
        for r in csv.DictReader(io.StringIO(out)):
            assert r["code"] == "" or (len(r["code"]) == 6 and r["code"].isdigit())
    data = json.loads(run("extract", "--format", "json", "--kind", "entities", str(report)).stdout)
    assert data[0]["entities"] and all({"code", "canonical"} <= set(e) for e in data[0]["entities"])


def test_json(files: dict[str, Path]) -> None:
    out = run("extract", "--format", "json", str(files["good"]), str(files["other"]))
    data = json.loads(out.stdout)
    assert [d["doc"] for d in data] == ["report_a", "report_b"]
    assert data[0]["metrics"] == [m.to_dict() for m in shushuo.extract(files["good"].read_text("utf-8")).metrics]
    assert json.loads(run("extract", "--format", "json", str(files["missing"])).stdout) == []


def test_table_is_aligned(files: dict[str, Path]) -> None:
    out = run("extract", str(SAMPLE), str(files["good"]), module=True)
    assert out.returncode == 0
    assert "== sample_report" in out.stdout and "== report_a" in out.stdout
    assert "quantity  value" in out.stdout
    assert out.stdout.count("region: ") == 2


def test_width_counts_cjk_as_two() -> None:
    from shushuo.cli import _aligned, _width

    assert _width("ab") == 2 and _width("学位") == 4 and _width("８６") == 4 and _width("e\u0301") == 1
    rows = [["quantity", "unit"], ["8660个", "个"], ["94%", "%"]]
    lines = list(_aligned(rows))
    assert {_width(line[: line.rindex(rows[i][1])]) for i, line in enumerate(lines)} == {10}


def test_many_files_stream(tmp_path: Path) -> None:
    paths = []
    for i in range(70):
        p = tmp_path / f"r{i:03}.txt"
        p.write_text(f"全区新增学位{i + 1}个。", encoding="utf-8")
        paths.append(str(p))
    out = run("extract", "--format", "jsonl", "--threads", "2", *paths)
    assert out.returncode == 0
    assert [json.loads(x)["doc"] for x in out.stdout.splitlines()] == [f"r{i:03}" for i in range(70)]
    assert "\r" not in out.stderr  # no progress bar when stderr is not a terminal


def test_main_in_process(files: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from shushuo.cli import main

    assert main(["extract", "--format", "jsonl", str(files["good"])]) == 0
    assert json.loads(capsys.readouterr().out)["doc"] == "report_a"
    assert main(["extract", "--threads", "0", str(files["good"])]) == 2


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no ../shared beside the checkout")
def test_jsonl_scores_with_the_shared_scorer(tmp_path: Path) -> None:
    corpus = SHARED / "corpus" / "dev"
    pred = tmp_path / "pred.jsonl"
    out = run("extract", "--format", "jsonl", str(corpus))
    assert out.returncode == 0, out.stderr
    pred.write_text(out.stdout, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(SHARED / "gold" / "dev"),
         "--corpus", str(corpus), str(pred)],
        capture_output=True, text=True, timeout=120,
    )
    assert score.returncode == 0, score.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import pty

    paths = []
    for i in range(40):
        p = tmp_path / f"r{i:03}.txt"
        p.write_text("全区新增学位8660个。", encoding="utf-8")
        paths.append(str(p))
    leader, follower = pty.openpty()
    proc = subprocess.run(
        [str(SCRIPT), "extract", "--format", "jsonl", *paths],
        stdout=subprocess.PIPE, stderr=follower, timeout=120,
    )
    os.close(follower)
    err = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        err += chunk
        if b"40/40 files" in err and err.endswith(b"\n"):
            break
    os.close(leader)
    assert proc.returncode == 0
    assert len(proc.stdout.splitlines()) == 40
    assert b"32/40 files" in err and b"40/40 files" in err
