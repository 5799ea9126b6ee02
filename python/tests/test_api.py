"""The Python API: construction, options, records, equality, errors."""

from __future__ import annotations

import pickle

import pytest

import shushuo
from conftest import make_doc


def test_public_names() -> None:
    for name in ["Extractor", "Document", "Metric", "Entity", "ShushuoError", "ShushuoInternalError",
                 "extract", "extract_batch", "to_dataframe", "default_extractor"]:
        assert hasattr(shushuo, name), name
        assert name in shushuo.__all__, name
    assert shushuo.__version__.count(".") == 2
    assert issubclass(shushuo.ShushuoError, ValueError)
    assert shushuo.ShushuoError.__module__ == "shushuo"
    assert issubclass(shushuo.ShushuoInternalError, RuntimeError)
    assert not issubclass(shushuo.ShushuoInternalError, ValueError)
    assert shushuo.ShushuoInternalError.__module__ == "shushuo"
    assert shushuo.Extractor.__module__ == "shushuo"


def test_extract_returns_document(ex: shushuo.Extractor) -> None:
    text = "全区新增学位8660个。"
    doc = ex.extract(text)
    assert isinstance(doc, shushuo.Document)
    assert doc.text == text
    assert isinstance(doc.metrics, list) and isinstance(doc.entities, list)
    assert all(isinstance(m, shushuo.Metric) for m in doc.metrics)
    assert all(isinstance(e, shushuo.Entity) for e in doc.entities)
    assert doc.region is None or isinstance(doc.region, str)


def test_module_extract_uses_shared_default() -> None:
    assert shushuo.default_extractor() is shushuo.default_extractor()
    text = "2022年9月22日，教育部印发通知。"
    assert shushuo.extract(text) == shushuo.Extractor().extract(text)
    assert shushuo.extract_batch([text, ""]) == [shushuo.extract(text), shushuo.extract("")]


def test_empty_and_plain_text(ex: shushuo.Extractor) -> None:
    assert ex.extract("").metrics == []
    assert ex.extract("").entities == []
    assert ex.extract("没有数字的句子。").metrics == []


def test_options_round_trip() -> None:
    ex = shushuo.Extractor(
        reference_date="2023-06-30",
        metrics=True,
        entities=False,
        default_region="江北区",
        extra_units={"篇": "count"},
        extra_entities={"SCHOOL": ["鲤鱼池小学"]},
    )
    assert ex.options == {
        "reference_date": "2023-06-30",
        "metrics": True,
        "entities": False,
        "default_region": "江北区",
        "extra_units": {"篇": "count"},
        "extra_entities": {"SCHOOL": ["鲤鱼池小学"]},
    }
    assert repr(ex).startswith("Extractor(reference_date='2023-06-30'")
    assert repr(shushuo.Extractor()) == "Extractor()"


def test_entities_off_gives_no_entities() -> None:
    doc = shushuo.Extractor(entities=False).extract("2022年9月22日，教育部印发通知。")
    assert doc.entities == []


def test_metrics_off_gives_no_metrics() -> None:
    doc = shushuo.Extractor(metrics=False).extract("全区新增学位8660个。")
    assert doc.metrics == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"reference_date": "2023-13-01"}, "2023-13-01"),
        ({"reference_date": "yesterday"}, "reference date"),
        ({"colour": "red"}, "unknown field `colour`"),
        ({"extra_units": {"篇": "lots"}}, "lots"),
        ({"extra_units": {" ": "count"}}, "extra unit"),
        ({"extra_entities": {"TOWN": ["x"]}}, "TOWN"),
        ({"metrics": "yes"}, "invalid type"),
        ({"default_region": ""}, "default_region"),
    ],
)
def test_bad_options_raise_shushuo_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(shushuo.ShushuoError, match=message):
        shushuo.Extractor(**kwargs)  # type: ignore[arg-type]


def test_option_of_unusable_type_is_type_error() -> None:
    with pytest.raises(TypeError, match="option extra_units"):
        shushuo.Extractor(extra_units=object())  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        shushuo.Extractor(reference_date=20230101)  # type: ignore[arg-type]


