/**
 * The benchmark's "mail-like" text mixes tactic fixtures into neutral prose
 * (fixtures/bench/neutral.txt). That prose must really be tactic-free, or the
 * mix would be denser than it says.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';

describe('bench fixture', () => {
  it('the neutral prose gives no finding even at confidence 0, paragraph by paragraph and as a whole', async () => {
    const text = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bench', 'neutral.txt'), 'utf8');
    const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
    expect(paragraphs.length).toBeGreaterThanOrEqual(15);
    for (const p of [text, ...paragraphs]) {
      const [report] = await analyze(p, { format: 'text', minConfidence: 0 });
      expect(report.findings.map((f) => `${f.tactic}: ${f.text}`)).toEqual([]);
    }
  });
});
