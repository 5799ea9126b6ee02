#!/usr/bin/env bash
# Bounded fuzz pass on the stable toolchain: fuzz/fuzz_targets/extract.rs
# (arbitrary bytes through the C ABI; asserts finite values, JSON numbers and
# an exact JSON round trip, offsets that slice the text, valid ISO dates),
# with fuzz/extract.dict and fuzz/seeds, for SHUSHUO_FUZZ_SECONDS (90).
#
# No nightly and no cargo-fuzz: the target is built with the coverage flags
# `cargo fuzz build --sanitizer none` passes, which are stable rustc flags
# (-Cpasses=sancov-module and LLVM options), for the host target only, so
# that build scripts and proc macros stay uninstrumented. Without
# AddressSanitizer (nightly only) memory errors in unsafe code show as
# crashes only; valgrind in tests/ci/30-c.sh covers the C side.
# A crash leaves its input in target/fuzz/artifacts/ and fails the stage.
set -euo pipefail
cd "$(dirname "$0")/../.."
. tests/ci/lib/skip.sh
seconds="${SHUSHUO_FUZZ_SECONDS:-90}"
host="$(rustc -vV | sed -n 's/^host: //p')"
out="$PWD/target/fuzz"

export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks"
CARGO_TARGET_DIR="$out" cargo build --locked --release \
  --manifest-path fuzz/Cargo.toml --target "$host" --bin extract
unset RUSTFLAGS

corpus="$(mktemp -d)"
trap 'rm -rf "$corpus"' EXIT
mkdir -p "$out/artifacts"
# -timeout: any single input (at most 8 KiB) taking 10 s is a failure (the
# extraction is linear; a run of thousands of inputs a second is normal).
# grep only thins out the progress lines; the fuzzer's status is what counts.
set +e
"$out/$host/release/extract" "$corpus" fuzz/seeds \
  -dict=fuzz/extract.dict -max_total_time="$seconds" -max_len=8192 -len_control=50 \
  -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
  -artifact_prefix="$out/artifacts/" 2>&1 |
  grep -v -e '^#[0-9]*[[:space:]]*\(NEW\|REDUCE\)' -e '# Uses: [0-9]*$' -e 'Recommended dictionary'
status="${PIPESTATUS[0]}"
set -e
if [ "$status" -ne 0 ]; then
  echo "fuzzing failed (exit $status); the input is in $out/artifacts/" >&2
  exit "$status"
fi
echo "--- fuzz stage passed ($seconds s)"
