#!/usr/bin/env node
// Writes the EHF of every fixture that invoices — each a-konto instalment and
// the final settlement — with the built CLI, and runs the official Peppol BIS
// Billing 3.0 rules on them (../shared/peppol/validate: CEN EN 16931 and
// OpenPEPPOL Schematron, Java + Saxon-HE). Exit 1 on any fatal rule failure.
// Usage: npm run validate:ehf [-- PEPPOL_DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const peppol = path.resolve(process.argv[2] ?? path.join(root, '..', 'shared', 'peppol'));
const validate = path.join(peppol, 'validate');
if (!existsSync(validate)) {
  console.error(`validate-ehf: no Peppol validator at ${validate}; give its folder: npm run validate:ehf -- PEPPOL_DIR`);
  process.exit(1);
}
const out = mkdtempSync(path.join(tmpdir(), 'samkost-ehf-'));
// Removed however the script ends, a failure's process.exit(1) included.
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
const fixtures = readdirSync(path.join(root, 'fixtures')).filter((f) => existsSync(path.join(root, 'fixtures', f, 'expected', 'invoices')));
for (const fixture of fixtures) {
  const text = readFileSync(path.join(root, 'fixtures', fixture, 'agreement.yaml'), 'utf8');
  const year = Number(/^year: (\d{4})$/m.exec(text)[1]);
  const block = /^ {2}akonto:\n((?: {4}- .*\n)+)/m.exec(text);
  const instalments = block ? block[1].split('\n').filter((l) => l.trim()).length : 0;
  const runs = [...Array.from({ length: instalments }, (_, i) => ['--akonto', String(i + 1), '--date', `${year}-01-15`]), ['--date', `${year + 1}-01-10`]];
  for (const args of runs) {
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'bin', 'samkost.js'), 'invoices', path.join('fixtures', fixture), '--format', 'ehf', '--out', path.join(out, fixture), ...args],
      { cwd: root, encoding: 'utf8' },
    );
    if (r.status !== 0) {
      console.error(`validate-ehf: samkost invoices ${fixture} ${args.join(' ')} failed:\n${r.stderr}`);
      process.exit(1);
    }
  }
}
// The EHF files only: the invoice basis (fakturagrunnlag-*.csv) written beside them is no UBL.
const files = fixtures.flatMap((f) =>
  existsSync(path.join(out, f))
    ? readdirSync(path.join(out, f))
        .filter((x) => x.endsWith('.xml'))
        .map((x) => path.join(out, f, x))
    : [],
);
console.log(`validate-ehf: ${files.length} EHF files from ${fixtures.length} fixtures`);
const r = spawnSync(validate, files, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const lines = r.stdout.split('\n').filter((l) => l.trim());
const fatal = lines.filter((l) => l.includes('[fatal]') || l.includes('not readable'));
for (const l of lines) console.log(l.replace(out + path.sep, ''));
const failed = new Set(fatal.map((l) => l.split(':')[0])).size;
console.log(
  `validate-ehf: fatal rule failures ${fatal.length}, warnings ${lines.length - fatal.length} (NO-R-002, "Foretaksregisteret", is for companies, not municipalities)`,
);
console.log(`validate-ehf: ${files.length - failed} passed, ${failed} failed`);
process.exit(r.status === 0 && fatal.length === 0 && files.length > 0 ? 0 : 1);
