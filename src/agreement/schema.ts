import { ENCODINGS } from '../inputs/decode.js';
import { STANDARD_VAT_PERCENT } from '../money/vat.js';
/**
 * The agreement format as JSON Schema (draft 2020-12), printed by
 * `samkost schema` for editors with a YAML language server. It checks shape
 * and spelling while typing; sums, references and cycles are left to
 * `samkost check`, which also gives positions and hints.
 */
const id = { type: 'string', pattern: '^[a-z][a-z0-9_-]*$' };
const amount = { type: ['number', 'string'], pattern: '^[+-]?\\d+(\\.\\d+)?$', description: 'An amount in kroner, e.g. 1937782.94' };
// A bare number of one or more (`5`) is refused: it is a percentage written without `%` more often than 500 %.
export const RATIO = {
  type: ['number', 'string'],
  pattern: '^([+-]?\\d+(\\.\\d+)?\\s*%|[+-]?\\d+\\s*/\\s*\\d+|[+-]?0(\\.\\d+)?)$',
  exclusiveMinimum: -1,
  exclusiveMaximum: 1,
  description: 'A percentage (45.87%), a fraction (1/3) or a decimal below one (0.4587); a bare 5 is refused (write 5%)',
};
const count = { type: ['number', 'string'], pattern: '^\\d+(\\.\\d+)?$', minimum: 0 };
/** A selector's value: `lonn`, `5000`, a range `"10100..10999"`, a prefix `"11*"`, a list of them, or `{ not: … }` of those. */
const values = {
  oneOf: [
    { type: ['string', 'number'], pattern: '^[^*]*\\*?$' },
    { type: 'array', items: { type: ['string', 'number'] } },
  ],
};
const selectorValueDef = { oneOf: [...values.oneOf, { type: 'object', additionalProperties: false, required: ['not'], properties: { not: values } }] };
const selectorValue = { $ref: '#/$defs/selectorValue' };
/** Any column of the ledger by its header, besides our own names; not the columns with a role of their own. */
const selectorColumns = { not: { enum: ['amount', 'party', 'date', 'text'] } };
const selector = {
  type: 'object',
  minProperties: 1,
  properties: { category: selectorValue, account: selectorValue, project: selectorValue },
  propertyNames: selectorColumns,
  additionalProperties: selectorValue,
};
const baseRefs = {
  oneOf: [id, { $ref: '#/$defs/actualsRef' }, { type: 'array', items: { oneOf: [id, { $ref: '#/$defs/actualsRef' }] } }],
};
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const rounding = {
  type: 'object',
  additionalProperties: false,
  properties: { unit: amount, method: { enum: ['half-up', 'largest-remainder'] } },
};
const input = {
  oneOf: [
    { type: 'string' },
    {
      type: 'object',
      additionalProperties: false,
      required: ['file'],
      properties: {
        file: { type: 'string' },
        columns: { type: 'object', additionalProperties: { type: 'string' } },
        delimiter: { enum: [',', ';', 'tab', '\t'] },
        decimal: { enum: [',', '.'] },
        encoding: { enum: [...ENCODINGS] },
        sheet: { type: 'string', description: 'The worksheet of an .xlsx file (default: the first)' },
        header_row: { type: 'integer', minimum: 1, description: 'The row of an .xlsx sheet that names the columns (default: found)' },
      },
    },
  ],
};

/**
 * The schema, made when first asked for: `samkost schema` prints it and a
 * scenario's paths are checked against it, while every other start (`check`
 * among them) would only build its few hundred objects to throw them away.
 */
export function agreementSchema(): AgreementSchema {
  built ??= schema();
  return built;
}

type AgreementSchema = ReturnType<typeof schema>;
let built: AgreementSchema | undefined;

