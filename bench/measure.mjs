// Runs a script in this process and reports its peak memory on stderr as
// `BENCH {"maxRssKb":…}`, so every program is measured the same way.
//
//   node bench/measure.mjs <script> [args...]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => process.stderr.write(`\nBENCH ${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`));
await import(pathToFileURL(path.resolve(script)).href);
