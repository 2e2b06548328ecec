import type { Tactic } from '../types.js';
import lexicon from './thats-not-all.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** thats-not-all — Extra value is piled on before you answer, so saying yes feels like returning a concession. */
export const thatsNotAll: Tactic = {
  meta: {
    id: 'thats-not-all',
    name: "That's not all",
    summary: 'Extra value is piled on before you answer, so saying yes feels like returning a concession.',
    severity: 'warning',
    advice: {
      wait: 'the bonuses are built into the offer, not a favour to you; let the offer sit and look at it again later.',
      evaluate: 'strip the add-ons and price the core offer alone. Would you buy it without the extras?',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect() {
    return [];
  },
};
