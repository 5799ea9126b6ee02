#!/usr/bin/env bash
# Python package: build the abi3 wheel with maturin (in a build venv), check
# its manylinux policy with auditwheel, install the wheel into a fresh venv
# whose PATH has no cargo (as a user without Rust would), then the bindings'
# Rust unit tests, the pytest suite (API, offsets, pickling, threads,
# streaming, Arrow/polars/pandas tables, CLI, a Dask LocalCluster, the spaCy
# component, Spark on local[2], every Python block and shushuo command line
# of the READMEs, stubs), stubtest, mypy --strict, and the quick-start
# notebook executed end to end with a CJK font (no missing glyphs). Java
# (for Spark) and the font come from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/ci/lib/skip.sh
. tests/ci/lib/apt.sh
root="$PWD"

pip_quiet=(--quiet --disable-pip-version-check --retries 5 --timeout 60)

echo "--- wheel (maturin build --release) and its policy (auditwheel show)"
build="$root/target/venv-build"
[ -x "$build/bin/python" ] || python3 -m venv "$build"
"$build/bin/python" -m pip install "${pip_quiet[@]}" "maturin>=1.9.4,<2.0" auditwheel
wheels="$root/target/wheels-ci"
rm -rf "$wheels"
(cd python && "$build/bin/maturin" build --release --out "$wheels")
wheel="$(ls "$wheels"/shushuo_nlp-*-abi3-*.whl)"
show="$("$build/bin/auditwheel" show "$wheel")"
echo "$show"
# auditwheel must find the wheel consistent with a manylinux policy (on this
# Debian 12 builder, glibc 2.34 symbols make it manylinux_2_34), and the
# wheel must carry that tag.
policy="$(tr -s ' \n' ' ' <<<"$show" | grep -o 'consistent with the following platform tag: "manylinux[^"]*"' | grep -o 'manylinux[^"]*')" || {
  echo "auditwheel does not call $wheel manylinux" >&2
  exit 1
}
case "$(basename "$wheel")" in
  *"-$policy.whl" | *".$policy.whl") echo "wheel policy: $policy" ;;
  *) echo "wheel $wheel is not tagged $policy" >&2; exit 1 ;;
esac

# A PATH without cargo or rustc: the wheel must install and run without Rust.
nocargo=""
IFS=: read -ra dirs <<<"$PATH"
for d in "${dirs[@]}"; do
  [ -x "$d/cargo" ] || [ -x "$d/rustc" ] || nocargo="${nocargo:+$nocargo:}$d"
done

venv="$root/target/venv-ci"
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
userpath="$venv/bin:$nocargo"
# Runs a command as the wheel's user: the venv first on PATH, no Rust.
user() { env PATH="$userpath" SHUSHUO_TEST_NO_RUST=1 "$@"; }
if user sh -c 'command -v cargo || command -v rustc'; then
  echo "cargo is still on the user PATH" >&2
  exit 1
fi
# Each install is bounded; pyspark alone is about 320 MB.
pip_install() { user timeout "${SHUSHUO_PIP_TIMEOUT:-900}" "$py" -m pip install "${pip_quiet[@]}" "$@"; }
pip_install --upgrade pip
pip_install --only-binary shushuo-nlp "$wheel[test,pandas,dask,parquet,progress,arrow,polars,spacy,spark]"
pip_install nbclient nbformat ipykernel matplotlib

echo "--- Java for the Spark tests"
# pyspark runs Spark in a JVM (Spark 4: Java 17 or later). Without one the
# Spark session tests skip, and the skip is named on run_all.sh's last line.
if java -version 2>&1 | head -n 1; then
  :
elif apt_install default-jre-headless && java -version 2>&1 | head -n 1; then
  :
else
  echo "no Java: python/tests/test_spark.py's session tests will skip" >&2
fi

echo "--- Rust unit tests of the bindings"
# Links against libpython like any embedding; independent of maturin.
PYO3_PYTHON="$py" cargo test --release -p shushuo-python

echo "--- pytest"
# Run from python/ so that `import shushuo` is the installed package. Its
# skipped tests are named on run_all.sh's last line (tests/ci/lib/skip.sh).
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
run_pytest "$log" "python/" python user "$py" -m pytest -p no:cacheprovider -ra

echo "--- the command's scorer format equals the Rust example's (one writer)"
# Both call the core's Document::prediction; the Rust example's output is
# what the gold stage scores, so equal bytes mean the command scores the same.
cargo build --release -p shushuo --example extract
for corpus in tests/holdout/corpus tests/open/corpus tests/blind/corpus; do
  if ! cmp -s <(target/release/examples/extract --format jsonl "$corpus"/*.txt) \
      <(user "$venv/bin/shushuo" extract --format jsonl "$corpus"); then
    echo "shushuo extract --format jsonl differs from the extract example on $corpus" >&2
    exit 1
  fi
done

echo "--- stubtest and mypy --strict"
(cd python && user "$py" -m mypy.stubtest shushuo)
(cd python && user "$py" -m mypy --strict -p shushuo && user "$py" -m mypy --strict tests bench)

echo "--- notebook"
# The chart's labels are Chinese: the notebook picks a CJK font through
# matplotlib's font manager, and run_notebook.py fails on any "Glyph ...
# missing" warning. Debian's fonts-wqy-microhei (5 MB) is installed if no CJK
# font is there.
cjk_font() {
  local pkg
  for pkg in fonts-wqy-microhei fonts-wqy-zenhei fonts-noto-cjk; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" && return 0
  done
  return 1
}
glyphs=(--fail-on-missing-glyphs)
if ! cjk_font && ! apt_install fonts-wqy-microhei; then
  skip "notebook glyph check — no CJK font could be installed (fonts-wqy-microhei)"
  glyphs=()
fi
out="$root/target/notebooks"
mkdir -p "$out"
user "$py" tests/ci/lib/run_notebook.py "${glyphs[@]}" "$root/examples/quickstart.ipynb" "$out/quickstart.ipynb"
echo "--- python stage passed"
