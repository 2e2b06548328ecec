import { describe, expect, it } from 'vitest';
import { ratio } from '../src/engine/exchange.js';
import { postProcess } from '../src/filters/index.js';
import type { Amount, FileReport, Finding } from '../src/types.js';

// More elements than one call can take as arguments (Math.max(...xs) and push(...xs) threw on a 50 MB text).
const MANY = 300_000;

const amount = (value: number): Amount => ({ text: `$${value}`, value, currency: 'USD', line: 1, column: 1 });

describe('inputs with hundreds of thousands of amounts or findings', () => {
  it('takes the exchange ratio over every amount', () => {
    const given = Array.from({ length: MANY }, (_, i) => amount(1 + (i % 7)));
    const asked = Array.from({ length: MANY }, (_, i) => amount(i === MANY - 1 ? 700 : 10));
    expect(ratio(given, asked)).toBe(100); // 700 asked / 7 given
  });

  it('post-processes every finding of a report, in line order', () => {
    const findings: Finding[] = Array.from({ length: MANY }, (_, i) => ({
      tactic: 'freebie',
      confidence: 0.9,
      line: MANY - i,
      column: 1,
      endLine: MANY - i,
      endColumn: 5,
      text: 'gift',
      message: 'm',
      advice: 'a',
      rules: ['r'],
      severity: 'warning',
    }));
    const report: FileReport = { path: 'big.txt', format: 'text', findings, exchange: null, error: null };
    const { file } = postProcess(report, { inlineDirectives: true, severity: { freebie: 'info' } });
    expect(file.findings).toHaveLength(MANY);
    expect(file.findings[0].line).toBe(1);
    expect(file.findings[MANY - 1].line).toBe(MANY);
    expect(file.findings.every((f) => f.severity === 'info')).toBe(true);
  });
});
