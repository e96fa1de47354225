#!/usr/bin/env bash
# Per-call cost of the same assess request through Rust (criterion), the C ABI
# and Java (JNA). Usage: scripts/bench-bindings.sh [iterations]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
request=tests/cases/assess/10.1-married.req

cargo build --release --locked -p banshi-ffi
mkdir -p target/bench
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Ibindings/c benches/per_call.c -Ltarget/release -lbanshi -o target/bench/per_call
ln -sf libbanshi.so target/release/libbanshi.so.0
LD_LIBRARY_PATH=target/release target/bench/per_call "$request" "$n"

(cd bindings/java && mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null)
java -Dbanshi.library.path=target/release -cp "bindings/java/target/classes:bindings/java/target/test-classes:$(cat bindings/java/target/classpath.txt)" \
    org.banshi.PerCallBench "$request" "$n" 2>/dev/null

cargo bench -q -p banshi --bench engine -- --warm-up-time 1 --measurement-time 3 "assess json conformance" 2>/dev/null | grep -E "time:"

[ -f bindings/npm/wasm/banshi_wasm_bg.wasm ] || ./scripts/build-wasm.sh
node bindings/npm/bench/per-call.mjs "$request" "$n"
