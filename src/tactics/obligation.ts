import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import type { Candidate, Tactic } from '../types.js';
import lexicon from './obligation.json' with { type: 'json' };
import { cueNames, stripLexicon, weightsOf } from './lexicon.js';
import { clearOf, footerStart, ifJustBefore, isButtonLine, isRequestAt, liveHits } from './rules.js';

/** How many sentences after the favor the ask may follow. */
export const ASK_WINDOW = 3;

const cue = cueNames('obligation');

/** "give back to your community": a slogan, not a debt to the sender. */
function giveBackHits(doc: DocContext): CueHit[] {
  return liveHits(doc, cue('give-back'), [cue('slogan')]);
}

/** "As a thank-you for your support, …" is the sender thanking the reader: no debt of the reader's. */
const SENDER_THANKS = cue('thanks-to-reader');

/** The first ask in sentences [from, to]: a worded request, or a return-the-favor line. */
export function askNear(doc: DocContext, from: number, to: number): CueHit | null {
  const footer = footerStart(doc);
  for (let s = Math.max(0, from); s <= to && s < footer && s < doc.sentences.length; s++) {
    const outsideSlogans = clearOf(doc.inSentence(s, cue('slogan')));
    const returns = doc.inSentence(s, cue('return-favor')).filter(clearOf(doc.inSentence(s, SENDER_THANKS)));
    const own = [...returns, ...doc.inSentence(s, cue('give-back'))].filter(outsideSlogans);
    if (own.length > 0) return own[0];
    if (isButtonLine(doc, s)) continue;
    const ask = doc.inSentence(s, 'shared.ask').find((h) => outsideSlogans(h) && !doc.negated(h.first) && isRequestAt(doc, s, h.first));
    if (ask) return ask;
  }
  return null;
}

/** The cues of a favor done, the rule each reports, and whether it is a gift sent (see ongoingGift). */
const FAVOR_CUES: ReadonlyArray<readonly [string, string, boolean]> = [
  ['debt', 'debt', false],
  ['favor-we', 'favor-done', false],
  ['gift-sent', 'favor-done', true],
  ['favor-you', 'reader-enjoyed', false],
];

/** A favor done for the reader ("we've kept this site free for you"), then an ask that leans on it. */
export function favorThenAsk(doc: DocContext): Candidate[] {
  const footer = footerStart(doc);
  const favors: Array<{ h: CueHit; rule: string; gift: boolean }> = [];
  // A loop, not spreads of mapped arrays: an empty and a full array differ in V8's eyes, and spreading
  // both made V8 drop and recompile this function again and again (8 times on 20,000 small files).
  for (const [name, rule, gift] of FAVOR_CUES) for (const h of liveHits(doc, cue(name))) favors.push({ h, rule, gift });
  const out: Candidate[] = [];
  for (const { h, rule, gift } of favors) {
    if (h.sentence >= footer) continue;
    // "you've enjoyed" needs a free thing from the sender to be a favor ("our free newsletter").
    const free = doc.inSentence(h.sentence, cue('free')).length > 0;
    if (rule === 'reader-enjoyed' && !free && !/\b(?:our|us)\b/i.test(doc.sentenceText(h.sentence))) continue;
    const ask = askNear(doc, h.sentence, h.sentence + ASK_WINDOW);
    if (!ask) continue;
    const returns = returnRules(doc, h.sentence, ask.sentence);
    // "We've sent you a free tote bag" then an ask is the gift itself (freebie): it is invoked as a debt
    // only when the ask leans on it ("please repay us") or it has gone on for a while ("every week").
    if (gift && returns.length === 0 && !ongoingGift(doc, h)) continue;
    const rules = [rule, 'ask-near'];
    if (free) rules.push('free-to-reader');
    // "If you've enjoyed our newsletter, …" supposes the favor rather than invoking it.
    if (ifJustBefore(doc, h)) rules.push('conditional-favor');
    rules.push(...returns);
    out.push({
      start: h.start,
      // The favor and its ask as one span when they are neighbours; else the favor's words (the reason names the ask).
      end: ask.sentence - h.sentence <= 1 ? Math.max(h.end, ask.end) : h.end,
      rules,
      reason: `Invokes a favor already done for you ("${doc.text.slice(h.start, h.end)}") to justify the ask ("${doc.text.slice(ask.start, ask.end)}").`,
    });
  }
  return out;
}

/** Tokens after a gift's words (the thing given) within which "every week", "for years" still say how it was given. */
const ONGOING_REACH = 4;

/** The gift has gone on for a while: "Every week we've sent you free…", "we've sent you free tips for years" (not "a calendar with a photo for every month"). */
function ongoingGift(doc: DocContext, gift: CueHit): boolean {
  const ongoing = doc.inSentence(gift.sentence, cue('ongoing')).filter(clearOf(doc.inSentence(gift.sentence, cue('per-item'))));
  return ongoing.some((o) => o.last < gift.first || o.first - gift.last <= ONGOING_REACH);
}

function returnRules(doc: DocContext, from: number, to: number): string[] {
  const rules: string[] = [];
  const senderThanks = doc.inSentences(from, to, SENDER_THANKS);
  if (doc.inSentences(from, to, cue('return-favor')).some(clearOf(senderThanks))) rules.push('return-favor');
  const giveBack = doc.inSentences(from, to, cue('give-back')).filter(clearOf(doc.inSentences(from, to, cue('slogan'))));
  if (giveBack.length > 0) rules.push('give-back');
  return rules;
}

/** "Please return the favor": the text says outright that the reader owes the sender, with an ask near. */
export function returnTheFavor(doc: DocContext): Candidate[] {
  const footer = footerStart(doc);
  const out: Candidate[] = [];
  for (const h of [...liveHits(doc, cue('return-favor'), [SENDER_THANKS]), ...giveBackHits(doc)]) {
    if (h.sentence >= footer) continue;
    const ask = doc.inSentences(h.sentence, h.sentence + 1, 'shared.ask').find((a) => !doc.negated(a.first) && isRequestAt(doc, a.sentence, a.first));
    const own = h.cue === cue('return-favor') || isRequestAt(doc, h.sentence, h.first);
    if (!ask && !own) continue;
    const rules = [h.cue === cue('return-favor') ? 'return-favor' : 'give-back', 'ask-near'];
    if (doc.inSentence(h.sentence, cue('free')).length > 0) rules.push('free-to-reader');
    out.push({
      start: h.start,
      end: h.end,
      rules,
      reason: `Tells you to repay the sender ("${doc.text.slice(h.start, h.end)}") as if a favor were owed.`,
    });
  }
  return out;
}

/** obligation — "we did this for you, now…" (TACTICS.md). */
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
  detect(doc) {
    return [...favorThenAsk(doc), ...returnTheFavor(doc)];
  },
};
