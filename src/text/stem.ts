/**
 * Stemming through natural's Porter stemmer, imported by deep path: the
 * package index costs ~1 s and prints to stdout (see the stack notes).
 * Each distinct word is stemmed once; the cache is what makes it cheap.
 * Korean words lose a trailing particle ("무료로" → "무료"); other scripts
 * are matched as written.
 */
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const cache = new Map<string, string>();
/**
 * Distinct words kept before the cache starts afresh: the same bound as the
 * lexeme table (lexemes.ts), whose words are the ones stemmed. A mailbox of
 * ids and codes would otherwise grow it by ~20 MB per analysing thread.
 */
const CACHE_LIMIT = 20_000;

/** The matching key of a lower-cased word: its stem, apostrophes removed. */
export function stemKey(norm: string): string {
  let key = cache.get(norm);
  if (key === undefined) {
    const bare = norm.replace(/'/g, '');
    key = /^[a-z]+$/.test(bare) ? porter.stem(bare) : HANGUL_END.test(bare) ? withoutKoreanParticle(bare) : bare;
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(norm, key);
  }
  return key;
}

const HANGUL_END = /[\uac00-\ud7a3]$/;

/** Case particles and the polite copula that Korean attaches to a noun, longest first. */
const KOREAN_PARTICLES = [
  '입니다', '에서는', '으로는', '에게서', '에서', '으로', '에게', '까지', '부터', '처럼', '보다', '이나',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '도', '와', '과', '만', '나',
];

/** At least two syllables stay, so a short noun is never cut to one. */
function withoutKoreanParticle(word: string): string {
  for (const p of KOREAN_PARTICLES) {
    if (word.endsWith(p) && word.length - p.length >= 2) return word.slice(0, -p.length);
  }
  return word;
}
