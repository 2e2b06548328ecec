/**
 * Everything a tactic may ask about one document, computed once: tokens,
 * sentences, phrase hits of every lexicon, money amounts, and the small
 * context tests (negation, quotation, talk *about* persuasion).
 */
import { findAmounts, type MoneyAmount } from '../text/amounts.js';
import type { CueHit, PhraseMatcher } from '../text/phrases.js';
import { isComma, recycleTokens, scan, type Sentence, type Token, type TokenList } from '../text/tokenize.js';
import { indentedLineStart, isBlank } from '../text/lines.js';
import { lastStartingAtOrBefore, partitionPoint } from '../text/search.js';

/** A memo that holds onto hits or other per-window objects lets go of them when its document is released. */
export interface Releasable {
  release(): void;
}

/** The one empty answer: frozen, so a rule that tried to add to it would fail loudly. */
const NONE: readonly never[] = Object.freeze([]);

/** How many words before a cue a negator still negates it (VADER uses 3). */
export const NEGATION_WINDOW = 3;

export class DocContext {
  readonly tokens: TokenList;
  readonly sentences: Sentence[];
  /** Offsets of transcript turn labels ("Persuader: …"), from the scan. */
  readonly turns: readonly number[];
  readonly amounts: MoneyAmount[];
  readonly hits: CueHit[];
  private readonly byCue: Map<string, CueHit[]>;
  /** Hits of sentence s are hits[sentenceHits[s]] up to hits[sentenceHits[s + 1]]: the matcher reports them in token order. */
  private readonly sentenceHits: Int32Array;
  /** Those hits as arrays, made when a rule first asks about the sentence. */
  private readonly bySentence: Array<readonly CueHit[] | undefined> = [];
  private quoteRanges: Array<[number, number]> | null = null;
  private negatorEnds: Set<number> | null = null;
  private aboutPersuasionCache: boolean | null = null;
  private readonly memos = new Map<symbol, unknown>();

  constructor(
    readonly text: string,
    matcher: PhraseMatcher,
  ) {
    const { tokens, sentences, turns } = scan(text);
    this.tokens = tokens;
    this.sentences = sentences;
    this.turns = turns;
    ({ hits: this.hits, byCue: this.byCue } = matcher.matchByCue(tokens));
    this.sentenceHits = firstHitOfEachSentence(this.hits, sentences.length);
    this.amounts = findAmounts(text, tokens);
  }

