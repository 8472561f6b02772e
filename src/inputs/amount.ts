import { Money } from '../money/money.js';
import { type Said, said } from '../text/said.js';

export type DecimalMark = ',' | '.';

/**
 * How a file writes numbers: its decimal mark, and whether the agreement
 * declared it (`decimal: ','` under the input) or it was inferred from the
 * delimiter. Only an inferred mark makes `1.234` ambiguous.
 */
export interface NumberStyle {
  readonly decimal: DecimalMark;
  readonly declared: boolean;
}

/** An exact amount as read: `units / 10^scale`. Summed as bigint, so no row passes through a float. */
export interface ScaledAmount {
  readonly units: bigint;
  readonly scale: number;
}

export interface AmountError {
  readonly error: Said;
  readonly hint: Said;
}

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * Reads an amount as ledgers and spreadsheets write it: `1234,50`,
 * `1 234,50`, `1.234,50`, `-1 234,50`, `(1 234,50)`, `kr 1 234,-`,
 * `NOK 1234.50`, `1,234.50` with a decimal point. Thousands separators
 * (space, no-break space, narrow no-break space, or the mark that is not
 * the decimal) must group by three. An amount that could be read two ways
 * (`1.234` when the decimal mark was only inferred) is an error, never a
 * guess.
 */
export function scanAmount(raw: string, style: NumberStyle): ScaledAmount | AmountError {
  // Most ledger cells are plain (`-1234.50`): read those without a regex.
  const plain = scanPlain(raw, style);
  return plain ?? scanWritten(raw, style);
}

/** As {@link scanAmount}, as Money. */
export function parseAmount(raw: string, style: NumberStyle): Money | AmountError {
  const a = scanAmount(raw, style);
  return 'error' in a ? a : scaledToMoney(a);
}

/**
 * As {@link scanAmount}, for money in kroner: a part of an øre (`0,005`) is
 * an error at its row. Nothing is ever paid or invoiced in it, and rounding
 * it here — up or down, per row or per sum — would be a guess the
 * agreement does not make.
 */
export function scanKroner(raw: string, style: NumberStyle): ScaledAmount | AmountError {
  const a = scanAmount(raw, style);
  return 'error' in a || a.scale <= 2 || a.units % 10n ** BigInt(a.scale - 2) === 0n ? a : finerThanOre(raw);
}

/** As {@link scanKroner}, as Money. */
export function parseKroner(raw: string, style: NumberStyle): Money | AmountError {
  const a = scanKroner(raw, style);
  return 'error' in a ? a : scaledToMoney(a);
}

function finerThanOre(raw: string): AmountError {
  return {
    error: said(
      `'${raw}' har en brøkdel av en øre: et beløp i kroner har høyst to desimaler`,
      `'${raw}' has a fraction of an øre: an amount in kroner has at most two decimals`,
    ),
    hint: said(
      'rund det av til hele øre i regnskapsuttrekket; samkost gjetter ikke hvilken vei',
      'round it to whole øre in the ledger export; samkost does not guess which way',
    ),
  };
}

export function scaledToMoney(a: ScaledAmount): Money {
  return Money.fromUnits(a.units, a.scale);
}

/**
 * The forms nearly every ledger row takes — `-1234,50`, `1 234 567,89`,
 * `1.234,50` — read by one pass over the characters. Null for anything else
 * (currency, parentheses, `,-`, an ambiguous group, a malformed group),
 * which the general reader then handles or reports.
 */
function scanPlain(raw: string, { decimal, declared }: NumberStyle): ScaledAmount | null {
  const n = raw.length;
  const start = raw.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const thousands = decimal === ',' ? 46 /* . */ : 44; /* , */
  const mark = decimal.charCodeAt(0);
  let digits = '';
  let segment = start;
  let group = 0; // digits since the last separator
  let separator = -1; // the grouping character in use
  let groups = 0;
  let fraction = -1; // index of the decimal mark
  for (let i = start; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      group++;
      continue;
    }
    if (fraction < 0 && (c === 32 || c === 0xa0 || c === 0x202f || c === thousands)) {
      if (separator >= 0 ? c !== separator : group === 0 || group > 3 || raw.charCodeAt(start) === DIGIT_0) return null;
      if (separator >= 0 && group !== 3) return null;
      separator = c;
      groups++;
      digits += raw.slice(segment, i);
      segment = i + 1;
      group = 0;
      continue;
    }
    if (c === mark && fraction < 0 && group > 0 && (separator < 0 || group === 3)) {
      fraction = i;
      digits += raw.slice(segment, i);
      segment = i + 1;
      group = 0;
      continue;
    }
    return null;
  }
  if (group === 0 || (fraction < 0 && separator >= 0 && group !== 3)) return null;
  digits += raw.slice(segment);
  if (
    !declared &&
    ((fraction >= 0 && separator < 0 && group === 3 && fraction - start <= 3 && raw.charCodeAt(start) !== DIGIT_0) ||
      (fraction < 0 && groups === 1 && separator === thousands))
  )
    return null;
  const units = BigInt(digits);
  return { units: start ? -units : units, scale: fraction < 0 ? 0 : n - fraction - 1 };
}

