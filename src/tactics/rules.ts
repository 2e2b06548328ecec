/**
 * Small helpers that tactic modules share: reading cue hits with the usual
 * context checks, so each tactic file states only its own logic.
 */
import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import sharedLexicon from '../lexicons/shared.json' with { type: 'json' };

/** Hits of `cue` that no negator governs and no `excluded` cue hit overlaps. */
export function liveHits(doc: DocContext, cue: string, excluded: readonly string[] = []): CueHit[] {
  const clear = clearOf(excluded.flatMap((c) => doc.cue(c)));
  return doc.cue(cue).filter((h) => !doc.negated(h.first) && clear(h));
}

/** A test for a hit that no hit of `blockers` overlaps ("give back" outside "give back to your community"). */
export function clearOf(blockers: readonly CueHit[]): (h: CueHit) => boolean {
  return (h) => !blockers.some((b) => b.start < h.end && h.start < b.end);
}

// ---------------------------------------------------------------- ask sequences
// Helpers for the tactics that read a sequence of asks (foot-in-the-door,
// door-in-the-face, obligation): who speaks in a transcript, whether a
// sentence asks the reader for something, and what is template furniture.

/** Words that may stand before an imperative verb at the head of a sentence ("Now, please chip in"). */
const IMPERATIVE_LEAD = new Set([
  'now', 'then', 'so', 'and', 'today', 'also', 'first', 'next', 'please', 'right', 'just', 'simply', 'click', 'tap',
  'here', 'to', 'help', 'us', 'by', 'but', 'or', 'even', 'quickly', 'finally', 'once', 'step', 'one', 'two', 'why', 'not',
  // "No problem, click here…", "Regardless, follow us…": a turn word before the imperative.
  'no', 'problem', 'worries', 'ok', 'okay', 'regardless', 'otherwise', 'alternatively', 'instead', 'meanwhile',
]);
/** Words before an ask that make the sentence a request ("will you chip in", "we need you to give"). */
const REQUEST_WORDS = new Set([
  'please', 'will', 'can', 'could', 'would', "won't", 'asking', 'ask', 'need', 'urge', 'consider', 'invite', 'hope', 'let',
  'counting', 'hoping',
]);

/**
 * True when the sentence asks the reader for the thing at token `at`: a
 * question or a request word before it, or an imperative at the head of the
 * sentence (after a speaker label in a transcript).
 */
export function isRequestAt(doc: DocContext, sentence: number, at: number): boolean {
  const s = doc.sentences[sentence];
  if (!s) return false;
  let head = true;
  for (let i = s.firstToken; i < at && i < s.endToken; i++) {
    const t = doc.tokens.at(i)!;
    if (t.kind !== 'word') continue;
    if (REQUEST_WORDS.has(t.norm)) return true;
    if (!IMPERATIVE_LEAD.has(t.norm) && !(i === s.firstToken && speakerOf(doc, sentence) !== null)) head = false;
  }
  if (head) return true;
  return isQuestionToYou(doc, sentence, at);
}

/** A question mark after token `at` in the sentence, and "you" in it. */
function isQuestionToYou(doc: DocContext, sentence: number, at: number): boolean {
  const s = doc.sentences[sentence];
  let you = false;
  for (let i = s.firstToken; i < s.endToken; i++) {
    const t = doc.tokens.at(i)!;
    if (t.norm === 'you') you = true;
    if (t.raw === '?' && i > at) return you;
  }
  return false;
}

/** True when only punctuation stands between the start of the line (or sentence) and `offset` ("-> Regardless, …"). */
export function startsLine(doc: DocContext, sentence: number, offset: number): boolean {
  const s = doc.sentences[sentence];
  const nl = doc.text.lastIndexOf('\n', offset - 1);
  const from = Math.max(nl + 1, s.start);
  return !/[\p{L}\p{N}]/u.test(doc.text.slice(from, offset));
}

/**
 * Template furniture, not a worded ask: a button or heading line ("DONATE
 * NOW", "Chip in »"): shouted, or at most four words without a full stop or
 * question mark ("Sign the petition now." is worded).
 */
export function isButtonLine(doc: DocContext, sentence: number): boolean {
  const words = doc.words(sentence);
  if (words.filter((w) => w.shouting).length * 2 > words.length) return true;
  const label = speakerOf(doc, sentence) !== null ? 1 : 0;
  if (words.length - label > 4) return false;
  const s = doc.sentences[sentence];
  const tail = doc.text.slice(words[words.length - 1]?.end ?? s.end, s.end);
  return !/[.?]/.test(tail);
}

/** First sentence of the footer (unsubscribe, "paid for by", legal lines): in the last half, else none. */
export function footerStart(doc: DocContext): number {
  return doc.memo(FOOTER_START, () => {
    const half = Math.floor(doc.sentences.length / 2);
    const hit = doc.cue('shared.footer').find((h) => h.sentence >= half);
    return hit ? hit.sentence : doc.sentences.length;
  });
}

/** Speaker labels of a transcript ("Persuader: …"), or null per sentence when the text is not a dialogue. */
export function speakerOf(doc: DocContext, sentence: number): string | null {
  const speakers = doc.memo(SPEAKERS, () => findSpeakers(doc));
  return speakers ? speakers[sentence] : null;
}

/** True when the text is a transcript of two or more speakers. */
export function isDialogue(doc: DocContext): boolean {
  return doc.memo(SPEAKERS, () => findSpeakers(doc)) !== null;
}

const SPEAKERS = Symbol('speakers');
const FOOTER_START = Symbol('footer start');

/** "From: …", "Subject: …", "Betreff: …" label the header block of a forwarded or quoted message, not a turn. */
const MAIL_HEADER_FIELDS = new Set(sharedLexicon['$mail-header-fields']);

/**
 * A transcript: labelled lines ("Persuader: …") of at least two speakers who
 * each take two turns or more. A turn runs to the next label or the end of
 * its paragraph. A forwarded message's header block ("From:",
 * "Date:", "Subject:", "To:") labels each line once, and is no conversation.
 */
function findSpeakers(doc: DocContext): Array<string | null> | null {
  const labels: Array<[number, string]> = [];
  const turns = new Map<string, number>();
  // The scanner found the labelled lines ("Name: " at a line start) as it read them.
  for (const at of doc.turns) {
    const name = doc.text.slice(at, doc.text.indexOf(':', at)).trim();
    if (MAIL_HEADER_FIELDS.has(name.toLowerCase())) continue;
    labels.push([at, name]);
    turns.set(name, (turns.get(name) ?? 0) + 1);
  }
  const speakers = [...turns.values()].filter((n) => n >= 2).length;
  if (labels.length < 4 || speakers < 2) return null;
  const out: Array<string | null> = [];
  let next = 0;
  let current: string | null = null;
  let turnParagraph = -1;
  for (const s of doc.sentences) {
    while (next < labels.length && labels[next][0] <= s.start) {
      current = labels[next++][1];
      turnParagraph = s.paragraph;
    }
    // A turn ends with its paragraph: prose after the transcript is nobody's turn.
    if (s.paragraph !== turnParagraph) current = null;
    out.push(current);
  }
  return out;
}

/** "if" stands within the two words before a hit, in its sentence ("if you're not ready…", "if you've enjoyed…"). */
export function ifJustBefore(doc: DocContext, h: CueHit): boolean {
  let seen = 0;
  for (let i = h.first - 1; i >= 0 && seen < 2; i--) {
    const t = doc.tokens.at(i)!;
    if (t.sentence !== h.sentence) return false;
    if (t.kind !== 'word') continue;
    if (t.norm === 'if') return true;
    seen++;
  }
  return false;
}
