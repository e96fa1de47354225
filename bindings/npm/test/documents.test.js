// The printable service guide (办事指南) through the package, against the
// banshi CLI: the same service gives the same page, byte for byte, from
// `guideHtml(id)` and from `banshi show <id> --format html` (which prints it
// followed by one newline), for every service of the embedded catalogue and of
// examples/minzheng, and the same error for a service that does not exist.
// scripts/test-js.sh builds the CLI and passes it as BANSHI_CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

import * as banshi from '../node.js';

const here = (path) => new URL(path, import.meta.url).pathname;
const cli = process.env.BANSHI_CLI ?? here('../../../target/debug/banshi');
const minzheng = here('../../../examples/minzheng');

/** Runs the CLI; its stdout, and its exit status. */
function banshiCli(...args) {
  assert.ok(existsSync(cli), `no banshi CLI at ${cli}: run scripts/test-js.sh, or build it and set BANSHI_CLI`);
  const run = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.equal(run.error, undefined, `${cli} ${args.join(' ')}`);
  return { stdout: run.stdout, status: run.status };
}

const cliGuide = (...args) => {
  const { stdout, status } = banshiCli(...args);
  assert.equal(status, 0, `banshi ${args.join(' ')} exits 0`);
  return stdout;
};

test('guideHtml gives the CLI page of every service of the embedded catalogue', () => {
  const ids = banshi.services().services.map((s) => s.id);
  assert.equal(ids.length, 18);
  for (const id of ids) {
    const page = banshi.guideHtml(id);
    assert.equal(cliGuide('show', id, '--format', 'html'), `${page}\n`, `guide ${id}`);
  }
  const page = banshi.guideHtml('10.1');
  assert.ok(page.startsWith('<!DOCTYPE html>') && page.includes('<h1>办事指南</h1>'));
  assert.ok(page.includes('适用：婚姻状况为已婚') && !page.includes('=='), 'conditions in Chinese');
  assert.ok(page.includes(banshi.service('10.1').catalog_hash), 'the receipt: the catalogue hash');
});

test('a loaded catalogue: guideHtml gives the CLI page of each of its services', () => {
  const office = banshi.Catalog.load(readFileSync(`${minzheng}/bundle.json`, 'utf8'));
  try {
    const ids = office.services().services.map((s) => s.id);
    assert.equal(ids.length, 5);
    for (const id of ids) {
      const page = office.guideHtml(id);
      assert.equal(cliGuide('--catalog', minzheng, 'show', id, '--format', 'html'), `${page}\n`, `minzheng guide ${id}`);
      const hash = office.service(id).catalog_hash;
      assert.ok(page.includes(hash) && hash !== banshi.service('10.1').catalog_hash, `guide ${id} names its own catalogue`);
    }
  } finally {
    office.free();
  }
});

test('guideHtml fails as serviceJson and as the CLI do', () => {
  const { guideHtml, serviceJson, BanshiError } = banshi;
  const thrown = (f) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof BanshiError, String(e));
      return e;
    }
    assert.fail('no error');
  };
  const unknown = thrown(() => guideHtml('10.2'));
  assert.equal(unknown.code, 'UNKNOWN_SERVICE');
  assert.equal(unknown.json, thrown(() => serviceJson('10.2')).json);
  const { stdout, status } = banshiCli('show', '10.2', '--json');
  assert.notEqual(status, 0);
  assert.equal(stdout, `${unknown.json}\n`, 'the CLI prints the same error JSON');
  const huge = thrown(() => guideHtml('1'.repeat((1 << 20) + 1)));
  assert.equal(huge.code, 'INPUT_TOO_LARGE');
  assert.equal(huge.json, thrown(() => serviceJson('1'.repeat((1 << 20) + 1))).json);
});
