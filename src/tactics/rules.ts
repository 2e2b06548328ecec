/**
 * Small helpers that tactic modules share: reading cue hits with the usual
 * context checks, so each tactic file states only its own logic.
 */
import type { DocContext } from '../engine/context.js';
import type { CueHit } from '../text/phrases.js';
import type { Candidate } from '../types.js';

/** Hits of `cue` that no negator governs and no `excluded` cue hit overlaps. */
export function liveHits(doc: DocContext, cue: string, excluded: readonly string[] = []): CueHit[] {
  const blockers = excluded.flatMap((c) => doc.cue(c));
  return doc.cue(cue).filter(
    (h) => !doc.negated(h.first) && !blockers.some((b) => b.start < h.end && h.start < b.end),
  );
}

/** True when any hit of `cue` lies in a sentence other than `sentence` or in it. */
export function anywhere(doc: DocContext, cue: string): boolean {
  return doc.cue(cue).length > 0;
}

/** A candidate covering the words of some hits. */
export function candidate(hits: readonly CueHit[], rules: string[], reason: string): Candidate {
  return {
    start: Math.min(...hits.map((h) => h.start)),
    end: Math.max(...hits.map((h) => h.end)),
    rules,
    reason,
  };
}

/** Hits of `cue` in the same sentence as `hit`. */
export function sameSentence(doc: DocContext, hit: CueHit, cue: string): CueHit[] {
  return doc.inSentence(hit.sentence, cue);
}
