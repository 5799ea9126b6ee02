#!/usr/bin/env bash
# Quality gate: run the Rust example over the dev corpus and fail if the
# scores drop below the floors in tests/gold_check.py.
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
