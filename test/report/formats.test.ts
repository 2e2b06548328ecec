import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../src/report/github.js';
import { artifactUri, formatSarif } from '../../src/report/sarif.js';
import type { FileReport, Finding } from '../../src/types.js';
import { CUSTOM, CUSTOM_CONFIG, GIFT, runCli, tempTree } from './spawn.js';

/**
 * The SARIF 2.1.0 schema as Microsoft publishes it (rtm.5, the schema of the
 * 2.1.0 release candidate that GitHub documents), shipped in @microsoft/jest-sarif;
 * no npm package ships the OASIS final `sarif-schema-2.1.0.json` itself.
 */
const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// CommonJS modules: required, so their default exports type-check under NodeNext.
const AjvDraft04: typeof import('ajv-draft-04').default = require('ajv-draft-04');
const addFormats: typeof import('ajv-formats').default = require('ajv-formats');
// unicodeRegExp off: one pattern in the published schema is not valid with the "u" flag.
const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

const twoFiles = {
  'copy/appeal.md': `# Spring appeal\n\nDear friend,\n\n${GIFT}\n`,
  'copy/sub dir/note.txt': `Hello.\n${CUSTOM}\n`,
  'quidpro.config.json': JSON.stringify({ ...JSON.parse(CUSTOM_CONFIG), tactics: { freebie: 'error' } }),
};

interface JsonFinding extends Finding {}
interface JsonFile extends FileReport {
  findings: JsonFinding[];
}

describe('sarif', () => {
  it('validates against the published SARIF 2.1.0 schema and places results at the findings', () => {
    const dir = tempTree(twoFiles);
    const json = JSON.parse(runCli(['-f', 'json', 'copy'], { cwd: dir }).stdout) as { files: JsonFile[] };
    const r = runCli(['-f', 'sarif', 'copy'], { cwd: dir });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds).toEqual(['freebie', 'lead-magnet', 'thats-not-all', 'foot-in-the-door', 'door-in-the-face', 'obligation']);
    const freebieRule = run.tool.driver.rules[0];
    expect(freebieRule.help.text).toContain('Wait:');
    expect(freebieRule.defaultConfiguration.level).toBe('error');

    const expected = json.files.flatMap((f) =>
      f.findings.map((x) => ({ uri: f.path.split('\\').join('/').replace(' ', '%20'), tactic: x.tactic, line: x.line, column: x.column, endLine: x.endLine, endColumn: x.endColumn, severity: x.severity })),
    );
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const actual = run.results.map((res: any) => {
      const loc = res.locations[0].physicalLocation;
      return {
        uri: loc.artifactLocation.uri,
        tactic: res.ruleId,
        line: loc.region.startLine,
        column: loc.region.startColumn,
        endLine: loc.region.endLine,
        endColumn: loc.region.endColumn,
        severity: res.level,
      };
    });
    expect(actual).toEqual(expected.map((e) => ({ ...e, severity: e.severity === 'info' ? 'note' : e.severity })));
    expect(actual.map((a: { uri: string }) => a.uri)).toContain('copy/sub%20dir/note.txt');
    expect(run.results.every((res: any) => ruleIds[res.ruleIndex] === res.ruleId)).toBe(true);
  });

  it('maps info to note, names stdin "stdin", and reports input errors as notifications', () => {
    const sarif = JSON.parse(
      formatSarif(
        [
          { path: '<stdin>', format: 'text', findings: [{ ...sample(), severity: 'info' }], exchange: null, error: null },
          { path: 'gone.txt', format: null, findings: [], exchange: null, error: { message: 'no such file or directory' } },
        ],
        { toolVersion: '0.1.0', cwd: '/work' },
      ),
    );
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = sarif.runs[0];
    expect(run.results[0].level).toBe('note');
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('stdin');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('no such file or directory');
  });

  it('reports unused disable directives as results of their own rule', () => {
    const dir = tempTree({ 'a.md': `<!-- quidpro-disable-next-line obligation -->\n${GIFT}\n` });
    const r = runCli(['-f', 'sarif', '--report-unused-disables', 'a.md'], { cwd: dir });
    const sarif = JSON.parse(r.stdout);
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const run = sarif.runs[0];
    const unused = run.results.filter((res: any) => res.ruleId === 'unused-disable-directive');
    expect(unused).toHaveLength(1);
    expect(run.tool.driver.rules[unused[0].ruleIndex].id).toBe('unused-disable-directive');
    expect(unused[0].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 6 });
    expect(run.results.filter((res: any) => res.ruleId === 'freebie').map((res: any) => res.locations[0].physicalLocation.region.startLine)).toEqual([2]);
  });

  it('makes URIs relative to the working directory with forward slashes', () => {
    expect(artifactUri(join('/repo', 'copy', 'a b.md'), '/repo')).toBe('copy/a%20b.md');
    expect(artifactUri('copy/x.md', '/repo')).toBe('copy/x.md');
  });

  it('escapes unsafe characters from the input', () => {
    const out = formatSarif(
      [{ path: 'a.txt', format: 'text', findings: [{ ...sample(), text: 'gift\u001b[31m\u202e' }], exchange: null, error: null }],
      { toolVersion: '0.1.0', cwd: process.cwd() },
    );
    expect(out).not.toMatch(/[\u001b\u202e]/);
    expect(JSON.parse(out).runs[0].results[0].locations[0].physicalLocation.region.snippet.text).toBe('gift\u001b[31m\u202e');
  });
});

