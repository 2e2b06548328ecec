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
import { decodeEmail } from './email.js';

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM_SPACE = Buffer.from('From ', 'latin1');

/** Reports for every message of a mailbox, in order; `path#N` names message N (from 1). */
export async function* analyzeMailbox(
  path: string,
  chunks: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions,
): AsyncGenerator<FileReport> {
  let n = 0;
  for await (const message of splitMailbox(chunks)) {
    n++;
    const name = `${path}#${n}`;
    try {
      yield reportFor(name, await decodeEmail(message), options);
    } catch (err) {
      yield { ...errorReport(name, `cannot decode as email: ${(err as Error).message}`), format: 'email' };
    }
  }
}

/** The raw messages of a mailbox (postmark lines removed, >From unquoted). */
export async function* splitMailbox(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Buffer> {
  const splitter = new MailboxSplitter();
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}

export class MailboxSplitter {
  /** Pieces of the message being read. */
  private pieces: Buffer[] = [];
  /** An incomplete last line, waiting for the next chunk. */
  private carry: Buffer | null = null;
  /** The previous line was blank (true at the start of the file). */
  private afterBlank = true;

  *push(chunk: Uint8Array): Generator<Buffer> {
    const data = this.carry ? Buffer.concat([this.carry, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.carry = null;
    let runStart = 0;
    let pos = 0;
    for (let nl = data.indexOf(LF, pos); nl >= 0; nl = data.indexOf(LF, pos)) {
      const lineEnd = nl + 1;
      if (this.afterBlank && startsWith(data, pos, FROM_SPACE)) {
        this.keep(data, runStart, pos);
        const message = this.takeMessage();
        if (message) yield message;
        runStart = lineEnd;
      } else if (data[pos] === GT && isQuotedFrom(data, pos)) {
        this.keep(data, runStart, pos);
        runStart = pos + 1;
      }
      this.afterBlank = nl === pos || (nl === pos + 1 && data[pos] === CR);
      pos = lineEnd;
    }
    this.keep(data, runStart, pos);
    if (pos < data.length) this.carry = Buffer.from(data.subarray(pos));
  }

  *end(): Generator<Buffer> {
    if (this.carry) {
      // A last line without a newline.
      const line = this.carry;
      this.carry = null;
      if (line[0] === GT && isQuotedFrom(line, 0)) this.pieces.push(line.subarray(1));
      else if (!(this.afterBlank && startsWith(line, 0, FROM_SPACE))) this.pieces.push(line);
    }
    const message = this.takeMessage();
    if (message) yield message;
  }

  private keep(data: Buffer, start: number, end: number): void {
    if (end > start) this.pieces.push(data.subarray(start, end));
  }

  /** The message read so far, without the blank line that separated it from the next postmark. */
  private takeMessage(): Buffer | null {
    const pieces = this.pieces;
    this.pieces = [];
    if (pieces.length === 0) return null;
    let message = Buffer.concat(pieces);
    if (endsWith(message, '\r\n\r\n')) message = message.subarray(0, message.length - 2);
    else if (endsWith(message, '\n\n')) message = message.subarray(0, message.length - 1);
    return hasContent(message) ? message : null;
  }
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
