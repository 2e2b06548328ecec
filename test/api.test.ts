import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, ConfigError, type Finding } from '../src/index.js';
import { CUSTOM, CUSTOM_PHRASE, GIFT, runCli, tempTree } from './report/spawn.js';

const markdown = [
  '# Spring appeal',
  '',
  'Dear friend,',
  '',
  GIFT,
  '',
  '<!-- quidpro-disable-next-line freebie -->',
  GIFT,
  '',
  'For ten years we have kept this newsletter free for you. Now please give back with a donation.',
  '',
].join('\n');

function cliFindings(args: string[], files: Record<string, string>): Finding[] {
  const dir = tempTree(files);
  const r = runCli(['-f', 'json', ...args], { cwd: dir });
  return JSON.parse(r.stdout).files[0].findings as Finding[];
}

describe('library analyze()', () => {
  it('gives the same findings as the CLI for Markdown, suppressions included', async () => {
    const [report] = await analyze(markdown, { format: 'markdown', path: 'appeal.md' });
    expect(report.path).toBe('appeal.md');
    expect(report.format).toBe('markdown');
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.some((f) => f.line === 8)).toBe(false);
    expect(report.findings).toEqual(cliFindings(['appeal.md'], { 'appeal.md': markdown }));
  });

  it('gives the same findings as the CLI reading stdin as text', async () => {
    const [report] = await analyze(GIFT, { format: 'text' });
    const dir = tempTree();
    const cli = JSON.parse(runCli(['-f', 'json', '--input-format', 'text', '-'], { cwd: dir, input: GIFT }).stdout);
    expect(report.findings).toEqual(cli.files[0].findings);
    expect(report.findings[0].tactic).toBe('freebie');
  });

  it('takes a config object like the file, with the same effect as in the CLI', async () => {
    const config = { phrases: { freebie: [CUSTOM_PHRASE] }, tactics: { freebie: 'error' as const }, allow: ['Zorblax Wibble'] };
    const [allowed] = await analyze(CUSTOM, { format: 'text', config });
    expect(allowed.findings.filter((f) => f.tactic === 'freebie')).toEqual([]);
    const { allow: _unused, ...withoutAllow } = config;
    const [report] = await analyze(CUSTOM, { format: 'text', config: withoutAllow, path: 'a.txt' });
    const freebie = report.findings.filter((f) => f.tactic === 'freebie');
    expect(freebie.map((f) => [f.severity, f.text])).toEqual([['error', CUSTOM_PHRASE]]);
    expect(report.findings).toEqual(cliFindings(['a.txt'], { 'a.txt': CUSTOM, 'quidpro.config.json': JSON.stringify(withoutAllow) }));
  });

  it('allow list: a brand name never fires, elsewhere the same words still do', async () => {
    const text = `Thanks from ${'Free Gift Coffee'}! We've enclosed a free gift for you. Please donate today.`;
    const [plain] = await analyze(text, { format: 'text', minConfidence: 0 });
    const [allowed] = await analyze(text, { format: 'text', minConfidence: 0, config: { allow: ['free gift coffee'] } });
    const overlapsBrand = (f: Finding) => f.line === 1 && f.column <= 29 && f.endColumn > 12;
    expect(plain.findings.some(overlapsBrand)).toBe(true);
    expect(allowed.findings.some(overlapsBrand)).toBe(false);
    expect(allowed.findings.length).toBeGreaterThan(0);
    // Only findings touching the brand were dropped.
    expect(allowed.findings).toEqual(plain.findings.filter((f) => !overlapsBrand(f)));
  });

  it('reports unused disables when asked, and an invalid config throws a ConfigError naming the key', async () => {
    const [r] = await analyze('quidpro-disable obligation\nHello.\n', { format: 'text', reportUnusedDisables: true });
    expect(r.unusedDisables?.map((u) => [u.line, u.directive])).toEqual([[1, 'quidpro-disable obligation']]);
    await expect(analyze('x', { config: { tactics: { freebie: 'loud' } } as never })).rejects.toThrow(ConfigError);
    await expect(analyze('x', { config: { tactics: { freebie: 'loud' } } as never })).rejects.toThrow('"tactics.freebie"');
  });

  it('is exported from the package entry point', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    expect(pkg.exports['.'].default).toBe('./dist/index.js');
  });
});