describe('github', () => {
  it('prints one workflow command per finding with its location', () => {
    const dir = tempTree(twoFiles);
    const json = JSON.parse(runCli(['-f', 'json', 'copy'], { cwd: dir }).stdout) as { files: JsonFile[] };
    const r = runCli(['-f', 'github', 'copy'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const findings = json.files.flatMap((f) => f.findings.map((x) => ({ path: f.path.split('\\').join('/'), ...x })));
    expect(lines).toHaveLength(findings.length);
    lines.forEach((line, i) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      expect(m, line).not.toBeNull();
      const props = Object.fromEntries(m![2].split(',').map((kv) => kv.split('=') as [string, string]));
      const f = findings[i];
      expect(m![1]).toBe(f.severity === 'info' ? 'notice' : f.severity);
      expect(props).toMatchObject({ file: f.path, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn) });
      expect(decodeURIComponent(props.title)).toContain(f.tactic);
      expect(m![3]).toContain('Wait:');
    });
  });

  it('escapes data and properties like @actions/core, then for the terminal', () => {
    expect(escapeData('100% sure\r\nnext: a,b')).toBe('100%25 sure%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeData('x\u001b[2Jy')).toBe('x\\u001B[2Jy');
    const out = formatGithub(
      [{ path: 'dir/we,ird:name.md', format: 'text', findings: [{ ...sample(), message: 'two\nlines' }], exchange: null, error: null }],
      '/nowhere',
    );
    expect(out).toContain('file=dir/we%2Cird%3Aname.md,');
    expect(out).toContain('::two%0Alines');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('jsonl', () => {
  it('writes one files[] object per line, no summary, same as json', () => {
    const dir = tempTree(twoFiles);
    const json = JSON.parse(runCli(['-f', 'json', 'copy'], { cwd: dir }).stdout);
    const r = runCli(['-f', 'jsonl', 'copy'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual(json.files);
    expect(lines.every((l) => 'path' in l && 'findings' in l && !('summary' in l))).toBe(true);
  });
});

describe('--output', () => {
  it('writes the report to a file and nothing to stdout', () => {
    const dir = tempTree({ 'a.txt': GIFT });
    const r = runCli(['-f', 'sarif', '--output', 'out.sarif', 'a.txt'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].ruleId).toBe('freebie');
    const bad = runCli(['-o', join(dir, 'no/such/dir/out.txt'), 'a.txt'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^quidpro: cannot write /);
  });
});

describe('text', () => {
  it('shows a non-default severity and marks findings that do not fail the run', () => {
    const dir = tempTree({ 'a.txt': GIFT, 'quidpro.config.json': JSON.stringify({ tactics: { freebie: 'info' } }) });
    const r = runCli(['a.txt'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1:1 +freebie \(Free gift\) info +\d+% \(not failing\)/);
    expect(r.stdout).toMatch(/1 finding .*; 0 failing/);
    expect(r.stdout).toMatch(/^✔ /m);
    const plain = runCli(['--no-config', 'a.txt'], { cwd: dir });
    expect(plain.stdout).toMatch(/1:1 +freebie \(Free gift\) +\d+%\n/);
  });
});

function sample(): Finding {
  return { tactic: 'freebie', confidence: 0.9, line: 1, column: 1, endLine: 1, endColumn: 10, text: 'free gift', message: 'Offers a gift.', advice: 'Wait: later.', rules: ['gift-offer'], severity: 'warning' };
}

describe('jsonl streaming', () => {
  it('writes the line for the first input before the next input has been read', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./spawn.js');
    const dir = tempTree({ 'a.txt': `${GIFT}\n` });
    const child = spawn(process.execPath, [BIN, '-f', 'jsonl', 'a.txt', '-'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    // stdin stays open until the first line has arrived: only a streaming writer can pass.
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const closed = new Promise<number | null>((done) => child.on('close', done));
    await new Promise<void>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8');
        if (out.includes('\n')) done();
      });
      void closed.then(() => done()); // a crash must fail the test, not hang it
    });
    expect(out, stderr).toContain('\n');
    const first = JSON.parse(out.split('\n')[0]);
    expect(first.path).toBe('a.txt');
    expect(first.findings[0].tactic).toBe('freebie');
    child.stdin.end('Nothing to see.\n');
    const code = await closed;
    expect(code).toBe(1);
    const lines = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.path)).toEqual(['a.txt', '<stdin>']);
  });
});
