#!/usr/bin/env bash
# The whole test suite: the one command the README names and .ci/run calls.
# It installs what it needs that is missing, then runs every suite.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

# Tests write only to target/ and temporary directories: a tree that was
# clean before the run must be clean after it (checked at the end).
tree_before=$(git status --porcelain --untracked-files=all 2>/dev/null || true)

# Installs Debian packages for commands that are missing (CI runs as root).
need() { # need <command> <package>...
    local cmd=$1
    shift
    command -v "$cmd" >/dev/null && return 0
    echo "installing $* for $cmd"
    if [ ! -f /tmp/banshi-apt-updated ]; then apt-get update -q && touch /tmp/banshi-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}

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

step "C ABI: panic guard"
cargo test -q --locked -p banshi-ffi --features test-panic

step "C ABI: header, conformance, threads, hostile calls; valgrind and ASan"
need cc build-essential
need valgrind valgrind
need pkg-config pkg-config
./scripts/test-c.sh

step "Java: JUnit 5 on every JDK, UTF-8 and GBK"
need mvn maven
need unzip unzip
./scripts/test-java.sh

step "npm package: WASM build and size budget, Node conformance, packed install, tsc --strict"
need node nodejs
need npm npm
./scripts/test-js.sh

step "browser: the demo form in headless Chromium"
./scripts/test-browser.sh

step "fuzzing: replay the corpus and the regressions, then fuzz each target for 30 s"
./scripts/fuzz.sh

step "benchmarks: smoke run of every benchmark, and the peer equivalence check"
./scripts/bench.sh --smoke

step "main job smoke run"
cargo run -q --locked -p banshi-cli -- assess 10.1 --facts examples/10.1-married.json >/dev/null
echo "banshi assess 10.1: ok"

step "the tree is as the run found it"
tree_after=$(git status --porcelain --untracked-files=all 2>/dev/null || true)
if [ "$tree_after" != "$tree_before" ]; then
    echo "the test run changed the work tree:" >&2
    diff <(echo "$tree_before") <(echo "$tree_after") >&2 || true
    exit 1
fi
echo "git status: unchanged"
