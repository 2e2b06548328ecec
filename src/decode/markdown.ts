import type { DecodedInput } from '../types.js';
import { decodeText } from './text.js';

/** Markdown, read as text for now (positions are the file's own). */
export function decodeMarkdown(bytes: Uint8Array): DecodedInput {
  return { ...decodeText(bytes), format: 'markdown' };
}
