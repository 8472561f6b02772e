import { localeOf } from './command-line-words.js';
import { processIo } from './io.js';
import { run } from './run.js';

// The entry point of the bundle bin/samkost.js loads: the real process, handed to run().
// Not awaited at the top level: the chunks a command loads later import from this one,
// and an import of a module still awaiting at its top level would wait for it forever.
const argv = process.argv.slice(2);
void run(argv, processIo(localeOf(argv))).then((code) => {
  process.exitCode = code;
});
