/**
 * The source line around a finding, for reporters that point at the words.
 * Kept beside findings (not in them) so the JSON contract stays as it is.
 */
import type { Finding } from '../types.js';

export interface Excerpt {
  /** The line's text, clipped to a window around the words. */
  line: string;
  /** Where the words are within `line` (UTF-16, end exclusive). */
  start: number;
  end: number;
}

const WINDOW = 160;
const excerpts = new WeakMap<Finding, Excerpt>();

export function excerptOf(finding: Finding): Excerpt | undefined {
  return excerpts.get(finding);
}

export function attachExcerpt(finding: Finding, source: string, start: number, end: number): void {
  let lineStart = Math.max(source.lastIndexOf('\n', start - 1), source.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = lineBreakAt(source, start);
  const wordsEnd = Math.min(end, lineEnd);
  if (start - lineStart > WINDOW / 2) lineStart = start - WINDOW / 2;
  if (lineEnd - wordsEnd > WINDOW / 2) lineEnd = wordsEnd + WINDOW / 2;
  excerpts.set(finding, { line: source.slice(lineStart, lineEnd), start: start - lineStart, end: wordsEnd - lineStart });
}

/** Offset of the first line break at or after `from` (or the end), without copying the rest of the source. */
function lineBreakAt(source: string, from: number): number {
  const lf = source.indexOf('\n', from);
  const cr = source.indexOf('\r', from);
  if (lf < 0 && cr < 0) return source.length;
  if (lf < 0) return cr;
  if (cr < 0) return lf;
  return Math.min(lf, cr);
}
