import { allocate } from '../commands/allocate.js';
import { deviation } from '../commands/deviation.js';
import { explain } from '../commands/explain.js';
import type { Inputs } from '../commands/inputs.js';
import { settle } from '../commands/settle.js';
import type { Outcome } from '../diagnostics/outcome.js';
import { render, type FormatOf, type ReportKind, type Reports } from '../render/registry.js';
import type { DeviationSign } from '../reports/deviation.js';
import { type Action, road } from './command-spec.js';
import type { CommonOptions } from './context.js';
import type { LedgerDetail } from './load.js';

/** A report command: one agreement, one report, printed in the chosen format — the road with nothing to parse. */
const reportAction = <K extends ReportKind, O extends CommonOptions>(
  kind: (opts: O) => K,
  compute: (inputs: Inputs, opts: O) => Outcome<Reports[K]>,
  detail: LedgerDetail = 'classes',
): Action<O & { format: FormatOf<K> }> =>
  road({
    parse: () => undefined,
    load: (arg: string, _parsed, _opts, c) => c.load(arg, detail),
    compute: async (loaded, _parsed, opts: O & { format: FormatOf<K> }, c) => c.report(compute(await c.inputs(loaded), opts), loaded),
    render: (report, _parsed, opts, c) => render(kind(opts), opts.format, report, c.renderOptions),
    write: (text, _report, opts, c) => c.speaker.out(text, opts),
  });

/** `samkost allocate`: the allocation, items × parties. */
export const allocateAction = reportAction(
  () => 'allocation',
  (inputs) => allocate(inputs),
);

/** `samkost settle`: per party, charged, paid a-konto, balance and due date; or the a-konto schedule. */
export const settleAction = reportAction(
  (o: CommonOptions & { schedule?: boolean }) => (o.schedule ? 'schedule' : 'settlement'),
  (inputs, o) => settle(inputs, { schedule: o.schedule === true }),
);

/** `samkost deviation`: budget against actuals, the overrun split by party. */
export const deviationAction = reportAction(
  (_: CommonOptions & { sign: DeviationSign; thousands?: boolean }) => 'deviation',
  (inputs, o) => deviation(inputs, { sign: o.sign }),
);

/** `samkost explain`: how each amount on a party's invoice was derived. */
export const explainAction = reportAction(
  (_: CommonOptions & { party: string; item?: string }) => 'explanation',
  (inputs, o) => explain(inputs, { party: o.party, ...(o.item !== undefined ? { item: o.item } : {}) }),
  'accounts',
);
