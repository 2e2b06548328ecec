import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import type { Candidate, Tactic } from '../types.js';
import { offersIn, platformBoilerplate, premiumFor, signupNear, type FreeOffer } from './offers.js';
import { cuesOf } from './sentence-cues.js';
import { aThing } from './wording.js';
import lexicon from './lead-magnet.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';
import { partitionPoint } from '../text/search.js';

/** How many words before the content an offering verb ("download our free …") may stand. */
const VERB_WINDOW = 6;

/** How far (in characters) a finding's span reaches from the content to its verb or sign-up. */
const SPAN_REACH = 80;

/** How far (in characters) from the content a free offer may start and still be about it. */
const OFFER_REACH = 120;

/**
 * Content (a guide, a webinar, a course) that is offered, free or as a thing
 * to get, with a sign-up, subscription or contact form asked for in the same
 * or a neighbouring sentence.
 */
function contentCandidate(doc: DocContext, content: CueHit, weak: boolean): Candidate | null {
  const s = content.sentence;
  const signup = signupNear(doc, s);
  if (!signup) return null; // content given with no sign-up: maybe a freebie, not a lead magnet
  if (platformBoilerplate(doc, s)) return null;
  if (premiumFor(doc, s, content.first)) return null; // the content comes with a purchase: thats-not-all
  const free = freeOfferFor(doc, content);
  const verb = offerVerbBefore(doc, content);
  if (!free && !verb && signup.sentence !== s) return null; // content only mentioned
  const rules = [weak ? 'content-weak' : 'content-offer', signup.sentence === s ? 'signup-same-sentence' : 'signup-near'];
  if (free) rules.push('free-content');
  if (verb) rules.push('offer-verb');
  if (free?.shouting) rules.push('shouting');
  const cues = cuesOf(doc);
  if (cues.hasIn(Math.min(s, signup.sentence), Math.max(s, signup.sentence), 'lead-magnet.contact')) rules.push('contact-details');
  if (paidFor(doc, s)) rules.push('paid');
  if (weak && cues.has(s, 'lead-magnet.newsletter')) rules.push('newsletter-only'); // "free subscription to our newsletters"

  const nearVerb = verb && content.start - verb.end <= SPAN_REACH ? verb : undefined;
  const start = Math.min(content.start, free?.start ?? content.start, nearVerb?.start ?? content.start);
  let end = Math.max(content.end, free?.end ?? content.end);
  // Cover the exchange when it is stated right there ("… — just enter your email").
  if (signup.start > end && signup.start - end <= SPAN_REACH) end = signup.end;
  const what = doc.text.slice(content.start, content.end).replace(/\s+/g, ' ').toLowerCase();
  const price = describeSignup(doc, signup);
  return { start, end, rules, reason: `Offers ${aThing(what, free ? 'free' : undefined)} in exchange for ${price}.` };
}

function freeOfferFor(doc: DocContext, content: CueHit): FreeOffer | undefined {
  const offers = offersIn(doc, content.sentence);
  // Offers are in text order: start at the first one that could reach the content.
  const first = partitionPoint(offers.length, (i) => offers[i].end < content.start - OFFER_REACH);
  for (let i = first; i < offers.length && offers[i].start <= content.end + OFFER_REACH; i++) {
    const o = offers[i];
    if (o.thingHit?.start === content.start) return o;
    if (o.free !== null && Math.abs(o.free.first - content.first) <= VERB_WINDOW && o.thing !== 'price') return o;
  }
  return undefined;
}

function offerVerbBefore(doc: DocContext, content: CueHit): CueHit | undefined {
  return cuesOf(doc)
    .within(content.sentence, 'lead-magnet.offer-verb', content.first - VERB_WINDOW * 2, content.first - 1)
    .find((h) => h.last < content.first && !doc.negated(h.first));
}

/** The sentence puts a price on the content (an amount that is not a "value" claim). */
function paidFor(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('paid', sentence, () => {
    if (cuesOf(doc).has(sentence, 'lead-magnet.paid')) return true;
    if (doc.amountsIn(sentence).length === 0) return false;
    // "a $297 value", "we'll donate $1 for every sign-up" put a number on something other than the price.
    return !/\b(?:value|worth|valued|donate|donates|donating|match|matched)\b/.test(doc.sentenceText(sentence).toLowerCase());
  });
}

function describeSignup(doc: DocContext, signup: CueHit): string {
  const words = doc.text.slice(signup.start, signup.end).toLowerCase();
  if (/e-?\s?mail/.test(words)) return 'your e-mail address';
  if (/phone|mobile/.test(words)) return 'your phone number';
  if (/form|name|details/.test(words)) return 'your contact details';
  if (/subscri/.test(words)) return 'a subscription';
  return 'signing up';
}

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
  detect(doc) {
    const out: Candidate[] = [];
    for (const [cue, weak] of [['lead-magnet.content', false], ['lead-magnet.content-weak', true]] as const) {
      for (const h of doc.cue(cue)) {
        if (doc.negated(h.first)) continue;
        const c = contentCandidate(doc, h, weak);
        if (c) out.push(c);
      }
    }
    for (const h of doc.cue('lead-magnet.custom')) {
      out.push({ start: h.start, end: h.end, rules: ['content-offer', 'signup-same-sentence'], reason: `Offers content in exchange for signing up ("${doc.text.slice(h.start, h.end)}").` });
    }
    return out;
  },
};
