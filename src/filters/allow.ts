/**
 * Allowed phrases (config "allow"): a finding whose words overlap an
 * occurrence of an allowed phrase in the source text is dropped. Matching is
 * case-insensitive, whole words, and any run of whitespace in the phrase
 * matches any run in the text (a brand name may be wrapped across lines).
 */
import { LineIndex, type Range } from '../positions.js';
import type { Finding } from '../types.js';

/** One regular expression for all phrases, or null when there are none. */
export function allowPattern(phrases: readonly string[]): RegExp | null {
  const alternatives = phrases
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+'));
  if (alternatives.length === 0) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Where the allowed phrases occur in `source`, as line/column ranges. */
export function allowedRanges(source: string, pattern: RegExp | null): Range[] {
  if (!pattern) return [];
  const lines = new LineIndex(source);
  const ranges: Range[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(source); m; m = pattern.exec(source)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    ranges.push(lines.range(m.index, m.index + m[0].length));
  }
  return ranges;
}

export function overlaps(a: Range, b: Range): boolean {
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
}

function before(line: number, column: number, otherLine: number, otherColumn: number): boolean {
  return line < otherLine || (line === otherLine && column < otherColumn);
}

export function dropAllowed(findings: readonly Finding[], ranges: readonly Range[]): Finding[] {
  if (ranges.length === 0) return [...findings];
  return findings.filter((f) => !ranges.some((r) => overlaps(f, r)));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');
}
