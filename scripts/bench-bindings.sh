#!/usr/bin/env bash
# Per-call cost of the same assess request through Rust (criterion), the C ABI,
# Java (JMH: JSON text, the typed result from the compact answer, and the typed
# result read from the JSON text, then a bundle of three services as JSON text
# and typed; JNA on every JDK, FFM on Java 22+) and WASM
# in Node (text, parsed). C, Node and the native loop (the profile example:
# JSON, and the compact answer the typed and parsed results are built from)
# also report CPU time per call, which on a shared machine leaves out the
# time other processes held the cores.
# Usage: scripts/bench-bindings.sh [iterations]
# (iterations for C, Node and the native loop; a small number also shortens the JMH runs).
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200000}"
request=tests/cases/assess/10.1-married.req

cargo build --release --locked -p banshi-ffi
cargo build --release --locked -p banshi --example profile
mkdir -p target/bench
for mode in json compact; do
    TIMEFORMAT='%U %S'
    cpu=$({ time target/release/examples/profile "$request" "$n" "$mode" >/dev/null; } 2>&1)
    awk -v cpu="$cpu" -v n="$n" -v mode="$mode" \
        'BEGIN { split(cpu, t, " "); printf "native %s (profile example): CPU %.0f ns/call over %d calls\n", mode, (t[1] + t[2]) * 1e9 / n, n }'
done
cc -O2 -std=c99 -D_POSIX_C_SOURCE=200809L -Ibindings/c benches/per_call.c -Ltarget/release -lbanshi -o target/bench/per_call
ln -sf libbanshi.so target/release/libbanshi.so.0
LD_LIBRARY_PATH=target/release target/bench/per_call "$request" "$n"

# Java: the binding's jar, built on the newest JDK (so it carries the FFM class), then JMH.
jdks=()
for home in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-*; do
    [ -x "$home/bin/javac" ] && jdks+=("$home")
done
newest="${jdks[${#jdks[@]}-1]}"
(cd bindings/java && JAVA_HOME="$newest" mvn -B -q install -DskipTests >/dev/null 2>&1)
(cd bindings/java/bench && JAVA_HOME="$newest" mvn -B -q compile dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt >/dev/null 2>&1)
jar_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' bindings/java/pom.xml | head -n 1)
jmh=(-f 1 -wi 6 -w 1s -i 5 -r 1s) # 6 s of warm-up: on a loaded 2-core VM the JIT takes that long
[ "$n" -lt 20000 ] && jmh=(-f 1 -wi 1 -w 100ms -i 1 -r 100ms)
for home in "${jdks[@]}"; do
    version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p')
    paths=(jna)
    [ "${version%%.*}" -ge 22 ] && paths=(jna ffm)
    for path in "${paths[@]}"; do
        args="-Dbanshi.native=$path -Dbanshi.library.path=$PWD/target/release"
        [ "${version%%.*}" -ge 22 ] && args="$args --enable-native-access=ALL-UNNAMED"
        # The jar just built comes first: ~/.m2 may hold another checkout's.
        (cd bindings/java/bench && "$home/bin/java" -cp "target/classes:../target/banshi-$jar_version.jar:$(cat target/classpath.txt)" \
            org.openjdk.jmh.Main "${jmh[@]}" -p request="$PWD/../../../$request" -jvmArgsAppend "$args" 2>/dev/null) \
            | awk -v v="$version" -v p="$path" '/^AssessBench\./ {
                # After the mode: the count and the score, or (one iteration) the score and the unit.
                split($1, name, "."); for (i = 2; i < NF && $i != "avgt"; i++) {}
                score = $(i + 2) == "ns/op" ? $(i + 1) : $(i + 2)
                printf "java %s %s %s: %s ns/op\n", v, p, name[2], score }'
    done
done

cargo bench -q -p banshi --bench engine -- --warm-up-time 1 --measurement-time 3 "assess json conformance" 2>/dev/null | grep -E "time:"

[ -f bindings/npm/wasm/banshi_wasm_bg.wasm ] || ./scripts/build-wasm.sh
node bindings/npm/bench/per-call.mjs "$request" "$n"
