/**
 * The normalisation map is a faithful way back: monotonic, inside the input,
 * and a no-op where nothing is disguised.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.js';
import { hostileText } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const anyText = fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }));

describe('normalize', () => {
  it('maps every offset inside the input, in order', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const { text, map } = normalize(input);
        let lastStart = 0;
        let lastEnd = 0;
        for (let i = 0; i <= text.length; i++) {
          const start = map.toSource(i, 'start');
          const end = map.toSource(i, 'end');
          expect(start).toBeGreaterThanOrEqual(lastStart);
          expect(end).toBeGreaterThanOrEqual(lastEnd);
          expect(start).toBeLessThanOrEqual(input.length);
          expect(end).toBeLessThanOrEqual(input.length);
          if (i < text.length) expect(map.toSource(i + 1, 'end')).toBeGreaterThan(start);
          lastStart = start;
          lastEnd = end;
        }
        expect(map.toSource(text.length, 'end')).toBeLessThanOrEqual(input.length);
      }),
      RUNS,
    );
  });

  it('leaves no invisible character that could split a word', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        expect(normalize(input).text).not.toMatch(/[\u00ad\u200b-\u200d\u2060\ufeff]/);
      }),
      RUNS,
    );
  });

  it('changes no ASCII character but leet digits and signs', () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const { text, map } = normalize(input);
        for (let i = 0; i < text.length; i++) {
          const start = map.toSource(i, 'start');
          const end = map.toSource(i + 1, 'end');
          const source = input[start];
          if (end - start === 1 && source < '\u0080' && source !== text[i]) {
            expect('013457@$', `${JSON.stringify(source)} became ${JSON.stringify(text[i])}`).toContain(source);
          }
        }
      }),
      RUNS,
    );
  });

  it('is the identity on text with no disguise in it', () => {
    const plainWord = fc.stringMatching(/^[a-z]{2,8}$/);
    const plainText = fc.array(fc.tuple(plainWord, fc.constantFrom(' ', ', ', '. ', '\n', '\r\n', '!\n\n', ' 2024 ', ' $5 ', ' 24/7 ')), { maxLength: 30 })
      .map((ps) => ps.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(plainText, (input) => {
        const { text, map } = normalize(input);
        expect(text).toBe(input);
        for (let i = 0; i <= input.length; i += 7) expect(map.toSource(i, 'start')).toBe(i);
      }),
      RUNS,
    );
  });
});