const SPACES = /[ \u00a0\u202f\u2009]+/g;
/** Digits grouped by three (by space or the thousands mark, never the decimal mark), then an optional decimal part or `,-`. */
const NUMBER: Readonly<Record<DecimalMark, RegExp>> = {
  ',': /^([1-9]\d{0,2}(?:[ .]\d{3})+|\d+)(?:([.,])(\d+|-|–))?$/,
  '.': /^([1-9]\d{0,2}(?:[ ,]\d{3})+|\d+)(?:([.,])(\d+|-|–))?$/,
};

function scanWritten(raw: string, style: NumberStyle): ScaledAmount | AmountError {
  const { decimal } = style;
  const thousands = decimal === ',' ? '.' : ',';
  let text = raw
    .trim()
    .replace(SPACES, ' ')
    .replace(/\u2212/g, '-');
  if (text === '')
    return {
      error: said('beløpet er tomt', 'the amount is empty'),
      hint: said('skriv 0 om beløpet er null; et tomt beløp leses aldri som 0', 'write 0 if the amount is zero; an empty amount is never read as 0'),
    };
  const notAmount = (): AmountError => {
    const mark =
      decimal === ',' ? said('desimalkomma (1 234,50)', 'a decimal comma (1 234,50)') : said('desimalpunktum (1234.50)', 'a decimal point (1234.50)');
    return {
      error: said(`'${raw}' er ikke et beløp`, `'${raw}' is not an amount`),
      hint: said(
        `denne filen leses med ${mark.nb}; angi decimal: under inndataen i avtalen om den bruker det andre`,
        `this file is read with ${mark.en}; declare decimal: under the input in the agreement if it uses the other`,
      ),
    };
  };
  const paren = /^\((.*)\)$/.exec(text);
  if (paren) text = paren[1]!.trim();
  // A sign may stand before or after the currency: `-kr 100`, `kr -100`.
  const signs: string[] = [];
  const takeSign = () => {
    const m = /^([+-])\s*/.exec(text);
    if (m) {
      signs.push(m[1]!);
      text = text.slice(m[0].length);
    }
  };
  takeSign();
  text = text.replace(/^(?:kr\.?|nok)\s*/i, '').replace(/\s*(?:kr\.?|nok)$/i, '');
  takeSign();
  if (signs.length > 1 || (paren && signs.length > 0)) return notAmount();
  const negative = paren !== null || signs[0] === '-';
  const m = NUMBER[decimal].exec(text);
  if (!m) return notAmount();
  const [, int, mark, frac] = m;
  if (int === undefined) return notAmount();
  const separators = int.match(/[ .,]/g) ?? [];
  const kinds = new Set(separators);
  if (kinds.size > 1 || (kinds.size === 1 && !kinds.has(' ') && !kinds.has(thousands))) return notAmount();
  if (mark !== undefined && mark !== decimal) return notAmount();
  if (frac === '-' || frac === '–') {
    // `1 234,-`: whole kroner, as written on Norwegian price lists.
    if (decimal !== ',') return notAmount();
    return signed({ units: BigInt(int.replace(/\D/g, '')), scale: 0 }, negative);
  }
  if (!style.declared && isAmbiguous(text)) return ambiguous(raw);
  return signed({ units: BigInt(int.replace(/\D/g, '') + (frac ?? '')), scale: frac?.length ?? 0 }, negative);
}

function signed(a: ScaledAmount, negative: boolean): ScaledAmount {
  return negative ? { units: -a.units, scale: a.scale } : a;
}

/**
 * `1.234` or `12,345`: one mark followed by three digits reads as a
 * thousands separator in one convention and a decimal in the other. Only a
 * declared decimal mark settles it (`0,125` cannot be a thousands group).
 */
export function isAmbiguous(number: string): boolean {
  return /^[1-9]\d{0,2}[.,]\d{3}$/.test(number);
}

function ambiguous(raw: string): AmountError {
  const dot = raw.includes('.');
  return {
    error: said(
      `'${raw}' er tvetydig: ${dot ? 'tusenskillepunktum eller desimalpunktum' : 'tusenskillekomma eller desimalkomma'}`,
      `'${raw}' is ambiguous: ${dot ? 'a thousands dot or a decimal point' : 'a thousands comma or a decimal comma'}`,
    ),
    hint: said(
      "desimaltegnet ble utledet fra skilletegnet; angi det under inndataen i avtalen: decimal: ',' eller decimal: '.'",
      "the decimal mark was inferred from the delimiter; declare it under the input in the agreement: decimal: ',' or decimal: '.'",
    ),
  };
}
