import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import { isComma } from '../text/tokenize.js';
import type { Candidate, Tactic } from '../types.js';
import { freeOffers, isReceipt, offersIn, platformBoilerplate, premiumFor } from './offers.js';
import { clearOf } from './rules.js';
import { cuesOf, someOutside } from './sentence-cues.js';
import lexicon from './thats-not-all.json' with { type: 'json' };
import { stripLexicon, weightsOf } from './lexicon.js';

/** Words that may stand before a weak stacking connective and still leave it opening the clause ("And plus", "+ Plus"). */
const CLAUSE_OPENERS = new Set(['and', 'but', 'oh', 'so', 'p.s', 'ps']);

/** How far (in words) after "will receive" a premium's gift may stand. */
const PREMIUM_WINDOW = 10;

/** Words that stack value on an offer: "But wait — there's more", "as a bonus", "we'll even throw in". */
function stackCandidates(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  // "an error is thrown in case of …" is not "a case thrown in".
  const clearOfNotStack = clearOf(doc.cue('thats-not-all.not-stack'));
  const stacking = doc.cue('thats-not-all.stack-strong').filter((x) => !doc.negated(x.first) && clearOfNotStack(x) && !quantityOfMore(doc, x));
  for (const h of joinTouching(stacking)) {
    if (platformBoilerplate(doc, h.sentence)) continue;
    out.push(withContext(doc, h, ['stack-strong'], `Piles extra value on the offer ("${words(doc, h)}") before you have answered.`));
  }
  for (const h of doc.cue('thats-not-all.stack-weak')) {
    if (!opensClause(doc, h) || platformBoilerplate(doc, h.sentence)) continue;
    // "Plus, we've moved offices" adds nothing to an offer; "PLUS, when you attend, you get:" names it on the next line.
    if (!giftValueIn(doc, h.sentence, h) && !(endsWithColon(doc, h.sentence) && giftValueIn(doc, h.sentence + 1, h))) continue;
    out.push(withContext(doc, h, ['stack-weak', 'gift-value'], `Adds more on top of the offer ("${words(doc, h)} …") before you have answered.`));
  }
  // "at no extra cost" adds value to an offer, or is a headline price claim ("Double your cover at no extra cost"): weaker alone.
  for (const h of doc.cue('thats-not-all.no-extra-cost')) {
    if (doc.negated(h.first) || platformBoilerplate(doc, h.sentence)) continue;
    out.push(withContext(doc, h, ['no-extra-cost'], `Adds something "${words(doc, h)}" on top of the offer before you have answered.`));
  }
  for (const h of doc.cue('thats-not-all.stack-mid')) {
    if (doc.negated(h.first) || platformBoilerplate(doc, h.sentence)) continue;
    if (!giftValueIn(doc, h.sentence, h)) continue; // "the plan also includes roadside help" is a feature list
    out.push(withContext(doc, h, ['stack-mid', 'gift-value'], `Adds a free extra on top of the offer ("${words(doc, h)} …") before you have answered.`));
  }
  return out;
}

/**
 * "There is more information below" counts something; "But wait, there's
 * more!" stacks value. The stacking "more" ends its clause: a word right after
 * it makes it a quantity.
 */
function quantityOfMore(doc: DocContext, h: CueHit): boolean {
  if (doc.tokens.at(h.last)!.norm !== 'more') return false;
  const next = doc.tokens.at(h.last + 1);
  return next !== undefined && next.sentence === h.sentence && next.kind === 'word';
}

/** Overlapping or adjacent hits ("we'll even" + "even throw in") as one span, so the reason quotes the whole phrase. */
function joinTouching(hits: readonly CueHit[]): CueHit[] {
  const out: CueHit[] = [];
  for (const h of [...hits].sort((a, b) => a.first - b.first)) {
    const last = out[out.length - 1];
    if (last && last.sentence === h.sentence && h.first <= last.last + 1) {
      if (h.last > last.last) out[out.length - 1] = { ...last, last: h.last, end: h.end };
    } else out.push(h);
  }
  return out;
}

/** A gift promised only with the purchase or donation: "free tote with every order", "donate $25 and we'll send you our mug". */
function premiumCandidates(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (const o of freeOffers(doc)) {
    if (o.thing === 'price' || platformBoilerplate(doc, o.sentence)) continue;
    const at = (o.free ?? o.frame)!.first;
    const premium = premiumFor(doc, o.sentence, at);
    if (!premium && o.thing !== 'addon') continue;
    const rules = premium ? ['premium'] : ['free-addon'];
    if (premium && o.thing === 'addon') rules.push('free-addon');
    const hit = { start: o.start, end: o.end, first: at, last: at, sentence: o.sentence, cue: 'freebie.free-word' };
    const reason = premium
      ? `Adds a free extra ("${words(doc, o)}") to the purchase or donation, as a sweetener.`
      : `Throws in a free extra ("${words(doc, o)}") on top of the offer.`;
    out.push(withContext(doc, hit, rules, reason));
  }
  // Premiums named without "free": "Sponsors will receive a signed copy", "give $50 and we'll send you our mug".
  for (const r of doc.cue('freebie.receive-verb')) {
    if (!premiumFor(doc, r.sentence, r.first) || platformBoilerplate(doc, r.sentence)) continue;
    const gift = cuesOf(doc)
      .within(r.sentence, 'freebie.gift-thing', r.last + 1, r.last + PREMIUM_WINDOW * 2)
      .find((g) => g.first - r.last <= PREMIUM_WINDOW && !doc.negated(g.first));
    if (!gift) continue;
    const span = { ...r, end: gift.end, last: gift.last };
    out.push(withContext(doc, span, ['premium'], `Promises a gift ("${words(doc, span)}") in return for the purchase or donation, as a sweetener.`));
  }
  return out;
}

