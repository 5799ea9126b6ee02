"""to_dataframe: one row per metric or entity, with a doc column."""

from __future__ import annotations

import subprocess
import sys

import pytest

import shushuo
from conftest import make_doc
from shushuo._frames import ENTITY_COLUMNS, METRIC_COLUMNS

pd = pytest.importorskip("pandas")


def test_metric_rows(handmade: shushuo.Document) -> None:
    df = shushuo.to_dataframe([handmade, handmade], ids=["a", "b"])
    assert list(df.columns) == list(METRIC_COLUMNS)
    assert len(df) == 4
    assert list(df["doc"]) == ["a", "a", "b", "b"]
    assert list(df["value"]) == [8660.0, 94.5]*2
    assert df["start"].dtype == "int64" and df["value"].dtype == "float64"
    assert df["borderline"].dtype == "bool" and df["previous"].dtype == "float64"
    assert df["previous"].isna().all()
    assert df["si_value"].dtype == "float64" and df["si_value"].isna().all()
    assert df["si_unit"].isna().all()
    row = df.iloc[0]
    assert handmade.text[row["start"] : row["end"]] == row["text"] == "8660个"
    assert row["indicator"] == "新增学位" and row["region"] == "江北区"


def test_entity_rows(handmade: shushuo.Document) -> None:
    df = shushuo.to_dataframe(handmade, kind="entities")
    assert list(df.columns) == list(ENTITY_COLUMNS)
    assert list(df["kind"]) == ["DATE", "REGION", "WORK"]
    assert list(df["doc"]) == [0, 0, 0]
    assert df["code"].isna().all() and df["canonical"].isna().all()


def test_default_ids_are_positions(handmade: shushuo.Document) -> None:
    empty = shushuo.Extractor().extract("")
    df = shushuo.to_dataframe(iter([empty, handmade]))
    assert set(df["doc"]) == {1}


def test_empty_frames_have_columns_and_dtypes() -> None:
    for kind, cols in [("metrics", METRIC_COLUMNS), ("entities", ENTITY_COLUMNS)]:
        df = shushuo.to_dataframe([], kind=kind)  # type: ignore[arg-type]
        assert list(df.columns) == list(cols) and len(df) == 0
        assert df["start"].dtype == "int64"


def test_bad_arguments(handmade: shushuo.Document) -> None:
    with pytest.raises(ValueError, match="kind"):
        shushuo.to_dataframe([handmade], kind="numbers")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2 ids for 1 documents"):
        shushuo.to_dataframe([handmade], ids=["a", "b"])
    with pytest.raises(TypeError, match="Document"):
        shushuo.to_dataframe(["text"])  # type: ignore[list-item]


def test_real_extraction_frame(ex: shushuo.Extractor, sample_text: str) -> None:
    docs = ex.extract_batch([sample_text, "全区新增学位8660个。"])
    df = shushuo.to_dataframe(docs, ids=["sample", "one"])
    assert len(df) == sum(len(d.metrics) for d in docs)
    for _, row in df.iterrows():
        text = sample_text if row["doc"] == "sample" else docs[1].text
        assert text[row["start"] : row["end"]] == row["text"]


def test_missing_pandas_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "import shushuo\n"
        "try:\n"
        "    shushuo.to_dataframe([])\n"
        "except ImportError as e:\n"
        "    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert 'pip install "shushuo-nlp[pandas]"' in out.stdout


def test_previous_column(ex: shushuo.Extractor) -> None:
    df = shushuo.to_dataframe(ex.extract("全区公办中小学由41所增加到67所。"))
    assert list(df.columns)[-3:] == ["previous", "si_value", "si_unit"]
    assert list(df["text"]) == ["41所", "67所"]
    assert pd.isna(df["previous"][0]) and df["previous"][1] == 41.0


def test_si_columns(ex: shushuo.Extractor) -> None:
    df = shushuo.to_dataframe(ex.extract("流转土地3亩，投入8亿元。"))
    assert list(df["text"]) == ["3亩", "8亿元"]
    assert df["si_value"][0] == pytest.approx(2000.0) and pd.isna(df["si_value"][1])
    assert df["si_unit"][0] == "m2" and pd.isna(df["si_unit"][1])


def test_code_columns(handmade: shushuo.Document) -> None:
    doc = make_doc("冀、宁德时代。", entities=[
        ("冀", "REGION", "冀", {"code": "130000", "canonical": "河北省"}),
        ("宁德时代", "ORG", "宁德时代"),
    ])
    df = shushuo.to_dataframe([doc, handmade], kind="entities")
    assert list(df.columns)[-2:] == ["code", "canonical"]
    assert df["code"][0] == "130000" and df["code"][1:].isna().all()
    assert df["canonical"][0] == "河北省" and df["canonical"][1:].isna().all()
