// The printable documents in real headless Chromium: the package's
// noticeHtml and guideHtml (the same bytes as the CLI's, test/documents.test.js).
// Printed to PDF on A4, they have the expected page count, embed a CJK font
// (no tofu), give back their Chinese text through pdftotext (poppler-utils),
// and nothing on them is wider than the printable area. PDFs go to
// test-results/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, results as out } from './harness.js';
import { guideHtml, noticeHtml, services } from '../node.js';


// A4 is 210 mm wide; the documents' @page margins are 16 mm each side.
const MM = 96 / 25.4;
const PRINTABLE_PX = Math.floor((210 - 2 * 16) * MM);

let browser, page;

before(async () => {
  browser = await launch();
  page = await browser.newPage({ viewport: { width: PRINTABLE_PX, height: 1000 } });
  // The documents are self-contained: any request at all is a failure.
  await page.route('**/*', (route) => { throw new Error(`the document fetched ${route.request().url()}`); });
});

after(async () => {
  await browser?.close();
});

/** Lays the page out as printed and returns the elements wider than the printable area. */
async function overflowing(html) {
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((width) => {
    const wide = [...document.querySelectorAll('body, body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 0.5 || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
      .map((e) => `${e.tagName}.${e.className}: ${e.textContent.slice(0, 30)}`);
    if (document.documentElement.scrollWidth > width) wide.push(`document ${document.documentElement.scrollWidth}px`);
    return wide;
  }, PRINTABLE_PX);
}

async function printToPdf(html, name) {
  await page.setContent(html);
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(out, name), pdf);
  const raw = pdf.toString('latin1');
  return {
    pages: (raw.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length,
    fonts: [...new Set((raw.match(/\/BaseFont\s*\/[^\s/<>[\]()]+/g) ?? []).map((f) => f.replace(/\/BaseFont\s*\//, '')))],
    text: () => execFileSync('pdftotext', ['-layout', join(out, name), '-'], { encoding: 'utf8' }),
  };
}

const CJK_FONT = /Noto.*CJK|SourceHan|WenQuanYi|Droid.*Fallback|AR.?PL|SimSun|YaHei|PingFang/i;
const longNotice = { service: '10.1', facts: { application_date: '2026-11-27' }, submitted: [] };

test('10.1 with nothing submitted prints on 3 A4 pages, in a CJK font, as text', async () => {
  const html = noticeHtml(longNotice, { applicant_name: '张三', id_number: '11010519491231002X' });
  const pdf = await printToPdf(html, 'notice-10.1.pdf');
  assert.equal(pdf.pages, 3, 'page count of the long notice');
  assert.ok(pdf.fonts.some((f) => CJK_FONT.test(f)), `a CJK font is embedded: ${pdf.fonts.join(', ')}`);
  const text = pdf.text().replace(/\s+/g, '');
  for (const part of ['一次性告知书', '新城镇党群服务中心', '10.1小额担保贷款', '110105********002X', '尚未提交的材料（14项）',
    '依据：津银发〔2013〕93号', '口径说明：', '全部材料', '经办人', '经办单位盖章', '65775272']) {
    assert.ok(text.includes(part), `pdftotext finds ${part}`);
  }
  assert.ok(!text.includes('11010519491231002X'), 'the ID number never prints unmasked');
  assert.ok(!/[\uFFFD\u25A1]/.test(text), 'no replacement glyphs');
});

test('nothing on a long notice is wider than the printable area', async () => {
  assert.deepEqual(await overflowing(noticeHtml(longNotice, { applicant_name: '张'.repeat(60), number: 'N'.repeat(120) })), []);
  for (const { id } of services().services) {
    const notice = noticeHtml({ service: id, facts: { application_date: '2026-11-27' }, submitted: [] });
    assert.deepEqual(await overflowing(notice), [], `notice ${id}`);
  }
});

test('nothing on any guide is wider than the printable area', async () => {
  for (const { id } of services().services) {
    assert.deepEqual(await overflowing(guideHtml(id)), [], `guide ${id}`);
  }
});

test('the 10.1 guide prints on 4 A4 pages, in a CJK font, as text, its conditions in Chinese', async () => {
  const pdf = await printToPdf(guideHtml('10.1'), 'guide-10.1.pdf');
  assert.equal(pdf.pages, 4, 'page count of the 10.1 guide');
  assert.ok(pdf.fonts.some((f) => CJK_FONT.test(f)), `a CJK font is embedded: ${pdf.fonts.join(', ')}`);
  const text = pdf.text().replace(/\s+/g, '');
  for (const part of ['办事指南', '10.1小额担保贷款', '新城镇党群服务中心', '法定依据', '津银发〔2013〕93号', '申请条件',
    '运行要件（申请材料）', '编号：spouse_id_card', '办理流程', '口径说明', '监督电话', '65775272', '目录摘要sha256:']) {
    assert.ok(text.includes(part), `pdftotext finds ${part}`);
  }
  assert.ok(text.includes('适用：婚姻状况为已婚') && !text.includes('=='), 'conditions in Chinese');
  assert.ok(!/[\uFFFD\u25A1]/.test(text), 'no replacement glyphs');
});
