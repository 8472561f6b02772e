import { bareRate, readRate } from '../agreement/percent.js';
import { isRatePath, yamlFeature, type Setting } from '../scenario/set.js';
import type { Assumption } from '../validate/projection.js';
import { MAX_SWEEP, type Sweep, sweepValue } from '../scenario/sweep.js';
import { type Said, said } from '../text/said.js';

// The scenario command's own option values, read from the command line: `--sweep`, `--assume`, `--years`.

// No leading zero (01750): the agreement refuses it as a number, YAML 1.1 reads it as octal.
const NUMBER = /^(-?(?:0|[1-9]\d*)(?:\.\d+)?)(%?)$/;

/** A value the command line gave that cannot be read, and how to write it. */
export interface ArgError {
  readonly error: Said;
  readonly hint: Said;
}

/**
 * Reads `items.soc.price.quantity=350..500` (step 1) or
 * `keys.halv-halv.blend.0.weight=30%..70%:5%`. The values are exact decimals
 * (never a float sum of steps), from FROM up to and including TO when the
 * steps land on it.
 */
export function parseSweep(text: string): Sweep | ArgError {
  const hint = said(
    'skriv STI=FRA..TIL eller STI=FRA..TIL:STEG, f.eks. items.soc.price.quantity=350..500:5 eller keys.halv-halv.blend.0.weight=30%..70%:5%',
    'write PATH=FROM..TO or PATH=FROM..TO:STEP, e.g. items.soc.price.quantity=350..500:5 or keys.halv-halv.blend.0.weight=30%..70%:5%',
  );
  const eq = text.indexOf('=');
  const range = /^(.+)\.\.([^:]+)(?::(.+))?$/.exec(eq > 0 ? text.slice(eq + 1).trim() : '');
  if (eq <= 0 || !range) return { error: said(`--sweep '${text}' er ikke STI=FRA..TIL[:STEG]`, `--sweep '${text}' is not PATH=FROM..TO[:STEP]`), hint };
  const [from, to, step = '1'] = [range[1]!, range[2]!, range[3]].map((s) => s?.trim()) as [string, string, string?];
  const parts = [from, to, step].map((s) => NUMBER.exec(s));
  if (parts.some((p) => !p))
    return { error: said(`--sweep '${text}': FRA, TIL og STEG må være tall`, `--sweep '${text}': FROM, TO and STEP must be numbers`), hint };
  const suffix = parts[0]![2]!;
  if (parts[1]![2] !== suffix || (range[3] !== undefined && parts[2]![2] !== suffix))
    return {
      error: said(`--sweep '${text}': skriv FRA, TIL og STEG i samme enhet`, `--sweep '${text}': write FROM, TO and STEP in the same unit`),
      hint: said('alle med % eller alle uten', 'all with % or all without'),
    };
  const scale = Math.max(...parts.map((p) => p![1]!.split('.')[1]?.length ?? 0));
  const units = (s: string) => {
    const [int, frac = ''] = s.replace('-', '').split('.');
    const u = BigInt(int! + frac.padEnd(scale, '0'));
    return s.startsWith('-') ? -u : u;
  };
  const [a, b, d] = parts.map((p) => units(p![1]!)) as [bigint, bigint, bigint];
  if (d <= 0n) return { error: said(`--sweep '${text}': STEG må være større enn null`, `--sweep '${text}': STEP must be more than zero`), hint };
  if (b < a) return { error: said(`--sweep '${text}': TIL er mindre enn FRA`, `--sweep '${text}': TO is below FROM`), hint };
  const count = (b - a) / d + 1n;
  if (count > BigInt(MAX_SWEEP))
    return {
      error: said(`--sweep '${text}' gir ${count} scenarioer, mer enn ${MAX_SWEEP}`, `--sweep '${text}' makes ${count} scenarios, more than ${MAX_SWEEP}`),
      hint: said('bruk et større STEG', 'use a larger STEP'),
    };
  const path = text.slice(0, eq).trim();
  const sweep: Sweep = { path, from: a, step: d, count: Number(count), scale, suffix };
  const bare = isRatePath(path) ? firstBare(sweep) : undefined;
  if (bare?.kind === 'bare') {
    const { message } = bareRate(bare, said(`--sweep ${path}`, `--sweep ${path}`));
    const written = `${path}=${text
      .slice(eq + 1)
      .trim()
      .replace(/-?\d+(?:\.\d+)?/g, '$&%')}`;
    return { error: message, hint: said(`skriv verdiene med %: --sweep ${written}`, `write the values with %: --sweep ${written}`) };
  }
  return sweep;
}

