#!/usr/bin/env bash
# Python package: pip-install ./python (maturin backend) into a fresh venv,
# then the bindings' Rust unit tests, the pytest suite (API, offsets,
# pickling, threads, DataFrames, CLI, a Dask LocalCluster, stubs), stubtest,
# mypy --strict, and the quick-start notebook executed end to end.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/ci/lib/skip.sh
root="$PWD"

venv="$root/target/venv-ci"
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
pip_install() { "$py" -m pip install --quiet --disable-pip-version-check --retries 5 --timeout 60 "$@"; }
pip_install --upgrade pip
pip_install "./python[test,pandas,dask]"
pip_install nbclient nbformat ipykernel matplotlib

echo "--- Rust unit tests of the bindings"
# Links against libpython like any embedding; independent of maturin.
PYO3_PYTHON="$py" cargo test --release -p shushuo-python

echo "--- pytest"
# Run from python/ so that `import shushuo` is the installed package. Its
# skipped tests are named on run_all.sh's last line (tests/ci/lib/skip.sh).
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
set +e
(cd python && "$py" -m pytest -p no:cacheprovider -ra) 2>&1 | tee "$log"
status="${PIPESTATUS[0]}"
set -e
if [ "$status" -eq 5 ]; then
  echo "pytest collected no tests" >&2
  exit 1
elif [ "$status" -ne 0 ]; then
  exit "$status"
fi
pytest_skips "$log" "python/"

echo "--- stubtest and mypy --strict"
(cd python && "$py" -m mypy.stubtest shushuo)
(cd python && "$py" -m mypy --strict -p shushuo && "$py" -m mypy --strict tests bench)

echo "--- notebook"
out="$root/target/notebooks"
mkdir -p "$out"
"$py" - "$root/examples/quickstart.ipynb" "$out/quickstart.ipynb" <<'PY'
"""Execute a notebook in its own folder; fail on the first cell error."""
import sys
from pathlib import Path

import nbclient
import nbformat

src, dst = Path(sys.argv[1]), Path(sys.argv[2])
nb = nbformat.read(src, as_version=4)
client = nbclient.NotebookClient(
    nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(src.parent)}}
)
client.execute()
nbformat.write(nb, dst)
images = sum(
    1 for c in nb.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})
)
print(f"{src.name}: {len(nb.cells)} cells executed, {images} image(s); output in {dst}")
PY
echo "--- python stage passed"
