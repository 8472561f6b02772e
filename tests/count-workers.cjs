// Preloaded (`node --require`) into bin/samkost.js by tests/scenario.test.ts: says on standard error each
// worker thread the run starts, so a test can tell that a sweep was split (its output is the same either way).
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker {
  constructor(...args) {
    super(...args);
    process.stderr.write('[worker thread started]\n');
  }
};
require('node:module').syncBuiltinESMExports();