const schema = () =>
  ({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://samkost.no/schema/agreement-1.json',
    title: 'samkost agreement',
    description: 'One inter-municipal cooperation for one year: parties, allocation keys and items.',
    type: 'object',
    additionalProperties: false,
    required: ['samkost', 'agreement', 'year', 'host', 'parties', 'items'],
    properties: {
      samkost: { const: 1, description: 'Format version' },
      agreement: { type: 'string', description: 'Title on every report and invoice' },
      year: { type: 'integer' },
      currency: { const: 'NOK' },
      host: { ...id, description: 'The party that sends the invoices' },
      rounding,
      parties: {
        type: 'object',
        minProperties: 1,
        propertyNames: id,
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['name'],
          properties: {
            name: { type: 'string' },
            population: { oneOf: [count, { type: 'object', propertyNames: { pattern: '^\\d{4}$' }, additionalProperties: count }] },
            org: { type: ['string', 'integer'], pattern: '^\\d{9}$', description: 'Organisasjonsnummer (9 digits, MOD11)' },
            bank_account: {
              type: ['string', 'integer'],
              pattern: '^\\d{4}[. ]?\\d{2}[. ]?\\d{5}$',
              description: 'Kontonummer (11 digits, MOD11): where the host is paid',
            },
            joined: { ...date, description: 'First day of the first month of membership: keys count the months it was a member' },
            left: { ...date, description: 'Last day of the last month of membership' },
            address: {
              type: 'object',
              additionalProperties: false,
              required: ['postcode', 'city'],
              description: 'Postal address, printed on invoices and sent in EHF',
              properties: {
                street: { type: 'string' },
                postcode: { type: ['string', 'integer'] },
                city: { type: 'string' },
                country: { type: 'string', pattern: '^[A-Z]{2}$', default: 'NO' },
              },
            },
            reference: {
              type: ['string', 'integer'],
              description: 'On an invoiced party: the reference its invoices must carry (Deres ref., EHF BuyerReference). On the host: its contact (Vår ref.)',
            },
            accounting_cost: {
              type: ['string', 'integer'],
              description: 'On an invoiced party: its posting string for these invoices (EHF AccountingCost, BT-19), as its accounts office asks',
            },
            order_reference: {
              type: ['string', 'integer'],
              description: 'On an invoiced party: its order or requisition number for the agreement (EHF OrderReference, BT-13)',
            },
            endpoint: {
              type: 'string',
              pattern: '^\\d{4}:.+$',
              description:
                'On an invoiced party: its Peppol address when not its own org number, as EAS scheme and id ("0192:987654321" for a sub-unit or an accounting office)',
            },
          },
        },
      },
      keys: {
        type: 'object',
        propertyNames: { ...id, not: { enum: ['equal', 'population'] } },
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: {
            shares: { type: 'object', propertyNames: id, additionalProperties: RATIO },
            blend: {
              type: 'array',
              items: { type: 'object', additionalProperties: false, required: ['weight', 'key'], properties: { weight: RATIO, key: id } },
            },
            driver: id,
            equal: { const: true },
            population: { const: true },
            parties: { type: 'array', items: id },
            precision: RATIO,
          },
        },
      },
      items: { type: 'array', minItems: 1, items: { $ref: '#/$defs/item' } },
      indices: {
        type: 'object',
        propertyNames: id,
        additionalProperties: { type: 'object', propertyNames: { pattern: '^\\d{4}$' }, additionalProperties: RATIO },
      },
      drivers: { type: 'object', propertyNames: id, additionalProperties: { type: 'object', propertyNames: id, additionalProperties: count } },
      ignore: {
        type: 'array',
        items: {
          type: 'object',
          required: ['reason'],
          properties: { ...selector.properties, reason: { type: 'string' } },
          propertyNames: selectorColumns,
          additionalProperties: selectorValue,
        },
      },
      inputs: { type: 'object', additionalProperties: false, properties: { actuals: input, drivers: input, payments: input, budget: input } },
      budget: { type: 'object', additionalProperties: amount },
      settlement: {
        type: 'object',
        additionalProperties: false,
        properties: {
          akonto: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['due', 'part'], properties: { due: date, part: RATIO } } },
          final_due: date,
          carry_forward: {
            description: 'Kinds whose balance is offset against next year instead of invoiced',
            oneOf: [{ enum: ['operating', 'investment'] }, { type: 'array', items: { enum: ['operating', 'investment'] } }],
          },
          brought_forward: {
            type: 'string',
            description:
              "Last year's agreement file or directory, relative to this agreement: its carried-forward balances open this year's settlement and are billed on the final invoice",
          },
        },
      },
      invoicing: {
        type: 'object',
        additionalProperties: false,
        properties: {
          first_number: {
            type: ['string', 'integer'],
            pattern: '^[1-9]\\d{0,19}$',
            description: "First number of the host's invoice series for this agreement; a-konto and final invoices are numbered from it",
          },
          vat: {
            enum: ['outside-scope', 'standard'],
            default: 'outside-scope',
            description: `outside-scope: not subject to VAT (EHF category O); standard: ${STANDARD_VAT_PERCENT} % VAT added (category S)`,
          },
          payment_terms_days: {
            type: ['string', 'integer'],
            pattern: '^[1-9]\\d{0,2}$',
            default: 30,
            description: 'Days a final invoice gives to pay, at least: its due date is the later of final_due and the invoice date + these days',
          },
          contact: {
            type: 'object',
            additionalProperties: false,
            description: "The host's person for questions about the invoices (EHF seller contact); name defaults to the host's reference",
            properties: { name: { type: 'string' }, phone: { type: ['string', 'integer'] }, email: { type: 'string' } },
          },
        },
      },
      standalone: {
        description: "Per party, what its own IT would cost without the cooperation (for 'scenario --years')",
        type: 'object',
        propertyNames: id,
        additionalProperties: {
          type: 'object',
          additionalProperties: false,
          required: ['amount'],
          properties: {
            amount,
            index: {
              type: 'object',
              additionalProperties: false,
              required: ['series', 'from'],
              properties: { series: id, from: { type: 'integer' }, round: amount },
            },
          },
        },
      },
      limits: {
        description: "Each party's sum over some items kept between a minimum and a maximum by an adjustment line of its own",
        type: 'array',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['label', 'items'],
          anyOf: [{ required: ['min'] }, { required: ['max'] }],
          properties: {
            id: { ...id, description: "The adjustment line's id in reports; limit-1, limit-2, … unless written" },
            label: { type: 'string', description: "The adjustment line's text on reports and invoices" },
            items: { type: 'array', minItems: 1, items: id, description: 'The items whose sum per party is limited' },
            min: { $ref: '#/$defs/bound' },
            max: { $ref: '#/$defs/bound' },
            redistribute: { ...id, description: 'A key: what the limits take off (or add) is shared by its other parties, within their own limits' },
            parties: { type: 'array', items: id, description: 'Only these parties are limited' },
          },
        },
      },
    },
    $defs: {
      selectorValue: selectorValueDef,
      bound: {
        description: 'An amount for every party, or per party with default for the rest',
        oneOf: [amount, { type: 'object', propertyNames: id, additionalProperties: amount }],
      },
      actualsRef: { type: 'object', additionalProperties: false, required: ['actuals'], properties: { actuals: selector } },
      quantity: {
        oneOf: [count, { type: 'object', additionalProperties: false, required: ['driver'], properties: { driver: id, per_party: { type: 'boolean' } } }],
      },
      price: {
        type: 'object',
        additionalProperties: false,
        required: ['quantity'],
        properties: {
          quantity: { $ref: '#/$defs/quantity' },
          per: { enum: ['month', 'year'] },
          months: { type: 'integer', minimum: 1, maximum: 12 },
          mode: { enum: ['step', 'volume', 'graduated'] },
          unit: amount,
          steps: { $ref: '#/$defs/steps' },
          periods: {
            type: 'array',
            minItems: 1,
            description: 'The price changes at these dates within the year (per-party prices); a period without unit/steps is at the price as written',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['from'],
              properties: {
                from: { ...date, description: 'The first day of the period (the first of a month, unless prorate: days)' },
                to: { ...date, description: 'The last day of the period; else the day before the next period, or the end of the year' },
                unit: amount,
                steps: { $ref: '#/$defs/steps' },
              },
            },
          },
        },
        oneOf: [{ required: ['steps'] }, { required: ['unit'] }],
      },
      steps: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            { type: 'array', minItems: 2, maxItems: 2, prefixItems: [count, amount] },
            {
              type: 'object',
              additionalProperties: false,
              required: ['upto', 'price'],
              properties: { upto: count, price: amount, min: { ...amount, description: 'The least amount for a quantity in this step' } },
            },
          ],
        },
      },
      item: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label'],
        properties: {
          id,
          label: { type: 'string' },
          kind: { enum: ['operating', 'investment'] },
          amount,
          actuals: selector,
          price: { $ref: '#/$defs/price' },
          percent: RATIO,
          of: baseRefs,
          less: baseRefs,
          minus: baseRefs,
          index: {
            type: 'object',
            additionalProperties: false,
            required: ['series', 'from'],
            properties: { series: id, from: { type: 'integer' }, round: amount },
          },
          vat: { enum: ['included', 'excluded'] },
          rounding,
          key: id,
          party: id,
          parties: { type: 'array', minItems: 1, items: id, description: 'The only parties the item reaches: its key over them, its per-party price for them' },
          connected: {
            type: 'object',
            description: 'Per party, the dates it is billed from (and to) for a per-party price: a date is the first day billed',
            propertyNames: id,
            additionalProperties: {
              oneOf: [
                date,
                {
                  type: 'object',
                  additionalProperties: false,
                  minProperties: 1,
                  properties: { from: date, to: { ...date, description: 'The last day billed' } },
                },
              ],
            },
          },
          prorate: { enum: ['months', 'days'], description: 'How periods and connections count part of a year: whole months (the default) or days' },
          above: {
            ...amount,
            description:
              'Only the part of the cost base above this counts: a percent item takes its rate of the part of its base above it; an item split by a key shares the part above it, and below: pays the rest',
          },
          below: { ...id, description: 'With above: on an item split by a key, the party that pays up to the threshold' },
        },
        oneOf: [{ required: ['amount'] }, { required: ['actuals'] }, { required: ['price'] }, { required: ['percent'] }],
      },
    },
  }) as const;
