// The package README's examples are real: every `js` block runs, as a user
// would run it (importing 'banshi', with the 民政 example's bundle.json beside
// it), and what it prints must be the `text` block that follows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({
  lang: m[1],
  code: m[2],
  line: readme.slice(0, m.index).split('\n').length,
}));
const examples = blocks.flatMap((b, i) => (b.lang === 'js' ? [{ ...b, shown: blocks[i + 1] }] : []));

test('the README has runnable examples, each followed by its output', () => {
  assert.ok(examples.length >= 2, `found ${examples.length} js blocks`);
  for (const e of examples) {
    assert.equal(e.shown?.lang, 'text', `the js block at README.md line ${e.line} is not followed by a text block`);
  }
});

// A project directory where 'banshi' is this package, as built by scripts/build-wasm.sh.
const project = mkdtempSync(join(tmpdir(), 'banshi-readme-'));
mkdirSync(join(project, 'node_modules'));
symlinkSync(fileURLToPath(new URL('..', import.meta.url)), join(project, 'node_modules', 'banshi'), 'dir');
copyFileSync(new URL('../../../examples/minzheng/bundle.json', import.meta.url), join(project, 'bundle.json'));
process.on('exit', () => rmSync(project, { recursive: true, force: true }));

for (const [n, e] of examples.entries()) {
  test(`README.md line ${e.line}: the example prints what the README shows`, () => {
    const file = join(project, `example-${n}.mjs`);
    writeFileSync(file, e.code);
    const printed = execFileSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
    assert.equal(printed, e.shown?.code);
  });
}
