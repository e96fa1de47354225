// The banshi API, shared by the Node and web entry points. Every call is
// synchronous once the WASM module is initialised, and is a thin view of the
// Rust library: the *Json functions return exactly the bytes every other
// binding returns, and the plain ones parse them.
import * as wasm from './wasm/banshi_wasm.js';

/** A failed banshi call. `code` is the C result name, such as "UNKNOWN_FACT". */
export class BanshiError extends Error {
  constructor(json) {
    const detail = JSON.parse(json).error;
    super(detail.message);
    this.name = 'BanshiError';
    this.code = detail.code;
    this.number = detail.number;
    this.detail = detail;
    this.json = json;
  }
}

function guard(call) {
  try {
    return call();
  } catch (e) {
    if (typeof e === 'string' && e.startsWith('{"error"')) throw new BanshiError(e);
    throw e;
  }
}

const text = (request) => (typeof request === 'string' ? request : JSON.stringify(request));

// --- the parsed assessment, built from a compact answer --------------------
//
// An assessment is mostly its service's guide: every item's id, name, material
// fields, basis, decision, deferral and pledge, every rule's text, the legal
// basis, the steps and the supervision. The WASM answers only what varies
// (core/src/render/compact.rs), and the full answer is built here from the
// guide's parts, read once per service and frozen, so they are shared safely
// between answers. A bundle's answer, or one with documents on file, is not
// a service's guide plus a little: for those the WASM answers the full JSON,
// parsed as it is. The result is deep-equal to JSON.parse(assessJson(request)),
// key order included; the conformance test checks it on every case.

const deepFreeze = (value) => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

/**
 * A function that builds one item: the head's keys (id, name, the material
 * fields or one_of) in order, then `tail`'s. Generated once per material, so
 * that every item of one material is a literal of one shape, which V8 builds
 * fastest; where code cannot be generated (a page whose CSP forbids eval) it
 * copies the keys instead, slower but the same object.
 */
function maker(head, tail) {
  const keys = Object.keys(head);
  try {
    const fields = keys.map((k) => `${JSON.stringify(k)}: h[${JSON.stringify(k)}]`);
    const rest = tail.map((k, i) => `${JSON.stringify(k)}: a${i}`);
    // eslint-disable-next-line no-new-func
    return new Function('h', ...tail.map((_, i) => `a${i}`), `return {${[...fields, ...rest].join(', ')}};`);
  } catch {
    return (h, ...values) => {
      const o = {};
      for (const k of keys) o[k] = h[k];
      tail.forEach((k, i) => { o[k] = values[i]; });
      return o;
    };
  }
}

/** The guide's parts for one service, as an assessment uses them. */
function partsOf(guideJson) {
  const g = JSON.parse(guideJson);
  const materials = g.materials.map((m) => {
    const head = {};
    for (const key of Object.keys(m)) {
      if (key === 'case' || key === 'when' || key === 'basis' || key === 'valid_from' || key === 'valid_until'
        || key === 'decision' || key === 'deferrable' || key === 'pledge') continue;
      head[key] = deepFreeze(m[key]);
    }
    // After `basis`: the decision, the deferral (容缺受理) and the pledge (告知承诺), each when the material has it.
    const provenance = ['decision', 'deferrable', 'pledge'].filter((key) => m[key] !== undefined);
    return {
      head: Object.freeze(head),
      when: m.when ?? null,
      basis: deepFreeze(m.basis),
      // Passed as three arguments, the unused ones ignored: a call with a spread is slower.
      tail: [0, 1, 2].map((i) => (i < provenance.length ? deepFreeze(m[provenance[i]]) : undefined)),
      item: maker(head, ['because', 'basis', ...provenance]),
      pending: maker(head, ['when', 'needs', 'basis', ...provenance]),
    };
  });
  const rules = g.eligibility.map((r) => ({ id: r.id, text: r.text, basis: deepFreeze(r.basis), decision: r.decision }));
  return {
    version: g.catalog_version,
    engine: g.engine_version,
    hash: g.catalog_hash,
    service: deepFreeze({ id: g.id, name: g.name }),
    cases: g.cases.map(deepFreeze),
    materials,
    rules,
    legal_basis: deepFreeze(g.legal_basis),
    steps: deepFreeze(g.steps),
    supervision: deepFreeze(g.supervision),
  };
}

