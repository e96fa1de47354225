// Browser entry: `await ready()` once (it fetches the .wasm next to this file,
// or what you pass), then every call is synchronous.
import init from './wasm/banshi_wasm.js';

let initialised;

/** Initialises the WASM module. Pass a URL, Response or bytes to override where it is fetched from. */
export function ready(input) {
  initialised ??= init(input === undefined ? undefined : { module_or_path: input });
  return initialised.then(() => undefined);
}

export * from './api.js';
