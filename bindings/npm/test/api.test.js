// The JS API: parsed results, errors with C result names, the File-like
// validator, loaded catalogues.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

import * as banshi from '../node.js';

const facts = (extra) => ({ application_date: '2026-11-27', ...extra });

test('assess returns the checklist with reasons', () => {
  const a = banshi.assess({ service: '10.1', facts: facts({ marital_status: 'married', hukou: 'nonlocal' }) });
  const spouse = a.checklist.find((i) => i.id === 'spouse_id_card');
  assert.deepEqual(spouse.because, ['申请人已婚']);
  assert.ok(a.checklist.some((i) => i.id === 'residence_permit'));
  assert.equal(a.eligibility.status, 'undetermined');
});

test("the top-level README's JavaScript example shows the real answer", () => {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const call = readme.match(/^const a = assess\((.*)\);$/m);
  const shown = readme.match(/^a\.checklist\.map\(\(i\) => \[i\.name, i\.because\]\);\s*\/\/ (.*)$/m);
  assert.ok(call && shown, 'the README example is where this test looks for it');
  // The example's literals are plain JS object and array literals.
  const request = Function(`return (${call[1]});`)();
  const expected = Function(`return (${shown[1]});`)();
  assert.deepEqual(banshi.assess(request).checklist.map((i) => [i.name, i.because]), expected);
});

test('errors are BanshiErrors whose code is the C result name', () => {
  assert.throws(() => banshi.assess({ service: '10.1', facts: facts({ marital_staus: 'married' }) }), (e) => {
    assert.ok(e instanceof banshi.BanshiError && e instanceof Error);
    assert.equal(e.code, 'UNKNOWN_FACT');
    assert.equal(e.number, 30);
    assert.equal(e.detail.suggestion, 'marital_status');
    assert.equal(e.message, '未知的申请人信息字段“marital_staus”，是否应为“marital_status”？');
    return true;
  });
  assert.throws(() => banshi.assessJson('{'), { code: 'INVALID_JSON' });
  assert.throws(() => banshi.service('12.1'), { code: 'UNKNOWN_SERVICE' });
  assert.throws(() => banshi.check({ service: '4.3', facts: facts(), submitted: [{ id: 'hukou_bok' }] }), { code: 'UNKNOWN_MATERIAL' });
});

test('every error code the C header names is the one JS reports', () => {
  const header = readFileSync(new URL('../../c/banshi.h', import.meta.url), 'utf8');
  const names = [...header.matchAll(/BANSHI_RESULT_([A-Z0-9_]+) = (\d+)/g)].map((m) => m[1]);
  assert.ok(names.includes('UNKNOWN_FACT') && names.includes('INVALID_CATALOG'));
  // Every code a JS call can produce appears in the header.
  const seen = new Set();
  for (const dir of ['assess', 'check', 'validate_file', 'service', 'validate_id_number']) {
    const path = new URL(`../../../tests/cases/${dir}/`, import.meta.url);
    for (const f of readdirSync(path).filter((f) => f.startsWith('error-') && f.endsWith('.out'))) {
      seen.add(JSON.parse(readFileSync(new URL(f, path), 'utf8')).error.code);
    }
  }
  for (const code of seen) assert.ok(names.includes(code), `${code} is not in banshi.h`);
  assert.ok(seen.size >= 10, [...seen].join());
});

test('the photo validator takes a File-like object', () => {
  const ok = banshi.validateFile('8.1', 'electronic_photo', { name: 'me.jpg', type: 'image/jpeg', size: 50 * 1024 });
  assert.equal(ok.valid, true);
  const big = banshi.validateFile('8.1', 'electronic_photo', { name: 'me.jpg', type: 'image/jpeg', size: 130 * 1024 });
  assert.deepEqual(big.problems.map((p) => p.code), ['FILE_TOO_LARGE']);
  assert.equal(big.problems[0].message, '文件大小为 130 KB，应小于 120 KB');
});

