/**
 * Stemming through natural's Porter stemmer, imported by deep path: the
 * package index costs ~1 s and prints to stdout (see the stack notes).
 * Each distinct word is stemmed once; the cache is what makes it cheap.
 */
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

/** The matching key of a lower-cased word: its stem, apostrophes removed. */
export function stemKey(norm: string): string {
  let key = cache.get(norm);
  if (key === undefined) {
    const bare = norm.replace(/'/g, '');
    key = /^[a-z]+$/.test(bare) ? porter.stem(bare) : bare;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(norm, key);
  }
  return key;
}
