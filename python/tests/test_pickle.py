"""Pickling: extractors ship to workers; records come back."""

from __future__ import annotations

import copy
import pickle
import subprocess
import sys

import pytest

import shushuo
from conftest import make_doc


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_extractor_round_trip(protocol: int) -> None:
    ex = shushuo.Extractor(
        reference_date="2023-06-30",
        default_region="江北区",
        extra_units={"篇": "count"},
        extra_entities={"SCHOOL": ["鲤鱼池小学"]},
    )
    back = pickle.loads(pickle.dumps(ex, protocol=protocol))
    assert isinstance(back, shushuo.Extractor)
    assert back is not ex and back.options == ex.options
    text = "2022年9月22日，江北区新增学位8660个。"
    assert back.extract(text) == ex.extract(text)


def test_extractor_pickle_holds_only_options() -> None:
    data = pickle.dumps(shushuo.Extractor(reference_date="2023-06-30"))
    assert len(data) < 500
    assert b"2023-06-30" in data


def test_extractor_unpickles_in_a_fresh_interpreter() -> None:
    data = pickle.dumps(shushuo.Extractor(reference_date="2023-06-30"))
    code = (
        "import pickle, sys; ex = pickle.loads(sys.stdin.buffer.read()); "
        "print(ex.options['reference_date'])"
    )
    out = subprocess.run([sys.executable, "-c", code], input=data, capture_output=True, check=True)
    assert out.stdout.decode().strip() == "2023-06-30"


def test_copy_and_deepcopy() -> None:
    ex = shushuo.Extractor(reference_date="2023-06-30")
    assert copy.copy(ex).options == ex.options
    assert copy.deepcopy(ex).options == ex.options


def test_records_round_trip(handmade: shushuo.Document, ex: shushuo.Extractor, sample_text: str) -> None:
    for doc in [handmade, ex.extract(sample_text), ex.extract("")]:
        back = pickle.loads(pickle.dumps(doc))
        assert back == doc and back.text == doc.text
        assert back.metrics == doc.metrics and back.entities == doc.entities
        assert pickle.loads(pickle.dumps(doc.metrics)) == doc.metrics
        assert pickle.loads(pickle.dumps(doc.entities)) == doc.entities


def test_corrupt_pickle_is_shushuo_error() -> None:
    with pytest.raises(shushuo.ShushuoError, match="invalid options"):
        shushuo.Extractor._from_json('{"reference_date": 5}')
    with pytest.raises(shushuo.ShushuoError, match="unpickle"):
        shushuo.Metric._from_json("{}")


@pytest.mark.parametrize(
    "value",
    [993.5483870967741, 0.1 + 0.2, 1 / 3, 2.2250738585072014e-308, 1.7976931348623157e308, 5e-324,
     123456789012345.67, 9007199254740993.0],
)
def test_floats_round_trip_exactly(value: float) -> None:
    # serde_json's default float parser may be off by one bit (issue #13:
    # 993.5483870967741 came back as 993.548387096774).
    doc = make_doc("比例308/31。", metrics=[
        {"text": "308/31", "value": value, "unit": "%", "previous": value, "si_value": value, "si_unit": "m"},
    ])
    m = doc.metrics[0]
    back = pickle.loads(pickle.dumps(m))
    assert back == m
    assert back.value.hex() == value.hex() and back.previous is not None
    assert back.previous.hex() == value.hex()
    assert back.si_value is not None and back.si_value.hex() == value.hex() and back.si_unit == "m"
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_extracted_fraction_pickles_exactly(ex: shushuo.Extractor) -> None:
    doc = ex.extract("升学率为31分之308。全区公办中小学由41所增加到67所。流转土地3亩，气温35℃。")
    for m in doc.metrics:
        back = pickle.loads(pickle.dumps(m))
        assert back == m and back.value.hex() == m.value.hex()
        assert back.previous == m.previous
        assert (back.si_value, back.si_unit) == (m.si_value, m.si_unit)
        if m.si_value is not None:
            assert back.si_value is not None and back.si_value.hex() == m.si_value.hex()
    assert any(m.si_value is not None for m in doc.metrics)
    assert pickle.loads(pickle.dumps(doc)) == doc


def test_entity_code_and_canonical_pickle() -> None:
    doc = make_doc("冀、宁德时代。", entities=[
        ("冀", "REGION", "冀", {"code": "130000", "canonical": "河北省"}),
        ("宁德时代", "ORG", "宁德时代", {"canonical": "宁德时代新能源科技股份有限公司"}),
    ])
    for e in doc.entities:
        back = pickle.loads(pickle.dumps(e))
        assert back == e and hash(back) == hash(e)
        assert (back.code, back.canonical) == (e.code, e.canonical)
    assert pickle.loads(pickle.dumps(doc)) == doc
