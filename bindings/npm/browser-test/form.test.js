// The demo form in real headless Chromium (Debian's package, driven by
// playwright-core): the checklist updates as the user answers, the
// validators fire before upload, and the print buttons print the package's
// notice and guide documents. Screenshots go to test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDemo, results as shots } from './harness.js';
import { guideHtml } from '../node.js';


let server, browser, page, base;

before(async () => {
  ({ server, browser, page, base } = await openDemo());
});

after(async () => {
  await browser?.close();
  server?.close();
});

const ids = async (selector) => page.$$eval(selector, (els) => els.map((e) => e.dataset.id));

async function choose(service, facts) {
  await page.selectOption('#service', service);
  await page.fill('#application_date', '2026-11-27');
  for (const [name, value] of Object.entries(facts)) {
    const input = `[data-fact="${name}"]`;
    if ((await page.$eval(input, (e) => e.tagName)) === 'SELECT') await page.selectOption(input, String(value));
    else await page.fill(input, String(value));
  }
}

const loan = { hukou: 'local', employment_status: 'unemployed', has_training_certificate: true, college_graduate: false, premises: 'owned' };

test('10.1 未婚: no spouse documents', async () => {
  await choose('10.1', { ...loan, marital_status: 'unmarried' });
  const shown = await ids('#checklist li');
  assert.ok(!shown.includes('spouse_id_card') && !shown.includes('spouse_hukou_book'), shown.join());
  assert.ok(shown.includes('marital_status_proof'));
  assert.match(await page.textContent('#checklist li[data-id="marital_status_proof"] .because'), /申请人未婚/);
  await page.screenshot({ path: join(shots, '10.1-unmarried.png'), fullPage: true });
});

test('switching to 已婚: spouse documents appear', async () => {
  await page.selectOption('[data-fact="marital_status"]', 'married');
  const shown = await ids('#checklist li');
  assert.ok(shown.includes('spouse_id_card') && shown.includes('spouse_hukou_book'), shown.join());
  assert.match(await page.textContent('#checklist li[data-id="spouse_id_card"] .because'), /申请人已婚/);
  await page.screenshot({ path: join(shots, '10.1-married.png'), fullPage: true });
  await page.screenshot({ path: join(shots, 'form.png') });
});

test('1.1 for a 30-day-old newborn: the birth certificate appears', async () => {
  await choose('1.1', { birth_date: '2026-10-28', proxy: true });
  const shown = await ids('#checklist li');
  assert.ok(shown.includes('birth_certificate'), shown.join());
  assert.match(await page.textContent('#checklist li[data-id="birth_certificate"] .because'), /新生儿出生未满90天/);
  await page.screenshot({ path: join(shots, '1.1-newborn.png'), fullPage: true });
});

test('a wrong ID check digit: an inline error', async () => {
  await page.fill('#id_number', '110105194912310021');
  const error = await page.textContent('#id_number_error');
  assert.match(error, /校验码错误/);
  assert.ok(!error.includes('19491231'), 'the number is masked');
  await page.fill('#id_number', '11010519491231002X');
  assert.equal(await page.textContent('#id_number_error'), '');
});

test('an oversize JPG on 8.1: an inline error before upload', async () => {
  await choose('8.1', { birth_date: '1995-02-14', hukou: 'nonlocal', proxy: false });
  const input = '[data-upload="electronic_photo"]';
  await page.setInputFiles(input, { name: 'me.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(130 * 1024) });
  assert.equal(await page.textContent('[data-upload-error="electronic_photo"]'), '文件大小为 130 KB，应小于 120 KB');
  await page.screenshot({ path: join(shots, '8.1-oversize-photo.png'), fullPage: true });
  await page.setInputFiles(input, { name: 'me.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(60 * 1024) });
  assert.equal(await page.textContent('[data-upload-error="electronic_photo"]'), '照片符合要求');
});

test('an interpretation shows its 口径说明 on the form and on the printed notice', async () => {
  await choose('10.1', { ...loan, marital_status: 'widowed' });
  // 丧偶 → 民政部门证明 is banshi's reading (the seed says 未婚或离异).
  const item = '#checklist li[data-id="marital_status_proof"]';
  assert.match(await page.textContent(`${item} .decision`), /^口径说明：.*丧偶/);
  // A rule the seed states only through its process shows its reading too.
  assert.match(await page.textContent('#eligibility'), /口径说明（申请人须为失业人员或高校毕业生）/);
  // Nothing ticked: the printed notice carries each item's basis and 口径说明.
  await page.emulateMedia({ media: 'print' });
  const printed = '#notice-missing li[data-id="marital_status_proof"]';
  assert.ok(await page.isVisible(`${printed} .decision`), 'the 口径说明 prints');
  assert.match(await page.textContent(`${printed} .basis`), /津银发〔2013〕93号/);
  assert.match(await page.textContent('#notice-status'), /材料不全.*申请人符合申请条件/);
  await page.emulateMedia({ media: 'screen' });
});

test('ticking all but two items: the notice lists exactly those two', async () => {
  await choose('10.1', { ...loan, marital_status: 'married' });
  const shown = await ids('#checklist li');
  const leftOut = [shown[1], shown[shown.length - 1]];
  for (const id of shown) if (!leftOut.includes(id)) await page.check(`#checklist input[data-id="${id}"]`);
  assert.deepEqual(await ids('#notice-missing li'), leftOut);
  assert.match(await page.textContent('#notice-status'), /材料不全/);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: join(shots, 'notice-print.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: join(shots, 'notice.png'), fullPage: true });
  for (const id of leftOut) await page.check(`#checklist input[data-id="${id}"]`);
  assert.deepEqual(await ids('#notice-missing li'), []);
  assert.match(await page.textContent('#notice-status'), /材料齐全/);
});

test('the print button prints the package notice document, the ID number masked', async () => {
  await choose('10.1', { ...loan, marital_status: 'married' });
  await page.fill('#applicant_name', '张三');
  await page.fill('#id_number', '11010519491231002X');
  await page.click('#print');
  await page.waitForSelector('iframe.print-frame[data-printed="true"]', { state: 'attached' });
  const html = await page.$eval('iframe.print-frame', (f) => f.srcdoc);
  assert.match(html, /<h1>一次性告知书<\/h1>/);
  assert.ok(html.includes('110105********002X') && !html.includes('11010519491231002X'), 'masked');
  assert.ok(html.includes('张三') && html.includes('经办人'));
  const frame = page.frames().find((f) => f.parentFrame() && f.url() === 'about:srcdoc');
  assert.match(await frame.textContent('body'), /尚未提交的材料/);
  await page.fill('#id_number', '');
});

test('the guide button prints the package guide document of the chosen service', async () => {
  await choose('8.1', {});
  await page.click('#print-guide');
  await page.waitForSelector('iframe.print-frame[data-printed="true"]', { state: 'attached' });
  const html = await page.$eval('iframe.print-frame', (f) => f.srcdoc);
  // The web entry in Chromium gives the page the Node entry gives (and the CLI, test/documents.test.js).
  assert.equal(html, guideHtml('8.1'));
  assert.match(html, /<h1>办事指南<\/h1>/);
  const frame = page.frames().find((f) => f.parentFrame() && f.url() === 'about:srcdoc');
  const text = await frame.textContent('body');
  assert.match(text, /8\.1 /);
  assert.match(text, /运行要件（申请材料）/);
  assert.match(text, /监督电话/);
});
