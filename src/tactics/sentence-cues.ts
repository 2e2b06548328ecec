import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import { partitionPoint } from '../text/search.js';

/**
 * Per-sentence, per-cue hit lists sorted by token, with windowed look-ups by
 * binary search, and per-sentence memos: the gift rules ask many small
 * questions about one sentence, and must stay linear even in a text that is
 * one endless sentence.
 */
export class SentenceCues {
  private readonly lists = new Map<string, CueHit[]>();
  private readonly grouped = new Set<number>();
  private readonly memos = new Map<string, unknown>();

  constructor(private readonly doc: DocContext) {}

  /** Hits of `cue` in a sentence, sorted by first token. */
  of(sentence: number, cue: string): readonly CueHit[] {
    if (!this.grouped.has(sentence)) this.group(sentence);
    return this.lists.get(`${sentence}|${cue}`) ?? NO_HITS;
  }

  has(sentence: number, cue: string): boolean {
    return this.of(sentence, cue).length > 0;
  }

  /** Any hit of `cue` in sentences [from, to]. */
  hasIn(from: number, to: number, cue: string): boolean {
    for (let s = Math.max(0, from); s <= to && s < this.doc.sentences.length; s++) if (this.has(s, cue)) return true;
    return false;
  }

  /** Hits of `cue` in a sentence whose first token lies in [fromToken, toToken]. */
  within(sentence: number, cue: string, fromToken: number, toToken: number): readonly CueHit[] {
    const list = this.of(sentence, cue);
    const lo = partitionPoint(list.length, (i) => list[i].first < fromToken);
    let end = lo;
    while (end < list.length && list[end].first <= toToken) end++;
    return list.slice(lo, end);
  }

  /** A hit of `cue` in a sentence that does not overlap [start, end) (sorted hits: the ends decide). */
  anyOutside(sentence: number, cue: string, start: number, end: number): boolean {
    return someOutside(this.of(sentence, cue), start, end);
  }

  /** A value computed once per sentence. */
  memo<T>(name: string, sentence: number, compute: () => T): T {
    const key = `${name}|${sentence}`;
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  private group(sentence: number): void {
    this.grouped.add(sentence);
    const touched: CueHit[][] = [];
    for (const h of this.doc.inSentence(sentence)) {
      const key = `${sentence}|${h.cue}`;
      const list = this.lists.get(key);
      if (list) list.push(h);
      else {
        const fresh = [h];
        this.lists.set(key, fresh);
        touched.push(fresh);
      }
    }
    // Hits arrive in text order already; keep it explicit for the binary searches.
    for (const list of touched) list.sort((a, b) => a.first - b.first);
  }
}

const NO_HITS: readonly CueHit[] = [];

/**
 * Some item of a list sorted by position lies outside [start, end). Items
 * overlapping a short span are few and come together, so `some` stops within
 * a few steps.
 */
export function someOutside(list: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return list.some((h) => h.end <= start || h.start >= end);
}

const sentenceCues = new WeakMap<DocContext, SentenceCues>();

export function cuesOf(doc: DocContext): SentenceCues {
  let c = sentenceCues.get(doc);
  if (!c) sentenceCues.set(doc, (c = new SentenceCues(doc)));
  return c;
}
