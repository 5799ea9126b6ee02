"""The ``shushuo`` command.

::

    shushuo extract [--format table|jsonl|csv|json] [--reference-date YYYY-MM-DD]
                    [--kind metrics|entities|all] [--threads N] PATH...

A PATH may be a file, a directory (its ``*.txt`` files) or ``-`` for standard
input. ``jsonl`` prints one line per document in the evaluation scorer's
prediction format (``doc`` = file stem, char offsets). Files that are missing,
unreadable or not UTF-8 are reported on stderr, naming the file; the others
are still processed and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._shushuo import Document, Extractor, ShushuoError, __version__

_CHUNK = 32
"""Files read and extracted together (one ``extract_batch`` call)."""

_PROGRESS_MIN_FILES = 20
"""Show a progress bar from this many files on (if stderr is a terminal)."""

_KINDS = ("metrics", "entities", "all")
_FORMATS = ("table", "jsonl", "csv", "json")

# New fields are appended, so columns keep their positions.
_CSV_METRICS = [
    "doc", "start", "end", "text", "value", "unit", "kind", "approx", "change",
    "indicator", "period", "region", "borderline", "previous", "si_value", "si_unit",
]
_CSV_ENTITIES = ["doc", "start", "end", "kind", "text", "normalized", "code", "canonical"]
_CSV_ALL = [
    "doc", "record", "start", "end", "text", "kind", "value", "unit", "approx",
    "change", "indicator", "period", "region", "borderline", "normalized", "previous",
    "si_value", "si_unit", "code", "canonical",
]


def _parser() -> argparse.ArgumentParser:
    """The argument parser of the command and its subcommands."""
    parser = argparse.ArgumentParser(
        prog="shushuo",
        description="数说: extract metrics and entities from Chinese reports.",
    )
    parser.add_argument("--version", action="version", version=f"shushuo {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser(
        "extract",
        help="extract metrics and entities from files",
        description="Extract metrics and entities from UTF-8 text files.",
    )
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a directory of *.txt files, or - for standard input",
    )
    ex.add_argument("--format", choices=_FORMATS, default="table", help="output format (default: table)")
    ex.add_argument("--kind", choices=_KINDS, default="all", help="what to output (default: all)")
    ex.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="the day the texts were written, to resolve relative dates",
    )
    ex.add_argument("--threads", type=int, metavar="N", help="worker threads (default: every core)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "extract":
        parser.print_help(sys.stderr)
        return 2
    try:
        extractor = Extractor(reference_date=args.reference_date)
    except ShushuoError as e:
        print(f"shushuo: error: {e}", file=sys.stderr)
        return 2
    if args.threads is not None and args.threads < 1:
        print("shushuo: error: --threads must be at least 1", file=sys.stderr)
        return 2
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper) and (out.encoding or "").lower().replace("-", "") != "utf8":
        out.reconfigure(encoding="utf-8")
    try:
        return _run(args, extractor, out)
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _expand(paths: Sequence[str]) -> list[str]:
    """Directories replaced by their ``*.txt`` files, in name order."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            out.extend(str(f) for f in sorted(Path(p).glob("*.txt")))
        else:
            out.append(p)
    return out


def _doc_name(path: str) -> str:
    """The document name of a path: its stem, or ``stdin`` for ``-``."""
    return "stdin" if path == "-" else Path(path).stem


