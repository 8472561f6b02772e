import type { DeviationLine, DeviationReport } from '../reports/deviation.js';
import type { Money } from '../money/money.js';
import { deviationDoc } from './deviation-text.js';
import { label } from './labels.js';
import { formatMoney, type Locale } from './locale.js';
import { escapeMarkup as esc } from './markup.js';
import { docTables, htmlPage, pixels } from './page.js';

/** The widest bar, in pixels. */
const BAR = 360;

/**
 * The deviation table as one self-contained page: budget against actual per
 * party as bars (inline SVG, nothing fetched), then every table of the text
 * report. Opens in any browser, prints on A4.
 */
export function deviationHtml(r: DeviationReport, locale: Locale): string {
  const a = r.actual.agreement;
  const rows = r.parties.map((p) => ({ name: p.party.name, line: p.total }));
  const body = `<h2>${esc(label('perParty', locale))}</h2>\n${partyChart(rows, locale)}\n${docTables(deviationDoc(r, { locale, thousands: false }))}`;
  return htmlPage(`${a.title} ${a.year} — ${label('deviation', locale)}`, locale, body);
}

/** Two bars a party, budget over actual, scaled to the largest amount; each labelled with its amount. */
function partyChart(rows: readonly { name: string; line: DeviationLine }[], locale: Locale): string {
  const largest = rows
    .flatMap((r) => [r.line.budget.abs(), r.line.actual.abs()])
    .reduce<Money | null>((m, x) => (m === null || x.toRatio().cmp(m.toRatio()) > 0 ? x : m), null);
  // A bar's length is a pixel count: the exact ratio to the largest amount, rounded to a whole pixel.
  const width = (x: Money) => (largest === null ? 0 : pixels(x.abs().toRatio(), largest.toRatio(), BAR));
  const nameWidth = 180;
  const rowHeight = 44;
  const bars = rows
    .map((row, i) => {
      const y = 10 + i * rowHeight;
      const bar = (cls: string, dy: number, x: Money, what: string) =>
        `<rect class="${cls}" x="${nameWidth}" y="${y + dy}" width="${width(x)}" height="14"><title>${esc(`${row.name}, ${what}: ${formatMoney(x, locale)}`)}</title></rect>` +
        `<text x="${nameWidth + width(x) + 6}" y="${y + dy + 11}">${esc(formatMoney(x, locale))}</text>`;
      return `<text x="0" y="${y + 18}">${esc(row.name)}</text>${bar('budget', 0, row.line.budget, label('budget', locale))}${bar('actual', 16, row.line.actual, label('actual', locale))}`;
    })
    .join('\n');
  const height = 20 + rows.length * rowHeight;
  const legend = `<rect class="budget" x="${nameWidth}" y="${height - 8}" width="12" height="12"/><text x="${nameWidth + 16}" y="${height + 2}">${esc(label('budget', locale))}</text><rect class="actual" x="${nameWidth + 110}" y="${height - 8}" width="12" height="12"/><text x="${nameWidth + 126}" y="${height + 2}">${esc(label('actual', locale))}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${nameWidth + BAR + 140}" height="${height + 12}" role="img" aria-label="${esc(label('perParty', locale))}">\n${bars}\n${legend}\n</svg>`;
}
