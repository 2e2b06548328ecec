/**
 * --jobs: inputs (files, or the messages of a mailbox) spread over worker
 * threads, reports handed back in input order. One job, a single input, or
 * the first megabyte of files stays on the main thread: a pool costs more
 * than it saves there.
 */
import { open } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { detectFormat, looksBinary, TEXT_EXTENSIONS } from '../decode/index.js';
import { limitBytes, tooLargeMessage } from '../decode/limits.js';
import { postProcess, type Processed, type ReportSettings } from '../filters/index.js';
import { expectLongRun } from '../long-run.js';
import { analyzeInputs, collect, errorReport, expandInputs, peek, STDIN_PATH, type Input, type Opened, type RunOptions } from '../pipeline.js';
import type { StreamSpec } from '../report/stream.js';
import { runTask, unpack, type PrintedBatch, type Task, type TaskOptions } from './task.js';

export { releasePrinted, type PrintedBatch } from './task.js';

export function defaultJobs(): number {
  return availableParallelism();
}

/** Tasks in flight (dispatched or finished but waiting for an earlier one) per job: bounds memory, keeps workers fed. */
const IN_FLIGHT_PER_JOB = 4;

/**
 * Every input's processed report(s), in input order, analysed by up to
 * `jobs` threads. With `output` (a streamed format), reports analysed by a
 * worker come already printed, a batch at a time.
 */
export async function* processInputs(
  paths: readonly string[],
  options: RunOptions,
  settings: ReportSettings,
  jobs: number,
  output?: StreamSpec,
): AsyncGenerator<Processed | PrintedBatch> {
  if (jobs <= 1) {
    for await (const report of analyzeInputs(paths, options)) yield postProcess(report, settings);
    return;
  }
  const taskOptions = workerOptions(options);
  const source = tasksOf(paths, options)[Symbol.asyncIterator]();
  const pull = async (): Promise<Task | null> => {
    const next = await source.next();
    return next.done ? null : next.value;
  };
  // Files are analysed here until there is more work left than a worker costs to start: a worker
  // thread starts, compiles and warms up for ~0.2 s of CPU, more than a megabyte of small files takes,
  // so two changed files in a pre-commit hook never start one. A task over the budget starts the pool
  // only when another follows: if the next is slow to come (stdin still open), or there is none, it is
  // analysed here too, so its report is not held back (jsonl streams). Which thread analyses an input
  // never changes the output.
  let budget = localWorkBytes();
  let queued: Task[] | null = null;
  for (let task = await pull(); task; ) {
    const work = workOf(task);
    if (work <= budget) {
      budget -= work;
      yield* await runTask(task, taskOptions, settings);
      task = await pull();
      continue;
    }
    const next = pull();
    const soon = await Promise.race([next.then((t) => ({ t })), delay(SECOND_INPUT_WAIT_MS)]);
    if (soon !== undefined && soon.t !== null) {
      queued = [task, soon.t];
      break;
    }
    budget = 0;
    yield* await runTask(task, taskOptions, settings);
    task = await next;
  }
  if (!queued) return;
  // V8 is tuned before the threads start: each warms up on its own, with every core busy.
  expectLongRun('threads');
  // Loaded only now: worker_threads is not needed by a run on one input.
  const { WorkerPool } = await import('./pool.js');
  const pool = new WorkerPool(jobs, taskOptions, settings, output);
  try {
    yield* inOrder(queued, pull, (task) =>
      // Reports made without analysis need no thread (and keep their place all the same).
      task.kind === 'report'
        ? Promise.resolve([postProcess(task.report, settings)])
        : pool.run(task).then((results) => ('kind' in results ? [results] : results.map(unpack))),
      jobs * IN_FLIGHT_PER_JOB,
    );
  } finally {
    await pool.close();
  }
}

/**
 * Bytes of input analysed on the main thread before a pool starts (walked
 * files count as WALKED_FILE_COST each). QUIDPRO_LOCAL_WORK_BYTES overrides
 * it: the tests set 0 to run small inputs through the workers.
 */
const LOCAL_WORK_BYTES = 1024 * 1024;

function localWorkBytes(): number {
  const set = Number(process.env.QUIDPRO_LOCAL_WORK_BYTES);
  return process.env.QUIDPRO_LOCAL_WORK_BYTES !== undefined && Number.isFinite(set) && set >= 0 ? set : LOCAL_WORK_BYTES;
}

