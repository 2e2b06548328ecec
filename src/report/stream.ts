/**
 * The streamed formats (text, jsonl): what the command prints for each
 * report as it comes, and what it writes to stderr about it first. Shared by
 * the main thread and the --jobs workers, which print their reports
 * themselves so that the main thread only copies bytes.
 */
import type { Processed, ReportedFile } from '../filters/index.js';
import { isFailing, type Gate, type Tally } from './gate.js';
import { oneLine } from './safe.js';

export interface StreamSpec {
  format: 'text' | 'jsonl';
  /** Text output in colour (stdout is a terminal and colour is not turned off). */
  color: boolean;
  gate: Gate;
}

/** The running totals of some reports (a Tally's counts, without its gate). */
export type Totals = Pick<Tally, 'files' | 'findings' | 'flagged' | 'errors' | 'failing' | 'byTactic'>;

/** The text the command prints for one report. */
export async function streamFormatter(spec: StreamSpec): Promise<(file: ReportedFile) => string> {
  if (spec.format === 'jsonl') return (await import('./jsonl.js')).formatJsonLine;
  const text = await import('./text.js');
  const style = spec.color ? await text.colorStyle() : text.PLAIN;
  const options = { isFailing: (f: Parameters<typeof isFailing>[0]) => isFailing(f, spec.gate) };
  return (file) => text.formatFile(file, style, options) + '\n';
}

/** What goes to stderr about a report before it is printed: its warnings, then its error; '' for none. */
export function notesOf({ file, warnings }: Processed): string {
  let out = '';
  for (const w of warnings) out += `quidpro: warning: ${oneLine(w)}\n`;
  if (file.error) out += `quidpro: ${oneLine(file.path)}: ${oneLine(file.error.message)}\n`;
  return out;
}
