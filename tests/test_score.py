"""Tests of tests/score.py, the project's own scorer (standard library + pytest).

    python3 -m pytest -q -p no:cacheprovider tests/test_score.py

Each rule R1-R14 of score.py's docstring has small hand-made cases below (our
own sentences, never the shared corpus). Every case runs through our scorer
and, where ../shared is present (or $SHUSHUO_SHARED), through the shared
scorer too, which must print exactly the same. The consistency tests at the end
score the extractor's real predictions on the dev, held-out and open corpora,
and many seeded random distortions of them, with both scorers.
"""
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.dont_write_bytecode = True  # no __pycache__ in the checkout
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import score  # noqa: E402  (tests/score.py)

SCORER = HERE / "score.py"
SHARED = Path(os.path.normpath(ROOT / os.environ.get("SHUSHUO_SHARED", "../shared")))
SHARED_SCORER = SHARED / "eval" / "score.py"
HAVE_SHARED = SHARED_SCORER.is_file()
needs_shared = pytest.mark.skipif(
    not HAVE_SHARED, reason=f"agreement with the shared scorer: no {SHARED_SCORER}")


# --- helpers -------------------------------------------------------------------

def run(scorer, *args):
    p = subprocess.run([sys.executable, "-B", str(scorer), *map(str, args)],
                       capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


class Case:
    """A gold folder, a corpus folder and a prediction file in tmp_path."""

    def __init__(self, tmp_path):
        self.dir = tmp_path
        self.gold = tmp_path / "gold"
        self.corpus = tmp_path / "corpus"
        self.gold.mkdir()
        self.corpus.mkdir()
        self.pred = tmp_path / "pred.jsonl"
        self.pred.write_text("", encoding="utf-8")

    def doc(self, name, text, metrics=(), entities=(), newline=None):
        with open(self.corpus / f"{name}.txt", "w", encoding="utf-8", newline=newline or "") as f:
            f.write(text)
        (self.gold / f"{name}.json").write_text(
            json.dumps({"doc": name, "metrics": list(metrics), "entities": list(entities)},
                       ensure_ascii=False), encoding="utf-8")
        return self

    def predict(self, *lines):
        """Each line a prediction object, or a raw string written as is."""
        self.pred.write_text(
            "".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n"
                    for x in lines), encoding="utf-8")
        return self

    def cli(self, *args, check=False):
        """Our scorer's (status, stdout, stderr); the shared one must agree."""
        argv = ["--gold", self.gold, "--corpus", self.corpus, *args]
        if not check:
            argv.append(self.pred)
        else:
            argv.append("--check")
        ours = run(SCORER, *argv)
        if HAVE_SHARED:
            theirs = run(SHARED_SCORER, *argv)
            assert ours[0] == theirs[0]
            assert ours[1] == theirs[1]
            if ours[0] != 0:
                assert ours[2] == theirs[2]
        return ours

    def result(self, per_doc=False):
        status, out, err = self.cli("--json", "--per-doc") if per_doc else self.cli("--json")
        assert status == 0, err
        return json.loads(out)

    def misses(self, n=100):
        status, out, err = self.cli("--json", "--errors", n)
        assert status == 0, err
        body = out[out.index("\n## "):] if "\n## " in out else ""
        lists, kind = {}, None
        for line in body.splitlines():
            if line.startswith("## "):
                kind = line[3:].rsplit(" (", 1)[0]
                lists[kind] = []
            elif line.startswith("  "):
                lists[kind].append(line[2:])
        return lists


def metric(context, quantity, value, unit, **kw):
    return dict(context=context, quantity=quantity, value=value, unit=unit, **kw)


