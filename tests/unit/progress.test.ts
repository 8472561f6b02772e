import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';

/** A fake stderr and clock: what a long read prints, and when it prints nothing. */
function run(isTTY: boolean, quiet: boolean, readMs: number, locale: 'nb' | 'en' = 'nb'): string {
  let written = '';
  const stream = {
    isTTY,
    write: (s: string) => {
      written += s;
    },
  };
  let now = 0;
  const p = Progress.for(stream, quiet, locale, () => now);
  for (let ms = 0; ms <= readMs; ms += 50) {
    now = ms;
    p.update('gl.csv', ms * 1000, ms, readMs);
  }
  p.done();
  return written;
}

describe('progress on stderr', () => {
  it('shows rows read and rate during a long read on a terminal, then clears the line', () => {
    const out = run(true, false, 2000);
    expect(out).toMatch(/leser gl\.csv: 1 000 000 rader \(50 %\), [\d,]+ mill\. rader\/s/);
    expect(run(true, false, 2000, 'en')).toMatch(/reading gl\.csv: 1 000 000 rows \(50 %\), [\d.]+ M rows\/s/);
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
  it('is silent when stderr is not a terminal', () => expect(run(false, false, 2000)).toBe(''));
  it('is silent with --quiet', () => expect(run(true, true, 2000)).toBe(''));
  it('is silent for a short read', () => expect(run(true, false, 200)).toBe(''));
});