function withContext(doc: DocContext, h: { start: number; end: number; first: number; sentence: number }, rules: string[], reason: string): Candidate {
  const s = h.sentence;
  if (valueInSentence(doc, s, h) || (rules.includes('stack-strong') && valueInSentence(doc, s + 1, h))) rules.push('value-in-sentence');
  if (!rules.includes('gift-value') && (giftValueIn(doc, s, h) || (rules.includes('stack-strong') && giftValueIn(doc, s + 1, h)))) rules.push('gift-value');
  if (offerBefore(doc, h.start)) rules.push('offer-before');
  const cues = cuesOf(doc);
  if (cues.hasIn(s - 1, s + 1, 'thats-not-all.urgency')) rules.push('urgency');
  if (cues.has(s, 'thats-not-all.store-policy')) rules.push('store-policy');
  if (onlyPriceTerms(doc, s)) rules.push('price-term-only');
  if (cues.has(s, 'thats-not-all.matching') && !giftInSentence(doc, s)) rules.push('matching-only');
  // "We even said we would throw in…": an offer reported, not made to the reader.
  if (cues.within(s, 'thats-not-all.reported', h.first - 20, h.first - 1).some((r) => r.last < h.first && h.first - r.last <= 8)) rules.push('reported-speech');
  return { start: h.start, end: h.end, rules, reason };
}

/** "Plus" as the first word of its clause (sentence start, after a comma, dash or "and"), not "one plus one". */
function opensClause(doc: DocContext, h: CueHit): boolean {
  for (let i = h.first - 1; i >= 0; i--) {
    const t = doc.tokens.at(i)!;
    if (t.sentence !== h.sentence) return true;
    if (t.kind === 'punct') {
      if (isComma(t.raw) || t.raw === '-' || t.raw === '—' || t.raw === '–' || t.raw === '+' || t.raw === '~' || t.raw === ':' || t.raw === '.') return true;
      continue;
    }
    return CLAUSE_OPENERS.has(t.norm);
  }
  return true;
}

/** Something of value named in the sentence besides the stacking words themselves. */
function valueInSentence(doc: DocContext, sentence: number, except: { start: number; end: number }): boolean {
  if (sentence >= doc.sentences.length) return false;
  const outside = (h: { start: number; end: number }) => h.end <= except.start || h.start >= except.end;
  if (cuesOf(doc).anyOutside(sentence, 'thats-not-all.value-word', except.start, except.end)) return true;
  if (someOutside(offersIn(doc, sentence), except.start, except.end)) return true;
  return percentOff(doc, sentence) || cuesOf(doc).memo('amounts', sentence, () => doc.amountsIn(sentence).length > 0);
}

function endsWithColon(doc: DocContext, sentence: number): boolean {
  const s = doc.sentences[sentence];
  return s !== undefined && doc.tokens.at(s.endToken - 1)?.raw === ':';
}

/** Something given free or as a bonus in the sentence, besides the stacking words: "free", "bonus", "gift", "10% off". */
function giftValueIn(doc: DocContext, sentence: number, except: { start: number; end: number }): boolean {
  if (sentence >= doc.sentences.length) return false;
  const cues = cuesOf(doc);
  const giftWords = cues.memo('gift-words', sentence, () => {
    const prices = offersIn(doc, sentence).filter((o) => o.thing === 'price');
    // "free" inside "free shipping" is a price term, not value added.
    return cues.of(sentence, 'freebie.gift-value').filter((h) => !prices.some((o) => o.start <= h.start && h.end <= o.end));
  });
  if (someOutside(giftWords, except.start, except.end)) return true;
  const gifts = cues.memo('gift-offers', sentence, () => offersIn(doc, sentence).filter((o) => o.thing !== 'price'));
  if (someOutside(gifts, except.start, except.end)) return true;
  return percentOff(doc, sentence);
}

function giftInSentence(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('gift-in', sentence, () => offersIn(doc, sentence).some((o) => o.thing !== 'price') || cuesOf(doc).has(sentence, 'freebie.gift-thing'));
}

/** "10% off", "an extra 15 percent". */
function percentOff(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('percent', sentence, () => {
    const s = doc.sentences[sentence];
    for (let i = s.firstToken; i + 1 < s.endToken; i++) {
      if (doc.tokens.kind(i) === 'number' && (doc.tokens.raw(i + 1) === '%' || doc.tokens.norm(i + 1) === 'percent')) return true;
    }
    return false;
  });
}

/** The only value in the sentence is a price term ("Plus, free shipping"). */
function onlyPriceTerms(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('only-prices', sentence, () => {
    const offers = offersIn(doc, sentence);
    return offers.length > 0 && offers.every((o) => o.thing === 'price');
  });
}

/** An offer or ask was made before this point (first ask, amount or free offer of the text). */
function offerBefore(doc: DocContext, offset: number): boolean {
  const firstAsk = doc.cue('shared.ask')[0];
  const firstAmount = doc.amounts[0];
  const firstOffer = freeOffers(doc)[0];
  return [firstAsk?.start, firstAmount?.start, firstOffer?.start].some((x) => x !== undefined && x < offset);
}

function words(doc: DocContext, h: { start: number; end: number }): string {
  return doc.text.slice(h.start, h.end).replace(/\s+/g, ' ');
}

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
  detect(doc) {
    if (isReceipt(doc)) return []; // the deal is done: nothing is being sweetened
    const out = [...stackCandidates(doc), ...premiumCandidates(doc)];
    for (const h of doc.cue('thats-not-all.custom')) {
      out.push({ start: h.start, end: h.end, rules: ['stack-strong'], reason: `Piles extra value on the offer ("${words(doc, h)}").` });
    }
    return out;
  },
};
