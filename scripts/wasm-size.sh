#!/usr/bin/env bash
# What the npm package's WASM is made of: the same build as build-wasm.sh, but
# with a name section kept (target/wasm-names/, nothing in bindings/npm is
# touched), then the gzipped size of the code and of the data, and twiggy's
# largest items (twiggy is installed from crates.io into the tools cache if
# missing). Run build-wasm.sh first: it installs the toolchain this uses.
# Sizes here run 1-2% above build-wasm.sh's (wasm-opt keeps the names through
# its passes): compare one run of this script with another, not with that one.
# Usage: scripts/wasm-size.sh [number of items, default 40]
set -euo pipefail
cd "$(dirname "$0")/.."

tools="${BANSHI_TOOLS:-$HOME/.cache/banshi-tools}"
wasm_opt="$tools/node_modules/binaryen/bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "run scripts/build-wasm.sh first (it installs wasm-opt)" >&2; exit 1; }
twiggy=$(command -v twiggy || echo "$tools/bin/twiggy")
[ -x "$twiggy" ] || cargo install --locked --root "$tools" twiggy --version 0.8.0

CARGO_PROFILE_WASM_STRIP=false RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-16 \
    /usr/bin/cargo build -q --locked --profile wasm --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size \
    -p banshi-wasm --target-dir target/wasm-names

out=target/wasm-names/package
rm -rf "$out"
wasm-bindgen --target web --out-dir "$out" --out-name banshi_wasm --no-typescript --keep-debug \
    target/wasm-names/wasm32-unknown-unknown/wasm/banshi_wasm.wasm
# -ocimfs=10 as in build-wasm.sh: inline a function with one caller only when it is tiny.
"$wasm_opt" -Oz -ocimfs=10 -g --strip-producers --enable-bulk-memory --enable-bulk-memory-opt \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/banshi_wasm_bg.wasm" -o "$out/named.wasm"

# The sections of the module as shipped (names stripped), each gzipped alone.
"$wasm_opt" "$out/named.wasm" --strip-debug -o "$out/stripped.wasm"
node - "$out/stripped.wasm" <<'JS'
const { readFileSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const b = readFileSync(process.argv[2]);
const names = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count'];
let i = 8;
const leb = () => { let r = 0, s = 0, x; do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
console.log(`module: ${b.length} bytes, ${gzipSync(b, { level: 9 }).length} gzipped`);
while (i < b.length) {
  const id = b[i++];
  const n = leb();
  const body = b.subarray(i, i + n);
  i += n;
  if (n > 1000) console.log(`  ${names[id] ?? id}: ${n} bytes, ${gzipSync(body, { level: 9 }).length} gzipped alone`);
}
JS
"$twiggy" top -n "${1:-40}" "$out/named.wasm"
