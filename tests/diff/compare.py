"""Compares the Rust, C and Python records of the same documents.

    python tests/diff/compare.py --reference-date DATE|default \\
        --rust RUST.json --c C.jsonl FILE...

Run with the Python that has the `shushuo` package installed (the CI venv).
For each FILE, in order:

- Rust: the core's serde JSON of the Document, as printed by
  `cargo run -p shushuo --example extract -- --format json`;
- C, twice: the JSON from `shushuo_document_to_json`, and the records read
  through the getters (tests/diff/c_driver.c);
- Python: `Extractor(...).extract(text)` in this process, as `to_dict()`,
  as the JSON inside its pickle, and through a pickle round trip.

Every pair must be equal as parsed JSON, with strict types (an integer is
not a float, a bool is not an integer) and exact floats (compared by their
bits, so 0.0 and -0.0 differ). Python's offsets are checked to slice the
text (chars) and to agree with Rust's byte offsets. Exits 1 on any
difference, after printing the first few.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import shushuo

MAX_REPORTS = 20


class Diffs:
    def __init__(self) -> None:
        self.count = 0

    def add(self, where: str, message: str) -> None:
        self.count += 1
        if self.count <= MAX_REPORTS:
            print(f"DIFF {where}: {message}", file=sys.stderr)


def strict_diff(a: Any, b: Any, path: str = "") -> str | None:
    """Where a and b differ as JSON values (None when they are equal)."""
    if type(a) is not type(b):
        return f"{path or '/'}: {type(a).__name__} {a!r:.200} != {type(b).__name__} {b!r:.200}"
    if isinstance(a, float):
        return None if a.hex() == b.hex() else f"{path or '/'}: {a!r} != {b!r}"
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"{path or '/'}: keys {sorted(a)} != {sorted(b)}"
        for k in a:
            d = strict_diff(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path or '/'}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = strict_diff(x, y, f"{path}/{i}")
            if d:
                return d
        return None
    return None if a == b else f"{path or '/'}: {a!r:.200} != {b!r:.200}"


def rust_documents(path: Path) -> list[dict[str, Any]]:
    """The concatenated pretty JSON objects of the extract example."""
    text = path.read_text(encoding="utf-8")
    dec = json.JSONDecoder()
    out, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


METRIC_KEYS = (
    "text", "value", "unit", "kind", "approx", "change", "indicator", "period", "region",
    "borderline", "previous", "si_value", "si_unit",
)
ENTITY_KEYS = ("kind", "text", "normalized", "code", "canonical")


def python_record(r: dict[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    """A serde record in the shape of Python's to_dict(): char offsets as
    start and end, and None for the fields serde leaves out."""
    return {"start": r["span"]["char_start"], "end": r["span"]["char_end"], **{k: r.get(k) for k in keys}}


def as_python_dict(doc: dict[str, Any], text: str) -> dict[str, Any]:
    """The core's serde JSON in the shape of Python's Document.to_dict()."""
    return {
        "text": text,
        "region": doc["region"],
        "metrics": [python_record(m, METRIC_KEYS) for m in doc["metrics"]],
        "entities": [python_record(e, ENTITY_KEYS) for e in doc["entities"]],
    }


def check_offsets(doc: dict[str, Any], text: str, raw: bytes, where: str, diffs: Diffs) -> None:
    """Char offsets slice the text to the record's text; byte offsets agree."""
    for kind in ("metrics", "entities"):
        for i, r in enumerate(doc[kind]):
            s = r["span"]
            if text[s["char_start"] : s["char_end"]] != r["text"]:
                diffs.add(where, f"{kind}/{i}: text[{s['char_start']}:{s['char_end']}] is not {r['text']!r}")
            if len(text[: s["char_start"]].encode()) != s["start"] or raw[s["start"] : s["end"]].decode(
                errors="replace"
            ) != r["text"]:
                diffs.add(where, f"{kind}/{i}: byte offsets {s['start']}..{s['end']} disagree with chars")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference-date", required=True, help="YYYY-MM-DD, or 'default' for none")
    ap.add_argument("--rust", type=Path, required=True)
    ap.add_argument("--c", type=Path, required=True)
    ap.add_argument("files", nargs="+", type=Path)
    args = ap.parse_args()

    ex = shushuo.Extractor() if args.reference_date == "default" else shushuo.Extractor(args.reference_date)
    rust = rust_documents(args.rust)
    # Not splitlines(): that also splits at U+2028, U+0085 and others, which
    # the JSON may hold unescaped.
    c_lines = args.c.read_text(encoding="utf-8").split("\n")
    if c_lines and c_lines[-1] == "":
        c_lines.pop()
    diffs = Diffs()
    if len(rust) != len(args.files) or len(c_lines) != 2 * len(args.files):
        print(
            f"{len(args.files)} files but {len(rust)} Rust documents and {len(c_lines)} C lines",
            file=sys.stderr,
        )
        return 1
    metrics = entities = 0
    for k, path in enumerate(args.files):
        where = str(path)
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        r = rust[k]
        if r["doc"] != path.stem:
            diffs.add(where, f"Rust output is for {r['doc']!r}")
            continue
        want = r["document"]
        metrics += len(want["metrics"])
        entities += len(want["entities"])
        c_json, c_getters = (json.loads(line) for line in c_lines[2 * k : 2 * k + 2])
        for name, got in (("C shushuo_document_to_json", c_json), ("C getters", c_getters)):
            d = strict_diff(want, got)
            if d:
                diffs.add(where, f"Rust vs {name}: {d}")
        doc = ex.extract(text)
        d = strict_diff(as_python_dict(want, text), doc.to_dict())
        if d:
            diffs.add(where, f"Rust vs Python to_dict(): {d}")
        pickled = doc.__reduce__()[1][1]
        d = strict_diff(want, json.loads(pickled))
        if d:
            diffs.add(where, f"Rust vs Python pickle JSON: {d}")
        back = pickle.loads(pickle.dumps(doc))
        if back != doc or strict_diff(back.to_dict(), doc.to_dict()):
            diffs.add(where, "Python pickle round trip changed the document")
        check_offsets(want, text, raw, where, diffs)
    label = args.reference_date
    print(
        f"differential [{label}]: {len(args.files)} documents, {metrics} metrics, "
        f"{entities} entities; {diffs.count} difference(s)"
    )
    return 1 if diffs.count else 0


if __name__ == "__main__":
    sys.exit(main())
