import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { formatFile, PLAIN } from '../../src/report/text.js';
import { displayWidth } from '../../src/report/width.js';

describe('displayWidth', () => {
  it('counts wide characters as two columns and combining marks as none', () => {
    expect(displayWidth('free')).toBe(4);
    expect(displayWidth('免費')).toBe(4);
    expect(displayWidth('ｆｒｅｅ')).toBe(8); // fullwidth Latin
    expect(displayWidth('무료')).toBe(4);
    expect(displayWidth('cafe\u0301')).toBe(4); // e + combining acute
    expect(displayWidth('🎁 gift')).toBe(7);
  });

  it('gives General Punctuation the widths of the Unicode definition (zero-width: marks and U+200B-200F, 2060-2064, FEFF)', () => {
    const zeroWidth = /^[\p{M}\u200b-\u200f\u2060-\u2064\ufeff]$/u;
    for (let cp = 0x2000; cp <= 0x206f; cp++) {
      const ch = String.fromCodePoint(cp);
      expect([cp.toString(16), displayWidth(ch)]).toEqual([cp.toString(16), zeroWidth.test(ch) ? 0 : 1]);
    }
  });
});

describe('text report carets', () => {
  it('line up under the marked words when the line holds wide characters', async () => {
    const text = '親愛的朋友：我們隨信送給您一份小禮物。請立即捐款支持我們。\n';
    const [report] = await analyze(text, { path: 'appeal.txt' });
    const out = formatFile(report, PLAIN);
    const lines = out.split('\n');
    const at = lines.findIndex((l) => l.includes('│ 親愛的朋友'));
    expect(at).toBeGreaterThan(-1);
    const quoted = lines[at].slice(lines[at].indexOf('│ ') + 2);
    const carets = lines[at + 1].slice(lines[at + 1].indexOf('│ ') + 2);
    const marked = report.findings[0].text;
    const before = quoted.slice(0, quoted.indexOf(marked));
    expect(carets.indexOf('^')).toBe(displayWidth(before));
    expect(carets.trim()).toBe('^'.repeat(displayWidth(marked)));
    expect(displayWidth(before)).toBe(2 * before.length); // all wide: a length-based caret would sit at half the column
  });
});
