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

/** A catalogue: the embedded one, or one loaded from a bundle. Immutable. */
export class Catalog {
  #inner;

  constructor(inner) {
    this.#inner = inner;
  }

  /** The embedded catalogue (the 18 services). */
  static embedded() {
    return new Catalog(wasm.WasmCatalog.embedded());
  }

  /** Loads a bundle: {"version", "services": [...]}. Throws INVALID_CATALOG listing every problem. */
  static load(bundle) {
    return new Catalog(guard(() => wasm.WasmCatalog.load(text(bundle))));
  }

  servicesJson() { return this.#inner.services(); }
  serviceJson(id) { return guard(() => this.#inner.service(id)); }
  assessJson(request) { return guard(() => this.#inner.assess(text(request))); }
  checkJson(request) { return guard(() => this.#inner.check(text(request))); }
  validateFileJson(request) { return guard(() => this.#inner.validate_file(text(request))); }

  services() { return JSON.parse(this.servicesJson()); }
  service(id) { return JSON.parse(this.serviceJson(id)); }
  assess(request) { return JSON.parse(this.assessJson(request)); }
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
export const validateIdNumberJson = (request) => guard(() => wasm.validate_id_number(text(request)));
export const validateDateJson = (request) => guard(() => wasm.validate_date(text(request)));
export const vocabularyJson = () => wasm.vocabulary();

export const services = () => catalog().services();
export const service = (id) => catalog().service(id);
export const assess = (request) => catalog().assess(request);
export const check = (request) => catalog().check(request);
export const validateFile = (service, material, file) => catalog().validateFile(service, material, file);
export const validateIdNumber = (idNumber) => JSON.parse(validateIdNumberJson({ id_number: idNumber }));
export const validateDate = (date) => JSON.parse(validateDateJson({ date }));
export const vocabulary = () => JSON.parse(vocabularyJson());
export const version = () => wasm.version();
