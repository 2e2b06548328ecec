/**
 * `--changed-since <ref>`: keep only findings on lines added or changed since
 * a git ref. Runs the local git (never the network): `git diff --unified=0`
 * gives hunk headers `@@ -a,b +c,d @@` whose `+c,d` are the new lines.
 */
import { execFileSync } from 'node:child_process';
import { basename, dirname, resolve } from 'node:path';
import type { Finding } from '../types.js';

/** Every line of the file is new (an untracked file). */
export const ALL_LINES = 'all' as const;
export type ChangedLines = Set<number> | typeof ALL_LINES;

export class GitError extends Error {}

function git(args: readonly string[], cwd: string): string {
  return execFileSync('git', args as string[], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Throws a GitError unless `ref` names a commit in the repository around `cwd`. */
export function verifyRef(ref: string, cwd: string): void {
  if (!insideWorkTree(cwd)) throw new GitError(`--changed-since: ${cwd} is not inside a git repository`);
  if (ref.startsWith('-')) throw new GitError(`--changed-since: "${ref}" is not a git ref`);
  try {
    git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], cwd);
  } catch {
    throw new GitError(`--changed-since: "${ref}" is not a commit in this git repository`);
  }
}

/** Lines of `file` added or changed since `ref`. */
export function changedLines(file: string, ref: string): ChangedLines {
  if (ref.startsWith('-')) throw new GitError(`--changed-since: "${ref}" is not a git ref`);
  const abs = resolve(file);
  const dir = dirname(abs);
  if (!insideWorkTree(dir)) throw new GitError(`--changed-since: not inside a git repository`);
  if (!isTracked(abs, dir)) return ALL_LINES;
  let diff: string;
  try {
    diff = git(['diff', '--no-color', '--no-ext-diff', '--no-renames', '--unified=0', ref, '--', basename(abs)], dir);
  } catch (err) {
    throw new GitError(`--changed-since: git diff failed: ${firstLine((err as { stderr?: string }).stderr ?? String(err))}`);
  }
  return parseAddedLines(diff);
}

/** The new-side lines of every hunk in a unified diff. */
export function parseAddedLines(diff: string): Set<number> {
  const lines = new Set<number>();
  for (const m of diff.matchAll(/^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/gm)) {
    const start = Number(m[1]);
    const count = m[2] === undefined ? 1 : Number(m[2]);
    for (let i = 0; i < count; i++) lines.add(start + i);
  }
  return lines;
}

/** Findings with at least one line among `changed`. */
export function onChangedLines(findings: readonly Finding[], changed: ChangedLines): Finding[] {
  if (changed === ALL_LINES) return [...findings];
  return findings.filter((f) => {
    for (let line = f.line; line <= f.endLine; line++) if (changed.has(line)) return true;
    return false;
  });
}

function insideWorkTree(dir: string): boolean {
  try {
    return git(['rev-parse', '--is-inside-work-tree'], dir).trim() === 'true';
  } catch {
    return false;
  }
}

function isTracked(abs: string, dir: string): boolean {
  try {
    git(['ls-files', '--error-unmatch', '--', basename(abs)], dir);
    return true;
  } catch {
    return false;
  }
}

function firstLine(s: string): string {
  return s.split(/\r?\n/).find((l) => l.trim() !== '') ?? s;
}
