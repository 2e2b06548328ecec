/**
 * ESLint-style case tables for the gift tactics: each valid case must yield a
 * finding of the tactic whose text contains `finding`; each invalid case must
 * yield none.
 */
import { expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { Finding, TacticId } from '../../src/types.js';

export interface ValidCase {
  text: string;
  /** Words the finding must contain (case-insensitive). */
  finding: string;
}

export interface InvalidCase {
  text: string;
  /** Why this is not the tactic (shown in the test name). */
  why: string;
  /** The tactic the words do belong to, if any. */
  instead?: TacticId;
}

export async function findingsOf(text: string, tactic: TacticId): Promise<Finding[]> {
  const [report] = await analyze(text, { path: 'case.txt' });
  return report.findings.filter((f) => f.tactic === tactic);
}

export function runCases(tactic: TacticId, valid: readonly ValidCase[], invalid: readonly InvalidCase[]): void {
  for (const c of valid) {
    it(`finds ${tactic}: ${c.text.slice(0, 70)}`, async () => {
      const found = await findingsOf(c.text, tactic);
      expect(found.length, 'one finding per occurrence').toBe(1);
      expect(found[0].text.toLowerCase()).toContain(c.finding.toLowerCase());
      expect(found[0].message.length).toBeGreaterThan(20);
    });
  }
  for (const c of invalid) {
    it(`no ${tactic} (${c.why}): ${c.text.slice(0, 60)}`, async () => {
      expect(await findingsOf(c.text, tactic)).toEqual([]);
      if (c.instead) expect((await findingsOf(c.text, c.instead)).length).toBeGreaterThan(0);
    });
  }
}
