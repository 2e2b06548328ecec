import type { DocContext } from '../engine/context.js';
import type { MoneyAmount } from '../text/amounts.js';
import type { CueHit } from '../text/phrases.js';
import { isComma } from '../text/tokenize.js';
import type { Candidate, Tactic } from '../types.js';
import lexicon from './door-in-the-face.json' with { type: 'json' };
import { cueNames, stripLexicon, weightsOf } from './lexicon.js';
import { footerStart, ifJustBefore, isButtonLine, isRequestAt, speakerOf, startsLine } from './rules.js';

/** How many sentences before a retreat the bigger ask may stand. */
export const PRIOR_WINDOW = 3;
/** In a transcript, how many turns back the refusal and the bigger ask may stand. */
const DIALOGUE_WINDOW = 8;
/** Three or more amounts in one sentence are a menu, not a step back. */
const MENU_SIZE = 3;

const cue = cueNames('door-in-the-face');
const CLAUSE_END = new Set([',', '?', ';', ':', '—', '–', '-', '!']);

interface Range {
  /** Token indices [from, to). */
  from: number;
  to: number;
}

/** Hits of a cue inside a token range. */
function hitsIn(doc: DocContext, sentence: number, key: string, r: Range): CueHit[] {
  return doc.inSentence(sentence, cue(key)).filter((h) => h.first >= r.from && h.last < r.to);
}

function amountsIn(doc: DocContext, sentence: number, r: Range): MoneyAmount[] {
  const start = doc.tokens.at(r.from)?.start ?? Infinity;
  const end = doc.tokens.at(r.to - 1)?.end ?? -1;
  return doc.amountsIn(sentence).filter((a) => a.start >= start && a.start < end);
}

/** The words of a retreat's condition ("if that's too much") up to the next clause break. */
export function conditionClause(doc: DocContext, hit: CueHit): Range {
  const s = doc.sentences[hit.sentence];
  let i = hit.last + 1;
  while (i < s.endToken && !CLAUSE_END.has(doc.tokens.raw(i))) i++;
  return { from: hit.first, to: i };
}

/** What the sender falls back to: the rest of the sentence, or the next sentence when the condition ends it. */
export function fallbackOf(doc: DocContext, hit: CueHit, clause: Range): { sentence: number; range: Range } | null {
  const s = doc.sentences[hit.sentence];
  const rest = { from: clause.to + 1, to: s.endToken };
  const words = doc.tokens.slice(rest.from, rest.to).filter((t) => t.kind === 'word').length;
  if (words >= 2) return { sentence: hit.sentence, range: rest };
  const next = doc.sentences[hit.sentence + 1];
  if (!next || next.paragraph > s.paragraph + 1) return null;
  return { sentence: next.index, range: { from: next.firstToken, to: next.endToken } };
}

interface PriorAsk {
  sentence: number;
  amounts: MoneyAmount[];
}

/** A request (an ask word or an amount) in the few sentences before `s`, by the same speaker in a transcript. */
export function priorAsk(doc: DocContext, s: number, before: number, window = PRIOR_WINDOW): PriorAsk | null {
  const speaker = speakerOf(doc, s);
  for (let k = s; k >= 0 && k >= s - window; k--) {
    if (speakerOf(doc, k) !== speaker) continue;
    const limit = k === s ? before : Infinity;
    const asks = doc.inSentence(k, cue('ask')).filter((h) => h.end <= limit && !doc.negated(h.first));
    const amounts = doc.amountsIn(k).filter((a) => a.end <= limit);
    const at = asks[0]?.first ?? tokenAt(doc, amounts[0]?.start);
    if (at === undefined || !isRequestAt(doc, k, at)) continue;
    if (amounts.length >= MENU_SIZE && k !== s) continue;
    return { sentence: k, amounts };
  }
  return null;
}

function tokenAt(doc: DocContext, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  const s = doc.sentences[doc.sentenceAt(offset)];
  for (let i = s.firstToken; i < s.endToken; i++) if (doc.tokens.start(i) >= offset) return i;
  return undefined;
}

const largest = (xs: readonly MoneyAmount[]) => xs.reduce<MoneyAmount | null>((m, a) => (m && m.value >= a.value ? m : a), null);
const smallest = (xs: readonly MoneyAmount[]) => xs.reduce<MoneyAmount | null>((m, a) => (m && m.value <= a.value ? m : a), null);

