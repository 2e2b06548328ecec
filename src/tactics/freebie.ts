import type { DocContext } from '../engine/context.js';
import type { Candidate, Tactic } from '../types.js';
import lexicon from './freebie.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';
import {
  freeOffers,
  isReceipt,
  platformBoilerplate,
  premiumFor,
  premiumNear,
  signupNear,
  signupRightAfter,
  TOKEN_REACH,
  type FreeOffer,
  type ThingKind,
} from './offers.js';
import { cuesOf } from './sentence-cues.js';
import { aThing } from './wording.js';

/** freebie — a gift given first, in a text that also asks something (TACTICS.md). */

// ------------------------------------------------------------ the tactic

const THING_RULE: Record<ThingKind, string> = {
  gift: 'free-gift-thing',
  trial: 'free-trial-like',
  content: 'free-content',
  addon: 'free-thing',
  price: 'free-thing',
  none: 'free-thing',
};

function freebieCandidate(doc: DocContext, offer: FreeOffer): Candidate | null {
  if (offer.thing === 'price' && !offer.frame) return null; // "free shipping": a price term
  if (offer.thing === 'addon') return null; // "a free upgrade": an add-on (thats-not-all)
  if (premiumFor(doc, offer.sentence, offer.free?.first ?? offer.frame!.first)) return null;
  if (platformBoilerplate(doc, offer.sentence)) return null;
  // Content traded for a sign-up is the lead magnet, wherever in the text the sign-up is asked.
  if (offer.thing === 'content' && (signupNear(doc, offer.sentence) || doc.has('lead-magnet.signup'))) return null;
  const rules = [offer.frame ? 'gift-frame' : THING_RULE[offer.thing], 'ask-in-text'];
  if (offer.frame && offer.thing !== 'none') rules.push(THING_RULE[offer.thing]);
  const s = offer.sentence;
  if (offeredToReader(doc, offer)) rules.push('offered-to-reader');
  const cues = cuesOf(doc);
  if ([s - 1, s, s + 1].some((x) => x >= 0 && cues.anyOutside(x, 'freebie.no-strings', offer.start, offer.end))) rules.push('no-strings');
  if (aboutSomeoneElse(doc, s)) rules.push('third-person');
  if (offer.shouting) rules.push('shouting');
  if (cues.hasIn(s - 2, s + 2, 'shared.ask') || cues.hasIn(s - 2, s + 2, 'freebie.ask-extra')) rules.push('ask-near');
  if (overlapsCue(doc, offer, 'freebie.signup-free')) rules.push('free-signup');
  if (cues.has(s, 'freebie.third-party')) rules.push('third-party');
  if (premiumNear(doc, s)) rules.push('premium-near');
  if (signupRightAfter(doc, offer)) rules.push('free-signup');
  // "Claim this FREE offer" in a text built around a guide-for-sign-up: the same lead magnet, told twice.
  if ((offer.thing === 'none' || offer.thing === 'content') && doc.has('lead-magnet.content') && doc.has('lead-magnet.signup')) {
    rules.push('lead-magnet-in-text');
  }
  return { start: offer.start, end: offer.end, rules, reason: reasonFor(doc, offer) };
}

const READER = new Set(['you', 'your', 'yours', "you'll", "you're", "you've", "you'd", 'yourself']);
const OTHERS = new Set(['he', 'she', 'his', 'her', 'him', 'they', 'their', 'them', "he's", "she's", "they're"]);

/** "He gets a check-up for life at no cost": the sentence is about someone else, with no word for the reader. */
function aboutSomeoneElse(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('someone-else', sentence, () => {
    let others = false;
    for (const t of doc.words(sentence)) {
      if (READER.has(t.norm)) return false;
      if (OTHERS.has(t.norm)) others = true;
    }
    return others;
  });
}

function offeredToReader(doc: DocContext, offer: FreeOffer): boolean {
  const from = (offer.free ?? offer.frame)!.first - 6;
  const to = Math.max(offer.thingHit?.last ?? 0, (offer.free ?? offer.frame)!.last) + 3;
  return cuesOf(doc).within(offer.sentence, 'freebie.offer-verb', from, to).length > 0;
}

function overlapsCue(doc: DocContext, offer: FreeOffer, cue: string): boolean {
  const first = Math.min(offer.free?.first ?? Infinity, offer.frame?.first ?? Infinity, offer.thingHit?.first ?? Infinity);
  return cuesOf(doc).within(offer.sentence, cue, first - TOKEN_REACH, first + TOKEN_REACH).some((h) => h.start < offer.end && offer.start < h.end);
}

function reasonFor(doc: DocContext, offer: FreeOffer): string {
  const words = doc.text.slice(offer.start, offer.end).replace(/\s+/g, ' ');
  if (offer.frame) return `Presents "${words}" as a gift to you, in a text that also asks something of you.`;
  if (!offer.thingHit) return `Offers something for free up front ("${words}"), in a text that also asks something of you.`;
  const what = doc.text.slice(offer.thingHit.start, offer.thingHit.end).replace(/\s+/g, ' ').toLowerCase();
  return `Offers ${aThing(what, 'free')} up front ("${words}"), in a text that also asks something of you.`;
}

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
    if (!doc.has('shared.ask') && !doc.has('freebie.ask-extra')) return [];
    if (isReceipt(doc)) return [];
    const out: Candidate[] = [];
    for (const offer of freeOffers(doc)) {
      const c = freebieCandidate(doc, offer);
      if (c) out.push(c);
    }
    for (const h of doc.cue('freebie.custom')) {
      out.push({ start: h.start, end: h.end, rules: ['gift-frame', 'ask-in-text'], reason: `Offers a gift up front ("${doc.text.slice(h.start, h.end)}").` });
    }
    return out;
  },
};
