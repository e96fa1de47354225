// The demo form: everything it shows comes from the banshi package's web
// build, in the browser, as the user types. No bundler, no server logic.
// It runs the embedded catalogue, or any catalogue bundle the user opens:
// the services, the questions, their labels and values, and the owners all
// come from the catalogue in use.
import * as banshi from '../web.js';

await banshi.ready();

const $ = (id) => document.getElementById(id);
const labels = (list) => Object.fromEntries(list.map((x) => [x.name, x.label]));
const embedded = banshi.Catalog.embedded();
// The catalogue in use, and what the form reads from it.
let catalog, vocabulary, ownerLabel, services;
const state = { checked: new Set(), files: {} };

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else if (k.startsWith('data-')) node.setAttribute(k, v); else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

$('application_date').value = new Date().toISOString().slice(0, 10);

/** Makes `next` the catalogue in use: its services, vocabulary and owners. */
function useCatalog(next, source) {
  const list = next.services();
  if (catalog && catalog !== embedded && catalog !== next) catalog.free();
  catalog = next;
  vocabulary = next.vocabulary();
  ownerLabel = labels(vocabulary.owners);
  services = list.services;
  state.checked.clear();
  state.assessment = null;
  $('service').replaceChildren(...services.map((s) => el('option', { value: s.id, textContent: `${s.id} ${s.name}` })));
  $('catalog-status').textContent = `当前目录：${source}（版本 ${list.catalog_version}，${services.length} 个事项）`;
  $('catalog-error').replaceChildren();
  document.body.dataset.catalog = list.catalog_version;
  renderQuestions();
  update();
}

/** Loads a bundle the user chose; a catalogue that fails to load is reported and the current one kept. */
async function openBundle(file) {
  if (!file) return;
  let next;
  try {
    next = banshi.Catalog.load(await file.text());
  } catch (e) {
    if (!(e instanceof banshi.BanshiError)) throw e;
    // INVALID_CATALOG lists every problem, each with its file, service and place.
    const problems = (e.detail.problems ?? []).map((p) => el('li', {
      textContent: `${p.file}${p.service ? ` 事项 ${p.service}` : ''}${p.path ? ` ${p.path}` : ''}：${p.message}`,
    }));
    const head = problems.length ? `目录校验失败，共 ${problems.length} 个问题：` : e.message;
    $('catalog-error').replaceChildren(`目录“${file.name}”无法加载 [${e.code}] ${head}`,
      ...(problems.length ? [el('ul', { id: 'catalog-problems' }, ...problems)] : []));
    document.body.dataset.loadError = e.code;
    return;
  }
  delete document.body.dataset.loadError;
  useCatalog(next, `“${file.name}”`);
}

$('bundle').addEventListener('change', () => { openBundle($('bundle').files[0]); $('bundle').value = ''; });
$('embedded').addEventListener('click', () => useCatalog(embedded, '内置目录'));
$('drop').addEventListener('dragover', (e) => { e.preventDefault(); $('drop').classList.add('over'); });
$('drop').addEventListener('dragleave', () => $('drop').classList.remove('over'));
$('drop').addEventListener('drop', (e) => {
  e.preventDefault();
  $('drop').classList.remove('over');
  openBundle(e.dataTransfer.files[0]);
});

/** Renders the questions the chosen service needs, and only those. */
function renderQuestions() {
  const service = services.find((s) => s.id === $('service').value);
  const box = $('facts');
  box.replaceChildren();
  for (const name of service?.facts ?? []) {
    const fact = vocabulary.facts.find((f) => f.name === name);
    let input;
    if (fact.type === 'date') {
      input = el('input', { type: 'date', id: `fact-${name}` });
    } else if (fact.type === 'count') {
      input = el('input', { type: 'number', min: 0, max: fact.max, id: `fact-${name}` });
    } else {
      const choices = fact.type === 'bool' ? [{ name: 'true', label: '是' }, { name: 'false', label: '否' }] : fact.choices;
      input = el('select', { id: `fact-${name}` }, el('option', { value: '', textContent: '请选择' }),
        ...choices.map((c) => el('option', { value: c.name, textContent: c.label })));
    }
    input.dataset.fact = name;
    input.dataset.kind = fact.type;
    box.append(el('label', {}, fact.label, input));
  }
}

function currentFacts() {
  const facts = { application_date: $('application_date').value };
  for (const input of $('facts').querySelectorAll('[data-fact]')) {
    if (input.value === '') continue;
    const kind = input.dataset.kind;
    facts[input.dataset.fact] = kind === 'bool' ? input.value === 'true' : kind === 'count' ? Number(input.value) : input.value;
  }
  return facts;
}

