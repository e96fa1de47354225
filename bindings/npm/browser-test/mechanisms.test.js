// Issue 11's mechanisms on the demo form, in real headless Chromium, each
// compared with the engine's own JSON answer in Node: a bundle of services
// (一件事一次办) lists each merged item once with the services that need it;
// a document on file (免提交) leaves the checklist for the exempt list; a
// missing deferrable material gives accepted_pending (容缺受理) with its due
// date; a signed pledge (告知承诺) stands in for a material. Most run on
// examples/minzheng/bundle.json, opened as a catalogue author would; the
// bundle also runs on the embedded catalogue (1.1 and 8.1, picked ad hoc).
// Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDemo, results as shots } from './harness.js';
import { Catalog, assessJson } from '../node.js';

const bundle = readFileSync(new URL('../../../examples/minzheng/bundle.json', import.meta.url).pathname);
// The engine's answers, in Node, to compare the page with.
const loaded = Catalog.load(bundle.toString('utf8'));
// The JSON answers, parsed: the exact bytes every binding gives.
const minzheng = {
  assess: (request) => JSON.parse(loaded.assessJson(request)),
  check: (request) => JSON.parse(loaded.checkJson(request)),
};
const assess = (request) => JSON.parse(assessJson(request));
const date = '2026-11-27';

let server, browser, page;

before(async () => {
  ({ server, browser, page } = await openDemo());
  await page.setInputFiles('#bundle', { name: 'bundle.json', mimeType: 'application/json', buffer: bundle });
  await page.waitForSelector('body[data-catalog="example-2026.1"]');
});

after(async () => {
  await browser?.close();
  server?.close();
  loaded.free();
});

const ids = async (selector) => page.$$eval(selector, (els) => els.map((e) => e.dataset.id));
const items = () => ids('#checklist > li');
const text = async (selector) => (await page.textContent(selector)).trim();

/**
 * Chooses what to apply for (a service, `bundle:<id>`, or `ad-hoc` services) and answers, as a person would, the
 * questions the form asks, from `facts`. Returns the facts given, with the application date, for the engine.
 */
async function answer(choice, facts, adHoc = []) {
  await page.selectOption('#service', choice);
  for (const service of adHoc) await page.check(`#ad-hoc input[data-service="${service}"]`);
  await page.fill('#application_date', date);
  const asked = await page.$$eval('#facts [data-fact]', (els) => els.map((e) => e.dataset.fact));
  const given = { application_date: date };
  for (const name of asked) {
    assert.ok(name in facts, `the form asks ${name}`);
    if (facts[name] === null) continue; // left blank
    const input = `[data-fact="${name}"]`;
    if ((await page.$eval(input, (e) => e.tagName)) === 'SELECT') await page.selectOption(input, String(facts[name]));
    else await page.fill(input, String(facts[name]));
    given[name] = facts[name];
  }
  return given;
}

/** Ticks every item of the checklist on the page but `except`. */
async function tickAllBut(...except) {
  for (const id of await items()) if (!except.includes(id)) await page.check(`#checklist input[data-id="${id}"]`);
}

/** What the page submits for ticked items, as the demo makes it: the first option, in the numbers required. */
const submission = (item) => {
  const m = item.one_of ? item.one_of[0] : item;
  return { id: item.one_of ? m.id : item.id, originals: m.originals, copies: m.copies };
};

// A minor with a grade-1 physical disability on 低保, by a proxy: both disability subsidies apply, and the
// guardianship proof (which a pledge may replace) is asked for.
const minor = {
  birth_date: '2015-04-10', proxy: true, district_hukou: true, has_disability_certificate: true,
  disability_type: 'physical', disability_grade: 'grade_1', assistance_status: 'dibao', long_term_care_needed: true,
};

/** The merged checklist on the page is the engine's: each item once, with the services that need it. */
async function sameMergedChecklist(expected) {
  const shown = await items();
  assert.deepEqual(shown, expected.checklist.map((i) => i.id));
  assert.equal(new Set(shown).size, shown.length, 'each item once');
  for (const item of expected.checklist) {
    const li = `#checklist li[data-id="${item.id}"]`;
    assert.equal(await text(`${li} strong`), item.name);
    const services = await page.$$eval(`${li} .needed-by li`, (els) => els.map((e) => e.dataset.service));
    assert.deepEqual(services, item.needed_by.map((p) => p.service), `${item.id} is needed by`);
    for (const part of item.needed_by) {
      assert.match(await text(`${li} .needed-by li[data-service="${part.service}"]`),
        new RegExp(`^${part.service} .*${part.name.replace(/[()（）《》]/g, '.')}.*理由：${part.because.join('，')}`));
    }
  }
}

