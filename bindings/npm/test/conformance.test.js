// The shared conformance cases through the npm package (Node entry): the same
// bytes as the Rust, C and Java runners. `tests/cases` runs against the
// embedded catalogue; then each `tests/catalogs/<catalogue>` runs, through the
// same function (runSuite), against `examples/<catalogue>/bundle.json`, loaded
// at run time with `Catalog.load`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import * as banshi from '../node.js';

const here = (path) => new URL(path, import.meta.url).pathname;
const casesDir = process.env.BANSHI_CASES ?? here('../../../tests/cases');
const catalogsDir = process.env.BANSHI_CATALOGS ?? here('../../../tests/catalogs');
const examplesDir = process.env.BANSHI_EXAMPLES ?? here('../../../examples');

// Runs one call by its case-directory name with `catalog`; an error gives its JSON.
function call(catalog, name, text) {
  try {
    switch (name) {
      case 'assess': return catalog.assessJson(text);
      case 'check': return catalog.checkJson(text);
      case 'service': return catalog.serviceJson(text);
      case 'services': return catalog.servicesJson();
      case 'vocabulary': return catalog.vocabularyJson();
      case 'validate_id_number': return banshi.validateIdNumberJson(text);
      case 'validate_date': return banshi.validateDateJson(text);
      case 'validate_file': return catalog.validateFileJson(text);
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

const isDir = (path) => statSync(path).isDirectory();

// The cases of one directory: [call, file], sorted.
const casesIn = (dir) => readdirSync(dir).filter((name) => isDir(join(dir, name))).sort().flatMap((name) =>
  readdirSync(join(dir, name)).filter((f) => f.endsWith('.req')).sort().map((f) => [name, f]));

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Each case's intent, `<name>.why.json` beside it (tests/README.md): a `why`
// and a few assertions, checked on the response apart from its bytes.
const intentKeys = ['why', 'error', 'eligibility', 'status', 'valid', 'present', 'absent'];

// The ids that `present` and `absent` speak of, by call.
function intentIds(name, response, absent) {
  const fields = {
    assess: absent ? [['checklist', 'id'], ['pending', 'id']] : [['checklist', 'id']],
    check: [['missing', 'id'], ['defective', 'id']],
    service: [['materials', 'id'], ['eligibility', 'id']],
    services: [['services', 'id']],
    load_catalog: [['services', 'id']],
    vocabulary: [['facts', 'name']],
  }[name] ?? [['problems', 'code']];
  return fields.flatMap(([list, key]) => (Array.isArray(response[list]) ? response[list].map((i) => i?.[key]) : []));
}

function intentFailures(name, stem, intent, response) {
  if (intent === null || typeof intent !== 'object' || Array.isArray(intent)) return ['the intent is not a JSON object'];
  const failures = Object.keys(intent).filter((k) => !intentKeys.includes(k)).map((k) => `unknown key \`${k}\``);
  if (typeof intent.why !== 'string' || intent.why.trim() === '') failures.push('`why` is missing or empty');
  const isError = stem.startsWith('error-');
  if (isError && !('error' in intent)) failures.push('an error case must assert `error`');
  if (['assess', 'check', 'service'].includes(name) && !isError && !('present' in intent) && !('absent' in intent)) {
    failures.push('a case that lists ids must assert `present` or `absent`');
  }
  const actual = {
    error: response.error?.code,
    eligibility: response.eligibility?.status,
    status: response.status,
    valid: response.valid,
  };
  for (const key of Object.keys(actual)) {
    if (key in intent && intent[key] !== actual[key]) {
      failures.push(`${key}: expected ${JSON.stringify(intent[key])}, actual ${JSON.stringify(actual[key])}`);
    }
  }
  for (const [key, absent] of [['present', false], ['absent', true]]) {
    const ids = intentIds(name, response, absent);
    for (const id of intent[key] ?? []) {
      if (ids.includes(id) === absent) failures.push(`${key}: \`${id}\` ${absent ? 'is there' : 'is not there'}`);
    }
  }
  return failures;
}

// Every test of one catalogue's cases: the bytes, the intent and the parsed
// assessment of each case in `dir` (`<call>/<name>.req`), named after `label`.
function runSuite(catalog, dir, label, minCases) {
  const cases = casesIn(dir);
  test(`${label} holds at least ${minCases} cases`, () =>
    assert.ok(cases.length >= minCases, `${cases.length} cases in ${dir}`));

  for (const [name, file] of cases) {
    const request = readFileSync(join(dir, name, file));
    let text;
    try {
      text = utf8.decode(request);
    } catch {
      // A JS string cannot hold invalid UTF-8, so no JS caller can send it.
      test(`${label}/${name}/${file}`, { skip: 'not valid UTF-8: not representable as a JS string' }, () => {});
      continue;
    }
    test(`${label}/${name}/${file}`, () => {
      const expected = readFileSync(join(dir, name, file.replace(/\.req$/, '.out')));
      const actual = Buffer.from(call(catalog, name, text), 'utf8');
      assert.ok(actual.equals(expected), `expected ${expected}\nactual   ${actual}`);
    });
  }

  for (const [name, file] of cases) {
    const stem = file.replace(/\.req$/, '');
    test(`${label}/${name}/${stem} keeps its intent`, (t) => {
      const why = join(dir, name, `${stem}.why.json`);
      let intent;
      try {
        intent = JSON.parse(readFileSync(why, 'utf8'));
      } catch (e) {
        assert.fail(`${label}/${name}/${stem}: ${e.code === 'ENOENT' ? `no ${stem}.why.json` : e.message}`);
      }
      let text;
      try {
        text = utf8.decode(readFileSync(join(dir, name, file)));
      } catch {
        t.skip('not valid UTF-8: not representable as a JS string');
        return;
      }
      const failures = intentFailures(name, stem, intent, JSON.parse(call(catalog, name, text)));
      assert.deepEqual(failures, [], `${label}/${name}/${stem}: ${failures.join('; ')}`);
    });
  }

  // The parsed assessment is built from a compact answer and the guide's parts
  // (a bundle request, or one with documents on file, is parsed from the full
  // answer): it must be deep-equal to JSON.parse of the JSON text, key order
  // included, and fail with the same error, on every case.
  for (const [name, file] of cases.filter(([name]) => name === 'assess')) {
    const request = readFileSync(join(dir, name, file));
    let text;
    try {
      text = utf8.decode(request);
    } catch {
      continue;
    }
    test(`${label}/${name}/${file} parsed`, () => {
      const expected = readFileSync(join(dir, name, file.replace(/\.req$/, '.out')), 'utf8');
      let actual;
      try {
        actual = catalog.assess(text);
      } catch (e) {
        assert.ok(e instanceof banshi.BanshiError, String(e));
        assert.equal(e.json, expected);
        return;
      }
      assert.deepStrictEqual(actual, JSON.parse(expected));
      assert.equal(JSON.stringify(actual), expected);
      // Twice: the second answer comes from the cached parts.
      assert.deepStrictEqual(catalog.assess(text), JSON.parse(expected));
    });
  }
}

runSuite(banshi.Catalog.embedded(), casesDir, 'cases', 80);

// Each catalogue of tests/catalogs, with its bundle loaded now; none if there is no tests/catalogs.
const catalogues = existsSync(catalogsDir)
  ? readdirSync(catalogsDir).filter((n) => isDir(join(catalogsDir, n))).sort()
  : [];
for (const name of catalogues) {
  const bundle = join(examplesDir, name, 'bundle.json');
  if (!existsSync(bundle)) {
    test(`catalogs/${name} has its bundle`, () => assert.fail(`tests/catalogs/${name} needs ${bundle}`));
    continue;
  }
  runSuite(banshi.Catalog.load(readFileSync(bundle, 'utf8')), join(catalogsDir, name), `catalogs/${name}`, 1);
}
