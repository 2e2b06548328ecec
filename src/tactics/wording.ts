/**
 * Small pieces of English for finding messages: "a free guide", "an
 * e-book", "free reports" and "free information" (no article before a
 * plural or a mass noun).
 */

/** "reports", "tips", "goodies": a last word in -s that is not "access", "bonus" or "analysis". */
export function looksPlural(noun: string): boolean {
  return /[a-z][^siu's]s$/i.test(noun.trim());
}

/** Mass nouns an offer often names: no article ("free information", "free shipping"). */
const UNCOUNTABLE = new Set([
  'access', 'advice', 'coaching', 'content', 'feedback', 'help', 'information', 'info', 'insurance', 'mentoring',
  'merchandise', 'money', 'research', 'shipping', 'software', 'support', 'training', 'delivery', 'swag', 'stuff',
]);

/** "an" before a vowel sound as spelt: "an e-book", "an offer", but "a user guide", "a one-time gift". */
function indefiniteArticle(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) && !/^(?:u[nrst]|use|one|eu)/i.test(word) ? 'an' : 'a';
}

/** The noun phrase with its article, if it takes one: ("guide", "free") → "a free guide"; ("reports", "free") → "free reports". */
export function aThing(noun: string, adjective?: string): string {
  const phrase = adjective ? `${adjective} ${noun}` : noun;
  const last = noun.trim().split(/\s+/).pop()!.toLowerCase();
  return looksPlural(noun) || UNCOUNTABLE.has(last) ? phrase : `${indefiniteArticle(phrase)} ${phrase}`;
}
