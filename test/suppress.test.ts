import { describe, expect, it } from 'vitest';
import { applyDirectives, parseDirectives } from '../src/suppress.js';
import type { Finding, TacticId } from '../src/types.js';
import { GIFT, runCli, tempTree } from './report/spawn.js';

function finding(tactic: TacticId, line: number): Finding {
  return { tactic, line, column: 1, endLine: line, endColumn: 5, confidence: 0.9, text: 'x', message: 'm', advice: 'a', rules: [], severity: 'warning' };
}

describe('parseDirectives', () => {
  it('reads HTML comments and plain-text lines, with optional tactic lists', () => {
    const source = [
      'Hello', // 1
      '<!-- quidpro-disable-next-line freebie -->', // 2
      '# quidpro-disable obligation, lead-magnet -- reviewed by legal', // 3
      '// quidpro-enable', // 4
      'text <!-- quidpro-disable --> more', // 5
      'quidpro-enable freebie bogus', // 6
      'Say quidpro-disable in a sentence', // 7: not a directive
    ].join('\n');
    const d = parseDirectives(source);
    expect(d.map((x) => [x.kind, x.line, x.tactics])).toEqual([
      ['disable-next-line', 2, ['freebie']],
      ['disable', 3, ['obligation', 'lead-magnet']],
      ['enable', 4, null],
      ['disable', 5, null],
      ['enable', 6, ['freebie']],
    ]);
    expect(d[4].unknown).toEqual(['bogus']);
    expect(d[0].column).toBe(6);
  });

  it('handles CRLF line ends', () => {
    const d = parseDirectives('a\r\nquidpro-disable-next-line freebie\r\nb\r\n');
    expect(d.map((x) => [x.kind, x.line])).toEqual([['disable-next-line', 2]]);
  });
});

describe('applyDirectives', () => {
  it('disable-next-line covers only the next line and the listed tactics', () => {
    const d = parseDirectives('<!-- quidpro-disable-next-line freebie -->\nline two\nline three');
    const r = applyDirectives([finding('freebie', 2), finding('obligation', 2), finding('freebie', 3)], d);
    expect(r.kept.map((f) => [f.tactic, f.line])).toEqual([['obligation', 2], ['freebie', 3]]);
    expect(r.unused).toEqual([]);
  });

  it('disable/enable blocks, and reports directives that suppressed nothing', () => {
    const source = ['quidpro-disable', 'a', 'quidpro-enable', 'b', 'quidpro-disable obligation', 'c', 'quidpro-disable-next-line', 'd'].join('\n');
    const r = applyDirectives([finding('freebie', 2), finding('freebie', 4), finding('freebie', 6)], parseDirectives(source));
    expect(r.kept.map((f) => f.line)).toEqual([4, 6]);
    expect(r.unused.map((d) => [d.line, d.text])).toEqual([
      [5, 'quidpro-disable obligation'],
      [7, 'quidpro-disable-next-line'],
    ]);
  });

  it('a disable without enable runs to the end; enabling one tactic keeps the others off', () => {
    const source = ['quidpro-disable', 'quidpro-enable freebie', 'x'].join('\n');
    const r = applyDirectives([finding('freebie', 3), finding('obligation', 3)], parseDirectives(source));
    expect(r.kept.map((f) => f.tactic)).toEqual(['freebie']);
  });
});

describe('suppressions end to end', () => {
  const md = ['# Appeal', '', '<!-- quidpro-disable-next-line freebie -- reviewed -->', GIFT, '', GIFT, ''].join('\n');

  it('silences the reviewed line only', () => {
    const dir = tempTree({ 'appeal.md': md });
    const r = JSON.parse(runCli(['-f', 'json', 'appeal.md'], { cwd: dir }).stdout);
    expect(r.files[0].findings.map((f: { tactic: string; line: number }) => [f.tactic, f.line])).toEqual([['freebie', 6]]);
    // --no-inline-config brings it back.
    const all = JSON.parse(runCli(['-f', 'json', '--no-inline-config', 'appeal.md'], { cwd: dir }).stdout);
    expect(all.files[0].findings.filter((f: { tactic: string }) => f.tactic === 'freebie').map((f: { line: number }) => f.line)).toEqual([4, 6]);
  });

  it('--report-unused-disables: json array, text warning, and the run fails', () => {
    const text = ['quidpro-disable-next-line obligation', 'Nothing to see here.', ''].join('\n');
    const dir = tempTree({ 'a.txt': text });
    expect(runCli(['a.txt'], { cwd: dir }).code).toBe(0);
    const json = runCli(['-f', 'json', '--report-unused-disables', 'a.txt'], { cwd: dir });
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.unusedDisables).toEqual([
      expect.objectContaining({ path: 'a.txt', line: 1, column: 1, directive: 'quidpro-disable-next-line obligation' }),
    ]);
    expect(report.files[0].unusedDisables).toHaveLength(1);
    const txt = runCli(['--report-unused-disables', 'a.txt'], { cwd: dir });
    expect(txt.stdout).toMatch(/1:1 +warning +unused directive "quidpro-disable-next-line obligation"/);
    // Below the fail level, it is shown but passes.
    expect(runCli(['--report-unused-disables', '--fail-level', 'error', 'a.txt'], { cwd: dir }).code).toBe(0);
  });

  it('warns about unknown tactic ids in a directive', () => {
    const dir = tempTree({ 'a.txt': `quidpro-disable-next-line freebee\n${GIFT}\n` });
    const r = runCli(['a.txt'], { cwd: dir });
    expect(r.stderr).toContain('quidpro: warning: a.txt:1:1: unknown tactic "freebee"');
  });
});
