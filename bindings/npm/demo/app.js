// The demo form: everything it shows comes from the banshi package's web
// build, in the browser, as the user types. No bundler, no server logic.
// It runs the embedded catalogue, or any catalogue bundle the user opens:
// the services, the questions, their labels and values, and the owners all
// come from the catalogue in use. Several services can be applied for at once
// (一件事一次办: a declared bundle, or services picked ad hoc), and the clerk
// can say which documents the office has on file (免提交), which materials
// come later (容缺受理) and which a signed pledge replaces (告知承诺).
import * as banshi from '../web.js';

await banshi.ready();

const $ = (id) => document.getElementById(id);
const labels = (list) => Object.fromEntries(list.map((x) => [x.name, x.label]));
const embedded = banshi.Catalog.embedded();
// The catalogue in use, and what the form reads from it.
let catalog, vocabulary, ownerLabel, standIn, services, bundles;
// What the clerk ticked: items handed in, documents on file (owner:document) and pledges signed.
const state = { checked: new Set(), onFile: new Set(), pledged: new Set() };

const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') node.className = v; else if (k.startsWith('data-')) node.setAttribute(k, v); else node[k] = v;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
};

$('application_date').value = new Date().toISOString().slice(0, 10);

const clearTicks = () => { state.checked.clear(); state.onFile.clear(); state.pledged.clear(); };

/**
 * Makes `next` the catalogue in use: its services and the bundles of services it declares (一件事一次办; services
 * can always be picked ad hoc too), its vocabulary, owners, and the documents an electronic licence or shared data
 * may stand in for (免提交).
 */
function useCatalog(next, source) {
  const list = next.services();
  if (catalog && catalog !== embedded && catalog !== next) catalog.free();
  catalog = next;
  vocabulary = next.vocabulary();
  ownerLabel = labels(vocabulary.owners);
  standIn = new Map(vocabulary.documents.filter((d) => d.stand_in).map((d) => [d.id, d.stand_in]));
  services = list.services;
  bundles = list.bundles ?? [];
  clearTicks();
  state.assessment = null;
  $('service').replaceChildren(
    ...services.map((s) => el('option', { value: s.id, textContent: `${s.id} ${s.name}` })),
    el('optgroup', { label: '一件事一次办（多个事项一并办理）' },
      ...bundles.map((b) => el('option', { value: `bundle:${b.id}`, textContent: `${b.name}（${b.services.map((s) => s.id).join('＋')}）` })),
      el('option', { value: 'ad-hoc', textContent: '自选多个事项一并办理' })));
  $('ad-hoc-services').replaceChildren(...services.map((s) => {
    const box = el('input', { type: 'checkbox', value: s.id });
    box.dataset.service = s.id;
    return el('label', {}, box, ` ${s.id} ${s.name}`);
  }));
  $('catalog-status').textContent = `当前目录：${source}（版本 ${list.catalog_version}，${services.length} 个事项${bundles.length ? `，${bundles.length} 个“一件事”` : ''}）`;
  $('catalog-error').replaceChildren();
  document.body.dataset.catalog = list.catalog_version;
  renderQuestions();
  update();
}

