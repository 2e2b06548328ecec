/**
 * The source line around a finding, for reporters that point at the words.
 * Kept beside findings (not in them) so the JSON contract stays as it is.
 */
import { detach } from '../text/detach.js';
import type { Finding } from '../types.js';

export interface Excerpt {
  /** The line's text, clipped to a window around the words. */
  line: string;
  /** Where the words are within `line` (UTF-16, end exclusive). */
  start: number;
  end: number;
}

/** At most this many characters of context on each side of the words. */
const CONTEXT = 80;
const excerpts = new WeakMap<Finding, Excerpt>();

export function excerptOf(finding: Finding): Excerpt | undefined {
  return excerpts.get(finding);
}

export function attachExcerpt(finding: Finding, source: string, start: number, end: number): void {
  // Walk at most CONTEXT characters each way: searching for the line break
  // with lastIndexOf/indexOf would scan the whole document per finding.
  let lineStart = start;
  while (lineStart > 0 && start - lineStart < CONTEXT && !isBreak(source.charCodeAt(lineStart - 1))) lineStart--;
  let wordsEnd = start;
  while (wordsEnd < end && !isBreak(source.charCodeAt(wordsEnd))) wordsEnd++;
  let lineEnd = wordsEnd;
  while (lineEnd < source.length && lineEnd - wordsEnd < CONTEXT && !isBreak(source.charCodeAt(lineEnd))) lineEnd++;
  excerpts.set(finding, { line: detach(source.slice(lineStart, lineEnd)), start: start - lineStart, end: wordsEnd - lineStart });
}

function isBreak(code: number): boolean {
  return code === 10 || code === 13;
}
