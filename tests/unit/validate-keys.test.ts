import { describe, expect, it } from 'vitest';
import { readAgreement } from '../../src/agreement/read.js';
import { validateAgreement } from '../../src/validate/agreement.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

const HEAD = `samkost: 1
agreement: T
year: 2024
host: a
parties:
  a: { name: A, population: 7000 }
  b: { name: B, population: 2000 }
  c: { name: C }
  d: { name: D, population: 0, joined: 2025-01-01 }
`;

/** The codes and positions validation finds in the agreement `HEAD + body`. */
function found(body: string): string[] {
  const { agreement, diagnostics } = readAgreement(parseYaml(HEAD + body), 't.yaml');
  if (!agreement) throw new Error(diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.message.en}`).join('\n'));
  return validateAgreement(agreement).diagnostics.map((d) => `${d.code}@${d.line}:${d.col}`);
}

describe('validate/keys: every key walked over the parties it is resolved for', () => {
  it('a population key over every party finds the party without one', () => {
    expect(found('items:\n  - { id: x, label: X, amount: 100, key: population }\n')).toEqual(['population-missing@8:3']);
  });
  it("an item's parties: leave the party without a population out", () => {
    expect(found('items:\n  - { id: x, label: X, amount: 100, key: population, parties: [a, b] }\n')).toEqual([]);
  });
  it("a key's own parties: leave it out, and a key no item uses is not resolved", () => {
    const keys = 'keys:\n  k: { population: true, parties: [a, b] }\n  unused: { population: true }\n';
    expect(found(`${keys}items:\n  - { id: x, label: X, amount: 100, key: k }\n`)).toEqual([]);
  });
  it('a blend part finds it, at the party', () => {
    const keys = 'keys:\n  k:\n    blend:\n      - { key: equal, weight: 50% }\n      - { key: population, weight: 50% }\n';
    expect(found(`${keys}items:\n  - { id: x, label: X, amount: 100, key: k }\n`)).toEqual(['population-missing@8:3']);
  });
  it("a limit's redistribute key finds it", () => {
    const body =
      'items:\n  - { id: x, label: X, amount: 100, key: equal }\nlimits:\n  - { id: l, label: L, items: [x], max: { a: 10 }, redistribute: population }\n';
    expect(found(body)).toEqual(['population-missing@8:3']);
  });
  it('months of membership summing to zero: no party in the key was a member this year', () => {
    expect(found('items:\n  - { id: x, label: X, amount: 100, key: equal, parties: [d] }\n')).toEqual(['key-zero-total@11:42']);
  });
});
