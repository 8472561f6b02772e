// Every row of issue 14's table, measured in one interleaved run: each round
// runs every command once, in turn, so a machine that slows down slows all of
// them alike, and each ratio is taken within a round, then the median over
// rounds. Wall time includes Node's start-up; memory is peak RSS.
//
//   node bench/ledger.mjs [--rounds 3] [--big]     (--big adds the 5M and 10M-row ledgers for the memory row)
//
// The ledgers are bench/generate-real.mjs's (1M rows, 50 parties, 500
// categories with æøå in 10 items, 20 % of rows naming a party, the amount
// styles of Norwegian finance exports, 3 % quoted texts holding a `;`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateReal } from './generate-real.mjs';
import { generate } from './generate.mjs';
import { budgetAgreement } from './sweep.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const data = path.join(here, 'data');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 3) || 3;
const big = process.argv.includes('--big');

const ledger = (name, rows, accounts) => {
  const dir = path.join(data, name);
  if (!existsSync(path.join(dir, 'actuals.csv'))) generateReal(rows, 50, dir, accounts);
  return dir;
};
const l1 = ledger('real-1m-50', 1_000_000);
const acc = ledger('real-1m-50-acc', 1_000_000, 10_000);
// The easy shape (bench/generate.mjs): 12 short category names, mostly plain amounts.
const easy = path.join(data, 'ledger-1000000-50');
if (!existsSync(path.join(easy, 'actuals.csv'))) generate(1_000_000, 50, easy);
const l5 = big ? ledger('real-5m-50', 5_000_000) : null;
const l10 = big ? ledger('real-10m-50', 10_000_000) : null;
const budget = path.join(data, 'sweep-budget-50');
budgetAgreement(budget, 50);

