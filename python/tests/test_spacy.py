"""The spaCy component: ``nlp.add_pipe("shushuo")`` on ``spacy.blank("zh")``
(character segmentation) and on a coarser tokenizer, entities in
``doc.ents``, metrics in ``doc.spans``, extension attributes, batching in
``nlp.pipe``, serialisation and displaCy."""

from __future__ import annotations

import importlib.metadata
import pickle
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

import shushuo

spacy = pytest.importorskip("spacy", reason="spaCy is not installed (the spacy extra)")
from spacy import displacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from shushuo.spacy_component import METRIC_ATTRIBUTES, ShushuoComponent  # noqa: E402

SENTENCE = "2022年，江北区新增公办中小学学位8660个，累计投入2.3亿元，学校由41所增加到67所。"


def _zh(**config: Any) -> Language:
    nlp: Language = spacy.blank("zh")
    nlp.add_pipe("shushuo", config=config)
    return nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return _zh(reference_date="2023-03-15")


def _metric_fields(span: Span) -> dict[str, Any]:
    return {a: span._.get(a) for a in METRIC_ATTRIBUTES}


def _as_span_fields(m: shushuo.Metric) -> dict[str, Any]:
    fields = {a: getattr(m, a) for a in METRIC_ATTRIBUTES if a != "quantity"}
    fields["quantity"] = m.text
    return fields


def test_entry_points_are_in_the_wheel() -> None:
    factories = importlib.metadata.entry_points(group="spacy_factories")
    assert {(e.name, e.value) for e in factories} >= {("shushuo", "shushuo.spacy_component:make_shushuo")}
    colours = importlib.metadata.entry_points(group="spacy_displacy_colors")
    assert "shushuo" in {e.name for e in colours}


def test_add_pipe_without_importing_shushuo(tmp_path: Path) -> None:
    # A fresh interpreter that never imports shushuo: spaCy finds the
    # factory through the entry point.
    script = (
        "import spacy\n"
        "nlp = spacy.blank('zh')\n"
        "nlp.add_pipe('shushuo')\n"
        "doc = nlp('2022年，江北区新增学位8660个。')\n"
        "print([(e.text, e.label_) for e in doc.ents])\n"
        "print([(s.text, s.label_, s._.value, s._.unit) for s in doc.spans['metrics']])\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "[('2022年', 'DATE'), ('江北区', 'REGION')]",
        "[('8660个', 'COUNT', 8660.0, '个')]",
    ]


def test_blank_zh_segments_by_character() -> None:
    nlp = spacy.blank("zh")
    assert nlp.tokenizer.segmenter == "char"
    doc = nlp("江北区新增学位8660个。")
    assert [t.text for t in doc] == list("江北区新增学位8660个。")


def test_entities_and_metrics_match_the_extractor(nlp: Language, sample_text: str) -> None:
    doc = nlp(sample_text)
    result = shushuo.Extractor(reference_date="2023-03-15").extract(sample_text)
    # the sample's entities do not overlap: all of them are doc.ents
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [
        (e.start, e.end, e.kind) for e in result.entities
    ]
    assert [(e._.normalized, e._.code, e._.canonical) for e in doc.ents] == [
        (e.normalized, e.code, e.canonical) for e in result.entities
    ]
    assert {e.label_ for e in doc.ents} == {"REGION", "DATE", "PERSON", "SCHOOL", "WORK"}
    metrics = doc.spans["metrics"]
    assert len(metrics) == len(result.metrics) > 20
    for span, m in zip(metrics, result.metrics):
        # character tokens: every span is exactly the metric
        assert (span.start_char, span.end_char, span.text) == (m.start, m.end, m.text)
        assert span.label_ == m.kind.upper()
        assert _metric_fields(span) == _as_span_fields(m)
    assert doc._.shushuo_region == result.region == "青山区"
    assert doc._.shushuo_unaligned == []


def test_metric_attributes(nlp: Language) -> None:
    doc = nlp(SENTENCE)
    by_text = {s.text: s for s in doc.spans["metrics"]}
    places = by_text["8660个"]
    assert (places._.value, places._.unit, places._.kind, places._.indicator) == (8660.0, "个", "count", "新增公办中小学学位")
    assert (places._.region, places._.period, places._.approx, places._.change) == ("江北区", "2022年", "exact", "none")
    money = by_text["2.3亿元"]
    assert (money.label_, money._.value, money._.unit) == ("MONEY", 230_000_000.0, "元")
    schools = by_text["67所"]
    assert (schools._.value, schools._.previous) == (67.0, 41.0)
    assert [e._.code for e in doc.ents if e.label_ == "REGION"] == ["330205"]


