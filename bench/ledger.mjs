// Every goal of issue 24, measured in one interleaved run on its ledger shape
// (bench/generate-shape.mjs): each round runs every command once, in turn, so
// a machine that slows down slows all of them alike; each ratio is taken
// within a round, then the median over rounds, with the spread (min–max over
// rounds) beside it. Wall time includes Node's start-up; memory is peak RSS.
//
//   node bench/ledger.mjs [--rounds 3] [--big] [--no-sweeps] [--no-peers]
//
// --big adds the 10M-row ledger for the memory row (about 600 MB on disk).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureShape } from './generate-shape.mjs';
import { budgetAgreement } from './sweep.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const data = path.join(here, 'data');
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1] || 3) || 3;
const big = process.argv.includes('--big');
const sweeps = !process.argv.includes('--no-sweeps');
const withPeers = !process.argv.includes('--no-peers');

const m1 = await ensureShape(1_000_000, path.join(data, 'shape-1m'), { xlsx: true, saft: true });
const acc = await ensureShape(1_000_000, path.join(data, 'shape-1m-acc'), { accounts: 10_000 });
const m10 = big ? await ensureShape(10_000_000, path.join(data, 'shape-10m')) : null;
const k100 = await ensureShape(100_000, path.join(data, 'shape-100k'));
const budget = path.join(data, 'sweep-budget-50');
budgetAgreement(budget, 50);
const csv = (dir) => path.join(dir, 'csv', 'actuals.csv');

const samkost = path.join(root, 'bin/samkost.js');
const spawn = (cmd, args, env = process.env) => {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  return { r, s: Number(process.hrtime.bigint() - t0) / 1e9 };
};
/** A script under bench/measure.mjs: wall seconds and peak RSS in MB. */
function measure(script, args) {
  const { r, s } = spawn(process.execPath, [path.join(here, 'measure.mjs'), script, ...args]);
  const m = /BENCH (\{.*\})/.exec(r.stderr);
  if (r.status !== 0 || !m) throw new Error(`${script} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  return { s, mb: JSON.parse(m[1]).maxRssKb / 1024 };
}
/** A program as it is started (no wrapper): wall seconds, and peak RSS by /usr/bin/time when it is there. */
function plain(cmd, args, env = process.env) {
  const time = existsSync('/usr/bin/time');
  const { r, s } = time ? spawn('/usr/bin/time', ['-f', 'RSS %M', cmd, ...args], env) : spawn(cmd, args, env);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr.slice(-2000)}`);
  const m = /RSS (\d+)/.exec(r.stderr);
  return { s, mb: m ? Number(m[1]) / 1024 : Number.NaN };
}
const allocate = (dir) => () => measure(samkost, ['allocate', dir, '--format', 'json', '--quiet']);
const installed = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const peers = withPeers ? ['ledger', 'hledger'].filter(installed) : [];
const sweep = (dir, range, threads) => ['scenario', dir, '--sweep', range, '--format', 'csv', '--quiet', ...(threads ? ['--threads', threads] : [])];

// NODE_EXTRA_CA_CERTS (set on some machines, this project's among them) makes every Node start, `node -e 0` too, parse
// a bundle of certificates: several times the work of a bare start, which shrinks every start-up ratio. The start-up
// rows are measured as the environment gives them and, where it is set, again without it: what a user's machine sees.
const { NODE_EXTRA_CA_CERTS: certs, ...bare } = process.env;
const startups = (env) => ({
  nodeBare: () => plain(process.execPath, ['-e', '0'], env),
  check: () => plain(process.execPath, [samkost, 'check', path.join(root, 'fixtures/ror-ikt-2023-overrun')], env),
  help: () => plain(process.execPath, [samkost, '--help'], env),
  version: () => plain(process.execPath, [samkost, '--version'], env),
});
const prefixed = (prefix, o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [prefix + k, v]));

const commands = {
  ...startups(process.env),
  ...(certs ? prefixed('bare_', startups(bare)) : {}),
  floor: () => measure(path.join(here, 'floor.mjs'), [csv(m1)]),
  csvParse: () => measure(path.join(here, 'csv-parse-pass.mjs'), [csv(m1)]),
  allocate: allocate(path.join(m1, 'csv')),
  calm: allocate(path.join(m1, 'calm')),
  selectors: allocate(path.join(m1, 'selectors')),
  accounts: allocate(path.join(acc, 'selectors')),
  xlsx: allocate(path.join(m1, 'xlsx')),
  saft: allocate(path.join(m1, 'saft')),
  ...(big ? { allocate10m: allocate(path.join(m10, 'csv')) } : {}),
  ...(sweeps
    ? {
        sweepLedger1: () => measure(samkost, sweep(path.join(k100, 'csv'), 'parties.k02.population=10000..11999', '1')),
        allocate100k: allocate(path.join(k100, 'csv')),
        sweepBudget1: () => measure(samkost, sweep(budget, 'parties.k02.population=10000..19999', '1')),
      }
    : {}),
  // hledger holds a 1M-row journal in several GB: it is compared at 100k rows, as issue 24 did.
  ...(peers.includes('ledger') ? { ledger: () => plain('ledger', ['-f', path.join(m1, 'journal.ledger'), 'balance']) } : {}),
  ...(peers.includes('hledger')
    ? {
        hledger100k: () => plain('hledger', ['-f', path.join(k100, 'journal.ledger'), 'balance']),
        allocate100kPeer: allocate(path.join(k100, 'csv')),
      }
    : {}),
};

