/**
 * The library entry point: analyse a text (or raw bytes) of a given format,
 * the same way the CLI does, configuration and inline suppressions included.
 *
 *   import { analyze } from 'quidpro';
 *   const [report] = await analyze(text, { format: 'markdown' });
 */
import { resolveSettings } from './config/resolve.js';
import { validateConfig, type QuidproConfig } from './config/validate.js';
import { detectFormat } from './decode/index.js';
import type { AnalyzeOptions } from './engine/analyze.js';
import { postProcess, type ReportedFile } from './filters/index.js';
import { analyzeInput, STDIN_PATH } from './pipeline.js';
import type { InputFormat } from './types.js';

export interface AnalyzeTextOptions extends AnalyzeOptions {
  /** Input format; detected from `path` or the content when omitted. */
  format?: InputFormat;
  /** Name used in reports (and for detecting the format by extension). */
  path?: string;
  /**
   * A configuration object of the same shape as quidpro.config.json (validated;
   * a ConfigError names the bad key). `ignore` has no effect here. Options
   * given directly (minConfidence, tactics, phrases) win over it.
   */
  config?: QuidproConfig;
  /** Honour quidpro-disable comments in the text (default true, as in the CLI). */
  inlineDirectives?: boolean;
  /** Add `unusedDisables` to each report. */
  reportUnusedDisables?: boolean;
}

/**
 * Analyses one input. A mailbox gives one report per message; every other
 * format gives exactly one report. Never throws for bad input: a report with
 * `error` is returned instead (only an invalid `config` throws).
 */
export async function analyze(input: string | Uint8Array, options: AnalyzeTextOptions = {}): Promise<ReportedFile[]> {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input);
  const path = options.path ?? STDIN_PATH;
  const format = options.format ?? detectFormat(options.path ?? null, bytes);
  const config = options.config ? validateConfig(options.config, 'config') : {};
  const settings = resolveSettings(config, process.cwd());
  const analyzeOptions: AnalyzeOptions = { ...settings.analyze };
  if (options.tactics) analyzeOptions.tactics = options.tactics;
  if (options.minConfidence !== undefined) analyzeOptions.minConfidence = options.minConfidence;
  if (options.phrases) analyzeOptions.phrases = { ...settings.analyze.phrases, ...options.phrases };
  const reportSettings = {
    ...settings.report,
    inlineDirectives: options.inlineDirectives !== false,
    reportUnusedDisables: options.reportUnusedDisables === true,
  };
  const reports: ReportedFile[] = [];
  for await (const r of analyzeInput({ path, explicit: true, read: async () => bytes }, { ...analyzeOptions, inputFormat: format })) {
    reports.push(postProcess(r, reportSettings).file);
  }
  return reports;
}