/**
 * Reads a compact answer: arrays, integers (and -1), true/false/null and
 * strings, which is all it holds. Twice as fast as JSON.parse on it, which
 * takes a slower path for text with Chinese in it; strings with an escape go
 * through JSON.parse.
 */
function readCompact(s) {
  let i = 0;
  const fail = () => { throw new SyntaxError(`banshi: malformed compact answer at ${i}`); };
  const value = () => {
    const ch = s.charCodeAt(i);
    if (ch === 91) { // [
      i++;
      const out = [];
      if (s.charCodeAt(i) === 93) { i++; return out; }
      for (;;) {
        out.push(value());
        const next = s.charCodeAt(i++);
        if (next === 93) return out;
        if (next !== 44) fail();
      }
    }
    if (ch === 34) { // "
      let j = i + 1;
      let escaped = false;
      for (;; j++) {
        if (j >= s.length) fail();
        const c = s.charCodeAt(j);
        if (c === 34) break;
        if (c === 92) { escaped = true; j++; }
      }
      const text = escaped ? JSON.parse(s.slice(i, j + 1)) : s.slice(i + 1, j);
      i = j + 1;
      return text;
    }
    if (s.startsWith('true', i)) { i += 4; return true; }
    if (s.startsWith('false', i)) { i += 5; return false; }
    if (s.startsWith('null', i)) { i += 4; return null; }
    const negative = ch === 45;
    if (negative) i++;
    const start = i;
    let n = 0;
    for (let d = s.charCodeAt(i); d >= 48 && d <= 57; d = s.charCodeAt(++i)) n = n * 10 + d - 48;
    if (i === start) fail();
    return negative ? -n : n;
  };
  const out = value();
  if (i !== s.length) fail();
  return out;
}

/** Replaces reason indices by the compact answer's reasons, in place. */
function phrases(indices, reasons) {
  for (let i = 0; i < indices.length; i++) indices[i] = reasons[indices[i]];
  return indices;
}

function expand(p, compact) {
  const [, date, caseIndex, status, reasons, ruleOutcomes, rulesMissing, items, pending, missing] = compact;
  const rules = new Array(ruleOutcomes.length);
  for (let i = 0; i < rules.length; i++) {
    const r = p.rules[i];
    const met = ruleOutcomes[i][0];
    rules[i] = r.decision === undefined
      ? { id: r.id, text: r.text, met, because: phrases(ruleOutcomes[i][1], reasons), basis: r.basis }
      : { id: r.id, text: r.text, met, because: phrases(ruleOutcomes[i][1], reasons), basis: r.basis, decision: r.decision };
  }
  const checklist = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const m = p.materials[items[i][0]];
    checklist[i] = m.item(m.head, phrases(items[i][1], reasons), m.basis, m.tail[0], m.tail[1], m.tail[2]);
  }
  const open = new Array(pending.length);
  for (let i = 0; i < pending.length; i++) {
    const m = p.materials[pending[i][0]];
    open[i] = m.pending(m.head, m.when, pending[i][1], m.basis, m.tail[0], m.tail[1], m.tail[2]);
  }
  const eligibility = { status, rules, missing_facts: rulesMissing };
  if (caseIndex === -1) {
    return {
      catalog_version: p.version, engine_version: p.engine, catalog_hash: p.hash, service: p.service,
      application_date: date, eligibility, checklist, pending: open,
      missing_facts: missing, legal_basis: p.legal_basis, steps: p.steps, supervision: p.supervision,
    };
  }
  return {
    catalog_version: p.version, engine_version: p.engine, catalog_hash: p.hash, service: p.service,
    application_date: date, case: caseIndex === null ? null : p.cases[caseIndex], eligibility, checklist, pending: open,
    missing_facts: missing, legal_basis: p.legal_basis, steps: p.steps, supervision: p.supervision,
  };
}

/** A catalogue: the embedded one, or one loaded from a bundle. Immutable. */
export class Catalog {
  #inner;
  #parts = new Map();

  constructor(inner) {
    this.#inner = inner;
  }

