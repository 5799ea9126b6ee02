#!/usr/bin/env bash
# Every test of the project, with all set-up, on a fresh machine:
#   bash tests/run_all.sh
# Runs each stage in tests/ci/ in order and stops at the first failure.
#
# Skipped checks are never silent: a stage that leaves a check out calls
# `skip "WHAT — WHY"` (tests/ci/lib/skip.sh), which appends the line to the file
# named by $SHUSHUO_SKIPS, created here; the last line of the run names them:
#   === all stages passed (skipped: dev gold check — no ../shared/corpus/dev)
set -euo pipefail
cd "$(dirname "$0")/.."
SHUSHUO_SKIPS="$(mktemp)"
export SHUSHUO_SKIPS
trap 'rm -f "$SHUSHUO_SKIPS"' EXIT

skipped() {
  # " (skipped: a; b)" or nothing
  if [ -s "$SHUSHUO_SKIPS" ]; then
    printf ' (skipped: %s)' "$(awk 'NR > 1 { printf "; " } { printf "%s", $0 }' "$SHUSHUO_SKIPS")"
  fi
}

for stage in tests/ci/*.sh; do
  echo "=== ${stage}"
  status=0
  bash "${stage}" || status=$?
  if [ "$status" -ne 0 ]; then
    echo "=== FAILED: ${stage} (exit ${status})$(skipped)"
    exit "$status"
  fi
done
echo "=== all stages passed$(skipped)"