const samkost = path.join(root, 'bin/samkost.js');
/** Runs a script under bench/measure.mjs: wall seconds and peak RSS in MB. */
function measure(script, args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), script, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 26,
  });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return { s, mb: JSON.parse(m[1]).maxRssKb / 1024 };
}
/** ledger-cli and hledger, when installed, summing the same rows (journal.ledger): peers for scale. */
const installed = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const timed = (cmd, args) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} failed`);
  return { s: Number(process.hrtime.bigint() - t0) / 1e9, mb: 0 };
};
const peers = Object.fromEntries(
  ['ledger', 'hledger'].filter(installed).map((tool) => [tool, () => timed(tool, ['-f', path.join(l1, 'journal.ledger'), 'balance'])]),
);
const sweep = (dir, range, threads) => ['scenario', dir, '--sweep', range, '--format', 'csv', '--quiet', ...(threads ? ['--threads', threads] : [])];

const commands = {
  nodeBare: () => measure(path.join(here, 'nothing.mjs'), []),
  floor: () => measure(path.join(here, 'floor.mjs'), [path.join(l1, 'actuals.csv')]),
  csvParse: () => measure(path.join(here, 'csv-parse-pass.mjs'), [path.join(l1, 'actuals.csv')]),
  allocate1m: () => measure(samkost, ['allocate', l1, '--format', 'json', '--quiet']),
  floorEasy: () => measure(path.join(here, 'floor.mjs'), [path.join(easy, 'actuals.csv')]),
  csvParseEasy: () => measure(path.join(here, 'csv-parse-pass.mjs'), [path.join(easy, 'actuals.csv')]),
  allocateEasy: () => measure(samkost, ['allocate', easy, '--format', 'json', '--quiet']),
  allocateAccounts: () => measure(samkost, ['allocate', acc, '--format', 'json', '--quiet']),
  ...(big
    ? {
        allocate5m: () => measure(samkost, ['allocate', l5, '--format', 'json', '--quiet']),
        allocate10m: () => measure(samkost, ['allocate', l10, '--format', 'json', '--quiet']),
      }
    : {}),
  check: () => measure(samkost, ['check', path.join(root, 'fixtures/ror-ikt-2023-overrun')]),
  help: () => measure(samkost, ['--help']),
  version: () => measure(samkost, ['--version']),
  sweepLedger1: () => measure(samkost, sweep(l1, 'parties.k02.population=10000..11999', '1')),
  sweepLedger: () => measure(samkost, sweep(l1, 'parties.k02.population=10000..11999')),
  sweepBudget1: () => measure(samkost, sweep(budget, 'parties.k02.population=10000..19999', '1')),
  ...peers,
};

const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) for (const [k, run] of Object.entries(commands)) runs[k].push(run());

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const ratio = (a, b) => runs[a].map((r, i) => r.s / runs[b][i].s);
const perScenario = (sweepKey) => runs[sweepKey].map((r, i) => ((r.s - runs.allocate1m[i].s) / 2000) * 1000);
const row = (what, value, goal) => console.log(`| ${what} | ${value} | ${goal} |`);

console.log(`node ${process.version}, ${rounds} interleaved rounds; medians, spread over rounds in brackets\n`);
console.log('| | measured | goal |');
console.log('|---|---|---|');
row(
  '`allocate`, 1M rows',
  `${median(ratio('allocate1m', 'floor')).toFixed(1)}× floor (${spread(ratio('allocate1m', 'floor'))}), ${median(ratio('allocate1m', 'csvParse')).toFixed(2)}× csv-parse alone; ${median(runs.allocate1m.map((r) => r.mb)).toFixed(0)} MB`,
  '≤ 8× floor, ≤ 150 MB',
);
row(
  '`allocate`, 1M rows of the easy shape',
  `${median(ratio('allocateEasy', 'floorEasy')).toFixed(1)}× floor (${spread(ratio('allocateEasy', 'floorEasy'))}), ${median(ratio('allocateEasy', 'csvParseEasy')).toFixed(2)}× csv-parse alone; ${median(runs.allocateEasy.map((r) => r.mb)).toFixed(0)} MB`,
  '(for comparison)',
);
if (big) {
  const mb = (k) => median(runs[k].map((r) => r.mb));
  row(
    'memory 1M → 5M → 10M rows',
    `${mb('allocate1m').toFixed(0)} → ${mb('allocate5m').toFixed(0)} → ${mb('allocate10m').toFixed(0)} MB (10M = ${(mb('allocate10m') / mb('allocate1m')).toFixed(2)} × 1M)`,
    '10M ≤ 1.15 × 1M',
  );
}
row('1M rows, 10 000 accounts, selected by category', `${median(runs.allocateAccounts.map((r) => r.mb)).toFixed(0)} MB`, '≤ 150 MB');
row('`check` on a fixture', `${median(ratio('check', 'nodeBare')).toFixed(2)}× \`node -e 0\` (${spread(ratio('check', 'nodeBare'))})`, '≤ 2×');
row('`--help` / `--version`', `${median(ratio('help', 'nodeBare')).toFixed(2)}× / ${median(ratio('version', 'nodeBare')).toFixed(2)}×`, '≤ 1.5×');
row(
  'sweep of 2 000 scenarios over the 1M-row agreement, after the ledger is read',
  `${median(perScenario('sweepLedger1')).toFixed(2)} ms per scenario one thread; default ${median(perScenario('sweepLedger')).toFixed(2)} ms (${median(ratio('sweepLedger', 'sweepLedger1')).toFixed(2)}× one thread)`,
  '≤ 2 ms; threads never slower',
);
row(
  '10 000-scenario sweep, 50-party budget agreement, `--threads 1`',
  `${median(runs.sweepBudget1.map((r) => r.s)).toFixed(2)} s (${spread(runs.sweepBudget1.map((r) => r.s))})`,
  '≤ 5 s',
);
for (const tool of Object.keys(peers))
  row(
    `${tool} balance, the same 1M rows`,
    `${median(ratio(tool, 'floor')).toFixed(1)}× floor; samkost allocate is ${median(ratio('allocate1m', tool)).toFixed(2)}× ${tool}`,
    'for scale',
  );
if (Object.keys(peers).length === 0) console.log('\n(ledger-cli and hledger are not installed here: their row is left out)');
