"""The ``shushuo`` command.

::

    shushuo extract [--format table|jsonl|records|csv|json|parquet] [-o FILE]
                    [--kind metrics|entities|all] [--encoding utf-8|gbk|gb18030|big5]
                    [--reference-date YYYY-MM-DD] [--default-region NAME]
                    [--extra-unit WORD=KIND]... [--threads N] PATH...

A PATH may be a file, a directory (its ``*.txt`` files) or ``-`` for standard
input. ``jsonl`` prints one line per document in the evaluation scorer's
prediction format (``doc`` = file stem, char offsets); ``records`` one line
per document with every field of every record; ``parquet`` (needs ``-o`` and
pyarrow) one typed row per record. Files that are missing, unreadable or not
in the encoding are reported on stderr, naming the file; the others are still
processed and the exit status is 1. A leading byte-order mark is dropped
(offsets count from the character after it).

Every error is one line on stderr and an exit status: 2 for invalid
arguments or options, 1 when an input or the output failed, 130 on Ctrl-C.
"""

from __future__ import annotations

import argparse
import codecs
import csv
import importlib
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._frames import ENTITY_COLUMNS, METRIC_COLUMNS
from ._shushuo import Document, Extractor, ShushuoError, __version__

_CHUNK = 32
"""Files read and extracted together (one ``extract_batch`` call)."""

_PROGRESS_MIN_FILES = 20
"""Show a progress bar from this many files on (if stderr is a terminal)."""

_KINDS = ("metrics", "entities", "all")
_FORMATS = ("table", "jsonl", "records", "csv", "json", "parquet")
_ENCODINGS = ("utf-8", "gbk", "gb18030", "big5")

_ENCODING_HINT = "pass --encoding gb18030 (GBK, simplified) or --encoding big5 (traditional) if it is not UTF-8"

_PARQUET_HINT = '--format parquet needs pyarrow: pip install "shushuo-nlp[parquet]"'

# New fields are appended, so columns keep their positions.
_CSV_ALL = [
    "doc", "record", "start", "end", "text", "kind", "value", "unit", "approx",
    "change", "indicator", "period", "region", "borderline", "normalized", "previous",
    "si_value", "si_unit", "code", "canonical",
]

_NUMERIC = {"start": "int64", "end": "int64", "value": "float64", "previous": "float64",
            "si_value": "float64", "borderline": "bool"}
"""Parquet column types other than string."""


class _Usage(Exception):
    """An invalid argument or option: exit status 2."""


class _OutputError(Exception):
    """The output could not be opened or written: exit status 1."""


def _extra_unit(value: str) -> tuple[str, str]:
    """``WORD=KIND`` of ``--extra-unit``."""
    word, sep, kind = value.partition("=")
    if not sep or not word or not kind:
        raise argparse.ArgumentTypeError(f"expected WORD=KIND (e.g. 篇=count), got {value!r}")
    return word, kind


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
        description="Extract metrics and entities from text files.",
    )
    ex.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a text file, a directory of *.txt files, or - for standard input",
    )
    ex.add_argument(
        "--format",
        choices=_FORMATS,
        default="table",
        help="output format (default: table); jsonl = the scorer's format, "
        "records = every field, one JSON line per document; parquet needs -o",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    ex.add_argument("--kind", choices=_KINDS, default="all", help="what to output (default: all)")
    ex.add_argument(
        "--encoding",
        choices=_ENCODINGS,
        default="utf-8",
        help="encoding of the input files (default: utf-8)",
    )
    ex.add_argument(
        "--reference-date",
        metavar="YYYY-MM-DD",
        help="the day the texts were written, to resolve relative dates",
    )
    ex.add_argument(
        "--default-region",
        metavar="NAME",
        help="the region of metrics in texts that name none",
    )
    ex.add_argument(
        "--extra-unit",
        type=_extra_unit,
        action="append",
        default=[],
        metavar="WORD=KIND",
        help="an extra unit word and its kind (count, money, area, measure, duration, "
        "percent, ratio, rank); may be repeated",
    )
    ex.add_argument(
        "--user-dict",
        action="append",
        default=[],
        metavar="FILE",
        help="a user dictionary: lines `word TYPE` (PERSON REGION SCHOOL ORG WORK DATE, "
        "or jieba/LAC nr ns nt PER LOC), `word UNIT kind` or `word STOP` "
        "(suppresses a built-in match); may be repeated",
    )
    ex.add_argument("--threads", type=int, metavar="N", help="worker threads (default: every core)")
    return parser


def _error(message: str) -> None:
    """One ``shushuo: error:`` line on stderr (if there is a stderr)."""
    if sys.stderr is not None:
        sys.stderr.write(f"shushuo: error: {message}\n")
        sys.stderr.flush()


def _drop_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's
    last flush at exit cannot fail again (a closed pipe, a full disk)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command != "extract":
        parser.print_help(sys.stderr)
        return 2
    try:
        return _extract(args)
    except KeyboardInterrupt:
        _error("interrupted")
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): stop quietly.
        _drop_stdout()
        return 1
    except _Usage as e:
        _error(str(e))
        return 2
    except _OutputError as e:
        _error(str(e))
        if args.output is None:
            _drop_stdout()
        return 1


