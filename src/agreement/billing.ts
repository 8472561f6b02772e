import type { Diagnostics, SourcePos } from '../diagnostics/diagnostic.js';
import { addDays, dateNb, endOfMonth } from '../dates/date.js';
import { type Said, said } from '../text/said.js';
import { isOneOf } from './one-of.js';
import { PRORATES, type Agreement, type Connection, type Price, type PricePeriod, type Prorate, type Tier } from './model.js';
import { field, party } from './phrases.js';
import { isMap, type Entry, type YamlReader } from './yaml-nodes.js';

/**
 * `periods:` under a per-party `price:` — the price changes at dates within
 * the year: `[{ from: 2021-01-01, steps: … }, { from: 2021-07-01 }]`. A
 * period without `unit:`/`steps:` is at the price as written. Dates are
 * checked against the year once the whole agreement is read ({@link checkBilling}).
 */
export function readPricePeriods(
  r: YamlReader,
  e: Entry,
  where: Said,
  kind: Price['kind'] | null,
  readTiers: (e: Entry, where: Said) => Tier[] | null,
): PricePeriod[] | null {
  const what = field('periods', field('price', where));
  const list = r.seq(e.value, what, e.valueAt);
  if (!list) return null;
  if (list.length === 0) {
    r.diags.error(
      e.valueAt,
      'price-periods',
      said(`${what.nb} er tom`, `periods of the price of ${where.en} are empty`),
      said(
        'skriv periods: [{ from: 2024-01-01, unit: 10 }, { from: 2024-07-01, unit: 20 }], eller fjern periods:',
        'write periods: [{ from: 2024-01-01, unit: 10 }, { from: 2024-07-01, unit: 20 }], or remove periods:',
      ),
    );
    return null;
  }
  const periods: PricePeriod[] = [];
  let ok = true;
  list.forEach((n, i) => {
    const at = r.pos(n, e.valueAt);
    const period = said(`periode ${i + 1} i prisen til ${where.nb}`, `period ${i + 1} of the price of ${where.en}`);
    const fields = r.map(n, period, at);
    if (!fields) {
      ok = false;
      return;
    }
    r.onlyFields(fields, ['from', 'to', 'unit', 'steps'], period);
    const f = (name: string) => fields.find((x) => x.key === name);
    const from = f('from');
    if (!from) {
      r.diags.error(
        at,
        'price-periods',
        said(`${period.nb} har ingen from:`, `${period.en} has no from:`),
        said(
          'skriv from: med datoen prisen gjelder fra, f.eks. { from: 2024-07-01, unit: 20 }',
          'write from: with the date the price applies from, e.g. { from: 2024-07-01, unit: 20 }',
        ),
      );
      ok = false;
      return;
    }
    const fromDate = r.date(from.value, field('from', period), from.valueAt);
    const to = f('to');
    const toDate = to ? r.date(to.value, field('to', period), to.valueAt) : undefined;
    const unit = f('unit');
    const steps = f('steps');
    const mismatch = (kind === 'unit' && steps) || (kind === 'tiered' && unit) || (unit && steps);
    if (mismatch) {
      r.diags.error(
        mismatch.at,
        'price-periods',
        said(
          `${period.nb} har ${mismatch.key}:, men prisen har ${kind === 'unit' ? 'unit:' : 'steps:'}`,
          `${period.en} has ${mismatch.key}:, but the price has ${kind === 'unit' ? 'unit:' : 'steps:'}`,
        ),
        said(
          'en periode gir prisen i samme form som prisen selv: unit: for en enhetspris, steps: for trinnpris',
          'a period gives its price in the same form as the price itself: unit: for a unit price, steps: for a tiered price',
        ),
      );
      ok = false;
      return;
    }
    const u = unit ? r.money(unit.value, field('unit', period), unit.valueAt) : undefined;
    const tiers = steps ? readTiers(steps, period) : undefined;
    if (fromDate === null || toDate === null || u === null || tiers === null) {
      ok = false;
      return;
    }
    periods.push({
      from: fromDate,
      fromAt: from.valueAt,
      at,
      ...(toDate ? { to: toDate, toAt: to!.valueAt } : {}),
      ...(u ? { unit: u } : {}),
      ...(tiers ? { tiers } : {}),
    });
  });
  return ok ? periods : null;
}

