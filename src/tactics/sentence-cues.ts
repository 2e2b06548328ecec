import type { DocContext, Releasable } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import { partitionPoint } from '../text/search.js';

/**
 * Per-sentence, per-cue hit lists sorted by token, with windowed look-ups by
 * binary search, and per-sentence memos: the gift rules ask many small
 * questions about one sentence, and must stay linear even in a text that is
 * one endless sentence.
 */
export class SentenceCues implements Releasable {
  /** Per sentence (dense indices), its hits by cue; built on first use. */
  private readonly lists: Array<ReadonlyMap<string, CueHit[]> | undefined> = [];
  /** Per memo name, its values by sentence. */
  private readonly memos = new Map<string, Map<number, unknown>>();

  constructor(private readonly doc: DocContext) {}

  /** Hits of `cue` in a sentence, sorted by first token. */
  of(sentence: number, cue: string): readonly CueHit[] {
    const byCue = this.lists[sentence] ?? this.group(sentence);
    return byCue.get(cue) ?? NO_HITS;
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
    return lo === end ? NO_HITS : list.slice(lo, end);
  }

  /** A hit of `cue` in a sentence that does not overlap [start, end) (sorted hits: the ends decide). */
  anyOutside(sentence: number, cue: string, start: number, end: number): boolean {
    return someOutside(this.of(sentence, cue), start, end);
  }

  /** Empties the per-sentence lists and memos (see DocContext.release). */
  release(): void {
    this.lists.length = 0;
    this.memos.clear();
  }

  /** A value computed once per sentence. */
  memo<T>(name: string, sentence: number, compute: () => T): T {
    let values = this.memos.get(name);
    if (!values) this.memos.set(name, (values = new Map()));
    if (!values.has(sentence)) values.set(sentence, compute());
    return values.get(sentence) as T;
  }

  private group(sentence: number): ReadonlyMap<string, CueHit[]> {
    const hits = this.doc.inSentence(sentence);
    // Most sentences have no hit: they share one empty map instead of a fresh one each.
    if (hits.length === 0) return (this.lists[sentence] = NO_CUES);
    const byCue = new Map<string, CueHit[]>();
    this.lists[sentence] = byCue;
    for (const h of hits) {
      const list = byCue.get(h.cue);
      if (list) list.push(h);
      else byCue.set(h.cue, [h]);
    }
    // No sort needed for the binary searches: the matcher reports hits in order of their first token.
    return byCue;
  }
}

const NO_HITS: readonly CueHit[] = [];
const NO_CUES: ReadonlyMap<string, CueHit[]> = new Map();

/**
 * Some item of a list sorted by position lies outside [start, end). Items
 * overlapping a short span are few and come together, so `some` stops within
 * a few steps.
 */
export function someOutside(list: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return list.some((h) => h.end <= start || h.start >= end);
}

const SENTENCE_CUES = Symbol('sentence cues');

export function cuesOf(doc: DocContext): SentenceCues {
  return doc.memo(SENTENCE_CUES, () => new SentenceCues(doc));
}
