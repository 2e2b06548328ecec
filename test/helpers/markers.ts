/** Fixture markers: [[words]] marks where a finding is expected. */
import { LineIndex, type Range } from '../../src/positions.js';

export interface Region extends Range {
  text: string;
}

/** Strips [[ and ]] from a fixture and returns the marked regions' positions in the stripped text. */
export function markedRegions(raw: string): { text: string; regions: Region[] } {
  let text = '';
  const spans: Array<[number, number]> = [];
  let open = -1;
  for (let i = 0; i < raw.length; i++) {
    if (raw.startsWith('[[', i)) {
      open = text.length;
      i++;
    } else if (raw.startsWith(']]', i) && open >= 0) {
      spans.push([open, text.length]);
      open = -1;
      i++;
    } else {
      text += raw[i];
    }
  }
  const index = new LineIndex(text);
  return { text, regions: spans.map(([a, b]) => ({ ...index.range(a, b), text: text.slice(a, b) })) };
}

const before = (l1: number, c1: number, l2: number, c2: number) => l1 < l2 || (l1 === l2 && c1 < c2);

/** True when two line/column ranges (end exclusive) share at least one character. */
export function overlaps(a: Range, b: Range): boolean {
  return before(a.line, a.column, b.endLine, b.endColumn) && before(b.line, b.column, a.endLine, a.endColumn);
}
