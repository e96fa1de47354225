// A loop for profilers: `node --cpu-prof bench/profile.mjs <request file>
// [iterations] [assess|assessJson]` runs one call on the request, parsed
// (`assess`, the default: an object in, the parsed answer out) or as JSON
// text (`assessJson`). bench/cpuprofile.mjs summarises the profile.
import { readFileSync } from 'node:fs';
import { assess, assessJson } from '../node.js';

const text = readFileSync(process.argv[2], 'utf8');
const n = Number(process.argv[3] ?? 200000);
const mode = process.argv[4] ?? 'assess';
const request = JSON.parse(text);
let items = 0;
if (mode === 'assess') {
  for (let i = 0; i < n; i++) items += assess(request).checklist.length;
} else if (mode === 'assessJson') {
  for (let i = 0; i < n; i++) items += assessJson(text).length;
} else {
  throw new Error(`unknown mode ${mode}: assess or assessJson`);
}
console.log(`${n} calls (${mode}), ${items} items or characters`);
