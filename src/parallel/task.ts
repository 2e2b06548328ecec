/**
 * One unit of work for --jobs: a named input (file or stdin bytes) or one
 * message of a mailbox. The same code runs it in a worker thread or, for a
 * single input, on the main thread, so both give the same reports.
 */
import { excerptOf, attachExcerpt, type Excerpt } from '../engine/excerpt.js';
import { postProcess, type Processed, type ReportSettings } from '../filters/index.js';
import { analyzeInput, errorReport, fileInput, reportFor, type RunOptions } from '../pipeline.js';
import type { ReportedFile } from '../filters/index.js';
import { Tally, type Gate } from '../report/gate.js';
import { notesOf, type Totals } from '../report/stream.js';
import type { FileReport } from '../types.js';

export type Task =
  /** A file named or found by a directory walk: read and analysed by whoever runs the task. */
  | { kind: 'file'; path: string; explicit: boolean }
  /** Bytes already read (stdin). */
  | { kind: 'bytes'; path: string; explicit: boolean; bytes: Uint8Array }
  /** One raw message of a mailbox, named `mailbox#N`. */
  | { kind: 'message'; path: string; bytes: Uint8Array }
  /**
   * Consecutive messages of a mailbox, `mailbox#first` on, in one buffer
   * (message i ends at ends[i]): one object to send and hold for dozens of
   * messages, rather than a task, a name and a buffer each.
   */
  | { kind: 'messages'; mailbox: string; first: number; bytes: Uint8Array; ends: number[] }
  /** A report made without analysis (a path that does not exist). */
  | { kind: 'report'; report: FileReport }
  /** Small tasks sent together, run in order. */
  | { kind: 'batch'; tasks: Array<Extract<Task, { kind: 'file' | 'message' }>> };

/** What workers may be given: RunOptions without its functions (skip and stdin stay on the main thread). */
export type TaskOptions = Omit<RunOptions, 'skip' | 'stdin'>;

export async function runTask(task: Task, options: TaskOptions, settings: ReportSettings): Promise<Processed[]> {
  const out: Processed[] = [];
  for await (const report of reportsOf(task, options)) out.push(postProcess(report, settings));
  return out;
}

async function* reportsOf(task: Task, options: TaskOptions): AsyncGenerator<FileReport> {
  switch (task.kind) {
    case 'batch':
      for (const t of task.tasks) yield* reportsOf(t, options);
      return;
    case 'report':
      yield task.report;
      return;
    case 'file': {
      // Read synchronously: a worker has nothing else to do meanwhile, and async reads of
      // thousands of small files through libuv's shared thread pool cost more CPU than the analysis.
      yield* analyzeInput(fileInput(task.path, task.explicit), options);
      return;
    }
    case 'bytes': {
      const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      yield* analyzeInput({ path: task.path, explicit: task.explicit, read: async () => bytes }, options);
      return;
    }
    case 'message':
      yield await messageReport(task.path, task.bytes, options);
      return;
    case 'messages': {
      let start = 0;
      for (let i = 0; i < task.ends.length; i++) {
        yield await messageReport(`${task.mailbox}#${task.first + i}`, task.bytes.subarray(start, task.ends[i]), options);
        start = task.ends[i];
      }
    }
  }
}

let email: typeof import('../decode/email.js') | undefined;

/** As decode/mbox.ts analyses each message of a mailbox read in one process. */
async function messageReport(path: string, bytes: Uint8Array, options: TaskOptions): Promise<FileReport> {
  try {
    email ??= await import('../decode/email.js');
    return reportFor(path, email.decodeSimpleEmail(bytes) ?? (await email.decodeWithPostalMime(bytes)), options);
  } catch (err) {
    return { ...errorReport(path, `cannot decode as email: ${(err as Error).message}`), format: 'email' };
  }
}

/**
 * The reports of a task as a worker prints them (streamed formats): the
 * main thread writes the bytes and adds the totals, and builds no report.
 */
export interface PrintedBatch {
  kind: 'printed';
  /** The reports' output, in order. */
  bytes: Uint8Array;
  /** Per report, what goes to stderr before its output ('' for nothing); null when no report has any. */
  notes: string[] | null;
  /** Where each report's output ends in `bytes` (only with notes). */
  ends: number[] | null;
  totals: Totals;
}

const encoder = new TextEncoder();

/** Prints processed reports as the command would, one after the other. */
export function printBatch(processed: readonly Processed[], format: (file: ReportedFile) => string, gate: Gate): PrintedBatch {
  const tally = new Tally(gate);
  const pieces: string[] = new Array(processed.length);
  let notes: string[] | null = null;
  for (let i = 0; i < processed.length; i++) {
    const p = processed[i];
    tally.add(p.file);
    const note = notesOf(p);
    if (note) (notes ??= new Array<string>(processed.length).fill(''))[i] = note;
    pieces[i] = format(p.file);
  }
  let ends: number[] | null = null;
  if (notes) {
    ends = [];
    let at = 0;
    for (const piece of pieces) ends.push((at += Buffer.byteLength(piece)));
  }
  return { kind: 'printed', bytes: encoder.encode(pieces.join('')), notes, ends, totals: tally.totals() };
}

/**
 * Lets go of a printed batch's bytes once written. They came from a worker
 * thread, and the main thread's minor collections did not free such
 * buffers (measured: with a minor collection every 4 MB of mailbox read,
 * written batches, twice a mailbox's size in JSON Lines, still piled up to
 * 64 MB, V8's allowance for memory outside its heap, until a full one: 215
 * MB peak RSS on the 500 MB mailbox with --jobs 2). Handing the memory to a
 * new buffer that nothing holds makes it young garbage, which the next minor
 * collection frees. The bytes must not be read afterwards.
 */
export function releasePrinted(batch: PrintedBatch): void {
  const { buffer } = batch.bytes;
  if (buffer instanceof ArrayBuffer && buffer.byteLength > 0) structuredClone(buffer, { transfer: [buffer] });
}

/** A processed report as it crosses threads: excerpts live in a WeakMap beside findings, so they travel alongside. */
export interface PackedResult {
  processed: Processed;
  excerpts: Array<Excerpt | undefined>;
}

export function pack(processed: Processed): PackedResult {
  return { processed, excerpts: processed.file.findings.map((f) => excerptOf(f)) };
}

export function unpack({ processed, excerpts }: PackedResult): Processed {
  processed.file.findings.forEach((f, i) => {
    const e = excerpts[i];
    // The excerpt's own line as the source gives back exactly the same excerpt.
    if (e) attachExcerpt(f, e.line, e.start, e.end);
  });
  return processed;
}