test('一件事一次办 (民政, declared): the merged checklist shows each item once with the services that need it', async () => {
  const facts = await answer('bundle:disability_subsidies', minor);
  const expected = minzheng.assess({ bundle: 'disability_subsidies', facts });
  assert.equal(await page.getAttribute('body', 'data-mode'), 'bundle');
  await sameMergedChecklist(expected);
  // Both services need the applicant's ID card: one item, the copies summed (each service files its own).
  const card = expected.checklist.find((i) => i.id === 'applicant:resident_id_card');
  assert.deepEqual(card.needed_by.map((p) => p.service), ['1.1', '2.1']);
  assert.match(await text('#checklist li[data-id="applicant:resident_id_card"] .spec'), new RegExp(`复印件${card.copies}份`));
  assert.equal(card.copies, card.needed_by.reduce((n, p) => n + p.copies, 0));
  // The bundle's name, its recorded reading and the merge rule, as the engine words them.
  const info = await text('#bundle-info');
  assert.ok(info.startsWith(`${expected.bundle.name}：1.1 `), info);
  assert.ok(info.includes(expected.bundle.decision) && info.includes(expected.merge_rule));
  for (const s of expected.services) {
    assert.match(await text(`#eligibility [data-service="${s.service.id}"]`), new RegExp(`^${s.service.id} ${s.service.name}：符合申请条件`));
  }
  // Nothing ticked: the notice lists every merged item as missing.
  assert.deepEqual(await ids('#notice-missing li'), expected.checklist.map((i) => i.id));
  // Each service keeps its own steps, and its own guide to print.
  const steps = await page.$$eval('#steps > li', (els) => els.map((e) => [...e.querySelectorAll('ol > li')].map((s) => s.textContent)));
  assert.deepEqual(steps, expected.services.map((s) => s.steps.map((x) => `${x.actor ? `${x.actor}：` : ''}${x.action}${x.phone ? `（电话 ${x.phone}）` : ''}`)));
  assert.deepEqual(await page.$$eval('#print-guides button', (els) => els.map((e) => e.dataset.guide)), ['1.1', '2.1']);
  assert.ok(await page.isHidden('#print-guide'));
  await page.screenshot({ path: join(shots, 'bundle-disability.png'), fullPage: true });
});

test('一件事一次办 (embedded, declared and picked ad hoc): the newborn\'s items merged as the engine merges them', async () => {
  await page.click('#embedded');
  await page.waitForSelector('body[data-catalog="2026.11.1"]');
  const newborn = { birth_date: '2026-11-01', hukou: 'local', proxy: true };
  // The bundle the embedded catalogue declares, offered from its services list.
  const given = await answer('bundle:newborn', newborn);
  const declared = assess({ bundle: 'newborn', facts: given });
  await sameMergedChecklist(declared);
  assert.ok((await text('#bundle-info')).startsWith(`${declared.bundle.name}：1.1 `));
  // The same services picked ad hoc: the same merged checklist, for the services are what matters.
  const facts = await answer('ad-hoc', newborn, ['1.1', '8.1']);
  const expected = assess({ bundle: ['1.1', '8.1'], facts });
  await sameMergedChecklist(expected);
  assert.deepEqual(expected.checklist, declared.checklist);
  const hukou = expected.checklist.find((i) => i.id === 'applicant:hukou_book');
  assert.deepEqual(hukou.needed_by.map((p) => `${p.service}:${p.id}`), ['1.1:hukou_book', '8.1:child_hukou_page']);
  assert.ok((await text('#bundle-info')).startsWith('自选联办：1.1 '));
  // One service is not a bundle.
  await page.uncheck('#ad-hoc input[data-service="8.1"]');
  assert.equal(await text('#error'), '请至少选择两个事项一并办理。');
  await page.screenshot({ path: join(shots, 'bundle-newborn.png'), fullPage: true });

  await page.setInputFiles('#bundle', { name: 'bundle.json', mimeType: 'application/json', buffer: bundle });
  await page.waitForSelector('body[data-catalog="example-2026.1"]');
});