def _extract(args: argparse.Namespace) -> int:
    """The ``extract`` command; raises ``_Usage`` or ``_OutputError``."""
    options: dict[str, Any] = {}
    if args.default_region is not None:
        options["default_region"] = args.default_region
    if args.extra_unit:
        options["extra_units"] = dict(args.extra_unit)
    if args.user_dict:
        options["user_dict"] = args.user_dict
    try:
        extractor = Extractor(reference_date=args.reference_date, **options)
    except (ShushuoError, OSError) as e:
        raise _Usage(str(e)) from None
    if args.threads is not None and args.threads < 1:
        raise _Usage("--threads must be at least 1")
    if args.format == "parquet" and args.output is None:
        raise _Usage("--format parquet writes a file: name it with -o FILE")
    writer = _Writer(args.format, args.kind, args.output)
    try:
        return _run(args, extractor, writer)
    finally:
        writer.abandon()


def _expand(paths: Sequence[str]) -> list[str]:
    """Directories replaced by their ``*.txt`` files, in name order; a
    warning for a directory that holds none."""
    out: list[str] = []
    for p in paths:
        if p != "-" and os.path.isdir(p):
            found = [str(f) for f in sorted(Path(p).glob("*.txt"))]
            if not found and sys.stderr is not None:
                sys.stderr.write(f"shushuo: warning: {p}: no .txt files in this directory\n")
            out.extend(found)
        else:
            out.append(p)
    return out


def _doc_name(path: str) -> str:
    """The document name of a path: its stem, or ``stdin`` for ``-``."""
    return "stdin" if path == "-" else Path(path).stem


def _decode(data: bytes, encoding: str) -> str:
    """``data`` decoded, without a leading byte-order mark; ``ValueError``
    naming the problem (with a hint at ``--encoding`` for UTF-8)."""
    if encoding == "utf-8" and data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"  # decodes by its BOM, and drops it
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        if encoding == "utf-8":
            raise ValueError(f"not valid UTF-8 (invalid byte at offset {e.start}); {_ENCODING_HINT}") from e
        raise ValueError(f"not valid {encoding.upper()} (invalid byte at offset {e.start})") from e
    return text[1:] if text.startswith("\ufeff") else text


def _read(path: str, encoding: str) -> str:
    """The text of a file (or stdin for ``-``); ``ValueError`` naming the problem."""
    try:
        if path == "-":
            if sys.stdin is None:
                raise ValueError("standard input is closed")
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as f:
                data = f.read()
    except OSError as e:
        raise ValueError(e.strerror or str(e)) from e
    return _decode(data, encoding)


class _Progress:
    """A one-line progress bar on stderr, shown only on a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total >= _PROGRESS_MIN_FILES and sys.stderr is not None and sys.stderr.isatty()

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
        if self.active:
            sys.stderr.write("\r\x1b[K")
        _error(message)

    def finish(self) -> None:
        """End the bar's line."""
        if self.active:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _run(args: argparse.Namespace, extractor: Extractor, writer: _Writer) -> int:
    """Read, extract and write every path; 1 if any failed, else 0."""
    paths = _expand(args.paths)
    progress = _Progress(len(paths))
    failed = 0
    for start in range(0, len(paths), _CHUNK):
        chunk = paths[start : start + _CHUNK]
        names: list[str] = []
        texts: list[str] = []
        for path in chunk:
            try:
                texts.append(_read(path, args.encoding))
                names.append(_doc_name(path))
            except ValueError as e:
                progress.error(f"{path}: {e}")
                failed += 1
        for name, doc in zip(names, extractor.extract_batch(texts, threads=args.threads)):
            writer.write(name, doc)
        writer.flush()
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


def _columns(metrics: bool, entities: bool) -> Sequence[str]:
    """The CSV and parquet columns for what is output."""
    if metrics and entities:
        return _CSV_ALL
    return METRIC_COLUMNS if metrics else ENTITY_COLUMNS


