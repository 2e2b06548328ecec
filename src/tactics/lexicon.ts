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

/**
 * `cue('ask')` → "door-in-the-face.ask", one string per key: rules look cues
 * up in loops over every sentence, and a freshly built name must be joined
 * and hashed again at every lookup.
 */
export function cueNames(namespace: string): (key: string) => string {
  const names = new Map<string, string>();
  return (key) => {
    let name = names.get(key);
    if (name === undefined) names.set(key, (name = `${namespace}.${key}`));
    return name;
  };
}