test('免提交: only documents that may stand in are offered; ticked, the item leaves the checklist for exempt', async () => {
  const adult = { ...minor, birth_date: '1975-04-10', proxy: false };
  const facts = await answer('1.1', adult);
  const plain = minzheng.assess({ service: '1.1', facts });
  // The page offers what the vocabulary's stand-ins allow; the engine, with every document of the checklist on
  // file, exempts exactly those items.
  const everything = plain.checklist.flatMap((i) => (i.one_of ?? [i]).map((m) => `${m.owner}:${m.document}`));
  const possible = minzheng.assess({ service: '1.1', facts, on_file: [...new Set(everything)] });
  assert.ok(possible.exempt.length > 0 && possible.exempt.length < plain.checklist.length);
  assert.deepEqual(await page.$$eval('#checklist input[data-on-file]', (els) => els.map((e) => e.dataset.onFile)),
    possible.exempt.map((i) => i.id));
  const card = possible.exempt.find((i) => i.id === 'applicant_id_card');
  assert.equal(await text('#checklist li[data-id="applicant_id_card"] .on-file'), `窗口可调取${card.exempt.label}，免于提交`);

  // Ticking re-renders the lists, so the box is clicked rather than checked.
  await page.click('#checklist input[data-on-file="applicant_id_card"]');
  const expected = minzheng.assess({ service: '1.1', facts, on_file: ['applicant:resident_id_card'] });
  assert.deepEqual(await items(), expected.checklist.map((i) => i.id));
  assert.deepEqual(await ids('#exempt li'), expected.exempt.map((i) => i.id));
  assert.deepEqual(expected.exempt.map((i) => i.id), ['applicant_id_card']);
  assert.equal(await text('#exempt li[data-id="applicant_id_card"] .stand-in'), `以${expected.exempt[0].exempt.label}代替纸质材料`);
  assert.equal(await text('#exempt li[data-id="applicant_id_card"] .decision'), `口径说明：${expected.exempt[0].exempt.decision}`);
  // The notice never asks for it, and says why.
  const notice = minzheng.check({ service: '1.1', facts, on_file: ['applicant:resident_id_card'], submitted: [] });
  assert.deepEqual(await ids('#notice-missing li'), notice.missing.map((i) => i.id));
  assert.ok(!notice.missing.some((i) => i.id === 'applicant_id_card'));
  assert.deepEqual(await ids('#notice-exempt li'), notice.exempt.map((i) => i.id));
  await page.screenshot({ path: join(shots, 'on-file-exempt.png'), fullPage: true });

  // Unticked in the exempt list, it is asked for again.
  await page.click('#exempt input[data-on-file="applicant_id_card"]');
  assert.deepEqual(await items(), plain.checklist.map((i) => i.id));
  assert.deepEqual(await ids('#exempt li'), []);
});

test('容缺受理: only a deferrable material missing gives accepted_pending, with its due date', async () => {
  const relief = { district_hukou: true, hardship_cause: 'illness', monthly_income_per_capita: 800, household_size: 1,
    assistance_status: 'none', residence_years: null };
  const facts = await answer('5.1', relief);
  const assessment = minzheng.assess({ service: '5.1', facts });
  const deferrable = assessment.checklist.filter((i) => i.deferrable);
  assert.deepEqual(deferrable.map((i) => i.id), ['medical_bills']);
  assert.equal(await text('#checklist li[data-id="medical_bills"] .deferrable'),
    `可容缺受理：可先行受理，自申请之日起${deferrable[0].deferrable.days}日内补交`);

  await tickAllBut('medical_bills');
  const submitted = assessment.checklist.filter((i) => i.id !== 'medical_bills').map(submission);
  const notice = minzheng.check({ service: '5.1', facts, submitted });
  assert.equal(notice.status, 'accepted_pending');
  await page.waitForSelector('body[data-notice-status="accepted_pending"]');
  assert.match(await text('#notice-status'), /^容缺受理：其余材料齐全，可先行受理/);
  assert.deepEqual(await ids('#notice-deferred li'), notice.deferred.map((d) => d.id));
  assert.equal(notice.deferred[0].due, '2026-12-07');
  assert.equal(await text('#notice-deferred li[data-id="medical_bills"] .due'), `补交期限 ${notice.deferred[0].due}`);
  assert.equal(await text('#notice-missing li[data-id="medical_bills"] .due'), `容缺受理，补交期限：${notice.deferred[0].due}`);
  // Never a postponement without the reading it rests on.
  assert.ok(notice.deferred[0].decision);
  assert.equal(await text('#notice-deferred li[data-id="medical_bills"] .decision'), `口径说明（容缺受理）：${notice.deferred[0].decision}`);
  await page.screenshot({ path: join(shots, 'accepted-pending.png'), fullPage: true });

  // A material that is not deferrable missing as well: incomplete, and the due date still shown.
  await page.uncheck('#checklist input[data-id="diagnosis_certificate"]');
  const incomplete = minzheng.check({ service: '5.1', facts, submitted: submitted.filter((s) => s.id !== 'diagnosis_certificate') });
  assert.equal(incomplete.status, 'incomplete');
  await page.waitForSelector('body[data-notice-status="incomplete"]');
  assert.deepEqual(await ids('#notice-missing li'), incomplete.missing.map((i) => i.id));
  assert.deepEqual(await ids('#notice-deferred li'), incomplete.deferred.map((d) => d.id));
});

