#!/usr/bin/env node
// CommonJS (bin/package.json): Node starts it without its ES module loader.
// `samkost --version` answers from package.json without loading the CLI; everything else runs the bundle.
const [only, ...rest] = process.argv.slice(2);
if ((only === '--version' || only === '-V') && rest.length === 0) {
  const { readFileSync } = require('node:fs');
  process.stdout.write(`${JSON.parse(readFileSync(`${__dirname}/../package.json`, 'utf8')).version}\n`);
} else {
  require('./chunks.js').chunks(`${__dirname}/../dist/bundle`)('samkost.cjs');
}
