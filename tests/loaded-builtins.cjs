// Preloaded (`node --require`) into bin/samkost.js by tests/bin.test.ts: at exit, says on standard error which of
// Node's stream modules the run loaded (written to the descriptor, so that saying it loads none).
process.on('exit', () => {
  const loaded = ['stream', 'net', 'tty'].filter((m) => process.moduleLoadList.includes(`NativeModule ${m}`));
  require('node:fs').writeSync(2, `[loaded: ${loaded.join(' ')}]\n`);
});
