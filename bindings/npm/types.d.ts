// Generated from Rust types by wasm/tests/types.rs (ts-rs); do not edit.
// BANSHI_BLESS=1 cargo test -p banshi-wasm --test types regenerates it.

/** A service number of the embedded catalogue. */
export type ServiceId = "1.1" | "1.2" | "2.1" | "3.1" | "3.2" | "3.3" | "4.1" | "4.2" | "4.3" | "5.1" | "5.2" | "5.3" | "6.1" | "7.1" | "8.1" | "9.1" | "10.1" | "11.1";

/** A material (or requirement) id of the embedded catalogue. */
export type MaterialId = "hukou_book" | "applicant_id_card" | "proxy_id_card" | "birth_certificate" | "inpatient_receipt_copy" | "audit_form_copy" | "emergency_receipts" | "expense_details" | "emergency_diagnosis" | "child_hukou_book" | "full_advance_statement" | "inpatient_receipt" | "inpatient_diagnosis" | "discharge_summary" | "inpatient_itemised_list" | "newborn_hukou_page" | "newborn_proxy_id_card" | "newborn_birth_certificate" | "photos" | "syb_registration_form" | "unemployment_card" | "applicant_id_card_copy" | "photo" | "employment_registration_card" | "education_proof" | "diploma" | "school_certificate" | "no_file_statement" | "residence_permit" | "social_insurance_proof" | "subsidy_review_form" | "dibao_certificate" | "disability_certificate" | "flexible_employment_confirmation" | "contribution_record" | "flexible_employment_proof" | "graduate_id_card" | "graduation_certificate" | "student_record" | "flexible_id_card" | "flexible_hukou_book" | "flexible_residence_permit" | "flexible_application_form" | "proprietor_id_card" | "proprietor_residence_permit" | "business_license_duplicate" | "proprietor_application_form" | "business_license_copy" | "organization_code_copy" | "recruitment_brochure" | "vacancy_registration_form" | "child_hukou_page" | "electronic_photo" | "business_license" | "resident_id_card" | "applicant_hukou_book" | "marriage_certificate" | "marital_status_proof" | "spouse_id_card" | "spouse_hukou_book" | "training_certificate" | "loan_application_form" | "counter_guarantor_employer_proof" | "counter_guarantor_id_card" | "counter_guarantor_hukou_book" | "counter_guarantor_housing_fund" | "premises_title_certificate" | "lease_contract" | "project_review_report" | "referral_letter" | "social_security_card";

/** An error code (`BanshiError.code`), as in ERRORS.md. */
export type ErrorCode = "NULL_POINTER" | "INVALID_UTF8" | "PANIC" | "INVALID_JSON" | "UNKNOWN_KEY" | "MISSING_FIELD" | "INVALID_VALUE" | "DUPLICATE_KEY" | "INPUT_TOO_LARGE" | "UNKNOWN_SERVICE" | "SERVICE_NOT_IN_FORCE" | "UNKNOWN_MATERIAL" | "DUPLICATE_SUBMISSION" | "UNKNOWN_FACT" | "INVALID_FACT_VALUE" | "INVALID_DATE" | "MISSING_APPLICATION_DATE" | "DATE_AFTER_APPLICATION" | "VOCABULARY_MISMATCH" | "INVALID_CATALOG";

/** A problem code in a validation or a defect. */
export type ProblemCode = "ID_LENGTH" | "ID_CHARACTERS" | "ID_REGION" | "ID_BIRTH_DATE" | "ID_CHECK_DIGIT" | "INVALID_DATE" | "FILE_FORMAT" | "FILE_EMPTY" | "FILE_TOO_LARGE" | "MISSING_ORIGINAL" | "TOO_FEW_ORIGINALS" | "MISSING_COPY" | "TOO_FEW_COPIES";

export type Hukou = "local" | "nonlocal";

export type MaritalStatus = "unmarried" | "married" | "divorced" | "widowed";

