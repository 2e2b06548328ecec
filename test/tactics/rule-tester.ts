/**
 * ESLint RuleTester style for one tactic: `valid` texts yield no finding of
 * it; each `invalid` case yields a finding whose words include `covers`, with
 * at least the rules listed, at a confidence of at least `min` (default 0.8).
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding, TacticId } from '../../src/types.js';

export interface InvalidCase {
  name: string;
  text: string;
  covers: string;
  rules: string[];
  min?: number;
}

export async function findingsOf(tactic: TacticId, text: string): Promise<Finding[]> {
  const [report] = await analyze(text, { path: 'case.txt' });
  return report.findings.filter((f) => f.tactic === tactic);
}

export function ruleTester(tactic: TacticId, valid: ReadonlyArray<[string, string]>, invalid: readonly InvalidCase[]): void {
  describe(`${tactic}: valid (no finding)`, () => {
    for (const [name, text] of valid) {
      it(name, async () => {
        expect(await findingsOf(tactic, text)).toEqual([]);
      });
    }
  });

  describe(`${tactic}: invalid (finding)`, () => {
    for (const c of invalid) {
      it(c.name, async () => {
        const found = await findingsOf(tactic, c.text);
        const hit = found.find((f) => f.text.includes(c.covers));
        expect(hit, found.map((f) => f.text).join(' | ') || 'no finding').toBeDefined();
        expect(hit!.rules).toEqual(expect.arrayContaining(c.rules));
        expect(hit!.confidence).toBeGreaterThanOrEqual(c.min ?? 0.8);
      });
    }
  });
}
