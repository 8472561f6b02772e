// Writes a synthetic year of ledger rows for benchmarks: an agreement with
// `parties` municipalities (a 50/50 equal/population key, a fixed key, a
// direct-cost item) and `rows` actuals rows in Norwegian Excel's CSV form
// (semicolons, decimal comma, some thousands spaces and quoted texts).
// Deterministic: the same arguments give the same bytes.
//
//   node bench/generate.mjs <rows> <parties> <dir>
import { mkdirSync, openSync, writeSync, closeSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The head of a generated agreement: `parties` municipalities k01, k02, … with populations; the first is the host. */
export function agreementHead(title, year, parties) {
  const ids = Array.from({ length: parties }, (_, i) => `k${String(i + 1).padStart(2, '0')}`);
  const lines = [
    'samkost: 1',
    `agreement: ${title}`,
    `year: ${year}`,
    `host: ${ids[0]}`,
    'parties:',
    ...ids.map((id, i) => `  ${id}: { name: Kommune ${i + 1}, population: ${1000 + ((i * 7919) % 30000)} }`),
  ];
  return { ids, lines };
}

/** mulberry32: a small, fast generator, well spread in its low bits; `rand(n)` is 0 … n − 1. Deterministic per seed. */
export function random(seed) {
  return (n) => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

export function generate(rows, parties, dir) {
  mkdirSync(dir, { recursive: true });
  const { ids, lines: head } = agreementHead(`Benchmark ${parties}`, 2024, parties);
  const categories = ['lonn', 'lisens', 'drift', 'nett', 'kurs', 'reise', 'konsulent', 'husleie', 'strom', 'inventar', 'refusjon', 'mva'];
  const yaml = [
    ...head,
    'keys:',
    '  halv-halv:',
    '    blend:',
    '      - { weight: 50%, key: equal }',
    '      - { weight: 50%, key: population }',
    '  fast:',
    `    shares: { ${ids.map((id, i) => `${id}: ${i === 0 ? 100 - (parties - 1) : 1}%`).join(', ')} }`,
    'items:',
    '  - { id: drift, label: Drift, actuals: { category: [lonn, drift, nett, kurs, reise, konsulent, husleie, strom, inventar] }, key: halv-halv }',
    '  - { id: lisens, label: Lisenser, actuals: { category: [lisens] }, key: fast }',
    '  - { id: direkte, label: Direkte kostnader, actuals: { category: [refusjon] }, key: halv-halv }',
    'ignore:',
    '  - { category: [mva], reason: kompensert merverdiavgift }',
    'inputs:',
    '  actuals: { file: actuals.csv, columns: { category: Art, account: Konto, party: Kommune, amount: Beløp, text: Tekst } }',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'agreement.yaml'), yaml);
  const fd = openSync(path.join(dir, 'actuals.csv'), 'w');
  const rand = random(42);
  const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
  for (let i = 0; i < rows; i++) {
    const c = categories[rand(categories.length)];
    const party = c === 'refusjon' ? ids[rand(parties)] : '';
    const kr = rand(200000) - (c === 'refusjon' ? 100000 : 20000);
    const ore = String(rand(100)).padStart(2, '0');
    const amount =
      Math.abs(kr) >= 1000 && rand(4) === 0 ? `${kr < 0 ? '-' : ''}${String(Math.abs(kr)).replace(/\B(?=(\d{3})+$)/g, ' ')},${ore}` : `${kr},${ore}`;
    const text = rand(10) === 0 ? `"f ${rand(9999)}; del"` : `f${rand(99999)}`;
    lines.push(`${c};${6000 + rand(40)};${party};${amount};${text}`);
    if (lines.length >= 10000) {
      writeSync(fd, lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  closeSync(fd);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, parties, dir] = process.argv.slice(2);
  if (!rows || !parties || !dir) {
    console.error('usage: node bench/generate.mjs <rows> <parties> <dir>');
    process.exit(2);
  }
  generate(Number(rows), Number(parties), dir);
}
