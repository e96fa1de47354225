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
targets=(json_requests catalog_loader c_abi validators catalog_conditions)

# The shared cases and catalogue files make a good starting corpus. They are
# copied to a scratch directory, never into fuzz/corpus, so a test run leaves
# the tree as it found it; libFuzzer reads them as one more corpus directory.
seeds=$(mktemp -d)
scratch=$(mktemp -d)
trap 'rm -rf "$seeds" "$scratch"' EXIT
seed() {
    mkdir -p "$seeds"/{json_requests,catalog_loader,c_abi,validators}
    for t in "${targets[@]}"; do mkdir -p "$seeds/$t" "fuzz/regressions/$t"; done
    for f in tests/cases/*/*.req; do
        name=$(echo "$f" | tr '/' '_')
        cp "$f" "$seeds/json_requests/$name"
        { printf '\x00'; cat "$f"; } > "$seeds/c_abi/$name"
    done
    for f in core/catalog/services/*.json tests/cases/load_catalog/*.req; do
        cp "$f" "$seeds/catalog_loader/$(basename "$f")"
    done
    for id in 11010519491231002X 110105194912310021 2026-02-29 2024-02-29; do
        printf '%s' "$id" > "$seeds/validators/$id"
    done
}
seed

if [ $# -eq 2 ]; then
    mkdir -p "fuzz/corpus/$1"
    "${fuzz[@]}" run "$1" "fuzz/corpus/$1" "fuzz/regressions/$1" "$seeds/$1" -- -max_total_time="$2" -rss_limit_mb=4096
    exit
fi
for t in "${targets[@]}"; do
    echo "--- $t: replay corpus and regressions, then fuzz 30 s"
    mkdir -p "fuzz/corpus/$t"
    "${fuzz[@]}" run "$t" "fuzz/corpus/$t" "fuzz/regressions/$t" "$seeds/$t" -- -runs=0
    # New inputs go to a scratch directory (libFuzzer writes to the first one),
    # so a test run leaves the committed corpus as it was.
    rm -rf "${scratch:?}/$t" && mkdir -p "$scratch/$t"
    "${fuzz[@]}" run "$t" "$scratch/$t" "fuzz/corpus/$t" "$seeds/$t" -- -max_total_time=30 -rss_limit_mb=4096 2>&1 | tail -n 3
done
