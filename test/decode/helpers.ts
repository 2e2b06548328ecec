/** Shared helpers for decoder tests: positions of words in a source, and the source at a range. */
import { LineIndex, type Range } from '../../src/positions.js';
import type { Finding, TextPart } from '../../src/types.js';

/** The 1-based range of the `nth` occurrence (from 0) of `words` in `source`. */
export function rangeOf(source: string, words: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(words, at + 1);
    if (at < 0) throw new Error(`"${words}" (#${nth}) not in source`);
  }
  return new LineIndex(source).range(at, at + words.length);
}

/** The text of `source` between 1-based line/column positions (end exclusive). */
export function sliceRange(source: string, r: Range): string {
  return source.slice(offsetOf(source, r.line, r.column), offsetOf(source, r.endLine, r.endColumn));
}

/** Offset of a 1-based position; CRLF, LF and a lone CR each end a line, as in reports. */
function offsetOf(source: string, line: number, column: number): number {
  const starts = [0];
  for (let i = 0; i < source.length && starts.length < line; i++) {
    const c = source[i];
    if (c === '\r' && source[i + 1] === '\n') continue;
    if (c === '\n' || c === '\r') starts.push(i + 1);
  }
  if (starts.length < line) throw new Error(`no line ${line}`);
  return starts[line - 1] + column - 1;
}

/** Where `words` (found in the part's analysed text) point in the part's source. */
export function sourceOf(part: TextPart, words: string, nth = 0): string {
  const r = textRange(part, words, nth);
  return part.source.slice(r[0], r[1]);
}

export function textRange(part: TextPart, words: string, nth = 0): [number, number] {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = part.text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`"${words}" (#${nth}) not in text ${JSON.stringify(part.text)}`);
  }
  return [part.map.toSource(at, 'start'), part.map.toSource(at + words.length, 'end')];
}

/** Whether the words lie inside one of the part's hidden ranges. */
export function isHidden(part: TextPart, words: string): boolean {
  const at = part.text.indexOf(words);
  return (part.hidden ?? []).some(([a, b]) => a <= at && at + words.length <= b);
}

export function positionOf(f: Finding): Range & { text: string } {
  return { line: f.line, column: f.column, endLine: f.endLine, endColumn: f.endColumn, text: f.text };
}