class _Writer:
    """Writes documents to standard output or a file in one of the formats.

    Output failures (cannot open, disk full) raise ``_OutputError``; a closed
    pipe on standard output raises ``BrokenPipeError``.
    """

    def __init__(self, fmt: str, kind: str, path: str | None) -> None:
        self.fmt = fmt
        self.metrics = kind in ("metrics", "all")
        self.entities = kind in ("entities", "all")
        self.path = path
        self.where = path if path is not None else "standard output"
        self.count = 0
        self.csv: Any = None
        self.parquet: Any = None
        self.arrow: Any = None
        self.schema: Any = None
        self.rows: list[dict[str, Any]] = []
        self.out: TextIO
        if fmt == "parquet":
            self._open_parquet()
            return
        if path is not None:
            self.out = self._guard(lambda: open(path, "w", encoding="utf-8", newline=""))
        elif sys.stdout is None:
            raise _OutputError("standard output is closed (use -o FILE)")
        else:
            self.out = sys.stdout
            if isinstance(self.out, io.TextIOWrapper) and (self.out.encoding or "").lower().replace("-", "") != "utf8":
                self.out.reconfigure(encoding="utf-8")
        if fmt == "csv":
            self.csv = csv.writer(self.out, lineterminator="\n")
            self._guard(lambda: self.csv.writerow(_columns(self.metrics, self.entities)))
        elif fmt == "json":
            self._guard(lambda: self.out.write("["))

    def _guard(self, action: Any) -> Any:
        """Run ``action()``, turning an ``OSError`` (other than a closed pipe)
        into an ``_OutputError`` naming the output."""
        try:
            return action()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise _OutputError(f"cannot write {self.where}: {e.strerror or e}") from None

    def _open_parquet(self) -> None:
        """Open the parquet file, with a schema of typed columns."""
        try:
            # Imported by name: pyarrow ships no type information.
            pa = importlib.import_module("pyarrow")
            pq = importlib.import_module("pyarrow.parquet")
        except ImportError:
            raise _Usage(_PARQUET_HINT) from None
        types = {"int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
        self.schema = pa.schema(
            [(c, types[_NUMERIC[c]] if c in _NUMERIC else pa.string()) for c in _columns(self.metrics, self.entities)]
        )
        self.arrow = pa
        self.parquet = self._guard(lambda: pq.ParquetWriter(self.path, self.schema))

    def write(self, name: str, doc: Document) -> None:
        """Write one document."""
        self._guard(lambda: getattr(self, f"_{self.fmt}")(name, doc))
        self.count += 1

    def flush(self) -> None:
        """Write out what is buffered (parquet: one row group)."""
        if self.parquet is not None:
            if self.rows:
                table = self.arrow.Table.from_pylist(self.rows, schema=self.schema)
                self.rows = []
                self._guard(lambda: self.parquet.write_table(table))
        else:
            self._guard(self.out.flush)

    def close(self) -> None:
        """Finish the output (closes the JSON array, the file)."""
        if self.fmt == "json":
            self._guard(lambda: self.out.write("\n]\n" if self.count else "]\n"))
        self.flush()
        if self.parquet is not None:
            parquet, self.parquet = self.parquet, None
            self._guard(parquet.close)
        elif self.path is not None:
            self._guard(self.out.close)

    def abandon(self) -> None:
        """Release an output file left open by an error (not written further)."""
        try:
            if self.parquet is not None:
                self.parquet.close()
            elif self.path is not None and not self.out.closed:
                self.out.close()
        except (OSError, AttributeError):
            pass

    def _jsonl(self, name: str, doc: Document) -> None:
        """One line of the scorer's prediction format (eval/FORMAT.md),
        written by the core, as the Rust ``extract`` example writes it."""
        self.out.write(doc.to_prediction(name, metrics=self.metrics, entities=self.entities) + "\n")

    def _full(self, name: str, doc: Document) -> dict[str, Any]:
        """Every field of every record of one document."""
        obj: dict[str, Any] = {"doc": name, "region": doc.region}
        if self.metrics:
            obj["metrics"] = [m.to_dict() for m in doc.metrics]
        if self.entities:
            obj["entities"] = [e.to_dict() for e in doc.entities]
        return obj

    def _records(self, name: str, doc: Document) -> None:
        """One JSON line per document: every field of every record."""
        self.out.write(json.dumps(self._full(name, doc), ensure_ascii=False) + "\n")

    def _json(self, name: str, doc: Document) -> None:
        """One element of a JSON array: every field of every record."""
        sep = "," if self.count else ""
        body = json.dumps(self._full(name, doc), ensure_ascii=False, indent=2).replace("\n", "\n  ")
        self.out.write(f"{sep}\n  {body}")

    def _rows(self, name: str, doc: Document) -> Iterator[dict[str, Any]]:
        """One dict per metric and/or entity, with ``doc`` and ``record``."""
        if self.metrics:
            for m in doc.metrics:
                row = m.to_dict()
                row.update(doc=name, record="metric")
                yield row
        if self.entities:
            for e in doc.entities:
                row = e.to_dict()
                row.update(doc=name, record="entity")
                yield row

    def _csv(self, name: str, doc: Document) -> None:
        """One CSV row per metric and/or entity."""
        cols = _columns(self.metrics, self.entities)
        for row in self._rows(name, doc):
            for c in ("value", "previous", "si_value"):
                if row.get(c) is not None:
                    row[c] = _number(row[c])
            self.csv.writerow(["" if row.get(c) is None else row[c] for c in cols])

    def _parquet(self, name: str, doc: Document) -> None:
        """Typed rows, written as a row group by ``flush``."""
        self.rows.extend(self._rows(name, doc))

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
