/**
 * JSON Lines: one `files[]` object of the json contract per line, written as
 * soon as its input is analysed; no summary line.
 */
import type { ReportedFile } from '../filters/index.js';
import { safeStringify } from './safe.js';

export function formatJsonLine(file: ReportedFile): string {
  return safeStringify(file) + '\n';
}
