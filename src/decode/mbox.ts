/**
 * mbox: one report per message. Placeholder until issue "Real inputs":
 * the whole mailbox is analysed as one text.
 */
import type { AnalyzeOptions } from '../engine/analyze.js';
import type { FileReport } from '../types.js';
import { decodeText } from './text.js';
import { reportFor } from '../pipeline.js';

export async function* analyzeMailbox(path: string, bytes: Uint8Array, options: AnalyzeOptions): AsyncGenerator<FileReport> {
  yield reportFor(path, { ...decodeText(bytes), format: 'mbox' }, options);
}
