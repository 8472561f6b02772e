import type { SourcePos } from '../diagnostics/diagnostic.js';
import type { Agreement, IgnoreRule, Item, Selector } from './model.js';

/**
 * Every selector of an agreement with what it is for: an item's amount, the
 * base of a percentage, or an `ignore:` rule. The one place that knows where
 * selectors are written, so the columns the reader keeps, coverage and the
 * ledger warnings always see the same ones.
 */
export type SelectorUse =
  | { readonly role: 'item'; readonly item: Item; readonly selector: Selector }
  | { readonly role: 'base'; readonly item: Item; readonly selector: Selector }
  | { readonly role: 'ignore'; readonly rule: IgnoreRule; readonly selector: Selector };

export function selectorUses(a: Agreement): SelectorUse[] {
  return [
    ...a.items.flatMap((item): SelectorUse[] =>
      item.source.kind === 'actuals'
        ? [{ role: 'item', item, selector: item.source.selector }]
        : item.source.kind === 'percent'
          ? [...item.source.of, ...item.source.deduct].flatMap((r): SelectorUse[] =>
              r.kind === 'actuals' ? [{ role: 'base', item, selector: r.selector }] : [],
            )
          : [],
    ),
    ...a.ignore.map((rule): SelectorUse => ({ role: 'ignore', rule, selector: rule.selector })),
  ];
}

/**
 * The ledger columns the agreement selects by, lower-cased, each with where
 * it is first named: the reader keeps these and sums rows over the rest (a
 * ledger of ten thousand accounts selected by category is summed per
 * category), and reports a column the file lacks at its first use.
 */
export function selectedColumns(a: Agreement): ReadonlyMap<string, SourcePos> {
  const out = new Map<string, SourcePos>();
  for (const { selector } of selectorUses(a)) for (const f of selector.fields) if (!out.has(f.column)) out.set(f.column, f.at);
  return out;
}
