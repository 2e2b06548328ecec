/**
 * What happens to a report after analysis, the same for the CLI and the
 * library: configured severities, allowed phrases, inline suppressions, and
 * (CLI) the changed-lines filter.
 */
import { partsOf, releaseParts, STDIN_PATH } from '../pipeline.js';
import { applyDirectives, describeUnused, parseDirectives, type UnusedDisable } from '../suppress.js';
import type { FileReport, Finding, PartName, Severity, TacticId, TextPart } from '../types.js';
import { allowedRanges, allowPattern, dropAllowed } from './allow.js';
import { changedLines, GitError, onChangedLines } from './changed.js';

export interface ReportSettings {
  /** Severity per tactic, overriding the tactic's default. */
  severity?: Partial<Record<TacticId, Severity>>;
  /** Phrases never to flag. */
  allow?: readonly string[];
  /** Honour quidpro-disable comments in the text (default true). */
  inlineDirectives?: boolean;
  /** Report disable directives that suppress nothing. */
  reportUnusedDisables?: boolean;
  /** Keep only findings on lines changed since this git ref. */
  changedSince?: string;
}

/** A file report as the reporters see it: the json contract plus optional extras. */
export interface ReportedFile extends FileReport {
  /** With --report-unused-disables: directives that suppressed nothing. */
  unusedDisables?: UnusedDisable[];
}

export interface Processed {
  file: ReportedFile;
  /** Problems with the input's directives (unknown tactic ids), one line each. */
  warnings: string[];
}

export function postProcess(report: FileReport, settings: ReportSettings): Processed {
  const file: ReportedFile = report;
  const warnings: string[] = [];
  if (report.error) {
    releaseParts(report);
    return { file, warnings };
  }
  let findings = report.findings.map((f) => withSeverity(f, settings.severity));
  const parts = sourcesByPart(report);
  const pattern = allowPattern(settings.allow ?? []);
  if (pattern) findings = eachPart(findings, parts, (fs, source) => dropAllowed(fs, allowedRanges(source, pattern)));
  if (settings.inlineDirectives !== false) {
    const unused: UnusedDisable[] = [];
    findings = eachPart(findings, parts, (fs, source, part) => {
      const directives = parseDirectives(source);
      for (const d of directives) {
        if (d.unknown.length > 0) {
          warnings.push(`${report.path}:${d.line}:${d.column}: unknown tactic ${d.unknown.map((u) => `"${u}"`).join(', ')} in "${d.text}"`);
        }
      }
      const result = applyDirectives(fs, directives);
      unused.push(...result.unused.map((d) => describeUnused(d, part)));
      return result.kept;
    });
    if (settings.reportUnusedDisables) file.unusedDisables = unused;
  }
  if (settings.changedSince !== undefined) {
    try {
      if (report.path === STDIN_PATH) throw new GitError('--changed-since needs files, not stdin');
      findings = onChangedLines(findings, changedLines(report.path, settings.changedSince));
    } catch (err) {
      if (!(err instanceof GitError)) throw err;
      file.error = { message: err.message };
      findings = [];
      file.exchange = null;
    }
  }
  file.findings = findings;
  releaseParts(report);
  return { file, warnings };
}

function withSeverity(f: Finding, severity: ReportSettings['severity']): Finding {
  const override = severity?.[f.tactic];
  return override && override !== f.severity ? { ...f, severity: override } : f;
}

/**
 * The distinct sources of a report's parts. Text, Markdown and HTML parts all
 * point into the one file; mail parts each have their own (subject, body),
 * and a finding's `part` says which.
 */
function sourcesByPart(report: FileReport): Map<PartName | undefined, string> {
  const parts: readonly TextPart[] = partsOf(report);
  const map = new Map<PartName | undefined, string>();
  const mail = report.format === 'email' || report.format === 'mbox';
  for (const p of parts) {
    const key = mail ? p.name : undefined;
    if (!map.has(key)) map.set(key, p.source);
  }
  return map;
}

/** Applies `fn` to the findings of each part with that part's source. */
function eachPart(
  findings: Finding[],
  parts: Map<PartName | undefined, string>,
  fn: (findings: Finding[], source: string, part: PartName | undefined) => Finding[],
): Finding[] {
  const out: Finding[] = [];
  for (const [part, source] of parts) {
    // Loops, not push(...array): a long text can have more findings than a call can take arguments.
    for (const f of fn(findings.filter((f) => f.part === part), source, part)) out.push(f);
  }
  // Findings whose part has no known source (none today) pass through.
  for (const f of findings) if (!parts.has(f.part)) out.push(f);
  return out.sort((a, b) => partOrder(a.part) - partOrder(b.part) || a.line - b.line || a.column - b.column);
}

function partOrder(part: PartName | undefined): number {
  return part === 'subject' ? 0 : 1;
}