/** `connected: { aukra: 2024-03-01, molde: { from: 2024-03-01, to: 2024-10-31 } }` — a date alone is the first day billed. */
export function readConnected(r: YamlReader, e: Entry, where: Said): Map<string, Connection> | null {
  const what = field('connected', where);
  const fields = r.map(e.value, what, e.valueAt);
  if (!fields) return null;
  const out = new Map<string, Connection>();
  let ok = true;
  for (const p of fields) {
    const id = r.slug(p.key, said('kommunen', 'party'), p.at);
    if (id === null) {
      ok = false;
      continue;
    }
    const whose = said(`${what.nb} for ${party(id).nb}`, `connected of ${where.en} for ${party(id).en}`);
    if (!isMap(p.value)) {
      const from = r.date(p.value, whose, p.valueAt);
      if (from === null) ok = false;
      else out.set(id, { from, fromAt: p.valueAt, at: p.at });
      continue;
    }
    const dates = r.map(p.value, whose, p.valueAt) ?? [];
    r.onlyFields(dates, ['from', 'to'], whose);
    const from = dates.find((x) => x.key === 'from');
    const to = dates.find((x) => x.key === 'to');
    if (!from && !to) {
      r.diags.error(
        p.valueAt,
        'connection-date',
        said(`${whose.nb} har verken from: eller to:`, `${whose.en} has neither from: nor to:`),
        said('skriv { from: 2024-03-01 }, { to: 2024-10-31 } eller begge', 'write { from: 2024-03-01 }, { to: 2024-10-31 } or both'),
      );
      ok = false;
      continue;
    }
    const f = from ? r.date(from.value, field('from', whose), from.valueAt) : undefined;
    const t = to ? r.date(to.value, field('to', whose), to.valueAt) : undefined;
    if (f === null || t === null) {
      ok = false;
      continue;
    }
    out.set(id, { at: p.at, ...(f ? { from: f, fromAt: from!.valueAt } : {}), ...(t ? { to: t, toAt: to!.valueAt } : {}) });
  }
  return ok ? out : null;
}

/** `prorate: months` (the default) or `prorate: days`. */
export function readProrate(r: YamlReader, e: Entry, where: Said): { by: Prorate; at: SourcePos } | null {
  const v = r.string(e.value, field('prorate', where), e.valueAt);
  if (v === null) return null;
  if (isOneOf(PRORATES, v)) return { by: v, at: e.valueAt };
  r.diags.error(
    e.valueAt,
    'bad-value',
    said(`${field('prorate', where).nb} må være months eller days, men er '${v}'`, `prorate of ${where.en} must be months or days, got '${v}'`),
    said(
      'months: hele måneder (standard); days: dager av året, der avtalen sier det',
      'months: whole months (the default); days: days of the year, where the agreement says so',
    ),
  );
  return null;
}

/**
 * What only the agreement year can tell about `periods:` and `connected:`:
 * periods inside the year, in order, not overlapping; connections that bill
 * something in the year, connected before disconnected; under whole months,
 * every `from` the first day of a month and every `to` the last day of one.
 */
