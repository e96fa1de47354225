// Per-call cost of assessJson in Node, on one conformance request.
// Usage: node bench/per-call.mjs <request file> [iterations]
import { readFileSync } from 'node:fs';
import { assessJson } from '../node.js';

const request = readFileSync(process.argv[2], 'utf8');
const n = Number(process.argv[3] ?? 200000);
for (let i = 0; i < n / 10; i++) assessJson(request); // warm up
const t0 = process.hrtime.bigint();
for (let i = 0; i < n; i++) assessJson(request);
const t1 = process.hrtime.bigint();
console.log(`wasm assess (node ${process.version}): ${Math.round(Number(t1 - t0) / n)} ns/call over ${n} calls`);
