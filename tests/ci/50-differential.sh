#!/usr/bin/env bash
# Differential test: Rust, C and Python give identical records (equal as
# parsed JSON, strict types, floats bit for bit) on every corpus the project
# carries, on ../shared/corpus/dev when present, and on 10,000 seeded
# generated documents (tests/diff/gen.py). See tests/diff/compare.py for
# what is compared. Then linear time on adversarial shapes
# (tests/diff/linear.py). Uses the venv
# that tests/ci/40-python.sh leaves at target/venv-ci (made here, quicker,
# when this stage runs on its own).
#   SHUSHUO_DIFF_DOCS   how many generated documents (10000)
#   SHUSHUO_DIFF_SEED   the generator's seed (fixed, so the gate repeats)
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/ci/lib/skip.sh
export PYTHONDONTWRITEBYTECODE=1
root="$PWD"
shared="${SHUSHUO_SHARED:-../shared}"
docs="${SHUSHUO_DIFF_DOCS:-10000}"
seed="${SHUSHUO_DIFF_SEED:-20261129}"

py="$root/target/venv-ci/bin/python"
if ! [ -x "$py" ] || ! "$py" -c 'import shushuo' 2>/dev/null; then
  echo "--- no target/venv-ci with shushuo (tests/ci/40-python.sh makes it): making one"
  python3 -m venv "$root/target/venv-ci"
  "$py" -m pip install --quiet --disable-pip-version-check --retries 5 --timeout 60 ./python
fi

cargo build --release -p shushuo-ffi
cargo build --release -p shushuo --example extract
rust="$root/target/release/examples/extract"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
driver="$tmp/c_driver"
# Libraries libshushuo.a needs, as in tests/c/Makefile.
cc -std=c99 -Wall -Wextra -Wpedantic -Werror -O1 -I include tests/diff/c_driver.c \
  target/release/libshushuo.a -lgcc_s -lutil -lrt -lpthread -lm -ldl -lc -o "$driver"

# compare REFERENCE_DATE|default FILE...
compare() {
  local ref="$1"
  shift
  local opts='{}' rust_opts=()
  if [ "$ref" != default ]; then
    opts="{\"reference_date\":\"$ref\"}"
    rust_opts=(--reference-date "$ref")
  fi
  printf '%s\n' "$@" | xargs -d '\n' "$rust" --format json ${rust_opts[@]+"${rust_opts[@]}"} >"$tmp/rust.json"
  printf '%s\n' "$@" | xargs -d '\n' "$driver" "$opts" >"$tmp/c.jsonl"
  "$py" tests/diff/compare.py --reference-date "$ref" --rust "$tmp/rust.json" --c "$tmp/c.jsonl" "$@"
}

corpora=(tests/holdout/corpus/*.txt tests/open/corpus/*.txt tests/blind/corpus/*.txt examples/sample_report.txt)
echo "--- the project's corpora and the sample report"
compare 2024-06-30 "${corpora[@]}"
compare default "${corpora[@]}"
if [ -d "$shared/corpus/dev" ]; then
  echo "--- $shared/corpus/dev"
  compare 2024-06-30 "$shared"/corpus/dev/*.txt
  compare default "$shared"/corpus/dev/*.txt
else
  skip "differential test on dev — no $shared/corpus/dev"
fi

echo "--- $docs generated documents (seed $seed)"
# Sentences of the project's own corpora are reused (mutated) among them.
python3 tests/diff/gen.py --seed "$seed" --count "$docs" --out "$tmp/gen" "${corpora[@]}"
for dir in "$tmp"/gen/*/; do
  ref="$(basename "$dir")"
  files=("$dir"*.txt)
  [ -e "${files[0]}" ] || continue
  compare "$ref" "${files[@]}"
done
echo "--- linear time (tests/diff/linear.py: 8x the text, at most 24x the time)"
"$py" tests/diff/linear.py | tee "$tmp/linear.log"
echo "--- differential stage passed"
