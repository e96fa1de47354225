// Summarises a V8 .cpuprofile (node --cpu-prof): the frames with the most
// time of their own, and the most time including what they call, as a share
// of all samples. WASM functions without names are counted together.
// Usage: node bench/cpuprofile.mjs <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const rows = Number(process.argv[3] ?? 15);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const name = (n) => {
  const f = n.callFrame;
  if (f.url.startsWith('wasm://') || /^(\$|wasm-function)/.test(f.functionName)) return '(WASM: banshi)';
  const where = f.url ? ` ${basename(f.url)}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'}${where}`;
};

const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  all += dt;
  self.set(name(byId.get(id)), (self.get(name(byId.get(id))) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) seen.add(name(byId.get(n)));
  for (const k of seen) total.set(k, (total.get(k) ?? 0) + dt);
});

const table = (title, m) => {
  console.log(`\n| ${title} | share | ms |\n|---|---:|---:|`);
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`| ${k} | ${((100 * v) / all).toFixed(1)}% | ${(v / 1000).toFixed(0)} |`);
  }
};
console.log(`${profile.samples.length} samples, ${(all / 1000).toFixed(0)} ms`);
table('self time', self);
table('total time (with callees)', total);