export type EmploymentStatus = "employed" | "unemployed" | "flexible" | "retired";

export type InsuranceCategory = "graduate" | "flexible_worker" | "sole_proprietor";

export type ReimbursementCase = "emergency_observation" | "newborn_inpatient";

export type Premises = "owned" | "leased";

export type Form = "original" | "copy" | "original_and_copy" | "electronic";

export type FactName = "application_date" | "birth_date" | "hukou" | "marital_status" | "proxy" | "disabled" | "dibao" | "employment_status" | "insurance_category" | "reimbursement_case" | "receipt_names_parent" | "premises" | "has_training_certificate" | "college_graduate" | "receiving_flexible_subsidy" | "subsidy_years_received";

export type Facts = { application_date: string, birth_date?: string | null, hukou?: Hukou | null, marital_status?: MaritalStatus | null, proxy?: boolean | null, disabled?: boolean | null, dibao?: boolean | null, employment_status?: EmploymentStatus | null, insurance_category?: InsuranceCategory | null, reimbursement_case?: ReimbursementCase | null, receipt_names_parent?: boolean | null, premises?: Premises | null, has_training_certificate?: boolean | null, college_graduate?: boolean | null, receiving_flexible_subsidy?: boolean | null, subsidy_years_received?: number | null, };

export type AssessRequest = { service: ServiceId, facts: Facts, };

export type Submission = { id: MaterialId, originals?: number, copies?: number, };

export type CheckRequest = { service: ServiceId, facts: Facts, submitted?: Array<Submission>, };

export type IdNumberRequest = { id_number: string, };

export type DateRequest = { date: string, };

export type FileInfo = { name: string, type?: string, 
/**
 * Bytes; a JS `File.size` is a number, and the library accepts any non-negative integer.
 */
size: number, };

export type FileRequest = { service: ServiceId, material: MaterialId, file: FileInfo, };

export type ServiceRef = { id: string, name: string, };

export type Case = { value: string, name: string, };

export type Photo = { size: string, color: boolean, bareheaded: boolean, count: number, };

export type FileSpec = { formats: Array<string>, max_bytes: number, };

export type MaterialFields = { 
/**
 * The id of the document it is, in the catalogue's registry (`vocabulary().documents`).
 */
document: string, 
/**
 * Whose material it is: one of the catalogue's `vocabulary().owners`.
 */
owner: string, form: Form, originals: number, copies: number, paper?: string, photo?: Photo, file?: FileSpec, stamps?: Array<string>, notes?: Array<string>, };

export type Material = { id: string, name: string, 
/**
 * The id of the document it is, in the catalogue's registry (`vocabulary().documents`).
 */
document: string, 
/**
 * Whose material it is: one of the catalogue's `vocabulary().owners`.
 */
owner: string, form: Form, originals: number, copies: number, paper?: string, photo?: Photo, file?: FileSpec, stamps?: Array<string>, notes?: Array<string>, };

export type Spec = { one_of: Array<Material>, } | MaterialFields;

export type ChecklistItem = { id: string, name: string, because: Array<string>, basis: Array<string>, 
/**
 * The interpretation it rests on (口径说明), when the seed does not state it plainly.
 */
decision?: string, } & ({ one_of: Array<Material>, } | MaterialFields);

export type PendingItem = { id: string, name: string, when: string | null, needs: Array<FactName>, basis: Array<string>, 
/**
 * The interpretation it rests on (口径说明), when the seed does not state it plainly.
 */
decision?: string, } & ({ one_of: Array<Material>, } | MaterialFields);

export type RuleOutcome = { id: string, text: string, met: boolean | null, because: Array<string>, basis: Array<string>, 
/**
 * The interpretation it rests on (口径说明), when the seed does not state it plainly.
 */
decision?: string, };

export type EligibilityStatus = "eligible" | "ineligible" | "undetermined";

export type Eligibility = { status: EligibilityStatus, rules: Array<RuleOutcome>, missing_facts: Array<FactName>, };

