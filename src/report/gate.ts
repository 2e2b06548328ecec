/**
 * Whether a run fails: --fail-on (which tactics count), --fail-level (the
 * least severity that counts) and --max-findings (how many are tolerated).
 * Exit status: 0 pass, 1 failed by threshold, 2 usage or input error (2 wins).
 */
import type { ReportedFile } from '../filters/index.js';
import { TACTIC_IDS, type Finding, type Severity, type TacticId } from '../types.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const DEFAULT_SEVERITY: Severity = 'warning';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export interface Gate {
  /** 'any', 'none', or the tactics whose findings fail the run. */
  failOn: 'any' | 'none' | readonly TacticId[];
  failLevel: Severity;
  /** Fail only with more failing findings than this; -1 (default) fails on the first. */
  maxFindings: number;
}

export const DEFAULT_GATE: Gate = { failOn: 'any', failLevel: 'warning', maxFindings: -1 };

export function atLeast(severity: Severity, level: Severity): boolean {
  return RANK[severity] >= RANK[level];
}

/** Whether a finding counts towards failing the run. */
export function isFailing(f: Pick<Finding, 'tactic' | 'severity'>, gate: Gate): boolean {
  if (gate.failOn === 'none') return false;
  if (gate.failOn !== 'any' && !gate.failOn.includes(f.tactic)) return false;
  return atLeast(f.severity, gate.failLevel);
}

/** Failing findings, plus unused disable directives (severity warning) when reported. */
export function countFailing(files: readonly ReportedFile[], gate: Gate): number {
  let n = 0;
  for (const file of files) {
    for (const f of file.findings) if (isFailing(f, gate)) n++;
    if (gate.failOn !== 'none' && atLeast('warning', gate.failLevel)) n += file.unusedDisables?.length ?? 0;
  }
  return n;
}

/**
 * Running totals of a run, kept as reports stream by, so a run over a
 * mailbox of a million messages holds counts, not a million reports.
 */
export class Tally {
  files = 0;
  findings = 0;
  flagged = 0;
  errors = 0;
  failing = 0;
  readonly byTactic = Object.fromEntries(TACTIC_IDS.map((id) => [id, 0])) as Record<TacticId, number>;

  constructor(private readonly gate: Gate) {}

  add(file: ReportedFile): void {
    this.files++;
    if (file.error) this.errors++;
    if (file.findings.length > 0) this.flagged++;
    for (const f of file.findings) {
      this.findings++;
      this.byTactic[f.tactic]++;
    }
    this.failing += countFailing([file], this.gate);
  }

  /** Adds the counts of another tally (a --jobs worker's, for the reports it printed itself). */
  addTotals(t: Pick<Tally, 'files' | 'findings' | 'flagged' | 'errors' | 'failing' | 'byTactic'>): void {
    this.files += t.files;
    this.findings += t.findings;
    this.flagged += t.flagged;
    this.errors += t.errors;
    this.failing += t.failing;
    for (const id of TACTIC_IDS) this.byTactic[id] += t.byTactic[id];
  }

  /** The counts alone, as plain data. */
  totals(): Pick<Tally, 'files' | 'findings' | 'flagged' | 'errors' | 'failing' | 'byTactic'> {
    return { files: this.files, findings: this.findings, flagged: this.flagged, errors: this.errors, failing: this.failing, byTactic: { ...this.byTactic } };
  }

  exitCode(): number {
    if (this.errors > 0) return EXIT_ERROR;
    return this.failing > Math.max(0, this.gate.maxFindings) ? EXIT_FINDINGS : EXIT_OK;
  }
}