/** A worded retreat: "Can you give $250? If that's too much, even $25 helps." */
export function wordedRetreats(doc: DocContext): Candidate[] {
  const footer = footerStart(doc);
  const out: Candidate[] = [];
  const turns = doc.cue(cue('soft-turn')).filter((h) => startsSentence(doc, h));
  // "Too much?" / "Not ready?": a worded step back only as a question of its own.
  const questions = doc.cue(cue('retreat-question')).filter((h) => doc.words(h.sentence).length <= 5 && doc.tokens.at(h.last + 1)?.raw === '?');
  // "If not, …" / "Otherwise, …": a step back only when it opens its sentence.
  const openings = doc.cue(cue('retreat-opening')).filter((h) => startsSentence(doc, h) && isComma(doc.tokens.at(h.last + 1)?.raw ?? ''));
  // "Not ready to buy?" / "If you're not ready to commit, …", not "We're not ready to give up."
  const notReady = doc.cue(cue('retreat-ready')).filter((h) => startsSentence(doc, h) || ifJustBefore(doc, h));
  for (const hit of [...doc.cue(cue('retreat')), ...questions, ...openings, ...notReady, ...turns]) {
    if (hit.sentence >= footer) continue;
    const worded = hit.cue !== cue('soft-turn');
    const clause = conditionClause(doc, hit);
    const fallback = fallbackOf(doc, hit, clause);
    if (!fallback || fallback.sentence >= footer) continue;
    const rules = [worded ? 'retreat-worded' : 'retreat-soft'];
    const clauseAsks = hitsIn(doc, hit.sentence, 'ask', clause);
    const clauseAmounts = amountsIn(doc, hit.sentence, clause);
    const prior = priorAsk(doc, hit.sentence, hit.start);
    if (worded && (clauseAsks.length > 0 || clauseAmounts.length > 0)) rules.push('condition-names-ask');
    else if (prior) rules.push('bigger-ask-before');
    else continue;

    const f = fallback.range;
    const fbAmounts = amountsIn(doc, fallback.sentence, f);
    const fbAlt = hitsIn(doc, fallback.sentence, 'small-alt', f);
    const fbAsk = hitsIn(doc, fallback.sentence, 'ask', f);
    const fbSoft = hitsIn(doc, fallback.sentence, 'softener', f);
    if (fbAmounts.length === 0 && fbAlt.length === 0 && fbAsk.length === 0) continue;
    // A fallback to a bigger commitment (volunteer instead of give) is not a retreat.
    if (hitsIn(doc, fallback.sentence, 'bigger-commitment', f).length > 0 && hitsIn(doc, hit.sentence, 'bigger-commitment', clause).length === 0) continue;

    const big = largest(clauseAmounts.length > 0 ? clauseAmounts : prior?.amounts ?? []);
    const small = smallest(fbAmounts);
    if (big && small && big.currency === small.currency) {
      if (small.value >= big.value) continue;
      rules.push('smaller-amount');
    }
    const requested = [...fbAsk, ...fbAlt].some((h) => isRequestAt(doc, fallback.sentence, h.first));
    // A lighter step (share, follow, a free trial) that the fallback asks for.
    if (fbAmounts.length === 0 && fbAlt.length > 0 && requested) rules.push('smaller-non-money');
    if (!worded && !rules.includes('smaller-amount') && !rules.includes('smaller-non-money')) continue;
    if (requested) rules.push('fallback-ask');
    if (fbSoft.length > 0) rules.push('softener');
    // Something must say the fallback is smaller: an amount, a lighter non-money ask, or a word ("just", "one-time").
    const saysSmaller = hitsIn(doc, fallback.sentence, 'smaller-word', f).length > 0;
    if (!saysSmaller && !rules.includes('smaller-amount') && !rules.includes('smaller-non-money')) continue;
    if (doc.amountsIn(fallback.sentence).length >= MENU_SIZE) rules.push('amount-menu');
    const end = doc.tokens.at(f.to - 1)!.end;
    out.push({
      start: hit.start,
      end: Math.max(end, hit.end),
      rules,
      reason: retreatReason(doc, big, small, hit, fbAlt[0]),
    });
  }
  return out;
}

/** The cue opens its sentence or its line (after a transcript's speaker label). */
function startsSentence(doc: DocContext, h: CueHit): boolean {
  const words = doc.words(h.sentence);
  const skip = speakerOf(doc, h.sentence) !== null ? 1 : 0;
  return words[skip]?.start === h.start || startsLine(doc, h.sentence, h.start);
}

