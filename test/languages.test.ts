/** Phrases in other languages extend the English cues without bending English matching. */
import { describe, expect, it } from 'vitest';
import { DocContext } from '../src/engine/context.js';
import { matcherFor } from '../src/engine/analyze.js';

const cuesIn = (text: string, cue: string) => new DocContext(text, matcherFor()).cue(cue).map((h) => text.slice(h.start, h.end));

describe('language lexicons', () => {
  it('match their own words', () => {
    expect(cuesIn('Téléchargez notre formation gratuite.', 'lead-magnet.content')).toEqual(['formation']);
    expect(cuesIn('Laden Sie den kostenlosen Ratgeber herunter.', 'freebie.free-word')).toEqual(['kostenlosen']);
    expect(cuesIn('무료로 드립니다', 'freebie.free-word')).toEqual(['무료로']); // the particle 로 is stripped on both sides
  });

  it('are matched exactly, so the English stemmer cannot fold an English word onto them', () => {
    // Porter stems French "formation" and English "format" alike; the French entry must not catch the English word.
    expect(cuesIn('It reads a message in RFC822 format.', 'lead-magnet.content')).toEqual([]);
    expect(cuesIn('Free formats for every reader.', 'lead-magnet.content')).toEqual([]);
  });
});