def at(text, quantity, nth=0, **kw):
    """A predicted metric over the nth occurrence of quantity in text."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(quantity, start + 1)
    return dict(start=start, end=start + len(quantity), **kw)


@pytest.fixture
def case(tmp_path):
    return Case(tmp_path)


TEXT = "今年全区新增学位8660个，投入资金31.96亿元，比上年增长12%。"
GOLD = [
    metric("新增学位8660个", "8660个", 8660, "个", indicator="新增学位", region="江北区"),
    metric("投入资金31.96亿元", "31.96亿元", 3196000000, "元", indicator="投入资金", region="江北区"),
    metric("比上年增长12%", "12%", 12, "%", indicator="投入资金增长", change="increase",
           region="江北区"),
]


def perfect(text=TEXT, gold=GOLD):
    out = []
    for g in gold:
        start = text.index(g["context"]) + g["context"].index(g["quantity"])
        p = {k: v for k, v in g.items() if k not in ("context", "quantity", "optional")}
        out.append(dict(p, start=start, end=start + len(g["quantity"])))
    return out


# --- R1: folding of texts ----------------------------------------------------------

def test_fold_rules():
    assert score.fold("康居 西城\u3000小学\n") == "康居西城小学"
    assert score.fold("《光明日报》") == "光明日报"
    assert score.fold("《《光明日报》》") == "《光明日报》"  # one pair only
    assert score.fold("《光明日报") == "《光明日报"       # both ends or nothing
    assert score.fold("《》") == ""
    assert score.fold(None) == "" and score.fold("") == ""


def test_entity_text_ignores_whitespace_and_brackets(case):
    case.doc("d", "康居 西城小学的老师在《光明日报》发文。",
             entities=[{"type": "SCHOOL", "text": "康居西城小学"},
                       {"type": "WORK", "text": "光明日报"}])
    case.predict({"doc": "d", "metrics": [], "entities": [
        {"type": "SCHOOL", "text": "康居 西城小学"}, {"type": "WORK", "text": "《光明日报》"}]})
    r = case.result()
    assert r["entities"]["ALL"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 2, "pred": 2, "gold": 2}


# --- R2: units ---------------------------------------------------------------------

def test_unit_aliases_and_no_others(case):
    text = "比例为98.3%，占比为四成，共31.96亿元，共5個。"
    case.doc("d", text, [metric("比例为98.3%", "98.3%", 98.3, "%"),
                         metric("占比为四成", "四成", 40, "%"),
                         metric("共31.96亿元", "31.96亿元", 3196000000, "元"),
                         metric("共5個", "5個", 5, "个")])
    case.predict({"doc": "d", "metrics": [
        at(text, "98.3%", value=98.3, unit="％"),
        at(text, "四成", value=40, unit=" 百分比"),
        at(text, "31.96亿元", value=3196000000, unit="亿元"),
        at(text, "5個", value=5, unit="個")]})
    r = case.result()
    assert r["metrics_span"]["tp"] == 4
    assert r["metrics_full"]["tp"] == 2


# --- R3: values --------------------------------------------------------------------

def test_values_close_numeric_strings_and_null(case):
    text = "甲校3.4万人，乙校2.5万人，丙校12人，丁校7人。"
    case.doc("d", text, [metric("甲校3.4万人", "3.4万人", 34000, "人"),
                         metric("乙校2.5万人", "2.5万人", 25000, "人"),
                         metric("丙校12人", "12人", 12, "人"),
                         metric("丁校7人", "7人", 7, "人")])
    case.predict({"doc": "d", "metrics": [
        at(text, "3.4万人", value=34000.01, unit="人"),   # within rel 1e-6
        at(text, "2.5万人", value="25000", unit="人"),    # numeric string
        at(text, "12人", value=12.1, unit="人"),          # too far
        at(text, "7人", value=None, unit="人")]})         # null never equal
    assert case.result()["metrics_full"]["tp"] == 2
    assert score.same_value(1, 1.0000000001) and not score.same_value("七", 7)


# --- R4: gold spans ----------------------------------------------------------------

def test_gold_span_is_first_quantity_in_unique_context(case):
    text = "一班5人，二班5人，三班5人。"
    # the quantity "5人" occurs in the context twice: its first occurrence counts
    case.doc("d", text, [metric("二班5人，三班5人", "5人", 5, "人")])
    case.predict({"doc": "d", "metrics": [at(text, "5人", 2, value=5, unit="人")]})
    r = case.result()
    assert r["metrics_span"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 1, "gold": 1}
    case.predict({"doc": "d", "metrics": [at(text, "5人", 1, value=5, unit="人")]})
    assert case.result()["metrics_full"]["tp"] == 1


def test_crlf_reads_as_one_character(case):
    text = "第一段。\r\n共有学校128所。"
    case.doc("d", text, [metric("共有学校128所", "128所", 128, "所")])
    start = text.replace("\r\n", "\n").index("128所")
    # only the first digit: it overlaps the gold only if \r\n counts as one
    case.predict({"doc": "d", "metrics": [{"start": start, "end": start + 1, "value": 128,
                                           "unit": "所"}]})
    assert case.result()["metrics_full"]["tp"] == 1


# --- R5: gold validation -------------------------------------------------------------

def test_check_accepts_good_gold(case):
    case.doc("d", TEXT, GOLD, [{"type": "REGION", "text": "全区", "optional": True}])
    status, out, _ = case.cli(check=True)
    assert status == 0
    assert out == "gold ok: 1 documents, 3 metrics, 1 entities\n"


def test_check_reports_every_error(case):
    text = "一班5人，二班5人，共有12所学校，投入3亿元。"
    case.doc("d", text, [
        metric("5人", "5人", 5, "人"),                          # context twice
        metric("共有12所", "13所", 13, "所"),                    # quantity not inside
        metric("投入3亿元", "3亿元", 3e8, "元", approx="roughly", change="up"),
        metric("共有12所学校", "12所", "12", ""),               # value text, no unit
        metric("有12所", "12所", 12, "所"),                       # same span again
    ], [{"type": "LOC", "text": "一班"}, {"type": "ORG", "text": "教育部"},
        {"type": "ORG", "text": " "}])
    status, out, err = case.cli(check=True)
    assert status == 2 and out == ""
    lines = err.splitlines()
    assert lines[-1] == "10 gold errors"
    assert "d metric 0 ('5人'): context '5人' occurs 2 times" in lines
    assert "d metric 1 ('13所'): quantity not inside context '共有12所'" in lines
    assert any("approx 'roughly'" in x for x in lines)
    assert any("change 'up'" in x for x in lines)
    assert "d metric 3 ('12所'): value '12' is not a number" in lines
    assert "d metric 3 ('12所'): no unit" in lines
    assert "d: two metrics share the span '12所'" in lines
    assert "d entity 0: type 'LOC'" in lines
    assert "d entity 1: text '教育部' not in document" in lines
    assert "d entity 2: text ' ' not in document" in lines
    # scoring refuses bad gold the same way
    assert case.cli("--json")[0] == 2


def test_pred_required_unless_check(case):
    case.doc("d", TEXT, GOLD)
    status, _, err = run(SCORER, "--gold", case.gold, "--corpus", case.corpus)
    assert status == 2 and "PRED.jsonl is required" in err


# --- R6: reading predictions ---------------------------------------------------------

def test_prediction_offsets_and_lines(case):
    text = TEXT
    case.doc("d", text, GOLD).doc("e", text, GOLD)
    good = perfect()
    wild = [dict(good[0], start=str(good[0]["start"]), end=str(good[0]["end"])),  # "12"
            dict(good[1], start=good[1]["start"] + 0.9, end=good[1]["end"] + 0.2),  # 12.9
            dict(good[2], start=-1),                       # before the text
            dict(good[2], end=len(text) + 1),              # after it
            dict(good[2], start=5, end=5),                 # empty
            {k: v for k, v in good[2].items() if k != "start"},
            dict(good[2], start=None),
            dict(good[2], start="x")]
    case.predict({"doc": "d", "metrics": []},
                 "",
                 {"doc": "d", "metrics": wild},            # replaces the first line
                 {"doc": "zzz", "metrics": good},          # no gold: ignored
                 "   ")
    r = case.result(per_doc=True)
    assert r["metrics_full"] == {"p": 1.0, "r": 0.3333, "f1": 0.5, "tp": 2, "pred": 2, "gold": 6}
    assert r["per_doc"]["e"]["metrics_full"]["pred"] == 0   # no line: empty prediction
    assert set(r["per_doc"]) == {"d", "e"}
    assert "spurious" not in case.misses()                # dropped, not spurious


# --- R7: matching ------------------------------------------------------------------

def test_larger_overlap_wins(case):
    text = "新增学位8660个学位"
    case.doc("d", text, [metric("新增学位8660个学位", "8660个", 8660, "个", approx="about")])
    s = text.index("8660")
    case.predict({"doc": "d", "metrics": [
        {"start": s - 2, "end": s + 1, "value": 8660, "unit": "个"},   # overlap 1
        {"start": s + 1, "end": s + 5, "value": 8660, "unit": "个", "approx": "about"}]})
    r = case.result()
    assert r["metric_attributes"]["approx"] == 1.0
    assert r["metrics_span"]["pred"] == 2 and r["metrics_span"]["tp"] == 1


def test_closer_start_wins_then_later_gold(case):
    text = "共有12个学校。"
    # both gold spans start at 2; the prediction overlaps both by 2 at distance 0:
    # the later gold takes it
    case.doc("d", text, [metric("共有12个学校", "12", 12, "个", approx="exact"),
                         metric("有12个学校", "12个", 12, "个", approx="about")])
    case.predict({"doc": "d", "metrics": [at(text, "12", value=12, unit="个", approx="about")]})
    r = case.result()
    assert r["metric_attributes"]["approx"] == 1.0
    assert case.misses()["missed"] == ["d: '共有12个学校' -> '12'"]
    # a prediction [2,4) against golds [2,4) and [1,4) (both overlap 2): closer start wins
    text2 = "共约12个学校。"
    case.doc("d", text2, [metric("约12个", "约12", 12, "个", approx="about"),
                          metric("共约12个学校", "12", 12, "个", approx="exact")])
    case.predict({"doc": "d", "metrics": [at(text2, "12", value=12, unit="个", approx="exact")]})
    assert case.result()["metric_attributes"]["approx"] == 1.0


def test_later_prediction_wins_a_tie(case):
    text = "共有学校128所。"
    case.doc("d", text, [metric("共有学校128所", "128所", 128, "所")])
    case.predict({"doc": "d", "metrics": [at(text, "128所", value=1, unit="所"),
                                          at(text, "128所", value=128, unit="所")]})
    r = case.result()
    assert r["metrics_full"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "pred": 2, "gold": 1}
    assert case.misses()["spurious"] == ["d: '128所' in '共有学校128所。'"]


# --- R8: optional gold ---------------------------------------------------------------

def test_optional_gold(case):
    text = "建校32年来，数百名学生获奖，共有学校128所。"
    case.doc("d", text, [metric("建校32年", "32年", 32, "年", optional=True),
                         metric("数百名学生", "数百名", 100, "名", optional=True),
                         metric("共有学校128所", "128所", 128, "所")])
    case.predict({"doc": "d", "metrics": [
        at(text, "32年", value=999, unit="天"),           # taken by optional: not counted
        at(text, "数百", value=100, unit="名"),           # taken by optional (same start)
        at(text, "百名", value=100, unit="名"),           # optional already taken: spurious
        at(text, "128所", value=128, unit="所")]})
    r = case.result()
    assert r["metrics_full"] == {"p": 0.5, "r": 1.0, "f1": 0.6667, "tp": 1, "pred": 2, "gold": 1}
    m = case.misses()
    assert m["spurious"] == ["d: '百名' in '建校32年来，数百名学生获奖，共有学'"]
    assert "missed" not in m and "wrong_value_or_unit" not in m
    # an optional gold nobody predicts is not missed
    case.predict({"doc": "d", "metrics": [at(text, "128所", value=128, unit="所")]})
    assert case.result()["metrics_full"]["f1"] == 1.0
    assert case.misses() == {}


# --- R9: span and full --------------------------------------------------------------

def test_span_hit_with_wrong_value(case):
    case.doc("d", TEXT, GOLD)
    pred = perfect()
    pred[1]["value"] = 31.96
    pred.append(at(TEXT, "今年"))
    case.predict({"doc": "d", "metrics": pred})
    r = case.result()
    assert r["metrics_span"] == {"p": 0.75, "r": 1.0, "f1": 0.8571, "tp": 3, "pred": 4, "gold": 3}
    assert r["metrics_full"] == {"p": 0.5, "r": 0.6667, "f1": 0.5714, "tp": 2, "pred": 4, "gold": 3}
    assert case.misses()["wrong_value_or_unit"] == [
        "d: '31.96亿元' gold 3196000000 元 / pred 31.96 元"]


# --- R10: attributes ----------------------------------------------------------------

def test_attribute_defaults_and_missing_region(case):
    text = "甲校3人，乙校4人，丙校5人，丁校6人。"
    case.doc("d", text, [metric("甲校3人", "3人", 3, "人"),
                         metric("乙校4人", "4人", 4, "人", approx="exact", change="none"),
                         metric("丙校5人", "5人", 5, "人", region="江北区", indicator="丙校"),
                         metric("丁校6人", "6人", 6, "人", region="", indicator="丁校人数")])
    case.predict({"doc": "d", "metrics": [
        at(text, "3人", value=3, unit="人"),                         # all missing: agree
        at(text, "4人", value=4, unit="人", approx=None, change=None, region=None),
        at(text, "5人", value=5, unit="人", region=" 江北区", indicator="丙校"),
        at(text, "6人", value=99, unit="人", region=None, indicator="丁校学生数")]})
    a = case.result()["metric_attributes"]
    assert list(a) == ["approx", "change", "region", "indicator_char_f1"]
    assert a["approx"] == 0.75 and a["change"] == 0.75   # null is not the default
    assert a["region"] == 1.0                            # missing, null, "" all agree
    # indicators: "", "" -> 0; "", "" -> 0; equal -> 1; 丁校人数/丁校学生数 -> p 3/5, r 3/4
    assert a["indicator_char_f1"] == 0.4167   # (0 + 0 + 1 + 2/3) / 4, 4 places


def test_char_f1():
    assert score.char_f1("新增学位", "新增学校学位") == pytest.approx(2 * (4 / 6) / (4 / 6 + 1))
    assert score.char_f1("学学位", "学位") == pytest.approx(0.8)   # multisets
    assert score.char_f1("", "") == 0.0
    assert score.char_f1("《学 位》", "学位") == 1.0


def test_no_hit_no_attributes(case):
    case.doc("d", TEXT, GOLD)
    case.predict({"doc": "d", "metrics": []})
    r = case.result()
    assert r["metric_attributes"] == {}
    assert r["metrics_full"] == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 3}


# --- R11: entities ----------------------------------------------------------------

def test_entities_optional_unknown_and_untyped(case):
    text = "江北区教委与重庆市人民政府在成渝地区双城经济圈、鲤鱼池小学开会，重庆市。"
    case.doc("d", text, entities=[
        {"type": "ORG", "text": "江北区教委"},
        {"type": "ORG", "text": "重庆市人民政府"},
        {"type": "SCHOOL", "text": "鲤鱼池小学"},
        {"type": "REGION", "text": "重庆市"},
        {"type": "REGION", "text": "成渝地区双城经济圈", "optional": True}])
    case.predict({"doc": "d", "entities": [
        {"type": "ORG", "text": "江北区教委"},               # hit
        {"type": "SCHOOL", "text": "重庆市人民政府"},         # wrong type: UNTYPED hit only
        {"type": "REGION", "text": "成渝地区双城经济圈"},     # optional pair: dropped
        {"type": "ORG", "text": "成渝地区双城经济圈"},        # ORG spurious, UNTYPED dropped
        {"type": "LOC", "text": "鲤鱼池小学"},               # unknown type: in no kind
        {"type": "REGION", "text": "重庆市"},
        {"type": "REGION", "text": "重庆市"},                # a set: once
        {"type": "DATE", "text": " "}]})                      # empty after folding
    r = case.result(per_doc=True)
    e = r["entities"]
    assert list(e) == list(score.KINDS) + ["ALL", "UNTYPED"]
    assert e["ORG"] == {"p": 0.5, "r": 0.5, "f1": 0.5, "tp": 1, "pred": 2, "gold": 2}
    assert e["SCHOOL"]["tp"] == 0 and e["SCHOOL"]["pred"] == 1 and e["SCHOOL"]["gold"] == 1
    assert e["REGION"] == {"p": 1.0, "r": 1.0, "f1": 1.0, "tp": 1, "pred": 1, "gold": 1}
    assert e["DATE"]["pred"] == 0
    assert (e["ALL"]["tp"], e["ALL"]["pred"], e["ALL"]["gold"]) == (2, 4, 4)
    # UNTYPED: 江北区教委, 重庆市人民政府, 鲤鱼池小学, 重庆市 all found; the optional text left out
    assert (e["UNTYPED"]["tp"], e["UNTYPED"]["pred"], e["UNTYPED"]["gold"]) == (4, 4, 4)
    # R13: per_doc entities count the unknown type too
    assert r["per_doc"]["d"]["entities"]["pred"] == 5
    m = case.misses()
    assert m["entity_missed_ORG"] == ["d: 重庆市人民政府"]
    assert m["entity_spurious_ORG"] == ["d: 成渝地区双城经济圈"]
    assert m["entity_missed_SCHOOL"] == ["d: 鲤鱼池小学"]


def test_optional_text_hides_required_text_in_untyped(case):
    text = "西部科学城和西部科学城。"
    case.doc("d", text, entities=[{"type": "REGION", "text": "西部科学城"},
                                  {"type": "ORG", "text": "西部科学城", "optional": True}])
    case.predict({"doc": "d", "entities": [{"type": "REGION", "text": "西部科学城"}]})
    e = case.result()["entities"]
    assert e["REGION"]["f1"] == 1.0
    assert (e["UNTYPED"]["tp"], e["UNTYPED"]["pred"], e["UNTYPED"]["gold"]) == (0, 0, 1)


# --- R12: precision, recall, F1 -------------------------------------------------------

def test_prf():
    assert score.prf(0, 0, 0) == {"p": 0.0, "r": 0.0, "f1": 0.0, "tp": 0, "pred": 0, "gold": 0}
    assert score.prf(2, 3, 7) == {"p": 0.6667, "r": 0.2857, "f1": 0.4, "tp": 2, "pred": 3,
                                  "gold": 7}


# --- R13, R14: per-doc, output ----------------------------------------------------------

def test_json_keys_and_micro_average(case):
    case.doc("a", TEXT, GOLD).doc("b", TEXT, GOLD)
    case.predict({"doc": "a", "metrics": perfect()}, {"doc": "b", "metrics": perfect()[:1]})
    r = case.result(per_doc=True)
    assert list(r) == ["metrics_span", "metrics_full", "metric_attributes", "entities", "per_doc"]
    assert r["metrics_full"] == {"p": 1.0, "r": 0.6667, "f1": 0.8, "tp": 4, "pred": 4, "gold": 6}
    assert list(r["per_doc"]) == ["a", "b"]
    assert list(r["per_doc"]["a"]) == ["metrics_full", "entities"]
    assert r["per_doc"]["b"]["metrics_full"]["r"] == 0.3333
    assert "per_doc" not in case.result()


def test_text_output_and_error_lists(case):
    case.doc("d", TEXT, GOLD, [{"type": "REGION", "text": "全区"}])
    case.predict({"doc": "d", "metrics": perfect()[:1] + [at(TEXT, "今年")],
                  "entities": [{"type": "DATE", "text": "今年"}]})
    status, out, _ = case.cli("--per-doc", "--errors", "1")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "metrics_span       P 0.500 R 0.333 F1 0.400  (tp 1, pred 2, gold 3)"
    assert lines[2].startswith('attributes on matched metrics: {"approx": 1.0,')
    assert lines[3] == "entities PERSON   P 0.000 R 0.000 F1 0.000  (tp 0, pred 0, gold 0)"
    assert lines[11].startswith('d {"metrics_full": {"p": 0.5,')
    kinds = [x for x in lines if x.startswith("## ")]
    assert kinds == ["## entity_missed_REGION (1)", "## entity_spurious_DATE (1)",
                     "## missed (2)", "## spurious (1)"]
    i = lines.index("## missed (2)")
    assert lines[i + 1] == "  d: '投入资金31.96亿元' -> '31.96亿元'" and lines[i + 2] == ""


def test_malformed_predictions_read_as_empty(case):
    case.doc("d", TEXT, GOLD)
    case.predict({"doc": "d", "metrics": None, "entities": None})
    assert run(SCORER, "--gold", case.gold, "--corpus", case.corpus, "--json", case.pred)[0] == 0


def test_real_gold_folders_validate():
    for name in ("holdout", "open"):
        status, out, err = run(SCORER, "--gold", HERE / name / "gold",
                               "--corpus", HERE / name / "corpus", "--check")
        assert status == 0, err
        assert out.startswith("gold ok: ")


# --- the two scorers agree on real predictions --------------------------------------------

def _extract_binary():
    exe = Path(os.environ.get("SHUSHUO_EXTRACT") or ROOT / "target/release/examples/extract")
    if not exe.is_file():
        if not shutil.which("cargo"):
            pytest.skip(f"no {exe} and no cargo to build it")
        subprocess.run(["cargo", "build", "--release", "-p", "shushuo", "--example", "extract"],
                       cwd=ROOT, check=True)
    return exe


def _corpora():
    out = [("holdout", HERE / "holdout/gold", HERE / "holdout/corpus"),
           ("open", HERE / "open/gold", HERE / "open/corpus")]
    if (SHARED / "corpus/dev").is_dir():
        out.insert(0, ("dev", SHARED / "gold/dev", SHARED / "corpus/dev"))
    return out


@pytest.fixture(scope="module")
def predictions(tmp_path_factory):
    exe = _extract_binary()
    out = {}
    for name, gold, corpus in _corpora():
        files = sorted(str(p) for p in corpus.glob("*.txt"))
        pred = tmp_path_factory.mktemp(name) / "pred.jsonl"
        with open(pred, "w", encoding="utf-8") as f:
            subprocess.run([str(exe), "--format", "jsonl", *files], stdout=f, check=True)
        out[name] = (gold, corpus, pred)
    return out


def _both(gold, corpus, pred, *extra):
    argv = ["--gold", gold, "--corpus", corpus, *extra, pred]
    ours, theirs = run(SCORER, *argv), run(SHARED_SCORER, *argv)
    assert ours[0] == 0, ours[2]
    assert theirs[0] == 0, theirs[2]
    return ours[1], theirs[1]


@needs_shared
@pytest.mark.parametrize("name", ["dev", "holdout", "open"])
def test_same_results_on_extractor_output(predictions, name):
    if name not in predictions:
        pytest.skip(f"no {SHARED}/corpus/dev")
    gold, corpus, pred = predictions[name]
    ours, theirs = _both(gold, corpus, pred, "--json", "--per-doc")
    assert json.loads(ours) == json.loads(theirs)
    assert ours == theirs
    ours, theirs = _both(gold, corpus, pred, "--per-doc", "--errors", "100000")
    assert ours == theirs


def _distort(rng, obj, text_len):
    """A randomly damaged copy of one prediction line."""
    metrics = []
    for m in obj.get("metrics", []):
        m = dict(m)
        roll = rng.random()
        if roll < 0.10:
            continue                                          # drop
        if roll < 0.30:
            shift = rng.choice([-3, -2, -1, 1, 2, 3])
            m["start"] += shift if rng.random() < 0.5 else 0
            m["end"] += shift
        if rng.random() < 0.10:
            m["start"], m["end"] = m["start"] - 40, m["end"] + 40  # wide, may fall outside
        if rng.random() < 0.10:
            m["value"] = rng.choice([m["value"] * 10, m["value"] * (1 + 1e-7), str(m["value"]),
                                     None])
        if rng.random() < 0.10:
            m["unit"] = rng.choice(["%", "％", "百分比", "亿元", None, " " + str(m.get("unit"))])
        if rng.random() < 0.10:
            m["approx"] = rng.choice(list(score.APPROX) + [None])
        if rng.random() < 0.10:
            m.pop("approx", None)
        if rng.random() < 0.10:
            m["change"] = rng.choice(list(score.CHANGE))
        if rng.random() < 0.15:
            m["region"] = rng.choice([None, "", "《重庆市》", "江北区", " 江北 区"])
        if rng.random() < 0.15:
            ind = m.get("indicator") or ""
            m["indicator"] = rng.choice([None, "", ind[: len(ind) // 2], ind + "总数"])
        metrics.append(m)
        if rng.random() < 0.05:
            metrics.append(dict(m))                           # duplicate
    for _ in range(rng.randrange(3)):
        s = rng.randrange(max(1, text_len - 4))
        metrics.append({"start": s, "end": s + rng.randrange(1, 5), "value": 1, "unit": "个"})
    rng.shuffle(metrics)
    entities = []
    for e in obj.get("entities", []):
        e = dict(e)
        roll = rng.random()
        if roll < 0.10:
            continue
        if roll < 0.20:
            e["type"] = rng.choice(list(score.KINDS) + ["LOC"])
        elif roll < 0.30:
            e["text"] = rng.choice(["《%s》", " %s", "%s 》", "%s\u3000"]) % e["text"]
        elif roll < 0.35:
            e["text"] = e["text"][:-1]
        entities.append(e)
    return {"doc": obj["doc"], "metrics": metrics, "entities": entities}


@needs_shared
def test_same_results_on_distorted_predictions(predictions, tmp_path):
    """Seeded random damage to real predictions: offsets shifted and widened,
    records dropped and duplicated, values, units, attributes and entity types
    and texts changed. Both scorers must print the same on every variant."""
    rng = random.Random(20261128)
    for name, (gold, corpus, pred) in predictions.items():
        lines = [json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines() if x]
        lengths = {p.stem: len(p.read_text(encoding="utf-8")) for p in corpus.glob("*.txt")}
        for variant in range(8):
            out = tmp_path / f"{name}-{variant}.jsonl"
            damaged = [_distort(rng, obj, lengths.get(obj["doc"], 100)) for obj in lines]
            if variant % 4 == 3 and damaged:
                damaged.pop(rng.randrange(len(damaged)))     # a document with no line
            out.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in damaged),
                           encoding="utf-8")
            ours, theirs = _both(gold, corpus, out, "--json", "--per-doc", "--errors", "100000")
            assert ours == theirs, f"{name} variant {variant}"


@needs_shared
def test_same_check_on_real_gold():
    for _, gold, corpus in _corpora():
        argv = ["--gold", gold, "--corpus", corpus, "--check"]
        assert run(SCORER, *argv) == run(SHARED_SCORER, *argv)
