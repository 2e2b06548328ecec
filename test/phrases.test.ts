import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../src/text/phrases.js';
import { scan } from '../src/text/tokenize.js';

function hits(lexicon: Record<string, string[]>, text: string) {
  const m = new PhraseMatcher({ t: lexicon });
  return m.match(scan(text).tokens).map((h) => `${h.cue}:${text.slice(h.start, h.end)}`);
}

describe('PhraseMatcher', () => {
  it('matches on stems, case-insensitively, skipping punctuation between words', () => {
    expect(hits({ gift: ['free gift'] }, 'Two FREE, gifts inside')).toEqual(['t.gift:FREE, gifts']);
  });

  it('reports the longest phrase of a cue at a start word', () => {
    expect(hits({ gift: ['free', 'free gift card'] }, 'a free gift card')).toEqual(['t.gift:free gift card']);
  });

  it('reports every cue that matches, even when they overlap', () => {
    expect(hits({ a: ['free gift'], b: ['gift'] }, 'free gift').sort()).toEqual(['t.a:free gift', 't.b:gift']);
  });

  it('reports hits in order of their first token, whatever the cue order (rules binary-search them)', () => {
    const m = new PhraseMatcher({ t: { z: ['gift'], a: ['free gift', 'card'], m: ['your free'] } });
    const found = m.match(scan('Your free gift card and a free card for your gift.').tokens);
    expect(found.length).toBeGreaterThan(4);
    expect(found.map((h) => h.first)).toEqual([...found.map((h) => h.first)].sort((a, b) => a - b));
  });

  it('groups the same hits by cue, each group in text order', () => {
    const m = new PhraseMatcher({ t: { z: ['gift'], a: ['free gift', 'card'], m: ['your free'] } });
    const { hits, byCue } = m.matchByCue(scan('Your free gift card and a free card for your gift.').tokens);
    expect([...byCue.keys()].sort()).toEqual(['t.a', 't.m', 't.z']);
    for (const [cue, group] of byCue) expect(group).toEqual(hits.filter((h) => h.cue === cue));
  });

  it('treats hyphens in phrases as spaces', () => {
    expect(hits({ no: ['toll-free'] }, 'our toll free line and toll-free number')).toEqual(['t.no:toll free', 't.no:toll-free']);
  });

  it('matches * against any one word', () => {
    expect(hits({ g: ['free * sample'] }, 'a free skincare sample')).toEqual(['t.g:free skincare sample']);
  });

  it('matches =word exactly, without stemming', () => {
    expect(hits({ g: ['=giving'] }, 'giving gives given')).toEqual(['t.g:giving']);
  });

  it('folds apostrophes: phrase "there\'s more" matches “there’s more” and "theres more"', () => {
    expect(hits({ m: ["there's more"] }, 'But wait, there’s more! theres more')).toEqual(['t.m:there’s more', 't.m:theres more']);
  });

  it('spells Chinese and Japanese phrases as runs of characters, one word each', () => {
    expect(hits({ free: ['免費'] }, '可索取免費光碟，不是免税')).toEqual(['t.free:免費']);
    expect(hits({ free: ['無料 ガイド'] }, '無料ガイドを')).toEqual(['t.free:無料ガイド']);
  });

  it('never matches across a sentence boundary', () => {
    expect(hits({ g: ['free gift'] }, 'It is free. Gift cards are sold here.')).toEqual([]);
  });
});
