#!/usr/bin/env bash
# Rust: formatting, lints (all workspace members), unit, property and doc tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --release
