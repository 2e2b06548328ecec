/**
 * The shared reading of "free" behind the three gift tactics: where is
 * something offered free (or framed as a gift), what is it, and on what
 * condition. freeOffers() does that reading once per document; freebie keeps
 * the offers given up front, lead-magnet those traded for a sign-up,
 * thats-not-all those stacked on a purchase or donation (premiums).
 */
import type { DocContext, Releasable } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import { cuesOf } from './sentence-cues.js';

export type ThingKind = 'gift' | 'trial' | 'content' | 'addon' | 'price' | 'none';

export interface FreeOffer {
  sentence: number;
  /** Text offsets of the words that carry the offer ("free" … "sample"). */
  start: number;
  end: number;
  /** The word(s) saying it costs nothing ("free", "complimentary"), if any. */
  free: CueHit | null;
  /** Explicit gift wording ("our gift to you", "we've enclosed"), if any. */
  frame: CueHit | null;
  thing: ThingKind;
  thingHit: CueHit | null;
  /** FREE written in capitals. */
  shouting: boolean;
}

/** Which noun lists name what is free; the order breaks ties between equally near hits. */
const THING_CUES: ReadonlyArray<readonly [string, ThingKind]> = [
  ['lead-magnet.content', 'content'],
  ['lead-magnet.content-weak', 'content'],
  ['freebie.gift-thing', 'gift'],
  ['freebie.trial-thing', 'trial'],
  ['freebie.addon-thing', 'addon'],
  ['freebie.price-term', 'price'],
];

/** How far (in words) from "free" the thing it qualifies may stand. */
const THING_AFTER = 5;
const THING_BEFORE = 6;
/** Token window (words and punctuation) that surely holds THING_AFTER/THING_BEFORE words. */
export const TOKEN_REACH = 40;

/** Punctuation that ends the phrase "free" belongs to, inside a sentence. */
const BARRIERS = new Set([':', ';', '|', '(', ')', '[', ']', '•', '*', '=']);

interface OfferIndex extends Releasable {
  all: FreeOffer[];
  bySentence: Map<number, FreeOffer[]>;
}

const OFFER_INDEX = Symbol('offer index');

function offerIndex(doc: DocContext): OfferIndex {
  return doc.memo(OFFER_INDEX, () => {
    const all = readOffers(doc);
    const bySentence = new Map<number, FreeOffer[]>();
    for (const o of all) {
      const list = bySentence.get(o.sentence);
      if (list) list.push(o);
      else bySentence.set(o.sentence, [o]);
    }
    return {
      all,
      bySentence,
      release() {
        all.length = 0;
        bySentence.clear();
      },
    };
  });
}

/** Every place the text offers something free or as a gift, in text order. */
export function freeOffers(doc: DocContext): readonly FreeOffer[] {
  return offerIndex(doc).all;
}

/** The free offers of one sentence (an index lookup, so rules stay linear). */
export function offersIn(doc: DocContext, sentence: number): readonly FreeOffer[] {
  return offerIndex(doc).bySentence.get(sentence) ?? [];
}

function readOffers(doc: DocContext): FreeOffer[] {
  const blocked = coveredTokens(doc.cue('freebie.not-gift'));
  const frames = doc.cue('freebie.gift-frame').filter((h) => !doc.negated(h.first));
  const framed = coveredTokens(frames);
  const offers: FreeOffer[] = [];
  for (const frame of frames) offers.push(offerAt(doc, frame, null, frame, blocked));
  for (const free of doc.cue('freebie.free-word')) {
    if (framed.has(free.first) || !isGiftSenseOfFree(doc, free, blocked)) continue;
    offers.push(offerAt(doc, free, free, null, blocked));
  }
  return offers.sort((a, b) => a.start - b.start);
}

/** "free" as in costing nothing: not "feel free", "sugar-free", "free speech", "not free", "free of pesticides". */
function isGiftSenseOfFree(doc: DocContext, free: CueHit, blocked: ReadonlySet<number>): boolean {
  const { tokens } = doc;
  if (blocked.has(free.first)) return false;
  if (doc.negated(free.first)) return false;
  const head = tokens.at(free.first)!;
  if (head.hyphenated) return false; // sugar-free, toll-free
  if (inProperName(doc, free)) return false;
  if (libreSoftware(doc, free)) return false;
  const next = tokens.at(free.last + 1);
  if (next && next.raw === '-' && tokens.at(free.last + 2)?.hyphenated) return false; // free-range
  if (head.norm === 'free' && next?.norm === 'of' && nextWord(doc, free.last + 1)?.norm !== 'charge') return false;
  // "free to choose", "free to live": at liberty. "free to you", "free to attend": at no cost.
  if (head.norm === 'free' && next?.norm === 'to' && !FREE_TO_GIFT.has(nextWord(doc, free.last + 1)?.norm ?? '')) return false;
  return true;
}

/**
 * "the Free Software Foundation", "the GNU Free Documentation License": a
 * capitalised Free inside a name, i.e. after "the" or an acronym and before
 * another capitalised word, in a sentence written mostly in lower case (a
 * title-case headline capitalises every word and names nothing).
 */
