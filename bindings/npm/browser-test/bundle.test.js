// The demo form on a catalogue loaded at run time, in real headless Chromium:
// a catalogue author opens examples/minzheng/bundle.json, and the form asks
// that catalogue's questions, shows the checklist the engine gives and prints
// that catalogue's guide. A bundle that fails to load is reported with its
// code, in Chinese, and the form keeps the catalogue it had. Screenshots go to
// test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemo, results as shots } from './harness.js';
import { Catalog } from '../node.js';

const bundlePath = new URL('../../../examples/minzheng/bundle.json', import.meta.url).pathname;
const bundle = readFileSync(bundlePath);

// The engine's own answers, in Node, to compare the page with.
const minzheng = Catalog.load(bundle.toString('utf8'));
const vocabulary = minzheng.vocabulary();

let server, browser, page;

before(async () => {
  ({ server, browser, page } = await openDemo());
});

after(async () => {
  await browser?.close();
  server?.close();
  minzheng.free();
});

const ids = async (selector) => page.$$eval(selector, (els) => els.map((e) => e.dataset.id));

async function openBundle(name, buffer) {
  await page.setInputFiles('#bundle', { name, mimeType: 'application/json', buffer });
}

/** Chooses a service and answers its questions as a person would, value by value. */
async function answer(service, facts) {
  await page.selectOption('#service', service);
  await page.fill('#application_date', '2026-11-27');
  for (const [name, value] of Object.entries(facts)) {
    const input = `[data-fact="${name}"]`;
    if ((await page.$eval(input, (e) => e.tagName)) === 'SELECT') await page.selectOption(input, String(value));
    else await page.fill(input, String(value));
  }
}

test('the embedded catalogue is in use first, with the bundle of services it declares', async () => {
  assert.equal(await page.getAttribute('body', 'data-catalog'), '2026.11.1');
  assert.match(await page.textContent('#catalog-status'), /当前目录：内置目录（版本 2026\.11\.1，18 个事项，1 个“一件事”）/);
  const bundles = await page.$$eval('#service optgroup option', (els) => els.map((e) => [e.value, e.textContent]));
  assert.deepEqual(bundles, [['bundle:newborn', '新生儿出生一件事（1.1＋8.1）'], ['ad-hoc', '自选多个事项一并办理']]);
});

test('opening the 民政 bundle: its services and its own questions', async () => {
  await openBundle('bundle.json', bundle);
  await page.waitForSelector('body[data-catalog="example-2026.1"]');
  assert.match(await page.textContent('#catalog-status'), /当前目录：“bundle\.json”（版本 example-2026\.1，5 个事项，2 个“一件事”）/);
  const options = await page.$$eval('#service > option', (els) => els.map((e) => e.textContent));
  assert.deepEqual(options, minzheng.services().services.map((s) => `${s.id} ${s.name}`));
  // Then the bundles of services it declares (一件事一次办), and services picked ad hoc.
  const bundles = await page.$$eval('#service optgroup option', (els) => els.map((e) => [e.value, e.textContent]));
  // As the catalogue file declares them, and as a bundle answer names them.
  const declared = minzheng.services().bundles;
  assert.deepEqual(declared.map((b) => [b.id, b.services.map((s) => s.id)]),
    JSON.parse(bundle.toString('utf8')).bundles.map((b) => [b.id, b.services]));
  for (const b of declared) {
    assert.deepEqual(b, minzheng.assess({ bundle: b.id, facts: { application_date: '2026-11-27' } }).bundle);
  }
  assert.deepEqual(bundles, [
    ...declared.map((b) => [`bundle:${b.id}`, `${b.name}（${b.services.map((s) => s.id).join('＋')}）`]),
    ['ad-hoc', '自选多个事项一并办理'],
  ]);

  await page.selectOption('#service', '2.1');
  const service = minzheng.services().services.find((s) => s.id === '2.1');
  const asked = await page.$$eval('#facts [data-fact]', (els) => els.map((e) => e.dataset.fact));
  assert.deepEqual(asked, service.facts.filter((f) => f !== 'application_date'), 'only the facts 2.1 reads');
  // Labels and values come from the catalogue's vocabulary, not the embedded one.
  const grade = vocabulary.facts.find((f) => f.name === 'disability_grade');
  assert.match(await page.textContent('#facts'), new RegExp(grade.label.replace(/[()（）]/g, '.')));
  const values = await page.$$eval('[data-fact="disability_grade"] option', (els) => els.map((e) => e.textContent));
  assert.deepEqual(values, ['请选择', ...grade.choices.map((c) => c.label)]);
});

