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
  return [...jsonChunks(files, extra)].join('');
}

/**
 * The same text as formatJson, one file at a time, so a report of a large
 * mailbox is written without building one string beyond V8's length limit.
 */
export function* jsonChunks(files: readonly FileReport[], extra: { failing?: number } = {}): Generator<string> {
  const indent = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);
  yield `{\n  "version": ${JSON_VERSION},\n  "files": [`;
  for (let i = 0; i < files.length; i++) {
    yield `${i === 0 ? '\n' : ',\n'}    ${indent(safeStringify(files[i], 2), '    ')}`;
  }
  yield files.length === 0 ? '],\n' : '\n  ],\n';
  yield `  "summary": ${indent(safeStringify({ ...summarize(files), ...extra }, 2), '  ')}`;
  const withUnused = (files as readonly ReportedFile[]).filter((f) => f.unusedDisables !== undefined);
  if (withUnused.length > 0) {
    const unused = withUnused.flatMap((f) => f.unusedDisables!.map((u) => ({ path: f.path, ...u })));
    yield `,\n  "unusedDisables": ${indent(safeStringify(unused, 2), '  ')}`;
  }
  yield '\n}\n';
}
