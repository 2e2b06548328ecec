/**
 * Phrases in languages other than English, one data file per language, each
 * keyed by the cue it extends ("freebie.free-word"). They are merged into the
 * tactics' own cues, so every rule reads them with no change of its own.
 */
import type { Lexicon } from '../text/phrases.js';
import de from './languages/de.json' with { type: 'json' };
import es from './languages/es.json' with { type: 'json' };
import fr from './languages/fr.json' with { type: 'json' };
import ja from './languages/ja.json' with { type: 'json' };
import ko from './languages/ko.json' with { type: 'json' };
import zh from './languages/zh.json' with { type: 'json' };

export const LANGUAGE_LEXICONS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = { de, es, fr, ja, ko, zh };

/** `lexicons` (by namespace) with every language's phrases appended to the cues they name. */
export function withLanguages(lexicons: Readonly<Record<string, Lexicon>>): Record<string, Lexicon> {
  const merged: Record<string, Record<string, readonly string[]>> = {};
  for (const [namespace, lexicon] of Object.entries(lexicons)) merged[namespace] = { ...lexicon };
  for (const [language, data] of Object.entries(LANGUAGE_LEXICONS)) {
    for (const [name, phrases] of Object.entries(data)) {
      if (name.startsWith('$')) continue;
      const dot = name.indexOf('.');
      const namespace = name.slice(0, dot);
      const cue = name.slice(dot + 1);
      const target = merged[namespace];
      if (!target?.[cue]) throw new Error(`lexicons/languages/${language}.json: "${name}" names no cue`);
      target[cue] = [...target[cue], ...(phrases as string[]).map(exactAscii)];
    }
  }
  return merged;
}

/**
 * The Porter stemmer is English: it would fold French "formation" into
 * English "format". So a phrase word in plain ASCII letters matches exactly
 * ("=formation"); other words are not stemmed anyway (Korean only loses its
 * particles, on both sides).
 */
function exactAscii(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => (/^[a-z']+$/i.test(w) ? `=${w}` : w))
    .join(' ');
}
