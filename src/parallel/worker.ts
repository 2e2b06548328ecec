/**
 * A --jobs worker thread: runs the tasks it is sent and posts back the
 * processed reports (with their excerpts), one reply per task.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ReportSettings } from '../filters/index.js';
import { pack, runTask, type Task, type TaskOptions } from './task.js';

const { options, settings } = workerData as { options: TaskOptions; settings: ReportSettings };

parentPort!.on('message', async ({ id, task }: { id: number; task: Task }) => {
  try {
    const results = (await runTask(task, options, settings)).map(pack);
    parentPort!.postMessage({ id, results });
  } catch (err) {
    parentPort!.postMessage({ id, error: (err as Error)?.stack ?? String(err) });
  }
});