def _read(path: str) -> str:
    """The text of a file (or stdin for ``-``); ``ValueError`` naming the problem."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise ValueError(e.strerror or str(e)) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 (invalid byte at offset {e.start})") from e


class _Progress:
    """A one-line progress bar on stderr, shown only on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total >= _PROGRESS_MIN_FILES and sys.stderr.isatty()

    def advance(self, n: int) -> None:
        """Count ``n`` more files done and redraw."""
        self.done += n
        if self.active:
            width = 30
            filled = width * self.done // self.total
            bar = "#" * filled + "." * (width - filled)
            sys.stderr.write(f"\r[{bar}] {self.done}/{self.total} files")
            sys.stderr.flush()

    def error(self, message: str) -> None:
        """Print an error line without garbling the bar."""
        prefix = "\r\x1b[K" if self.active else ""
        sys.stderr.write(f"{prefix}shushuo: error: {message}\n")
        sys.stderr.flush()

    def finish(self) -> None:
        """End the bar's line."""
        if self.active:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _run(args: argparse.Namespace, extractor: Extractor, out: TextIO) -> int:
    """Read, extract and print every path; 1 if any failed, else 0."""
    paths = _expand(args.paths)
    progress = _Progress(len(paths))
    writer = _Writer(args.format, args.kind, out)
    failed = 0
    for start in range(0, len(paths), _CHUNK):
        chunk = paths[start : start + _CHUNK]
        names: list[str] = []
        texts: list[str] = []
        for path in chunk:
            try:
                texts.append(_read(path))
                names.append(_doc_name(path))
            except ValueError as e:
                progress.error(f"{path}: {e}")
                failed += 1
        for name, doc in zip(names, extractor.extract_batch(texts, threads=args.threads)):
            writer.write(name, doc)
        out.flush()
        progress.advance(len(chunk))
    writer.close()
    progress.finish()
    if failed:
        print(f"shushuo: {failed} of {len(paths)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def _number(value: float) -> int | float:
    """A value as an int when it is integral (``8660`` rather than ``8660.0``)."""
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _width(s: str) -> int:
    """Terminal columns of ``s``: wide and full-width chars take two."""
    w = 0
    for c in s:
        if unicodedata.combining(c):
            continue
        w += 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1
    return w


def _pad(s: str, width: int) -> str:
    """``s`` padded with spaces to ``width`` terminal columns."""
    return s + " " * (width - _width(s))


def _aligned(rows: list[list[str]]) -> Iterator[str]:
    """Lines of an aligned table (the first row is the header)."""
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for r in rows:
        yield "  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip()


class _Writer:
    """Writes documents to ``out`` in one of the formats."""

    def __init__(self, fmt: str, kind: str, out: TextIO) -> None:
        self.fmt = fmt
        self.metrics = kind in ("metrics", "all")
        self.entities = kind in ("entities", "all")
        self.out = out
        self.count = 0
        self.csv: Any = None
        if fmt == "csv":
            self.csv = csv.writer(out, lineterminator="\n")
            if kind == "metrics":
                self.csv.writerow(_CSV_METRICS)
            elif kind == "entities":
                self.csv.writerow(_CSV_ENTITIES)
            else:
                self.csv.writerow(_CSV_ALL)
        elif fmt == "json":
            out.write("[")

    def write(self, name: str, doc: Document) -> None:
        """Write one document."""
        getattr(self, f"_{self.fmt}")(name, doc)
        self.count += 1

    def close(self) -> None:
        """Finish the output (closes the JSON array)."""
        if self.fmt == "json":
            self.out.write("\n]\n" if self.count else "]\n")

    def _jsonl(self, name: str, doc: Document) -> None:
        """One line of the scorer's prediction format (eval/FORMAT.md)."""
        metrics = []
        if self.metrics:
            metrics = [
                {
                    "start": m.start,
                    "end": m.end,
                    "value": _number(m.value),
                    "unit": m.unit,
                    "approx": m.approx,
                    "indicator": m.indicator,
                    "change": m.change,
                    "region": m.region,
                }
                for m in doc.metrics
            ]
        entities: list[dict[str, str]] = []
        if self.entities:
            seen: set[tuple[str, str]] = set()
            for e in doc.entities:
                if (e.kind, e.text) not in seen:
                    seen.add((e.kind, e.text))
                    entities.append({"type": e.kind, "text": e.text})
        line = {"doc": name, "metrics": metrics, "entities": entities}
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")

    def _json(self, name: str, doc: Document) -> None:
        """One element of a JSON array: every field of every record."""
        obj: dict[str, Any] = {"doc": name, "region": doc.region}
        if self.metrics:
            obj["metrics"] = [m.to_dict() for m in doc.metrics]
        if self.entities:
            obj["entities"] = [e.to_dict() for e in doc.entities]
        sep = "," if self.count else ""
        body = json.dumps(obj, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(f"{sep}\n  {body}")

    def _csv(self, name: str, doc: Document) -> None:
        """One CSV row per metric and/or entity."""
        both = self.metrics and self.entities
        if self.metrics:
            for m in doc.metrics:
                row = m.to_dict()
                row["value"] = _number(m.value)
                if m.previous is not None:
                    row["previous"] = _number(m.previous)
                if m.si_value is not None:
                    row["si_value"] = _number(m.si_value)
                cols = _CSV_ALL if both else _CSV_METRICS
                row.update(doc=name, record="metric")
                self.csv.writerow(["" if row.get(c) is None else row[c] for c in cols])
        if self.entities:
            for e in doc.entities:
                row = e.to_dict()
                cols = _CSV_ALL if both else _CSV_ENTITIES
                row.update(doc=name, record="entity")
                self.csv.writerow(["" if row.get(c) is None else row[c] for c in cols])

    def _table(self, name: str, doc: Document) -> None:
        """An aligned table of metrics and a list of entities by kind."""
        w = self.out.write
        w(f"== {name} (region: {doc.region or '-'})\n")
        if self.metrics:
            rows = [["quantity", "value", "unit", "approx", "change", "period", "region", "indicator"]]
            for m in doc.metrics:
                rows.append(
                    [
                        m.text,
                        str(_number(m.value)),
                        m.unit,
                        m.approx,
                        m.change,
                        m.period or "",
                        m.region or "",
                        m.indicator,
                    ]
                )
            if len(rows) > 1:
                for line in _aligned(rows):
                    w(line + "\n")
            else:
                w("(no metrics)\n")
        if self.entities:
            by_kind: dict[str, list[str]] = {}
            for e in doc.entities:
                names = by_kind.setdefault(e.kind, [])
                if e.text not in names:
                    names.append(e.text)
            if by_kind:
                w("-- entities\n")
                rows = [[k, "、".join(v)] for k, v in by_kind.items()]
                for line in _aligned([["kind", "mentions"], *rows]):
                    w(line + "\n")
            else:
                w("(no entities)\n")
        w("\n")
