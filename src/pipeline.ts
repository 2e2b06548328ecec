/**
 * From what the user named (paths, directories, stdin) to one FileReport per
 * input — or per message of a mailbox — in order. Errors become reports with
 * an `error`, never exceptions, so one bad input never hides the others.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { decoderFor, detectFormat, looksBinary, TEXT_EXTENSIONS } from './decode/index.js';
import { limitBytes, tooLargeMessage } from './decode/limits.js';
import { analyzeDecoded, type AnalyzeOptions } from './engine/analyze.js';
import { expectLongRun, LARGE_INPUT_BYTES } from './long-run.js';
import type { DecodedInput, FileReport, InputFormat, TextPart } from './types.js';

export const STDIN_PATH = '<stdin>';

export interface RunOptions extends AnalyzeOptions {
  /** Force a format instead of detecting it. */
  inputFormat?: InputFormat;
  /** Where stdin comes from (tests pass a buffer). */
  stdin?: () => Promise<Buffer>;
  /** Inputs to leave out (config "ignore"), by path as named or found. */
  skip?: (path: string) => boolean;
  /** --max-bytes: an input (a mailbox: each message) larger than this is reported as an error, unread. */
  maxBytes?: number;
}

/** A unit of input: a named file, or stdin. */
export interface Input {
  path: string;
  /** Named by the user (errors about it matter) rather than found by a directory walk. */
  explicit: boolean;
  read(): Promise<Buffer>;
  /** Its size in bytes when known before reading (a file's stat). */
  size?(): Promise<number>;
  /**
   * The content as a stream of chunks, when it can be streamed (files, stdin):
   * the first bytes decide the format, and a mailbox is then analysed message
   * by message without ever holding the whole file.
   */
  chunks?(): AsyncIterable<Buffer>;
  /** The whole content in one buffer of its size, when it can be read again from the start (a file). */
  readWhole?(): Buffer;
}

/** Expands paths: "-" is stdin, directories are walked for text-like files. */
export async function* expandInputs(paths: readonly string[], options: RunOptions): AsyncGenerator<Input | FileReport> {
  const readStdin = options.stdin ?? (() => readStream(process.stdin));
  if (paths.length === 0) paths = ['-'];
  for (const path of paths) {
    if (path === '-') {
      yield options.stdin
        ? { path: STDIN_PATH, explicit: true, read: readStdin }
        : { path: STDIN_PATH, explicit: true, read: readStdin, chunks: () => process.stdin as AsyncIterable<Buffer> };
      continue;
    }
    let info;
    try {
      // Synchronously: the first asynchronous fs call starts libuv's thread pool (4 threads), which a
      // run on named files otherwise never needs (--jobs reads files synchronously); and the bundle
      // loads node:fs/promises only on first use (scripts/bundle.mjs).
      info = statSync(path);
    } catch (err) {
      yield errorReport(path, describeFsError(err));
      continue;
    }
    if (info.isDirectory()) {
      for await (const file of walk(path)) yield fileInput(file, false);
    } else {
      yield fileInput(path, true);
    }
  }
}

export async function* analyzeInputs(paths: readonly string[], options: RunOptions = {}): AsyncGenerator<FileReport> {
  for await (const input of expandInputs(paths, options)) {
    if ('findings' in input) yield input;
    else if (!options.skip?.(input.path)) yield* analyzeInput(input, options);
  }
}

export function fileInput(path: string, explicit: boolean): Input {
  const readWhole = () => readFileSync(path);
  return {
    path,
    explicit,
    read: async () => readWhole(),
    readWhole,
    chunks: () => fileChunks(path),
    size: async () => statSync(path).size,
  };
}

/** Files are read in chunks of up to this size: 64 KiB made a 50 MB file 800 reads. */
const READ_CHUNK = 1 << 20;
/** The first read of a file whose size fstat cannot tell (a pipe, a device). */
const FIRST_READ_UNSIZED = 64 * 1024;

/**
 * A file's bytes in chunks, read synchronously. Asynchronous reads go through
 * libuv's thread pool, which cost more than analysing a small file (20,000
 * files took 35 s with --jobs 1, 2.5 s with --jobs 2, whose workers read
 * like this); the run has nothing else to do meanwhile but write, and output
 * waits for a slow reader either way. The first read is sized by the file, so
 * a small file costs one buffer of its own size.
 */
export async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    // One byte more than the size: a file that grew since is read on, not cut.
    let want = size > 0 ? Math.min(READ_CHUNK, size + 1) : FIRST_READ_UNSIZED;
    for (;;) {
      const buffer = Buffer.allocUnsafe(want);
      const n = readSync(fd, buffer, 0, want, null);
      if (n === 0) return;
      yield n < want ? buffer.subarray(0, n) : buffer;
      // A short read of a regular file is its end: no megabyte buffer just to read nothing.
      if (size > 0 && n < want) return;
      want = READ_CHUNK;
    }
  } finally {
    closeSync(fd);
  }
}

/** Bytes enough to tell binary from text and sniff a format (looksBinary reads 8 KiB). */
const SNIFF_BYTES = 16 * 1024;

