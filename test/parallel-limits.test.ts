/**
 * --jobs workers run with a small young generation (the biggest part of what
 * each thread added to peak RSS), unless the user sized it on the command line.
 */
import { describe, expect, it } from 'vitest';
import { WORKER_YOUNG_GENERATION_MB, workerLimits } from '../src/parallel/pool.js';

describe('worker heap limits', () => {
  it('bound the young generation of every worker', () => {
    expect(workerLimits([])).toEqual({ maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB });
    expect(workerLimits(['--heap-growing-percent=80'])).toEqual({ maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB });
    // No old-generation cap: a large message must still get the heap it needs.
    expect(Object.keys(workerLimits([])!)).toEqual(['maxYoungGenerationSizeMb']);
  });

  it("are left to V8 when the user sets the semi-space size (node --max-semi-space-size=N)", () => {
    expect(workerLimits(['--max-semi-space-size=16'])).toBeUndefined();
    expect(workerLimits(['--max_semi_space_size=1'])).toBeUndefined();
  });
});
