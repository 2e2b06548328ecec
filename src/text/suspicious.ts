/**
 * Where the next disguise may start: the leftmost match of SUSPICIOUS (see
 * normalize.ts) at or after an offset, found by a char-code pass.
 *
 * Running that regex over a whole mailbox was a tenth of the analysis: it
 * tries every alternative at every character. Every match, though, has a
 * trigger within two characters of its start (a non-ASCII character, a leet
 * character after a letter, or a space or dot after a one-letter word), and plain
 * prose has few triggers. So we walk the text, and at a trigger try the
 * regex anchored (sticky) at the few starts that trigger allows.
 */
import { charCodes } from './char-codes.js';

/**
 * A trigger at `p` allows a match to start at p-2, p-1 or p:
 * - non-ASCII at p: a foldable character (start p), a Latin letter before a
 *   Greek or Cyrillic one (p-1), or the reverse (p), a digit before "，" (p-1);
 * - 0 1 3 4 5 7 $ @ at p after a letter: "g1ft" (p-1), "fr33" (p-2), "b@nus" (p-1);
 * - a space or dot at p after a one-letter word, then another: "F R E E" (p-1).
 */
const LOOKBACK = 2;

/**
 * The index of the leftmost match of `sticky` (a copy of SUSPICIOUS with the y flag) at or after `from`, or -1.
 * `codes`: the text's code units (char-codes.ts), read instead of the string; a caller asking many times passes them.
 */
export function nextSuspicious(text: string, from: number, sticky: RegExp, codes: Uint16Array = charCodes(text)): number {
  const n = text.length;
  for (let p = from; p < n; p++) {
    const c = codes[p];
    let earliest: number;
    if (c >= 0x80) earliest = p - 1;
    else {
      const role = ROLE[c];
      if (role === NONE) continue;
      if (role === LEET) {
        // Every leet alternative has a letter just before its first leet character ("g1ft", "fr33", "b@nus").
        if (!isAsciiLetter(codes[p - 1])) continue;
        earliest = p - LOOKBACK;
      } else if (role === SEPARATOR && endsSpacedLetter(codes, p)) earliest = p - 1;
      else continue;
    }
    const found = firstMatchIn(text, Math.max(from, earliest), p, sticky);
    if (found >= 0) return firstMatchIn(text, Math.max(from, found - LOOKBACK), found, sticky);
  }
  return -1;
}

/** The first start in [first, last] where the sticky regex matches, or -1. */
function firstMatchIn(text: string, first: number, last: number, sticky: RegExp): number {
  for (let s = first; s <= last; s++) {
    sticky.lastIndex = s;
    if (sticky.test(text)) return s;
  }
  return -1;
}

// What an ASCII character may be part of: nothing, leetspeak (0 1 3 4 5 7 $ @), spaced letters (a space or a dot).
const NONE = 0;
const LEET = 1;
const SEPARATOR = 2;
const ROLE = new Uint8Array(128);
for (const c of '013457$@') ROLE[c.charCodeAt(0)] = LEET;
ROLE[0x20] = ROLE[0x2e] = SEPARATOR;

const isAsciiLetter = (c: number) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isSeparator = (c: number) => c === 0x20 || c === 0x2e;

/**
 * The separator at `p` follows a one-letter word (\b before it: no ASCII
 * word character) and, after one or two separators, another letter and
 * separator come: "F R E E" may start at p-1. Triggering on separators, not
 * letters, looks at five times fewer characters.
 */
function endsSpacedLetter(codes: Uint16Array, p: number): boolean {
  // Most separators end a longer word: the character before the letter rules them out first.
  const before = codes[p - 2];
  if (isAsciiLetter(before) || (before >= 0x30 && before <= 0x39) || before === 0x5f) return false;
  if (p < 1 || !isAsciiLetter(codes[p - 1])) return false;
  const q = isSeparator(codes[p + 1]) ? p + 2 : p + 1;
  return isAsciiLetter(codes[q]) && isSeparator(codes[q + 1]);
}
