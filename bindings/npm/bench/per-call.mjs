// Per-call cost in Node, on one conformance request: the JSON text
// (assessJson), the parsed result built from the compact answer (assess), and
// JSON.parse of the text, for comparison.
// Usage: node bench/per-call.mjs <request file> [iterations]
import { readFileSync } from 'node:fs';
import { assess, assessJson } from '../node.js';

const text = readFileSync(process.argv[2], 'utf8');
const request = JSON.parse(text);
const n = Number(process.argv[3] ?? 200000);

// Wall-clock time, and the process's CPU time, which on a shared machine
// leaves out the time other processes held the cores.
function time(name, f) {
  for (let i = 0; i < n / 10; i++) f(); // warm up
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) f();
  const t1 = process.hrtime.bigint();
  const cpu = process.cpuUsage(cpu0);
  const cpuNs = Math.round(((cpu.user + cpu.system) * 1000) / n);
  console.log(`wasm ${name} (node ${process.version}): ${Math.round(Number(t1 - t0) / n)} ns/call over ${n} calls (CPU ${cpuNs} ns/call)`);
}

time('assessJson, text', () => assessJson(text));
time('assess, parsed (compact + cached guide parts)', () => assess(request));
time('JSON.parse(assessJson), parsed', () => JSON.parse(assessJson(request)));
