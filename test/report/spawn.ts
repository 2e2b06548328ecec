/**
 * Runs the real bin (built by test/setup/build.ts) in a folder, with optional stdin.
 *
 * Each test file runs a private snapshot of bin/ + dist/ taken when it starts,
 * so a rebuild of dist/ by another run in the same working tree (a developer's
 * watch mode, a second test run) cannot swap modules under a test midway.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const BIN = snapshotBin();

function snapshotBin(): string {
  for (let attempt = 0; ; attempt++) {
    const root = mkdtempSync(join(tmpdir(), 'quidpro-bin-'));
    for (const entry of ['bin', 'dist', 'package.json']) cpSync(resolve(entry), join(root, entry), { recursive: true });
    symlinkSync(resolve('node_modules'), join(root, 'node_modules'), 'dir');
    const modules = listJs(join(root, 'dist'));
    const check = spawnSync(process.execPath, ['--input-type=module', '-e', modules.map((m) => `await import(${JSON.stringify(m)});`).join('\n')], { encoding: 'utf8' });
    if (check.status === 0 || attempt === 2) return join(root, 'bin', 'quidpro.js');
  }
}

function listJs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listJs(join(dir, e.name)) : e.name.endsWith('.js') ? ['file://' + join(dir, e.name)] : [],
  );
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder holding `files` (path → content). */
export function tempTree(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'quidpro-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return dir;
}

/** A sentence the freebie detector flags today (a gift given first, plus an ask). */
export const GIFT = "We've enclosed a set of address labels as our gift to you. Please donate today.";
/** A phrase made up for config "phrases", so findings do not depend on the lexicons. */
export const CUSTOM_PHRASE = 'zorblax wibble';
export const CUSTOM = `Meet the ${CUSTOM_PHRASE} we made for you. Please donate $20 today.`;
export const CUSTOM_CONFIG = JSON.stringify({ phrases: { freebie: [CUSTOM_PHRASE] } });
