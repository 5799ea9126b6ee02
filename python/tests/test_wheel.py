"""The installed distribution: named shushuo-nlp (``shushuo`` on PyPI is an
unrelated project), imported as ``shushuo``. Under CI
(``SHUSHUO_TEST_NO_RUST=1``, set by tests/ci/40-python.sh) it must be the
abi3 manylinux wheel, installed into site-packages of a venv whose PATH has
no cargo."""

from __future__ import annotations

import os
import shutil
import sys
from importlib import metadata
from pathlib import Path

import pytest

import shushuo
from conftest import REPO

FROM_WHEEL = os.environ.get("SHUSHUO_TEST_NO_RUST") == "1"


def test_distribution_name_and_version() -> None:
    dist = metadata.distribution("shushuo-nlp")
    assert dist.version == shushuo.__version__
    (script,) = [e for e in dist.entry_points if e.group == "console_scripts"]
    assert (script.name, script.value) == ("shushuo", "shushuo.cli:main")
    extras = set(dist.metadata.get_all("Provides-Extra") or [])
    assert {"pandas", "dask", "parquet", "progress"} <= extras


@pytest.mark.skipif(not FROM_WHEEL, reason="checks the CI install of the built wheel")
def test_installed_from_the_abi3_manylinux_wheel_without_rust() -> None:
    dist = metadata.distribution("shushuo-nlp")
    tags = [line.split(": ", 1)[1] for line in (dist.read_text("WHEEL") or "").splitlines()
            if line.startswith("Tag: ")]
    assert tags and all("-abi3-manylinux_" in t for t in tags), tags
    package = Path(shushuo.__file__).resolve().parent
    assert Path(sys.prefix).resolve() in package.parents  # the venv, not the checkout
    assert REPO / "python" not in package.parents
    assert shutil.which("cargo") is None and shutil.which("rustc") is None
    assert shushuo.extract("全区新增学位8660个。").metrics[0].value == 8660.0
