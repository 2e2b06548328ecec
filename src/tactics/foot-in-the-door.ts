import type { Tactic } from '../types.js';
import lexicon from './foot-in-the-door.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** foot-in-the-door — A small, easy yes first, then a bigger ask that leans on it. */
export const footInTheDoor: Tactic = {
  meta: {
    id: 'foot-in-the-door',
    name: 'Foot in the door',
    summary: 'A small, easy yes first, then a bigger ask that leans on it.',
    severity: 'warning',
    advice: {
      wait: 'your earlier small yes does not commit you to the bigger one; answer the new ask on another day.',
      evaluate: 'judge the bigger ask as if it came first and alone: what does it cost, and what do you get?',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect() {
    return [];
  },
};
