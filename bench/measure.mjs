// Runs a script in this process and reports its peak memory on stderr as
// `BENCH {"maxRssKb":…}`, so every program is measured the same way.
// The peak is VmHWM from /proc/self/status: Linux carries the parent's peak
// RSS into getrusage's maxRSS across fork and exec, so a bench process that
// grew to 266 MB generating data made every program it started read 266 MB.
//
//   node bench/measure.mjs <script> [args...]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
const peakKb = () => {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'latin1'));
    if (hwm) return Number(hwm[1]);
  } catch {}
  return process.resourceUsage().maxRSS;
};
process.on('exit', () => process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssKb: peakKb() })}\n`));
await import(pathToFileURL(path.resolve(script)).href);
