import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { allocation } from '../commands/compute.js';
import type { Locale } from '../render/locale.js';
import { ScenarioCsvWriter, ScenarioJsonWriter } from '../render/scenario-data.js';
import { scenarioColumn } from '../scenario/compare.js';
import type { Scenario } from '../scenario/file.js';
import { ScenarioRunner } from '../scenario/run.js';
import { settingText } from '../scenario/set.js';
import { load, type InputOverrides } from './load.js';
import { Progress } from './progress.js';

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
  const loaded = await load(job.arg, job.overrides, new Progress(null));
  const baseline = allocation(loaded.inputs!).report!;
  const runner = new ScenarioRunner(loaded.texts.get(loaded.file)!, loaded.file, (p) => path.join(path.dirname(loaded.file), p), (agreement) => allocation({ ...loaded.inputs!, agreement }));
  const parts: string[] = [];
  for (const [index, s] of job.scenarios.entries()) {
    const outcome = runner.run(s.settings);
    if (outcome.kind !== 'ok') return { kind: 'failed', index };
    const column = scenarioColumn(baseline, { name: s.name, settings: s.settings.map(settingText), report: outcome.result });
    parts.push(job.format === 'csv' ? ScenarioCsvWriter.part(column, job.locale) : ScenarioJsonWriter.part(column));
  }
  return { kind: 'ok', parts };
}

parentPort?.postMessage(await work(workerData as SweepJob));
