// What every Chromium test here shares: the package's directory served over
// HTTP (the demo fetches its .wasm), Debian's Chromium launched headless
// through playwright-core, and test-results/ for screenshots and PDFs.
import { createServer } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;

/** test-results/, created if missing. */
export const results = join(root, 'test-results');
mkdirSync(results, { recursive: true });

/** Debian's Chromium (or $CHROMIUM), headless, with nothing reaching the network. */
export const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic'],
  });

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };

/**
 * Serves the package directory on a free local port, launches Chromium and
 * opens the demo form, waiting until it has loaded its catalogue. A page
 * error fails the test. Returns `{ server, browser, page, base }`; close the
 * browser and the server when done.
 */
export async function openDemo() {
  const server = createServer((req, res) => {
    const path = normalize(join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(root)) { res.writeHead(403).end(); return; }
    let body;
    try {
      body = readFileSync(path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/demo/index.html`;
  const browser = await launch();
  const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(base);
  await page.waitForSelector('body[data-ready="true"]');
  return { server, browser, page, base };
}
