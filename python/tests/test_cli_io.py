"""The ``shushuo`` command's output files and formats (records, parquet),
input encodings and byte-order marks, extractor options, and its failures:
one line on stderr and an exit status, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import shushuo
from conftest import SAMPLE
from test_cli import SCRIPT, run

TEXT = "2022年9月22日，教育部印发通知。全区新增学位8660个。"


def one_line_error(out: subprocess.CompletedProcess[str], code: int, *needles: str) -> None:
    """The run failed with ``code`` and a single stderr line holding ``needles``."""
    assert out.returncode == code, (out.returncode, out.stderr)
    assert "Traceback" not in out.stderr
    lines = out.stderr.splitlines()
    assert len(lines) == 1, out.stderr
    for n in needles:
        assert n in lines[0], out.stderr


@pytest.fixture()
def report(tmp_path: Path) -> Path:
    """One UTF-8 report."""
    path = tmp_path / "report.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_output_file(report: Path, tmp_path: Path) -> None:
    dest = tmp_path / "out.jsonl"
    out = run("extract", "--format", "jsonl", "-o", str(dest), str(report))
    assert out.returncode == 0 and out.stdout == ""
    assert dest.read_text(encoding="utf-8") == run("extract", "--format", "jsonl", str(report)).stdout


def test_records_carry_every_field(report: Path) -> None:
    out = run("extract", "--format", "records", str(report), str(SAMPLE))
    assert out.returncode == 0
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["doc"] for x in lines] == ["report", "sample_report"]
    doc = shushuo.extract(TEXT)
    assert lines[0] == {
        "doc": "report",
        "region": doc.region,
        "metrics": [m.to_dict() for m in doc.metrics],
        "entities": [e.to_dict() for e in doc.entities],
    }
    only = json.loads(run("extract", "--format", "records", "--kind", "metrics", str(report)).stdout)
    assert "entities" not in only and len(only["metrics"]) == len(doc.metrics)


def test_parquet_has_typed_columns(report: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    dest = tmp_path / "out.parquet"
    out = run("extract", "--format", "parquet", "--kind", "metrics", "-o", str(dest), str(report), str(SAMPLE))
    assert out.returncode == 0, out.stderr
    table = pq.read_table(dest)
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("value").type == pa.float64()
    assert table.schema.field("borderline").type == pa.bool_()
    assert table.schema.field("previous").type == pa.float64()
    assert table.schema.field("unit").type == pa.string()
    rows = table.to_pylist()
    docs = {"report": shushuo.extract(TEXT), "sample_report": shushuo.extract(SAMPLE.read_text("utf-8"))}
    assert len(rows) == sum(len(d.metrics) for d in docs.values())
    for row in rows:
        doc = docs[row["doc"]]
        assert doc.text[row["start"] : row["end"]] == row["text"]
    assert rows[0] == {"doc": "report", **docs["report"].metrics[0].to_dict()}

    both = tmp_path / "all.parquet"
    assert run("extract", "--format", "parquet", "-o", str(both), str(report)).returncode == 0
    kinds = pq.read_table(both).column("record").to_pylist()
    assert sorted(set(kinds)) == ["entity", "metric"]


def test_parquet_needs_a_file_and_pyarrow(
    report: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    one_line_error(run("extract", "--format", "parquet", str(report)), 2, "-o FILE")
    from shushuo.cli import main

    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["extract", "--format", "parquet", "-o", str(tmp_path / "x.parquet"), str(report)]) == 2
    err = capsys.readouterr().err
    assert 'pip install "shushuo-nlp[parquet]"' in err and len(err.splitlines()) == 1


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "big5"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = "全區新增學位8660個。" if encoding == "big5" else "全区新增学位8660个。"
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    refused = run("extract", "--format", "jsonl", str(path))
    assert refused.returncode == 1
    assert "not valid UTF-8" in refused.stderr and "--encoding gb18030" in refused.stderr
    assert "--encoding big5" in refused.stderr and "Traceback" not in refused.stderr
    out = run("extract", "--format", "jsonl", "--encoding", encoding, str(path))
    assert out.returncode == 0, out.stderr
    (m,) = json.loads(out.stdout)["metrics"]
    assert (text[m["start"] : m["end"]], m["value"]) == (text[6:11], 8660)


def test_wrong_encoding_is_named(tmp_path: Path) -> None:
    path = tmp_path / "utf8.txt"
    path.write_bytes("全区新增学位8660个。".encode("utf-8") + b"\xff")
    out = run("extract", "--encoding", "big5", str(path))
    assert out.returncode == 1 and "not valid BIG5" in out.stderr


@pytest.mark.parametrize("bom", ["utf-8-sig", "utf-16", "utf-16-be"])
def test_byte_order_mark_is_dropped(tmp_path: Path, bom: str) -> None:
    path = tmp_path / "bom.txt"
    data = TEXT.encode(bom)
    if bom == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    out = run("extract", "--format", "jsonl", str(path))
    assert out.returncode == 0, out.stderr
    plain = run("extract", "--format", "jsonl", "-", stdin=TEXT.encode())
    assert json.loads(out.stdout) == {**json.loads(plain.stdout), "doc": "bom"}
    (m,) = json.loads(out.stdout)["metrics"]
    assert TEXT[m["start"] : m["end"]] == "8660个"


def test_gb18030_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    path.write_bytes("\ufeff".encode("gb18030") + TEXT.encode("gb18030"))
    out = run("extract", "--format", "jsonl", "--encoding", "gb18030", str(path))
    (m,) = json.loads(out.stdout)["metrics"]
    assert TEXT[m["start"] : m["end"]] == "8660个"


def test_directory_without_txt_warns(tmp_path: Path, report: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text(TEXT, encoding="utf-8")
    out = run("extract", "--format", "jsonl", str(empty), str(report))
    assert out.returncode == 0
    assert f"warning: {empty}: no .txt files" in out.stderr
    assert [json.loads(x)["doc"] for x in out.stdout.splitlines()] == ["report"]


def test_extractor_options(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("新增学位8660个，今年种植小麦12垧。", encoding="utf-8")
    plain = json.loads(run("extract", "--format", "jsonl", str(path)).stdout)["metrics"]
    assert [m["unit"] for m in plain] == ["个"] and plain[0]["region"] is None
    out = run("extract", "--format", "jsonl", "--default-region", "江北区", "--extra-unit", "垧=area",
              "--extra-unit", "篇=count", str(path))
    metrics = json.loads(out.stdout)["metrics"]
    assert [(m["unit"], m["value"]) for m in metrics] == [("个", 8660), ("垧", 12)]
    assert metrics[0]["region"] == "江北区"
    one_line_error(run("extract", "--extra-unit", "垧=acre", str(path)), 2, "acre")
    bad = run("extract", "--extra-unit", "垧", str(path))
    assert bad.returncode == 2 and "WORD=KIND" in bad.stderr and "Traceback" not in bad.stderr


def test_reference_date_option(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("去年底全区新增学位8660个。", encoding="utf-8")
    out = run("extract", "--format", "records", "--reference-date", "2023-06-30", str(path))
    want = shushuo.Extractor(reference_date="2023-06-30").extract(path.read_text("utf-8"))
    assert json.loads(out.stdout)["metrics"] == [m.to_dict() for m in want.metrics]


def test_full_disk_is_one_line(report: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    one_line_error(run("extract", "-o", "/dev/full", str(report)), 1, "cannot write /dev/full", "No space left")
    with open("/dev/full", "w") as full:
        out = subprocess.run([str(SCRIPT), "extract", str(report)], stdout=full, stderr=subprocess.PIPE,
                             text=True, timeout=120)
    one_line_error(out, 1, "cannot write standard output", "No space left")


def test_unwritable_output_is_one_line(report: Path, tmp_path: Path) -> None:
    one_line_error(run("extract", "-o", str(tmp_path / "no" / "such.txt"), str(report)), 1, "cannot write")


def _shell(cmd: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``cmd`` under sh with ``$0`` = the command and ``$@`` = args."""
    return subprocess.run(["sh", "-c", cmd, str(SCRIPT), *args], capture_output=True, text=True, timeout=120)


def test_closed_stdout_and_stdin(report: Path) -> None:
    one_line_error(_shell('"$0" "$@" >&-', "extract", str(report)), 1, "standard output is closed")
    out = _shell('"$0" "$@" <&-', "extract", "--format", "jsonl", "-")
    assert out.returncode == 1 and "-: standard input is closed" in out.stderr
    assert "Traceback" not in out.stderr


def test_reader_going_away_is_quiet(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(60):
        p = tmp_path / f"r{i:02}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(str(p))
    proc = subprocess.Popen([str(SCRIPT), "extract", *paths], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(100)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1
    assert err == ""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_exits_130() -> None:
    proc = subprocess.Popen([str(SCRIPT), "extract", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    time.sleep(2)  # started, and waiting for standard input
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode() == "shushuo: error: interrupted\n"
