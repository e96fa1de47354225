// banshi (WASM, in this Node process) against json-rules-engine, JsonLogic and
// GoRules ZEN (WASM expressions and the native addon), on the checklist rules
// of 10.1 and 1.2.
//
// 1. Equivalence: 1,000 random applicants per service; every engine must return
//    exactly banshi's set of required materials, or it is not timed.
// 2. Timing: tinybench, median time per assessment, and the ratio to banshi.
//
// Usage: node run.mjs [--smoke]   (--smoke: equivalence in full, timing briefly)
import { readFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { Engine } from 'json-rules-engine';
import jsonLogic from 'json-logic-js';
import { ZenEngine } from '@gorules/zen-engine';
import { initSync as zenInit, evaluateExpression } from '@gorules/zen-engine-wasm';
import * as banshi from '../../bindings/npm/node.js';

const smoke = process.argv.includes('--smoke');
const rules = (name) => JSON.parse(readFileSync(new URL(`rules/${name}`, import.meta.url), 'utf8'));
zenInit({ module: readFileSync(new URL('node_modules/@gorules/zen-engine-wasm/dist/zen_engine_wasm_bg.wasm', import.meta.url)) });

// --- applicants -------------------------------------------------------------
let seed = 20261127;
const random = () => { // mulberry32: the same applicants on every run
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const APPLIED = '2026-11-27';
const birth = (maxYears) => {
  const d = new Date(Date.UTC(2026, 10, 27) - Math.floor(random() * maxYears * 365.25) * 86400000);
  return d.toISOString().slice(0, 10);
};
const ageYears = (b) => {
  const [y, m, d] = b.split('-').map(Number);
  return 2026 - y - ((11 < m || (11 === m && 27 < d)) ? 1 : 0);
};

function applicant(service) {
  const facts = service === '10.1'
    ? { application_date: APPLIED, birth_date: birth(60), hukou: pick(['local', 'nonlocal']),
        marital_status: pick(['unmarried', 'married', 'divorced', 'widowed']), proxy: pick([true, false]),
        employment_status: pick(['unemployed', 'employed']), has_training_certificate: pick([true, false]),
        college_graduate: pick([true, false]), premises: pick(['owned', 'leased']) }
    : { application_date: APPLIED, birth_date: birth(80), proxy: pick([true, false]),
        reimbursement_case: pick(['emergency_observation', 'newborn_inpatient']), receipt_names_parent: pick([true, false]) };
  // What the peers get: the same facts, flat, with the age derived beforehand.
  const flat = { service, ...facts, age_years: ageYears(facts.birth_date) };
  // What banshi gets: the request as a JS caller holds it (an object), and as JSON text.
  return { service, object: { service, facts }, request: JSON.stringify({ service, facts }), flat };
}

const SERVICES = ['10.1', '1.2'];
const applicants = SERVICES.flatMap((s) => Array.from({ length: 1000 }, () => applicant(s)));

// --- engines ----------------------------------------------------------------
const jre = Object.fromEntries(SERVICES.map((s) => {
  const engine = new Engine(rules('json-rules-engine.json')[s], { allowUndefinedFacts: true });
  return [s, engine];
}));
const logic = rules('json-logic.json');
const zenExpr = rules('zen-expressions.json');
const zenNative = new ZenEngine();
const zenDecisions = Object.fromEntries(SERVICES.map((s) => [s, zenNative.createDecision(rules(`zen-${s}.json`))]));

const engines = {
  'banshi (WASM)': (a) => banshi.assess(a.object).checklist.map((i) => i.id),
  'json-rules-engine 7': async (a) => (await jre[a.service].run(a.flat)).events.map((e) => e.type),
  'json-logic-js 2': (a) => Object.entries(logic[a.service]).filter(([, rule]) => jsonLogic.apply(rule, a.flat)).map(([id]) => id),
  '@gorules/zen-engine-wasm': (a) => Object.entries(zenExpr[a.service]).filter(([, e]) => evaluateExpression(e, a.flat) === true).map(([id]) => id),
  '@gorules/zen-engine (native)': async (a) => (await zenDecisions[a.service].evaluate(a.flat)).result.map((r) => r.material),
};

// --- 1. equivalence -----------------------------------------------------------
// A set of required materials: a decision table may list a material once per matching row.
const key = (ids) => [...new Set(ids)].sort().join(',');
const agree = {};
for (const [name, run] of Object.entries(engines)) {
  let same = 0;
  for (const a of applicants) {
    const expected = key(engines['banshi (WASM)'](a));
    const got = key(await run(a));
    if (got === expected) same++;
    else if (same >= 0 && !agree[name]) {
      console.error(`${name} disagrees with banshi on ${a.request}\n  banshi: ${expected}\n  ${name}: ${got}`);
      agree[name] = false;
    }
  }
  agree[name] = same === applicants.length;
  console.log(`equivalence: ${name}: ${same} of ${applicants.length} applicants agree`);
}
const failed = Object.entries(agree).filter(([, ok]) => !ok).map(([n]) => n);
if (failed.length) {
  console.error(`not timed, because they disagree: ${failed.join(', ')}`);
  process.exitCode = 1;
}

// --- 2. timing ----------------------------------------------------------------
const bench = new Bench({ time: smoke ? 50 : 2000, warmupTime: smoke ? 20 : 500 });
let i = 0;
const next = () => applicants[(i++) % applicants.length];
bench.add('banshi (WASM), object in, parsed result out', () => { banshi.assess(next().object); });
bench.add('banshi (WASM), JSON text in and out', () => { banshi.assessJson(next().request); });
for (const [name, run] of Object.entries(engines)) {
  if (name === 'banshi (WASM)' || !agree[name]) continue;
  bench.add(name, async () => { await run(next()); });
}
await bench.run();

const median = (t) => t.result.latency?.p50 ?? t.result.p50;
const base = median(bench.tasks[0]);
console.log(`\n| engine | median per assessment | ratio to banshi (WASM, parsed) |\n|---|---:|---:|`);
for (const t of bench.tasks) {
  const m = median(t);
  console.log(`| ${t.name} | ${(m * 1000).toFixed(1)} µs | ${(m / base).toFixed(1)}× |`);
}
console.log(`\nnode ${process.version}; ${applicants.length} applicants (1,000 each for 10.1 and 1.2)${smoke ? '; smoke run' : ''}`);
