import type { Tactic } from '../types.js';
import lexicon from './door-in-the-face.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** door-in-the-face — A big ask, then a retreat to a smaller one that feels like a concession to be repaid. */
export const doorInTheFace: Tactic = {
  meta: {
    id: 'door-in-the-face',
    name: 'Door in the face',
    summary: 'A big ask, then a retreat to a smaller one that feels like a concession to be repaid.',
    severity: 'warning',
    advice: {
      wait: 'the "smaller" ask is the one that was planned all along; it is not a favour you must return. Decide later.',
      evaluate: 'judge the second ask on its own, not against the first. Is the smaller amount worth it to you?',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect() {
    return [];
  },
};
