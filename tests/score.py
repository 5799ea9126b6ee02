#!/usr/bin/env python3
"""shushuo's own scorer: metric and entity predictions against gold annotations.

    python3 tests/score.py --gold DIR --corpus DIR PRED.jsonl [--json] [--per-doc] [--errors N]
    python3 tests/score.py --gold DIR --corpus DIR --check     # validate the gold only

It reads the prediction format of FORMAT.md (one JSON object per document,
``{"doc": "o01", "metrics": [...], "entities": [...]}``) and gold files written
to the annotation guideline (GUIDELINE.md, v2), and gives the same numbers, the
same ``--json`` keys and the same miss lists as the scorer in ``../shared/eval``,
so that the project's quality checks run with or without ``../shared``.
tests/test_score.py holds a small case for every rule below and, where
``../shared`` is present, checks that both scorers agree on real predictions.
Standard library only.

Rules
-----
R1  Text comparison. Entity texts, regions and indicators are compared after
    ``fold``: every character for which ``str.isspace()`` holds is removed
    (ASCII spaces, tabs, newlines, U+3000, U+00A0 ...), then one enclosing pair
    ``《`` ... ``》`` is dropped when the text both starts with ``《`` and ends
    with ``》``. A missing, null or empty value folds to ``""``.

R2  Units are folded as in R1, then ``％`` and ``百分比`` read as ``%``.
    Nothing else is mapped: ``亿元`` is not ``元``, ``個`` is not ``个``.

R3  Values are equal when both convert with ``float()`` (so JSON numbers and
    numeric strings) and ``math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)``.
    A value that does not convert (missing, null, text) never equals anything.

R4  Gold spans. A gold metric gives no offsets; its span is found from its
    ``context``, which must occur exactly once in the document, and its
    ``quantity``, taken at its first occurrence inside the context. Offsets are
    code point offsets into the document as Python reads it in text mode
    (UTF-8; ``\\r\\n`` and ``\\r`` read as ``\\n``), end exclusive.

R5  Gold validation, done before every run and alone with ``--check``: each
    metric's context occurs once and contains its quantity; ``approx`` (default
    ``exact``) and ``change`` (default ``none``) take their allowed values; the
    ``value`` is a JSON number; the ``unit`` is not empty; no two metrics of a
    document share a span; every entity has a known type and a text that,
    folded, occurs in the folded document. Any error: all are printed to
    stderr with their count and the exit status is 2. Gold files are the
    ``*.json`` of the gold folder in name order; the document id is the file
    name, and the text is ``CORPUS/<id>.txt``.

R6  Predictions. Blank lines are skipped; each line is one document keyed by
    ``str(doc)``, a later line for the same document replacing an earlier one.
    A document without a line scores as an empty prediction; a line for a
    document without gold is ignored. A predicted metric keeps its place only
    if ``int()`` reads its ``start`` and ``end`` (so ``"12"`` and ``12.9`` read
    as 12) and ``0 <= start < end <= len(text)``; any other is dropped
    silently, counting neither as a prediction nor as spurious.

R7  Matching. Every gold/prediction pair whose spans overlap by at least one
    code point is a candidate. Candidates are taken greedily, one to one, in
    this order: larger overlap first; then smaller distance between the two
    starts; then the gold that comes later in the gold file; then the
    prediction that comes later in the prediction line.

R8  Optional gold (``"optional": true``). A prediction matched to an optional
    gold is taken off both sides: it is neither a hit nor a prediction. An
    optional gold counts nowhere else and is never missed. A prediction that
    overlaps an optional gold which another prediction took stays unmatched,
    and so is spurious.

R9  Metric scores, summed over all documents (micro average):
    ``metrics_span`` hits are the matched pairs with a non-optional gold;
    ``metrics_full`` hits are those of them whose value (R3) and unit (R2)
    agree. Both share the prediction count (valid predictions less those taken
    by optional gold, R6 and R8) and the gold count (non-optional gold).

R10 Attributes, on every ``metrics_span`` hit (right value or not):
    ``approx`` equal, missing reading as ``exact`` on either side (a JSON
    null is not ``exact``); ``change`` equal, missing reading as ``none``;
    ``region`` equal after R1, where a missing gold region and a missing, null
    or empty predicted one are all ``""`` (so no region on both sides agrees);
    ``indicator_char_f1`` the F1 of the two folded indicators (R1) as
    multisets of characters, 0 where they share no character, which includes
    both being empty. Each is the mean over the hits, rounded to 4 places;
    with no hit at all the section is ``{}``.

R11 Entities are scored per document as sets of ``(type, fold(text))``.
    Gold splits into required and optional. A predicted pair is dropped when
    its folded text is empty or when it equals an optional gold pair (same
    type and text). Per kind (PERSON, REGION, SCHOOL, ORG, WORK, DATE): hits
    are the shared pairs of that kind, predictions and gold the pairs of that
    kind; a predicted type outside the six counts in no kind and not in ALL.
    ``ALL`` sums the six kinds. ``UNTYPED`` compares texts only: gold texts of
    the required pairs, against the predicted texts less every text that any
    optional gold entity has, whatever its type.

R12 Precision, recall, F1: ``p = tp / pred`` (0 with no prediction),
    ``r = tp / gold`` (0 with no gold), ``f1 = 2pr / (p + r)`` (0 when both are
    0), each rounded to 4 places, reported with ``tp``, ``pred``, ``gold``.

R13 ``--per-doc`` adds, per document, ``metrics_full`` (as R9) and
    ``entities``: all predicted pairs of the document after R11's drops,
    unknown types included, against the required gold pairs.

R14 Output. ``--json`` prints ``metrics_span``, ``metrics_full``,
    ``metric_attributes`` (approx, change, region, indicator_char_f1),
    ``entities`` (the six kinds, ALL, UNTYPED) and, with ``--per-doc``,
    ``per_doc``, as ``json.dumps(..., ensure_ascii=False, indent=1)``; without
    it, one aligned line per score. ``--errors N`` then lists up to N misses
    of each kind, kinds in name order: ``missed`` (required gold with no
    match), ``spurious`` (unmatched predictions, with 8 characters of text
    either side), ``wrong_value_or_unit`` (span hits whose value or unit
    differ), ``entity_missed_<TYPE>`` and ``entity_spurious_<TYPE>``.

Where a malformed prediction would stop the shared scorer with a traceback
(a null ``metrics`` list, an unhashable ``type``), this one reads it as empty
or as text instead.
"""
import argparse
import json
import math
import os
import sys
from collections import Counter
from dataclasses import dataclass, field

