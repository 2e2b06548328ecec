/**
 * SARIF 2.1.0 for GitHub code scanning: one run, one rule per tactic (help =
 * the advice), one result per finding with a physical location whose region
 * is the finding's line/column (UTF-16 code units, 1-based, end exclusive),
 * artifact URIs relative to the working directory with forward slashes.
 */
import { relative, resolve } from 'node:path';
import type { ReportedFile } from '../filters/index.js';
import { STDIN_PATH } from '../pipeline.js';
import { TACTICS } from '../tactics/index.js';
import type { Finding, Severity, TacticId } from '../types.js';
import { DEFAULT_SEVERITY } from './gate.js';
import { safeStringify } from './safe.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const STDIN_URI = 'stdin';
export const UNUSED_DISABLE_RULE = 'unused-disable-directive';

export interface SarifOptions {
  toolVersion: string;
  /** Severity per tactic after configuration (the rules' default level). */
  severity?: Partial<Record<TacticId, Severity>>;
  /** Folder URIs are relative to (default: process.cwd()). */
  cwd?: string;
}

export function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'info' ? 'note' : severity;
}

export function formatSarif(files: readonly ReportedFile[], options: SarifOptions): string {
  const cwd = options.cwd ?? process.cwd();
  const rules = TACTICS.map((t) => ({
    id: t.meta.id,
    name: pascalName(t.meta.name),
    shortDescription: { text: t.meta.summary },
    fullDescription: { text: t.meta.summary },
    help: {
      text: `Wait: ${t.meta.advice.wait}\nEvaluate the exchange: ${t.meta.advice.evaluate}\nMore: quidpro explain ${t.meta.id}`,
      markdown: `**Wait:** ${t.meta.advice.wait}\n\n**Evaluate the exchange:** ${t.meta.advice.evaluate}\n\nMore: \`quidpro explain ${t.meta.id}\``,
    },
    defaultConfiguration: { level: sarifLevel(options.severity?.[t.meta.id] ?? t.meta.severity ?? DEFAULT_SEVERITY) },
    properties: { tags: ['reciprocity', 'persuasion'] },
  }));
  const unusedRule = {
    id: UNUSED_DISABLE_RULE,
    name: 'UnusedDisableDirective',
    shortDescription: { text: 'A quidpro-disable directive that suppresses nothing.' },
    help: { text: 'Remove the directive, or correct its tactic list.' },
    defaultConfiguration: { level: 'warning' },
  };
  const ruleIndex = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  let usedUnusedRule = false;
  for (const file of files) {
    const uri = artifactUri(file.path, cwd);
    if (file.error) {
      notifications.push({
        level: 'error',
        message: { text: file.error.message },
        locations: [{ physicalLocation: { artifactLocation: { uri } } }],
      });
      continue;
    }
    for (const f of file.findings) results.push(resultOf(f, uri, ruleIndex.get(f.tactic)!));
    for (const u of file.unusedDisables ?? []) {
      usedUnusedRule = true;
      results.push({
        ruleId: UNUSED_DISABLE_RULE,
        ruleIndex: rules.length,
        level: 'warning',
        message: { text: u.message },
        locations: [location(uri, { startLine: u.line, startColumn: Math.max(1, u.column) })],
      });
    }
  }
  const run = {
    tool: { driver: { name: 'quidpro', version: options.toolVersion, semanticVersion: options.toolVersion, rules: usedUnusedRule ? [...rules, unusedRule] : rules } },
    columnKind: 'utf16CodeUnits',
    results,
    invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
  };
  return safeStringify({ $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, 2) + '\n';
}

function resultOf(f: Finding, uri: string, ruleIndex: number): unknown {
  const region: Record<string, unknown> = {
    startLine: f.line,
    startColumn: Math.max(1, f.column),
    endLine: f.endLine,
    endColumn: Math.max(1, f.endColumn),
    snippet: { text: f.text },
  };
  const properties: Record<string, unknown> = { confidence: f.confidence, rules: f.rules };
  if (f.part) properties.part = f.part;
  if (f.hidden) properties.hidden = true;
  return {
    ruleId: f.tactic,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${f.message} ${f.advice}` },
    locations: [location(uri, region)],
    properties,
  };
}

function location(uri: string, region: Record<string, unknown>): unknown {
  return { physicalLocation: { artifactLocation: { uri }, region } };
}

/** Relative to `cwd`, forward slashes, percent-encoded; stdin is "stdin". */
export function artifactUri(path: string, cwd: string): string {
  if (path === STDIN_PATH) return STDIN_URI;
  const rel = relative(cwd, resolve(cwd, path)).split(/[\\/]/);
  return rel.map((segment) => encodeURIComponent(segment)).join('/');
}

function pascalName(name: string): string {
  return name.replace(/(^|[^A-Za-z0-9]+)([A-Za-z0-9])/g, (_, __, c: string) => c.toUpperCase());
}
