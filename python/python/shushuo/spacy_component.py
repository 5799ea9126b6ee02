"""shushuo as a spaCy pipeline component: ``nlp.add_pipe("shushuo")``.

Installed with the ``spacy`` extra (``pip install "shushuo-nlp[spacy]"``),
the component is registered through the ``spacy_factories`` entry point, so
``nlp.add_pipe("shushuo")`` works without importing shushuo first::

    import spacy

    nlp = spacy.blank("zh")                       # character segmentation
    nlp.add_pipe("shushuo", config={"reference_date": "2023-06-30"})
    doc = nlp("2022年，江北区新增学位8660个。")
    [(e.text, e.label_) for e in doc.ents]        # [('2022年', 'DATE'), ('江北区', 'REGION')]
    m = doc.spans["metrics"][0]
    (m.text, m.label_, m._.value, m._.unit)       # ('8660个', 'COUNT', 8660.0, '个')

What it sets on each ``Doc``:

* ``doc.ents``: the entities, labelled with their kinds (``REGION``,
  ``SCHOOL``, ``ORG``, ``PERSON``, ``WORK``, ``DATE``), with ``span._.normalized``,
  ``span._.code`` and ``span._.canonical``. ``doc.ents`` cannot overlap, so
  the non-overlapping choice of :func:`spacy.util.filter_spans` is kept: the
  longest span wins, and of equally long ones the earliest. Entities already
  in ``doc.ents`` (from an earlier component) are kept and shushuo's that
  overlap them are left out, unless ``overwrite_ents`` is true.
* ``doc.spans["entities"]`` (``entities_key``): every entity, overlapping or
  not.
* ``doc.spans["metrics"]`` (``metrics_key``): the metrics, labelled with their
  quantity kind in capitals (``COUNT``, ``MONEY``, ``AREA``, ``MEASURE``,
  ``DURATION``, ``PERCENT``, ``RATIO``, ``RANK``, ``SCORE``), with the extension
  attributes :data:`METRIC_ATTRIBUTES` (``span._.value``, ``span._.unit``, …:
  the fields of :class:`shushuo.Metric`).
* ``doc._.shushuo_region``: the document's region (:attr:`Document.region`).
* ``doc._.shushuo_unaligned``: the records (as ``to_dict()`` with a ``"type"``
  key, ``"metric"`` or ``"entity"``) that no span could be made for.

Offsets are mapped to tokens with ``doc.char_span(start, end,
alignment_mode="expand")``, so with a tokenizer coarser than the record the
span covers the whole tokens and ``span.text`` may be longer than the
record's text (a metric's own text stays in ``span._.quantity``). The blank
Chinese pipeline (``spacy.blank("zh")``) segments by character, so there
every span is exact. Extension values are stored per char range (spaCy's
rule), so two metrics that expand to the same tokens cannot both keep their
values: the first is kept and the second is reported in
``doc._.shushuo_unaligned`` (likewise for two entities), as is any record
that maps to no token.

All extension values are plain data (floats, strings, booleans, None, and
the unaligned records as a list of dicts of them), so docs serialise with
``Doc.to_bytes``/``DocBin(store_user_data=True)`` and
``nlp.pipe(..., n_process=2)`` works. The component pickles, and
``nlp.to_disk``/``from_disk`` store its options (which are also in the
pipeline's config).
"""

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ._shushuo import Document, Extractor

__all__ = [
    "DISPLACY_COLORS",
    "ENTITY_ATTRIBUTES",
    "METRIC_ATTRIBUTES",
    "ShushuoComponent",
    "make_shushuo",
]

METRIC_ATTRIBUTES: tuple[str, ...] = (
    "value",
    "unit",
    "kind",
    "approx",
    "change",
    "indicator",
    "region",
    "period",
    "borderline",
    "previous",
    "si_value",
    "si_unit",
    "quantity",
)
"""``Span._`` attributes of a metric span: the :class:`shushuo.Metric` fields
of the same names, and ``quantity``, the metric's own text (``Metric.text``:
the span may be wider where tokens are coarser than the figure)."""

ENTITY_ATTRIBUTES: tuple[str, ...] = ("normalized", "code", "canonical")
"""``Span._`` attributes of an entity span: the :class:`shushuo.Entity`
fields of the same names."""

