import type { ReportedFile } from '../filters/index.js';
import type { FileReport } from '../types.js';
import { safeStringify } from './safe.js';
import { summarize } from './summary.js';

export const JSON_VERSION = 1;

/**
 * The JSON contract (docs/ci.md, "JSON output"): fields may be added, never renamed or removed.
 * With --report-unused-disables, each file has `unusedDisables` and the top level lists them all.
 */
export function formatJson(files: readonly FileReport[], extra: { failing?: number } = {}): string {
  const report: Record<string, unknown> = { version: JSON_VERSION, files, summary: { ...summarize(files), ...extra } };
  const withUnused = (files as readonly ReportedFile[]).filter((f) => f.unusedDisables !== undefined);
  if (withUnused.length > 0) {
    report.unusedDisables = withUnused.flatMap((f) => f.unusedDisables!.map((u) => ({ path: f.path, ...u })));
  }
  return safeStringify(report, 2) + '\n';
}
