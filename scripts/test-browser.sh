#!/usr/bin/env bash
# The demo form in real headless Chromium (Debian's chromium, driven by the
# npm playwright-core; no downloaded browsers). Screenshots land in
# bindings/npm/test-results/.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
    if [ ! -f /tmp/banshi-apt-updated ]; then apt-get update -q && touch /tmp/banshi-apt-updated; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}
[ -x /usr/bin/chromium ] || apt_install chromium
fc-list :lang=zh | grep -q . || apt_install fonts-wqy-microhei # Chinese glyphs for the screenshots
command -v pdftotext >/dev/null || apt_install poppler-utils # the print test reads the PDFs back

[ -f bindings/npm/wasm/banshi_wasm_bg.wasm ] || ./scripts/build-wasm.sh
cd bindings/npm
[ -d node_modules/playwright-core ] || npm ci --silent --no-audit --no-fund
node --test browser-test/
