// Benchmarks `samkost allocate` on synthetic ledgers against two references
// measured in the same run on the same file: the floor (a bare stream that
// counts newlines) and a bare csv-parse pass. Prints wall time (median of
// the runs, node start-up included for all) and peak memory (RSS).
//
//   node bench/run.mjs [--rows 10000,100000,1000000] [--parties 5,50] [--runs 3]
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const rowsList = arg('rows', '10000,100000,1000000').split(',').map(Number);
const partiesList = arg('parties', '5,50').split(',').map(Number);
const runs = Number(arg('runs', '3'));

function measure(script, args) {
  const times = [];
  let rss = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), script, ...args], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const m = /BENCH (\{.*\})/.exec(r.stderr);
    if (r.status !== 0 || !m) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr}`);
    times.push(ms);
    rss = Math.max(rss, JSON.parse(m[1]).maxRssKb);
  }
  times.sort((a, b) => a - b);
  return { s: times[Math.floor(times.length / 2)] / 1000, mb: rss / 1024 };
}

const results = [];
console.log(`node ${process.version}, ${runs} runs each, median wall time (s) and peak RSS (MB)\n`);
console.log('rows       parties  file MB | floor          | csv-parse      | csv-parse cols | samkost allocate | × floor');
for (const rows of rowsList) {
  for (const parties of partiesList) {
    const dir = path.join(here, 'data', `ledger-${rows}-${parties}`);
    if (!existsSync(path.join(dir, 'actuals.csv'))) generate(rows, parties, dir);
    const csv = path.join(dir, 'actuals.csv');
    const floor = measure(path.join(here, 'floor.mjs'), [csv]);
    const ref = measure(path.join(here, 'csv-parse-pass.mjs'), [csv]);
    const refCols = rows <= 1_000_000 ? measure(path.join(here, 'csv-parse-pass.mjs'), [csv, 'columns']) : null;
    const ours = measure(path.join(root, 'bin/samkost.js'), ['allocate', dir, '--format', 'json', '--quiet']);
    const cell = (m) => (m ? `${m.s.toFixed(2).padStart(5)} s ${m.mb.toFixed(0).padStart(4)} MB` : '      -      ');
    const mbFile = statSync(csv).size / 1e6;
    results.push({ rows, parties, fileMb: mbFile, floor, csvParse: ref, csvParseColumns: refCols, samkost: ours });
    const size = `${String(rows).padEnd(10)} ${String(parties).padEnd(8)} ${mbFile.toFixed(1).padStart(7)}`;
    console.log(`${size} | ${cell(floor)} | ${cell(ref)} | ${cell(refCols)} | ${cell(ours)}   | ${(ours.s / floor.s).toFixed(1)}×`);
  }
}
for (const parties of partiesList) {
  const at = (rows) => results.find((r) => r.rows === rows && r.parties === parties);
  if (at(100_000) && at(1_000_000))
    console.log(`\n${parties} parties: peak memory at 1M rows is ${(at(1_000_000).samkost.mb / at(100_000).samkost.mb).toFixed(2)}× the 100k-row peak`);
}