  /** The embedded catalogue (the 18 services). */
  static embedded() {
    return new Catalog(wasm.WasmCatalog.embedded());
  }

  /**
   * Loads a bundle, as text or an object: {"version", "facts", "derived", "owners", "documents", "services": [...]}, the
   * catalogue's own fact vocabulary (its facts.json), document registry (its documents.json) and services
   * (`banshi bundle <dir>` writes one). Throws INVALID_CATALOG listing every problem.
   */
  static load(bundle) {
    return new Catalog(guard(() => wasm.WasmCatalog.load(text(bundle))));
  }

  servicesJson() { return this.#inner.services(); }
  vocabularyJson() { return this.#inner.vocabulary(); }
  serviceJson(id) { return guard(() => this.#inner.service(id)); }
  assessJson(request) { return guard(() => this.#inner.assess(text(request))); }
  checkJson(request) { return guard(() => this.#inner.check(text(request))); }
  validateFileJson(request) { return guard(() => this.#inner.validate_file(text(request))); }

  /** The one-time notice as a self-contained, printable HTML page (A4). The ID number is printed masked. */
  noticeHtml(request, options) {
    const opts = options === undefined || options === null ? '' : text(options);
    return guard(() => this.#inner.notice_html(text(request), opts));
  }

  /** A service's guide (办事指南) as a self-contained, printable HTML page (A4); errors as `service(id)`. */
  guideHtml(id) { return guard(() => this.#inner.guide_html(id)); }

  services() { return JSON.parse(this.servicesJson()); }
  /** The catalogue's own vocabulary: facts, derived values, documents, owners and forms. */
  vocabulary() { return JSON.parse(this.vocabularyJson()); }
  service(id) { return JSON.parse(this.serviceJson(id)); }
  /**
   * The assessment, parsed: built from a compact answer and the service's frozen guide parts. A bundle request, or one
   * with documents on file, gets the full answer instead (it starts with `{`), which is parsed as it is.
   */
  assess(request) {
    const answer = guard(() => this.#inner.assess_compact(text(request)));
    if (answer.charCodeAt(0) === 123) return JSON.parse(answer);
    const compact = readCompact(answer);
    const id = compact[0];
    let parts = this.#parts.get(id);
    if (parts === undefined) {
      parts = partsOf(this.#inner.service(id));
      this.#parts.set(id, parts);
    }
    return expand(parts, compact);
  }
  check(request) { return JSON.parse(this.checkJson(request)); }

  validateIdNumber(idNumber) { return validateIdNumber(idNumber); }
  validateDate(date) { return validateDate(date); }

  /** Checks a chosen file (a browser File, or {name, type, size}) before upload. */
  validateFile(service, material, file) {
    const request = { service, material, file: { name: file.name, type: file.type ?? '', size: file.size } };
    return JSON.parse(this.validateFileJson(request));
  }

  /** Releases the WASM memory of a loaded catalogue. */
  free() {
    this.#inner.free();
  }
}

let embedded;
const catalog = () => (embedded ??= Catalog.embedded());

export const servicesJson = () => catalog().servicesJson();
export const serviceJson = (id) => catalog().serviceJson(id);
export const assessJson = (request) => catalog().assessJson(request);
export const checkJson = (request) => catalog().checkJson(request);
export const validateFileJson = (request) => catalog().validateFileJson(request);
export const noticeHtml = (request, options) => catalog().noticeHtml(request, options);
export const guideHtml = (id) => catalog().guideHtml(id);
export const validateIdNumberJson = (request) => guard(() => wasm.validate_id_number(text(request)));
export const validateDateJson = (request) => guard(() => wasm.validate_date(text(request)));
export const vocabularyJson = () => catalog().vocabularyJson();

export const services = () => catalog().services();
export const service = (id) => catalog().service(id);
export const assess = (request) => catalog().assess(request);
export const check = (request) => catalog().check(request);
export const validateFile = (service, material, file) => catalog().validateFile(service, material, file);
export const validateIdNumber = (idNumber) => JSON.parse(validateIdNumberJson({ id_number: idNumber }));
export const validateDate = (date) => JSON.parse(validateDateJson({ date }));
export const vocabulary = () => catalog().vocabulary();
export const version = () => wasm.version();
