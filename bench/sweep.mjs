// Times `samkost scenario --sweep` over a 50-party agreement, as a user runs
// it: one process, the wall time of the whole command (start-up, reading,
// every scenario, writing CSV to /dev/null), median of --runs runs.
//
//   node bench/sweep.mjs [--parties 50] [--scenarios 10000] [--runs 3]
//
// Two agreements: a budget (amounts, a stepped price on the summed server
// count, a per-party licence price, a percentage; 50/50 equal/population and
// driver keys) and a ledger-backed one (bench/generate.mjs, 2 000 ledger rows
// summed into ~530 entries, one direct cost per party).
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agreementHead, generate } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

/** The 50-party budget agreement (no ledger) a sweep is timed on. */
export function budgetAgreement(dir, parties = 50) {
  mkdirSync(dir, { recursive: true });
  const { ids, lines: head } = agreementHead(`Budsjett ${parties}`, 2025, parties);
  const yaml = [
    ...head,
    'keys:',
    '  halv-halv: { blend: [{ weight: 50%, key: equal }, { weight: 50%, key: population }] }',
    '  servere: { driver: servers }',
    'drivers:',
    `  servers: { ${ids.map((id, i) => `${id}: ${2 + (i % 9)}`).join(', ')} }`,
    `  licences: { ${ids.map((id, i) => `${id}: ${40 + ((i * 37) % 400)}`).join(', ')} }`,
    'items:',
    '  - { id: drift, label: Drift, amount: 48000000, key: halv-halv }',
    '  - id: soc',
    '    label: SOC+',
    '    price: { quantity: { driver: servers }, per: month, months: 12, mode: step, steps: [[350, 107450], [375, 114750], [400, 122000], [425, 129200], [450, 136350], [.inf, 150000]] }',
    '    key: servere',
    '  - { id: lisens, label: Lisenser, price: { unit: 195, quantity: { driver: licences, per_party: true }, per: month, months: 12 } }',
    '  - { id: adm, label: Administrasjon, percent: 5%, of: [drift], key: equal }',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'agreement.yaml'), yaml);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const parties = arg('parties', 50);
  const scenarios = arg('scenarios', 10000);
  const runs = arg('runs', 3);
  function time(dir, sweep) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      const r = spawnSync(process.execPath, [path.join(root, 'bin/samkost.js'), 'scenario', dir, '--sweep', sweep, '--format', 'csv', '--quiet'], {
        encoding: 'utf8',
        stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
      });
      if (r.status !== 0) throw new Error(r.stderr);
      times.push(Number(process.hrtime.bigint() - t) / 1e9);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  }

  const data = path.join(root, 'bench/data');
  const budgetDir = path.join(data, `sweep-budget-${parties}`);
  const ledgerDir = path.join(data, `sweep-ledger-${parties}`);
  budgetAgreement(budgetDir, parties);
  generate(2000, parties, ledgerDir);
  const to = 10000 + scenarios - 1;
  for (const [name, dir] of [
    ['budget', budgetDir],
    ['ledger', ledgerDir],
  ]) {
    const s = time(dir, `parties.k02.population=10000..${to}`);
    console.log(
      `${name.padEnd(7)} ${parties} parties, ${scenarios} scenarios: ${s.toFixed(2)} s (${((s / scenarios) * 1000).toFixed(3)} ms per scenario, median of ${runs})`,
    );
  }
}
