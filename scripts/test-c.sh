#!/usr/bin/env bash
# C ABI suites: header checks, conformance (shared and static library),
# 16 threads, hostile calls; then all of them under valgrind and ASan.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in cc c++ valgrind pkg-config readelf; do
    command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install build-essential valgrind)" >&2; exit 1; }
done

out=target/c
prefix="$PWD/$out/prefix"
rm -rf "$prefix"
PREFIX="$prefix" ./scripts/install.sh
lib="$prefix/lib"
export PKG_CONFIG_PATH="$lib/pkgconfig"
cflags=(-std=c99 -Wall -Wextra -Werror -pedantic -D_POSIX_C_SOURCE=200809L -Ibindings/c -g)

echo "--- README example via pkg-config"
cc -std=c99 -Wall -Wextra -Werror tests/c/example.c $(pkg-config --cflags --libs banshi) -o "$out/example"
LD_LIBRARY_PATH="$lib" "$out/example" | grep -q '"id":"marital_status_proof"'
echo "--- README example with an rpath, run without LD_LIBRARY_PATH"
cc -std=c99 -Wall -Wextra -Werror tests/c/example.c $(pkg-config --cflags --libs banshi) \
    -Wl,-rpath,"$(pkg-config --variable=libdir banshi)" -o "$out/example-rpath"
dynamic=$(readelf -d "$out/example-rpath")
grep -q "R.*PATH.*$lib" <<<"$dynamic" || { echo "example-rpath lacks its RUNPATH" >&2; exit 1; }
env -u LD_LIBRARY_PATH "$out/example-rpath" | grep -q '"id":"marital_status_proof"'

echo "--- header: C99 (included twice) and C++"
cc "${cflags[@]}" -fsyntax-only tests/c/hostile.c
c++ -std=c++11 -Wall -Wextra -Werror -Ibindings/c tests/c/header.cpp -L"$lib" -lbanshi -o "$out/header_cpp"
LD_LIBRARY_PATH="$lib" "$out/header_cpp"
readelf -d "$lib/libbanshi.so.0" | grep -q 'SONAME.*libbanshi.so.0' || { echo "libbanshi.so lacks its SONAME" >&2; exit 1; }
echo "--- the installed libraries are stripped"
sections=$(readelf -S --wide "$lib/libbanshi.so.0")
if grep -E '\.debug_|\.symtab' <<<"$sections" >&2; then echo "installed libbanshi.so is not stripped" >&2; exit 1; fi
sections=$(readelf -S --wide "$lib/libbanshi.a")
if grep -E '\.debug_' <<<"$sections" >&2; then echo "installed libbanshi.a has debug sections" >&2; exit 1; fi
# A doc comment that names the `catalog` parameter documents a declaration that takes one
# (the validators and the vocabulary take no catalogue).
awk '
    /^\/\*\*/ { doc = ""; indoc = 1 }
    indoc { doc = doc $0 "\n"; if ($0 ~ /\*\//) { indoc = 0; decl = ""; indecl = 1 }; next }
    indecl { decl = decl $0; if ($0 ~ /;/) { indecl = 0
        if (doc ~ /`catalog`/ && decl !~ /catalog/) { print "banshi.h: a doc names `catalog` but the declaration takes none: " decl; bad = 1 } } }
    END { exit bad }' bindings/c/banshi.h >&2

for t in conformance threads hostile; do
    cc "${cflags[@]}" "tests/c/$t.c" -L"$lib" -lbanshi -lpthread -o "$out/$t"
    cc "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer "tests/c/$t.c" -L"$lib" -lbanshi -lpthread -o "$out/$t-asan"
done
# The static library, linked into the conformance runner.
cc "${cflags[@]}" tests/c/conformance.c "$lib/libbanshi.a" -lpthread -ldl -lm -o "$out/conformance-static"

# A second build with the test-only panic export, for the panic-guard test.
cargo build --release --locked -p banshi-ffi --features test-panic --target-dir target/ffi-panic
panic_lib=target/ffi-panic/release
ln -sf libbanshi.so "$panic_lib/libbanshi.so.0"
cc "${cflags[@]}" tests/c/panic.c -L"$panic_lib" -lbanshi -o "$out/panic"
cc "${cflags[@]}" -fsanitize=address,undefined -fno-omit-frame-pointer tests/c/panic.c -L"$panic_lib" -lbanshi -o "$out/panic-asan"

run() { LD_LIBRARY_PATH="$lib" "$@"; }
# conformance: the embedded catalogue with tests/cases, then each tests/catalogs/<catalogue>
# with examples/<catalogue>/bundle.json, loaded at run time.
args() { case "$1" in hostile*) ;; conformance*) echo tests/cases tests/catalogs examples ;; *) echo tests/cases ;; esac; }

echo "--- plain"
for t in conformance threads hostile; do run "$out/$t" $(args "$t"); done
LD_LIBRARY_PATH="$panic_lib" "$out/panic"
"$out/conformance-static" $(args conformance)

echo "--- valgrind"
for t in conformance threads hostile; do
    run valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
        --show-leak-kinds=definite,indirect,possible "$out/$t" $(args "$t")
done

LD_LIBRARY_PATH="$panic_lib" valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
    --show-leak-kinds=definite,indirect,possible "$out/panic"

echo "--- AddressSanitizer + UBSan"
for t in conformance threads hostile; do
    ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1 run "$out/$t-asan" $(args "$t")
done
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1 LD_LIBRARY_PATH="$panic_lib" "$out/panic-asan"
