import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, samkost } from './cli.js';
import { tempDir } from './temp.js';

/**
 * `settlement: { brought_forward: }` through the CLI: last year is read from
 * its own files, each hashed as read, and its carried balance opens this
 * year's settlement — through a chain of years, each computed from its own.
 */
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

interface SettleJson {
  brought_forward?: { agreement: string; year: number; file: string; files: { path: string; sha256: string }[] };
  parties: { id: string; kinds: { investment: { charged: string; paid: string; brought_forward: string; balance: string; carried_forward: string } } }[];
}

async function settleJson(dir: string): Promise<SettleJson> {
  const run = await samkost(['settle', dir, '--format', 'json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as SettleJson;
}

/** One year of a small cooperation: 1 000 of investment split equally, a-konto paid per party, the balance carried forward. */
function year(dir: string, y: number, paid: { a: string; b: string }, last?: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'agreement.yaml'),
    `samkost: 1
agreement: T
year: ${y}
host: a
parties:
  a: { name: A kommune }
  b: { name: B kommune }
inputs:
  payments: paid.csv
items:
  - { id: x, label: X, kind: investment, amount: 1000, key: equal }
settlement:
  carry_forward: [investment]
${last ? `  brought_forward: ${last}\n` : ''}`,
  );
  writeFileSync(path.join(dir, 'paid.csv'), `party;kind;amount\na;investering;${paid.a}\nb;investering;${paid.b}\n`);
}

describe('brought forward from last year', () => {
  it("records last year's agreement and the SHA-256 of each file it was computed from", async () => {
    const r = await settleJson('fixtures/ror-ikt-2024-investment');
    const last = path.join(ROOT, 'fixtures/ror-ikt-2023-investment');
    expect(r.brought_forward).toEqual({
      agreement: 'ROR-IKT',
      year: 2023,
      file: '../ror-ikt-2023-investment/agreement.yaml',
      files: [
        { path: '../ror-ikt-2023-investment/agreement.yaml', sha256: sha256(path.join(last, 'agreement.yaml')) },
        { path: '../ror-ikt-2023-investment/akonto.csv', sha256: sha256(path.join(last, 'akonto.csv')) },
      ],
    });
  });

  it('carries a balance through a chain of years, each read from its own files', async () => {
    const dir = tempDir('chain');
    year(path.join(dir, '2022'), 2022, { a: '600,00', b: '400,00' });
    year(path.join(dir, '2023'), 2023, { a: '500,00', b: '550,00' }, '../2022');
    year(path.join(dir, 'now'), 2024, { a: '500,00', b: '500,00' }, '../2023/agreement.yaml');
    // 2022: each charged 500, a paid 600 (−100), b 400 (+100). 2023: a −100 + 500 − 500 = −100; b +100 + 500 − 550 = +50.
    const r = await settleJson(path.join(dir, 'now'));
    expect(r.parties.map((p) => [p.id, p.kinds.investment.brought_forward, p.kinds.investment.balance])).toEqual([
      ['a', '-100.00', '-100.00'],
      ['b', '50.00', '50.00'],
    ]);
    // 2022's files are read for 2023, so they are among the files 2024's figures rest on, relative to 2024's folder.
    expect(r.brought_forward!.files.map((f) => f.path)).toEqual(['../2023/agreement.yaml', '../2023/paid.csv', '../2022/agreement.yaml', '../2022/paid.csv']);
    expect(r.brought_forward!.files[3]!.sha256).toBe(sha256(path.join(dir, '2022', 'paid.csv')));
  });

  it("an error in the year before last is reported at this year's brought_forward:, quoting where it is", async () => {
    const dir = tempDir('chain-broken');
    year(path.join(dir, '2022'), 2022, { a: '600,00', b: 'sekshundre' });
    year(path.join(dir, '2023'), 2023, { a: '500,00', b: '550,00' }, '../2022');
    year(path.join(dir, 'now'), 2024, { a: '500,00', b: '500,00' }, '../2023');
    const run = await samkost(['settle', path.join(dir, 'now'), '--format', 'json']);
    expect(run.code).toBe(1);
    // The last diagnostic, outside any file, says nothing was computed.
    const found = (JSON.parse(run.stdout) as { diagnostics: { file: string | null; line: number; code: string; message: string }[] }).diagnostics.filter(
      (d) => d.file !== null,
    );
    expect(found.map((d) => [path.basename(path.dirname(d.file!)), d.line, d.code])).toEqual([['now', 14, 'brought-forward-invalid']]);
    expect(found[0]!.message).toContain(`${path.join(dir, '2023', 'agreement.yaml')}:14:20`);
  });

  it('two agreements naming each other end at the year check', async () => {
    const dir = tempDir('chain-loop');
    year(path.join(dir, 'x'), 2024, { a: '500,00', b: '500,00' }, '../y');
    year(path.join(dir, 'y'), 2023, { a: '500,00', b: '500,00' }, '../x');
    const run = await samkost(['check', path.join(dir, 'x'), '--format', 'json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('brought-forward-invalid');
    // y names x, for 2024, as its last year: the year check stops there, before x's inputs are read again.
    expect(run.stdout).toContain("fjorårets avtale '../x' gjelder 2024, men denne avtalen gjelder 2023");
  });
});
