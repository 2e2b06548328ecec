/** charCodes: a text's UTF-16 units in a reused typed array, read by the scanner instead of the string. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { charCodes } from '../src/text/char-codes.js';

const unitsOf = (s: string) => Array.from({ length: s.length }, (_, i) => s.charCodeAt(i));

describe('charCodes', () => {
  it('holds exactly the units charCodeAt reads, lone surrogates and astral characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        expect(Array.from(charCodes(s))).toEqual(unitsOf(s));
      }),
      { numRuns: 2000 },
    );
    const odd = 'a\ud800b\udc00c😀\u2019\uffff';
    expect(Array.from(charCodes(odd))).toEqual(unitsOf(odd));
  });

  it('reads a window sliced from a longer text as the window, not its parent', () => {
    const parent = 'x'.repeat(5000) + 'Your free gift — 免費' + 'y'.repeat(5000);
    const window = parent.slice(5000, 5000 + 19);
    const codes = charCodes(window);
    expect(codes.length).toBe(19);
    expect(String.fromCharCode(...codes)).toBe(window);
  });

  it('gives undefined past either end, which the scanner compares as it compared NaN', () => {
    const codes = charCodes('ab');
    expect(codes[2]).toBeUndefined();
    expect(codes[-1]).toBeUndefined();
    expect(codes[2]! < 128).toBe('ab'.charCodeAt(2) < 128);
  });

  it('reuses one array for short texts and overwrites it on the next call', () => {
    const first = charCodes('first text');
    const second = charCodes('second');
    expect(first.buffer).toBe(second.buffer);
    expect(String.fromCharCode(...first.subarray(0, 6))).toBe('second');
  });

  it('gives a very long text an array of its own', () => {
    const long = 'z'.repeat((1 << 20) + 1);
    const codes = charCodes(long);
    expect(codes.length).toBe(long.length);
    expect(codes.buffer).not.toBe(charCodes('short').buffer);
    expect(codes[long.length - 1]).toBe(0x7a);
  });
});
