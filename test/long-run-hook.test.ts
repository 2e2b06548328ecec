/** The command's hook before a long run: called once for each reason, and never when nobody registered one. */
import { afterEach, describe, expect, it } from 'vitest';
import { expectLongRun, onLongRun, type LongRun } from '../src/long-run.js';

describe('onLongRun', () => {
  afterEach(() => onLongRun(null));

  it('calls the registered function once for each reason, with the reason', () => {
    const calls: LongRun[] = [];
    onLongRun((why) => calls.push(why));
    expectLongRun('large-input');
    expectLongRun('large-input');
    expectLongRun('threads');
    expectLongRun('threads');
    expect(calls).toEqual(['large-input', 'threads']);
  });

  it('does nothing for a library caller, who registered nothing', () => {
    expect(() => expectLongRun('threads')).not.toThrow();
    let calls = 0;
    onLongRun(() => calls++);
    onLongRun(null);
    expectLongRun('large-input');
    expect(calls).toBe(0);
  });
});