KINDS = ("PERSON", "REGION", "SCHOOL", "ORG", "WORK", "DATE")
APPROX = ("exact", "about", "over", "under")
CHANGE = ("none", "increase", "decrease")
UNIT_ALIASES = {"％": "%", "百分比": "%"}
WINDOW = 8  # characters shown either side of a spurious prediction


# --- R1-R3: comparing values ------------------------------------------------

def fold(value):
    """R1: drop whitespace, then one enclosing 《》 pair; falsy values are ""."""
    if not value:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = "".join(c for c in text if not c.isspace())
    if text[:1] == "《" and text[-1:] == "》":
        text = text[1:-1]
    return text


def fold_unit(unit):
    """R2: fold as R1, then the two spellings of percent."""
    text = fold(unit)
    return UNIT_ALIASES.get(text, text)


def same_value(gold, pred):
    """R3: both read as floats and are close; anything unreadable differs."""
    try:
        x, y = float(gold), float(pred)
    except (TypeError, ValueError):
        return False
    return math.isclose(x, y, rel_tol=1e-6, abs_tol=1e-9)


def char_f1(gold, pred):
    """R10: F1 of the folded texts as multisets of characters."""
    want, got = Counter(fold(gold)), Counter(fold(pred))
    shared = sum((want & got).values())
    if not shared:
        return 0.0
    precision = shared / sum(got.values())
    recall = shared / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def prf(tp, pred, gold):
    """R12: precision, recall and F1 rounded to 4 places, with the counts."""
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4),
            "tp": tp, "pred": pred, "gold": gold}


