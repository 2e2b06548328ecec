import type { DocContext } from '../engine/context.js';
import type { MoneyAmount } from '../text/amounts.js';
import type { CueHit } from '../text/phrases.js';
import type { Candidate, Tactic } from '../types.js';
import lexicon from './foot-in-the-door.json' with { type: 'json' };
import { cueNames, stripLexicon, weightsOf } from './lexicon.js';
import { footerStart, isButtonLine, isDialogue, isRequestAt, liveHits, speakerOf } from './rules.js';

/** How many sentences after a small ask a bigger ask may follow and still lean on it. */
export const FOLLOW_WINDOW = 15;
/** How many sentences after "since you signed…" the ask that leans on it may stand. */
export const COMPLIANCE_WINDOW = 4;
/** A small ask and a bigger ask this close are shown as one span. */
const CLOSE = 3;
/** How far back a transcript's escalation looks for the small yes. */
const DIALOGUE_WINDOW = 6;

const cue = cueNames('foot-in-the-door');

/** A worded bigger ask in a sentence: the hit, or null. Button lines and footer lines are template furniture. */
export function biggerAskIn(doc: DocContext, sentence: number): CueHit | null {
  if (sentence >= footerStart(doc) || isButtonLine(doc, sentence)) return null;
  const blockers = doc.inSentence(sentence, cue('not-big-ask'));
  const free = (h: CueHit) => !doc.negated(h.first) && !blockers.some((b) => b.start <= h.start && h.end <= b.end + 1 && b.start < h.end);
  const asks = doc.inSentence(sentence, cue('big-ask')).filter(free);
  // "give"/"send" ask for money only with an amount in the sentence ("give $10", not "give us feedback").
  if (doc.amountsIn(sentence).length > 0) asks.push(...doc.inSentence(sentence, cue('give')).filter(free));
  asks.sort((a, b) => a.start - b.start);
  return asks.find((h) => isRequestAt(doc, sentence, h.first)) ?? null;
}

/**
 * Small asks the sender makes, outside the footer, in text order: sign, add
 * your name, take our survey (a button line counts: "ADD YOUR NAME »"), and
 * social steps (follow, share) only when worded, since a "Follow us" bar is furniture.
 */
export function smallAsks(doc: DocContext): CueHit[] {
  const footer = footerStart(doc);
  const asks = (key: string, buttonsToo: boolean) =>
    liveHits(doc, cue(key)).filter(
      (h) => h.sentence < footer && (buttonsToo || !isButtonLine(doc, h.sentence)) && isRequestAt(doc, h.sentence, h.first),
    );
  return [...asks('small-ask', true), ...asks('social-ask', false)].sort((a, b) => a.start - b.start);
}

/** Small ask, then a bigger worded ask later in the text. */
export function smallThenBigger(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  const used = new Set<number>();
  let lastSmallSentence = -1;
  for (const small of smallAsks(doc)) {
    if (small.sentence === lastSmallSentence) continue;
    lastSmallSentence = small.sentence;
    for (let s = small.sentence; s <= small.sentence + FOLLOW_WINDOW && s < doc.sentences.length; s++) {
      const big = biggerAskIn(doc, s);
      if (!big || big.start <= small.end) continue;
      // One breath ("sign and chip in") is two asks at once, unless a step word sits between them.
      if (s === small.sentence && !doc.inSentence(s, cue('next-step')).some((h) => h.start >= small.end && h.end <= big.start)) continue;
      if (used.has(s)) break;
      used.add(s);
      out.push(sequenceCandidate(doc, small, big));
      break;
    }
  }
  return out;
}

function sequenceCandidate(doc: DocContext, small: CueHit, big: CueHit): Candidate {
  const rules = ['small-ask-first', 'bigger-ask-later'];
  if (doc.inSentence(small.sentence, cue('first-step')).length > 0) rules.push('first-step');
  if (doc.inSentence(big.sentence, cue('next-step')).length > 0) rules.push('next-step');
  const close = big.sentence - small.sentence <= CLOSE;
  if (close) rules.push('close-together');
  const amount = doc.amountsIn(big.sentence)[0];
  if (amount) rules.push('money-amount');
  const bigWords = sentenceSpan(doc, big.sentence);
  const smallText = doc.text.slice(small.start, small.end);
  const bigText = askText(doc, big);
  return {
    start: close ? small.start : bigWords.start,
    end: bigWords.end,
    rules,
    reason: `Asks a small step first ("${smallText}"), then a bigger one ("${bigText}") that builds on the yes.`,
  };
}

