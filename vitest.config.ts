import { defineConfig } from 'vitest/config';

// The test files share their workers' module cache (isolate: false): each
// would otherwise import and transform src/ afresh, about a third of the
// suite's time. A file that mocks a module needs a fresh cache of its own and
// runs isolated. The global setup (a build when stale, the run's own TMPDIR)
// is the root's, run once; the projects only say how their files run.
const mocking = ['tests/internal-error.test.ts'];
const each = { testTimeout: 30000, setupFiles: ['tests/setup.ts'] };

export default defineConfig({
  test: {
    // One more worker than the machine's two cores: the browser, bin/ and worker-thread tests spend much of
    // their time waiting on other processes, which a third worker fills (measured: 64 s with 2, 50–55 s with 3, 60 s with 4).
    maxWorkers: 3,
    globalSetup: ['tests/global-setup.ts'],
    projects: [
      { test: { ...each, name: 'shared', include: ['tests/**/*.test.ts'], exclude: mocking, isolate: false } },
      { test: { ...each, name: 'isolated', include: mocking } },
    ],
  },
});