DOC_ATTRIBUTES: tuple[str, ...] = ("shushuo_region", "shushuo_unaligned")
"""``Doc._`` attributes the component sets."""

_METRIC_COLOUR = "#ffd166"

DISPLACY_COLORS: dict[str, str] = {
    "REGION": "#9ad1f5",
    "SCHOOL": "#b8e986",
    "WORK": "#f7c59f",
    "COUNT": _METRIC_COLOUR,
    "AREA": _METRIC_COLOUR,
    "MEASURE": _METRIC_COLOUR,
    "DURATION": _METRIC_COLOUR,
    "RATIO": _METRIC_COLOUR,
    "RANK": _METRIC_COLOUR,
    "SCORE": _METRIC_COLOUR,
}
"""displaCy colours of the labels spaCy has no colour for (the entity kinds
REGION, SCHOOL and WORK and the metric kinds; ORG, PERSON, DATE, MONEY and
PERCENT keep spaCy's). Registered through the ``spacy_displacy_colors`` entry
point, so ``displacy.render`` uses them without options; they are the colours
of :meth:`Document.to_html`."""


def _register_extensions() -> None:
    """Add the Span and Doc extension attributes, once; refuse a clash."""
    for cls, names, default in (
        (Span, METRIC_ATTRIBUTES + ENTITY_ATTRIBUTES, None),
        (Doc, DOC_ATTRIBUTES, None),
    ):
        for name in names:
            if cls.has_extension(name):
                _, method, getter, _ = cls.get_extension(name)
                if method is not None or getter is not None:
                    raise ValueError(
                        f"{cls.__name__}._.{name} is already a computed extension of another"
                        " package; the shushuo component needs it as a plain attribute"
                    )
            else:
                cls.set_extension(name, default=default)


