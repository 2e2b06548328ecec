import { describe, expect, it } from 'vitest';
import { findAmounts } from '../src/text/amounts.js';

/** The one amount in `text`, with its exact span. */
function only(text: string) {
  const found = findAmounts(text);
  expect(found, JSON.stringify(found)).toHaveLength(1);
  const [a] = found;
  expect(text.slice(a.start, a.end)).toBe(a.text);
  return a;
}

describe('findAmounts: common written forms', () => {
  const cases: Array<[string, string, number, string]> = [
    // sentence, exact span, value, currency
    ['Chip in $5 today.', '$5', 5, 'USD'],
    ['Give 5 dollars now.', '5 dollars', 5, 'USD'],
    ['It costs $5.00 a month.', '$5.00', 5, 'USD'],
    ['Our goal is $1,000 by Friday.', '$1,000', 1000, 'USD'],
    ['A gift of $1,250.50 arrived.', '$1,250.50', 1250.5, 'USD'],
    ['Spende €10 heute.', '€10', 10, 'EUR'],
    ['Only 10 € per month.', '10 €', 10, 'EUR'],
    ['Only 10€ per month.', '10€', 10, 'EUR'],
    ['Just £3 a week.', '£3', 3, 'GBP'],
    ['Pay USD 20 at checkout.', 'USD 20', 20, 'USD'],
    ['Pay 20 EUR at checkout.', '20 EUR', 20, 'EUR'],
    ['Even 50 cents helps.', '50 cents', 0.5, 'USD'],
    ['Even a penny helps.', 'a penny', 0.01, 'USD'],
    ['For a dollar a day you can help.', 'a dollar', 1, 'USD'],
    ['Could you spare five bucks?', 'five bucks', 5, 'USD'],
    ['We raised $2k last night.', '$2k', 2000, 'USD'],
    ['We need $1.5 million.', '$1.5 million', 1_500_000, 'USD'],
    ['Send twenty-five dollars.', 'twenty-five dollars', 25, 'USD'],
    ['Send two hundred dollars.', 'two hundred dollars', 200, 'USD'],
    ['We need a million dollars.', 'a million dollars', 1_000_000, 'USD'],
    ['It was five thousand euros.', 'five thousand euros', 5000, 'EUR'],
    ['It was only 10 pounds at the shop.', '10 pounds', 10, 'GBP'],
    ['Give ten euros.', 'ten euros', 10, 'EUR'],
    ['Only $.50 per card.', '$.50', 0.5, 'USD'],
  ];
  for (const [text, span, value, currency] of cases) {
    it(`reads ${JSON.stringify(span)} in ${JSON.stringify(text)}`, () => {
      const a = only(text);
      expect(a.text).toBe(span);
      expect(a.value).toBeCloseTo(value, 6);
      expect(a.currency).toBe(currency);
      expect(a.start).toBe(text.indexOf(span));
    });
  }

  it('marks "a few dollars" as an approximate amount', () => {
    const a = only('Even a few dollars would help.');
    expect(a.text).toBe('a few dollars');
    expect(a.approximate).toBe(true);
    expect(a.value).toBe(3);
    expect(only('Give $5.').approximate).toBe(false);
  });

  it('finds every amount of a menu, in order', () => {
    const text = 'Give $10 / $25 / $50 / Other';
    expect(findAmounts(text).map((a) => [a.text, a.value])).toEqual([['$10', 10], ['$25', 25], ['$50', 50]]);
  });

  it('reads words the case-insensitive pattern matches through ſ (long s) and the Kelvin sign', () => {
    // "dollarſ" matches "dollars" under the pattern's 'iu' flags; their values come from the same tables.
    expect(findAmounts('a hundred dollarſ').map((a) => [a.text, a.value, a.currency])).toEqual([['a hundred dollarſ', 100, 'USD']]);
    expect(findAmounts('ſix dollars').map((a) => [a.value, a.currency])).toEqual([[6, 'USD']]);
    expect(findAmounts('five thouſand euros').map((a) => [a.value, a.currency])).toEqual([[5000, 'EUR']]);
    expect(findAmounts('pay 20 UſD').map((a) => [a.value, a.currency])).toEqual([[20, 'USD']]);
    expect(findAmounts('$2\u212a raised').map((a) => a.value)).toEqual([2000]);
  });

  it('ends the amount before sentence punctuation', () => {
    const text = 'Can you give $250? If that is too much, $25.';
    expect(findAmounts(text).map((a) => a.text)).toEqual(['$250', '$25']);
  });
});

describe('findAmounts: things that are not money', () => {
  const none = [
    'Lose 10 pounds in a month.',
    'We packed 50 pounds of rice.',
    'A pound of coffee, please.',
    'It costs a buck or so.',
    'Call 555 1234 today.',
    'In 2020 we grew by 40 percent.',
    'Only 5 left in stock.',
  ];
  for (const text of none) {
    it(`finds nothing in ${JSON.stringify(text)}`, () => {
      expect(findAmounts(text)).toEqual([]);
    });
  }

  it('does not start an amount inside a longer number', () => {
    // "12345 €" is one number; "2345 €" must not be read from its middle.
    const a = only('Total: 12345 €');
    expect(a.value).toBe(12345);
  });

  it('scans a long run of digits in linear time (no catastrophic backtracking)', () => {
    const digits = '1'.repeat(50_000);
    const found = findAmounts(`${digits} x ${digits},${digits}`);
    expect(found).toEqual([]);
  });
});
