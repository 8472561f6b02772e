import { limitJson } from './allocation-json.js';
import { stepText } from './basis-steps.js';
import { billedText } from './explain-text.js';
import type { Explanation } from '../reports/explanation.js';
import type { KeyDerivation } from '../reports/keys.js';
import type { Ratio } from '../money/ratio.js';
import type { Locale } from './locale.js';

const exact = (r: Ratio) => r.toDecimalString(12);
const shares = (s: ReadonlyMap<string, Ratio>) => Object.fromEntries([...s].map(([id, r]) => [id, exact(r)]));

function derivationJson(d: KeyDerivation): object {
  const common = { key: d.key, kind: d.kind, shares: shares(d.shares), ...(d.unrounded ? { unrounded: shares(d.unrounded) } : {}) };
  switch (d.kind) {
    case 'shares':
      return common;
    case 'equal':
      return { ...common, count: d.count };
    case 'proportional':
      return { ...common, measure: d.measure, values: shares(d.values), total: exact(d.total) };
    case 'blend':
      return { ...common, parts: d.parts.map((p) => ({ weight: exact(p.weight), derivation: derivationJson(p.derivation) })) };
  }
}

/** The explanation as JSON: the same numbers as the allocation's JSON, with the key's derivation and the ledger rows. */
export function explanationJson(e: Explanation, locale: Locale): object {
  const a = e.report.agreement;
  return {
    agreement: a.title,
    year: a.year,
    party: e.party.id,
    name: e.party.name,
    items: e.items.map((i) => ({
      id: i.item.id,
      label: i.item.label,
      kind: i.item.kind,
      basis: i.basis.toFixed2(),
      basis_steps: i.steps.map((s) => ({
        step: s.step,
        text: stepText(s.detail, locale),
        amount: s.amount.toPlain(),
        ...(s.rows
          ? {
              rows: s.rows.map((r) => ({
                file: r.at.file,
                line: r.at.line,
                ...(r.at.record ? { transaction: r.at.record.transaction, record: r.at.record.record } : {}),
                category: r.category,
                ...(r.account ? { account: r.account } : {}),
                ...(r.columns ? { columns: r.columns } : {}),
                ...(r.party ? { party: r.party } : {}),
                rows: r.rows,
                amount: r.amount.toPlain(),
              })),
            }
          : {}),
      })),
      shared: i.shared.toFixed2(),
      ...(i.derivation ? { key: derivationJson(i.derivation) } : {}),
      lines: i.lines.map((l) => ({
        method: l.method,
        ...(l.share ? { share: exact(l.share) } : {}),
        ...(l.quantity ? { quantity: exact(l.quantity) } : {}),
        ...(l.limit ? { limit: limitJson(l.limit) } : {}),
        ...(l.billed
          ? {
              billed: l.billed.map((b) => ({
                from: b.from,
                to: b.to,
                [b.by]: b.count,
                of: b.of,
                text: billedText(b, locale),
                yearly: b.yearly.toPlain(),
                exact: exact(b.exact),
              })),
            }
          : {}),
        exact: exact(l.exact),
        amount: l.amount.toFixed2(),
      })),
      rounding: { unit: i.item.rounding.unit.toPlain(), method: i.item.rounding.method },
      unallocated: i.unallocated.toFixed2(),
      amount: i.amount.toFixed2(),
    })),
    total: e.total.toFixed2(),
    ...(e.membership ? { membership: e.membership } : {}),
  };
}
