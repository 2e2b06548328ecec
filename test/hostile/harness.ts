/**
 * The hostile-input harness: runs the real CLI (bin/quidpro.js over the dist/
 * that test/setup/build.ts compiles) on inputs generated in a temp folder,
 * beside a small real tactic file whose finding must still be reported.
 *
 * Time is guarded by vitest's per-test timeout, computed from the input's
 * size (BASE_MS + PER_MB_MS per MB): generous for a loaded 2-core CI machine,
 * far below what quadratic work on these sizes needs. No timing is asserted.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'quidpro.js');

export const MB = 1024 * 1024;
const BASE_MS = 30_000;
const PER_MB_MS = 2_000;

/** The vitest timeout for a run over `megabytes` of input. */
export function budget(megabytes: number): number {
  return BASE_MS + Math.ceil(megabytes * PER_MB_MS);
}

/** The real tactic put beside every hostile input, and the words its finding must cover. */
export const TACTIC_TEXT = 'Dear friend,\nClaim your free gift! Please donate today.\n';
export const TACTIC_WORDS = 'Claim your free gift';

export interface Workspace {
  dir: string;
  /** Writes a file (string or bytes) and returns its path. */
  write(name: string, content: string | Uint8Array): string;
  /** The tactic file of this workspace. */
  tactic: string;
  remove(): void;
}

export function workspace(prefix: string): Workspace {
  const dir = mkdtempSync(join(tmpdir(), `quidpro-hostile-${prefix}-`));
  const write = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  return { dir, write, tactic: write('tactic.txt', TACTIC_TEXT), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; `stdin` is a string, bytes, a file or a stream piped in (the CLI may stop reading early). */
export function runCli(args: string[], stdin?: string | Uint8Array | { file: string } | Readable): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--no-config', ...args], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // The CLI may exit before reading all of stdin (an input past --max-bytes): not an error here.
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (status) => {
      if (stdin instanceof Readable) stdin.destroy();
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    if (stdin === undefined) child.stdin.end();
    else if (typeof stdin === 'string' || stdin instanceof Uint8Array) child.stdin.end(stdin);
    else if (stdin instanceof Readable) stdin.pipe(child.stdin);
    else {
      const stream: Readable = createReadStream(stdin.file);
      stream.on('error', () => child.stdin.end());
      stream.pipe(child.stdin);
    }
  });
}

export interface JsonFinding {
  tactic: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  part?: string;
}

export interface JsonFile {
  path: string;
  format: string | null;
  findings: JsonFinding[];
  error: { message: string } | null;
}

/** A stream that never ends: `line` over and over. */
export function endless(line: string): Readable {
  const block = Buffer.from(line.repeat(Math.ceil(65536 / line.length)));
  return new Readable({
    read() {
      this.push(block);
    },
  });
}

/** The per-input reports of a `--format jsonl` run, by path. */
export function reportsOf(run: Run): Map<string, JsonFile> {
  const files = new Map<string, JsonFile>();
  for (const line of run.stdout.split('\n')) {
    if (line.trim() === '') continue;
    const file = JSON.parse(line) as JsonFile;
    files.set(file.path, file);
  }
  return files;
}

/** True when the report holds a freebie finding on the tactic's words. */
export function hasTactic(file: JsonFile | undefined): boolean {
  return file !== undefined && file.findings.some((f) => f.tactic === 'freebie' && f.text === TACTIC_WORDS);
}

/** No stack trace: a crash of ours prints one, a handled input error does not. */
export function crashed(run: Run): boolean {
  return /\n\s+at .+:\d+:\d+/.test(run.stderr) || /FATAL ERROR|heap out of memory/i.test(run.stderr);
}
