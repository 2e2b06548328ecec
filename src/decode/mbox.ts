/**
 * mbox: a stream of bytes split into messages, one report per message, read
 * chunk by chunk so a mailbox of any size runs in memory bounded by its
 * largest message.
 *
 * A message starts at a "From " postmark line at the start of the file or
 * after a blank line. Body lines quoted as ">From ", ">>From " … lose one
 * '>' (mboxrd). CRLF and a missing final newline are handled.
 */
import type { AnalyzeOptions } from '../engine/analyze.js';
import { errorReport, reportFor } from '../pipeline.js';
import type { FileReport } from '../types.js';
import { decodeSimpleEmail, decodeWithPostalMime } from './email.js';
import { tooLargeMessage } from './limits.js';

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_SPACE = Buffer.from('From ', 'latin1');

/** Reports for every message of a mailbox, in order; `path#N` names message N (from 1). */
export async function* analyzeMailbox(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions & { maxBytes?: number },
): AsyncGenerator<FileReport> {
  let n = 0;
  for await (const message of splitMailboxLimited(chunks, options.maxBytes)) {
    n++;
    const name = `${path}#${n}`;
    if (isOversize(message)) {
      yield errorReport(name, tooLargeMessage(message.maxBytes));
      continue;
    }
    try {
      // Most messages of a mailbox decode without waiting (no microtask per message).
      yield reportFor(name, decodeSimpleEmail(message) ?? (await decodeWithPostalMime(message)), options);
    } catch (err) {
      yield { ...errorReport(name, `cannot decode as email: ${(err as Error).message}`), format: 'email' };
    }
  }
}

/** A message that grew past --max-bytes: its bytes were dropped as they came. */
export interface OversizeMessage {
  oversize: true;
  maxBytes: number;
}

export function isOversize(message: Buffer | OversizeMessage): message is OversizeMessage {
  return !Buffer.isBuffer(message);
}

/** The raw messages of a mailbox (postmark lines removed, >From unquoted). */
export async function* splitMailbox(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  for await (const message of splitMailboxLimited(chunks, undefined)) if (!isOversize(message)) yield message;
}