function inProperName(doc: DocContext, free: CueHit): boolean {
  const { tokens } = doc;
  const head = tokens.at(free.first)!;
  if (!/^\p{Lu}\p{Ll}+$/u.test(head.raw)) return false;
  const before = previousWord(doc, free.first);
  const after = nextWord(doc, free.last);
  if (!before || !after || before.sentence !== head.sentence || after.sentence !== head.sentence) return false;
  if (!/^\p{Lu}/u.test(after.raw)) return false;
  if (before.norm !== 'the' && !/^\p{Lu}{2,}$/u.test(before.raw)) return false;
  return mostlyLowerCase(doc, head.sentence);
}

/** How far (in words) after "free" the software it qualifies may stand ("a free and portable implementation"). */
const LIBRE_REACH = 3;

/**
 * "GNU Wget is a free utility", "the last free version": in a text about
 * software licences (two or more licensing words: "licensed under the GNU
 * GPL"), "free" before a piece of software means libre, not gratis.
 */
function libreSoftware(doc: DocContext, free: CueHit): boolean {
  if (!aboutLicensing(doc)) return false;
  return cuesOf(doc)
    .within(free.sentence, 'freebie.libre-thing', free.last + 1, free.last + LIBRE_REACH * 3)
    .some((h) => wordsBetween(doc, free.last, h.first) < LIBRE_REACH);
}

const ABOUT_LICENSING = Symbol('about licensing');

function aboutLicensing(doc: DocContext): boolean {
  return doc.memo(ABOUT_LICENSING, () => doc.cue('freebie.licensing').length >= 2);
}

function wordsBetween(doc: DocContext, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i < to; i++) if (doc.tokens.isWord(i)) n++;
  return n;
}

function mostlyLowerCase(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).memo('mostly-lower-case', sentence, () => countsMostlyLowerCase(doc, sentence));
}

function countsMostlyLowerCase(doc: DocContext, sentence: number): boolean {
  const s = doc.sentences[sentence];
  let words = 0;
  let capitalised = 0;
  for (let i = s.firstToken; i < s.endToken; i++) {
    if (!doc.tokens.isWord(i)) continue;
    words++;
    if (/^\p{Lu}/u.test(doc.tokens.raw(i))) capitalised++;
  }
  return capitalised * 2 < words;
}

function previousWord(doc: DocContext, from: number) {
  for (let i = from - 1; i >= 0; i--) if (doc.tokens.isWord(i)) return doc.tokens.at(i)!;
  return undefined;
}

/** Words after "free to" that keep the costing-nothing sense. */
const FREE_TO_GIFT = new Set([
  'you', 'all', 'everyone', 'anyone', 'anybody', 'members', 'home', 'homeowners', 'new', 'the', 'our', 'your', 'customers',
  'students', 'participants', 'subscribers', 'readers', 'qualified', 'eligible', 'those', 'families', 'first', 'veterans',
  'seniors', 'kids', 'children', 'attendees', 'registrants', 'attend', 'download', 'try', 'read', 'watch', 'listen',
]);

function nextWord(doc: DocContext, from: number) {
  for (let i = from + 1; i < doc.tokens.length; i++) if (doc.tokens.isWord(i)) return doc.tokens.at(i)!;
  return undefined;
}

function offerAt(
  doc: DocContext,
  hit: CueHit,
  free: CueHit | null,
  frame: CueHit | null,
  blocked: ReadonlySet<number>,
): FreeOffer {
  const thingHit = thingNear(doc, hit, blocked);
  const thing = thingHit ? kindOf(thingHit) : 'none';
  const start = Math.min(hit.start, thingHit?.start ?? hit.start);
  const end = Math.max(hit.end, thingHit?.end ?? hit.end);
  const shouting = free !== null && doc.tokens.shouting(free.first);
  return { sentence: hit.sentence, start, end, free, frame, thing, thingHit, shouting };
}

function kindOf(hit: CueHit): ThingKind {
  return THING_CUES.find(([cue]) => cue === hit.cue)?.[1] ?? 'none';
}

/** The nearest thing-noun after the free word (within THING_AFTER words), else before it (THING_BEFORE). */
function thingNear(doc: DocContext, hit: CueHit, blocked: ReadonlySet<number>): CueHit | null {
  const cues = cuesOf(doc);
  let best: CueHit | null = null;
  let bestScore = Infinity;
  for (const [cue] of THING_CUES) {
    for (const h of cues.within(hit.sentence, cue, hit.first - TOKEN_REACH, hit.last + TOKEN_REACH)) {
      // A noun of a fixed non-gift phrase is taken: in "free software needs free documentation" the second free is not about software.
      if (blocked.has(h.first) && !(h.first >= hit.first && h.last <= hit.last)) continue;
      let score: number;
      if (h.first >= hit.first && h.last <= hit.last) {
        score = 0; // inside the gift wording itself ("free gift")
      } else if (h.first > hit.last) {
        const d = wordSteps(doc, hit.last, h.first);
        if (d > THING_AFTER || barrierBetween(doc, hit.last, h.first)) continue;
        score = d;
      } else if (h.last < hit.first) {
        const d = wordSteps(doc, h.last, hit.first);
        if (d > THING_BEFORE || barrierBetween(doc, h.last, hit.first)) continue;
        score = d + THING_AFTER; // only when nothing follows: "free sample" names the thing, "download our free guide" too
      } else continue;
      const longer = best && score === bestScore && h.last - h.first > best.last - best.first;
      if (score < bestScore || longer) {
        best = h;
        bestScore = score;
      }
    }
  }
  return best && best.first > hit.last ? headNoun(doc, best) : best;
}