/** A bigger ask that leans on earlier small compliance the sender asked for ("Since you signed…, will you chip in?"). */
export function leansOnCompliance(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  // "Thanks for signing up" is the reader's own step (a sign-up), not a small yes the sender asked for.
  for (const prior of liveHits(doc, cue('prior-compliance'), [cue('not-compliance')])) {
    for (let s = prior.sentence; s <= prior.sentence + COMPLIANCE_WINDOW && s < doc.sentences.length; s++) {
      const big = biggerAskIn(doc, s);
      if (!big) continue;
      const rules = ['prior-compliance', 'bigger-ask-later'];
      if (doc.inSentence(s, cue('next-step')).length > 0) rules.push('next-step');
      if (doc.amountsIn(s).length > 0) rules.push('money-amount');
      const span = sentenceSpan(doc, s);
      out.push({
        start: s - prior.sentence <= CLOSE ? prior.start : span.start,
        end: span.end,
        rules,
        reason: `Leans on an earlier small yes ("${doc.text.slice(prior.start, prior.end)}") to ask for more ("${askText(doc, big)}").`,
      });
      break;
    }
  }
  return out;
}

/**
 * In a transcript: the persuader gets a yes to a small amount, then asks for
 * more ("would you like to double that?", or a bigger amount).
 */
export function dialogueEscalation(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const speaker = speakerOf(doc, s);
    if (speaker === null) continue;
    const raise = doc.inSentence(s, cue('raise'))[0];
    const amounts = doc.amountsIn(s);
    if (!raise && amounts.length === 0) continue;
    const yes = agreementBefore(doc, s, speaker);
    if (yes < 0) continue;
    const earlier = persuaderAmountBefore(doc, yes, speaker);
    if (!earlier) continue;
    const bigger = amounts.find((a) => a.currency === earlier.currency && a.value > earlier.value);
    if (!raise && !bigger) continue;
    if (!isRequestAt(doc, s, raise ? raise.first : doc.sentences[s].endToken - 1)) continue;
    const span = sentenceSpan(doc, s);
    out.push({
      start: span.start,
      end: span.end,
      rules: ['dialogue-escalation', 'bigger-ask-later'],
      reason: `After a yes to ${earlier.text}, asks for more in the same conversation.`,
    });
  }
  return out;
}

/** Token `token` is one of the words `from`…`to` (0-based) of sentence `sentence`. */
function isWordOfSentence(doc: DocContext, sentence: number, token: number, from: number, to: number): boolean {
  const s = doc.sentences[sentence];
  if (!doc.tokens.isWord(token) || token < s.firstToken || token >= s.endToken) return false;
  let n = -1;
  for (let i = s.firstToken; i <= token; i++) if (doc.tokens.isWord(i)) n++;
  return n >= from && n <= to;
}

/** Index of another speaker's agreeing sentence just before `s`, or -1. */
function agreementBefore(doc: DocContext, s: number, speaker: string): number {
  for (let k = s - 1; k >= 0 && k >= s - DIALOGUE_WINDOW; k--) {
    const who = speakerOf(doc, k);
    if (who === speaker) continue;
    // "Persuader: Yes, I can": an agreeing word among the first three after the speaker's label.
    if (doc.inSentence(k, cue('agree')).some((h) => isWordOfSentence(doc, k, h.first, 1, 3))) return k;
  }
  return -1;
}

function persuaderAmountBefore(doc: DocContext, s: number, speaker: string) {
  for (let k = s - 1; k >= 0 && k >= s - DIALOGUE_WINDOW; k--) {
    if (speakerOf(doc, k) !== speaker) continue;
    // "$0 to $2": the agreed amount is the top of a range.
    const a = doc.amountsIn(k).reduce<MoneyAmount | null>((m, x) => (m && m.value >= x.value ? m : x), null);
    if (a) return a;
  }
  return null;
}

/** The ask's words, with the amount of its sentence when there is one ("chip in $10"). */
function askText(doc: DocContext, big: CueHit): string {
  const words = doc.text.slice(big.start, big.end);
  const amount = doc.amountsIn(big.sentence).find((a) => a.start >= big.end) ?? doc.amountsIn(big.sentence)[0];
  if (!amount || words.includes(amount.text)) return words;
  return amount.start === big.end + 1 ? doc.text.slice(big.start, amount.end) : `${words} … ${amount.text}`;
}

/** Words of a sentence, without a transcript's speaker label. */
function sentenceSpan(doc: DocContext, sentence: number): { start: number; end: number } {
  const s = doc.sentences[sentence];
  const words = doc.words(sentence);
  const first = speakerOf(doc, sentence) !== null && words.length > 1 ? words[1].start : s.start;
  return { start: first, end: s.end };
}

/** foot-in-the-door — a small, easy yes first, then a bigger ask that leans on it (TACTICS.md). */
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
  detect(doc) {
    // In a transcript, chat turns (check out the site, tell me more) are conversation, not a scripted
    // ladder of asks: only a raise after the other side's yes counts there.
    if (isDialogue(doc)) return dialogueEscalation(doc);
    return [...leansOnCompliance(doc), ...smallThenBigger(doc)];
  },
};
