import { describe, expect, it } from 'vitest';
import { Ratio } from '../src/money/ratio.js';
import { niceTicks } from '../src/render/sweep-chart.js';
import { samkost } from './cli.js';

/**
 * The HTML pages as a finance officer pastes them into a council report:
 * a sweep is one chart with the swept value on x and a kroner scale on y,
 * the baseline a reference, not a first point; the figures a row per
 * scenario; a page states its sign convention and its assumptions.
 */
const r = (s: string) => Ratio.parse(s)!;
const text = (ticks: Ratio[]) => ticks.map((t) => t.toDecimalString(6));

describe('the scale of a chart', () => {
  it('steps of 1, 2 or 5 × a power of ten, from below the lowest to above the highest value (hand-checked)', () => {
    // span 848 381 / 5 = 169 676,2 → step 200 000; floor(150 798 / 200 000) = 0, ceil(999 179 / 200 000) = 5.
    expect(text(niceTicks(r('150798'), r('999179')))).toEqual(['0', '200000', '400000', '600000', '800000', '1000000']);
    // span 60 / 5 = 12 → step 20; 395 → 380, 455 → 460.
    expect(text(niceTicks(r('395'), r('455')))).toEqual(['380', '400', '420', '440', '460']);
    // span 0,04 / 5 = 0,008 → step 0,01.
    expect(text(niceTicks(r('0.4'), r('0.44')))).toEqual(['0.4', '0.41', '0.42', '0.43', '0.44']);
    // Negative amounts (a credit) too.
    expect(text(niceTicks(r('-950'), r('50')))).toEqual(['-1000', '-800', '-600', '-400', '-200', '0', '200']);
  });
  it('a flat line still gets a scale of two ticks around it', () => {
    const ticks = niceTicks(r('1000'), r('1000'));
    expect(ticks.length).toBeGreaterThanOrEqual(2);
    expect(ticks[0]!.cmp(r('1000'))).toBeLessThanOrEqual(0);
    expect(ticks.at(-1)!.cmp(r('1000'))).toBeGreaterThanOrEqual(0);
  });
});

describe('scenario --format html', () => {
  const sweep = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=395..455:20', '--format', 'html'];
  it('one chart: a line per party, the baseline as a dashed reference per party, the swept path on x, a kroner scale on y', async () => {
    const html = (await samkost(sweep)).stdout;
    expect(html.match(/<svg/g)).toHaveLength(1);
    expect(html.match(/<polyline class="series"/g)).toHaveLength(5);
    expect(html.match(/<line class="reference"/g)).toHaveLength(5);
    // Four scenarios, so four points a line: the baseline is not one of them.
    const first = /<polyline class="series"[^>]* points="([^"]+)"/.exec(html)![1]!;
    expect(first.split(' ')).toHaveLength(4);
    expect(html).toContain('>items.soc.price.quantity</text>');
    for (const tick of ['400', '420', '440']) expect(html).toContain(`>${tick}</text>`);
    expect(html).toMatch(/>1 000 000<\/text>/);
    expect(html).toContain('stiplet: grunnlaget');
  });
  it('the figures a row per scenario, named by the swept value, the baseline first', async () => {
    const html = (await samkost(sweep)).stdout;
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    const rows = [...table.matchAll(/<tr><td>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(rows).toEqual(['Grunnlag (avtalen)', '395', '415', '435', '455']);
    // Molde at 455 servers, as the JSON gives it.
    const json = JSON.parse((await samkost(sweep.slice(0, -1).concat('json'))).stdout) as { scenarios: { parties: { id: string; charged: string }[] }[] };
    expect(json.scenarios[4]!.parties.find((p) => p.id === 'molde')!.charged).toBe('999179.00');
    expect(table).toContain('999 179,00');
  });
  it('a percentage sweep reads in percent on x', async () => {
    const html = (await samkost(['scenario', 'fixtures/harstad-ibestad', '--sweep', 'items.variabel.percent=3%..7%:1%', '--format', 'html'])).stdout;
    expect(html).toContain('>items.variabel.percent (%)</text>');
    for (const tick of ['3 %', '5 %', '7 %']) expect(html).toContain(`>${tick}</text>`);
  });
  it('scenarios that are not a sweep of one number are named on x', async () => {
    const html = (await samkost(['scenario', 'fixtures/ror-ikt-2024-soc', '--set', 'items.soc.price.quantity=430', '--format', 'html'])).stdout;
    expect(html).toContain('>Scenario</text>');
  });
});

describe('the pages say what their figures mean', () => {
  it('deviation states its sign convention', async () => {
    const html = (await samkost(['deviation', 'fixtures/ror-ikt-2023-operating', '--format', 'html'])).stdout;
    expect(html).toContain('<p class="note">Avvik = budsjett − regnskap (negativt avvik er merforbruk).</p>');
    const other = (await samkost(['deviation', 'fixtures/ror-ikt-2023-operating', '--format', 'html', '--sign', 'actual-minus-budget'])).stdout;
    expect(other).toContain('<p class="note">Avvik = regnskap − budsjett (positivt avvik er merforbruk).</p>');
  });
  it('a projection names the index changes it assumed', async () => {
    const args = [
      'scenario',
      'fixtures/melhus-midtre-gauldal-2009-2012',
      '--years',
      '2009..2013',
      '--assume',
      'samarbeid=2.4%',
      '--assume',
      'alene=3%',
      '--format',
      'html',
    ];
    const html = (await samkost(args)).stdout;
    expect(html).toContain('<p class="note">Antatt: samarbeid 2012: 2.4%, samarbeid 2013: 2.4%, alene 2013: 3%</p>');
  });
});