/** As splitMailbox; a message longer than `maxBytes` is never held: it comes as an OversizeMessage. */
export async function* splitMailboxLimited(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number | undefined,
): AsyncGenerator<Buffer | OversizeMessage> {
  const splitter = new MailboxSplitter(maxBytes);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

/** How a line's first bytes decide it: a postmark, a >From line to unquote, any other line, or not yet known. */
type LineStart = 'postmark' | 'quoted' | 'plain' | 'undecided';

/** An undecided line start longer than this (a run of '>') is taken as a plain line. */
const MAX_UNDECIDED = 1024;

export class MailboxSplitter {
  /** Pieces of the message being read. */
  private pieces: Buffer[] = [];
  /** Bytes of the message being read (counted on even once its pieces are dropped). */
  private size = 0;
  /** The start of a line too short to decide, waiting for the next chunk. */
  private carry: Buffer | null = null;
  /** Inside a long line already decided: keep ('plain') or drop ('postmark') bytes up to its newline. */
  private midLine: 'plain' | 'postmark' | null = null;
  /** The previous line was blank (true at the start of the file). */
  private afterBlank = true;

  constructor(private readonly maxBytes?: number) {}

  *push(chunk: Uint8Array): Generator<Buffer | OversizeMessage> {
    let data = this.carry ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.carry = null;
    if (this.midLine) {
      const nl = data.indexOf(LF);
      const upTo = nl < 0 ? data.length : nl + 1;
      if (this.midLine === 'plain') this.keep(data, 0, upTo);
      if (nl < 0) return;
      this.midLine = null;
      this.afterBlank = false;
      data = data.subarray(upTo);
    }
    let runStart = 0;
    let pos = 0;
    for (let nl = data.indexOf(LF, pos); nl >= 0; nl = data.indexOf(LF, pos)) {
      const lineEnd = nl + 1;
      const start = this.lineStart(data, pos, nl);
      if (start === 'postmark') {
        this.keep(data, runStart, pos);
        yield* this.takeMessage();
        runStart = lineEnd;
      } else if (start === 'quoted') {
        this.keep(data, runStart, pos);
        runStart = pos + 1;
      }
      this.afterBlank = nl === pos || (nl === pos + 1 && data[pos] === CR);
      pos = lineEnd;
    }
    if (pos === data.length) {
      this.keep(data, runStart, pos);
      return;
    }
    // A line that goes on in the next chunk: decide it now if its start says enough, else carry that start.
    const start = this.lineStart(data, pos, data.length);
    if (start === 'undecided') {
      this.keep(data, runStart, pos);
      this.carry = Buffer.from(data.subarray(pos));
      return;
    }
    if (start === 'postmark') {
      this.keep(data, runStart, pos);
      yield* this.takeMessage();
      this.midLine = 'postmark';
      return;
    }
    if (start === 'quoted') {
      this.keep(data, runStart, pos);
      runStart = pos + 1;
    }
    this.keep(data, runStart, data.length);
    this.midLine = 'plain';
  }

  *end(): Generator<Buffer | OversizeMessage> {
    if (this.carry) {
      // A last line without a newline.
      const line = this.carry;
      this.carry = null;
      if (line[0] === GT && isQuotedFrom(line, 0)) this.keep(line, 1, line.length);
      else if (!(this.afterBlank && startsWith(line, 0, FROM_SPACE))) this.keep(line, 0, line.length);
    }
    yield* this.takeMessage();
  }

  /** How the line data[at, end) starts (`end` is its newline, or where the bytes in hand stop). */
  private lineStart(data: Buffer, at: number, end: number): LineStart {
    if (this.afterBlank && data[at] === FROM_SPACE[0]) {
      if (end - at >= FROM_SPACE.length) return startsWith(data, at, FROM_SPACE) ? 'postmark' : 'plain';
      return isPrefixOf(data, at, end, FROM_SPACE, 0) ? 'undecided' : 'plain';
    }
    // A lone CR may be the start of a blank CRLF line.
    if (data[at] !== GT) return end - at > 1 || (end - at === 1 && data[at] !== CR) ? 'plain' : 'undecided';
    let i = at;
    while (i < end && data[i] === GT) i++;
    if (end - i >= FROM_SPACE.length) return startsWith(data, i, FROM_SPACE) ? 'quoted' : 'plain';
    if (end - at > MAX_UNDECIDED) return 'plain';
    return isPrefixOf(data, i, end, FROM_SPACE, 0) ? 'undecided' : 'plain';
  }

  private keep(data: Buffer, start: number, end: number): void {
    if (end <= start) return;
    this.size += end - start;
    if (this.maxBytes !== undefined && this.size > this.maxBytes) this.pieces = [];
    else this.pieces.push(data.subarray(start, end));
  }

  /** The message read so far, without the blank line that separated it from the next postmark. */
  private *takeMessage(): Generator<Buffer | OversizeMessage> {
    const pieces = this.pieces;
    const size = this.size;
    this.pieces = [];
    this.size = 0;
    if (this.maxBytes !== undefined && size > this.maxBytes) {
      yield { oversize: true, maxBytes: this.maxBytes };
      return;
    }
    if (pieces.length === 0) return;
    let message = Buffer.concat(pieces);
    if (endsWith(message, '\r\n\r\n')) message = message.subarray(0, message.length - 2);
    else if (endsWith(message, '\n\n')) message = message.subarray(0, message.length - 1);
    if (hasContent(message)) yield message;
  }
}

/** data[at, end) is a prefix of word[from…]. */
function isPrefixOf(data: Buffer, at: number, end: number, word: Buffer, from: number): boolean {
  for (let i = at; i < end; i++) if (data[i] !== word[from + i - at]) return false;
  return true;
}

function startsWith(data: Buffer, at: number, prefix: Buffer): boolean {
  if (data.length - at < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[at + i] !== prefix[i]) return false;
  return true;
}

/** A line matching /^>+From / (mboxrd quoting). */
function isQuotedFrom(data: Buffer, at: number): boolean {
  let i = at;
  while (data[i] === GT) i++;
  return startsWith(data, i, FROM_SPACE);
}

function endsWith(data: Buffer, suffix: string): boolean {
  return data.length >= suffix.length && data.toString('latin1', data.length - suffix.length) === suffix;
}

function hasContent(data: Buffer): boolean {
  for (const b of data) if (b !== LF && b !== CR && b !== 0x20 && b !== 0x09) return true;
  return false;
}
