import { localeOf } from './command-line-words.js';
import { processIo } from './io.js';
import { run } from './run.js';

// The entry point of the bundle bin/samkost.js loads: the real process, handed to run().
// Not awaited at the top level: the chunks a command loads later import from this one,
// and an import of a module still awaiting at its top level would wait for it forever.
const argv = process.argv.slice(2);
const io = processIo(localeOf(argv));
void run(argv, io).then((code) => {
  process.exitCode = code;
  // With nothing left to happen (every byte written straight to its descriptor, no stream that may still be writing
  // or about to report a failure, no worker, timer or request for the event loop), the run ends here: Node would go
  // on to V8's pending background work, often a garbage collection of a heap about to be thrown away, and tear the
  // heap down (issue 24: a few per cent of `check`). The 'exit' listeners (temporary files) still run.
  if (!io.streamed() && process.getActiveResourcesInfo().length === 0) process.exit();
});