/** How much there is to analyse in a task, in bytes (walked files estimated, named files by their size, a mailbox's messages without end). */
function workOf(task: Task): number {
  switch (task.kind) {
    case 'file':
      try {
        return statSync(task.path).size;
      } catch {
        return 0; // the task reports the error
      }
    case 'bytes':
      return task.bytes.byteLength;
    case 'message':
    case 'messages':
      // A mailbox goes to the workers at once: a megabyte of messages analysed here first grew the main
      // thread's heap for the rest of the run (~35 MB more peak RSS on a 50 MB mailbox with 2 threads).
      return Infinity;
    case 'batch':
      return task.tasks.length * WALKED_FILE_COST;
    case 'report':
      return 0;
  }
}

/** How long an input over the budget waits to learn whether another one follows. */
const SECOND_INPUT_WAIT_MS = 25;

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

/**
 * Submits tasks as the source yields them (at most `limit` unfinished) and
 * yields their results in task order as soon as each is ready: reading the
 * next input never holds back the report of an earlier one.
 */
async function* inOrder<T>(
  queued: Task[],
  pull: () => Promise<Task | null>,
  submit: (task: Task) => Promise<T[]>,
  limit: number,
): AsyncGenerator<T> {
  const pending: Array<Promise<T[]>> = [];
  let producing = true;
  let failure: unknown = null;
  // Resolvers of whoever waits: the consumer for a new task, the producer for room.
  const waiting: { consumer?: () => void; producer?: () => void } = {};
  const add = (task: Task) => {
    const promise = submit(task);
    promise.catch(() => {}); // awaited in order below; not "unhandled" meanwhile
    pending.push(promise);
    waiting.consumer?.();
  };
  const producer = (async () => {
    try {
      for (const task of queued) add(task);
      for (;;) {
        while (pending.length >= limit) await new Promise<void>((resolve) => (waiting.producer = resolve));
        const task = await pull();
        if (!task) break;
        add(task);
      }
    } catch (err) {
      failure = err;
    } finally {
      producing = false;
      waiting.consumer?.();
    }
  })();
  for (;;) {
    if (pending.length === 0) {
      if (!producing) break;
      await new Promise<void>((resolve) => (waiting.consumer = resolve));
      waiting.consumer = undefined;
      continue;
    }
    const head = pending.shift()!;
    waiting.producer?.();
    waiting.producer = undefined;
    yield* await head;
  }
  await producer;
  if (failure) throw failure;
}

function workerOptions(options: RunOptions): TaskOptions {
  const { skip: _skip, stdin: _stdin, ...rest } = options;
  return rest;
}

/**
 * The tasks of a run, in order: a mailbox becomes one task per message, any
 * other input one task. Files found by a directory walk and messages of a
 * mailbox file come in batches: one message to a thread per small input cost
 * more than it saved.
 */
async function* tasksOf(paths: readonly string[], options: RunOptions): AsyncGenerator<Task> {
  const batch = new Batcher();
  for await (const input of expandInputs(paths, options)) {
    if (!('findings' in input) && options.skip?.(input.path)) continue;
    if (!('findings' in input) && !input.explicit && !(await isMailboxFile(input.path, options))) {
      yield* batch.add({ kind: 'file', path: input.path, explicit: false }, WALKED_FILE_COST);
      continue;
    }
    yield* batch.flush();
    if ('findings' in input) yield { kind: 'report', report: input };
    else if (input.path === STDIN_PATH) yield* stdinTasks(input, options);
    else if (await isMailboxFile(input.path, options)) yield* messageTasks(input.path, createReadStream(input.path), options.maxBytes);
    else yield { kind: 'file', path: input.path, explicit: input.explicit };
  }
  yield* batch.flush();
}

/** A batch is sent when it holds this many bytes of messages (a walked file counts as WALKED_FILE_COST)… */
const BATCH_BYTES = 64 * 1024;
const WALKED_FILE_COST = 4 * 1024;
/** …or this many tasks. */
const BATCH_TASKS = 32;

class Batcher {
  private tasks: Array<Extract<Task, { kind: 'file' }>> = [];
  private bytes = 0;

  *add(task: Extract<Task, { kind: 'file' }>, cost: number): Generator<Task> {
    this.tasks.push(task);
    this.bytes += cost;
    if (this.bytes >= BATCH_BYTES || this.tasks.length >= BATCH_TASKS) yield* this.flush();
  }

