import type { Tactic } from '../types.js';
import lexicon from './lead-magnet.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** lead-magnet — Free content (a guide, a webinar, a checklist) in exchange for your e-mail or phone number. */
export const leadMagnet: Tactic = {
  meta: {
    id: 'lead-magnet',
    name: 'Lead magnet',
    summary: 'Free content (a guide, a webinar, a checklist) in exchange for your e-mail or phone number.',
    severity: 'warning',
    advice: {
      wait: 'the content will still be there tomorrow; decide once the excitement of "free" has passed.',
      evaluate: 'the price is your contact details and the marketing that follows them. Is the content worth a place in your inbox for months?',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect() {
    return [];
  },
};
