/**
 * nextSuspicious (a char-code pass with anchored tries) must find exactly
 * what scanning with the SUSPICIOUS regex finds: the leftmost match at or
 * after an offset. Strings are drawn from the characters that matter to
 * some alternative, so near-misses are common.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SUSPICIOUS } from '../../src/text/normalize.js';
import { nextSuspicious } from '../../src/text/suspicious.js';

const scanning = new RegExp(SUSPICIOUS.source, 'g');

function byRegex(text: string, from: number): number {
  scanning.lastIndex = from;
  const m = scanning.exec(text);
  return m ? m.index : -1;
}

const ALPHABET = [
  'a', 'b', 'F', 'R', 'E', 'x', 'Z', ' ', ' ', '.', '. ', '-', '_', '\n', '0', '1', '2', '3', '4', '5', '7', '9', '$', '@',
  'ο', 'Е', 'ж', '，', '\u00a0', '\u00ad', '\u200b', 'ﬁ', 'ｆ', '’', '“', 'é', 'e\u0301', '\ud835\udc1f', '😀', '\ud835',
];
const piece = fc.constantFrom(...ALPHABET);
const text = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));

describe('nextSuspicious', () => {
  it('finds the leftmost SUSPICIOUS match at or after any offset', () => {
    fc.assert(
      fc.property(text, fc.nat(), (s, k) => {
        const from = s.length === 0 ? 0 : k % (s.length + 1);
        expect(nextSuspicious(s, from, SUSPICIOUS)).toBe(byRegex(s, from));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['plain prose has no match', 'We wrote to you about the meeting on Tuesday.', -1],
    ['a leet word is found at its first letter', 'Get your fr33 gift', 9],
    ['spaced letters are found at the first letter', 'a F R E E gift', 0],
    ['a Cyrillic look-alike is found at the Latin letter before it', 'frее', 1],
    ['a no-break space is found where it stands', 'one\u00a0two', 3],
    ['an address is not leetspeak', 'write to jm@example.org today', -1],
  ])('%s', (_, s, expected) => {
    expect(nextSuspicious(s, 0, SUSPICIOUS)).toBe(expected);
    expect(byRegex(s, 0)).toBe(expected);
  });
});
