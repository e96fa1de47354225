#!/usr/bin/env bash
# Builds and installs the C library: PREFIX (default /usr/local) and DESTDIR
# work as in `make install`.
#   lib/libbanshi.so.X.Y.Z, with libbanshi.so.X (the SONAME) and libbanshi.so links
#   lib/libbanshi.a, include/banshi.h, lib/pkgconfig/banshi.pc
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
dest="${DESTDIR:-}"
version=$(sed -n 's/^#define BANSHI_VERSION "\(.*\)"$/\1/p' bindings/c/banshi.h)
major=${version%%.*}

cargo build --release --locked -p banshi-ffi
install -d "$dest$prefix/lib/pkgconfig" "$dest$prefix/include"
install -m 755 target/release/libbanshi.so "$dest$prefix/lib/libbanshi.so.$version"
ln -sf "libbanshi.so.$version" "$dest$prefix/lib/libbanshi.so.$major"
ln -sf "libbanshi.so.$major" "$dest$prefix/lib/libbanshi.so"
install -m 644 target/release/libbanshi.a "$dest$prefix/lib/libbanshi.a"
install -m 644 bindings/c/banshi.h "$dest$prefix/include/banshi.h"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" bindings/c/banshi.pc.in > "$dest$prefix/lib/pkgconfig/banshi.pc"
echo "installed banshi $version into $dest$prefix"