class ShushuoComponent:
    """The pipeline component: runs a :class:`shushuo.Extractor` on each
    ``Doc``'s text and writes entities and metrics as spans (see the module
    docstring). Made by ``nlp.add_pipe("shushuo", config={...})``."""

    def __init__(
        self,
        nlp: Optional[Language] = None,
        name: str = "shushuo",
        *,
        reference_date: Optional[str] = None,
        metrics: bool = True,
        entities: bool = True,
        default_region: Optional[str] = None,
        extra_units: Optional[Dict[str, str]] = None,
        extra_entities: Optional[Dict[str, List[str]]] = None,
        threads: Optional[int] = None,
        metrics_key: str = "metrics",
        entities_key: str = "entities",
        overwrite_ents: bool = False,
    ) -> None:
        _register_extensions()
        self.name = name
        self.threads = threads
        self.metrics_key = metrics_key
        self.entities_key = entities_key
        self.overwrite_ents = overwrite_ents
        self.extractor = Extractor(
            reference_date,
            metrics=metrics,
            entities=entities,
            default_region=default_region,
            extra_units=dict(extra_units or {}),
            extra_entities={k: list(v) for k, v in (extra_entities or {}).items()},
        )

    # -- running ---------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one ``Doc``."""
        self._annotate(doc, self.extractor.extract(doc.text))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate ``Doc``s ``batch_size`` at a time: each batch is one
        :meth:`Extractor.extract_batch` call (GIL released, every core or
        ``threads``). Used by ``nlp.pipe``."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        it = iter(stream)
        while docs := list(islice(it, batch_size)):
            results = self.extractor.extract_batch([d.text for d in docs], threads=self.threads)
            for doc, result in zip(docs, results):
                self._annotate(doc, result)
                yield doc

    def _annotate(self, doc: Doc, result: Document) -> None:
        unaligned: List[Dict[str, Any]] = []
        taken: set[tuple[int, int]] = set()

        metric_spans: List[Span] = []
        for m in result.metrics:
            span = doc.char_span(m.start, m.end, label=m.kind.upper(), alignment_mode="expand")
            if span is None or len(span) == 0 or (span.start_char, span.end_char) in taken:
                unaligned.append({"type": "metric", **m.to_dict()})
                continue
            taken.add((span.start_char, span.end_char))
            for attr in METRIC_ATTRIBUTES[:-1]:
                span._.set(attr, getattr(m, attr))
            span._.set("quantity", m.text)
            metric_spans.append(span)

        entity_spans: List[Span] = []
        taken.clear()  # entity attributes are named apart from metric ones
        for e in result.entities:
            span = doc.char_span(e.start, e.end, label=e.kind, alignment_mode="expand")
            if span is None or len(span) == 0 or (span.start_char, span.end_char) in taken:
                unaligned.append({"type": "entity", **e.to_dict()})
                continue
            taken.add((span.start_char, span.end_char))
            span._.set("normalized", e.normalized)
            span._.set("code", e.code)
            span._.set("canonical", e.canonical)
            entity_spans.append(span)

        doc.spans[self.metrics_key] = metric_spans
        doc.spans[self.entities_key] = entity_spans
        ours = filter_spans(entity_spans)
        if self.overwrite_ents:
            doc.ents = filter_spans(ours + list(doc.ents))
        else:
            kept = list(doc.ents)
            used = {i for ent in kept for i in range(ent.start, ent.end)}
            ours = [s for s in ours if not any(i in used for i in range(s.start, s.end))]
            doc.ents = sorted(kept + ours, key=lambda s: s.start)
        doc._.set("shushuo_region", result.region)
        doc._.set("shushuo_unaligned", unaligned)

    # -- serialisation ---------------------------------------------------

    def _cfg(self) -> Dict[str, Any]:
        return {
            "options": self.extractor.options,
            "threads": self.threads,
            "metrics_key": self.metrics_key,
            "entities_key": self.entities_key,
            "overwrite_ents": self.overwrite_ents,
        }

    def _load_cfg(self, cfg: Dict[str, Any]) -> None:
        self.extractor = Extractor._from_json(json.dumps(cfg["options"], ensure_ascii=False))
        self.threads = cfg["threads"]
        self.metrics_key = cfg["metrics_key"]
        self.entities_key = cfg["entities_key"]
        self.overwrite_ents = cfg["overwrite_ents"]

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The component's options as JSON bytes."""
        return json.dumps(self._cfg(), ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ShushuoComponent":
        """Restore the options written by :meth:`to_bytes`."""
        self._load_cfg(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the options to ``path/cfg.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "cfg.json").write_bytes(self.to_bytes())

    def from_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> "ShushuoComponent":
        """Restore the options written by :meth:`to_disk`."""
        return self.from_bytes((Path(path) / "cfg.json").read_bytes())

    def __reduce__(self) -> tuple[Callable[..., "ShushuoComponent"], tuple[str, bytes]]:
        return (_from_pickle, (self.name, self.to_bytes()))


def _from_pickle(name: str, data: bytes) -> ShushuoComponent:
    return ShushuoComponent(name=name).from_bytes(data)


@Language.factory(
    "shushuo",
    default_config={
        "reference_date": None,
        "metrics": True,
        "entities": True,
        "default_region": None,
        "extra_units": {},
        "extra_entities": {},
        "threads": None,
        "metrics_key": "metrics",
        "entities_key": "entities",
        "overwrite_ents": False,
    },
    assigns=["doc.ents", "doc.spans", "token.ent_iob", "token.ent_type"]
    + [f"span._.{a}" for a in METRIC_ATTRIBUTES + ENTITY_ATTRIBUTES]
    + [f"doc._.{a}" for a in DOC_ATTRIBUTES],
)
def make_shushuo(
    nlp: Language,
    name: str,
    reference_date: Optional[str],
    metrics: bool,
    entities: bool,
    default_region: Optional[str],
    extra_units: Dict[str, str],
    extra_entities: Dict[str, List[str]],
    threads: Optional[int],
    metrics_key: str,
    entities_key: str,
    overwrite_ents: bool,
) -> ShushuoComponent:
    """The ``shushuo`` factory: the :class:`Extractor` options
    (``reference_date``, ``metrics``, ``entities``, ``default_region``,
    ``extra_units``, ``extra_entities``), ``threads`` for ``nlp.pipe``
    batches (None: every core), the span-group keys and ``overwrite_ents``."""
    return ShushuoComponent(
        nlp,
        name,
        reference_date=reference_date,
        metrics=metrics,
        entities=entities,
        default_region=default_region,
        extra_units=extra_units,
        extra_entities=extra_entities,
        threads=threads,
        metrics_key=metrics_key,
        entities_key=entities_key,
        overwrite_ents=overwrite_ents,
    )
