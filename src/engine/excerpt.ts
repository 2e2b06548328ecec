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
  let lineEnd = source.slice(start).search(/[\r\n]/);
  lineEnd = lineEnd < 0 ? source.length : start + lineEnd;
  const wordsEnd = Math.min(end, lineEnd);
  if (start - lineStart > WINDOW / 2) lineStart = start - WINDOW / 2;
  if (lineEnd - wordsEnd > WINDOW / 2) lineEnd = wordsEnd + WINDOW / 2;
  excerpts.set(finding, { line: source.slice(lineStart, lineEnd), start: start - lineStart, end: wordsEnd - lineStart });
}
