#!/usr/bin/env bash
# C ABI: build libshushuo.a / libshushuo.so, check that include/shushuo.h is
# what cbindgen generates, then run the C tests linked against the .a, against
# the .so, as C++, and under valgrind (no leak, no invalid access), the
# C example, and the multi-thread test plain, under helgrind and with
# ThreadSanitizer.
set -euo pipefail
cd "$(dirname "$0")/../.."

for tool in cc c++ make valgrind pkg-config; do
  if ! command -v "$tool" >/dev/null; then
    echo "installing the C toolchain and valgrind" >&2
    apt-get update -qq && apt-get install -y -qq build-essential valgrind pkg-config >/dev/null
    break
  fi
done

cargo build --release -p shushuo-ffi
cargo test --release -p shushuo-ffi --test header
# The stress stand-in for fuzzing: many random and mutated inputs.
SHUSHUO_STRESS_ITERS="${SHUSHUO_STRESS_ITERS:-50000}" \
  cargo test --release -p shushuo-ffi --lib stress -- --nocapture

make -C tests/c clean
echo "--- C tests, static library"
make -C tests/c static
echo "--- C tests, shared library"
make -C tests/c shared
echo "--- header as C++"
make -C tests/c cpp
echo "--- example, built with pkg-config against the shared library"
make -C tests/c pkg-config
echo "--- example"
make -C examples/c clean run FILE=../sample_report.txt
echo "--- C tests under valgrind"
make -C tests/c valgrind
# Bounded (about 10 s): 8 threads x 2 rounds over one extractor and one
# shared document, plain, under helgrind, and with ThreadSanitizer.
echo "--- threads (tests/c/test_threads.c): plain, helgrind, ThreadSanitizer"
make -C tests/c threads helgrind tsan