test('ID numbers and dates validate without echoing the number', () => {
  const bad = banshi.validateIdNumber('110105194912310021');
  assert.equal(bad.valid, false);
  assert.equal(bad.masked, '110105********0021');
  assert.ok(!JSON.stringify(bad).includes('19491231'));
  assert.equal(banshi.validateIdNumber('11010519491231002X').birth_date, '1949-12-31');
  assert.deepEqual(banshi.validateDate('2026-02-30').problems.map((p) => p.code), ['INVALID_DATE']);
});

// A bundle is {version, facts, derived, owners, documents, services}: a catalogue declares its own
// vocabulary (facts, derived values, owners) and document registry. These are the embedded catalogue's source files, core/catalog.
const catalogDir = new URL('../../../core/catalog/', import.meta.url);
const catalogFile = (name) => JSON.parse(readFileSync(new URL(name, catalogDir), 'utf8'));

test('a catalogue loads at run time and reports every problem', () => {
  const dir = new URL('services/', catalogDir);
  const services = readdirSync(dir).sort().map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
  const { facts, derived, owners } = catalogFile('facts.json');
  const { documents } = catalogFile('documents.json');
  const loaded = banshi.Catalog.load({ version: 'office-1', facts, derived, owners, documents, services });
  assert.equal(loaded.services().catalog_version, 'office-1');
  assert.equal(loaded.services().services.length, 18);
  // The vocabulary is the loaded catalogue's own: its version, the facts and documents of its bundle.
  const vocabulary = loaded.vocabulary();
  assert.equal(vocabulary.catalog_version, 'office-1');
  assert.deepEqual({ ...vocabulary, catalog_version: null }, { ...banshi.vocabulary(), catalog_version: null });
  assert.deepEqual(vocabulary.documents.map((d) => d.id), documents.map((d) => d.id));
  loaded.free();
  // With a vocabulary and a registry, a bad service is checked and every one of its problems listed.
  const registry = [{ id: 'resident_id_card', name: '居民身份证', issuer: '公安机关' }];
  const bad = { version: 'x', facts, derived, owners, documents: registry, services: [{ id: '1.1' }] };
  assert.throws(() => banshi.Catalog.load(bad), (e) => {
    assert.equal(e.code, 'INVALID_CATALOG');
    assert.ok(e.detail.problems.length >= 5, JSON.stringify(e.detail.problems));
    assert.ok(e.detail.problems.every((p) => p.service === '1.1'), JSON.stringify(e.detail.problems));
    return true;
  });
  // Without them, every missing field is reported at once.
  assert.throws(() => banshi.Catalog.load('{"version":"x","services":[{"id":"1.1"}]}'), (e) => {
    assert.equal(e.code, 'INVALID_CATALOG');
    assert.deepEqual(e.detail.problems.map((p) => p.path).sort(), ['documents', 'facts', 'owners']);
    return true;
  });
});

test('services list the facts each form should ask', () => {
  const loan = banshi.services().services.find((s) => s.id === '10.1');
  assert.deepEqual(loan.facts, ['hukou', 'marital_status', 'employment_status', 'premises', 'has_training_certificate', 'college_graduate']);
  assert.equal(banshi.version(), '0.1.0');
  assert.equal(banshi.vocabulary().facts.find((f) => f.name === 'hukou').choices[1].label, '外地');
});

test('noticeHtml: the library notice page, ID number masked, same as the Rust renderer', () => {
  const request = { service: '10.1', facts: { application_date: '2026-11-27' }, submitted: [] };
  const { noticeHtml, BanshiError } = banshi;
  const html = noticeHtml(request, { applicant_name: '<李四>', id_number: '11010519491231002X' });
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(html.includes('&lt;李四&gt;') && html.includes('110105********002X') && !html.includes('11010519491231002X'));
  assert.equal(noticeHtml(request), noticeHtml(JSON.stringify(request), '{}'), 'options optional; deterministic number');
  assert.throws(() => noticeHtml(request, { nmuber: '1' }), (e) => e instanceof BanshiError && e.code === 'UNKNOWN_KEY');
});
