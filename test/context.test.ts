/** DocContext's context tests: negation, reported speech, talk about persuasion, glued words. */
import { describe, expect, it } from 'vitest';
import { DocContext } from '../src/engine/context.js';
import { matcherFor } from '../src/engine/analyze.js';

function doc(text: string): DocContext {
  return new DocContext(text, matcherFor());
}

/** Token index of the n-th word spelled `word` (case-insensitive). */
function wordAt(d: DocContext, word: string, nth = 0): number {
  const hits = d.tokens.slice().map((t, i) => [t, i] as const).filter(([t]) => t.norm === word.toLowerCase());
  if (!hits[nth]) throw new Error(`no "${word}" #${nth}`);
  return hits[nth][1];
}

describe('DocContext.negated', () => {
  it('sees a negator up to three words before', () => {
    const d = doc('This offer is not free. Good news is not always so very free.');
    expect(d.negated(wordAt(d, 'free'))).toBe(true);
    expect(d.negated(wordAt(d, 'free', 1))).toBe(false); // four words back
  });

  it("counts n't contractions and stops at the sentence and at a comma", () => {
    const d = doc("Journalism isn't free. Not really. Free for you. Not now, free for all.");
    expect(d.negated(wordAt(d, 'free'))).toBe(true);
    expect(d.negated(wordAt(d, 'free', 1))).toBe(false); // "Not really." is another sentence
    expect(d.negated(wordAt(d, 'free', 2))).toBe(false); // a comma ends the negator's reach
  });

  it('reads its negators from the lexicons, other languages and multi-word negators included', () => {
    const german = doc('Der Versand ist nicht kostenlos. Der Versand ist kostenlos.');
    expect(german.negated(wordAt(german, 'kostenlos'))).toBe(true);
    expect(german.negated(wordAt(german, 'kostenlos', 1))).toBe(false);
    const chinese = doc('諮詢並非免費。諮詢免費。');
    expect(chinese.negated(wordAt(chinese, '免'))).toBe(true); // 並非 is two words, ending right before 免
    expect(chinese.negated(wordAt(chinese, '免', 1))).toBe(false);
  });

  it('stops at the ideographic comma as at a comma (normalisation leaves "，" as it is)', () => {
    const d = doc('諮詢並非，免費。');
    expect(d.tokens.slice().some((t) => t.raw === '\uff0c')).toBe(true);
    expect(d.negated(wordAt(d, '免'))).toBe(false);
    expect(doc('諮詢並非免費。').negated(wordAt(doc('諮詢並非免費。'), '免'))).toBe(true);
  });
});

describe('DocContext.quoted', () => {
  it('treats a quotation of four or more words as reported speech, one shouted word as emphasis', () => {
    const text = 'She said "claim your free gift today" and laughed. Get it "FREE" now.';
    const d = doc(text);
    const gift = text.indexOf('free gift');
    expect(d.quoted(gift, gift + 9)).toBe(true);
    const shouted = text.indexOf('FREE');
    expect(d.quoted(shouted, shouted + 4)).toBe(false);
  });

  it('treats consecutive "> " lines as one quoted block', () => {
    const text = 'Look at this ad:\n\n> Download our free guide\n> and enter your email.\n\nSilly.';
    const d = doc(text);
    const start = text.indexOf('free guide');
    const end = text.indexOf('email') + 5;
    expect(d.quoted(start, end)).toBe(true);
    expect(d.quoted(text.indexOf('Silly'), text.indexOf('Silly') + 5)).toBe(false);
  });
});

describe('DocContext.aboutPersuasion', () => {
  it('is true for a text that discusses persuasion in several words and sentences', () => {
    expect(doc('Marketers love free gifts. Researchers call this reciprocity.').aboutPersuasion).toBe(true);
  });

  it('is false when one word repeats, as in an ad with "marketing" in its links', () => {
    expect(doc('Visit marketing.example.com today. Our marketing team will call you.').aboutPersuasion).toBe(false);
  });

  it('is false when the persuasion words sit in one sentence only', () => {
    expect(doc('Our study of persuasion tactics is out. Order it today.').aboutPersuasion).toBe(false);
  });
});

describe('glued words', () => {
  it('splits a lower-case run glued to a capitals run, so "ourFREE" reads as two words', () => {
    const d = doc('Sign up for ourFREE starter kit.');
    expect(d.tokens.slice().map((t) => t.raw)).toContain('FREE');
    expect(d.tokens.slice().map((t) => t.raw)).toContain('our');
  });

  it('leaves ordinary mixed case alone', () => {
    const d = doc('Get the iPhone app from eBay.');
    expect(d.tokens.slice().map((t) => t.raw)).toEqual(['Get', 'the', 'iPhone', 'app', 'from', 'eBay', '.']);
  });
});

describe('DocContext.memo and release', () => {
  it('computes a memo once per key and document', () => {
    const d = doc('Get your free gift today.');
    const key = Symbol('test');
    let made = 0;
    const first = d.memo(key, () => ({ made: ++made }));
    expect(d.memo(key, () => ({ made: ++made }))).toBe(first);
    expect(doc('Another text.').memo(key, () => ({ made: ++made }))).not.toBe(first);
    expect(made).toBe(2);
  });

  it('lets go of its hits, sentence lists and memos on release', () => {
    const d = doc('Get your free gift today. Then donate $5.');
    const key = Symbol('test');
    expect(d.cue('freebie.free-word').length).toBeGreaterThan(0);
    expect(d.inSentence(0).length).toBeGreaterThan(0);
    const before = d.memo(key, () => ({}));
    d.release();
    expect(d.hits).toEqual([]);
    expect(d.cue('freebie.free-word')).toEqual([]);
    expect(d.inSentence(0)).toEqual([]);
    expect(d.memo(key, () => ({}))).not.toBe(before);
  });

  it('asks a memo that can release to do so', () => {
    const d = doc('Get your free gift today.');
    let released = 0;
    d.memo(Symbol('index'), () => ({ release: () => released++ }));
    d.memo(Symbol('verdict'), () => true);
    d.release();
    expect(released).toBe(1);
  });
});
