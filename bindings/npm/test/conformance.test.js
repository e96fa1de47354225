// The shared conformance cases through the npm package (Node entry): the same
// bytes as the Rust, C and Java runners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as banshi from '../node.js';

const casesDir = process.env.BANSHI_CASES ?? new URL('../../../tests/cases', import.meta.url).pathname;

function call(name, text) {
  try {
    switch (name) {
      case 'assess': return banshi.assessJson(text);
      case 'check': return banshi.checkJson(text);
      case 'service': return banshi.serviceJson(text);
      case 'services': return banshi.servicesJson();
      case 'vocabulary': return banshi.vocabularyJson();
      case 'validate_id_number': return banshi.validateIdNumberJson(text);
      case 'validate_date': return banshi.validateDateJson(text);
      case 'validate_file': return banshi.validateFileJson(text);
      case 'load_catalog': {
        const loaded = banshi.Catalog.load(text);
        const services = loaded.servicesJson();
        loaded.free();
        return services;
      }
      default: throw new Error(`unknown call ${name}`);
    }
  } catch (e) {
    if (e instanceof banshi.BanshiError) return e.json;
    throw e;
  }
}

const cases = readdirSync(casesDir).sort().flatMap((name) =>
  readdirSync(join(casesDir, name)).filter((f) => f.endsWith('.req')).sort().map((f) => [name, f]));

test('there are conformance cases', () => assert.ok(cases.length >= 80, `${cases.length} cases in ${casesDir}`));

const utf8 = new TextDecoder('utf-8', { fatal: true });

for (const [name, file] of cases) {
  const request = readFileSync(join(casesDir, name, file));
  let text;
  try {
    text = utf8.decode(request);
  } catch {
    // A JS string cannot hold invalid UTF-8, so no JS caller can send it.
    test(`${name}/${file}`, { skip: 'not valid UTF-8: not representable as a JS string' }, () => {});
    continue;
  }
  test(`${name}/${file}`, () => {
    const expected = readFileSync(join(casesDir, name, file.replace(/\.req$/, '.out')));
    const actual = Buffer.from(call(name, text), 'utf8');
    assert.ok(actual.equals(expected), `expected ${expected}\nactual   ${actual}`);
  });
}
