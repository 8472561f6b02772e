import { processIo } from './io.js';
import { run } from './run.js';

// The entry point of the bundle bin/samkost.js loads: the real process, handed to run().
process.exitCode = await run(process.argv.slice(2), processIo());