  *flush(): Generator<Task> {
    if (this.tasks.length === 0) return;
    const tasks = this.tasks;
    this.tasks = [];
    this.bytes = 0;
    yield tasks.length === 1 ? tasks[0] : { kind: 'batch', tasks };
  }
}

/** Enough of the start of an input to sniff its format (the pipeline decides on at least this much). */
const HEAD_BYTES = 64 * 1024;

async function isMailboxFile(path: string, options: RunOptions): Promise<boolean> {
  if (options.inputFormat !== undefined && options.inputFormat !== 'mbox') return false;
  // A known extension decides without reading (detectFormat prefers it to sniffing).
  if (options.inputFormat === undefined && TEXT_EXTENSIONS.has(extname(path).toLowerCase())) {
    return detectFormat(path, EMPTY) === 'mbox' && isMailboxByContent(path, options);
  }
  return isMailboxByContent(path, options);
}

const EMPTY = new Uint8Array(0);

async function isMailboxByContent(path: string, options: RunOptions): Promise<boolean> {
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
  const stream = input.chunks ? input.chunks() : (async function* () { yield await input.read(); })();
  let opened: Opened;
  try {
    opened = await peek(stream, HEAD_BYTES);
  } catch (err) {
    yield { kind: 'report', report: errorReport(input.path, (err as Error).message) };
    return;
  }
  if (isMailbox(null, opened.head, options)) {
    yield* messageTasks(input.path, opened.all(), options.maxBytes);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await collect(limitBytes(opened.all(), options.maxBytes));
  } catch (err) {
    yield { kind: 'report', report: errorReport(input.path, (err as Error).message) };
    return;
  }
  yield { kind: 'bytes', path: input.path, explicit: input.explicit, bytes };
}

/**
 * The messages of a mailbox as tasks: consecutive messages packed into one
 * buffer per batch, at most BATCH_BYTES or BATCH_TASKS and never past the
 * end of a chunk read (a message too large for --max-bytes is a report of its
 * own, in its place). The splitter is driven here chunk by chunk, so the main
 * thread makes a few objects per batch rather than several per message.
 */
async function* messageTasks(path: string, chunks: AsyncIterable<Uint8Array>, maxBytes?: number): AsyncGenerator<Task> {
  expectLongRun('large-input');
  const { MailboxSplitter, isOversize } = await import('../decode/mbox.js');
  const splitter = new MailboxSplitter(maxBytes);
  let n = 0;
  let first = 0;
  let messages: Buffer[] = [];
  let bytes = 0;
  const flush = (): Task => {
    const task: Task =
      messages.length === 1
        ? { kind: 'message', path: `${path}#${first}`, bytes: messages[0] }
        : { kind: 'messages', mailbox: path, first, bytes: Buffer.concat(messages, bytes), ends: endsOf(messages) };
    messages = [];
    bytes = 0;
    return task;
  };
  // The messages a chunk completed, as the tasks they fill.
  function* take(found: Iterable<Buffer | { oversize: true; maxBytes: number }>): Generator<Task> {
    for (const message of found) {
      n++;
      if (isOversize(message)) {
        if (messages.length > 0) yield flush();
        yield { kind: 'report', report: errorReport(`${path}#${n}`, tooLargeMessage(message.maxBytes)) };
        continue;
      }
      if (messages.length === 0) first = n;
      messages.push(message);
      bytes += message.byteLength;
      if (bytes >= BATCH_BYTES || messages.length >= BATCH_TASKS) yield flush();
    }
  }
  try {
    for await (const chunk of chunks) {
      yield* take(splitter.push(chunk));
      // What this chunk completed goes now: a mailbox piped in slowly must not wait for a full batch.
      if (messages.length > 0) yield flush();
    }
    yield* take(splitter.end());
    if (messages.length > 0) yield flush();
  } catch (err) {
    if (messages.length > 0) yield flush();
    yield { kind: 'report', report: errorReport(path, (err as Error).message) };
  }
}

function endsOf(messages: readonly Buffer[]): number[] {
  const ends: number[] = new Array(messages.length);
  let at = 0;
  for (let i = 0; i < messages.length; i++) ends[i] = at += messages[i].byteLength;
  return ends;
}