export async function* analyzeInput(input: Input, options: RunOptions): AsyncGenerator<FileReport> {
  let opened: Opened;
  try {
    opened = input.chunks ? await peek(input.chunks(), SNIFF_BYTES) : await wholeInput(input);
  } catch (err) {
    yield errorReport(input.path, describeFsError(err));
    return;
  }
  const { head } = opened;
  if (looksBinary(head)) {
    if (input.explicit) yield errorReport(input.path, 'binary file, skipped');
    return;
  }
  const format = options.inputFormat ?? detectFormat(input.path === STDIN_PATH ? null : input.path, head);
  if (format === 'mbox') {
    expectLongRun('large-input');
    const { analyzeMailbox } = await import('./decode/mbox.js');
    try {
      yield* analyzeMailbox(input.path, opened.all(), options);
    } catch (err) {
      yield errorReport(input.path, describeFsError(err));
    }
    return;
  }
  let bytes: Buffer;
  try {
    // A file too large is known by its size; anything else stops streaming at the limit.
    // (An input read whole by now is checked as it is collected, without one more stat.)
    if (options.maxBytes !== undefined && !opened.complete && input.size && (await input.size()) > options.maxBytes) {
      yield errorReport(input.path, tooLargeMessage(options.maxBytes));
      return;
    }
    if (input.readWhole && !opened.complete && opened.head.length >= READ_CHUNK) {
      // A file longer than its first chunk is read again whole: one buffer of its size, where joining
      // its chunks copied it all once more (fresh memory is costly to touch: a twentieth of the run on
      // a 50 MB text).
      opened.close();
      bytes = input.readWhole();
      if (options.maxBytes !== undefined && bytes.length > options.maxBytes) {
        yield errorReport(input.path, tooLargeMessage(options.maxBytes));
        return;
      }
    } else {
      bytes = await collect(limitBytes(opened.all(), options.maxBytes));
    }
  } catch (err) {
    yield errorReport(input.path, describeFsError(err));
    return;
  }
  if (bytes.length >= LARGE_INPUT_BYTES) expectLongRun('large-input');
  yield await analyzeBytes(input.path, format, bytes, options);
}

/** An input whose first bytes have been read: `head`, then `all()` streams everything from the start. */
export interface Opened {
  head: Buffer;
  /** `head` is all there is. */
  complete: boolean;
  all(): AsyncIterable<Buffer>;
  /** Lets the stream go unread (closes its file). */
  close(): void;
}

async function wholeInput(input: Input): Promise<Opened> {
  const bytes = await input.read();
  return {
    head: bytes.subarray(0, SNIFF_BYTES),
    complete: true,
    close() {},
    async *all() {
      yield bytes;
    },
  };
}

/** Reads chunks until `min` bytes (or the end) are in hand, keeping the rest of the stream for later. */
export async function peek(stream: AsyncIterable<Buffer | string>, min: number): Promise<Opened> {
  const iterator = stream[Symbol.asyncIterator]();
  const first: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < min) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    first.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(first);
  return {
    head,
    complete: done,
    close() {
      if (!done) void iterator.return?.();
    },
    async *all() {
      yield head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        yield typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      }
    },
  };
}

export async function collect(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** Decodes and analyses one input of a known single-document format. */
export async function analyzeBytes(
  path: string,
  format: Exclude<InputFormat, 'mbox'>,
  bytes: Uint8Array,
  options: AnalyzeOptions,
): Promise<FileReport> {
  let decoded: DecodedInput;
  try {
    decoded = await (await decoderFor(format))(bytes);
  } catch (err) {
    return { ...errorReport(path, `cannot decode as ${format}: ${(err as Error).message}`), format };
  }
  return reportFor(path, decoded, options);
}

export function reportFor(path: string, decoded: DecodedInput, options: AnalyzeOptions): FileReport {
  const { findings, exchange } = analyzeDecoded(decoded, options);
  const report: FileReport = { path, format: decoded.format, findings, exchange, error: null };
  if (decoded.meta) report.meta = decoded.meta;
  sourcesByReport.set(report, decoded.parts);
  return report;
}

/** The decoded parts each report's positions refer to (inline directives and allow phrases are read there). */
const sourcesByReport = new WeakMap<FileReport, readonly TextPart[]>();

export function partsOf(report: FileReport): readonly TextPart[] {
  return sourcesByReport.get(report) ?? [];
}

/** Lets a report's sources go once post-processing has read them (reports may be held until the run ends). */
export function releaseParts(report: FileReport): void {
  sourcesByReport.delete(report);
}

export function errorReport(path: string, message: string): FileReport {
  return { path, format: null, findings: [], exchange: null, error: { message } };
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return (err as Error).message ?? String(err);
  }
}

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

/** Text-like files under a directory, depth first, in name order. */
async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* walk(path);
    } else if (entry.isFile() && TEXT_EXTENSIONS.has(extOf(entry.name))) {
      yield path;
    }
  }
}

function extOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

export async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
