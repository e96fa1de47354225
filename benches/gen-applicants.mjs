// Writes N assess requests as JSONL (10.1, 1.2 and 8.1, random facts, fixed
// seed) for the CLI's batch mode. Usage: node gen-applicants.mjs N > file
const n = Number(process.argv[2] ?? 100000);
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];
const birth = (years) => new Date(Date.UTC(2026, 10, 27) - Math.floor(random() * years * 365.25) * 86400000).toISOString().slice(0, 10);
const lines = [];
for (let i = 0; i < n; i++) {
  const service = pick(['10.1', '1.2', '8.1']);
  const facts = { application_date: '2026-11-27', proxy: pick([true, false]) };
  if (service === '10.1') Object.assign(facts, { birth_date: birth(60), hukou: pick(['local', 'nonlocal']),
    marital_status: pick(['unmarried', 'married', 'divorced', 'widowed']), employment_status: 'unemployed',
    has_training_certificate: true, college_graduate: pick([true, false]), premises: pick(['owned', 'leased']) });
  if (service === '1.2') Object.assign(facts, { birth_date: birth(80), reimbursement_case: pick(['emergency_observation', 'newborn_inpatient']),
    receipt_names_parent: pick([true, false]) });
  if (service === '8.1') Object.assign(facts, { birth_date: birth(70), hukou: pick(['local', 'nonlocal']) });
  lines.push(JSON.stringify({ service, facts }));
}
process.stdout.write(lines.join('\n') + '\n');