def test_scanned_spaces_align(nlp: Language) -> None:
    # the blank zh tokenizer keeps a stray space as a token's trailing space
    doc = nlp("赣 州中学新增学位 8660 个。")
    assert [(e.text, e.label_, e._.normalized) for e in doc.ents] == [("赣 州中学", "SCHOOL", "赣州中学")]
    [m] = doc.spans["metrics"]
    assert (m.text, m._.value) == ("8660 个", 8660.0)


def test_overlapping_entities_keep_the_longest(nlp: Language) -> None:
    doc = nlp("涪城区实验小学新城校区迎来首批1800余名学生。")
    assert [(e.text, e.label_) for e in doc.spans["entities"]] == [
        ("涪城区实验小学", "SCHOOL"),
        ("涪城区实验小学新城校区", "SCHOOL"),
    ]
    assert [(e.text, e.label_) for e in doc.ents] == [("涪城区实验小学新城校区", "SCHOOL")]
    assert doc.spans["metrics"][0]._.approx == "over"


def test_earlier_entities_are_kept_unless_overwritten() -> None:
    for overwrite, label in ((False, "GPE"), (True, "REGION")):
        nlp = spacy.blank("zh")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": "GPE", "pattern": "江北区"}])
        nlp.add_pipe("shushuo", config={"overwrite_ents": overwrite})
        doc = nlp(SENTENCE)
        assert [(e.text, e.label_) for e in doc.ents] == [("2022年", "DATE"), ("江北区", label)]
        # the span group has shushuo's own view either way
        assert [(e.text, e.label_) for e in doc.spans["entities"]][1] == ("江北区", "REGION")


def test_coarse_tokens_expand_and_collisions_are_reported() -> None:
    # spaCy's multi-language tokenizer splits Chinese at spaces only: spans
    # expand to whole tokens, and two records in one token cannot both keep
    # their attributes (they are stored per char range).
    nlp = spacy.blank("xx")
    nlp.add_pipe("shushuo")
    text = "2022年，江北区投资增长12%和8%。新增学位 8660个。"
    doc = nlp(text)
    metrics = doc.spans["metrics"]
    assert [(s.text, s._.quantity, s._.value) for s in metrics] == [
        ("2022年，江北区投资增长12%和8%。新增学位", "12%", 12.0),
        ("8660个", "8660个", 8660.0),
    ]
    unaligned = doc._.shushuo_unaligned
    assert [(u["type"], u["text"], u["value"]) for u in unaligned if u["type"] == "metric"] == [("metric", "8%", 8.0)]
    # DATE and REGION both fall in the first token: the first is kept
    assert [(e.label_, e._.normalized) for e in doc.ents] == [("DATE", "2022")]
    assert [(u["kind"], u["text"]) for u in unaligned if u["type"] == "entity"] == [("REGION", "江北区")]
    assert len(metrics) + len(doc.spans["entities"]) + len(unaligned) == 5


def test_config_is_the_extractor_options() -> None:
    nlp = _zh(
        reference_date="2023-06-30",
        default_region="渝中区",
        extra_units={"篇": "count"},
        extra_entities={"ORG": ["数说研究院"]},
    )
    doc = nlp("数说研究院去年底发表论文12篇。")
    [m] = doc.spans["metrics"]
    assert (m._.value, m._.unit, m._.region) == (12.0, "篇", "渝中区")
    assert [(e.text, e.label_, e._.normalized) for e in doc.ents] == [
        ("数说研究院", "ORG", "数说研究院"),
        ("去年底", "DATE", "2022-12"),
    ]
    cfg = nlp.config["components"]["shushuo"]
    assert cfg["factory"] == "shushuo" and cfg["extra_units"] == {"篇": "count"}
    with pytest.raises(shushuo.ShushuoError):
        _zh(reference_date="2023-13-45")
    only_metrics = _zh(entities=False)(SENTENCE)
    assert len(only_metrics.ents) == 0 and len(only_metrics.spans["metrics"]) == 4
    only_entities = _zh(metrics=False, metrics_key="figures")(SENTENCE)
    assert len(only_entities.spans["figures"]) == 0 and len(only_entities.ents) == 2


class _CountingExtractor:
    """Delegates to a real extractor and records the batches it is given."""

    def __init__(self, inner: shushuo.Extractor) -> None:
        self.inner = inner
        self.batches: list[int] = []

    def extract(self, text: str) -> shushuo.Document:
        raise AssertionError("nlp.pipe must not extract one text at a time")

    def extract_batch(self, texts: Iterable[str], threads: int | None = None) -> list[shushuo.Document]:
        texts = list(texts)
        self.batches.append(len(texts))
        return self.inner.extract_batch(texts, threads=threads)


