import { Ratio } from '../money/ratio.js';
import type { Money } from '../money/money.js';
import type { Doc } from './doc.js';
import { formatMoney, type Locale } from './locale.js';
import { escapeMarkup as esc } from './markup.js';

/** A self-contained HTML page: inline style, nothing fetched, prints on A4 (`wide`: landscape, small type, for tables of many columns). */
export function htmlPage(title: string, locale: Locale, body: string, wide = false): string {
  return `<!doctype html>
<html lang="${locale === 'nb' ? 'nb' : 'en'}">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; color: #222; }
table { border-collapse: collapse; margin: 1em 0 2em; }
th, td { padding: 0.2em 0.8em; border-bottom: 1px solid #ddd; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.budget { fill: #9db4d3; } .actual { fill: #2b5a8c; }
.line { fill: none; stroke: #2b5a8c; stroke-width: 2; } .line.second { stroke: #c4622d; stroke-dasharray: 4 3; }
.charts { display: flex; flex-wrap: wrap; gap: 1em; }
figure { margin: 0; } figcaption { font-weight: 600; }
.grid { stroke: #e3e3e3; } .axis { stroke: #555; } .tick { fill: #333; }
.series { fill: none; stroke-width: 2; } .reference { stroke-width: 1; stroke-dasharray: 5 4; opacity: 0.7; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.2em; font-size: 0.9em; }
.swatch { display: inline-block; width: 1.4em; height: 0.35em; margin-right: 0.4em; vertical-align: middle; }
.swatch.reference { border-top: 2px dashed #555; height: 0; }
thead th, thead th.num { white-space: normal; vertical-align: bottom; }
svg text { font-size: 12px; }
@page { size: A4${wide ? ' landscape' : ''}; margin: 12mm; }${wide ? '\ntable { font-size: 9px; } th, td { padding: 0.15em 0.4em; }' : ''}
</style>
</head>
<body>
<h1>${esc(title)}</h1>
${body}
</body>
</html>
`;
}

/** Every block of a report document as an HTML table: the same figures as the text report. */
export function docTables(doc: Doc): string {
  const notes = doc.notes
    .filter(Boolean)
    .map((n) => `<p class="note">${esc(n)}</p>\n`)
    .join('');
  return (
    notes +
    doc.blocks
      .map((b) => {
        const head = b.columns.map((c) => `<th${c.align === 'right' ? ' class="num"' : ''}>${esc(c.title)}</th>`).join('');
        const row = (cells: readonly string[], tag: 'td' | 'th') =>
          `<tr>${cells.map((c, i) => `<${tag}${b.columns[i]?.align === 'right' ? ' class="num"' : ''}>${esc(c)}</${tag}>`).join('')}</tr>`;
        const notes = b.notes.map((n) => `<p>${esc(n)}</p>`).join('\n');
        return `<h2>${esc(b.heading)}</h2>\n${notes}\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${b.rows.map((r) => row(r, 'td')).join('\n')}\n${b.footer.map((r) => row(r, 'th')).join('\n')}\n</tbody>\n</table>`;
      })
      .join('\n')
  );
}

/** The exact fraction `x` is of `whole`, as a whole number of pixels out of `pixels`: geometry, never an amount. */
export function pixels(x: Ratio, whole: Ratio, pixels: number): number {
  return whole.isZero()
    ? 0
    : Number(
        x
          .div(whole)
          .times(Ratio.of(BigInt(pixels)))
          .roundHalfAwayFromZero(),
      );
}

/**
 * One small line chart: an amount per point along the x axis (scenarios or
 * years), a line for each series, scaled between the smallest and largest
 * amount shown; the first and last value are written out.
 */
export function lineChart(caption: string, xLabels: readonly string[], series: readonly { readonly values: readonly Money[] }[], locale: Locale): string {
  const width = 260;
  const height = 120;
  const all = series.flatMap((s) => s.values.map((v) => v.toRatio()));
  const low = all.reduce((m, x) => (x.cmp(m) < 0 ? x : m), all[0] ?? Ratio.ZERO);
  const high = all.reduce((m, x) => (x.cmp(m) > 0 ? x : m), all[0] ?? Ratio.ZERO);
  const span = high.minus(low);
  const x = (i: number) => 40 + (xLabels.length < 2 ? 0 : pixels(Ratio.of(BigInt(i)), Ratio.of(BigInt(xLabels.length - 1)), width - 60));
  const y = (v: Money) => 20 + (height - 40) - pixels(v.toRatio().minus(low), span, height - 40);
  const lines = series
    .map((s, k) => `<polyline class="line${k > 0 ? ' second' : ''}" points="${s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>`)
    .join('');
  const first = series[0]?.values[0];
  const last = series[0]?.values.at(-1);
  const ends =
    first && last
      ? `<text x="${x(0)}" y="${height - 4}">${esc(xLabels[0] ?? '')}</text><text x="${x(xLabels.length - 1) - 40}" y="${height - 4}">${esc(xLabels.at(-1) ?? '')}</text>` +
        `<text x="0" y="12">${esc(formatMoney(first, locale))} → ${esc(formatMoney(last, locale))}</text>`
      : '';
  return `<figure><figcaption>${esc(caption)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(caption)}">${lines}${ends}</svg></figure>`;
}
