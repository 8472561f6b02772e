import { parentPort, workerData } from 'node:worker_threads';
import { openScenarios } from '../commands/scenario.js';
import type { Locale } from '../render/locale.js';
import { ScenarioCsvWriter, ScenarioJsonWriter } from '../render/scenario-data.js';
import type { Scenario } from '../scenario/file.js';
import { NODE_FS } from './io.js';
import { load, type InputOverrides } from './load.js';
import { Progress } from './progress.js';
import { agreementSource } from './scenario.js';

/** What the main thread sends: the agreement as given on the command line, and this worker's share of the scenarios. */
export interface SweepJob {
  readonly arg: string;
  readonly overrides: InputOverrides;
  readonly scenarios: readonly Scenario[];
  readonly format: 'csv' | 'json';
  readonly locale: Locale;
}

/** Each scenario's output text in order, or the position of the first scenario that failed (the main thread reports it). */
export type SweepResult = { readonly kind: 'ok'; readonly parts: readonly string[] } | { readonly kind: 'failed'; readonly index: number };

async function work(job: SweepJob): Promise<SweepResult> {
  const loaded = await load(NODE_FS, job.arg, job.overrides, new Progress(null));
  // The main thread checked every setting: here they all name something.
  const session = openScenarios(agreementSource(loaded), loaded.inputs!, { scenarios: [], fixed: [] }).report!;
  const parts: string[] = [];
  for (const [index, s] of job.scenarios.entries()) {
    const column = session.run(s).report;
    if (!column) return { kind: 'failed', index };
    parts.push(job.format === 'csv' ? ScenarioCsvWriter.part(column, job.locale) : ScenarioJsonWriter.part(column));
  }
  return { kind: 'ok', parts };
}

parentPort?.postMessage(await work(workerData as SweepJob));
