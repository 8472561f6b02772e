import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM, nb, printToPdf, skip } from './browser.js';
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
  party_deviations: { id: string; total: { budget: string; actual: string; deviation: string } }[];
}

describe('deviation --format html', () => {
  it('is one page that needs no network: no script, no stylesheet or image fetched', async () => {
    const html = (await samkost(['deviation', `fixtures/${FIXTURES[0]}`, '--format', 'html'])).stdout;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });
  describe.skipIf(skip)('in a real browser', () => {
    for (const fixture of FIXTURES) {
      it(`${fixture}: renders, with every party and the JSON's figures`, { timeout: 120_000 }, async () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'samkost-chart-'));
        const html = path.join(dir, 'avvik.html');
        writeFileSync(html, (await samkost(['deviation', `fixtures/${fixture}`, '--format', 'html'])).stdout);
        const json = JSON.parse((await samkost(['deviation', `fixtures/${fixture}`, '--format', 'json'])).stdout) as DeviationJson;
        expect(CHROMIUM).toBeDefined();
        const pdf = path.join(dir, 'avvik.pdf');
        printToPdf(html, pdf);
        const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/[\u00a0\u202f]/g, ' ');
        expect(json.party_deviations.length).toBeGreaterThan(1);
        for (const p of json.party_deviations) {
          const name = json.parties.find((q) => q.id === p.id)!.name;
          expect(text, name).toContain(name);
          for (const amount of [p.total.budget, p.total.actual, p.total.deviation]) expect(text, `${name} ${amount}`).toContain(nb(amount));
        }
      });
    }
  });
});
