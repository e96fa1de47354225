// Node entry: Node cannot fetch a file: URL, so read the module's bytes and
// initialise synchronously. The API is ready on import.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/banshi_wasm.js';

initSync({ module: readFileSync(new URL('./wasm/banshi_wasm_bg.wasm', import.meta.url)) });

/** Already initialised in Node; provided so that code can be shared with the web entry. */
export const ready = () => Promise.resolve();
export * from './api.js';
