#!/usr/bin/env bash
# Quality gate: run the Rust example over the dev corpus and over the
# project's own held-out reports, and fail if the scores drop below the
# floors in tests/gold_check.py.
set -euo pipefail
cd "$(dirname "$0")/../.."
shared="${SHUSHUO_SHARED:-../shared}"
if [ ! -d "$shared/corpus/dev" ]; then
  echo "no $shared/corpus/dev beside the checkout: gold check skipped" >&2
  exit 0
fi
cargo build --release -p shushuo --example extract
pred="$(mktemp)"
./target/release/examples/extract --format jsonl "$shared"/corpus/dev/*.txt >"$pred"
python3 tests/gold_check.py --shared "$shared" "$pred"
# Reports written for the project and never tuned on: do the rules carry over?
./target/release/examples/extract --format jsonl tests/holdout/corpus/*.txt >"$pred"
python3 tests/gold_check.py --shared "$shared" --gold tests/holdout/gold \
  --corpus tests/holdout/corpus --floors holdout "$pred"
