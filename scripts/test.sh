#!/usr/bin/env bash
# The whole test suite: the one command the README names and .ci/run calls.
# It installs what it needs that is missing, then runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "toolchain"
if ! command -v cargo >/dev/null; then
    echo "cargo not found: install Rust (rustup) first" >&2
    exit 1
fi
for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
        rustup component add "$component"
    fi
done
cargo --version

step "format"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "docs"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "rust tests (unit, integration, properties, conformance, doctests, CLI)"
cargo test --workspace --locked

step "main job smoke run"
cargo run -q --locked -p banshi-cli -- assess 10.1 --facts examples/10.1-married.json >/dev/null
echo "banshi assess 10.1: ok"
