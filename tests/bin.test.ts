import { describe, expect, it } from 'vitest';
import { samkostProcess } from './cli.js';

/**
 * The few tests that start `bin/samkost.js` as its own process, as a user's
 * shell does: the entry point passes the real process to run(), and the
 * exit code reaches the shell. Everything else runs the CLI in-process.
 */
describe('bin/samkost.js', () => {
  it('prints its version', () => {
    const r = samkostProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('writes a report to standard output and exits 0', () => {
    const r = samkostProcess(['allocate', 'fixtures/ror-ikt-2023-overrun', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('items');
  });

  it('exits 1 on wrong input, with a compiler-style message on standard error and no stack trace', () => {
    const r = samkostProcess(['check', 'tests/errors/key-shares-sum']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agreement\.yaml:\d+:\d+: error: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a wrong command line', () => {
    const r = samkostProcess(['allocate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'agreement'");
  });
});