function retreatReason(doc: DocContext, big: MoneyAmount | null, small: MoneyAmount | null, hit: CueHit, alt?: CueHit): string {
  const cueText = doc.text.slice(hit.start, hit.end);
  if (big && small) return `Asks for ${big.text}, then retreats ("${cueText}") to ${small.text} so the smaller ask feels like a concession.`;
  if (alt) return `Steps back ("${cueText}") from a bigger ask to a smaller one ("${doc.text.slice(alt.start, alt.end)}") so it feels like a concession.`;
  return `Steps back ("${cueText}") from a bigger ask to a smaller one so it feels like a concession.`;
}

/** "Can you give $50? … At least $5 would help.": a separate sentence that opens with a step back and names a smaller amount. */
export function softenerSteps(doc: DocContext): Candidate[] {
  const footer = footerStart(doc);
  const out: Candidate[] = [];
  for (const hit of doc.cue(cue('step-back'))) {
    if (hit.sentence >= footer || !startsSentence(doc, hit) || doc.inSentence(hit.sentence, cue('retreat')).length > 0) continue;
    if (isButtonLine(doc, hit.sentence) && doc.words(hit.sentence).length < 3) continue;
    const amounts = doc.amountsIn(hit.sentence);
    const small = smallest(amounts);
    if (!small || amounts.length >= MENU_SIZE) continue;
    const prior = priorAsk(doc, hit.sentence - 1, Infinity, 1);
    const big = largest(prior?.amounts ?? []);
    if (!prior || !big || big.currency !== small.currency || small.value >= big.value) continue;
    out.push({
      start: hit.start,
      end: doc.sentences[hit.sentence].end,
      rules: ['softener-step', 'bigger-ask-before', 'smaller-amount'],
      reason: `Asks for ${big.text}, then steps back ("${doc.text.slice(hit.start, hit.end)}") to ${small.text}.`,
    });
  }
  return out;
}

/** In a transcript: the persuader asks for a large amount, hears no, then asks for less. */
export function dialogueRetreats(doc: DocContext): Candidate[] {
  const out: Candidate[] = [];
  for (let s = 0; s < doc.sentences.length; s++) {
    const speaker = speakerOf(doc, s);
    if (speaker === null) continue;
    const small = smallest(doc.amountsIn(s));
    if (!small) continue;
    const refusal = refusalBefore(doc, s, speaker);
    if (refusal < 0) continue;
    const prior = priorAsk(doc, refusal - 1, Infinity, DIALOGUE_WINDOW);
    const big = largest(prior?.amounts ?? []);
    if (!prior || speakerOf(doc, prior.sentence) !== speaker || !big || big.currency !== small.currency || small.value >= big.value) continue;
    const soft = doc.inSentence(s, cue('softener'));
    const at = soft[0]?.first ?? tokenAt(doc, small.start) ?? doc.sentences[s].firstToken;
    if (soft.length === 0 && !isRequestAt(doc, s, at)) continue;
    const rules = ['dialogue-refusal', 'bigger-ask-before', 'smaller-amount'];
    if (soft.length > 0) rules.push('softener');
    const words = doc.words(s);
    out.push({
      start: words[1]?.start ?? doc.sentences[s].start,
      end: doc.sentences[s].end,
      rules,
      reason: `Asks for ${big.text}, hears no, then asks for ${small.text} so the smaller ask feels like a concession.`,
    });
  }
  return out;
}

/** Index of another speaker's refusal in the turns just before `s`, or -1. */
function refusalBefore(doc: DocContext, s: number, speaker: string): number {
  for (let k = s - 1; k >= 0 && k >= s - DIALOGUE_WINDOW; k--) {
    if (speakerOf(doc, k) === speaker) continue;
    if (doc.inSentence(k, cue('refusal')).length > 0) return k;
  }
  return -1;
}

/** door-in-the-face — a big ask, then a retreat to a smaller one (TACTICS.md). */
export const doorInTheFace: Tactic = {
  meta: {
    id: 'door-in-the-face',
    name: 'Door in the face',
    summary: 'A big ask, then a retreat to a smaller one that feels like a concession to be repaid.',
    severity: 'warning',
    advice: {
      wait: 'the "smaller" ask is the one that was planned all along; it is not a favour you must return. Decide later.',
      evaluate: 'judge the second ask on its own, not against the first. Is the smaller amount worth it to you?',
    },
  },
  lexicon: stripLexicon(lexicon),
  weights: weightsOf(lexicon),
  detect(doc) {
    return [...wordedRetreats(doc), ...softenerSteps(doc), ...dialogueRetreats(doc)];
  },
};
