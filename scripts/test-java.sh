#!/usr/bin/env bash
# Java binding: JUnit 5 on every installed JDK (OpenJDK 17 and Temurin), each
# run four times (UTF-8, GBK, the JNA path forced, and loading from
# banshi.library.path); on Java 22+ the default path is FFM, so both native
# paths run there. Then the jars built on each JDK (javadoc with every doclint
# warning an error), the classes built on the newest JDK (with the FFM class)
# tested again on the oldest (one artifact for every JVM), and a check that
# the jar carries the native library at JNA's resource path and that the
# sources and javadoc jars are there.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v mvn >/dev/null || { echo "missing mvn (apt-get install maven)" >&2; exit 1; }

cargo build --release --locked -p banshi-ffi

jdks=()
for home in /usr/lib/jvm/java-17-openjdk-* /usr/lib/jvm/temurin-*; do
    [ -x "$home/bin/javac" ] && jdks+=("$home")
done
[ "${#jdks[@]}" -gt 0 ] || { echo "no JDK found in /usr/lib/jvm" >&2; exit 1; }

cd bindings/java
for home in "${jdks[@]}"; do
    version=$("$home/bin/java" -version 2>&1 | head -n 1)
    echo "--- $version ($home)"
    JAVA_HOME="$home" mvn -B -q clean verify
    tests=0 failed=0
    for report in target/surefire-reports*/TEST-*.xml; do
        t=$(sed -n 's/.*<testsuite [^>]*tests="\([0-9]*\)".*/\1/p' "$report" | head -n 1)
        f=$(sed -n 's/.*<testsuite [^>]*failures="\([0-9]*\)".*/\1/p' "$report" | head -n 1)
        e=$(sed -n 's/.*<testsuite [^>]*errors="\([0-9]*\)".*/\1/p' "$report" | head -n 1)
        tests=$((tests + t)) failed=$((failed + f + e))
    done
    echo "java-$(basename "$home"): $((tests - failed)) passed, $failed failed"
done

# The last JDK built the classes, FFM included: the oldest must run them, on the JNA path.
oldest="${jdks[0]}"
if [ "$oldest" != "$home" ]; then
    JAVA_HOME="$oldest" mvn -B -q -o surefire:test -Dtest='TypedTest,ConformanceTest' \
        -DreportsDirectory=target/surefire-reports-oldest
    echo "classes built on $(basename "$home") pass on $(basename "$oldest")"
fi

# `verify` above packaged the jars, on the last JDK.
jar_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' pom.xml | head -n 1)
# unzip exits non-zero when the member is absent (`| grep -q` would race SIGPIPE under pipefail).
unzip -l "target/banshi-$jar_version.jar" linux-x86-64/libbanshi.so >/dev/null || { echo "jar lacks linux-x86-64/libbanshi.so" >&2; exit 1; }
echo "jar carries linux-x86-64/libbanshi.so"
unzip -l "target/banshi-$jar_version-sources.jar" org/banshi/Catalog.java >/dev/null || { echo "no sources jar" >&2; exit 1; }
unzip -l "target/banshi-$jar_version-javadoc.jar" org/banshi/Catalog.html >/dev/null || { echo "no javadoc jar" >&2; exit 1; }
echo "sources and javadoc jars built"
