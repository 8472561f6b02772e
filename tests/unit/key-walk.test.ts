import { describe, expect, it } from 'vitest';
import { walkKey, type KeySteps } from '../../src/agreement/key-walk.js';
import { readAgreement } from '../../src/agreement/read.js';
import { Ratio } from '../../src/money/ratio.js';
import { parseYaml } from '../../src/agreement/yaml-library.js';

/**
 * The one walk of a key, which compute (shares) and validate/ (values)
 * both go: here its steps only record which parties each step was given,
 * so the walk's scoping rules are seen on their own.
 */
const agreement = readAgreement(
  parseYaml(
    `samkost: 1
agreement: T
year: 2024
host: a
parties:
  a: { name: A, population: 1 }
  b: { name: B, population: 1 }
  c: { name: C, population: 1 }
  d: { name: D, population: 1 }
keys:
  ab: { equal: true, parties: [a, b] }
  mix: { blend: [{ weight: 50%, key: equal }, { weight: 50%, key: ab }] }
items:
  - { id: x, label: X, amount: 100, key: equal }
`,
  ),
  't.yaml',
).agreement!;

const at = { file: 't.yaml', line: 1, col: 1 };
const ids = (ps: readonly { id: string }[]) => ps.map((p) => p.id).join('');
const record: KeySteps<string, string> = {
  equal: (ps) => `equal(${ids(ps)})`,
  population: (ps) => `population(${ids(ps)})`,
  shares: () => 'shares',
  driver: (d, ps) => `${d}(${ids(ps)})`,
  blend: (parts) => `blend(${parts.map((p) => `${p.weight.eq(Ratio.of(1n, 2n)) ? '½' : '?'}${p.value}`).join(' ')})`,
  named: (id, _key, r) => `${id}=${r}`,
  restrict: (_id, v, only) => `${v} kept to ${only.join('')}`,
};

describe('walkKey: which parties each key is resolved over', () => {
  it('a built-in key over the scope given', () => {
    expect(walkKey(agreement, record, 'equal', at)).toBe('equal=equal(abcd)');
  });
  it('a key with parties: over its own, whatever the scope', () => {
    expect(walkKey(agreement, record, 'ab', at, agreement.parties.slice(2))).toBe('ab=equal(ab)');
  });
  it("an item's parties: a built-in key over them; a key with parties: of its own over those, then kept to the item's", () => {
    expect(walkKey(agreement, record, 'equal', at, agreement.parties, ['b', 'c'])).toBe('equal=equal(bc) kept to bc');
    expect(walkKey(agreement, record, 'ab', at, agreement.parties, ['b', 'c'])).toBe('ab=equal(ab) kept to bc');
  });
  it("blend parts over the blend's parties, each part named by its own key", () => {
    expect(walkKey(agreement, record, 'mix', at, agreement.parties, ['c', 'd'])).toBe('mix=blend(½equal=equal(cd) ½ab=equal(ab)) kept to cd');
  });
  it('an unknown key gives nothing (the reader reported it)', () => {
    expect(walkKey(agreement, record, 'nope', at)).toBeNull();
  });
});
