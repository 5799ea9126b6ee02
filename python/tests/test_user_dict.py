"""User dictionaries (``Extractor(user_dict=...)``, ``stop_entities``,
``shushuo extract --user-dict``) and Ctrl-C inside one long text."""

from __future__ import annotations

import json
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import shushuo
from test_cli import SCRIPT, run

TEXT = "江北新苗学堂今年发表论文12篇，华新智造公司在江北区落户。"
DICT = "# a user dictionary\n江北新苗学堂 SCHOOL\n华新智造公司 10 nt\n篇 UNIT count\n江北区 STOP\n"


@pytest.fixture()
def dict_path(tmp_path: Path) -> Path:
    path = tmp_path / "mine.txt"
    path.write_text(DICT, encoding="utf-8")
    return path


def entities(doc: shushuo.Document) -> list[tuple[str, str]]:
    return [(e.text, e.kind) for e in doc.entities]


def test_user_dict_names_units_and_stops(dict_path: Path) -> None:
    plain = shushuo.Extractor().extract(TEXT)
    assert ("江北区", "REGION") in entities(plain)
    for given in (dict_path, str(dict_path), [dict_path]):
        doc = shushuo.Extractor(user_dict=given).extract(TEXT)
        found = entities(doc)
        assert ("江北新苗学堂", "SCHOOL") in found
        assert ("华新智造公司", "ORG") in found
        assert not any(t == "江北区" for t, _ in found)
        assert [(m.value, m.unit) for m in doc.metrics] == [(12, "篇")]


def test_options_keep_the_entries_not_the_path(dict_path: Path) -> None:
    ex = shushuo.Extractor(user_dict=dict_path)
    assert ex.options["extra_entities"] == {"ORG": ["华新智造公司"], "SCHOOL": ["江北新苗学堂"]}
    assert ex.options["stop_entities"] == ["江北区"]
    assert "user_dict" not in ex.options
    dict_path.unlink()
    again = pickle.loads(pickle.dumps(ex))
    assert again.extract(TEXT) == ex.extract(TEXT)


def test_stop_entities_option() -> None:
    doc = shushuo.Extractor(stop_entities=["江北区"]).extract(TEXT)
    assert not any(t == "江北区" for t, _ in entities(doc))


def test_bad_dictionaries(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("江北新苗学堂 SCHOOL\n坏 FOO\n", encoding="utf-8")
    with pytest.raises(shushuo.ShushuoError, match=r"bad\.txt:2: unknown type"):
        shushuo.Extractor(user_dict=bad)
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("江北 STOP\n".encode("gbk"))
    with pytest.raises(shushuo.ShushuoError, match="not UTF-8"):
        shushuo.Extractor(user_dict=gbk)
    with pytest.raises(OSError, match="cannot read"):
        shushuo.Extractor(user_dict=tmp_path / "missing.txt")
    with pytest.raises(TypeError, match="user_dict"):
        shushuo.Extractor(user_dict=3)  # type: ignore[arg-type]


def test_cli_user_dict(dict_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text(TEXT, encoding="utf-8")
    out = run("extract", "--format", "records", "--user-dict", str(dict_path), str(report))
    assert out.returncode == 0, out.stderr
    record = json.loads(out.stdout)
    assert [m["unit"] for m in record["metrics"]] == ["篇"]
    assert {"text": "江北新苗学堂", "kind": "SCHOOL"}.items() <= record["entities"][0].items()
    missing = run("extract", "--user-dict", str(tmp_path / "nope.txt"), str(report))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    assert "Traceback" not in missing.stderr and len(missing.stderr.splitlines()) == 1


CHILD = textwrap.dedent(
    """
    import sys, time, shushuo
    text = "2023年，江北区新增公办中小学学位8660个，累计投入资金31.96亿元，比上年提高0.8个百分点。\\n" * 600_000
    ex = shushuo.Extractor()
    call = ex.extract if sys.argv[1] == "extract" else (lambda t: ex.extract_batch([t], threads=1))
    print("start", flush=True)
    try:
        call(text)
        print("finished", flush=True)
    except KeyboardInterrupt:
        print("interrupted", time.monotonic(), flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("how", ["extract", "extract_batch"])
def test_ctrl_c_inside_one_long_text(how: str) -> None:
    """A 70 MB text takes seconds to read; Ctrl-C half a second in stops it
    at once (the core is cancelled, not waited for)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD, how], stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline() == "start\n"
    time.sleep(0.5)
    sent = time.monotonic()
    proc.send_signal(signal.SIGINT)
    line = proc.stdout.readline().split()
    proc.wait(timeout=60)
    assert line[0] == "interrupted", line
    print(f"stopped {float(line[1]) - sent:.3f} s after Ctrl-C")
    assert float(line[1]) - sent < 1.0