@pytest.mark.parametrize("bad", [None, 3, 1.5, b"\xe5\x85\xa8", ["全区"], object()])
def test_non_str_text_is_type_error(ex: shushuo.Extractor, bad: object) -> None:
    with pytest.raises(TypeError, match="must be str"):
        ex.extract(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be str"):
        shushuo.extract(bad)  # type: ignore[arg-type]


def test_bytes_error_says_to_decode(ex: shushuo.Extractor) -> None:
    with pytest.raises(TypeError, match="decode"):
        ex.extract(b"abc")  # type: ignore[arg-type]


def test_lone_surrogate_is_value_error_not_crash(ex: shushuo.Extractor) -> None:
    with pytest.raises(ValueError):
        ex.extract("全区\ud800新增")


def test_str_subclass_is_accepted(ex: shushuo.Extractor) -> None:
    class Report(str):
        pass

    text = Report("全区新增学位8660个。")
    assert ex.extract(text) == ex.extract(str(text))


def test_records_are_frozen(handmade: shushuo.Document) -> None:
    m = handmade.metrics[0]
    e = handmade.entities[0]
    for obj, attr in [(m, "value"), (m, "start"), (e, "text"), (handmade, "text"), (handmade, "region")]:
        with pytest.raises(AttributeError):
            setattr(obj, attr, None)
    # The lists are copies: changing one does not change the document.
    handmade.metrics.clear()
    assert len(handmade.metrics) == 2


def test_metric_fields(handmade: shushuo.Document) -> None:
    m, pct = handmade.metrics
    assert (m.text, m.value, m.unit, m.kind) == ("8660个", 8660.0, "个", "count")
    assert (m.approx, m.change, m.indicator) == ("exact", "none", "新增学位")
    assert (m.region, m.period, m.borderline) == ("江北区", "2022年", False)
    assert handmade.text[m.start : m.end] == m.text
    assert (pct.approx, pct.change, pct.kind, pct.period) == ("about", "increase", "percent", None)
    assert m.to_dict() == {
        "start": m.start, "end": m.end, "text": "8660个", "value": 8660.0, "unit": "个",
        "kind": "count", "approx": "exact", "change": "none", "indicator": "新增学位",
        "period": "2022年", "region": "江北区", "borderline": False, "previous": None,
        "si_value": None, "si_unit": None,
    }
    assert m.previous is None and pct.previous is None
    assert (m.si_value, m.si_unit, pct.si_value, pct.si_unit) == (None, None, None, None)


def test_from_to_pair_carries_previous(ex: shushuo.Extractor) -> None:
    doc = ex.extract("全区公办中小学由41所增加到67所。")
    before, after = doc.metrics
    assert (before.text, before.previous) == ("41所", None)
    assert (after.text, after.value, after.previous) == ("67所", 67.0, 41.0)
    assert isinstance(after.previous, float)
    assert after.to_dict()["previous"] == 41.0
    assert repr(after).endswith(", previous=41.0)")
    assert "previous" not in repr(before)


def test_options_json_must_be_an_object() -> None:
    # The pickle path (_from_json) reads JSON: only an object, as in C.
    for bad in ['["2023-06-30", true, false, "江北区"]', "[]", "null", "5", '"{}"']:
        with pytest.raises(shushuo.ShushuoError, match="expected a JSON object"):
            shushuo.Extractor._from_json(bad)
    with pytest.raises(shushuo.ShushuoError, match="unknown field `colour`"):
        shushuo.Extractor._from_json('{"metrics": true, "colour": 1}')
    ex = shushuo.Extractor._from_json('{"reference_date": "2023-06-30"}')
    assert ex.options["reference_date"] == "2023-06-30"


def test_panic_is_internal_error_not_value_error() -> None:
    from shushuo import _shushuo

    with pytest.raises(shushuo.ShushuoInternalError, match="please report it.*boom") as info:
        _shushuo._panic_for_test("boom")
    assert isinstance(info.value, RuntimeError)
    assert not isinstance(info.value, ValueError)


def test_entity_fields(handmade: shushuo.Document) -> None:
    date, region, _ = handmade.entities
    assert (date.kind, date.text, date.normalized) == ("DATE", "2022年", "2022")
    assert handmade.text[region.start : region.end] == "江北区"
    assert region.to_dict() == {"start": 6, "end": 9, "kind": "REGION", "text": "江北区", "normalized": "江北区",
                                "code": None, "canonical": None}
    assert (date.code, date.canonical, region.code, region.canonical) == (None, None, None, None)


def test_si_value(ex: shushuo.Extractor) -> None:
    doc = ex.extract("流转土地3亩，气温35℃，投入8亿元。")
    land, heat, money = doc.metrics
    assert (land.text, land.value, land.unit) == ("3亩", 3.0, "亩")
    assert isinstance(land.si_value, float)
    assert land.si_value == pytest.approx(2000.0) and land.si_unit == "m2"
    assert heat.si_value == pytest.approx(308.15) and heat.si_unit == "K"
    assert (money.unit, money.si_value, money.si_unit) == ("元", None, None)
    d = land.to_dict()
    assert (d["si_value"], d["si_unit"]) == (land.si_value, "m2")
    assert money.to_dict()["si_value"] is None and money.to_dict()["si_unit"] is None
    assert repr(land).endswith(f", si_value={land.si_value!r}, si_unit='m2')")
    assert "si_" not in repr(money)


def test_previous_and_si_value_in_repr() -> None:
    doc = make_doc("由2亩增加到3亩。", metrics=[
        {"text": "3亩", "value": 3.0, "unit": "亩", "kind": "area", "previous": 2.0,
         "si_value": 2000.0, "si_unit": "m2"},
    ])
    assert repr(doc.metrics[0]).endswith(", previous=2.0, si_value=2000.0, si_unit='m2')")


def test_entity_code_and_canonical() -> None:
    doc = make_doc("冀、河北省和宁德时代。", entities=[
        ("冀", "REGION", "冀", {"code": "130000", "canonical": "河北省"}),
        ("河北省", "REGION", "河北省", {"code": "130000"}),
        ("宁德时代", "ORG", "宁德时代", {"canonical": "宁德时代新能源科技股份有限公司"}),
    ])
    ji, hebei, catl = doc.entities
    assert (ji.code, ji.canonical) == ("130000", "河北省")
    assert (hebei.code, hebei.canonical) == ("130000", None)
    assert (catl.code, catl.canonical) == (None, "宁德时代新能源科技股份有限公司")
    assert ji.to_dict()["code"] == "130000" and ji.to_dict()["canonical"] == "河北省"
    assert repr(ji) == "Entity(REGION, '冀', start=0, end=1, normalized='冀', code='130000', canonical='河北省')"
    assert repr(hebei).endswith(", code='130000')")
    assert repr(catl).endswith(", canonical='宁德时代新能源科技股份有限公司')") and "code=" not in repr(catl)
    # The fields take part in equality.
    plain = make_doc(doc.text, entities=[("冀", "REGION", "冀")]).entities[0]
    assert plain != ji and plain.code is None and "code" not in repr(plain)


def test_extracted_codes_are_absent_or_six_digits(ex: shushuo.Extractor) -> None:
    # None until the entity stage fills them; a code, once there, is a
    # GB/T 2260 code of a REGION.
    doc = ex.extract("河北省、涪城区和江北区新增学位8660个，教育部印发通知。")
    assert any(e.kind == "REGION" for e in doc.entities)
    for e in doc.entities:
        if e.code is not None:
            assert e.kind == "REGION" and len(e.code) == 6 and e.code.isascii() and e.code.isdigit()
        if e.text == "河北省":
            assert e.code in (None, "130000") and e.canonical in (None, "河北省")
        assert e.canonical is None or e.canonical != ""


def test_document_to_dict(handmade: shushuo.Document) -> None:
    d = handmade.to_dict()
    assert d["text"] == handmade.text and d["region"] == "江北区"
    assert d["metrics"] == [m.to_dict() for m in handmade.metrics]
    assert d["entities"] == [e.to_dict() for e in handmade.entities]


def test_equality_and_hashing(handmade: shushuo.Document) -> None:
    again = make_doc(handmade.text, metrics=[], entities=[])
    assert handmade != again
    assert handmade == shushuo.Document._from_json(handmade.text, _doc_json(handmade))
    assert handmade.metrics[0] == handmade.metrics[0]
    assert handmade.metrics[0] != handmade.metrics[1]
    copy = pickle.loads(pickle.dumps(handmade.metrics[0]))
    assert copy is not handmade.metrics[0]
    assert copy == handmade.metrics[0] and hash(copy) == hash(handmade.metrics[0])
    assert len({*handmade.metrics, *handmade.metrics}) == 2
    assert len({*handmade.entities, *handmade.entities}) == 3
    with pytest.raises(TypeError):
        hash(handmade)
    assert handmade != "not a document"


def _doc_json(doc: shushuo.Document) -> str:
    """The pickled JSON of a document (via its __reduce__)."""
    _, (_, json) = doc.__reduce__()
    return json


def test_reprs(handmade: shushuo.Document) -> None:
    assert repr(handmade).startswith("Document(2 metrics, 3 entities, region='江北区', text='2022年")
    assert repr(handmade.metrics[0]) == (
        "Metric('8660个', value=8660.0, unit='个', start=13, end=18, indicator='新增学位', "
        "approx='exact', change='none', region='江北区')"
    )
    assert repr(handmade.entities[1]) == "Entity(REGION, '江北区', start=6, end=9, normalized='江北区')"
    long = shushuo.extract("数" * 100)
    assert "…" in repr(long) and len(repr(long)) < 120


def test_html_highlights_and_escapes(handmade: shushuo.Document) -> None:
    html = handmade._repr_html_()
    assert html == handmade.to_html()
    assert html.count("<mark") == 5
    assert "<script>" not in html and "</script>" not in html
    assert "&lt;<mark" in html and "&gt;&amp;&#39;&quot;&lt;/script&gt;</div>" in html
    assert "普惠率&lt;b&gt;" in html  # the indicator in the hover title is escaped
    assert "value: 8660" in html and "unit: 个" in html and "indicator: 新增学位" in html
    # each kind has its own colour
    colours = {k: html.split(f'class="shushuo-{k}"')[1].split("background:")[1][:7]
               for k in ["metric", "date", "region", "work"]}
    assert len(set(colours.values())) == 4


def test_html_of_real_extraction_is_valid_text(ex: shushuo.Extractor, sample_text: str) -> None:
    html = ex.extract(sample_text)._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    assert "本报记者" in html
