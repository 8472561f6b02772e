import { describe, expect, it } from 'vitest';
import { CONNECTION_FIELDS, PERIOD_FIELDS } from '../src/agreement/billing.js';
import { BASE_REF_FIELDS, INDEX_FIELDS, ITEM_FIELDS, PRICE_FIELDS, QUANTITY_FIELDS, STEP_FIELDS } from '../src/agreement/items.js';
import { BLEND_PART_FIELDS, KEY_FIELDS } from '../src/agreement/keys.js';
import { LIMIT_FIELDS } from '../src/agreement/limits.js';
import { INPUT_NAMES } from '../src/agreement/model.js';
import { ADDRESS_FIELDS, PARTY_FIELDS } from '../src/agreement/parties.js';
import { TOP_FIELDS } from '../src/agreement/read.js';
import { ROUNDING_FIELDS } from '../src/agreement/rounding.js';
import { agreementSchema } from '../src/agreement/schema.js';
import { INPUT_FIELDS, INSTALMENT_FIELDS, INVOICING_FIELDS, SETTLEMENT_FIELDS } from '../src/agreement/settings.js';
import { STANDALONE_FIELDS } from '../src/agreement/standalone.js';

/** A JSON Schema node, as far as this test walks it. */
interface Node {
  readonly properties?: Readonly<Record<string, Node>>;
  readonly additionalProperties?: Node | boolean;
  readonly items?: Node;
  readonly oneOf?: readonly Node[];
  readonly $ref?: string;
  readonly [keyword: string]: unknown;
}

const schema: Node & { readonly $defs: Readonly<Record<string, Node>> } = agreementSchema();

/** Follows a `$ref` into `$defs`. */
function deref(n: Node): Node {
  return n.$ref ? schema.$defs[n.$ref.replace('#/$defs/', '')]! : n;
}

/** Each step: a property name, `*` for any property's value, `[]` for an array's items, `object` for the `oneOf` branch that is a closed object. */
function at(...steps: string[]): Node {
  let n: Node = schema;
  for (const s of steps) {
    n = deref(n);
    if (s === '*') n = n.additionalProperties as Node;
    else if (s === '[]') n = n.items!;
    else if (s === 'object') n = n.oneOf!.find((b) => deref(b).properties)!;
    else n = n.properties![s]!;
    expect(n, `${steps.join('.')}: no ${s}`).toBeDefined();
  }
  return deref(n);
}

/** Names the schema allows in an object, sorted: a closed object's properties. */
function propertiesOf(n: Node): string[] {
  expect(n.additionalProperties, 'a closed object').toBe(false);
  return Object.keys(n.properties ?? {}).sort();
}

/**
 * The readers' lists of allowed fields (onlyFields) and the JSON Schema name
 * the same fields, both ways: a field the schema knows is read, and a field
 * the reader accepts passes the editor's schema.
 */
const READERS: readonly [string, readonly string[], Node][] = [
  ['the agreement', TOP_FIELDS, at()],
  ['rounding', ROUNDING_FIELDS, at('rounding')],
  ['a party', PARTY_FIELDS, at('parties', '*')],
  ["a party's address", ADDRESS_FIELDS, at('parties', '*', 'address')],
  ['a key', KEY_FIELDS, at('keys', '*')],
  ["a blend's part", BLEND_PART_FIELDS, at('keys', '*', 'blend', '[]')],
  ['an item', ITEM_FIELDS, at('items', '[]')],
  ["an item's price", PRICE_FIELDS, at('items', '[]', 'price')],
  ['a price step', STEP_FIELDS, at('items', '[]', 'price', 'steps', '[]', 'object')],
  ['a quantity', QUANTITY_FIELDS, at('items', '[]', 'price', 'quantity', 'object')],
  ["an item's index", INDEX_FIELDS, at('items', '[]', 'index')],
  ["a price's period", PERIOD_FIELDS, at('items', '[]', 'price', 'periods', '[]')],
  ["a party's connection", CONNECTION_FIELDS, at('items', '[]', 'connected', '*', 'object')],
  ['a base reference', BASE_REF_FIELDS, at('items', '[]', 'of', 'object')],
  ['inputs', INPUT_NAMES, at('inputs')],
  ['an input file', INPUT_FIELDS, at('inputs', 'actuals', 'object')],
  ['settlement', SETTLEMENT_FIELDS, at('settlement')],
  ['an a-konto instalment', INSTALMENT_FIELDS, at('settlement', 'akonto', '[]')],
  ['invoicing', INVOICING_FIELDS, at('invoicing')],
  ['a standalone cost', STANDALONE_FIELDS, at('standalone', '*')],
  ["a standalone cost's index", INDEX_FIELDS, at('standalone', '*', 'index')],
  ['a limit', LIMIT_FIELDS, at('limits', '[]')],
];

describe('field names: the readers and the JSON Schema agree', () => {
  for (const [what, read, node] of READERS) {
    it(`${what}: the reader accepts exactly the schema's properties`, () => {
      expect([...read].sort()).toEqual(propertiesOf(node));
    });
  }
  it('every input file takes the same fields', () => {
    for (const name of INPUT_NAMES) expect(propertiesOf(at('inputs', name, 'object'))).toEqual([...INPUT_FIELDS].sort());
  });
});
