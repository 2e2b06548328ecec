/**
 * A --jobs worker thread: runs the tasks it is sent and posts back, one reply
 * per task, either the reports as the command prints them (streamed formats:
 * bytes, stderr notes and totals) or the processed reports with their excerpts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportSettings } from '../filters/index.js';
import { streamFormatter, type StreamSpec } from '../report/stream.js';
import { pack, printBatch, runTask, type Task, type TaskOptions } from './task.js';

const { options, settings, output } = workerData as { options: TaskOptions; settings: ReportSettings; output?: StreamSpec };
const formatting = output ? streamFormatter(output) : null;

/** Tasks run one after the other, in the order they came: the pool sends the next before this one is done. */
let running: Promise<void> = Promise.resolve();

parentPort!.on('message', (message: { id: number; task: Task }) => {
  running = running.then(() => handle(message));
});

async function handle({ id, task }: { id: number; task: Task }): Promise<void> {
  try {
    const processed = await runTask(task, options, settings);
    if (formatting) {
      const printed = printBatch(processed, await formatting, output!.gate);
      parentPort!.postMessage({ id, printed }, [printed.bytes.buffer as ArrayBuffer]);
    } else {
      parentPort!.postMessage({ id, results: processed.map(pack) });
    }
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error)?.stack ?? String(err) });
  }
}
