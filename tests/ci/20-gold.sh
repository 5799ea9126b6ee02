#!/usr/bin/env bash
# Quality gate, scored by the project's own scorer (tests/score.py), floors in
# tests/gold_check.py:
#   1. the scorer's tests (tests/test_score.py); where ../shared is present they
#      also check that it agrees with ../shared/eval/score.py on real output;
#   2. the held-out reports (tests/holdout): always;
#   3. the open corpus (tests/open, 13 reports from many provinces, genres and
#      both scripts) and the blind reports (tests/blind): always;
#   4. the dev gold (../shared/corpus/dev): when ../shared is present, with the
#      shared scorer as a cross-check.
# A check that cannot run is named through the skip protocol
# (tests/ci/lib/skip.sh) on the last line of tests/run_all.sh.
# SHUSHUO_SHARED overrides where ../shared is looked for.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/ci/lib/skip.sh
export PYTHONDONTWRITEBYTECODE=1

shared="${SHUSHUO_SHARED:-../shared}"
export SHUSHUO_SHARED="$shared"
# Without the shared scorer, test_score.py's agreement tests are skipped and
# named below; that is the one record of the missing cross-check.
cross=()
if [ -f "$shared/eval/score.py" ]; then
  cross=(--cross-check "$shared/eval/score.py")
fi

cargo build --release -p shushuo --example extract
export SHUSHUO_EXTRACT="$PWD/target/release/examples/extract"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "--- scorer tests (tests/test_score.py)"
py=python3
if ! python3 -c 'import pytest' 2>/dev/null; then
  # CI machines have pytest beside python3; elsewhere, a venv of our own.
  venv="$PWD/target/venv-gold"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pytest
  py="$venv/bin/python"
fi
run_pytest "$tmp/pytest.log" "" . "$py" -m pytest -q -rs -p no:cacheprovider tests/test_score.py

check() { # NAME FLOORS GOLD CORPUS
  echo "--- $1: $4"
  python3 tests/score.py --gold "$3" --corpus "$4" --check
  "$SHUSHUO_EXTRACT" --format jsonl "$4"/*.txt >"$tmp/$1.jsonl"
  python3 tests/gold_check.py --floors "$2" --gold "$3" --corpus "$4" \
    ${cross[@]+"${cross[@]}"} "$tmp/$1.jsonl"
}

# Reports written for the project and never tuned on: do the rules carry over?
check held-out holdout tests/holdout/gold tests/holdout/corpus
# Reports from everywhere: provinces, genres, traditional script.
check open open tests/open/gold tests/open/corpus
check blind blind tests/blind/gold tests/blind/corpus
if [ -d "$shared/corpus/dev" ]; then
  check dev dev "$shared/gold/dev" "$shared/corpus/dev"
else
  skip "dev gold check — no $shared/corpus/dev"
fi
