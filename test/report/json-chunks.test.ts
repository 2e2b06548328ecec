import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { formatJson } from '../../src/report/json.js';
import { safeStringify } from '../../src/report/safe.js';
import { summarize } from '../../src/report/summary.js';

describe('formatJson written in chunks', () => {
  it('is exactly the pretty-printed contract object, for none, one and several files', async () => {
    const one = await analyze('We have enclosed address labels as our gift to you. Please donate today.', { path: 'a.txt' });
    const two = await analyze('Nothing to see here.', { path: 'b.txt' });
    for (const files of [[], one, [...one, ...two]]) {
      const expected = safeStringify({ version: 1, files, summary: { ...summarize(files), failing: 1 } }, 2) + '\n';
      expect(formatJson(files, { failing: 1 })).toBe(expected);
    }
  });
});
