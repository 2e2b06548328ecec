import { describe, expect, it } from 'vitest';
import { aThing, looksPlural } from '../../src/tactics/wording.js';

describe('finding wording', () => {
  it('puts no article before a plural ("free reports", not "a free reports")', () => {
    expect(aThing('reports', 'free')).toBe('free reports');
    expect(aThing('recipe cards', 'free')).toBe('free recipe cards');
    expect(aThing('goodies')).toBe('goodies');
  });

  it('puts no article before a mass noun ("free information", not "an information")', () => {
    expect(aThing('information')).toBe('information');
    expect(aThing('shipping', 'free')).toBe('free shipping');
    expect(aThing('expert advice', 'free')).toBe('free expert advice');
  });

  it('keeps the article for a singular, including words in -s that are not plurals', () => {
    expect(aThing('guide', 'free')).toBe('a free guide');
    expect(aThing('bonus', 'free')).toBe('a free bonus');
    expect(aThing('analysis')).toBe('an analysis');
    expect(aThing('class')).toBe('a class');
    expect(['access', 'bonus', 'analysis', 'class', 'pass'].filter(looksPlural)).toEqual([]);
  });

  it('chooses "an" by the first letter, with the common "you" and "one" sounds', () => {
    expect(aThing('e-book')).toBe('an e-book');
    expect(aThing('offer')).toBe('an offer');
    expect(aThing('user guide')).toBe('a user guide');
    expect(aThing('one-time gift')).toBe('a one-time gift');
    expect(aThing('e-book', 'free')).toBe('a free e-book');
  });
});
