// Start-up of the CLI against a bare `node -e 0` (issue 24: `check` on a
// fixture ≤ 1.5×, `--help` and `--version` ≤ 1.3×), interleaved: each round
// runs the baseline and every command once, in turn, so a machine that slows
// down slows them alike; a ratio is taken within a round, then the median
// over rounds, with the spread (min–max). Wall time and CPU time are both
// shown (perf stat's task-clock when perf is there, else user + sys by
// /usr/bin/time, to 10 ms): on a machine shared with other work, CPU time is
// the steadier. `--against` adds another build's bin/samkost.js (another
// worktree's) to the same rounds, for a before and after.
//
//   node bench/startup.mjs [--rounds 40] [--against ../main/bin/samkost.js]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const rounds = Number(arg('--rounds') ?? 40) || 40;
const bins = { '': path.join(root, 'bin/samkost.js'), ...(arg('--against') ? { 'against ': path.resolve(arg('--against')) } : {}) };
const perf = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { encoding: 'utf8' }).status === 0;
const time = !perf && existsSync('/usr/bin/time');

const commands = { 'node -e 0': ['-e', '0'] };
for (const [name, bin] of Object.entries(bins)) {
  commands[`${name}check`] = [bin, 'check', path.join(root, 'fixtures/ror-ikt-2023-overrun')];
  commands[`${name}--help`] = [bin, '--help'];
  commands[`${name}--version`] = [bin, '--version'];
}

/** One run of node with `args`: wall and CPU seconds. */
function run(args) {
  const wrap = perf ? ['perf', 'stat', '-x,', '-e', 'task-clock'] : time ? ['/usr/bin/time', '-f', 'CPU %U %S'] : [];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(wrap[0] ?? process.execPath, [...wrap.slice(1), ...(wrap.length ? [process.execPath] : []), ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} ended with ${r.status}:\n${r.stderr}`);
  const m = perf ? /^([\d.]+),msec,task-clock/m.exec(r.stderr) : /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const cpu = !m ? Number.NaN : perf ? Number(m[1]) / 1000 : Number(m[1]) + Number(m[2]);
  return { wall, cpu };
}

const runs = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let i = 0; i < rounds; i++) {
  for (const [k, args] of Object.entries(commands)) runs[k].push(run(args));
  process.stderr.write(`\rround ${i + 1}/${rounds}`);
}
process.stderr.write('\n');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const base = runs['node -e 0'];
const ratios = (k, what) => runs[k].map((r, i) => r[what] / base[i][what]);
const show = (xs) => `${median(xs).toFixed(2)}× (${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)})`;
const ms = (what) => `${(median(base.map((r) => r[what])) * 1000).toFixed(0)} ms`;
console.log(`node ${process.version}, ${rounds} interleaved rounds; median ratio to \`node -e 0\`, spread over rounds in brackets`);
console.log(`node -e 0 itself: ${ms('wall')} wall${perf || time ? `, ${ms('cpu')} CPU` : ''}\n`);
console.log(`| command | wall | ${perf || time ? 'CPU |' : ''}`);
console.log(`|---|---|${perf || time ? '---|' : ''}`);
for (const k of Object.keys(commands).slice(1)) console.log(`| ${k} | ${show(ratios(k, 'wall'))} | ${perf || time ? `${show(ratios(k, 'cpu'))} |` : ''}`);
