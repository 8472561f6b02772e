// Issue 25's hostile inputs, each at a small and a ten (or more) times larger
// size, run in turn (small, large, small, large, …) so a drift in the
// machine's speed touches both: the median CPU seconds and peak memory of
// the whole process, and the ratio large / small. Bounded by design means a
// ratio near 1 (refused at a limit, or streamed); linear means a ratio well
// under the size ratio once start-up is counted.
//
//   node bench/hardening.mjs [--rounds N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (process.argv[2] === '--child') {
  // Runs samkost in this process and reports its CPU and peak memory as it exits.
  process.argv = [process.argv[0], path.join(root, 'bin/samkost.js'), ...process.argv.slice(3)];
  process.on('exit', () => {
    const u = process.resourceUsage();
    process.stderr.write(`\nBENCH ${JSON.stringify({ cpuUs: u.userCPUTime + u.systemCPUTime, maxRssKb: u.maxRSS })}\n`);
  });
  await import(path.join(root, 'bin/samkost.js'));
} else {
  const r = process.argv.indexOf('--rounds');
  const rounds = r > 0 ? Number(process.argv[r + 1]) : 3;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samkost-bench-'));
  const file = (name, text) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const head = 'samkost: 1\nagreement: T\nyear: 2024\nhost: a\nparties:\n  a: { name: A, population: 7 }\n  b: { name: B, population: 3 }\n';
  const unknown = (n) => file(`unknown-${n}.yaml`, `samkost: 1\n${Array.from({ length: n }, (_, i) => `f${i}: 1`).join('\n')}\n`);
  const series = (years) => {
    const from = 2199 - years;
    const changes = Array.from({ length: years }, (_, i) => `    ${from + 1 + i}: 3.${String(100_000_007 + i * 7_919).slice(0, 9)}%`).join('\n');
    return file(
      `series-${years}.yaml`,
      `${head.replace('2024', '2199')}indices:\n  d:\n${changes}\nitems:\n  - { id: x, label: X, amount: 100000, index: { series: d, from: ${from} }, key: population }\n`,
    );
  };
  const items = (n) =>
    file(`items-${n}.yaml`, `${head}items: [${Array.from({ length: n }, (_, i) => `{ id: x${i}, label: X, amount: 1, key: equal }`).join(', ')}]\n`);
  const share = (digits) =>
    file(`share-${digits}.yaml`, `${head}keys:\n  k: { shares: { a: 0.${'3'.repeat(digits)}, b: 2/3 } }\nitems:\n  - { id: y, label: Y, amount: 1, key: k }\n`);
  const zeros = (mb) => ({ stdin: `head -c ${mb}M /dev/zero` });
  const melhus = path.join(root, 'fixtures/melhus-midtre-gauldal');
  const cases = [
    ['unknown fields, 4 900 / 49 000', ['check', unknown(4_900)], ['check', unknown(49_000)]],
    ['index series, 100 / 1 000 years of 12-digit changes', ['allocate', series(100)], ['allocate', series(1_000)]],
    ['items on one line, 10 000 / 100 000 (refused past 100 000 values)', ['check', items(10_000)], ['check', items(100_000)]],
    ['a share of 10 000 / 1 000 000 digits', ['check', share(10_000)], ['check', share(1_000_000)]],
    ['check - of 8 MB / 1 024 MB of zeros (stops at 16 MB)', ['check', '-', zeros(8)], ['check', '-', zeros(1_024)]],
    [
      'sweep to JSON, 10 000 / 100 000 points',
      ['scenario', melhus, '--sweep', 'parties.melhus.population=1..10000', '--format', 'json', '--quiet'],
      ['scenario', melhus, '--sweep', 'parties.melhus.population=1..100000', '--format', 'json', '--quiet'],
    ],
  ];
  const run = (args) => {
    const pipe = args.find((a) => typeof a === 'object');
    const plain = args.filter((a) => typeof a === 'string');
    const child = [process.execPath, fileURLToPath(import.meta.url), '--child', ...plain].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('sh', ['-c', `${pipe ? `${pipe.stdin} | ` : ''}${child} > /dev/null`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const m = /BENCH (\{.*\})/.exec(r.stderr);
    if (!m) throw new Error(`samkost ${plain.join(' ')} gave no figures: ${r.stderr.slice(-1000)}`);
    const b = JSON.parse(m[1]);
    return { cpu: b.cpuUs / 1e6, mb: b.maxRssKb / 1024 };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`node ${process.version}, ${rounds} interleaved rounds; median CPU s and peak MB of the whole process; ratio large / small`);
  try {
    for (const [name, small, large] of cases) {
      const s = [];
      const l = [];
      for (let i = 0; i < rounds; i++) {
        s.push(run(small));
        l.push(run(large));
      }
      const [sc, lc, sm, lm] = [median(s.map((x) => x.cpu)), median(l.map((x) => x.cpu)), median(s.map((x) => x.mb)), median(l.map((x) => x.mb))];
      console.log(
        `${name}: CPU ${sc.toFixed(2)} / ${lc.toFixed(2)} s (ratio ${(lc / sc).toFixed(2)}), peak ${sm.toFixed(0)} / ${lm.toFixed(0)} MB (ratio ${(lm / sm).toFixed(2)})`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