def test_nlp_pipe_extracts_a_batch_at_a_time(sample_text: str) -> None:
    nlp = _zh()
    component = nlp.get_pipe("shushuo")
    assert isinstance(component, ShushuoComponent)
    counting = _CountingExtractor(component.extractor)
    component.extractor = counting  # type: ignore[assignment]
    texts = [SENTENCE, sample_text, "", "總投資300億元。"] * 5
    docs = list(nlp.pipe(texts, batch_size=8))
    assert counting.batches == [8, 8, 4]
    component.extractor = counting.inner
    one_by_one = [nlp(t) for t in texts]
    for a, b in zip(docs, one_by_one):
        assert [(s.start_char, s.end_char, s.label_, *_metric_fields(s).values()) for s in a.spans["metrics"]] == [
            (s.start_char, s.end_char, s.label_, *_metric_fields(s).values()) for s in b.spans["metrics"]
        ]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == [
            (e.start_char, e.end_char, e.label_) for e in b.ents
        ]


def test_nlp_pipe_in_two_processes(nlp: Language) -> None:
    texts = [SENTENCE, "總投資300億元。"] * 3
    docs = list(nlp.pipe(texts, n_process=2, batch_size=2))
    assert [[s._.value for s in d.spans["metrics"]] for d in docs] == [
        [8660.0, 230_000_000.0, 41.0, 67.0],
        [30_000_000_000.0],
    ] * 3


def test_docs_serialise_with_their_attributes(nlp: Language) -> None:
    doc = nlp(SENTENCE)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [_metric_fields(s) for s in back.spans["metrics"]] == [_metric_fields(s) for s in doc.spans["metrics"]]
    assert [(e.text, e.label_, e._.code) for e in back.ents] == [(e.text, e.label_, e._.code) for e in doc.ents]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    [again] = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert again.spans["metrics"][1]._.value == 230_000_000.0
    assert again._.shushuo_region == "江北区"


def _figures(nlp: Language, text: str) -> list[tuple[str, float, str]]:
    doc = nlp(text)  # a SpanGroup needs its Doc alive
    return [(s.text, s._.value, s._.unit) for s in doc.spans["metrics"]]


def test_pipeline_to_disk_and_pickle(tmp_path: Path) -> None:
    nlp = _zh(reference_date="2023-06-30", extra_units={"篇": "count"}, threads=1)
    text = "去年底发表论文12篇。"
    want = _figures(nlp, text)
    assert want == [("12篇", 12.0, "篇")]
    nlp.to_disk(tmp_path / "pipeline")
    assert (tmp_path / "pipeline" / "shushuo" / "cfg.json").is_file()
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["shushuo"]
    assert _figures(loaded, text) == want
    assert [e._.normalized for e in loaded(text).ents] == ["2022-12"]
    # from_bytes restores the options into a component made with defaults
    fresh = _zh()
    fresh.from_bytes(nlp.to_bytes())
    assert _figures(fresh, text) == want
    unpickled = pickle.loads(pickle.dumps(nlp))
    assert _figures(unpickled, text) == want
    component = pickle.loads(pickle.dumps(nlp.get_pipe("shushuo")))
    assert isinstance(component, ShushuoComponent)
    assert component.extractor.options == nlp.get_pipe("shushuo").extractor.options  # type: ignore[attr-defined]
    assert component.threads == 1


def test_displacy_renders_entities_and_metrics(nlp: Language) -> None:
    doc = nlp(SENTENCE)
    ents = displacy.render(doc, style="ent", jupyter=False)
    assert "江北区" in ents and "REGION" in ents and "DATE" in ents
    assert "#9ad1f5" in ents  # REGION's colour, from the spacy_displacy_colors entry point
    spans = displacy.render(doc, style="span", options={"spans_key": "metrics"}, jupyter=False)
    for label in ("COUNT", "MONEY"):
        assert label in spans
    assert spans.count("#ffd166") >= 3  # the three COUNT spans


def test_extension_clash_is_refused() -> None:
    Span.set_extension("unit", getter=lambda span: "?", force=True)
    try:
        with pytest.raises(ValueError, match="Span._.unit is already a computed extension"):
            ShushuoComponent()
    finally:
        Span.set_extension("unit", default=None, force=True)
    assert ShushuoComponent().extractor.options["metrics"] is True


def test_pipe_refuses_an_empty_batch_size(nlp: Language) -> None:
    with pytest.raises(ValueError, match="batch_size must be at least 1"):
        list(nlp.pipe(["新增学位8660个。"], batch_size=0))
