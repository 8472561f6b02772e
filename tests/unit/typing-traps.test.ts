import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareRate, readRate } from '../../src/agreement/percent.js';
import { readAgreement } from '../../src/agreement/read.js';
import { scanKroner } from '../../src/inputs/amount.js';
import { Ratio } from '../../src/money/ratio.js';
import { isRatePath } from '../../src/scenario/set.js';
import { parseAssume, parseSweep } from '../../src/cli/scenario-args.js';
import { sweepValue } from '../../src/scenario/sweep.js';

/** A sweep's path and every value it makes, in order. */
function swept(text: string): unknown {
  const s = parseSweep(text);
  return 'error' in s ? s : { path: s.path, values: Array.from({ length: s.count }, (_, i) => sweepValue(s, i)) };
}
import { said } from '../../src/text/said.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

/** A decimal as written: an optional minus, digits, optional decimals. */
const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}`);

describe('a rate as written', () => {
  it('with % is that many hundredths; bare, it is a fraction below one and refused from one up (fast-check)', () => {
    fc.assert(
      fc.property(decimal, (text) => {
        const value = Ratio.parseDecimal(text)!;
        const percent = readRate(`${text}%`);
        expect(percent).toEqual({ kind: 'rate', value: value.div(Ratio.of(100n)) });
        expect(readRate(`${text} %`)).toEqual(percent);
        const bare = readRate(text);
        if (value.abs().cmp(Ratio.ONE) < 0) expect(bare).toEqual({ kind: 'rate', value });
        else expect(bare).toEqual({ kind: 'bare', text, asWritten: value });
      }),
    );
  });

  it('an exact fraction is always a rate, whatever its size', () => {
    expect(readRate('1/3')).toEqual({ kind: 'rate', value: Ratio.of(1n, 3n) });
    expect(readRate('3/2')).toEqual({ kind: 'rate', value: Ratio.of(3n, 2n) });
  });

  it('takes a decimal comma only where asked (the command line)', () => {
    expect(readRate('3,0%')).toBeNull();
    expect(readRate('3,0%', true)).toEqual({ kind: 'rate', value: Ratio.of(3n, 100n) });
    expect(readRate('3,5', true)).toEqual({ kind: 'bare', text: '3.5', asWritten: Ratio.of(7n, 2n) });
  });

  it('names both readings and the fix', () => {
    const r = readRate('-2')!;
    expect(r.kind).toBe('bare');
    const { message, hint } = bareRate(r as Extract<typeof r, { kind: 'bare' }>, said('endringen', 'the change'));
    expect(message.en).toBe("the change is written without %: '-2' could mean -2 % or -2 × 100 % = -200 %");
    expect(hint.nb).toBe('skriv -2% for -2 % (eller -200% om det er ment)');
  });
});

describe('rate paths', () => {
  it('are the format’s shares, weights and rates, by position or by id', () => {
    for (const p of [
      'items.variabel.percent',
      'items.3.percent',
      'keys.k.shares.molde',
      'keys.k.blend.0.weight',
      'keys.k.precision',
      'indices.deflator.2027',
      'settlement.akonto.1.part',
    ])
      expect(isRatePath(p), p).toBe(true);
    for (const p of ['items.soc.price.quantity', 'items.x.amount', 'parties.a.population', 'year', 'indices.deflator', 'keys.k.blend.0.key', 'budget.lonn'])
      expect(isRatePath(p), p).toBe(false);
  });

  it('refuse a bare sweep and a bare assumption, and take the decimal comma in an assumption', () => {
    expect(parseSweep('items.variabel.percent=3..8')).toHaveProperty('error');
    expect(swept('items.variabel.percent=3%..8%')).toEqual({ path: 'items.variabel.percent', values: ['3%', '4%', '5%', '6%', '7%', '8%'] });
    expect(swept('items.variabel.percent=0.03..0.05:0.01')).toEqual({ path: 'items.variabel.percent', values: ['0.03', '0.04', '0.05'] });
    expect(swept('items.soc.price.quantity=3..5')).toEqual({ path: 'items.soc.price.quantity', values: ['3', '4', '5'] });
    expect(parseAssume('deflator=3')).toHaveProperty('error');
    expect(parseAssume('deflator=3,0%')).toEqual({ series: 'deflator', change: '3.0%' });
    expect(parseAssume('deflator.2027=0.03')).toEqual({ series: 'deflator', change: '0.03', year: 2027 });
  });
});

describe('an amount in kroner', () => {
  const style = { decimal: ',' as const, declared: true };
  it('in an input file is exact to the øre, and a fraction of an øre is an error (fast-check)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 6 }), (units, scale) => {
        const text =
          (units < 0n ? '-' : '') +
          Ratio.of(units < 0n ? -units : units, 10n ** BigInt(scale))
            .toDecimalString(scale)
            .replace('.', ',');
        const read = scanKroner(text, style);
        const wholeOre = scale <= 2 || units % 10n ** BigInt(scale - 2) === 0n;
        expect('error' in read).toBe(!wholeOre);
      }),
    );
  });
});

describe('the agreement reader', () => {
  const agreement = (line: string) =>
    `samkost: 1\nagreement: T\nyear: 2024\nhost: a\nparties:\n  a: { name: A }\n  b: { name: B }\n${line}\nitems:\n  - { id: x, label: X, amount: 1000, key: k }\n`;
  const codes = (text: string) => readAgreement(parseYaml(text), 'a.yaml', (p) => p).diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`);

  it('keeps a decimal share below one, as before', () => {
    expect(codes(agreement('keys:\n  k: { shares: { a: 0.25, b: 0.75 } }'))).toEqual([]);
  });
  it('reads a comma in a { … } value as one mistake, whatever follows it', () => {
    expect(codes(agreement('keys:\n  k: { shares: { a: 0,25, b: 75% } }'))).toEqual(['flow-comma@9:21']);
    expect(codes(agreement('keys:\n  k: { shares: { a: 24,5%, b: 75.5% } }'))).toEqual(['flow-comma@9:21']);
    // A name with no value after a list or a mapping is not a cut value: it stays an unknown field.
    expect(codes(agreement('keys:\n  k: { parties: [a, b], equal: true, foo }'))).toEqual(['unknown-field@9:38']);
  });
});