# --- R4, R5: the gold ---------------------------------------------------------

@dataclass
class GoldMetric:
    raw: dict
    start: int
    end: int

    @property
    def optional(self):
        return bool(self.raw.get("optional"))


@dataclass
class GoldDoc:
    name: str
    text: str
    raw: dict
    metrics: list = field(default_factory=list)   # GoldMetric, in file order
    required: set = field(default_factory=set)    # (type, folded text)
    optional: set = field(default_factory=set)


class GoldError(Exception):
    """The gold does not follow the guideline; args[0] is the list of errors."""


def _check_metric(name, index, m, text, errors):
    """R4 and R5 for one gold metric: its span, or None after recording why."""
    where = f"{name} metric {index} ({m.get('quantity')!r})"
    context, quantity = m.get("context", ""), m.get("quantity", "")
    found = text.count(context) if context else 0
    if found != 1:
        errors.append(f"{where}: context {context!r} occurs {found} times")
        return None
    offset = context.find(quantity) if quantity else -1
    if offset < 0:
        errors.append(f"{where}: quantity not inside context {context!r}")
        return None
    start = text.find(context) + offset
    for key, allowed, default in (("approx", APPROX, "exact"), ("change", CHANGE, "none")):
        if m.get(key, default) not in allowed:
            errors.append(f"{where}: {key} {m.get(key)!r} not in {sorted(allowed)}")
    if not isinstance(m.get("value"), (int, float)):
        errors.append(f"{where}: value {m.get('value')!r} is not a number")
    if not m.get("unit"):
        errors.append(f"{where}: no unit")
    return start, start + len(quantity)


def _read_doc(gold_dir, corpus_dir, filename, errors):
    name = filename[: -len(".json")]
    with open(os.path.join(gold_dir, filename), encoding="utf-8") as f:
        raw = json.load(f)
    with open(os.path.join(corpus_dir, name + ".txt"), encoding="utf-8") as f:
        text = f.read()  # text mode: R4's newline rule
    doc = GoldDoc(name, text, raw)
    for i, m in enumerate(raw.get("metrics") or []):
        span = _check_metric(name, i, m, text, errors)
        if span is not None:
            doc.metrics.append(GoldMetric(m, *span))
    spans = set()
    for g in sorted(doc.metrics, key=lambda g: g.start):  # stable: file order on ties
        if (g.start, g.end) in spans:
            errors.append(f"{name}: two metrics share the span {g.raw.get('quantity')!r}")
        spans.add((g.start, g.end))
    folded_text = fold(text)
    for i, e in enumerate(raw.get("entities") or []):
        kind, surface = e.get("type"), fold(e.get("text"))
        if kind not in KINDS:
            errors.append(f"{name} entity {i}: type {kind!r}")
        if not surface or surface not in folded_text:
            errors.append(f"{name} entity {i}: text {e.get('text')!r} not in document")
        (doc.optional if e.get("optional") else doc.required).add((kind, surface))
    return doc


def read_gold(gold_dir, corpus_dir):
    """Every gold document, by name; raises GoldError listing all problems."""
    errors, docs = [], {}
    for filename in sorted(os.listdir(gold_dir)):
        if filename.endswith(".json"):
            doc = _read_doc(gold_dir, corpus_dir, filename, errors)
            docs[doc.name] = doc
    if errors:
        raise GoldError(errors)
    return docs


# --- R6: the predictions ------------------------------------------------------