const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < rounds; i++)
  for (const [k, run] of Object.entries(commands)) {
    runs[k].push(run());
    process.stderr.write(`\rround ${i + 1}/${rounds}: ${k}            `);
  }
process.stderr.write('\n');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
const ratios = (a, b) => runs[a].map((r, i) => r.s / runs[b][i].s);
const x = (a, b, digits = 1) => `${median(ratios(a, b)).toFixed(digits)}× (${spread(ratios(a, b))})`;
const mb = (k) => median(runs[k].map((r) => r.mb)).toFixed(0);
const row = (what, value, goal) => console.log(`| ${what} | ${value} | ${goal} |`);

console.log(`node ${process.version}, ${rounds} interleaved rounds; median ratio, spread over rounds in brackets; peak RSS\n`);
console.log("| 1M rows of issue 24's shape unless said | measured | goal |");
console.log('|---|---|---|');
row('floor: a Node stream counting `\\n`', `${median(runs.floor.map((r) => r.s)).toFixed(2)} s, ${mb('floor')} MB`, '1×');
row('csv-parse alone, no work per row', `${x('csvParse', 'floor')} floor, ${mb('csvParse')} MB`, '(for scale)');
row('`allocate` (28 warnings)', `${x('allocate', 'floor')} floor, ${mb('allocate')} MB`, '≤ 4× floor, ≤ 120 MB');
row('`allocate`, the same rows without warnings', `${x('calm', 'floor')} floor, ${mb('calm')} MB`, 'the same');
row('`allocate`, items also selecting Konto by range, prefix and `not:`', `${x('selectors', 'floor')} floor, ${mb('selectors')} MB`, 'the same');
row('`allocate`, 10 000 distinct accounts, selected by range, prefix and `not:`', `${x('accounts', 'floor')} floor, ${mb('accounts')} MB`, 'the same');
if (big) row('`allocate`, 10M rows: peak', `${mb('allocate10m')} MB = ${(mb('allocate10m') / mb('allocate')).toFixed(2)} × the 1M peak`, '≤ 1.15 × 1M');
row('`allocate`, the same rows as .xlsx', `${x('xlsx', 'allocate')} CSV, ${mb('xlsx')} MB`, '≤ 3× CSV, ≤ 150 MB');
row('`allocate`, the same rows as SAF-T', `${x('saft', 'allocate')} CSV, ${mb('saft')} MB`, '≤ 3× CSV, ≤ 150 MB');
row('`check` on a fixture', `${x('check', 'nodeBare', 2)} \`node -e 0\``, '≤ 1.5×');
row('`--help`', `${x('help', 'nodeBare', 2)} \`node -e 0\``, '≤ 1.3×');
row('`--version`', `${x('version', 'nodeBare', 2)} \`node -e 0\``, '≤ 1.3×');
if (certs) {
  const without = 'without `NODE_EXTRA_CA_CERTS`, set here';
  row(`\`check\` on a fixture, ${without}`, `${x('bare_check', 'bare_nodeBare', 2)} \`node -e 0\``, '≤ 1.5×');
  row(`\`--help\`, ${without}`, `${x('bare_help', 'bare_nodeBare', 2)} \`node -e 0\``, '≤ 1.3×');
  row(`\`--version\`, ${without}`, `${x('bare_version', 'bare_nodeBare', 2)} \`node -e 0\``, '≤ 1.3×');
}
if (sweeps) {
  const perScenario = runs.sweepLedger1.map((r, i) => ((r.s - runs.allocate100k[i].s) / 2000) * 1000);
  row(
    '2 000-scenario sweep over the 100k-row agreement, `--threads 1`, after the ledger is read',
    `${median(perScenario).toFixed(2)} ms per scenario (${spread(perScenario)})`,
    '≤ 2 ms',
  );
  row(
    '10 000-scenario sweep, 50-party budget agreement, `--threads 1`',
    `${median(runs.sweepBudget1.map((r) => r.s)).toFixed(2)} s (${spread(runs.sweepBudget1.map((r) => r.s))})`,
    '≤ 5 s',
  );
}
for (const tool of peers.filter((t) => t === 'ledger'))
  row(
    `${tool} balance, the same 1M rows as a journal`,
    `${x(tool, 'floor')} floor, ${mb(tool)} MB; \`allocate\` is ${x('allocate', tool, 2)} ${tool}`,
    '(for scale)',
  );
if (peers.includes('hledger'))
  row(
    'hledger balance, the same 100k rows',
    `\`allocate\` is ${x('allocate100kPeer', 'hledger100k', 2)} hledger; ${mb('hledger100k')} MB vs ${mb('allocate100kPeer')} MB`,
    '(for scale)',
  );
if (withPeers && peers.length < 2) console.log(`\n(not installed here, so left out: ${['ledger', 'hledger'].filter((t) => !peers.includes(t)).join(', ')})`);
