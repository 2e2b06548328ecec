/** The command's hook before a large input: called once, and never when nobody registered one. */
import { afterEach, describe, expect, it } from 'vitest';
import { expectLargeInput, onLargeInput } from '../src/large-input.js';

describe('onLargeInput', () => {
  afterEach(() => onLargeInput(null));

  it('calls the registered function before the first large input only', () => {
    let calls = 0;
    onLargeInput(() => calls++);
    expectLargeInput();
    expectLargeInput();
    expect(calls).toBe(1);
  });

  it('does nothing for a library caller, who registered nothing', () => {
    expect(() => expectLargeInput()).not.toThrow();
    let calls = 0;
    onLargeInput(() => calls++);
    onLargeInput(null);
    expectLargeInput();
    expect(calls).toBe(0);
  });
});
