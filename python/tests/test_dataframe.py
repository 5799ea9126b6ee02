"""to_dataframe: one row per metric or entity, with a doc column."""

from __future__ import annotations

import subprocess
import sys

import pytest

import shushuo
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
    row = df.iloc[0]
    assert handmade.text[row["start"] : row["end"]] == row["text"] == "8660个"
    assert row["indicator"] == "新增学位" and row["region"] == "江北区"


def test_entity_rows(handmade: shushuo.Document) -> None:
    df = shushuo.to_dataframe(handmade, kind="entities")
    assert list(df.columns) == list(ENTITY_COLUMNS)
    assert list(df["kind"]) == ["DATE", "REGION", "WORK"]
    assert list(df["doc"]) == [0, 0, 0]


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
    assert 'pip install "shushuo[pandas]"' in out.stdout


def test_previous_column(ex: shushuo.Extractor) -> None:
    df = shushuo.to_dataframe(ex.extract("全区公办中小学由41所增加到67所。"))
    assert list(df.columns)[-1] == "previous"
    assert list(df["text"]) == ["41所", "67所"]
    assert pd.isna(df["previous"][0]) and df["previous"][1] == 41.0
