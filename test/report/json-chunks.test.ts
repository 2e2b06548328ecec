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

describe('Tally', () => {
  it('counts files, flagged files, errors, findings per tactic and failing findings as reports stream by', async () => {
    const { Tally, DEFAULT_GATE } = await import('../../src/report/gate.js');
    const [gift] = await analyze('We have enclosed address labels as our gift to you. Please donate today.', { path: 'a.txt' });
    const [clean] = await analyze('Nothing to see here.', { path: 'b.txt' });
    const broken = { ...clean, path: 'c.txt', error: { message: 'no such file or directory' } };
    const tally = new Tally(DEFAULT_GATE);
    for (const f of [gift, clean, broken]) tally.add(f);
    expect(tally.files).toBe(3);
    expect(tally.flagged).toBe(1);
    expect(tally.errors).toBe(1);
    expect(tally.findings).toBe(gift.findings.length);
    expect(tally.byTactic.freebie).toBe(gift.findings.filter((f) => f.tactic === 'freebie').length);
    expect(tally.failing).toBe(gift.findings.length);
    expect(tally.exitCode()).toBe(2);
    const lenient = new Tally({ ...DEFAULT_GATE, failOn: 'none' });
    lenient.add(gift);
    expect(lenient.failing).toBe(0);
    expect(lenient.exitCode()).toBe(0);
  });
});
