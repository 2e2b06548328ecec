/**
 * --jobs: inputs (files, or the messages of a mailbox) spread over worker
 * threads, reports handed back in input order. One job, or a run with a
 * single input, stays on the main thread: a pool costs more than it saves.
 */
import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import { detectFormat, looksBinary } from '../decode/index.js';
import { postProcess, type Processed, type ReportSettings } from '../filters/index.js';
import { analyzeInputs, errorReport, expandInputs, STDIN_PATH, type Input, type RunOptions } from '../pipeline.js';
import { WorkerPool } from './pool.js';
import { runTask, unpack, type Task, type TaskOptions } from './task.js';

export function defaultJobs(): number {
  return availableParallelism();
}

/** Tasks in flight (dispatched or finished but waiting for an earlier one) per job: bounds memory, keeps workers fed. */
const IN_FLIGHT_PER_JOB = 4;

/** Every input's processed report(s), in input order, analysed by up to `jobs` threads. */
export async function* processInputs(
  paths: readonly string[],
  options: RunOptions,
  settings: ReportSettings,
  jobs: number,
): AsyncGenerator<Processed> {
  if (jobs <= 1) {
    for await (const report of analyzeInputs(paths, options)) yield postProcess(report, settings);
    return;
  }
  const taskOptions = workerOptions(options);
  const source = tasksOf(paths, options)[Symbol.asyncIterator]();
  const limit = jobs * IN_FLIGHT_PER_JOB;
  const ahead: Task[] = [];
  let exhausted = false;
  const pull = async (): Promise<Task | null> => {
    if (ahead.length > 0) return ahead.shift()!;
    if (exhausted) return null;
    const next = await source.next();
    if (next.done) exhausted = true;
    return next.done ? null : next.value;
  };
  // Read ahead enough to know whether a pool is worth starting, and how big.
  while (!exhausted && ahead.length < limit) {
    const next = await source.next();
    if (next.done) exhausted = true;
    else ahead.push(next.value);
  }
  if (ahead.length <= 1) {
    for (const task of ahead) yield* await runTask(task, taskOptions, settings);
    return;
  }
  const pool = new WorkerPool(Math.min(jobs, ahead.length), taskOptions, settings);
  const pending: Array<Promise<Processed[]>> = [];
  const submit = (task: Task) =>
    // Reports made without analysis need no thread (and keep their order all the same).
    task.kind === 'report'
      ? Promise.resolve([postProcess(task.report, settings)])
      : pool.run(task).then((results) => results.map(unpack));
  try {
    for (;;) {
      while (pending.length < limit) {
        const task = await pull();
        if (!task) break;
        const promise = submit(task);
        promise.catch(() => {}); // awaited in order below; do not report it unhandled meanwhile
        pending.push(promise);
      }
      const head = pending.shift();
      if (!head) break;
      yield* await head;
    }
  } finally {
    await pool.close();
  }
}

function workerOptions(options: RunOptions): TaskOptions {
  const { skip: _skip, stdin: _stdin, ...rest } = options;
  return rest;
}

/** The tasks of a run, in order: a mailbox becomes one task per message, any other input one task. */
async function* tasksOf(paths: readonly string[], options: RunOptions): AsyncGenerator<Task> {
  for await (const input of expandInputs(paths, options)) {
    if ('findings' in input) yield { kind: 'report', report: input };
    else if (options.skip?.(input.path)) continue;
    else if (input.path === STDIN_PATH) yield* stdinTasks(input, options);
    else if (await isMailboxFile(input.path, options)) yield* messageTasks(input.path, createReadStream(input.path));
    else yield { kind: 'file', path: input.path, explicit: input.explicit };
  }
}

/** Enough of the start of an input to sniff its format (the pipeline decides on at least this much). */
const HEAD_BYTES = 64 * 1024;

async function isMailboxFile(path: string, options: RunOptions): Promise<boolean> {
  let head: Buffer;
  try {
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(HEAD_BYTES);
      const { bytesRead } = await file.read(buffer, 0, HEAD_BYTES, 0);
      head = buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return false; // the task reports the error, as the pipeline words it
  }
  return isMailbox(path, head, options);
}

function isMailbox(path: string | null, head: Uint8Array, options: RunOptions): boolean {
  return !looksBinary(head) && (options.inputFormat ?? detectFormat(path, head)) === 'mbox';
}

async function* stdinTasks(input: Input, options: RunOptions): AsyncGenerator<Task> {
  const chunks: Buffer[] = [];
  let length = 0;
  const stream = input.chunks ? input.chunks() : (async function* () { yield await input.read(); })();
  const iterator = stream[Symbol.asyncIterator]();
  let done = false;
  try {
    while (length < HEAD_BYTES) {
      const next = await iterator.next();
      if (next.done) {
        done = true;
        break;
      }
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      chunks.push(chunk);
      length += chunk.length;
    }
  } catch (err) {
    yield { kind: 'report', report: errorReport(input.path, (err as Error).message) };
    return;
  }
  const head = Buffer.concat(chunks);
  const rest = async function* () {
    yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    }
  };
  if (isMailbox(null, head, options)) {
    yield* messageTasks(input.path, rest());
    return;
  }
  const all: Buffer[] = [];
  for await (const chunk of rest()) all.push(chunk);
  yield { kind: 'bytes', path: input.path, explicit: input.explicit, bytes: Buffer.concat(all) };
}

async function* messageTasks(path: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Task> {
  const { splitMailbox } = await import('../decode/mbox.js');
  let n = 0;
  try {
    for await (const message of splitMailbox(chunks)) yield { kind: 'message', path: `${path}#${++n}`, bytes: message };
  } catch (err) {
    yield { kind: 'report', report: errorReport(path, (err as Error).message) };
  }
}
