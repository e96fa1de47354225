#!/usr/bin/env bash
# Fuzzing with cargo-fuzz (libFuzzer + AddressSanitizer).
#   scripts/fuzz.sh                 replay corpus and regressions, then fuzz each target 30 s (the test command)
#   scripts/fuzz.sh TARGET SECONDS  fuzz one target for longer
# Inputs that found bugs live in fuzz/regressions/TARGET and are replayed on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
# Nightly where it exists, else stable with RUSTC_BOOTSTRAP (its sanitizer runtimes are present).
if rustup run nightly rustc --version >/dev/null 2>&1; then fuzz=(cargo +nightly fuzz); else fuzz=(env RUSTC_BOOTSTRAP=1 cargo fuzz); fi
targets=(json_requests catalog_loader c_abi validators)

seed() { # the shared cases and catalogue files make a good starting corpus
    mkdir -p fuzz/corpus/{json_requests,catalog_loader,c_abi,validators} fuzz/regressions/{json_requests,catalog_loader,c_abi,validators}
    for f in tests/cases/*/*.req; do
        name=$(echo "$f" | tr '/' '_')
        [ -e "fuzz/corpus/json_requests/$name" ] || cp "$f" "fuzz/corpus/json_requests/$name"
        [ -e "fuzz/corpus/c_abi/$name" ] || { printf '\x00' | cat - "$f" > "fuzz/corpus/c_abi/$name"; }
    done
    for f in core/catalog/services/*.json tests/cases/load_catalog/*.req; do
        name=$(basename "$f")
        [ -e "fuzz/corpus/catalog_loader/$name" ] || cp "$f" "fuzz/corpus/catalog_loader/$name"
    done
    for id in 11010519491231002X 110105194912310021 2026-02-29 2024-02-29; do
        [ -e "fuzz/corpus/validators/$id" ] || printf '%s' "$id" > "fuzz/corpus/validators/$id"
    done
}
seed

if [ $# -eq 2 ]; then
    "${fuzz[@]}" run "$1" "fuzz/corpus/$1" "fuzz/regressions/$1" -- -max_total_time="$2" -rss_limit_mb=4096
    exit
fi
for t in "${targets[@]}"; do
    echo "--- $t: replay corpus and regressions, then fuzz 30 s"
    "${fuzz[@]}" run "$t" "fuzz/corpus/$t" "fuzz/regressions/$t" -- -runs=0
    # New inputs go to a scratch directory (libFuzzer writes to the first one),
    # so a test run leaves the committed corpus as it was.
    scratch=$(mktemp -d)
    "${fuzz[@]}" run "$t" "$scratch" "fuzz/corpus/$t" -- -max_total_time=30 -rss_limit_mb=4096 2>&1 | tail -n 3
    rm -rf "$scratch"
done
