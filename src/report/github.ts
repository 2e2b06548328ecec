/**
 * GitHub Actions workflow commands, one per finding:
 *   ::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message
 * escaped as @actions/core does (data: % CR LF; properties also : and ,),
 * then made terminal-safe (the log is read in a terminal-like viewer).
 */
import type { ReportedFile } from '../filters/index.js';
import { STDIN_PATH } from '../pipeline.js';
import { tacticById } from '../tactics/index.js';
import type { Finding, Severity } from '../types.js';
import { escapeForTerminal } from './safe.js';
import { relative, resolve } from 'node:path';

export type CommandLevel = 'error' | 'warning' | 'notice';

export function commandLevel(severity: Severity): CommandLevel {
  return severity === 'info' ? 'notice' : severity;
}

export function escapeData(s: string): string {
  return escapeForTerminal(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeForTerminal(
    s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C'),
  );
}

export function formatGithub(files: readonly ReportedFile[], cwd = process.cwd()): string {
  const out: string[] = [];
  for (const file of files) {
    const path = displayPath(file.path, cwd);
    if (file.error) {
      out.push(command('error', { file: path, title: 'quidpro: input error' }, file.error.message));
      continue;
    }
    for (const f of file.findings) out.push(findingCommand(f, path));
    for (const u of file.unusedDisables ?? []) {
      out.push(command('warning', { file: path, line: u.line, col: u.column, title: 'quidpro: unused disable directive' }, u.message));
    }
  }
  return out.length > 0 ? out.join('\n') + '\n' : '';
}

function findingCommand(f: Finding, path: string): string {
  const name = tacticById(f.tactic)?.meta.name ?? f.tactic;
  const where = f.part ? ` (in the ${f.part})` : '';
  return command(
    commandLevel(f.severity),
    { file: path, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `quidpro ${f.tactic}: ${name}` },
    `${f.message}${where} ${f.advice}`,
  );
}

function command(level: CommandLevel, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level} ${list}::${escapeData(message)}`;
}

function displayPath(path: string, cwd: string): string {
  if (path === STDIN_PATH) return 'stdin';
  return relative(cwd, resolve(cwd, path)).split('\\').join('/');
}