function specText(m) {
  if (m.one_of) return m.one_of.map((o) => `${o.name}（${specText(o)}）`).join(' 或 ');
  const form = { original: '原件', copy: `复印件${m.copies}份`, original_and_copy: `原件及复印件${m.copies}份`, electronic: '电子版' }[m.form];
  const parts = [m.photo ? `${m.photo.size}${m.photo.color ? '彩色' : ''}${m.photo.bareheaded ? '免冠' : ''}照片${m.photo.count}张` : form];
  if (m.paper) parts.push(`${m.paper}纸`);
  if (m.file) parts.push(`${m.file.formats.join('/').toUpperCase()}格式，小于${Math.round(m.file.max_bytes / 1024)} KB`);
  if (m.stamps) parts.push(`须盖${m.stamps.join('、')}`);
  if (m.notes) parts.push(m.notes.join('；'));
  return parts.join('；');
}

/** What ticking an item means: the first option, in the numbers required. */
const submissionOf = (item) => {
  const m = item.one_of ? item.one_of[0] : item;
  return { id: item.one_of ? m.id : item.id, originals: m.originals, copies: m.copies };
};

/** Citation id → its short name: the number, the 《title》, or the seed's own words. */
function citationNames(legalBasis) {
  return Object.fromEntries(legalBasis.map((c) => [c.id, c.number ?? (c.title ? `《${c.title}》` : c.reference)]));
}

/** Where an item or a rule comes from: its basis, and its 口径说明 when it rests on an interpretation. */
function provenance(item, citations) {
  const lines = [];
  // A decided item rests on these documents only as banshi reads them.
  if (item.basis.length) lines.push(el('div', { class: 'basis', textContent: `依据：${item.basis.map((b) => citations[b]).join('、')}${item.decision ? '（按口径说明理解）' : ''}` }));
  else if (item.decision) lines.push(el('div', { class: 'basis', textContent: '依据：原文未载明，属口径解释' }));
  if (item.decision) lines.push(el('div', { class: 'decision', textContent: `口径说明：${item.decision}` }));
  return lines;
}

function update() {
  $('error').textContent = '';
  const service = $('service').value;
  let assessment;
  try {
    assessment = catalog.assess({ service, facts: currentFacts() });
  } catch (e) {
    $('error').textContent = e instanceof banshi.BanshiError ? e.message : String(e);
    $('checklist').replaceChildren();
    $('notice').replaceChildren();
    return;
  }
  const citations = citationNames(assessment.legal_basis);
  const status = { eligible: '符合申请条件', ineligible: '不符合申请条件', undetermined: '申请条件待定' }[assessment.eligibility.status];
  const rules = assessment.eligibility.rules.map((r) => `${r.met === true ? '✓' : r.met === false ? '✗' : '?'} ${r.text}${r.because.length ? `（${r.because.join('，')}）` : ''}`);
  $('eligibility').replaceChildren([status, ...rules].join('　'),
    ...assessment.eligibility.rules.filter((r) => r.decision).map((r) => el('div', { class: 'decision', textContent: `口径说明（${r.text}）：${r.decision}` })));
  $('eligibility').className = assessment.eligibility.status === 'eligible' ? 'ok' : 'pending';

  $('checklist').replaceChildren(...assessment.checklist.map((item) => {
    const box = el('input', { type: 'checkbox', checked: state.checked.has(item.id) });
    box.dataset.id = item.id;
    box.addEventListener('change', () => { box.checked ? state.checked.add(item.id) : state.checked.delete(item.id); renderNotice(); });
    const owner = item.owner ?? item.one_of[0].owner;
    const li = el('li', { 'data-id': item.id },
      el('label', {}, box, ' ', el('span', { class: 'owner', textContent: ownerLabel[owner] }), el('strong', { textContent: item.name })),
      el('div', { class: 'spec', textContent: specText(item) }),
      el('div', { class: 'because', textContent: `理由：${item.because.join('，')}` }),
      ...provenance(item, citations));
    if (item.file) {
      const input = el('input', { type: 'file', accept: item.file.formats.map((f) => `.${f}`).join(',') });
      const error = el('span', { class: 'field-error', role: 'alert' });
      input.dataset.upload = item.id;
      error.dataset.uploadError = item.id;
      input.addEventListener('change', () => {
        const file = input.files[0];
        if (!file) return;
        const result = catalog.validateFile(service, item.id, file);
        error.textContent = result.valid ? '' : result.problems.map((p) => p.message).join('；');
        error.className = result.valid ? 'ok' : 'field-error';
        if (result.valid) error.textContent = '照片符合要求';
      });
      li.append(el('label', {}, '选择文件（上传前检查）：', input, error));
    }
    return li;
  }));

  const pending = assessment.pending.map((p) => el('li', { 'data-id': p.id, textContent: `${p.name}：需先回答 ${p.needs.map((n) => vocabulary.facts.find((f) => f.name === n).label).join('、')}` }));
  $('pending').replaceChildren(...(pending.length ? [el('p', { class: 'pending', textContent: '可能还需要的材料：' }), el('ul', {}, ...pending)] : []));
  $('steps').replaceChildren(...assessment.steps.map((s) => el('li', { textContent: `${s.actor ? `${s.actor}：` : ''}${s.action}${s.phone ? `（电话 ${s.phone}）` : ''}` })));
  $('supervision').textContent = `监督方式：${assessment.supervision.office} ${assessment.supervision.phone}`;
  state.assessment = assessment;
  renderNotice();
}

