import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './temp.js';
import { Browser, CHROMIUM, nb, POPPLER, skip } from './browser.js';
import { ROOT, samkost } from './cli.js';

/**
 * Every HTML invoice the fixtures produce, printed by a real browser
 * (Debian's chromium, headless) to PDF, then read back with poppler: the
 * page must be A4 at full size; a short invoice fits one page, a long one
 * runs over several, each with the invoice number, KID and page number at
 * its foot; the total is printed once, at the end; and every amount, the
 * KID, the reference, the org numbers and the account number are printed. The
 * expected figures come from the same invoice's JSON, written independently
 * of the HTML. `.ci/run` installs chromium and poppler-utils; set
 * SAMKOST_SKIP_BROWSER=1 to skip this test on a machine without them.
 */
const A4 = { width: 595.28, height: 841.89 };

interface InvoiceJson {
  number: string;
  kid: string;
  type: 'invoice' | 'credit-note' | 'statement';
  seller: { org: string; bank_account: string };
  buyer: { org: string; name: string; reference: string };
  lines: { amount: string }[];
  kinds: Record<string, { charged: string; paid: string; balance: string }>;
  document_totals: { payable: string };
}

const fixtures = readdirSync(path.join(ROOT, 'fixtures')).filter((f) => existsSync(path.join(ROOT, 'fixtures', f, 'expected/invoices')));

describe.skipIf(skip)('HTML invoices in a real browser', () => {
  let browser: Browser;
  beforeAll(() => {
    browser = new Browser();
  });
  afterAll(() => browser.close());
  it('has a browser and poppler to test with (install chromium and poppler-utils, or set SAMKOST_SKIP_BROWSER=1)', () => {
    expect(CHROMIUM).toBeDefined();
    expect(POPPLER).toBe(true);
  });
  it('has fixtures with invoices', () => expect(fixtures.length).toBeGreaterThanOrEqual(3));

  for (const fixture of fixtures) {
    it(`${fixture}: each invoice prints on A4 at full size, with its number, KID and page number on every page and every amount on it`, {
      timeout: 180_000,
    }, async () => {
      const out = tempDir('browser');
      const year = Number(/^year: (\d{4})$/m.exec(readFileSync(path.join(ROOT, 'fixtures', fixture, 'agreement.yaml'), 'utf8'))![1]);
      for (const format of ['html', 'json'])
        expect((await samkost(['invoices', `fixtures/${fixture}`, '--out', out, '--format', format, '--date', `${year + 1}-01-10`])).code).toBe(0);
      const pages = readdirSync(out).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(0);
      for (const page of pages) {
        const html = path.join(out, page);
        const pdf = html.replace(/\.html$/, '.pdf');
        await browser.print(html, pdf);
        const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
        const count = Number(/^Pages:\s+(\d+)$/m.exec(info)![1]);
        const [, w, h] = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(info)!;
        expect(Math.abs(Number(w) - A4.width)).toBeLessThan(1.5);
        expect(Math.abs(Number(h) - A4.height)).toBeLessThan(1.5);
        // Chromium shrinks a document that is too wide to fit; printed at full size, the 17 pt title
        // has a word box about 19.7 pt high, shrunk it would be smaller.
        const heights = [
          ...spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g),
        ].map((m) => Number(m[2]) - Number(m[1]));
        expect(Math.max(...heights), `${page} is printed at full size`).toBeGreaterThan(19.2);
        const inv = JSON.parse(readFileSync(html.replace(/\.html$/, '.json'), 'utf8')) as InvoiceJson;
        // Only text inside the A4 page area counts: anything pushed off the page is missing here.
        const pageText = (n: number) =>
          spawnSync(
            'pdftotext',
            [
              '-f',
              String(n),
              '-l',
              String(n),
              '-x',
              '0',
              '-y',
              '0',
              '-W',
              String(Math.floor(Number(w))),
              '-H',
              String(Math.floor(Number(h))),
              '-layout',
              pdf,
              '-',
            ],
            { encoding: 'utf8' },
          ).stdout.replace(/[\u00a0\u202f]/g, ' ');
        const texts = Array.from({ length: count }, (_, i) => pageText(i + 1));
        texts.forEach((t, i) => {
          // A credit note has no KID, a statement neither number nor KID.
          expect(t, `${page} page ${i + 1} names the invoice`).toContain(
            inv.type === 'credit-note'
              ? `Kreditnota ${inv.number}`
              : inv.type === 'statement'
                ? 'Årsoppgjør – kontoutskrift'
                : `Faktura ${inv.number} · KID ${inv.kid}`,
          );
          expect(t, `${page} page ${i + 1} is numbered`).toContain(`Side ${i + 1} / ${count}`);
        });
        const text = texts.join('\n');
        // The total is printed once, at the end — not repeated at the foot of every page.
        const total = inv.type === 'credit-note' ? 'Til gode' : inv.type === 'statement' ? 'Ingenting å betale' : 'Å betale';
        expect(text.split(total).length - 1, `${page} prints "${total}" once`).toBe(1);
        expect(texts.at(-1)!.includes(total) || texts.at(-2)!.includes(total), `${page} ends with the total`).toBe(true);
        const expected = [
          nb(inv.document_totals.payable),
          ...inv.lines.map((l) => nb(l.amount)),
          ...Object.values(inv.kinds).flatMap((t) => [nb(t.charged), nb(t.balance)]),
          inv.buyer.reference,
          inv.seller.org,
          inv.buyer.org,
          inv.buyer.name,
          // Only an invoice asks for a payment into the host's account.
          ...(inv.type === 'invoice'
            ? [`${inv.seller.bank_account.slice(0, 4)}.${inv.seller.bank_account.slice(4, 6)}.${inv.seller.bank_account.slice(6)}`]
            : []),
        ];
        for (const s of expected) expect(text, `${page} shows ${s}`).toContain(s);
        if (fixture === 'namsos-flatanger-2024-invoices') expect(inv.lines.length, 'the long invoice has 40 lines').toBeGreaterThanOrEqual(40);
        if (inv.lines.length >= 40) expect(count, `${page}: ${inv.lines.length} lines run over several pages`).toBeGreaterThan(1);
        else expect(count, `${page} fits one page`).toBe(1);
      }
    });
  }
});