for (const [service, facts] of [
  ['2.1', { district_hukou: true, has_disability_certificate: true, disability_grade: 'grade_1', disability_type: 'physical',
    long_term_care_needed: true, birth_date: '1970-01-01', proxy: true }],
  ['5.1', { district_hukou: false, residence_years: 3, monthly_income_per_capita: 900, hardship_cause: 'illness',
    household_size: 3 }],
  ['4.1', { district_hukou: true, birth_date: '2014-06-01', monthly_income_per_capita: 0, has_legal_supporter: false,
    has_disability_certificate: false, proxy: false }],
]) {
  test(`民政 ${service}: the checklist on the page is the engine's`, async () => {
    await answer(service, facts);
    const expected = minzheng.assess({ service, facts: { application_date: '2026-11-27', ...facts } });
    assert.ok(expected.checklist.length > 0);
    assert.deepEqual(await ids('#checklist li'), expected.checklist.map((i) => i.id));
    for (const item of expected.checklist) {
      const li = `#checklist li[data-id="${item.id}"]`;
      assert.equal(await page.textContent(`${li} strong`), item.name);
      assert.equal(await page.textContent(`${li} .because`), `理由：${item.because.join('，')}`);
      const owner = vocabulary.owners.find((o) => o.name === (item.owner ?? item.one_of[0].owner)).label;
      assert.equal(await page.textContent(`${li} .owner`), owner);
    }
    const status = { eligible: '符合申请条件', ineligible: '不符合申请条件', undetermined: '申请条件待定' }[expected.eligibility.status];
    assert.ok((await page.textContent('#eligibility')).startsWith(status));
    assert.deepEqual(await ids('#notice-missing li'), expected.checklist.map((i) => i.id), 'nothing ticked: all missing');
    await page.screenshot({ path: join(shots, `minzheng-${service}.png`), fullPage: true });
  });
}

test('民政 5.1: the guide button prints the loaded catalogue\'s guide', async () => {
  await page.selectOption('#service', '5.1');
  await page.click('#print-guide');
  await page.waitForSelector('iframe.print-frame[data-printed="true"]', { state: 'attached' });
  const html = await page.$eval('iframe.print-frame', (f) => f.srcdoc);
  assert.equal(html, minzheng.guideHtml('5.1'), 'the page is the one the engine gives in Node');
  assert.ok(html.includes(minzheng.service('5.1').catalog_hash), 'with this catalogue\'s receipt');
});

test('a bundle that does not load: the code and every problem, in Chinese; the catalogue stays', async () => {
  const broken = JSON.parse(bundle.toString('utf8'));
  broken.services[0].materials[0].owner = 'aplicant';
  broken.services[1].eligibility[0].requires = 'district_hukuo';
  await openBundle('draft.json', Buffer.from(JSON.stringify(broken)));
  await page.waitForSelector('body[data-load-error="INVALID_CATALOG"]');
  const error = await page.textContent('#catalog-error');
  assert.match(error, /^目录“draft\.json”无法加载 \[INVALID_CATALOG\] 目录校验失败，共 2 个问题：/);
  const problems = await page.$$eval('#catalog-problems li', (els) => els.map((e) => e.textContent));
  assert.equal(problems.length, 2);
  assert.match(problems[0], /事项 1\.1 .*aplicant.*applicant/);
  assert.match(problems[1], /事项 2\.1 .*district_hukuo.*district_hukou/);
  assert.equal(await page.getAttribute('body', 'data-catalog'), 'example-2026.1', 'the loaded catalogue is kept');
  await page.screenshot({ path: join(shots, 'bundle-error.png'), fullPage: true });

  await openBundle('notjson.json', Buffer.from('{"version": '));
  await page.waitForFunction(() => document.getElementById('catalog-error').textContent.includes('notjson.json'));
  assert.match(await page.textContent('#catalog-error'), /^目录“notjson\.json”无法加载 \[INVALID_CATALOG\] .*JSON/);
});

test('back to the embedded catalogue, then the bundle dropped on the form', async () => {
  await page.click('#embedded');
  await page.waitForSelector('body[data-catalog="2026.11.1"]');
  assert.equal(await page.textContent('#catalog-error'), '', 'a catalogue that loads clears the error');
  assert.ok((await page.$$eval('#service option', (els) => els.map((e) => e.value))).includes('10.1'));

  const text = bundle.toString('utf8');
  const drop = await page.evaluateHandle((json) => {
    const data = new DataTransfer();
    data.items.add(new File([json], 'minzheng.json', { type: 'application/json' }));
    return data;
  }, text);
  await page.dispatchEvent('#drop', 'drop', { dataTransfer: drop });
  await page.waitForSelector('body[data-catalog="example-2026.1"]');
  assert.match(await page.textContent('#catalog-status'), /“minzheng\.json”/);
  await answer('3.1', { district_hukou: true, birth_date: '1940-01-01', living_alone: true, proxy: false });
  const expected = minzheng.assess({ service: '3.1',
    facts: { application_date: '2026-11-27', district_hukou: true, birth_date: '1940-01-01', living_alone: true, proxy: false } });
  assert.deepEqual(await ids('#checklist li'), expected.checklist.map((i) => i.id));
});
