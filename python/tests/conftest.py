"""Shared fixtures: an extractor, the bundled sample report, and documents
built from hand-written records (independent of the core's extraction)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

import shushuo

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample_report.txt"
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def ex() -> shushuo.Extractor:
    """An extractor with default options."""
    return shushuo.Extractor()


@pytest.fixture(scope="session")
def sample_text() -> str:
    """The bundled sample report."""
    return SAMPLE.read_text(encoding="utf-8")


def _span(text: str, part: str, occurrence: int = 0) -> dict[str, int]:
    """Byte and char offsets of the ``occurrence``-th ``part`` in ``text``."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(part, at + 1)
    end = at + len(part)
    return {
        "start": len(text[:at].encode()),
        "end": len(text[:end].encode()),
        "char_start": at,
        "char_end": end,
    }


def make_doc(
    text: str,
    metrics: Sequence[dict[str, Any]] = (),
    entities: Sequence[tuple[str, str, str] | tuple[str, str, str, dict[str, Any]]] = (),
    region: str | None = None,
) -> shushuo.Document:
    """A document with the given records, as the core would return it.

    ``metrics`` items need ``text``, ``value`` and ``unit`` and may set any
    other metric field; ``entities`` items are ``(text, KIND, normalized)``,
    optionally with a dict of other entity fields (``code``, ``canonical``).
    """
    ms = []
    for m in metrics:
        full = {
            "span": _span(text, m["text"]),
            "kind": "count",
            "approx": "exact",
            "change": "none",
            "indicator": "",
            "region": None,
            "period": None,
            "borderline": False,
        }
        full.update(m)
        ms.append(full)
    es = [
        {"span": _span(text, e[0]), "kind": e[1], "text": e[0], "normalized": e[2],
         **(e[3] if len(e) > 3 else {})}
        for e in entities
    ]
    doc = {"region": region, "metrics": ms, "entities": es}
    return shushuo.Document._from_json(text, json.dumps(doc, ensure_ascii=False))


@pytest.fixture()
def handmade() -> shushuo.Document:
    """A document with two metrics and three entities, built by hand."""
    text = "2022年，江北区新增学位8660个，普惠率达94.5%。<script>&'\"</script>"
    return make_doc(
        text,
        metrics=[
            {"text": "8660个", "value": 8660.0, "unit": "个", "indicator": "新增学位",
             "region": "江北区", "period": "2022年"},
            {"text": "94.5%", "value": 94.5, "unit": "%", "kind": "percent",
             "indicator": "普惠率<b>", "approx": "about", "change": "increase"},
        ],
        entities=[("2022年", "DATE", "2022"), ("江北区", "REGION", "江北区"), ("script", "WORK", "script")],
        region="江北区",
    )
