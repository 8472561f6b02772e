// Writes a ledger shaped like a Norwegian municipal finance export, and its
// agreement: `parties` municipalities, 500 ledger categories (names of 13–40
// characters with æøå) in 10 items of 50, 20 % of rows naming a party, the
// amount styles finance systems export (`-1234,56` 55 %, `1 234,56` 20 %,
// no-break-space thousands 5 %, `1.234,56` 5 %, `kr 1 234,56` 5 %,
// `(1 234,56)` 3 %, `−1 234,56` 3 %, `1 234,-` 4 %) and 3 % quoted texts that
// hold a `;`. `accounts` distinct account numbers (the agreement selects by
// category only). Also writes the same rows as a plain-text journal
// (journal.ledger) that ledger-cli and hledger read, for a peer comparison.
// Deterministic: the same arguments give the same bytes.
//
//   node bench/generate-real.mjs <rows> <parties> <dir> [accounts=40]
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { agreementHead, random } from './generate.mjs';

const WORDS = [
  'lønnskostnader',
  'programvarelisenser',
  'driftsavtale',
  'nettverkstjenester',
  'kompetanseutvikling',
  'reisekostnader',
  'konsulenttjenester',
  'husleie',
  'strøm og oppvarming',
  'inventar',
  'refusjon fra kommuner',
  'kompensasjon merverdiavgift',
  'datalagring',
  'sikkerhetstjenester',
  'telefoni',
  'skytjenester',
  'vedlikehold',
  'opplæring',
  'fagsystemer',
  'bredbånd',
];
const AREAS = ['felles', 'skole', 'helse og omsorg', 'økonomi', 'teknisk drift', 'barnehage', 'sentraladministrasjon', 'kultur', 'næring', 'plan og bygg'];

/** 500 category names, 13–40 characters, distinct. */
export function categories() {
  const out = [];
  for (let i = 0; out.length < 500; i++) {
    const name = `${WORDS[i % WORDS.length]} ${AREAS[Math.floor(i / WORDS.length) % AREAS.length]} ${Math.floor(i / 200) + 1}`;
    const cut = name.length > 40 ? name.slice(0, 40).trimEnd() : name.length < 13 ? `${name} (felles)` : name;
    if (!out.includes(cut)) out.push(cut);
  }
  return out;
}

/** The amount styles above, drawn from `rand`: `(kr, ore) => text`. */
export function amountStyle(rand) {
  const group = (n, sep) => String(n).replace(/\B(?=(\d{3})+$)/g, sep);
  return (kr, ore) => {
    const neg = kr < 0;
    const abs = Math.abs(kr);
    const r = rand(100);
    if (r < 55) return `${neg ? '-' : ''}${abs},${ore}`;
    if (r < 75) return `${neg ? '-' : ''}${group(abs, ' ')},${ore}`;
    if (r < 80) return `${neg ? '-' : ''}${group(abs, '\u00a0')},${ore}`;
    if (r < 85) return `${neg ? '-' : ''}${group(abs, '.')},${ore}`;
    if (r < 90) return `kr ${neg ? '-' : ''}${group(abs, ' ')},${ore}`;
    if (r < 93) return neg ? `(${group(abs, ' ')},${ore})` : `${group(abs, ' ')},${ore}`;
    if (r < 96) return `${neg ? '\u2212' : ''}${group(abs, ' ')},${ore}`;
    return `${neg ? '-' : ''}${group(abs, ' ')},-`;
  };
}

export function generateReal(rows, parties, dir, accounts = 40) {
  mkdirSync(dir, { recursive: true });
  const { ids, lines: head } = agreementHead(`Regnskap ${parties}`, 2024, parties);
  const cats = categories();
  const items = Array.from({ length: 10 }, (_, i) => cats.slice(i * 50, (i + 1) * 50));
  const quote = (c) => (/[,[\]{}:#&*!|>'"%@`]/.test(c) ? JSON.stringify(c) : c);
  const yaml = [
    ...head,
    'keys:',
    '  halv-halv: { blend: [{ weight: 50%, key: equal }, { weight: 50%, key: population }] }',
    'items:',
    ...items.map(
      (c, i) => `  - { id: post${i + 1}, label: Post ${i + 1}, actuals: { category: [${c.map(quote).join(', ')}] }, key: ${i % 2 ? 'equal' : 'halv-halv'} }`,
    ),
    'inputs:',
    '  actuals: { file: actuals.csv, columns: { category: Art, account: Konto, party: Kommune, amount: Beløp, text: Tekst } }',
    '',
  ].join('\n');
  writeFileSync(path.join(dir, 'agreement.yaml'), yaml);

  const rand = random(7);
  const amountText = amountStyle(rand);
  const csv = openSync(path.join(dir, 'actuals.csv'), 'w');
  const journal = openSync(path.join(dir, 'journal.ledger'), 'w');
  const lines = ['Art;Konto;Kommune;Beløp;Tekst'];
  const entries = [];
  for (let i = 0; i < rows; i++) {
    const c = cats[rand(cats.length)];
    const party = rand(5) === 0 ? ids[rand(parties)] : '';
    const kr = rand(200000) - 20000;
    const text = rand(100) < 3 ? `"faktura ${rand(99999)}; del ${rand(9)}"` : `bilag ${rand(999999)}`;
    const amount = amountText(kr, String(rand(100)).padStart(2, '0'));
    lines.push(`${c};${4000 + rand(accounts)};${party};${amount};${text}`);
    // The journal: the exact value the CSV row means (a `,-` amount has no øre).
    const value = amount.endsWith(',-') ? `${kr}.00` : `${kr}.${amount.slice(-2).replace(/\D/g, '0')}`;
    entries.push(`2024-01-01 bilag\n    Utgifter:${c.replace(/[^\p{L}\d ]/gu, '')}    NOK ${value}\n    Bank\n`);
    if (lines.length >= 10000) {
      writeSync(csv, lines.join('\n') + '\n');
      writeSync(journal, entries.join('\n') + '\n');
      lines.length = 0;
      entries.length = 0;
    }
  }
  if (lines.length) writeSync(csv, lines.join('\n') + '\n');
  if (entries.length) writeSync(journal, entries.join('\n') + '\n');
  closeSync(csv);
  closeSync(journal);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [rows, parties, dir, accounts] = process.argv.slice(2);
  if (!rows || !parties || !dir) {
    console.error('usage: node bench/generate-real.mjs <rows> <parties> <dir> [accounts]');
    process.exit(2);
  }
  generateReal(Number(rows), Number(parties), dir, accounts ? Number(accounts) : undefined);
}