test('告知承诺: the pledge text on the form, and a signed pledge stands in for the guardianship proof', async () => {
  const facts = await answer('1.1', minor);
  const assessment = minzheng.assess({ service: '1.1', facts });
  const proof = assessment.checklist.find((i) => i.id === 'guardianship_proof');
  assert.equal(await text('#checklist li[data-id="guardianship_proof"] .pledge-text'), proof.pledge.text);
  assert.equal(await page.$$eval('#checklist input[data-pledge]', (els) => els.length),
    assessment.checklist.filter((i) => i.pledge).length, 'offered only where the catalogue allows a pledge');

  await tickAllBut('guardianship_proof');
  await page.check('#checklist input[data-pledge="guardianship_proof"]');
  assert.ok(await page.isChecked('#checklist input[data-id="guardianship_proof"]'), 'a signed pledge counts as handed in');
  const submitted = assessment.checklist.map((i) => (i.id === 'guardianship_proof' ? { id: i.id, pledged: true } : submission(i)));
  const notice = minzheng.check({ service: '1.1', facts, submitted });
  assert.equal(notice.status, 'complete');
  await page.waitForSelector('body[data-notice-status="complete"]');
  assert.deepEqual(await ids('#notice-pledged li'), notice.pledged.map((p) => p.id));
  assert.equal(await text('#notice-pledged li[data-id="guardianship_proof"] .pledge-text'), notice.pledged[0].text);
  assert.match(await text('#notice-pledged li[data-id="guardianship_proof"]'), new RegExp(notice.pledged[0].note));
  assert.ok(notice.pledged[0].decision);
  assert.equal(await text('#notice-pledged li[data-id="guardianship_proof"] .decision'), `口径说明（告知承诺）：${notice.pledged[0].decision}`);
  await page.screenshot({ path: join(shots, 'pledge.png'), fullPage: true });

  // In the disability bundle, the merged proof takes one pledge for both services.
  const both = await answer('bundle:disability_subsidies', minor);
  const merged = minzheng.assess({ bundle: 'disability_subsidies', facts: both });
  const item = merged.checklist.find((i) => i.id === 'applicant:guardianship_proof');
  assert.deepEqual(await page.$$eval('#checklist li[data-id="applicant:guardianship_proof"] .pledge-text', (els) => els.map((e) => e.textContent)),
    item.pledge.texts);
  await tickAllBut('applicant:guardianship_proof');
  await page.check('#checklist input[data-pledge="applicant:guardianship_proof"]');
  const bundleNotice = minzheng.check({ bundle: 'disability_subsidies', facts: both,
    submitted: merged.checklist.map((i) => (i.pledge ? { id: i.id, pledged: true } : submission(i))) });
  assert.equal(bundleNotice.status, 'complete');
  await page.waitForSelector('body[data-notice-status="complete"]');
  assert.deepEqual(await ids('#notice-pledged li'), bundleNotice.pledged.map((p) => p.id));
  assert.deepEqual(await page.$$eval('#notice-pledged li .pledge-text', (els) => els.map((e) => e.textContent)),
    bundleNotice.pledged.flatMap((p) => p.pledge.texts));
  // Each service's reading the merged pledge rests on.
  const pledged = bundleNotice.pledged[0];
  assert.deepEqual(pledged.needed_by.map((p) => p.service), ['1.1', '2.1']);
  assert.deepEqual(await page.$$eval('#notice-pledged li .decision', (els) => els.map((e) => e.textContent)),
    pledged.needed_by.map((p) => `口径说明（${p.service} 告知承诺）：${p.pledge.decision}`));
});
