// One file for the CLI and one for the sweep worker (with what they share):
// Node then resolves and loads a handful of files at start-up instead of
// two hundred, which is most of the time `samkost check` takes.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: { samkost: 'dist/cli/bin.js', 'sweep-worker': 'dist/cli/sweep-worker.js' },
  platform: 'node',
  output: { dir: 'dist/bundle', format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name].js', minify: true },
});
