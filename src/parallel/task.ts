/**
 * One unit of work for --jobs: a named input (file or stdin bytes) or one
 * message of a mailbox. The same code runs it in a worker thread or, for a
 * single input, on the main thread, so both give the same reports.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { excerptOf, attachExcerpt, type Excerpt } from '../engine/excerpt.js';
import { postProcess, type Processed, type ReportSettings } from '../filters/index.js';
import { analyzeInput, errorReport, reportFor, type Input, type RunOptions } from '../pipeline.js';
import type { FileReport } from '../types.js';

export type Task =
  /** A file named or found by a directory walk: read and analysed by whoever runs the task. */
  | { kind: 'file'; path: string; explicit: boolean }
  /** Bytes already read (stdin). */
  | { kind: 'bytes'; path: string; explicit: boolean; bytes: Uint8Array }
  /** One raw message of a mailbox, named `mailbox#N`. */
  | { kind: 'message'; path: string; bytes: Uint8Array }
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
      const { path } = task;
      const input: Input = {
        path,
        explicit: task.explicit,
        read: async () => readFileSync(path),
        chunks: () => chunksOf(path),
        size: async () => statSync(path).size,
      };
      yield* analyzeInput(input, options);
      return;
    }
    case 'bytes': {
      const bytes = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
      yield* analyzeInput({ path: task.path, explicit: task.explicit, read: async () => bytes }, options);
      return;
    }
    case 'message':
      // As decode/mbox.ts analyses each message of a mailbox read in one process.
      try {
        const { decodeSimpleEmail, decodeWithPostalMime } = await import('../decode/email.js');
        yield reportFor(task.path, decodeSimpleEmail(task.bytes) ?? (await decodeWithPostalMime(task.bytes)), options);
      } catch (err) {
        yield { ...errorReport(task.path, `cannot decode as email: ${(err as Error).message}`), format: 'email' };
      }
  }
}

const CHUNK_BYTES = 64 * 1024;

/** A file's bytes chunk by chunk, read synchronously (the pipeline stops early at --max-bytes). */
async function* chunksOf(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
      const n = readSync(fd, buffer, 0, CHUNK_BYTES, null);
      if (n === 0) return;
      yield n < CHUNK_BYTES ? buffer.subarray(0, n) : buffer;
    }
  } finally {
    closeSync(fd);
  }
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