function renderNotice() {
  const assessment = state.assessment;
  if (!assessment) return;
  const submitted = assessment.checklist.filter((i) => state.checked.has(i.id)).map(submissionOf);
  const notice = catalog.check({ service: $('service').value, facts: currentFacts(), submitted });
  // The materials' status, and the eligibility question beside it.
  const head = { complete: '材料齐全。', incomplete: '材料不全，请一次性补正以下材料：', undetermined: '尚需说明部分情况，材料清单待定。' }[notice.status];
  const eligibility = { eligible: '申请人符合申请条件。', ineligible: '申请人不符合申请条件。', undetermined: '申请条件尚待确认。' }[notice.eligibility.status];
  const citations = citationNames(notice.legal_basis);
  const items = notice.missing.map((i) => el('li', { 'data-id': i.id },
    el('div', { textContent: `${i.name}（${specText(i)}）——${i.because.join('，')}` }), ...provenance(i, citations)));
  const defects = notice.defective.map((d) => el('li', { 'data-id': d.id },
    el('div', { textContent: `${d.name}：${d.problems.map((p) => p.message).join('；')}（应为${specText(d.required)}）` }), ...provenance(d, citations)));
  $('notice').replaceChildren(
    el('p', { textContent: `${notice.service.id} ${notice.service.name}　申请日期 ${notice.application_date}` }),
    el('p', { id: 'notice-status', textContent: `${head}${eligibility}` }),
    el('ol', { id: 'notice-missing' }, ...items, ...defects),
    el('p', { class: 'supervision', textContent: `监督方式：${notice.supervision.office} ${notice.supervision.phone}` }));
}

$('service').addEventListener('change', () => { state.checked.clear(); renderQuestions(); update(); });
$('questions').addEventListener('input', (e) => { if (e.target.id !== 'id_number') update(); });
$('questions').addEventListener('change', (e) => { if (e.target.id !== 'id_number') update(); });
$('id_number').addEventListener('input', () => {
  const value = $('id_number').value.trim();
  if (value.length < 18) { $('id_number_error').textContent = ''; return; }
  const result = banshi.validateIdNumber(value);
  $('id_number_error').textContent = result.valid ? '' : `身份证号码 ${result.masked} 有误：${result.problems.map((p) => p.message).join('；')}`;
});
// Printing: the package's own documents (A4, self-contained), the one-time
// notice (the ID number masked) and the service guide, each printed from a
// hidden frame so the form stays as it is.
function noticeDocument() {
  const assessment = state.assessment;
  if (!assessment) return null;
  const submitted = assessment.checklist.filter((i) => state.checked.has(i.id)).map(submissionOf);
  const options = { applicant_name: $('applicant_name').value, id_number: $('id_number').value };
  return catalog.noticeHtml({ service: $('service').value, facts: currentFacts(), submitted }, options);
}
function printDocument(make, title) {
  let html;
  try {
    html = make();
  } catch (e) {
    $('error').textContent = e instanceof banshi.BanshiError ? e.message : String(e);
    return;
  }
  if (!html) return;
  document.querySelector('iframe.print-frame')?.remove();
  const frame = el('iframe', { class: 'print-frame', title: `${title}（打印）` });
  frame.addEventListener('load', () => { frame.contentWindow.print(); frame.dataset.printed = 'true'; });
  frame.srcdoc = html;
  document.body.append(frame);
}
$('print').addEventListener('click', () => printDocument(noticeDocument, '一次性告知书'));
$('print-guide').addEventListener('click', () => printDocument(() => catalog.guideHtml($('service').value), '办事指南'));

useCatalog(embedded, '内置目录');
document.body.dataset.ready = 'true';
