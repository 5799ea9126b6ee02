"""What the core extracts, seen from Python, with char offsets on tricky text.

These tests need the core's metric and entity extraction; the sentences are
the simple ones every version of the core is expected to handle.
"""

from __future__ import annotations

import pytest

import shushuo


def _only_metric(doc: shushuo.Document) -> shushuo.Metric:
    assert len(doc.metrics) == 1, doc.metrics
    return doc.metrics[0]


def test_simple_metric(ex: shushuo.Extractor) -> None:
    doc = ex.extract("全区新增学位8660个。")
    m = _only_metric(doc)
    assert (m.value, m.unit, m.text, m.start, m.end) == (8660.0, "个", "8660个", 6, 11)
    assert (m.approx, m.change, m.kind) == ("exact", "none", "count")


def test_date_and_org(ex: shushuo.Extractor) -> None:
    doc = ex.extract("2022年9月22日，教育部印发通知。")
    found = {(e.kind, e.text, e.normalized) for e in doc.entities}
    assert ("DATE", "2022年9月22日", "2022-09-22") in found
    assert ("ORG", "教育部", "教育部") in {(k, t, n) for k, t, n in found}
    assert doc.metrics == []
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text


@pytest.mark.parametrize(
    ("text", "quantity", "start"),
    [
        # astral chars (emoji, CJK extension B) before the metric: char
        # offsets differ from UTF-16 and byte offsets
        ("😀𠀀全区新增学位8660个。", "8660个", 8),
        ("📊📊📊 全区新增学位8660个。", "8660个", 10),
        # full-width digits
        ("全区新增学位８６６０个。", "８６６０个", 6),
        # combining marks and a zero-width joiner earlier in the text
        ("e\u0301👩\u200d🏫全区新增学位8660个。", "8660个", 11),
    ],
    ids=["astral", "emoji-and-space", "full-width-digits", "combining-and-zwj"],
)
def test_char_offsets_on_tricky_text(ex: shushuo.Extractor, text: str, quantity: str, start: int) -> None:
    m = _only_metric(ex.extract(text))
    assert m.value == 8660.0 and m.unit == "个"
    assert (m.start, m.end) == (start, start + len(quantity))
    assert m.text == quantity == text[m.start : m.end]


def test_stray_spaces_keep_offsets_into_original(ex: shushuo.Extractor) -> None:
    text = "全区新增学位 8660 个。"
    m = _only_metric(ex.extract(text))
    assert m.value == 8660.0 and m.unit == "个"
    assert text[m.start : m.end] == m.text
    assert m.text.replace(" ", "") == "8660个"


def test_offsets_index_the_python_str_everywhere(ex: shushuo.Extractor, sample_text: str) -> None:
    noisy = "🙂𝄞" * 3 + sample_text.replace("，", " ，") + "\n" + "\U0001f4c8" * 5 + sample_text
    for text in [sample_text, noisy]:
        doc = ex.extract(text)
        assert doc.metrics, "the sample report states many quantities"
        assert doc.entities
        records: list[shushuo.Metric | shushuo.Entity] = [*doc.metrics, *doc.entities]
        for r in records:
            assert 0 <= r.start < r.end <= len(text)
            if isinstance(r, shushuo.Entity) and r.kind == "WORK":
                assert r.text in text[r.start : r.end]  # with or without 《》
            else:
                assert text[r.start : r.end] == r.text
        starts = [m.start for m in doc.metrics]
        assert starts == sorted(starts)


def test_sample_report(ex: shushuo.Extractor, sample_text: str) -> None:
    doc = ex.extract(sample_text)
    assert doc.region == "青山区"
    by_text = {m.text: m for m in doc.metrics}
    money = by_text["12.48亿元"]
    assert (money.value, money.unit, money.kind) == (1_248_000_000.0, "元", "money")
    assert by_text["6320个"].value == 6320.0
    kinds = {e.kind for e in doc.entities}
    assert {"REGION", "DATE", "PERSON", "WORK"} <= kinds