def read_predictions(path):
    """R6: {doc id: prediction object}; the last line for a document wins."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                out[str(obj["doc"])] = obj
    return out


def _predicted_spans(pred, length):
    """R6: the predicted metrics that have a readable span inside the text."""
    kept = []
    for p in pred.get("metrics") or []:
        if not isinstance(p, dict):
            continue
        try:
            start, end = int(p["start"]), int(p["end"])
        except (KeyError, TypeError, ValueError, OverflowError):
            continue
        if 0 <= start < end <= length:
            kept.append((start, end, p))
    return kept


def _entity_pairs(entities):
    pairs = set()
    for e in entities or []:
        if isinstance(e, dict):
            kind = e.get("type")
            if isinstance(kind, (list, dict)):
                kind = json.dumps(kind, ensure_ascii=False, sort_keys=True)
            pairs.add((kind, fold(e.get("text"))))
    return pairs


# --- R7: matching -------------------------------------------------------------

def match(gold_spans, pred_spans):
    """R7: greedy one-to-one matching; returns (gold index, pred index) pairs
    in the order they were taken."""
    candidates = []
    for gi, (gs, ge) in enumerate(gold_spans):
        for pi, (ps, pe) in enumerate(pred_spans):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                candidates.append((-overlap, abs(gs - ps), -gi, -pi))
    candidates.sort()
    taken_gold, taken_pred, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        gi, pi = -gi, -pi
        if gi in taken_gold or pi in taken_pred:
            continue
        taken_gold.add(gi)
        taken_pred.add(pi)
        pairs.append((gi, pi))
    return pairs


# --- R8-R13: scoring ------------------------------------------------------------

class Tally:
    """tp / pred / gold counts for one score."""

    def __init__(self):
        self.tp = self.pred = self.gold = 0

    def add(self, tp, pred, gold):
        self.tp += tp
        self.pred += pred
        self.gold += gold

    def prf(self):
        return prf(self.tp, self.pred, self.gold)


class Scorer:
    """Accumulates R8-R13 over documents, in name order."""

    ATTRIBUTES = ("approx", "change", "region", "indicator_char_f1")

    def __init__(self):
        self.span, self.full = Tally(), Tally()
        self.attributes = {key: [] for key in self.ATTRIBUTES}
        self.entities = {key: Tally() for key in KINDS + ("ALL", "UNTYPED")}
        self.per_doc = {}
        self.misses = {}

    def miss(self, kind, line):
        self.misses.setdefault(kind, []).append(line)

    def add(self, doc, pred):
        metrics_full = self._metrics(doc, pred)
        entities = self._entities(doc, pred)
        self.per_doc[doc.name] = {"metrics_full": metrics_full, "entities": entities}

    def _metrics(self, doc, pred):
        text = doc.text
        preds = _predicted_spans(pred, len(text))
        pairs = match([(g.start, g.end) for g in doc.metrics], [(s, e) for s, e, _ in preds])
        hits = full = on_optional = 0
        for gi, pi in pairs:
            g, p = doc.metrics[gi], preds[pi][2]
            if g.optional:  # R8
                on_optional += 1
                continue
            hits += 1
            gm = g.raw
            right = same_value(gm["value"], p.get("value")) and \
                fold_unit(gm["unit"]) == fold_unit(p.get("unit"))
            if right:
                full += 1
            else:
                self.miss("wrong_value_or_unit",
                          f"{doc.name}: {text[g.start:g.end]!r} gold {gm['value']} {gm['unit']}"
                          f" / pred {p.get('value')} {p.get('unit')}")
            a = self.attributes
            a["approx"].append(gm.get("approx", "exact") == p.get("approx", "exact"))
            a["change"].append(gm.get("change", "none") == p.get("change", "none"))
            a["region"].append(fold(gm.get("region")) == fold(p.get("region")))
            a["indicator_char_f1"].append(char_f1(gm.get("indicator"), p.get("indicator")))
        matched_gold = {gi for gi, _ in pairs}
        matched_pred = {pi for _, pi in pairs}
        required = sum(1 for g in doc.metrics if not g.optional)
        counted = len(preds) - on_optional
        self.span.add(hits, counted, required)
        self.full.add(full, counted, required)
        for gi, g in enumerate(doc.metrics):
            if gi not in matched_gold and not g.optional:
                self.miss("missed", f"{doc.name}: {g.raw['context']!r} -> {g.raw['quantity']!r}")
        for pi, (s, e, _) in enumerate(preds):
            if pi not in matched_pred:
                around = text[max(0, s - WINDOW):min(len(text), e + WINDOW)]
                self.miss("spurious", f"{doc.name}: {text[s:e]!r} in {around!r}")
        return prf(full, counted, required)

    def _entities(self, doc, pred):
        predicted = {x for x in _entity_pairs(pred.get("entities"))
                     if x[1] and x not in doc.optional}
        for kind in KINDS:
            want = {x for x in doc.required if x[0] == kind}
            got = {x for x in predicted if x[0] == kind}
            tp = len(want & got)
            self.entities[kind].add(tp, len(got), len(want))
            self.entities["ALL"].add(tp, len(got), len(want))
            for _, t in sorted(want - got):
                self.miss(f"entity_missed_{kind}", f"{doc.name}: {t}")
            for _, t in sorted(got - want):
                self.miss(f"entity_spurious_{kind}", f"{doc.name}: {t}")
        optional_texts = {t for _, t in doc.optional}
        want_texts = {t for _, t in doc.required}
        got_texts = {t for _, t in predicted} - optional_texts
        self.entities["UNTYPED"].add(len(want_texts & got_texts), len(got_texts), len(want_texts))
        return prf(len(doc.required & predicted), len(predicted), len(doc.required))

    def result(self, per_doc=False):
        attributes = {key: round(sum(v) / len(v), 4)
                      for key, v in self.attributes.items() if v}
        out = {
            "metrics_span": self.span.prf(),
            "metrics_full": self.full.prf(),
            "metric_attributes": attributes,
            "entities": {key: t.prf() for key, t in self.entities.items()},
        }
        if per_doc:
            out["per_doc"] = self.per_doc
        return out


def score(docs, predictions, per_doc=False):
    """Score {doc: GoldDoc} against {doc: prediction}; returns (result, misses)."""
    scorer = Scorer()
    for name in sorted(docs):
        scorer.add(docs[name], predictions.get(name) or {})
    return scorer.result(per_doc), scorer.misses


def score_files(gold_dir, corpus_dir, pred_path, per_doc=False):
    """The ``--json`` result for a prediction file (raises GoldError)."""
    return score(read_gold(gold_dir, corpus_dir), read_predictions(pred_path), per_doc)[0]


# --- R14: the command -----------------------------------------------------------

def _line(label, r):
    return (f"{label} P {r['p']:.3f} R {r['r']:.3f} F1 {r['f1']:.3f}  "
            f"(tp {r['tp']}, pred {r['pred']}, gold {r['gold']})")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\nRules\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", nargs="?", help="predictions, one JSON object per line")
    ap.add_argument("--gold", required=True, help="folder of <doc>.json gold files")
    ap.add_argument("--corpus", required=True, help="folder of <doc>.txt documents")
    ap.add_argument("--check", action="store_true", help="validate the gold and exit")
    ap.add_argument("--json", action="store_true", help="print the result as JSON")
    ap.add_argument("--per-doc", action="store_true", help="add the scores of each document")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="list up to N misses of each kind")
    a = ap.parse_args(argv)
    try:
        docs = read_gold(a.gold, a.corpus)
    except GoldError as e:
        errors = e.args[0]
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} gold errors", file=sys.stderr)
        return 2
    if a.check:
        metrics = sum(len(d.raw.get("metrics") or []) for d in docs.values())
        entities = sum(len(d.raw.get("entities") or []) for d in docs.values())
        print(f"gold ok: {len(docs)} documents, {metrics} metrics, {entities} entities")
        return 0
    if not a.pred:
        ap.error("PRED.jsonl is required unless --check")
    result, misses = score(docs, read_predictions(a.pred), a.per_doc)
    if a.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(_line(f"{'metrics_span':18}", result["metrics_span"]))
        print(_line(f"{'metrics_full':18}", result["metrics_full"]))
        print("attributes on matched metrics:", json.dumps(result["metric_attributes"]))
        for kind, r in result["entities"].items():
            print(_line(f"entities {kind:8}", r))
        if a.per_doc:
            for name, r in result["per_doc"].items():
                print(name, json.dumps(r))
    if a.errors:
        for kind in sorted(misses):
            lines = misses[kind]
            print(f"\n## {kind} ({len(lines)})")
            for line in lines[: a.errors]:
                print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
