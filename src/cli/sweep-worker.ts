import { parentPort, workerData } from 'node:worker_threads';
import { openScenarios } from '../commands/scenario.js';
import { infeasible, ScenarioCsvWriter, ScenarioJsonWriter } from '../render/scenario-data.js';
import { NODE_FS } from './io.js';
import { agreementSource, load } from './load.js';
import { Progress } from './progress.js';
import type { SweepJob, SweepResult } from './sweep-job.js';

async function work(job: SweepJob): Promise<SweepResult> {
  const loaded = await load(NODE_FS, job.arg, job.overrides, new Progress(null), job.detail);
  // The main thread checked every setting: here they all name something.
  const session = openScenarios(agreementSource(loaded), loaded.inputs!, { scenarios: [], fixed: [] }).report!;
  const parts: string[] = [];
  for (const [index, s] of job.scenarios.entries()) {
    const outcome = session.run(s);
    const column = outcome.report;
    if (!column && job.keepGoing) {
      const noted = infeasible(s, outcome.diagnostics, job.locale);
      parts.push(job.format === 'csv' ? ScenarioCsvWriter.infeasible(noted, job.locale, job.swept) : ScenarioJsonWriter.infeasible(noted));
      continue;
    }
    if (!column) return { kind: 'failed', index };
    parts.push(job.format === 'csv' ? ScenarioCsvWriter.part(column, job.locale, job.swept, job.keepGoing) : ScenarioJsonWriter.part(column));
  }
  return { kind: 'ok', parts };
}

parentPort?.postMessage(await work(workerData as SweepJob));
