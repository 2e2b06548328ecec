import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadConfig } from '../../src/config/load.js';
import { CUSTOM, CUSTOM_CONFIG, GIFT, runCli, tempTree } from '../report/spawn.js';

function freebieLines(stdout: string): number[] {
  const report = JSON.parse(stdout) as { files: Array<{ findings: Array<{ tactic: string; line: number }> }> };
  return report.files.flatMap((f) => f.findings.filter((x) => x.tactic === 'freebie').map((x) => x.line));
}

describe('configuration discovery', () => {
  it('finds quidpro.config.json in a parent of the working directory', () => {
    const root = tempTree({ 'quidpro.config.json': CUSTOM_CONFIG, 'copy/deep/a.txt': CUSTOM });
    const r = runCli(['-f', 'json', 'a.txt'], { cwd: join(root, 'copy/deep') });
    expect(freebieLines(r.stdout)).toEqual([1]);
    // Without the config the made-up phrase means nothing.
    expect(freebieLines(runCli(['-f', 'json', '--no-config', 'a.txt'], { cwd: join(root, 'copy/deep') }).stdout)).toEqual([]);
  });

  it('reads the "quidpro" key of package.json, and the nearest file wins', () => {
    const root = tempTree({
      'package.json': JSON.stringify({ name: 'x', quidpro: { tactics: { freebie: 'off' } } }),
      'sub/.quidprorc.json': JSON.stringify({ tactics: { freebie: 'error' } }),
      'sub/a.txt': GIFT,
      'a.txt': GIFT,
    });
    expect(runCli(['-f', 'json', 'a.txt'], { cwd: root }).stdout).toContain('"findings": []');
    const sub = JSON.parse(runCli(['-f', 'json', 'a.txt'], { cwd: join(root, 'sub') }).stdout);
    expect(sub.files[0].findings.map((f: { severity: string }) => f.severity)).toEqual(['error']);
  });

  it('skips a package.json without a "quidpro" key', () => {
    const root = tempTree({ 'quidpro.config.json': JSON.stringify({ tactics: { freebie: 'off' } }), 'pkg/package.json': '{"name":"y"}' });
    expect(findConfigFile(join(root, 'pkg'))?.file).toBe(join(root, 'quidpro.config.json'));
  });

  it('--config overrides discovery; --no-config ignores every file', () => {
    const root = tempTree({
      'quidpro.config.json': JSON.stringify({ tactics: { freebie: 'off' } }),
      'other.json': JSON.stringify({ tactics: { freebie: 'info' } }),
      'a.txt': GIFT,
    });
    expect(runCli(['a.txt'], { cwd: root }).code).toBe(0);
    const viaFlag = JSON.parse(runCli(['-f', 'json', '--config', 'other.json', 'a.txt'], { cwd: root }).stdout);
    expect(viaFlag.files[0].findings[0].severity).toBe('info');
    expect(runCli(['--no-config', 'a.txt'], { cwd: root }).code).toBe(1);
  });

  it('an invalid config is a one-line error naming the file and the key, exit 2', () => {
    const root = tempTree({ 'quidpro.config.json': JSON.stringify({ tactics: { freebie: 'loud' } }), 'a.txt': GIFT });
    const r = runCli(['a.txt'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('quidpro: quidpro.config.json: "tactics.freebie" must be one of off, error, warning, info\n');
    expect(r.stdout).toBe('');
  });

  it('names the package.json key path and reports broken JSON', () => {
    const root = tempTree({ 'package.json': JSON.stringify({ quidpro: { minConfidence: 3 } }), 'a.txt': GIFT });
    const r = runCli(['a.txt'], { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('quidpro: package.json: "quidpro.minConfidence" must be a number from 0 to 1\n');
    const broken = tempTree({ '.quidprorc.json': '{ "tactics": ', 'a.txt': GIFT });
    const b = runCli(['a.txt'], { cwd: broken });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/^quidpro: \.quidprorc\.json: is not valid JSON/);
    expect(runCli(['--config', 'missing.json', 'a.txt'], { cwd: broken }).stderr).toBe('quidpro: missing.json: no such file\n');
  });

  it('ignore globs are relative to the config file folder', () => {
    const root = tempTree({
      'quidpro.config.json': JSON.stringify({ ignore: ['drafts/**'] }),
      'drafts/a.txt': GIFT,
      'final/a.txt': GIFT,
    });
    const r = JSON.parse(runCli(['-f', 'json', '.'], { cwd: join(root, 'final') }).stdout);
    expect(r.files.map((f: { path: string }) => f.path)).toEqual(['a.txt']);
    const all = JSON.parse(runCli(['-f', 'json', 'drafts', 'final'], { cwd: root }).stdout);
    expect(all.files.map((f: { path: string }) => f.path)).toEqual([join('final', 'a.txt')]);
  });

  it('minConfidence from the config is overridden by --min-confidence', () => {
    const root = tempTree({ 'quidpro.config.json': JSON.stringify({ minConfidence: 1 }), 'a.txt': GIFT });
    expect(runCli(['a.txt'], { cwd: root }).code).toBe(0);
    expect(runCli(['--min-confidence', '0.5', 'a.txt'], { cwd: root }).code).toBe(1);
  });

  it('walks up several levels; in one folder quidpro.config.json comes before .quidprorc.json', () => {
    const root = tempTree({
      'quidpro.config.json': JSON.stringify({ minConfidence: 0.7 }),
      '.quidprorc.json': JSON.stringify({ minConfidence: 0.9 }),
      'a/b/c/note.txt': 'hi',
    });
    const loaded = loadConfig(join(root, 'a/b/c'));
    expect(loaded.file).toBe(join(root, 'quidpro.config.json'));
    expect(loaded.dir).toBe(root);
    expect(loaded.config).toEqual({ minConfidence: 0.7 });
    mkdirSync(join(root, 'a/b/d'));
    writeFileSync(join(root, 'a/b/.quidprorc.json'), JSON.stringify({ allow: ['Acme'] }));
    expect(loadConfig(join(root, 'a/b/d')).config).toEqual({ allow: ['Acme'] });
  });
});
