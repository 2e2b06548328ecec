import type { Lexicon } from '../text/phrases.js';

/** A lexicon data file without its "$comment" keys. */
export function stripLexicon(data: Record<string, unknown>): Lexicon {
  const out: Record<string, readonly string[]> = {};
  for (const [k, v] of Object.entries(data)) if (!k.startsWith('$') && Array.isArray(v)) out[k] = v as string[];
  return out;
}

/** The "$weights" of a tactic data file. */
export function weightsOf(data: { $weights?: { bias: number; rules: Record<string, number> } }): {
  bias: number;
  rules: Record<string, number>;
} {
  if (!data.$weights) throw new Error('tactic data file has no "$weights"');
  return data.$weights;
}
