import { describe, expect, it } from 'vitest';
import { matcherFor } from '../src/engine/analyze.js';
import { DocContext } from '../src/engine/context.js';
import { classify, ratio } from '../src/engine/exchange.js';
import type { Amount } from '../src/types.js';

/** The side of each amount in a text, as [amount text, side]. */
function sides(text: string): Array<[string, string | null]> {
  const doc = new DocContext(text, matcherFor());
  return doc.amounts.map((a) => [a.text, classify(doc, a)]);
}

describe('classify: given or asked', () => {
  const cases: Array<[string, Array<[string, string | null]>]> = [
    ['Claim a free $10 gift card today.', [['$10', 'given']]],
    ['Donate $50 to keep us going.', [['$50', 'asked']]],
    ['Can you give $250 today? If that is too much, even $25 helps.', [['$250', 'asked'], ['$25', 'asked']]],
    ['Would you consider a one-time gift of $5?', [['$5', 'asked']]],
    ['Get $10 off when you spend $50.', [['$10', 'given'], ['$50', 'asked']]],
    ['A $25 value, yours to keep.', [['$25', 'given']]],
    ['Try the monthly plan for just $9.', [['$9', 'asked']]],
    ['Make a $25 donation today.', [['$25', 'asked']]],
    // A verb of giving aimed at the reader gives, it does not ask.
    ["We'll give you a $10 credit for every referral.", [['$10', 'given']]],
    ["We'll send you a $5 voucher.", [['$5', 'given']]],
    // Save 30% on the plan, but the price after the colon is what is asked.
    ['Save 30% with the annual plan: $99 a year.', [['$99', 'asked']]],
    ['Upgrade to Pro at $19 per seat.', [['$19', 'asked']]],
    ['We raised $2 million last year.', [['$2 million', null]]],
  ];
  for (const [text, expected] of cases) {
    it(text, () => {
      expect(sides(text)).toEqual(expected);
    });
  }
});

describe('ratio', () => {
  const amount = (value: number, currency = 'USD'): Amount => ({ text: String(value), value, currency, line: 1, column: 1 });

  it('divides the largest ask by the largest gift in one currency', () => {
    expect(ratio([amount(2), amount(5)], [amount(50), amount(25)])).toBe(10);
  });

  it('is null without a gift or with no ask in the gift currency', () => {
    expect(ratio([], [amount(50)])).toBeNull();
    expect(ratio([amount(5, 'EUR')], [amount(50)])).toBeNull();
  });
});
