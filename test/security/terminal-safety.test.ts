/**
 * Terminal safety: text from an input — its words, its decoded entities, its
 * file name — never reaches the output as a control or escape sequence, in
 * any output format, and JSON output still parses back to the original text.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'quidpro.js');

/** Sequences that take over a terminal or reorder what it shows. */
const HOSTILE: Record<string, string> = {
  'ANSI colour (ESC [31m)': '\u001b[31m',
  'OSC 8 hyperlink': '\u001b]8;;https://evil.example/\u0007',
  'C1 CSI (U+009B)': '\u009b31m',
  'bidi override (U+202E)': '\u202e',
  'bidi isolates (U+2066–2069)': '\u2066\u2067\u2068\u2069',
  'line and paragraph separators': '\u2028\u2029',
  'bell, backspace, DEL': '\u0007\u0008\u007f',
};
const ALL_HOSTILE = Object.values(HOSTILE).join('');

/** Output formats to cover; one not yet built is skipped with its reason. */
const FORMATS: Array<{ name: string; json: 'document' | 'lines' | null; todo?: string }> = [
  { name: 'text', json: null },
  { name: 'json', json: 'document' },
  { name: 'jsonl', json: 'lines' },
  { name: 'sarif', json: 'document' },
  { name: 'github', json: null },
];

const UNSAFE_IN_OUTPUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

let dir: string;
const files: Record<string, string> = {};

function write(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  files[name] = path;
  return path;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quidpro-terminal-'));
  // Each sequence between the words of a tactic, at the end of its sentence, and in the ask.
  const lines = Object.values(HOSTILE).map((x) => `Claim your${x} free gift${x}! Please${x} donate today.${x}`);
  write('words.txt', lines.join('\n') + '\n');
  // NUL makes a file "binary": the error report prints its name.
  write('nul\u001b[2J.txt', 'Claim your free gift!\u0000 Please donate today.\n');
  // Escapes in the file name of a file with findings.
  write(`evil\u001b[31m\u009b\u202e\u2028name.txt`, 'Claim your free gift! Please donate today.\n');
  // Entities decode to control characters inside the analysed text.
  write('entities.html', '<p>Claim your free&#x1b;[31m gift&#x9b;! Please donate&#x202e; today&#x2028;.</p>\n');
  write('entities.md', 'Claim your free&#x1b;[31m gift&#x9b;! Please donate&#x202e; today.\n');
  write(
    'encoded.eml',
    'From: =?UTF-8?B?' + Buffer.from('Evil\u001b]8;;x\u0007 Sender').toString('base64') + '?= <a@example.org>\r\n' +
      'Subject: =?UTF-8?B?' + Buffer.from('Your free gift\u001b[31m\u202e').toString('base64') + '?=\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n' +
      'Claim your free gift=1B[31m! Please donate=C2=9B today.=E2=80=AE\r\n',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(format: string, paths: string[]) {
  return spawnSync(process.execPath, [BIN, '--no-config', '--format', format, ...paths], {
    cwd: ROOT,
    encoding: 'buffer',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
  });
}

function expectSafeBytes(bytes: Buffer, where: string): void {
  expect(bytes.includes(0x1b), `${where}: raw ESC byte`).toBe(false);
  const text = bytes.toString('utf8');
  const bad = UNSAFE_IN_OUTPUT.exec(text);
  expect(bad ? `U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')} at ${bad.index}: …${JSON.stringify(text.slice(Math.max(0, bad.index - 40), bad.index + 10))}` : null, where).toBeNull();
}

/** JSON documents a format printed. */
function parsed(format: (typeof FORMATS)[number], stdout: Buffer): unknown[] {
  const text = stdout.toString('utf8');
  if (format.json === 'document') return [JSON.parse(text)];
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

/** Every string anywhere inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('no control or escape sequence from an input reaches the output', () => {
  for (const format of FORMATS) {
    const test = format.todo ? it.skip : it;
    test(`--format ${format.name}${format.todo ? ` (TODO: ${format.todo})` : ''}`, () => {
      const r = run(format.name, Object.values(files));
      // Exit 2: findings, and the binary file is an input error. A crash would print a stack.
      expect(r.status, r.stderr.toString('utf8')).toBe(2);
      expect(r.stderr.toString('utf8')).not.toMatch(/\n\s+at /);
      expect(r.stdout.toString('utf8')).toMatch(/freebie|Free gift|FreeGift/);
      expectSafeBytes(r.stdout, `${format.name} stdout`);
      expectSafeBytes(r.stderr, `${format.name} stderr`);
      if (format.json) {
        const docs = parsed(format, r.stdout);
        expect(docs.length).toBeGreaterThan(0);
        // Escaped, not lost: the JSON still carries the original characters.
        const all = strings(docs).join('\n');
        expect(all).toContain('\u001b[31m');
        expect(all).toContain('\u202e');
      }
    });
  }
});

describe('JSON parses back to the original text and names', () => {
  it('finding text equals the source at its position; paths are the real file names', () => {
    const r = run('json', Object.values(files));
    expect(r.status, r.stderr.toString('utf8')).toBe(2);
    const report = JSON.parse(r.stdout.toString('utf8')) as {
      files: Array<{ path: string; error: unknown; findings: Array<{ line: number; column: number; endLine: number; endColumn: number; text: string }> }>;
    };
    expect(report.files.map((f) => f.path).sort()).toEqual(Object.values(files).sort());
    const words = report.files.find((f) => f.path === files['words.txt'])!;
    const source = readFileSync(files['words.txt'], 'utf8').split('\n');
    // Every hostile line still gives its finding.
    expect(new Set(words.findings.map((f) => f.line)).size).toBe(Object.keys(HOSTILE).length);
    for (const f of words.findings) {
      expect(f.endLine).toBe(f.line);
      expect(f.text).toBe(source[f.line - 1].slice(f.column - 1, f.endColumn - 1));
    }
    expect(words.findings.some((f) => /[\u001b\u009b\u202e\u2066\u2028]/.test(f.text))).toBe(true);
    const named = report.files.find((f) => f.path.includes('evil'))!;
    expect(named.path).toBe(files[`evil\u001b[31m\u009b\u202e\u2028name.txt`]);
    expect(named.findings.length).toBeGreaterThan(0);
  });

  it('the text report shows escapes visibly instead of obeying them', () => {
    const r = run('text', [files['words.txt'], files[`evil\u001b[31m\u009b\u202e\u2028name.txt`]]);
    const out = r.stdout.toString('utf8');
    expect(out).toMatch(/\\u001B\[31m/i);
    expect(out).toMatch(/\\u202E/i);
    expect(out).toContain('evil\\u001B[31m');
  });
});

it('covers every hostile sequence in one input (the test data is what it says)', () => {
  expect(readFileSync(files['words.txt'], 'utf8')).toContain(ALL_HOSTILE.slice(0, 5));
});
