import type { Lexicon } from '../text/phrases.js';

/** A lexicon data file without its "$comment" keys. */
export function stripLexicon(data: Record<string, unknown>): Lexicon {
  const out: Record<string, readonly string[]> = {};
  for (const [k, v] of Object.entries(data)) if (!k.startsWith('$') && Array.isArray(v)) out[k] = v as string[];
  return out;
}
