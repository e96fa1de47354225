// Writes the peer encodings in rules/ from one table of conditions, so that the
// four engines encode exactly the same checklist rules. Run: node gen-rules.mjs
import { writeFileSync } from 'node:fs';

// [material, condition] where a condition is a list of [fact, op, value] (all must hold); an
// element ['any', [[fact, op, value], …]] holds when one of its alternatives does.
const always = [];
const table = {
  '10.1': [
    ['employment_registration_card', always],
    ['graduation_certificate', [['college_graduate', '==', true]]],
    ['applicant_id_card', always],
    ['applicant_hukou_book', always],
    ['marriage_certificate', [['marital_status', '==', 'married']]],
    ['marital_status_proof', [['marital_status', 'in', ['unmarried', 'divorced', 'widowed']]]],
    ['spouse_id_card', [['marital_status', '==', 'married']]],
    ['spouse_hukou_book', [['marital_status', '==', 'married']]],
    ['training_certificate', always],
    ['loan_application_form', always],
    ['residence_permit', [['hukou', '==', 'nonlocal']]],
    ['counter_guarantor_employer_proof', always],
    ['counter_guarantor_id_card', always],
    ['counter_guarantor_hukou_book', always],
    ['counter_guarantor_housing_fund', always],
    ['photos', always],
    ['business_license', always],
    ['premises_title_certificate', always],
    ['lease_contract', [['premises', '==', 'leased']]],
    ['project_review_report', always],
    ['referral_letter', always],
  ],
  '1.2': [
    ...['inpatient_receipt_copy', 'audit_form_copy', 'emergency_receipts', 'expense_details', 'emergency_diagnosis']
      .map((id) => [id, [['reimbursement_case', '==', 'emergency_observation']]]),
    ['applicant_id_card', [['reimbursement_case', '==', 'emergency_observation'], ['age_years', '>=', 18]]],
    // One proxy rule in every service: a minor cannot apply in person (proxy || age_years < 18).
    ['proxy_id_card', [['reimbursement_case', '==', 'emergency_observation'], ['any', [['proxy', '==', true], ['age_years', '<', 18]]]]],
    ['child_hukou_book', [['reimbursement_case', '==', 'emergency_observation'], ['age_years', '<', 18]]],
    ...['full_advance_statement', 'inpatient_receipt', 'inpatient_diagnosis', 'discharge_summary', 'inpatient_itemised_list',
      'newborn_hukou_page', 'newborn_proxy_id_card'].map((id) => [id, [['reimbursement_case', '==', 'newborn_inpatient']]]),
    ['newborn_birth_certificate', [['reimbursement_case', '==', 'newborn_inpatient'], ['receipt_names_parent', '==', true]]],
  ],
};

const out = (name, value) => writeFileSync(new URL(`rules/${name}`, import.meta.url), `${JSON.stringify(value, null, 2)}\n`);

// json-rules-engine: one rule per material.
const jreOp = { '==': 'equal', 'in': 'in', '<': 'lessThan', '>=': 'greaterThanInclusive' };
const jre = ([fact, op, value]) => (fact === 'any' ? { any: op.map(jre) } : { fact, operator: jreOp[op], value });
out('json-rules-engine.json', Object.fromEntries(Object.entries(table).map(([service, rows]) => [service, rows.map(([id, cond]) => ({
  conditions: { all: cond.length ? cond.map(jre) : [{ fact: 'service', operator: 'equal', value: service }] },
  event: { type: id },
}))])));

// JsonLogic: one expression per material.
const jl = ([fact, op, value]) => (fact === 'any' ? { or: op.map(jl) }
  : op === '==' ? { '===': [{ var: fact }, value] } : { [op]: [{ var: fact }, value] });
out('json-logic.json', Object.fromEntries(Object.entries(table).map(([service, rows]) => [service, Object.fromEntries(rows.map(([id, cond]) =>
  [id, cond.length ? { and: cond.map(jl) } : true]))])));

// ZEN expressions: one per material.
const lit = (v) => (typeof v === 'string' ? `'${v}'` : Array.isArray(v) ? `[${v.map(lit).join(', ')}]` : String(v));
const zen = ([fact, op, value]) => (fact === 'any' ? `(${op.map(zen).join(' or ')})` : `${fact} ${op} ${lit(value)}`);
out('zen-expressions.json', Object.fromEntries(Object.entries(table).map(([service, rows]) => [service, Object.fromEntries(rows.map(([id, cond]) =>
  [id, cond.length ? cond.map(zen).join(' and ') : 'true']))])));

// ZEN decision tables (JDM), collect hit policy: a column per fact, a row per material.
// A decision table row is a conjunction, so a row with an `any` becomes one row per alternative.
const alternatives = (cond) => cond.reduce((rows, item) => (item[0] === 'any'
  ? rows.flatMap((r) => item[1].map((alt) => [...r, alt]))
  : rows.map((r) => [...r, item])), [[]]);
for (const [service, tableRows] of Object.entries(table)) {
  const rows = tableRows.flatMap(([id, cond]) => alternatives(cond).map((c) => [id, c]));
  const facts = [...new Set(rows.flatMap(([, cond]) => cond.map(([fact]) => fact)))];
  const cell = ([, op, value]) => (op === '==' ? lit(value) : op === 'in' ? `$ in ${lit(value)}` : `${op} ${lit(value)}`);
  const inputs = facts.map((field, i) => ({ id: `in${i}`, name: field, field, type: 'expression' }));
  const table_ = {
    hitPolicy: 'collect',
    inputs,
    outputs: [{ id: 'material', name: 'material', field: 'material', type: 'expression' }],
    rules: rows.map(([id, cond], r) => ({
      _id: `r${r}`,
      ...Object.fromEntries(facts.map((fact, i) => [`in${i}`, cond.filter(([f]) => f === fact).map(cell).join(' and ')])),
      material: lit(id),
    })),
  };
  out(`zen-${service}.json`, {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      { id: 'materials', type: 'decisionTableNode', name: 'Materials', position: { x: 250, y: 0 }, content: table_ },
      { id: 'response', type: 'outputNode', name: 'Response', position: { x: 500, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'request', targetId: 'materials', type: 'edge' },
      { id: 'e2', sourceId: 'materials', targetId: 'response', type: 'edge' },
    ],
  });
}
