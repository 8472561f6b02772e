import { describe, expect, it, vi } from 'vitest';
import { VERSION } from '../src/cli/version.js';
import { samkost } from './cli.js';

/**
 * A failure samkost did not foresee — here a renderer that throws, as
 * `toFixed2` once did on an amount finer than øre — is one line on standard
 * error and exit 70, never a stack trace with the bundle's source.
 */
vi.mock('../src/render/registry.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/render/registry.js')>();
  return {
    ...real,
    render: () => {
      throw new RangeError('amount 0.005 has more than two decimals\n    at Money.toFixed2 (file:///bundle/scenario-data.js:1:14569)');
    },
  };
});

describe('an internal error', () => {
  for (const [locale, words] of [
    [
      'nb',
      /^samkost: intern feil i samkost (\S+) \(allocate\): RangeError: amount 0\.005 has more than two decimals — dette er en feil i samkost; meld fra med kommandoen og filene\n$/,
    ],
    [
      'en',
      /^samkost: internal error in samkost (\S+) \(allocate\): RangeError: amount 0\.005 has more than two decimals — this is a bug in samkost; please report it with the command and files\n$/,
    ],
  ] as const) {
    it(`is one line naming what failed and the version, and exit 70 (${locale})`, async () => {
      const run = await samkost(['allocate', 'fixtures/harstad-ibestad', '--format', 'json', '--locale', locale]);
      expect(run.code).toBe(70);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(words);
      expect(words.exec(run.stderr)![1]).toBe(VERSION);
      expect(run.stderr).not.toContain('    at ');
    });
  }
});
