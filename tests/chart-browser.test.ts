import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { Browser, CHROMIUM, nb, skip } from './browser.js';
import { samkost } from './cli.js';

/**
 * `deviation --format html`: one self-contained page — budget against actual
 * per party as inline SVG bars, then the report's tables. Printed by the real
 * browser and read back: it renders, every party is on it, and the figures in
 * its table are the JSON's.
 */
const FIXTURES = ['ror-ikt-2023-operating', 'ror-ikt-2023-investment'];

interface DeviationJson {
  parties: { id: string; name: string }[];
  party_deviations: { id: string; budget: string; actual: string; deviation: string }[];
}

describe('deviation --format html', () => {
  let browser: Browser;
  beforeAll(() => {
    if (!skip) browser = new Browser();
  });
  afterAll(() => browser?.close());
  it('is one page that needs no network: no script, no stylesheet or image fetched', async () => {
    const html = (await samkost(['deviation', `fixtures/${FIXTURES[0]}`, '--format', 'html'])).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });
  describe.skipIf(skip)('in a real browser', () => {
    for (const fixture of FIXTURES) {
      it(`${fixture}: renders, with every party and the JSON's figures`, { timeout: 120_000 }, async () => {
        const dir = tempDir('chart');
        const html = path.join(dir, 'avvik.html');
        writeFileSync(html, (await samkost(['deviation', `fixtures/${fixture}`, '--format', 'html'])).stdout);
        const json = JSON.parse((await samkost(['deviation', `fixtures/${fixture}`, '--format', 'json'])).stdout) as DeviationJson;
        expect(CHROMIUM).toBeDefined();
        const pdf = path.join(dir, 'avvik.pdf');
        await browser.print(html, pdf);
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[\u00a0\u202f]/g, ' ');
        expect(json.party_deviations.length).toBeGreaterThan(1);
        for (const p of json.party_deviations) {
          const name = json.parties.find((q) => q.id === p.id)!.name;
          expect(text, name).toContain(name);
          for (const amount of [p.budget, p.actual, p.deviation]) expect(text, `${name} ${amount}`).toContain(nb(amount));
        }
      });
    }
  });

  describe.skipIf(skip)('scenario --format html in a real browser', () => {
    const print = async (args: string[]) => {
      const dir = tempDir('chart');
      const html = path.join(dir, 'scenario.html');
      const page = (await samkost([...args, '--format', 'html'])).stdout;
      expect(page).not.toMatch(/<script|<link|<img|src=|url\(/i);
      writeFileSync(html, page);
      await browser.print(html, path.join(dir, 'scenario.pdf'));
      return spawnSync('pdftotext', ['-layout', path.join(dir, 'scenario.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/[\u00a0\u202f]/g, ' ');
    };
    it('a sweep: one chart of every party, and every charge of the JSON in the tables', { timeout: 120_000 }, async () => {
      const args = ['scenario', 'fixtures/ror-ikt-2024-soc', '--sweep', 'items.soc.price.quantity=395..455:20'];
      const text = await print(args);
      const json = JSON.parse((await samkost([...args, '--format', 'json'])).stdout) as { scenarios: { parties: { id: string; charged: string }[] }[] };
      for (const name of ['Molde kommune', 'Vestnes kommune', 'Rauma kommune', 'Aukra kommune', 'Hustadvika kommune']) expect(text).toContain(name);
      for (const s of json.scenarios) for (const p of s.parties) expect(text, `${p.id} ${p.charged}`).toContain(nb(p.charged));
    });
    it('--years: a chart per party, and every year of the JSON in the tables', { timeout: 120_000 }, async () => {
      const args = ['scenario', 'fixtures/melhus-midtre-gauldal-2009-2012', '--years', '2009..2012', '--assume', 'samarbeid=2.4%'];
      const text = await print(args);
      const json = JSON.parse((await samkost([...args, '--format', 'json'])).stdout) as {
        years: { parties: { id: string; charged: string; alone: string }[] }[];
      };
      for (const name of ['Melhus kommune', 'Midtre Gauldal kommune']) expect(text).toContain(name);
      for (const y of json.years) for (const p of y.parties) for (const amount of [p.charged, p.alone]) expect(text, `${p.id} ${amount}`).toContain(nb(amount));
    });
  });
});
