import type { FileReport } from '../types.js';
import { safeStringify } from './safe.js';
import { summarize } from './summary.js';

export const JSON_VERSION = 1;

/** The JSON contract (README, "JSON output"): fields may be added, never renamed or removed. */
export function formatJson(files: readonly FileReport[]): string {
  return safeStringify({ version: JSON_VERSION, files, summary: summarize(files) }, 2) + '\n';
}
