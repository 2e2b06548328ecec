import type { Tactic } from '../types.js';
import lexicon from './obligation.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** obligation — The text invokes a favour already done for you to justify its ask: "after all we have done". */
export const obligation: Tactic = {
  meta: {
    id: 'obligation',
    name: 'Obligation',
    summary: 'The text invokes a favour already done for you to justify its ask: "after all we have done".',
    severity: 'warning',
    advice: {
      wait: 'a debt you never agreed to is not a debt; take time before you answer.',
      evaluate: 'what you received was offered freely. Weigh the ask on its merits, not on what you were given.',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect() {
    return [];
  },
};
