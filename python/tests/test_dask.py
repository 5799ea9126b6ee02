"""Extraction inside a real dask.distributed LocalCluster with two worker
processes: the extractor is pickled to the workers, a DataFrame comes back."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import shushuo
from conftest import REPO

if TYPE_CHECKING:
    import pandas

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("dask.distributed")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """A client of a two-process local cluster."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster) as c:
        yield c


def _corpus(sample_text: str) -> pandas.DataFrame:
    """40 (doc, text) rows: the sample report and short sentences."""
    texts = [sample_text, "全区新增学位8660个。", "", "2022年9月22日，教育部印发通知。"] * 10
    frame: pandas.DataFrame = pd.DataFrame({"doc": [f"d{i:02}" for i in range(len(texts))], "text": texts})
    return frame


def test_map_partitions_on_cluster(client, sample_text: str) -> None:  # type: ignore[no-untyped-def]
    corpus = _corpus(sample_text)
    extractor = shushuo.Extractor(reference_date="2023-03-15")

    def metrics_of(part: pandas.DataFrame, ex: shushuo.Extractor) -> pandas.DataFrame:
        docs = ex.extract_batch(part["text"].tolist())
        return shushuo.to_dataframe(docs, ids=part["doc"].tolist())

    ddf = dd.from_pandas(corpus, npartitions=6)
    meta = shushuo.to_dataframe([])
    got = client.compute(ddf.map_partitions(metrics_of, extractor, meta=meta)).result()
    got = got.reset_index(drop=True)

    local = shushuo.to_dataframe(extractor.extract_batch(corpus["text"].tolist()), ids=corpus["doc"].tolist())
    assert list(got.columns) == list(local.columns)
    pd.testing.assert_frame_equal(got, local, check_dtype=False)
    # both workers took part
    assert len(client.scheduler_info()["workers"]) == 2


def test_documents_travel_back_from_workers(client, sample_text: str) -> None:  # type: ignore[no-untyped-def]
    extractor = shushuo.Extractor()
    texts = [sample_text, "全区新增学位8660个。"]
    futures = client.map(extractor.extract, texts, pure=False)
    docs = client.gather(futures)
    assert docs == [extractor.extract(t) for t in texts]


def test_dask_example_script_runs() -> None:
    script = REPO / "examples" / "dask_example.py"
    out = subprocess.run(
        [sys.executable, str(script), "--docs", "60"], capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("60 documents")
