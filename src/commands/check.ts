import type { Agreement } from '../agreement/model.js';
import { invoiceNumberClashes } from '../validate/number-series.js';
import type { SettlementReport } from '../reports/settlement.js';
import type { Computed, Diagnostic } from '../diagnostics/diagnostic.js';
import { deviation } from './deviation.js';
import { hasBudget, type Inputs } from './inputs.js';
import type { AgreementSource } from './scenario.js';
import { settle } from './settle.js';
import type { Scenario } from '../scenario/file.js';
import type { CheckReport, CheckedAgreement } from '../reports/check.js';
import { validateInvoicing } from '../validate/invoicing.js';

/** One agreement as loaded: its inputs, or null when reading found errors. */
export interface CheckSubject {
  readonly file: string;
  /** The agreement's text, for scenarios to change. */
  readonly source?: AgreementSource;
  readonly inputs: Inputs | null;
  /** Rows read from the actuals file. */
  readonly actualsCount: number;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * `samkost check`: everything the other commands would compute, for each
 * agreement, with every problem found — and invoice numbers that two
 * agreements of the same host would both use.
 */
export interface CheckOptions {
  /** Warnings count as errors: for CI, where a silent 0,00 must fail the build. */
  readonly strict: boolean;
  /** Also whether the final invoices can be issued: org numbers, addresses, the host's account, buyer references, a number series. */
  readonly invoices?: boolean;
  /**
   * Scenarios every agreement must be able to run: each setting names a
   * value, and no scenario makes the agreement invalid. With how they are
   * run (scenarioProblems in ./scenario.ts), which the caller loads only
   * when there are scenarios: running them reads YAML the short reader
   * does not, with the yaml library.
   */
  readonly scenarios?: {
    readonly list: readonly Scenario[];
    readonly problems: (source: AgreementSource, inputs: Inputs, scenarios: readonly Scenario[]) => Diagnostic[];
  };
}

export function check(subjects: readonly CheckSubject[], options: CheckOptions = { strict: false }): CheckReport {
  const strictly = (list: readonly Diagnostic[]): readonly Diagnostic[] =>
    options.strict ? list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' } : d)) : list;
  const seen: Agreement[] = [];
  const agreements = subjects.map((s): CheckedAgreement => {
    const proved = s.inputs ? checkAll(s.inputs, options.invoices === true) : null;
    const clashes = s.inputs ? invoiceNumberClashes(s.inputs.agreement, seen) : [];
    if (s.inputs) seen.push(s.inputs.agreement);
    const runs = s.inputs && s.source && options.scenarios && proved?.report ? options.scenarios.problems(s.source, s.inputs, options.scenarios.list) : [];
    const diagnostics = strictly([...s.diagnostics, ...(proved?.diagnostics ?? []), ...clashes, ...runs]);
    const settled = proved?.report;
    if (!settled || clashes.length || diagnostics.some((d) => d.severity === 'error')) return { file: s.file, diagnostics, summary: null };
    const r = settled.allocation;
    const summary = {
      parties: r.agreement.parties.length,
      items: r.agreement.items.length,
      actualsRows: s.actualsCount,
      total: r.total,
      allocated: r.total.minus(r.unallocated),
      unallocated: r.unallocated,
      ledger: r.ledger,
    };
    return { file: s.file, diagnostics, summary };
  });
  return { ok: !agreements.some((a) => a.diagnostics.some((d) => d.severity === 'error')), agreements };
}

/**
 * The settlement (which includes the allocation, the payments and the
 * a-konto budget) and, where a budget exists, the deviation table — run only
 * after the settlement passed, so no problem is reported twice.
 */
function checkAll(inputs: Inputs, invoicing: boolean): Computed<SettlementReport> {
  const settled = settle(inputs);
  if (!settled.report) return settled;
  if (invoicing) {
    // Dated on the first day after the year, the earliest a final invoice is written: a final_due that leaves the parties fewer days than the terms is warned of.
    const a = inputs.agreement;
    // Checked as for EHF, the way invoices are sent: a party without a buyer reference (or order reference) is reported.
    const issued = validateInvoicing(a, { date: `${a.year + 1}-01-01`, references: new Map(), ehf: true });
    if (!issued.report) return { report: null, diagnostics: [...settled.diagnostics, ...issued.diagnostics] };
    if (issued.diagnostics.length) return { report: settled.report, diagnostics: [...settled.diagnostics, ...issued.diagnostics] };
  }
  if (!hasBudget(inputs)) return settled;
  const dev = deviation(inputs, { sign: 'budget-minus-actual' });
  return dev.report ? settled : { report: null, diagnostics: dev.diagnostics };
}