/** Loads a bundle the user chose; a catalogue that fails to load is reported and the current one kept. */
async function openBundle(file) {
  if (!file) return;
  const text = await file.text();
  let next;
  try {
    next = banshi.Catalog.load(text);
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

/**
 * What the form asks about: `{service}`, or `{bundle}` (a declared bundle's id, or the services picked ad hoc), with
 * the services it covers; `null` while fewer than two services are picked.
 */
function target() {
  const value = $('service').value;
  if (value === 'ad-hoc') {
    const picked = [...$('ad-hoc-services').querySelectorAll('input:checked')].map((b) => b.value);
    return picked.length >= 2 ? { request: { bundle: picked }, services: picked } : { request: null, services: picked };
  }
  if (value.startsWith('bundle:')) {
    const bundle = bundles.find((b) => b.id === value.slice(7));
    return { request: { bundle: bundle.id }, services: bundle.services.map((s) => s.id) };
  }
  return { request: { service: value }, services: [value] };
}

/** Renders the questions the chosen services need, and only those; answers already given are kept. */
function renderQuestions() {
  const given = currentFacts();
  const { services: ids } = target();
  $('ad-hoc').hidden = $('service').value !== 'ad-hoc';
  // Each fact once, in the order the services ask them.
  const needed = new Set(ids.flatMap((id) => services.find((s) => s.id === id)?.facts ?? []));
  const box = $('facts');
  box.replaceChildren();
  for (const name of needed) {
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
    if (given[name] !== undefined) input.value = String(given[name]);
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

/** What ticking an item means: the first option, in the numbers required; or the signed pledge in its place. */
const submissionOf = (item) => {
  if (state.pledged.has(item.id)) return { id: item.id, pledged: true };
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

/** An answer's citations: a service's own, or, for a bundle, every service's by service id. */
function citationsOf(answer) {
  if (!answer.bundle) return () => citationNames(answer.legal_basis);
  const by = Object.fromEntries(answer.services.map((s) => [s.service.id, citationNames(s.legal_basis)]));
  return (service) => by[service];
}

/** The documents of an item (each option's, for a `one_of`), as `owner:document`. */
const documentsOf = (item) => (item.one_of ?? [item]).map((m) => `${m.owner}:${m.document}`);

/** The `owner:document` an exempt item stands on: the option whose document is on file. */
const onFileOf = (item) => {
  const m = (item.one_of ?? [item]).find((o) => o.document === item.exempt.document);
  return `${m.owner}:${m.document}`;
};

/**
 * The assessment, from the chosen services, the facts, and the documents on file; and which documents of its items
 * (required, in the checklist or exempt) may be ticked as on file (免提交), `owner:document` → its stand-in: those
 * the vocabulary says an electronic licence or shared data may stand in for. A document ticked earlier that no item
 * needs any more (the facts changed) is dropped, and the assessment asked again without it.
 */
function assessAll(request) {
  const facts = currentFacts();
  const ask = () => catalog.assess(state.onFile.size ? { ...request, facts, on_file: [...state.onFile] } : { ...request, facts });
  let assessment = ask();
  const offered = new Map();
  for (const item of [...assessment.checklist, ...(assessment.exempt ?? [])]) {
    for (const m of item.one_of ?? [item]) {
      if (standIn.has(m.document)) offered.set(`${m.owner}:${m.document}`, standIn.get(m.document));
    }
  }
  const stale = [...state.onFile].filter((document) => !offered.has(document));
  if (stale.length) {
    for (const document of stale) state.onFile.delete(document);
    assessment = ask();
  }
  return { assessment, offered };
}

/** The tick that says the office has a document on file, for an item that may be exempt. */
function onFileBox(item, offered) {
  const document = (item.exempt ? [onFileOf(item)] : documentsOf(item)).find((d) => offered.has(d));
  if (!document) return null;
  const box = el('input', { type: 'checkbox', checked: state.onFile.has(document) });
  box.dataset.onFile = item.id;
  box.addEventListener('change', () => { box.checked ? state.onFile.add(document) : state.onFile.delete(document); update(); });
  return el('label', { class: 'on-file' }, box, ` 窗口可调取${offered.get(document).label}，免于提交`);
}

/** 容缺受理 and 告知承诺 on an item: when it may come later, and the pledge that may replace it (with its tick). */
function mechanisms(item) {
  const lines = [];
  if (item.deferrable) {
    lines.push(el('div', { class: 'deferrable', textContent: `可容缺受理：可先行受理，自申请之日起${item.deferrable.days}日内补交` }));
  }
  lines.push(...mechanismDecisions(item));
  if (item.pledge) {
    const texts = item.pledge.texts ?? [item.pledge.text];
    const box = el('input', { type: 'checkbox', checked: state.pledged.has(item.id) });
    box.dataset.pledge = item.id;
    box.addEventListener('change', () => {
      if (box.checked) { state.pledged.add(item.id); state.checked.add(item.id); } else state.pledged.delete(item.id);
      renderChecklistTicks();
      renderNotice();
    });
    lines.push(el('div', { class: 'pledge' },
      el('div', { textContent: '可以告知承诺书代替（告知承诺制），承诺书内容：' }),
      ...texts.map((t) => el('blockquote', { class: 'pledge-text', textContent: t })),
      el('label', {}, box, ' 申请人已签署告知承诺书，以承诺书代替本材料')));
  }
  return lines;
}

/** The 口径说明 of a material's deferral and pledge, where the catalogue records them as its own reading. */
const mechanismDecisions = (m) => [['容缺受理', m.deferrable], ['告知承诺', m.pledge]]
  .filter(([, x]) => x?.decision)
  .map(([what, x]) => el('div', { class: 'decision', textContent: `口径说明（${what}）：${x.decision}` }));

/**
 * The 口径说明 a notice's deferral or pledge rests on (`key`: `deferrable` or `pledge`): one service's own
 * `decision`, or in a bundle each service's that the merged item is needed by.
 */
const grounds = (entry, key, what) => (entry.needed_by
  ? entry.needed_by.filter((p) => p[key]?.decision).map((p) => [`${p.service} ${what}`, p[key].decision])
  : entry.decision ? [[what, entry.decision]] : [])
  .map(([about, decision]) => el('div', { class: 'decision', textContent: `口径说明（${about}）：${decision}` }));

/** Each service a merged item is needed by: the service, its own material, reason and numbers. */
function neededBy(item, names, citations) {
  return el('ul', { class: 'needed-by' }, ...item.needed_by.map((part) => {
    const numbers = part.one_of ? '' : `（原件${part.originals}份、复印件${part.copies}份）`;
    return el('li', { 'data-service': part.service },
      el('div', { textContent: `${part.service} ${names[part.service]}：${part.name}${numbers}，理由：${part.because.join('，')}` }),
      ...provenance(part, citations(part.service)), ...mechanismDecisions(part));
  }));
}

function update() {
  $('error').textContent = '';
  const { request } = target();
  if (request === null) {
    $('error').textContent = '请至少选择两个事项一并办理。';
    for (const id of ['checklist', 'exempt', 'pending', 'notice', 'eligibility']) $(id).replaceChildren();
    state.assessment = null;
    return;
  }
  let assessment, offered;
  try {
    ({ assessment, offered } = assessAll(request));
  } catch (e) {
    $('error').textContent = e instanceof banshi.BanshiError ? e.message : String(e);
    $('checklist').replaceChildren();
    $('exempt').replaceChildren();
    $('notice').replaceChildren();
    state.assessment = null;
    return;
  }
  state.request = request;
  const bundle = assessment.bundle;
  const citations = citationsOf(assessment);
  const names = Object.fromEntries((bundle?.services ?? [assessment.service]).map((s) => [s.id, s.name]));
  document.body.dataset.mode = bundle ? 'bundle' : 'service';
  $('bundle-info').replaceChildren(...(bundle ? [
    el('strong', { textContent: `${bundle.name ?? '自选联办'}：${bundle.services.map((s) => `${s.id} ${s.name}`).join('、')}` }),
    ...(bundle.decision ? [el('div', { class: 'decision', textContent: `口径说明：${bundle.decision}` })] : []),
    el('div', { class: 'basis', textContent: assessment.merge_rule }),
  ] : []));

  const status = { eligible: '符合申请条件', ineligible: '不符合申请条件', undetermined: '申请条件待定' };
  const ruleText = (r) => `${r.met === true ? '✓' : r.met === false ? '✗' : '?'} ${r.text}${r.because.length ? `（${r.because.join('，')}）` : ''}`;
  const decisions = (eligibility) => eligibility.rules.filter((r) => r.decision)
    .map((r) => el('div', { class: 'decision', textContent: `口径说明（${r.text}）：${r.decision}` }));
  if (bundle) {
    $('eligibility').replaceChildren(status[assessment.eligibility.status], ...assessment.services.map((s) => el('div',
      { 'data-service': s.service.id },
      `${s.service.id} ${s.service.name}：${[status[s.eligibility.status], ...s.eligibility.rules.map(ruleText)].join('　')}`,
      ...decisions(s.eligibility))));
  } else {
    $('eligibility').replaceChildren([status[assessment.eligibility.status], ...assessment.eligibility.rules.map(ruleText)].join('　'),
      ...decisions(assessment.eligibility));
  }
  $('eligibility').className = assessment.eligibility.status === 'eligible' ? 'ok' : 'pending';

  $('checklist').replaceChildren(...assessment.checklist.map((item) => {
    const box = el('input', { type: 'checkbox', checked: state.checked.has(item.id) });
    box.dataset.id = item.id;
    box.addEventListener('change', () => {
      if (box.checked) state.checked.add(item.id); else { state.checked.delete(item.id); state.pledged.delete(item.id); }
      renderChecklistTicks();
      renderNotice();
    });
    const owner = item.owner ?? item.one_of[0].owner;
    const li = el('li', { 'data-id': item.id },
      el('label', {}, box, ' ', el('span', { class: 'owner', textContent: ownerLabel[owner] }), el('strong', { textContent: item.name })),
      el('div', { class: 'spec', textContent: specText(item) }),
      ...(bundle ? [neededBy(item, names, citations)]
        : [el('div', { class: 'because', textContent: `理由：${item.because.join('，')}` }), ...provenance(item, citations())]),
      ...mechanisms(item),
      onFileBox(item, offered));
    if (item.file && !bundle) {
      const input = el('input', { type: 'file', accept: item.file.formats.map((f) => `.${f}`).join(',') });
      const error = el('span', { class: 'field-error', role: 'alert' });
      input.dataset.upload = item.id;
      error.dataset.uploadError = item.id;
      input.addEventListener('change', () => {
        const file = input.files[0];
        if (!file) return;
        const result = catalog.validateFile(request.service, item.id, file);
        error.textContent = result.valid ? '' : result.problems.map((p) => p.message).join('；');
        error.className = result.valid ? 'ok' : 'field-error';
        if (result.valid) error.textContent = '照片符合要求';
      });
      li.append(el('label', {}, '选择文件（上传前检查）：', input, error));
    }
    return li;
  }));

  const exempt = assessment.exempt ?? [];
  $('exempt').replaceChildren(...(exempt.length ? [
    el('p', { class: 'ok', textContent: '免提交的材料（窗口自行调取，申请人不必提交）：' }),
    el('ul', {}, ...exempt.map((item) => el('li', { 'data-id': item.id },
      el('strong', { textContent: item.name }),
      el('div', { class: 'stand-in', textContent: `以${item.exempt.label}代替纸质材料` }),
      ...(item.exempt.decision ? [el('div', { class: 'decision', textContent: `口径说明：${item.exempt.decision}` })] : []),
      onFileBox(item, offered)))),
  ] : []));

  const factLabel = (n) => vocabulary.facts.find((f) => f.name === n).label;
  const pendingOf = bundle ? assessment.services.flatMap((s) => s.pending.map((p) => [s.service.id, p])) : assessment.pending.map((p) => [null, p]);
  const pending = pendingOf.map(([service, p]) => el('li', { 'data-id': p.id, textContent: `${service ? `${service} ` : ''}${p.name}：需先回答 ${p.needs.map(factLabel).join('、')}` }));
  $('pending').replaceChildren(...(pending.length ? [el('p', { class: 'pending', textContent: '可能还需要的材料：' }), el('ul', {}, ...pending)] : []));

  // Steps and supervision are each service's own: a bundle shows every service's.
  const guides = bundle ? assessment.services.map((s) => ({ ...s, id: s.service.id, name: s.service.name })) : [assessment];
  const stepItems = (steps) => steps.map((s) => el('li', { textContent: `${s.actor ? `${s.actor}：` : ''}${s.action}${s.phone ? `（电话 ${s.phone}）` : ''}` }));
  $('steps').replaceChildren(...(bundle
    ? guides.map((g) => el('li', {}, el('strong', { textContent: `${g.id} ${g.name}` }), el('ol', {}, ...stepItems(g.steps))))
    : stepItems(assessment.steps)));
  $('supervision').textContent = `监督方式：${[...new Set(guides.map((g) => `${g.supervision.office} ${g.supervision.phone}`))].join('；')}`;
  $('print-guides').replaceChildren(...(bundle ? guides.map((g) => {
    const button = el('button', { type: 'button', textContent: `打印办事指南（${g.id}）` });
    button.dataset.guide = g.id;
    button.addEventListener('click', () => printDocument(() => catalog.guideHtml(g.id), '办事指南'));
    return button;
  }) : []));
  $('print-guide').hidden = Boolean(bundle);
  state.assessment = assessment;
  renderNotice();
}

/** Keeps each item's ticks as the state says (a signed pledge counts as handed in). */
function renderChecklistTicks() {
  for (const box of $('checklist').querySelectorAll('input[data-id]')) box.checked = state.checked.has(box.dataset.id);
  for (const box of $('checklist').querySelectorAll('input[data-pledge]')) box.checked = state.pledged.has(box.dataset.pledge);
}

/** The check request of what the clerk ticked. */
function checkRequest() {
  const assessment = state.assessment;
  const submitted = assessment.checklist.filter((i) => state.checked.has(i.id)).map(submissionOf);
  const request = { ...state.request, facts: currentFacts(), submitted };
  if (state.onFile.size) request.on_file = [...state.onFile];
  return request;
}

function renderNotice() {
  const assessment = state.assessment;
  if (!assessment) return;
  const notice = catalog.check(checkRequest());
  const bundle = notice.bundle;
  const citations = citationsOf(notice);
  const names = Object.fromEntries((bundle?.services ?? [notice.service]).map((s) => [s.id, s.name]));
  // The materials' status, and the eligibility question beside it.
  const head = {
    complete: '材料齐全。',
    incomplete: '材料不全，请一次性补正以下材料：',
    undetermined: '尚需说明部分情况，材料清单待定。',
    accepted_pending: '容缺受理：其余材料齐全，可先行受理，下列材料须在期限内补交：',
  }[notice.status];
  const eligibility = { eligible: '申请人符合申请条件。', ineligible: '申请人不符合申请条件。', undetermined: '申请条件尚待确认。' }[notice.eligibility.status];
  const deferred = new Map((notice.deferred ?? []).map((d) => [d.id, d]));
  const usedBy = (i) => `——用于 ${i.needed_by.map((p) => `${p.service} ${names[p.service]}`).join('、')}`;
  const items = notice.missing.map((i) => el('li', { 'data-id': i.id },
    el('div', { textContent: `${i.name}（${specText(i)}）${bundle ? usedBy(i) : `——${i.because.join('，')}`}` }),
    ...(deferred.has(i.id) ? [el('div', { class: 'due', textContent: `容缺受理，补交期限：${deferred.get(i.id).due}` })] : []),
    ...(bundle ? [] : provenance(i, citations()))));
  const defects = notice.defective.map((d) => el('li', { 'data-id': d.id },
    el('div', { textContent: `${d.name}：${d.problems.map((p) => p.message).join('；')}（应为${specText(d.required)}）${bundle ? usedBy(d) : ''}` }),
    ...(deferred.has(bundle ? d.item : d.requirement) ? [el('div', { class: 'due', textContent: `容缺受理，补交期限：${deferred.get(bundle ? d.item : d.requirement).due}` })] : []),
    ...(bundle ? [] : provenance(d, citations()))));
  const section = (id, title, list) => (list.length ? [el('p', { textContent: title }), el('ul', { id }, ...list)] : []);
  $('notice').replaceChildren(
    el('p', { textContent: `${bundle ? `${bundle.name ?? '自选联办'}（${bundle.services.map((s) => s.id).join('＋')}）` : `${notice.service.id} ${notice.service.name}`}　申请日期 ${notice.application_date}` }),
    el('p', { id: 'notice-status', textContent: `${head}${eligibility}` }),
    el('ol', { id: 'notice-missing' }, ...items, ...defects),
    ...section('notice-deferred', '容缺材料及补交期限：', (notice.deferred ?? []).map((d) => el('li', { 'data-id': d.id },
      `${d.name}：自申请之日起${d.days}日内补交，`, el('span', { class: 'due', textContent: `补交期限 ${d.due}` }),
      ...grounds(d, 'deferrable', '容缺受理')))),
    ...section('notice-pledged', '以告知承诺书代替的材料（先予受理，事后核查）：', (notice.pledged ?? []).map((p) => el('li', { 'data-id': p.id },
      el('div', { textContent: `${p.name}：${p.note}` }),
      ...(p.pledge?.texts ?? [p.text]).map((t) => el('blockquote', { class: 'pledge-text', textContent: t })),
      ...grounds(p, 'pledge', '告知承诺')))),
    ...section('notice-exempt', '免提交的材料（窗口自行调取）：', (notice.exempt ?? []).map((i) => el('li', { 'data-id': i.id,
      textContent: `${i.name}：以${i.exempt.label}代替` }))),
    el('p', { class: 'supervision', textContent: bundle ? '' : `监督方式：${notice.supervision.office} ${notice.supervision.phone}` }));
  document.body.dataset.noticeStatus = notice.status;
}

$('service').addEventListener('change', () => { clearTicks(); renderQuestions(); update(); });
$('ad-hoc-services').addEventListener('change', (e) => { e.stopPropagation(); clearTicks(); renderQuestions(); update(); });
$('questions').addEventListener('input', (e) => { if (e.target.id !== 'id_number' && !e.target.dataset.service) update(); });
$('questions').addEventListener('change', (e) => { if (e.target.id !== 'id_number' && !e.target.dataset.service) update(); });
$('id_number').addEventListener('input', () => {
  const value = $('id_number').value.trim();
  if (value.length < 18) { $('id_number_error').textContent = ''; return; }
  const result = banshi.validateIdNumber(value);
  $('id_number_error').textContent = result.valid ? '' : `身份证号码 ${result.masked} 有误：${result.problems.map((p) => p.message).join('；')}`;
});
// Printing: the package's own documents (A4, self-contained), the one-time
// notice (the ID number masked) and the service guide, each printed from a
// hidden frame so the form stays as it is. The package prints one service's
// notice; a bundle's is printed from the form itself (print styles show only
// the notice).
function noticeDocument() {
  if (!state.assessment) return null;
  const options = { applicant_name: $('applicant_name').value, id_number: $('id_number').value };
  return catalog.noticeHtml(checkRequest(), options);
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
$('print').addEventListener('click', () => {
  if (state.assessment?.bundle) window.print(); else printDocument(noticeDocument, '一次性告知书');
});
$('print-guide').addEventListener('click', () => printDocument(() => catalog.guideHtml($('service').value), '办事指南'));

useCatalog(embedded, '内置目录');
document.body.dataset.ready = 'true';
