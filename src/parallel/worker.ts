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

parentPort!.on('message', async ({ id, task }: { id: number; task: Task }) => {
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
});
