import type { Tactic } from '../types.js';
import lexicon from './freebie.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';
import { candidate, liveHits } from './rules.js';

/** freebie — a gift given first, in a text that also asks something (TACTICS.md). */
export const freebie: Tactic = {
  meta: {
    id: 'freebie',
    name: 'Free gift',
    summary: 'Something of value is given up front, framed as a gift, so that the ask feels like a debt.',
    severity: 'warning',
    advice: {
      wait: 'the pull to repay a gift is strongest right after it arrives and fades within days; decide later, not now.',
      evaluate: 'you owe nothing for an unrequested gift. Put what you were given beside what is asked and judge the ask on its own merits.',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect(doc) {
    // No ask anywhere: a gift alone is generosity, not a tactic.
    if (!doc.has('shared.ask')) return [];
    const gifts = [...liveHits(doc, 'freebie.gift-offer', ['freebie.not-gift']), ...liveHits(doc, 'freebie.custom')];
    return gifts
      .filter((g) => doc.inSentence(g.sentence, 'freebie.premium').length === 0)
      .map((g) => {
        const rules = ['gift-offer', 'ask-in-text'];
        if (doc.inSentences(g.sentence - 1, g.sentence + 1, 'freebie.no-strings').length > 0) rules.push('no-strings');
        return candidate([g], rules, `Offers a gift up front ("${doc.text.slice(g.start, g.end)}") in a text that asks something back.`);
      });
  },
};
