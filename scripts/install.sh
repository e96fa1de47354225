#!/usr/bin/env bash
# Builds and installs the C library: PREFIX (default /usr/local) and DESTDIR
# work as in `make install`; STRIP names the strip program (default strip).
#   lib/libbanshi.so.X.Y.Z, with libbanshi.so.X (the SONAME) and libbanshi.so links
#   lib/libbanshi.a, include/banshi.h, lib/pkgconfig/banshi.pc
# The installed libraries carry no debug information (the release profile
# keeps line tables, for Rust backtraces in development): the shared library
# is stripped to its dynamic symbols, the static one of its debug sections.
# target/release/ keeps the unstripped builds.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
dest="${DESTDIR:-}"
version=$(sed -n 's/^#define BANSHI_VERSION "\(.*\)"$/\1/p' bindings/c/banshi.h)
major=${version%%.*}
strip="${STRIP:-strip}"
command -v "$strip" >/dev/null || { echo "missing $strip (apt-get install binutils)" >&2; exit 1; }

cargo build --release --locked -p banshi-ffi
install -d "$dest$prefix/lib/pkgconfig" "$dest$prefix/include"
install -m 755 target/release/libbanshi.so "$dest$prefix/lib/libbanshi.so.$version"
"$strip" --strip-unneeded "$dest$prefix/lib/libbanshi.so.$version"
ln -sf "libbanshi.so.$version" "$dest$prefix/lib/libbanshi.so.$major"
ln -sf "libbanshi.so.$major" "$dest$prefix/lib/libbanshi.so"
install -m 644 target/release/libbanshi.a "$dest$prefix/lib/libbanshi.a"
"$strip" --strip-debug "$dest$prefix/lib/libbanshi.a"
install -m 644 bindings/c/banshi.h "$dest$prefix/include/banshi.h"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" bindings/c/banshi.pc.in > "$dest$prefix/lib/pkgconfig/banshi.pc"
echo "installed banshi $version into $dest$prefix"
