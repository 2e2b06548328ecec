import { describe, expect, it } from 'vitest';
import { ASCII_CLASS, classifyByRegex, latinOrPunctuationClass, recycleTokens, scan } from '../src/text/tokenize.js';

const words = (text: string) => scan(text).tokens.slice().filter((t) => t.kind === 'word').map((t) => t.raw);
const sentences = (text: string) => scan(text).sentences.map((s) => text.slice(s.start, s.end));

describe('scan: tokens', () => {
  it('keeps offsets that slice back to the raw token', () => {
    const text = 'Don’t miss our FREE gift — café & crème!';
    for (const t of scan(text).tokens.slice()) expect(text.slice(t.start, t.end)).toBe(t.raw);
    expect(words(text)).toEqual(['Don’t', 'miss', 'our', 'FREE', 'gift', 'café', 'crème']);
  });

  it('folds case and typographic apostrophes into norm, and stems into key', () => {
    const [dont, , , free, gifts] = scan('Don’t miss our FREE gifts').tokens.slice();
    expect(dont.norm).toBe("don't");
    expect(dont.key).toBe('dont');
    expect(free.norm).toBe('free');
    expect(free.shouting).toBe(true);
    expect(gifts.key).toBe('gift');
  });

  it('marks words joined by a hyphen', () => {
    const t = scan('sugar-free and free - gift').tokens.slice();
    expect(t.find((x) => x.start === 6)?.hyphenated).toBe(true);
    expect(t.filter((x) => x.norm === 'free')[1].hyphenated).toBe(false);
  });

  it('separates numbers and currency signs', () => {
    const kinds = scan('Give $25.50 today').tokens.slice().map((t) => `${t.kind}:${t.raw}`);
    expect(kinds).toEqual(['word:Give', 'currency:$', 'number:25.50', 'word:today']);
  });

  it('makes each Han and Hiragana character a word, a Katakana run one word, and splits them from Latin letters', () => {
    expect(words('免費CD下載')).toEqual(['免', '費', 'CD', '下', '載']);
    expect(words('無料のオンラインセミナー')).toEqual(['無', '料', 'の', 'オンラインセミナー']);
    expect(words('한국어 free')).toEqual(['한국어', 'free']); // Hangul is written with spaces: whole words
  });

  it('reads surrogate pairs whole and a lone surrogate as punctuation, at the end of the text too', () => {
    // 𐐷 (U+10437, Deseret) is a letter outside the BMP; U+D800 alone is not a character.
    expect(words('go𐐷 now𐐷')).toEqual(['go𐐷', 'now𐐷']);
    const lone = scan('gift\ud800').tokens.slice().map((t) => `${t.kind}:${t.raw}`);
    expect(lone).toEqual(['word:gift', 'punct:\ud800']);
    // A window cut between the two halves of a pair: the high half alone is one punctuation token.
    const cut = 'free 𐐷'.slice(0, 6);
    expect(scan(cut).tokens.slice().map((t) => `${t.kind}:${t.raw}`)).toEqual(['word:free', 'punct:\ud801']);
  });
});

describe('scan: sentences', () => {
  it('ends a sentence at the ideographic full stop', () => {
    expect(sentences('請留下姓名。我們會寄給您。')).toEqual(['請留下姓名。', '我們會寄給您。']);
  });

  it('splits on terminal punctuation followed by a new sentence', () => {
    expect(sentences('We sent a gift. Will you donate? Thanks!')).toEqual(['We sent a gift.', 'Will you donate?', 'Thanks!']);
  });

  it('does not split after abbreviations, initials or decimals', () => {
    expect(sentences('Mr. Smith gave $2.50 to the U.S. office. Then he left.')).toEqual([
      'Mr. Smith gave $2.50 to the U.S. office.',
      'Then he left.',
    ]);
  });

  it('keeps closing quotes and runs of punctuation with their sentence', () => {
    expect(sentences('He said "free!!!" Then left.')).toEqual(['He said "free!!!"', 'Then left.']);
  });

  it('splits at blank lines and counts paragraphs', () => {
    const s = scan('Dear Friend\n\nWe sent a gift\n\nPlease give');
    expect(s.sentences.map((x) => x.paragraph)).toEqual([0, 1, 2]);
  });

  it('treats list items and unpunctuated heading lines as their own sentences', () => {
    expect(sentences('Your free guide\nDownload it now\n- a checklist\n- a template')).toEqual([
      'Your free guide',
      'Download it now',
      '- a checklist',
      '- a template',
    ]);
  });

  it('keeps a hard-wrapped line of prose in its sentence even when the next line starts with a capital', () => {
    const wrapped = 'Later versions of this handbook will be published by the Free\nSoftware Foundation in both print and online.';
    expect(sentences(wrapped)).toHaveLength(1);
  });

  it('joins a sentence wrapped onto the next line in lower case', () => {
    expect(sentences('We have enclosed a small\ngift for you.')).toEqual(['We have enclosed a small\ngift for you.']);
  });

  it('assigns every token to the sentence that contains it', () => {
    const { tokens, sentences: ss } = scan('One two. Three four.');
    for (const t of tokens) {
      const s = ss[t.sentence];
      expect(t.start >= s.start && t.end <= s.end).toBe(true);
    }
  });
});

describe('scan: transcript turns', () => {
  const labels = (text: string) => scan(text).turns.map((at) => text.slice(at, text.indexOf(':', at)));

  it('records a label at the start of the text, after LF, CR and CRLF, and after indentation', () => {
    const text = 'Persuader: hi\nPersuadee: no\r  Persuader: $5?\r\n\tPersuadee: ok\u2028Bot 2: yes';
    expect(labels(text)).toEqual(['Persuader', 'Persuadee', 'Persuader', 'Persuadee', 'Bot 2']);
  });

  it('ignores a colon mid-line, a lower-case or over-long name, and a colon not followed by a space', () => {
    const text = 'We said, Persuader: hi\npersuader: no\nA name far longer than twenty-four: no\nTime:12\n\u00a0Persuader: nbsp is not indentation';
    expect(labels(text)).toEqual([]);
  });
});

describe('recycleTokens', () => {
  it('lets the next scan write into the recycled columns, with the same result as a fresh scan', () => {
    const first = scan('A first text, long enough to need some room. '.repeat(20)).tokens;
    const buffer = first.columns();
    recycleTokens(first);
    const text = 'Get your FREE gift-card today. Then donate $5 to help.';
    const reused = scan(text).tokens;
    expect(reused.columns()).toBe(buffer);
    const fresh = scan(text).tokens;
    expect(fresh.columns()).not.toBe(buffer);
    expect(reused.slice()).toEqual(fresh.slice());
  });
});

describe('scan: character classes', () => {
  it('classifies ASCII by its own table exactly as the Unicode patterns do', () => {
    for (let c = 0; c < 128; c++) expect([c, ASCII_CLASS[c]]).toEqual([c, classifyByRegex(c)]);
  });

  it('classifies Latin-1 and General Punctuation by hand exactly as the Unicode patterns do', () => {
    for (let cp = 0x80; cp <= 0x206f; cp++) {
      if (cp > 0xff && cp < 0x2000) expect(latinOrPunctuationClass(cp)).toBeUndefined();
      else expect([cp.toString(16), latinOrPunctuationClass(cp)]).toEqual([cp.toString(16), classifyByRegex(cp)]);
    }
  });
});