export type Citation = { id: string, 
/**
 * A document's title, without 《》.
 */
title?: string, 
/**
 * A reference the seed makes without naming a document, shown as written.
 */
reference?: string, number?: string, note?: string, };

export type Step = { actor?: string, action: string, phone?: string, optional?: boolean, };

export type Supervision = { office: string, phone: string, };

export type Assessment = { catalog_version: string, 
/**
 * The banshi library version that gave this answer.
 */
engine_version: string, 
/**
 * `sha256:` and the SHA-256 of the catalogue's canonical form: which rules gave this answer.
 */
catalog_hash: string, service: ServiceRef, application_date: string, 
/**
 * Present for services split into cases; `null` until the case fact is given.
 */
case?: Case | null, eligibility: Eligibility, checklist: Array<ChecklistItem>, pending: Array<PendingItem>, missing_facts: Array<FactName>, legal_basis: Array<Citation>, steps: Array<Step>, supervision: Supervision, };

export type Problem = { code: ProblemCode, message: string, };

export type Defect = { id: string, name: string, requirement: string, problems: Array<Problem>, required: MaterialFields, basis: Array<string>, 
/**
 * The interpretation it rests on (口径说明), when the seed does not state it plainly.
 */
decision?: string, };

export type NoticeStatus = "complete" | "incomplete" | "undetermined";

export type Notice = { catalog_version: string, 
/**
 * The banshi library version that gave this answer.
 */
engine_version: string, 
/**
 * `sha256:` and the SHA-256 of the catalogue's canonical form: which rules gave this answer.
 */
catalog_hash: string, service: ServiceRef, application_date: string, case?: Case | null, eligibility: Eligibility, status: NoticeStatus, missing: Array<ChecklistItem>, defective: Array<Defect>, not_required: Array<string>, pending: Array<PendingItem>, missing_facts: Array<FactName>, legal_basis: Array<Citation>, supervision: Supervision, };

export type ServiceSummary = { id: string, name: string, facts: Array<FactName>, };

export type Services = { catalog_version: string, services: Array<ServiceSummary>, };

export type GuideRule = { id: string, text: string, requires: string, basis: Array<string>, decision?: string, };

export type GuideMaterial = { id: string, name: string, case?: string, when?: string, basis: Array<string>, valid_from?: string, valid_until?: string, decision?: string, } & ({ one_of: Array<Material>, } | MaterialFields);

export type Guide = { catalog_version: string, engine_version: string, catalog_hash: string, id: string, name: string, 
/**
 * The national 事项编码, where the catalogue gives one.
 */
item_code?: string, valid_from: string | null, valid_until: string | null, legal_basis: Array<Citation>, implementing_body: string, boundary: string, steps: Array<Step>, responsibility: string, supervision: Supervision, facts: Array<FactName>, eligibility: Array<GuideRule>, case_fact: string | null, cases: Array<Case>, materials: Array<GuideMaterial>, decisions: Array<string>, };

export type Validation = { valid: boolean, masked?: string, birth_date?: string, sex?: string, date?: string, problems?: Array<Problem>, formats?: Array<string>, max_bytes?: number, };

export type Label = { name: string, label: string, };

export type FactInfo = { name: FactName, label: string, type: string, max?: number, choices?: Array<Label>, };

export type DerivedInfo = { name: string, label: string, function: string, of: FactName, };

export type DocumentInfo = { id: string, name: string, issuer?: string, };

export type Vocabulary = { catalog_version: string, facts: Array<FactInfo>, derived: Array<DerivedInfo>, documents: Array<DocumentInfo>, owners: Array<Label>, forms: Array<Label>, };

export type CatalogProblem = { file: string, service: string | null, path: string, message: string, };

export type ErrorDetail = { code: ErrorCode, number: number, message: string, path?: string, key?: string, field?: string, service?: string, material?: string, suggestion?: string | null, problems?: Array<CatalogProblem>, };

export type ErrorResponse = { error: ErrorDetail, };
