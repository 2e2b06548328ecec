/**
 * A fixed set of worker threads fed from one queue. Each worker holds one
 * task at a time; callers get a promise per task and keep their own order.
 */
import { Worker } from 'node:worker_threads';
import type { ReportSettings } from '../filters/index.js';
import type { StreamSpec } from '../report/stream.js';
import type { PackedResult, PrintedBatch, Task, TaskOptions } from './task.js';

interface Job {
  id: number;
  task: Task;
  resolve(results: PackedResult[] | PrintedBatch): void;
  reject(err: Error): void;
}

/**
 * The young generation of each worker's heap, in MB (V8 rounds to a power
 * of two). V8 lets it grow to 32 MB per thread by default (two 16 MB
 * semi-spaces), which is most of what a worker adds to peak RSS: on the
 * 50 MB mailbox with --jobs 2, ~210 MB with V8's default, ~175 MB with 8 MB,
 * ~150 MB with 4 MB, for ~13 % more CPU than the default (more frequent
 * scavenges; median of 7 runs each, see docs/performance.md). From 4 MB to
 * 2 MB, once the main thread no longer held the workers' output: the 500 MB
 * mailbox at 140.5 and 142.5 MB instead of 149.7 and 150.0 MB, with the same
 * CPU time (423 against 424 s over two interleaved pairs) and the same on the
 * 20,000 small files. The old generation is left to V8 (and to
 * --heap-growing-percent, which applies to every thread): a large message
 * still gets the heap it needs. `node --max-semi-space-size=16 …` gives the
 * workers V8's default back.
 */
export const WORKER_YOUNG_GENERATION_MB = 2;

/** resourceLimits for a worker, unless the user sized the young generation (`node --max-semi-space-size=N …`). */
export function workerLimits(execArgv: readonly string[] = process.execArgv): { maxYoungGenerationSizeMb: number } | undefined {
  if (execArgv.some((a) => /^--max[-_]semi[-_]space[-_]size\b/.test(a))) return undefined;
  return { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB };
}

/**
 * Tasks a worker holds at once: the one it runs and the next, so it never
 * waits for the main thread between two (on thousands of small files that
 * wait was a tenth of each worker's time).
 */
export const TASKS_PER_WORKER = 2;

/**
 * The buffers a task can hand over to its worker rather than have copied:
 * a message batch's bytes, when they fill a buffer of their own (not a view
 * into Node's shared pool or a larger read). Handed over, they are no longer
 * this thread's: the copy left behind was dead weight until the main
 * thread's next collection, which can be far off (see releasePrinted in
 * task.ts).
 */
export function transferables(task: Task): ArrayBuffer[] {
  if (task.kind !== 'message' && task.kind !== 'messages' && task.kind !== 'bytes') return [];
  const { buffer, byteOffset, byteLength } = task.bytes;
  return buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength && byteLength > 0 ? [buffer] : [];
}

export class WorkerPool {
  /** Each worker's tasks, by id, in the order it was given them (it runs them in that order). */
  private readonly assigned = new Map<Worker, Map<number, Job>>();
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failure: Error | null = null;

  /** Workers start as tasks arrive, up to `size`: two inputs never start eight threads. */
  constructor(
    private readonly size: number,
    private readonly options: TaskOptions,
    private readonly settings: ReportSettings,
    /** Streamed formats: the workers print their reports themselves. */
    private readonly output?: StreamSpec,
  ) {}

  private spawn(): void {
    const worker = new Worker(new URL('./worker.js', import.meta.url), {
      workerData: { options: this.options, settings: this.settings, output: this.output },
      resourceLimits: workerLimits(),
    });
    const jobs = new Map<number, Job>();
    this.assigned.set(worker, jobs);
    worker.on('message', (reply: { id: number; results?: PackedResult[]; printed?: PrintedBatch; error?: string }) => {
      const job = jobs.get(reply.id);
      jobs.delete(reply.id);
      if (job) {
        if (reply.error !== undefined) job.reject(new Error(reply.error));
        else job.resolve(reply.printed ?? reply.results!);
      }
      this.dispatch();
    });
    worker.on('error', (err) => this.fail(worker, err));
    worker.on('exit', (code) => {
      if (jobs.size > 0) this.fail(worker, new Error(`worker thread exited with code ${code}`));
    });
  }

  run(task: Task): Promise<PackedResult[] | PrintedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  /** Gives queued tasks to the least loaded workers, starting a new one while every worker is busy. */
  private dispatch(): void {
    while (this.assigned.size < this.size && this.queue.length > this.idleWorkers()) this.spawn();
    for (let load = 0; load < TASKS_PER_WORKER && this.queue.length > 0; load++) {
      for (const [worker, jobs] of this.assigned) {
        if (this.queue.length === 0) break;
        if (jobs.size !== load) continue;
        const job = this.queue.shift()!;
        jobs.set(job.id, job);
        worker.postMessage({ id: job.id, task: job.task }, transferables(job.task));
      }
    }
  }

  private idleWorkers(): number {
    let n = 0;
    for (const jobs of this.assigned.values()) if (jobs.size === 0) n++;
    return n;
  }

  private fail(worker: Worker, err: Error): void {
    this.failure ??= err;
    const jobs = this.assigned.get(worker);
    for (const job of jobs?.values() ?? []) job.reject(err);
    jobs?.clear();
    for (const job of this.queue.splice(0)) job.reject(err);
  }

  async close(): Promise<void> {
    const workers = [...this.assigned.keys()];
    this.assigned.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