/** In "free CD replacement kit" the thing is the kit: follow thing-nouns up to two words on. */
function headNoun(doc: DocContext, thing: CueHit): CueHit {
  const cues = cuesOf(doc);
  let head = thing;
  for (const [cue] of THING_CUES) {
    for (const h of cues.within(thing.sentence, cue, thing.last + 1, thing.last + TOKEN_REACH)) {
      if (h.first <= head.last) continue;
      if (wordSteps(doc, head.last, h.first) <= 2 && !barrierBetween(doc, head.last, h.first)) head = h;
    }
  }
  return head;
}

/**
 * Word and number tokens in (from, to]: 1 when `to` is the next word. Rules
 * ask this of tokens at most TOKEN_REACH apart, so counting is cheap (a
 * prefix count over every token of the window cost more than all the asking).
 */
function wordSteps(doc: DocContext, from: number, to: number): number {
  let n = 0;
  for (let i = from + 1; i <= to; i++) if (doc.tokens.isWordOrNumber(i)) n++;
  return n;
}

/** Phrase-ending punctuation (BARRIERS) stands in (from, to]. */
function barrierBetween(doc: DocContext, from: number, to: number): boolean {
  const tokens = doc.tokens;
  for (let i = from + 1; i <= to; i++) if (!tokens.isWordOrNumber(i) && BARRIERS.has(tokens.raw(i))) return true;
  return false;
}

function coveredTokens(hits: readonly CueHit[]): Set<number> {
  const out = new Set<number>();
  for (const h of hits) for (let i = h.first; i <= h.last; i++) out.add(i);
  return out;
}

// ------------------------------------------------------------ conditions

/**
 * The offer is given only in return for a purchase or donation: "with every
 * order", "donate $25 and we'll send you", "buy 2 and get 1 free". That is a
 * premium (thats-not-all), not a freebie.
 */
export function premiumFor(doc: DocContext, sentence: number, at: number): boolean {
  const cues = cuesOf(doc);
  if (cues.has(sentence, 'freebie.premium')) return true;
  const firstBuy = cues.of(sentence, 'freebie.purchase-verb')[0];
  if (!firstBuy || firstBuy.first >= at) return false;
  return cues.within(sentence, 'freebie.receive-verb', firstBuy.last + 1, at).length > 0;
}

/**
 * A premium offer was made just before: list lines under "Order today and
 * receive these free gifts:" are part of it.
 */
export function premiumNear(doc: DocContext, sentence: number): boolean {
  const cues = cuesOf(doc);
  if (cues.hasIn(sentence - 3, sentence - 1, 'freebie.premium')) return true;
  // A gift under a "BONUS" heading is an add-on to the offer, not a gift up front.
  return cues.hasIn(sentence - 1, sentence, 'thats-not-all.stack-strong');
}

/** "Free membership — sign up today": the free thing is the sign-up itself, not a gift. */
export function signupRightAfter(doc: DocContext, offer: FreeOffer): boolean {
  const cues = cuesOf(doc);
  const last = Math.max(offer.free?.last ?? 0, offer.frame?.last ?? 0, offer.thingHit?.last ?? 0);
  return [offer.sentence, offer.sentence + 1].some((s) =>
    cues.within(s, 'lead-magnet.signup', last + 1, last + TOKEN_REACH).some((h) => wordSteps(doc, last, h.first) <= 1),
  );
}

/**
 * An order confirmation or receipt: what it calls free or a bonus was part of
 * a deal already made, not a gift or sweetener before the reader decides.
 */
export function isReceipt(doc: DocContext): boolean {
  return doc.has('freebie.receipt');
}

/** Mail-platform furniture around a sentence ("Try it FREE" badges, unsubscribe footers). */
export function platformBoilerplate(doc: DocContext, sentence: number): boolean {
  return cuesOf(doc).hasIn(sentence - 1, sentence, 'freebie.platform');
}

/** A sign-up, subscription or contact form asked for in or next to a sentence. */
export function signupNear(doc: DocContext, sentence: number, before = 1, after = 2): CueHit | null {
  const cues = cuesOf(doc);
  const live = (s: number) => cues.of(s, 'lead-magnet.signup').find((h) => !doc.negated(h.first));
  const same = live(sentence);
  if (same) return same;
  for (let s = Math.max(0, sentence - before); s <= sentence + after && s < doc.sentences.length; s++) {
    const h = s === sentence ? undefined : live(s);
    if (h) return h;
  }
  return null;
}
