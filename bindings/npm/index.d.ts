// The banshi API. Request and response types are generated from Rust (types.d.ts).
import type {
  AssessRequest, Assessment, BundleAssessRequest, BundleAssessment, BundleCheckRequest, BundleNotice, CheckRequest,
  ErrorCode, ErrorDetail, Guide, MaterialId, Notice, ServiceAssessRequest, ServiceCheckRequest, ServiceId, Services,
  Validation, Vocabulary,
} from './types.js';

export * from './types.js';

/** A failed call. `code` is the C result name, such as "UNKNOWN_FACT"; `json` is the error JSON. */
export class BanshiError extends Error {
  readonly code: ErrorCode;
  readonly number: number;
  readonly detail: ErrorDetail;
  readonly json: string;
}

/** A file as the browser's File describes it. */
export interface FileLike {
  readonly name: string;
  readonly type?: string;
  readonly size: number;
}

/** What the caller adds to a printed notice. The ID number is printed masked (110105********002X). */
export interface NoticeOptions {
  /** The notice number; by default derived from the request (service id and a SHA-256 prefix). */
  number?: string;
  applicant_name?: string;
  id_number?: string;
}

/**
 * A catalogue: the embedded one, or one loaded from a bundle. Immutable.
 * Service and material ids are typed as the embedded catalogue's (`ServiceId`, `MaterialId`); for a loaded
 * catalogue with other ids, pass the request as JSON text or cast the id.
 */
export class Catalog {
  static embedded(): Catalog;
  /**
   * Loads a bundle, as JSON text or an object: `{"version", "facts", "derived", "owners", "documents", "services": [...]}`.
   * A catalogue declares its own fact vocabulary (`facts` and the optional `derived`, its `facts.json`) and its
   * document registry (`documents`, its `documents.json`); every material names its `document`.
   * `banshi bundle <dir>` writes a bundle from a catalogue directory.
   * @throws {BanshiError} INVALID_CATALOG, listing every problem found
   */
  static load(bundle: string | object): Catalog;
  services(): Services;
  /** The catalogue's own vocabulary: facts, derived values, documents, owners and forms. */
  vocabulary(): Vocabulary;
  service(id: ServiceId): Guide;
  /** As the module's `assess`: a service's assessment, or a bundle's merged one. */
  assess(request: ServiceAssessRequest): Assessment;
  assess(request: BundleAssessRequest): BundleAssessment;
  assess(request: AssessRequest | string): Assessment | BundleAssessment;
  /** As the module's `check`: a service's one-time notice, or a bundle's. */
  check(request: ServiceCheckRequest): Notice;
  check(request: BundleCheckRequest): BundleNotice;
  check(request: CheckRequest | string): Notice | BundleNotice;
  /** The validators, with the same arguments as Java's `Catalog.validateIdNumber`, `validateDate`, `validateFile`. */
  validateIdNumber(idNumber: string): Validation;
  validateDate(date: string): Validation;
  validateFile(service: ServiceId, material: MaterialId, file: FileLike): Validation;
  servicesJson(): string;
  vocabularyJson(): string;
  serviceJson(id: ServiceId): string;
  assessJson(request: AssessRequest | string): string;
  checkJson(request: CheckRequest | string): string;
  validateFileJson(request: object | string): string;
  /** One service's one-time notice as a self-contained HTML page for A4 printing. @throws {BanshiError} */
  noticeHtml(request: ServiceCheckRequest | string, options?: NoticeOptions | string): string;
  /** The service's guide (办事指南) as a self-contained HTML page for A4 printing. @throws {BanshiError} as `serviceJson` */
  guideHtml(id: ServiceId): string;
  free(): void;
}

/** Initialises the module. Required once in browsers; a no-op in Node. */
export function ready(input?: string | URL | Request | Response | BufferSource | WebAssembly.Module): Promise<void>;

export function services(): Services;
export function service(id: ServiceId): Guide;
/**
 * The assessment, equal to `JSON.parse(assessJson(request))`. Its parts that come from the service's guide
 * (`legal_basis`, `steps`, `supervision`, `service`, `case`, and each item's material fields, `basis`, `decision`,
 * `deferrable` and `pledge`) are shared between answers and frozen: copy before changing them.
 * A `bundle` request (一件事一次办) gets the bundle's merged checklist, each item once with the services that need it.
 * @throws {BanshiError} for malformed requests or facts
 */
export function assess(request: ServiceAssessRequest): Assessment;
export function assess(request: BundleAssessRequest): BundleAssessment;
/** A request as JSON text, or not known to be either kind: tell the answers apart by `"bundle" in answer`. */
export function assess(request: AssessRequest | string): Assessment | BundleAssessment;
/**
 * The one-time notice: everything missing or defective, what may come later (`deferred`, 容缺受理) and what a
 * pledge stands in for (`pledged`). A `bundle` request gets the notice against the merged checklist.
 * @throws {BanshiError}
 */
export function check(request: ServiceCheckRequest): Notice;
export function check(request: BundleCheckRequest): BundleNotice;
export function check(request: CheckRequest | string): Notice | BundleNotice;
export function validateFile(service: ServiceId, material: MaterialId, file: FileLike): Validation;
export function validateIdNumber(idNumber: string): Validation;
export function validateDate(date: string): Validation;
/** The embedded catalogue's vocabulary; a loaded catalogue's is `catalog.vocabulary()`. */
export function vocabulary(): Vocabulary;
/** One service's one-time notice as a self-contained HTML page for A4 printing. @throws {BanshiError} */
export function noticeHtml(request: ServiceCheckRequest | string, options?: NoticeOptions | string): string;
/** A service's guide (办事指南) as a self-contained HTML page for A4 printing. @throws {BanshiError} as `serviceJson` */
export function guideHtml(id: ServiceId): string;
export function version(): string;

export function servicesJson(): string;
export function serviceJson(id: ServiceId): string;
export function assessJson(request: AssessRequest | string): string;
export function checkJson(request: CheckRequest | string): string;
export function validateFileJson(request: object | string): string;
export function validateIdNumberJson(request: object | string): string;
export function validateDateJson(request: object | string): string;
/** The embedded catalogue's vocabulary as JSON text; a loaded catalogue's is `catalog.vocabularyJson()`. */
export function vocabularyJson(): string;
