/**
 * findAmounts with a text's tokens (anchors looked for per token) must find
 * what findAmounts finds by regex over every character. Strings are drawn
 * from pieces of amounts and of words that hide anchor letters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALL_FORMS, findAmounts, firstAmount } from '../../src/text/amounts.js';
import { scan } from '../../src/text/tokenize.js';

const PIECES = [
  '$', '€', '£', '¥', '5', '1,000', '2.50', '.5', 'k', ' ', ' ', ' ', '\n', '-', "'", '’',
  'usd', 'USD', 'eur', 'euro', 'EUROS', 'gbp', 'dollar', 'dollars', 'bucks', 'pounds', 'cents', 'penny', 'pennies', 'quid',
  'a', 'a few', 'five', 'twenty', 'hundred', 'thousand', 'million', 'of', 'lose',
  're', 'per', 'Europe', 'Penn', 'po', 'UND', 'our', 'DOLLARS', 'ſ', 'K', 'bucK', 'uſd', '免費', '美元', 'é', '\u0301',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join(''));

describe('findAmounts by token', () => {
  it('finds the same amounts as the regex over the whole text', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(findAmounts(s, scan(s).tokens)).toEqual(findAmounts(s));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a sign and a number', 'Give $5 today', ['$5']],
    ['a unit word', 'just five dollars a month', ['five dollars']],
    ['a unit glued to a lower-case word', 'only 10 poUNDS', ['10 poUNDS']],
    ['no anchor', 'a recent percentage', []],
  ])('%s', (_, s, expected) => {
    expect(findAmounts(s, scan(s).tokens).map((a) => a.text)).toEqual(expected);
  });
});

describe('firstAmount (each form compiled on its own)', () => {
  const combined = new RegExp(ALL_FORMS, 'giu');
  it('finds what one regex of all the forms finds: the same place, text and groups', () => {
    fc.assert(
      fc.property(text, fc.nat(40), (s, at) => {
        const from = Math.min(at, s.length);
        combined.lastIndex = from;
        const expected = combined.exec(s);
        const found = firstAmount(s, from);
        expect(found && [found.index, found[0], { ...found.groups }]).toEqual(expected && [expected.index, expected[0], { ...expected.groups }]);
      }),
      { numRuns: 5000 },
    );
  });

  it.each(['5 euros', 'five EUROS', 'EUR 5', '5 eur', '€5', '5 €', '10£', 'USD 20', '20 usd', '$2k', 'a few dollars', 'uſd 5', '5 gbp quid'])(
    'agrees on %j, one form by one',
    (s) => {
      combined.lastIndex = 0;
      const expected = combined.exec(s);
      expect(expected).not.toBeNull();
      const found = firstAmount(s, 0);
      expect(found && [found.index, found[0], { ...found.groups }]).toEqual([expected!.index, expected![0], { ...expected!.groups }]);
    },
  );
});
