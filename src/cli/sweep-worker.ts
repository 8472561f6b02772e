import { parentPort, workerData } from 'node:worker_threads';
import { openScenarios } from '../commands/scenario.js';
import { scenarioStream } from '../render/registry.js';
import { ScenarioPlan } from '../scenario/sweep.js';
import { NODE_FS } from './io.js';
import { agreementSource, load } from './load.js';
import { Progress } from './progress.js';
import type { SweepAck, SweepJob, SweepMessage } from './sweep-job.js';
import { Utf8Chunks } from './utf8-chunks.js';

/** Runs this thread's blocks in order, each written by the same streamed renderer the main thread uses, never more than `window` ahead of the writer. */
async function work(job: SweepJob, port: NonNullable<typeof parentPort>): Promise<void> {
  let ahead = 0;
  let wake: (() => void) | null = null;
  // One gatherer for every block: the buffers the main thread gives back are filled again.
  const text = new Utf8Chunks();
  port.on('message', (m: SweepAck) => {
    if (m?.kind !== 'written') return;
    text.release(m.buffers);
    ahead--;
    wake?.();
  });
  const send = (m: SweepMessage) => {
    port.postMessage(
      m,
      m.bytes.map((b) => b.buffer as ArrayBuffer),
    );
    ahead++;
  };
  const loaded = await load(NODE_FS, job.arg, job.overrides, new Progress(null), job.detail);
  // The main thread checked every setting: here they all name something.
  const session = openScenarios(agreementSource(loaded), loaded.inputs!, { scenarios: [], fixed: [] }).report!;
  const stream = scenarioStream(job.format)!;
  const head = { baseline: session.baseline, paths: job.paths, noted: job.keepGoing };
  const plan = new ScenarioPlan(job.plan);
  for (let start = job.from + job.thread * job.block; start < job.to; start += job.threads * job.block) {
    while (ahead >= job.window) await new Promise<void>((resolve) => (wake = resolve));
    for (let i = start; i < Math.min(start + job.block, job.to); i++) {
      const point = session.point(plan.at(i), job.keepGoing).report;
      if (!point) return send({ kind: 'failed', bytes: text.take(), at: i });
      // The baseline is point 0, so scenario i of the plan is point i + 1.
      text.add(stream.point(head, point, i + 1, job.locale));
    }
    send({ kind: 'block', bytes: text.take() });
  }
}

await work(workerData as SweepJob, parentPort!);
