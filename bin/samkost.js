#!/usr/bin/env node
// `samkost --version` answers from package.json without loading the CLI; everything else runs the bundle.
const [only, ...rest] = process.argv.slice(2);
if ((only === '--version' || only === '-V') && rest.length === 0) {
  const { readFileSync } = await import('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version}\n`);
} else {
  await import('../dist/bundle/samkost.js');
}