/** The first value of a rate's sweep written as a bare number, read as a rate (null when none is). */
function firstBare(sweep: Sweep): ReturnType<typeof readRate> | null {
  for (let i = 0; i < sweep.count; i++) {
    const r = readRate(sweepValue(sweep, i));
    if (r?.kind === 'bare') return r;
  }
  return null;
}

/**
 * A `--set` of a share, weight or rate written as a bare `5`: an error
 * naming both readings, before anything is read. A decimal comma (`2,5%`)
 * is taken as typed at a Norwegian keyboard and written with a point.
 */
export function rateSetting(s: Setting): Setting | ArgError {
  const feature = yamlFeature(s.value);
  if (feature !== null) {
    const alias = feature.startsWith('*') || feature.startsWith('&');
    return {
      error: alias
        ? said(
            `--set ${s.path}: alias og anker (${feature}) kan ikke brukes i en avtale`,
            `--set ${s.path}: aliases and anchors (${feature}) are not supported in an agreement`,
          )
        : said(`--set ${s.path}: taggen '${feature}' kan ikke brukes i en avtale`, `--set ${s.path}: the tag '${feature}' is not supported in an agreement`),
      hint: said(
        'skriv verdien helt ut, uten tagg, anker eller alias, som i avtalefilen',
        'write the value out in full, with no tag, anchor or alias, as in the agreement file',
      ),
    };
  }
  if (!isRatePath(s.path)) return s;
  const read = readRate(s.value, true);
  if (read?.kind === 'bare') {
    const { message, hint } = bareRate(read, said(`--set ${s.path}`, `--set ${s.path}`), (v) => `--set ${s.path}=${v}`);
    return { error: message, hint };
  }
  const comma = /^([+-]?\d+),(\d+)(\s*%)?$/.exec(s.value);
  return comma ? { ...s, value: `${comma[1]}.${comma[2]}${comma[3] ?? ''}` } : s;
}

export function parseAssume(text: string): Assumption | ArgError {
  const m = /^([a-z][a-z0-9_-]*)(?:\.(\d{4}))?=(.+)$/.exec(text.trim());
  const hint = said(
    'skriv SERIE=ENDRING eller SERIE.ÅR=ENDRING, f.eks. --assume deflator=3% eller --assume deflator.2027=2.5%',
    'write SERIES=CHANGE or SERIES.YEAR=CHANGE, e.g. --assume deflator=3% or --assume deflator.2027=2.5%',
  );
  // `3,0%` as typed at a Norwegian keyboard is 3.0 %: a comma cannot mean anything else in one change.
  const read = m ? readRate(m[3]!, true) : null;
  if (!m || read === null) return { error: said(`--assume '${text}' er ikke SERIE=ENDRING`, `--assume '${text}' is not SERIES=CHANGE`), hint };
  if (read.kind === 'bare') {
    const option = `--assume ${m[1]}${m[2] ? `.${m[2]}` : ''}`;
    const b = bareRate(read, said(option, option), (v) => `${option}=${v}`);
    return { error: b.message, hint: b.hint };
  }
  const change = m[3]!.trim().replace(',', '.');
  return { series: m[1]!, change, ...(m[2] ? { year: Number(m[2]) } : {}) };
}

export function parseYears(text: string): { from: number; to: number } | ArgError {
  const m = /^(\d{4})\.\.(\d{4})$/.exec(text.trim());
  const hint = said('skriv FRA..TIL, f.eks. --years 2025..2029', 'write FROM..TO, e.g. --years 2025..2029');
  if (!m) return { error: said(`--years '${text}' er ikke FRA..TIL`, `--years '${text}' is not FROM..TO`), hint };
  const [from, to] = [Number(m[1]), Number(m[2])];
  return to < from ? { error: said(`--years '${text}': ${to} er før ${from}`, `--years '${text}': ${to} is before ${from}`), hint } : { from, to };
}