  /**
   * A value about this document that a rule module computes once (an index,
   * a verdict), kept here so release() lets go of it with the rest (calling
   * its own release() first, when it is Releasable).
   */
  memo<T>(key: symbol, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /**
   * Drops what the document holds once its findings are out. A window's
   * objects mostly die young, but one that outlived a minor GC (as the
   * context itself often does) keeps everything it points at alive through
   * the next ones: dropping its indexes and memos turns them back into
   * garbage the minor GC can free without copying. (Emptying every list in
   * them too freed a little more and cost more than it saved.) The token
   * columns go to the next window's scan: the tokens must not be read after
   * this.
   */
  release(): void {
    this.byCue.clear();
    this.bySentence.length = 0;
    (this.hits as CueHit[]).length = 0;
    this.sentences.length = 0;
    for (const value of this.memos.values()) (value as Partial<Releasable> | null)?.release?.();
    this.memos.clear();
    recycleTokens(this.tokens);
  }

  /** All hits of a cue, in text order. */
  cue(cue: string): readonly CueHit[] {
    return this.byCue.get(cue) ?? [];
  }

  has(cue: string): boolean {
    return this.byCue.has(cue);
  }

  /** Hits of a cue (or, with no cue, of every cue) in one sentence. */
  inSentence(sentence: number, cue?: string): readonly CueHit[] {
    const all = this.bySentence[sentence] ?? this.sentenceList(sentence);
    // Rules ask this of every sentence in loops: most answers are empty, and share one empty array.
    if (all.length === 0) return NONE;
    if (cue === undefined) return all;
    let first = 0;
    while (first < all.length && all[first].cue !== cue) first++;
    return first === all.length ? NONE : all.filter((h) => h.cue === cue);
  }

  private sentenceList(sentence: number): readonly CueHit[] {
    if (!(sentence >= 0 && sentence < this.sentences.length)) return NONE;
    const from = this.sentenceHits[sentence];
    const to = this.sentenceHits[sentence + 1];
    const list = from === to ? NONE : this.hits.slice(from, to);
    this.bySentence[sentence] = list;
    return list;
  }

  /** Hits of a cue in sentences [from, to]. */
  inSentences(from: number, to: number, cue: string): CueHit[] {
    const out: CueHit[] = [];
    for (let s = Math.max(0, from); s <= to && s < this.sentences.length; s++) out.push(...this.inSentence(s, cue));
    return out;
  }

  sentenceText(index: number): string {
    const s = this.sentences[index];
    return s ? this.text.slice(s.start, s.end) : '';
  }

  /** Amounts whose start lies in a sentence. */
  amountsIn(sentence: number): readonly MoneyAmount[] {
    const s = this.sentences[sentence];
    if (!s || this.amounts.length === 0) return NONE;
    // Binary search: rules call this per sentence, a filter over all amounts would be quadratic.
    const from = partitionPoint(this.amounts.length, (k) => this.amounts[k].start < s.start);
    let to = from;
    while (to < this.amounts.length && this.amounts[to].start < s.end) to++;
    return from === to ? NONE : this.amounts.slice(from, to);
  }

  /** The sentence a text offset falls in (the nearest one before it, between sentences). */
  sentenceAt(offset: number): number {
    const ss = this.sentences;
    return lastStartingAtOrBefore(ss.length, (i) => ss[i].start, offset);
  }

  /** True when a negator stands within NEGATION_WINDOW words before token `first`, in its sentence. */
  negated(first: number, window = NEGATION_WINDOW): boolean {
    const tokens = this.tokens;
    if (!(first >= 0 && first < tokens.length)) return false;
    const sentence = tokens.sentence(first);
    let seen = 0;
    for (let i = first - 1; i >= 0 && seen < window; i--) {
      if (tokens.sentence(i) !== sentence) break;
      if (!tokens.isWord(i)) {
        const raw = tokens.raw(i);
        if (isComma(raw) || raw === ';' || raw === ':') break;
        continue;
      }
      seen++;
      if (this.endsNegator(i) || tokens.norm(i).endsWith("n't")) return true;
    }
    return false;
  }

  /** Token `i` is the last word of a `shared.negator` phrase ("not", "nicht", "並非"). */
  private endsNegator(i: number): boolean {
    this.negatorEnds ??= new Set(this.cue('shared.negator').map((h) => h.last));
    return this.negatorEnds.has(i);
  }

  /** Words of a sentence (tokens of kind word), for rules that walk them. */
  words(sentence: number): Token[] {
    const s = this.sentences[sentence];
    if (!s) return [];
    const out: Token[] = [];
    for (let i = s.firstToken; i < s.endToken; i++) if (this.tokens.isWord(i)) out.push(this.tokens.at(i)!);
    return out;
  }

  /**
   * True when [start, end) is reported speech rather than the sender talking
   * to the reader: inside quotation marks, or on a mail-quoted "> " line.
   */
  quoted(start: number, end: number): boolean {
    this.quoteRanges ??= mergeRanges(findQuoteRanges(this.text));
    const ranges = this.quoteRanges;
    // The last merged range starting at or before `start` is the only one that can contain it.
    const found = partitionPoint(ranges.length, (i) => ranges[i][0] <= start) - 1;
    return found >= 0 && end <= ranges[found][1];
  }

  /** The document talks about persuasion (an article, a study, a warning). */
  get aboutPersuasion(): boolean {
    this.aboutPersuasionCache ??= talksAboutPersuasion(this);
    return this.aboutPersuasionCache;
  }
}

/**
 * Two sentences with a persuasion word, and two different such words: one
 * word repeated ("marketing", "scam" in a disclaimer) is how ads talk, a mix
 * ("tactic", "reciprocity", "marketers") is how articles about them talk.
 */
function talksAboutPersuasion(doc: DocContext): boolean {
  const hits = doc.cue('shared.about-persuasion');
  const sentences = new Set(hits.map((h) => h.sentence));
  const words = new Set(hits.map((h) => doc.tokens.key(h.first)));
  return sentences.size >= 2 && words.size >= 2;
}

/** Sorted, non-overlapping union of ranges. */
function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Where each sentence's hits start among hits in token order (and one more entry: the end). */
function firstHitOfEachSentence(hits: readonly CueHit[], sentences: number): Int32Array {
  const starts = new Int32Array(sentences + 1);
  let s = 0;
  for (let i = 0; i < hits.length; i++) {
    const sentence = hits[i].sentence;
    while (s <= sentence) starts[s++] = i;
  }
  while (s <= sentences) starts[s++] = hits.length;
  return starts;
}

/** Spans inside “…” or "…" (within one paragraph, up to 400 chars) and "> " quoted lines. */
function findQuoteRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const quote = /“[^“”\n]{1,400}”|"[^"\n]{1,400}"/g; // an opening “ ends the span: each “ scans no further than the next
  for (let m = quote.exec(text); m; m = quote.exec(text)) {
    // Short quoted words ("FREE") are emphasis, not reported speech.
    if (m[0].split(/\s+/).length >= 4) ranges.push([m.index, m.index + m[0].length]);
  }
  for (const block of quotedBlocks(text)) ranges.push(block);
  return ranges;
}

/**
 * Consecutive "> " lines (mail quoting): each block as [start, end), end after
 * its last line break. What /^(?:[ \t]*>[^\n]*(?:\n|$))+/gm matches, found
 * from each ">" instead of trying the regex at every character.
 */
export function quotedBlocks(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (let gt = text.indexOf('>'); gt >= 0; ) {
    const start = quotedLineStart(text, gt);
    if (start < 0) {
      gt = text.indexOf('>', gt + 1);
      continue;
    }
    let end = start;
    for (let line = start; line < text.length && quotedLineStart(text, firstNonBlank(text, line)) === line; ) {
      const nl = text.indexOf('\n', line);
      end = nl < 0 ? text.length : nl + 1;
      line = end;
    }
    ranges.push([start, end]);
    gt = text.indexOf('>', end);
  }
  return ranges;
}

/** Where the line of the ">" at `gt` starts, if only spaces and tabs come before the ">" on it; else -1. */
function quotedLineStart(text: string, gt: number): number {
  return text.charCodeAt(gt) === 0x3e ? indentedLineStart(text, gt) : -1;
}

function firstNonBlank(text: string, from: number): number {
  let i = from;
  while (i < text.length && isBlank(text.charCodeAt(i))) i++;
  return i;
}
