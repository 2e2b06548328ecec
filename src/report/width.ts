/**
 * Terminal columns a string takes, so carets line up under the words they
 * mark: East Asian wide and fullwidth characters take two columns, combining
 * marks and zero-width characters none (Unicode UAX #11, main ranges).
 */
import { lazyRegExp } from '../text/lazy-regexp.js';

const zeroWidth = lazyRegExp(() => /^[\p{M}\u200b-\u200f\u2060-\u2064\ufeff]$/u);

const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  for (const [from, to] of WIDE_RANGES) if (cp >= from && cp <= to) return true;
  return false;
}

export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x300) width++;
    // General Punctuation (curly quotes, dashes) without the Unicode pattern: its zero-width characters are known.
    else if (cp >= 0x2000 && cp <= 0x206f) width += (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) ? 0 : 1;
    else if (zeroWidth().test(ch)) continue;
    else width += isWide(cp) ? 2 : 1;
  }
  return width;
}
