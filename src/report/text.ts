/**
 * Human output: per file, each finding with its position, tactic id and name,
 * confidence, the source line with the words marked, and why it fired; then
 * the advice for each tactic found and the exchange; a summary at the end.
 */
import { excerptOf } from '../engine/excerpt.js';
import { tacticById } from '../tactics/index.js';
import type { ReportedFile } from '../filters/index.js';
import type { Amount, Exchange, FileReport, Finding } from '../types.js';
import { DEFAULT_SEVERITY, type Tally } from './gate.js';
import { displayWidth } from './width.js';
import { escapeForTerminal, oneLine } from './safe.js';

/** The few styles the text report uses; identity functions when colour is off. */
export interface Style {
  path(s: string): string;
  tactic(s: string): string;
  mark(s: string): string;
  dim(s: string): string;
  error(s: string): string;
  ok(s: string): string;
}

const id = (s: string) => s;
export const PLAIN: Style = { path: id, tactic: id, mark: id, dim: id, error: id, ok: id };

export async function colorStyle(): Promise<Style> {
  const { Chalk } = await import('chalk');
  const c = new Chalk({ level: 1 });
  return {
    path: (s) => c.bold.underline(s),
    tactic: (s) => c.yellow.bold(s),
    mark: (s) => c.inverse.bold(s),
    dim: c.dim,
    error: c.red.bold,
    ok: c.green,
  };
}

export interface TextOptions {
  /** Whether a finding fails the run; findings that do not are marked as such. */
  isFailing?: (f: Finding) => boolean;
}

export function formatFile(file: ReportedFile, style: Style, options: TextOptions = {}): string {
  const out: string[] = [style.path(oneLine(file.path))];
  if (file.meta) {
    for (const [label, value] of [['From', file.meta.from], ['Subject', file.meta.subject], ['Date', file.meta.date]] as const) {
      if (value) out.push(style.dim(`  ${label}: ${oneLine(value)}`));
    }
  }
  if (file.error) {
    out.push(`  ${style.error('error')}  ${oneLine(file.error.message)}`);
    return out.join('\n') + '\n';
  }
  const unused = (file.unusedDisables ?? []).map(
    (u) => `  ${`${u.part ? `${u.part} ` : ''}${u.line}:${u.column}`.padEnd(8)} ${style.tactic('warning')}  ${oneLine(u.message)}`,
  );
  if (file.findings.length === 0) {
    out.push(`  ${style.ok('no reciprocity tactics found')}`, ...unused);
    return out.join('\n') + '\n';
  }
  for (const f of file.findings) out.push(...formatFinding(f, style, options));
  out.push(...unused);
  out.push('', ...formatAdvice(file.findings, style));
  if (file.exchange) out.push(...formatExchange(file.exchange, style));
  return out.join('\n') + '\n';
}

function formatFinding(f: Finding, style: Style, options: TextOptions): string[] {
  const name = tacticById(f.tactic)?.meta.name ?? f.tactic;
  const where = `${f.part ? `${f.part} ` : ''}${f.line}:${f.column}`;
  const severity = f.severity !== DEFAULT_SEVERITY ? ` ${f.severity === 'error' ? style.error(f.severity) : style.dim(f.severity)}` : '';
  const flags = (f.hidden ? style.dim(' (hidden text)') : '') + (options.isFailing && !options.isFailing(f) ? style.dim(' (not failing)') : '');
  const lines = [
    `  ${where.padEnd(8)} ${style.tactic(f.tactic)} ${style.dim(`(${name})`)}${severity}  ${Math.round(f.confidence * 100)}%${flags}`,
  ];
  const excerpt = excerptOf(f);
  if (excerpt) {
    const before = oneLine(excerpt.line.slice(0, excerpt.start));
    const words = oneLine(excerpt.line.slice(excerpt.start, excerpt.end));
    const after = oneLine(excerpt.line.slice(excerpt.end));
    lines.push(`    ${style.dim('│')} ${before}${style.mark(words)}${after}`.trimEnd());
    if (style === PLAIN) lines.push(`    ${style.dim('│')} ${' '.repeat(displayWidth(before))}${'^'.repeat(Math.max(1, displayWidth(words)))}`);
  }
  lines.push(`    ${style.dim('why:')} ${oneLine(f.message)}`);
  return lines;
}

function formatAdvice(findings: readonly Finding[], style: Style): string[] {
  const lines: string[] = [];
  for (const tacticId of new Set(findings.map((f) => f.tactic))) {
    const t = tacticById(tacticId);
    if (!t) continue;
    lines.push(`  ${style.tactic(t.meta.name)}: ${escapeForTerminal(t.meta.summary)}`);
    lines.push(`    ${style.dim('wait:')}     ${t.meta.advice.wait}`);
    lines.push(`    ${style.dim('evaluate:')} ${t.meta.advice.evaluate}`);
  }
  return lines;
}

export function formatExchange(exchange: Exchange, style: Style): string[] {
  const list = (amounts: Amount[]) =>
    amounts.length === 0 ? 'nothing stated' : amounts.map((a) => `${oneLine(a.text)} (${a.part ? `${a.part} ` : ''}${a.line}:${a.column})`).join(', ');
  const lines = [`  ${style.tactic('Exchange')}: given ${list(exchange.given)}; asked ${list(exchange.asked)}`];
  if (exchange.ratio !== null) {
    lines.push(`    the largest ask is ${formatRatio(exchange.ratio)} the largest gift`);
  }
  return lines;
}

function formatRatio(ratio: number): string {
  if (ratio >= 1) return `${ratio % 1 === 0 ? ratio : ratio.toFixed(1)}× the value of`;
  return `${Math.round(ratio * 100)}% of`;
}

/** The closing line of a run, from its running totals. */
export function formatSummary(t: Totals, style: Style): string {
  const tactics = Object.entries(t.byTactic)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${n}`)
    .join(', ');
  const fileWord = (n: number) => `${n} file${n === 1 ? '' : 's'}`;
  const parts: string[] = [];
  if (t.findings > 0) parts.push(`${t.findings} finding${t.findings === 1 ? '' : 's'} in ${t.flagged} of ${fileWord(t.files)} (${tactics})`);
  else parts.push(`no findings in ${fileWord(t.files)}`);
  if (t.findings > 0 && t.failing !== t.findings) parts.push(`${t.failing} failing`);
  if (t.errors > 0) parts.push(style.error(`${t.errors} input error${t.errors === 1 ? '' : 's'}`));
  const bad = t.errors > 0 || t.failing > 0;
  return (bad ? style.error('✖ ') : style.ok('✔ ')) + parts.join('; ') + '\n';
}

export type Totals = Pick<Tally, 'files' | 'findings' | 'flagged' | 'errors' | 'failing' | 'byTactic'>;
