#!/usr/bin/env bash
# Every test of the project, with all set-up, on a fresh machine:
#   bash tests/run_all.sh
# Runs each stage in tests/ci/ in order and stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
for stage in tests/ci/*.sh; do
  echo "=== ${stage}"
  bash "${stage}"
done
echo "=== all stages passed"
