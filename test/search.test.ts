import { describe, expect, it } from 'vitest';
import { lastStartingAtOrBefore, partitionPoint } from '../src/text/search.js';

describe('partitionPoint', () => {
  const starts = [2, 5, 5, 9];
  it('finds the first item not before the probe', () => {
    expect(partitionPoint(starts.length, (i) => starts[i] < 5)).toBe(1);
    expect(partitionPoint(starts.length, (i) => starts[i] < 6)).toBe(3);
    expect(partitionPoint(starts.length, (i) => starts[i] < 0)).toBe(0);
    expect(partitionPoint(starts.length, (i) => starts[i] < 99)).toBe(4);
    expect(partitionPoint(0, () => true)).toBe(0);
  });
});

describe('lastStartingAtOrBefore', () => {
  const starts = [0, 4, 10];
  it('finds the item an offset falls in, and 0 before the first or when empty', () => {
    expect(lastStartingAtOrBefore(starts.length, (i) => starts[i], 4)).toBe(1);
    expect(lastStartingAtOrBefore(starts.length, (i) => starts[i], 9)).toBe(1);
    expect(lastStartingAtOrBefore(starts.length, (i) => starts[i], 50)).toBe(2);
    expect(lastStartingAtOrBefore(3, (i) => [3, 4, 5][i], 1)).toBe(0);
    expect(lastStartingAtOrBefore(0, () => 0, 7)).toBe(0);
  });
});
