import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tempDir } from './temp.js';

/** The real browser and PDF reader the page tests print with; `.ci/run` installs them. SAMKOST_SKIP_BROWSER=1 skips those tests. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
export const POPPLER = existsSync('/usr/bin/pdftotext') && existsSync('/usr/bin/pdfinfo');
export const skip = process.env.SAMKOST_SKIP_BROWSER === '1';

/** nb format written out here, not borrowed from src: `-1234567.8` → `-1 234 567,80`. */
export function nb(amount: string): string {
  const [int, frac] = amount.replace('-', '').split('.') as [string, string];
  return `${amount.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${frac}`;
}

export function printToPdf(html: string, pdf: string): void {
  const profile = tempDir('chromium');
  const r = spawnSync(
    CHROMIUM!,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--no-pdf-header-footer',
      `--print-to-pdf=${pdf}`,
      `file://${html}`,
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (!existsSync(pdf)) throw new Error(`chromium wrote no PDF (exit ${r.status}): ${r.stderr}`);
}
