#!/usr/bin/env bash
# Every benchmark table of BENCHMARKS.md, in one run. `--smoke` runs each one
# briefly (the test command does), checking that it still works and that the
# peer equivalence check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
smoke=false
[ "${1:-}" = "--smoke" ] && smoke=true

echo "## machine"
echo "$(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "$(rustc --version); node $(node --version)"

echo "## Rust (criterion)"
if $smoke; then
    cargo bench -q --locked -p banshi --bench engine -- --test
else
    cargo bench -q --locked -p banshi --bench engine -- --warm-up-time 1 --measurement-time 3 2>/dev/null | grep -E "time:"
fi

echo "## batch: CLI JSONL, 2 threads"
lines=100000
$smoke && lines=2000
mkdir -p target/bench
node benches/gen-applicants.mjs "$lines" > target/bench/applicants.jsonl
cargo build -q --release --locked -p banshi-cli
for dest in /dev/null target/bench/out.jsonl; do
    start=$(date +%s%N)
    target/release/banshi batch assess --threads 2 --input target/bench/applicants.jsonl > "$dest"
    end=$(date +%s%N)
    echo "batch to $dest: $lines assessments in $(( (end - start) / 1000000 )) ms = $(( lines * 1000000000 / (end - start) )) per second"
done
[ "$(wc -l < target/bench/out.jsonl)" -eq "$lines" ] || { echo "batch output is short" >&2; exit 1; }
! grep -q '^{"error"' target/bench/out.jsonl || { echo "batch lines failed" >&2; exit 1; }
echo "output: $(wc -c < target/bench/out.jsonl) bytes"

echo "## per call across bindings (10.1 request)"
if $smoke; then ./scripts/bench-bindings.sh 2000 | grep -v "time:"; else ./scripts/bench-bindings.sh; fi

echo "## peers (Node)"
# npm ci rejects this lockfile: zen-engine's optional packages for other platforms cannot be
# resolved here, so they are not in it. Versions are pinned exactly in package.json.
[ -d benches/peers/node_modules/tinybench ] || (cd benches/peers && npm install --no-save --silent --no-audit --no-fund)
if $smoke; then node benches/peers/run.mjs --smoke; else node benches/peers/run.mjs; fi
