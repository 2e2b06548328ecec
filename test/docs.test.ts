/** Generated documentation stays in step with the registry (regenerate with `node scripts/docs.mjs`). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without types
import { readmeTable, sampleOutput, tacticsDoc, withSample, withTable } from '../scripts/docs.mjs';
import { TACTICS } from '../src/tactics/index.js';

const ROOT = join(import.meta.dirname, '..');

describe('generated docs', () => {
  it('docs/tactics.md is what `quidpro explain` prints for every tactic', async () => {
    expect(readFileSync(join(ROOT, 'docs', 'tactics.md'), 'utf8')).toBe(await tacticsDoc());
  });

  it("README's tactic table lists every registered tactic with its name and summary", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withTable(readme, readmeTable()), 'regenerate with: node scripts/docs.mjs').toBe(readme);
    for (const t of TACTICS) expect(readme).toContain(`| ${t.meta.name} | ${t.meta.summary} |`);
  });

  it("the README's sample output is what the Quick start command prints", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(withSample(readme, sampleOutput()), 'regenerate with: node scripts/docs.mjs').toBe(readme);
  });

  it('the README documents every CLI option', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const cli = readFileSync(join(ROOT, 'src', 'cli.ts'), 'utf8');
    const flags = [...cli.matchAll(/['"`](?:-\w, )?(--[a-z][a-z-]*)/g)].map((m) => m[1]);
    expect(flags.length).toBeGreaterThan(10);
    for (const flag of new Set(flags)) expect(readme, flag).toContain(flag);
  });
});
