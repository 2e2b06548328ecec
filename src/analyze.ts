/**
 * The library entry point: analyse a text (or raw bytes) of a given format,
 * the same way the CLI does.
 */
import { detectFormat } from './decode/index.js';
import type { AnalyzeOptions } from './engine/analyze.js';
import { analyzeInput, STDIN_PATH } from './pipeline.js';
import type { FileReport, InputFormat } from './types.js';

export interface AnalyzeTextOptions extends AnalyzeOptions {
  /** Input format; detected from `path` or the content when omitted. */
  format?: InputFormat;
  /** Name used in reports (and for detecting the format by extension). */
  path?: string;
}

/**
 * Analyses one input. A mailbox gives one report per message; every other
 * format gives exactly one report.
 */
export async function analyze(input: string | Uint8Array, options: AnalyzeTextOptions = {}): Promise<FileReport[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const path = options.path ?? STDIN_PATH;
  const format = options.format ?? detectFormat(options.path ?? null, bytes);
  const reports: FileReport[] = [];
  for await (const r of analyzeInput({ path, explicit: true, read: async () => bytes }, { ...options, inputFormat: format })) {
    reports.push(r);
  }
  return reports;
}