export function checkBilling(a: Agreement, diags: Diagnostics): void {
  const start = `${a.year}-01-01`;
  const end = `${a.year}-12-31`;
  for (const item of a.items) {
    const where = said(`posten '${item.id}'`, `item '${item.id}'`);
    const months = (item.prorate?.by ?? 'months') === 'months';
    const wholeMonths = (date: string, side: 'from' | 'to', at: SourcePos, code: 'price-periods' | 'connection-date', what: Said) => {
      if (!months) return true;
      if (side === 'from' ? date.endsWith('-01') : addDays(date, 1).endsWith('-01')) return true;
      diags.error(
        at,
        code,
        side === 'from'
          ? said(`${what.nb} begynner ${dateNb(date)}, ikke den første dagen i en måned`, `${what.en} starts on ${date}, not on the first day of a month`)
          : said(`${what.nb} slutter ${dateNb(date)}, ikke den siste dagen i en måned`, `${what.en} ends on ${date}, not on the last day of a month`),
        side === 'from'
          ? said(
              `delen av året telles i hele måneder: skriv ${date.slice(0, 8)}01, eller prorate: days om avtalen regner i dager`,
              `part of the year counts in whole months: write ${date.slice(0, 8)}01, or prorate: days if the agreement counts days`,
            )
          : said(
              `delen av året telles i hele måneder: skriv ${endOfMonth(date)}, eller prorate: days om avtalen regner i dager`,
              `part of the year counts in whole months: write ${endOfMonth(date)}, or prorate: days if the agreement counts days`,
            ),
      );
      return false;
    };
    let previous: PricePeriod | undefined;
    for (const [i, p] of (item.dated ?? []).entries()) {
      const what = said(`periode ${i + 1} i prisen til ${where.nb}`, `period ${i + 1} of the price of ${where.en}`);
      const outside = [p.from, p.to].find((d) => d !== undefined && (d < start || d > end));
      if (outside !== undefined) {
        diags.error(
          outside === p.from ? p.fromAt : p.toAt!,
          'price-periods',
          said(
            `${what.nb} har datoen ${dateNb(outside)}, utenfor avtaleåret ${a.year}`,
            `${what.en} has the date ${outside}, outside the agreement year ${a.year}`,
          ),
          said(
            `periodene deler opp året ${a.year}: skriv datoer fra ${dateNb(start)} til ${dateNb(end)}`,
            `periods divide the year ${a.year}: write dates from ${start} to ${end}`,
          ),
        );
        return;
      }
      if (p.to && p.to < p.from) {
        diags.error(
          p.toAt!,
          'price-periods',
          said(`${what.nb} slutter ${dateNb(p.to)}, før den begynner ${dateNb(p.from)}`, `${what.en} ends on ${p.to}, before it starts on ${p.from}`),
          said('bytt om datoene', 'swap the dates'),
        );
        return;
      }
      if (previous && p.from <= previous.from) {
        diags.error(
          p.fromAt,
          'price-periods',
          said(
            `${what.nb} begynner ${dateNb(p.from)}, ikke etter perioden før (${dateNb(previous.from)})`,
            `${what.en} starts on ${p.from}, not after the period before it (${previous.from})`,
          ),
          said('list periodene i datoorden, hver med sin egen from:', 'list the periods in date order, each with a from: of its own'),
        );
        return;
      }
      if (previous?.to && p.from <= previous.to) {
        diags.error(
          p.fromAt,
          'price-periods',
          said(
            `${what.nb} begynner ${dateNb(p.from)}, mens perioden før varer til ${dateNb(previous.to)}`,
            `${what.en} starts on ${p.from}, while the period before it lasts until ${previous.to}`,
          ),
          said(`la perioden før slutte ${dateNb(addDays(p.from, -1))}, eller flytt from:`, `end the period before on ${addDays(p.from, -1)}, or move from:`),
        );
        return;
      }
      if (!wholeMonths(p.from, 'from', p.fromAt, 'price-periods', what) || (p.to && !wholeMonths(p.to, 'to', p.toAt!, 'price-periods', what))) return;
      previous = p;
    }
    for (const [id, c] of item.connected ?? []) {
      const what = said(`tilkoblingen til ${party(id).nb} i ${where.nb}`, `the connection of ${party(id).en} in ${where.en}`);
      if (item.parties && !item.parties.ids.includes(id)) {
        diags.error(
          c.at,
          'connection-date',
          said(`${party(id).nb} er ikke blant kommunene i parties: for ${where.nb}`, `${party(id).en} is not among the parties in parties: of ${where.en}`),
          said(`legg ${id} til i parties:, eller fjern tilkoblingen`, `add ${id} to parties:, or remove the connection`),
        );
        continue;
      }
      if (c.from && c.to && c.to < c.from) {
        diags.error(
          c.toAt!,
          'connection-date',
          said(`${what.nb} slutter ${dateNb(c.to)}, før den begynner ${dateNb(c.from)}`, `${what.en} ends on ${c.to}, before it starts on ${c.from}`),
          said('bytt om datoene, eller fjern én av dem', 'swap the dates, or remove one'),
        );
        continue;
      }
      if ((c.from && c.from > end) || (c.to && c.to < start)) {
        const late = c.from !== undefined && c.from > end;
        diags.error(
          late ? c.fromAt! : c.toAt!,
          'connection-date',
          late
            ? said(`${what.nb} begynner ${dateNb(c.from!)}, etter avtaleåret ${a.year}`, `${what.en} starts on ${c.from}, after the agreement year ${a.year}`)
            : said(`${what.nb} sluttet ${dateNb(c.to!)}, før avtaleåret ${a.year}`, `${what.en} ended on ${c.to}, before the agreement year ${a.year}`),
          said(
            `kommunen belastes da ingenting i ${a.year}: rett datoen, eller ta kommunen ut av posten med parties:`,
            `the party would be billed nothing in ${a.year}: correct the date, or leave the party out of the item with parties:`,
          ),
        );
        continue;
      }
      if (c.from) wholeMonths(c.from, 'from', c.fromAt!, 'connection-date', what);
      if (c.to) wholeMonths(c.to, 'to', c.toAt!, 'connection-date', what);
    }
  }
}
