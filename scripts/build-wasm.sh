#!/usr/bin/env bash
# Builds the npm package's WASM (bindings/npm/wasm/), installing what is missing:
#   - Debian's Rust with std sources and lld (rustc-web cargo-web rust-web-src lld-16):
#     the wasm32 target cannot be added with rustup here, so std is rebuilt from source;
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock;
#   - binaryen's wasm-opt from npm (Debian's binaryen is too old for Rust's wasm features);
#   - terser from npm, which minifies wasm-bindgen's JS glue.
# Prints the gzipped size and fails above the budget.
set -euo pipefail
cd "$(dirname "$0")/.."

# bytes, gzipped: the .wasm plus its JS glue, with the whole catalogue, the printable notice and
# guide (noticeHtml, guideHtml) and the compact assessment; what costs what is in BENCHMARKS.md, "Size".
# The target (issue 13) is 100,000 bytes. Issue 11's bundles, documents on file, deferral and pledges
# took the package to about 116,700, so the target is missed and recorded as missed (BENCHMARKS.md).
# Code compiled once instead of per caller brought it to 115,092; issue 13's fourth speed pass (request
# keys hashed where they stand, prepared openings and phrases, the streamed content hash, inline rule
# outcomes) added back about 1,700, of which leaving the native-only request reader out of the WASM
# took 1,380. This ceiling, a little above the result (116,790), keeps the package from growing further
# unnoticed until the target is met.
target=100000
budget=117000
tools="${BANSHI_TOOLS:-$HOME/.cache/banshi-tools}"
mkdir -p "$tools"

apt_install() {
    if [ ! -f /tmp/banshi-apt-updated ]; then apt-get update -q && touch /tmp/banshi-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}
if [ ! -x /usr/bin/wasm-ld-16 ] || [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
    apt_install rustc-web cargo-web rust-web-src lld-16
fi

wbg_version=$(sed -n '/^name = "wasm-bindgen"$/{n;s/^version = "\(.*\)"$/\1/p;}' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wbg_version" ]; then
    cargo install --locked wasm-bindgen-cli --version "=$wbg_version"
fi

binaryen_version=132.0.0
terser_version=5.44.1
wasm_opt="$tools/node_modules/binaryen/bin/wasm-opt"
terser="$tools/node_modules/terser/bin/terser"
if [ ! -x "$wasm_opt" ] || ! grep -q "\"version\": \"$binaryen_version\"" "$tools/node_modules/binaryen/package.json" \
    || [ ! -x "$terser" ] || ! grep -q "\"version\": \"$terser_version\"" "$tools/node_modules/terser/package.json"; then
    npm install --silent --no-save --prefix "$tools" "binaryen@$binaryen_version" "terser@$terser_version"
fi

# Debian's cargo and rustc (1.96), kept apart from the rustup toolchain's target dir.
# panic=immediate-abort drops all panic formatting: a panic in the browser is a
# bug either way, and the engine returns errors, not panics, for bad input.
# With no panic message there is nothing to show a panic's file and line in, so
# -Zlocation-detail=none drops those strings too.
RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none" \
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-16 \
    /usr/bin/cargo build --locked --profile wasm --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
    -p banshi-wasm --target-dir target/wasm-debian

out=bindings/npm/wasm
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name banshi_wasm --no-typescript \
    target/wasm-debian/wasm32-unknown-unknown/wasm/banshi_wasm.wasm
# Rust's default wasm32 features, which wasm-opt must be told about (wasm-size.sh passes the same -ocimfs).
# -ocimfs=10: wasm-opt inlines a function with one caller only when it is tiny. By default it inlines every
# such function, however large: fewer bytes (the call and the prologue go), but the inlined body's locals are
# renumbered above its caller's, so the same code no longer reads the same, and the gzipped module was 7 KB larger
# (BENCHMARKS.md, "Size").
wasm_opt_flags="-Oz --converge -ocimfs=10 --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue"
# shellcheck disable=SC2086 # the flags are words
"$wasm_opt" $wasm_opt_flags --strip-debug --strip-producers "$out/banshi_wasm_bg.wasm" -o "$out/banshi_wasm_bg.wasm"
# The glue, minified: its names and comments are wasm-bindgen's, and nothing reads it but the engine.
"$terser" "$out/banshi_wasm.js" --module --compress --mangle --output "$out/banshi_wasm.js"

wasm_gz=$(gzip -9c "$out/banshi_wasm_bg.wasm" | wc -c)
js_gz=$(gzip -9c "$out/banshi_wasm.js" | wc -c)
total=$((wasm_gz + js_gz))
echo "wasm: $(wc -c < "$out/banshi_wasm_bg.wasm") bytes, $wasm_gz gzipped; glue: $(wc -c < "$out/banshi_wasm.js") bytes, $js_gz gzipped"
echo "npm package size: $total bytes gzipped (ceiling $budget; target $target, $((total - target)) over)"
if [ "$total" -gt "$budget" ]; then
    echo "over the size budget by $((total - budget)) bytes" >&2
    exit 1
fi
