import { localeOf } from './command-line-words.js';
import { processIo } from './io.js';
import { run } from './run.js';

// The entry point of the bundle bin/samkost.js loads: the real process, handed to run().
const argv = process.argv.slice(2);
process.exitCode = await run(argv, processIo(localeOf(argv)));
