import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { normalize } from '../src/text/normalize.js';
import type { Finding } from '../src/types.js';

/** The input characters a normalised span [start, end) stands for. */
function sourceOf(input: string, start: number, end: number): string {
  const n = normalize(input);
  return input.slice(n.map.toSource(start, 'start'), n.map.toSource(end, 'end'));
}

describe('normalize: disguises undone', () => {
  const cases: Array<[string, string, string]> = [
    ['Greek capitals in a Latin word', 'Claim your FR\u0395\u0395 gift', 'Claim your FREE gift'],
    ['Cyrillic small letters in a Latin word', 'a fr\u0435\u0435 gift', 'a free gift'],
    ['Cyrillic first letter', '\u0421laim it', 'Claim it'],
    ['leetspeak', 'fr33 g1ft and a b0nus, ca$h', 'free gift and a bonus, cash'],
    ['leetspeak in capitals keeps the case', 'FR33 GIFT', 'FREE GIFT'],
    ['letter-spacing with spaces', 'a F R E E gift', 'a FREE gift'],
    ['letter-spacing with dots', 'a F.R.E.E gift', 'a FREE gift'],
    ['letter-spacing with dot and space', 'a F. R. E. E. gift', 'a FREE. gift'],
    ['zero-width space', 'f\u200Bree gift', 'free gift'],
    ['zero-width joiner, non-joiner, word joiner, BOM', 'f\u200Dr\u200Ce\u2060e\uFEFF gift', 'free gift'],
    ['soft hyphen', 'gi\u00ADft', 'gift'],
    ['full-width letters', '\uFF46\uFF52\uFF45\uFF45 gift', 'free gift'],
    ['ligatures', '\uFB01ne o\uFB00er', 'fine offer'],
    ['mathematical bold letters', '\u{1D41F}\u{1D42B}\u{1D41E}\u{1D41E} gift', 'free gift'],
    ['circled letters', '\u24BB\u24E1\u24D4\u24D4 gift', 'Free gift'],
    ['no-break space', 'free\u00A0gift', 'free gift'],
    ['marks stacked on letters', 'f\u0332r\u0332e\u0332e\u0332 gift', 'free gift'],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => expect(normalize(input).text).toBe(expected));
  }
});

describe('normalize: ordinary text left alone', () => {
  const untouched = [
    'Plain prose with a price of $5, open 24/7 since 2024.',
    'Prices: US$5, US$ 5, C$10, $1,000.00 and 3.5% off the 4th and 1st items.',
    'Version v1.5 of H2O, COVID-19, x86 and 10am to 5pm.',
    'Greek: \u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1. Russian: \u041F\u0440\u0438\u0432\u0435\u0442 \u043C\u0438\u0440.',
    'Caf\u00E9, na\u00EFve, \u00FCber, \u2019quotes\u2019 and \u201Cmore\u201D \u2014 dashes\u2026',
    'Free\u2122 and 10\u00B2 and \u00BD price',
    'I saw a cat. It was e.g. a tabby, i.e. orange.',
    'Email me at info@example.org or call 555-0100.',
  ];
  for (const input of untouched) {
    it(JSON.stringify(input), () => {
      const n = normalize(input);
      expect(n.text).toBe(input);
      expect(n.map.toSource(input.length, 'end')).toBe(input.length);
    });
  }

  it('leaves the ideographic comma of Chinese text as it is, and the whole line with it', () => {
    const line = '可索取免費光碟，不是免税，請回覆。\n';
    expect(normalize(line).text).toBe(line);
    // Beside a disguise on the same line it is folded with the rest of the line (the tokens read both as a comma).
    expect(normalize('ｆｒｅｅ光碟，不是').text).toBe('free光碟,不是');
  });

  it('still folds the ideographic comma between two digits, so the number reads whole', () => {
    expect(normalize('只需 1，000 元').text).toBe('只需 1,000 元');
    expect(normalize('只需 １，０００ 元').text).toBe('只需 1,000 元');
  });

  it('returns the very same string for plain ASCII prose', () => {
    const prose = 'We hope you enjoy the newsletter. Reply any time.\n'.repeat(1000);
    expect(normalize(prose).text).toBe(prose);
  });
});

describe('normalize: offsets map to the original characters', () => {
  it('maps a look-alike word one to one', () => {
    const input = 'Claim your FR\u0395\u0395 gift';
    expect(sourceOf(input, 11, 15)).toBe('FR\u0395\u0395');
  });

  it('maps a joined letter-spaced word to the spaced letters', () => {
    const input = 'a F R E E gift';
    const n = normalize(input);
    const at = n.text.indexOf('FREE');
    expect(sourceOf(input, at, at + 4)).toBe('F R E E');
    expect(sourceOf(input, at + 5, at + 9)).toBe('gift');
  });

  it('maps a word split by a zero-width space to the whole split word', () => {
    const input = 'Get f\u200Bree gift';
    expect(sourceOf(input, 4, 8)).toBe('f\u200Bree');
  });

  it('maps full-width and astral letters to their source code units', () => {
    const wide = 'x \uFF46\uFF52\uFF45\uFF45 y';
    expect(sourceOf(wide, 2, 6)).toBe('\uFF46\uFF52\uFF45\uFF45');
    const bold = 'x \u{1D41F}\u{1D42B}\u{1D41E}\u{1D41E} y';
    expect(normalize(bold).text).toBe('x free y');
    expect(sourceOf(bold, 2, 6)).toBe('\u{1D41F}\u{1D42B}\u{1D41E}\u{1D41E}');
    expect(sourceOf(bold, 3, 4)).toBe('\u{1D42B}');
  });

  it('maps an expanded ligature to the ligature', () => {
    const input = 'an o\uFB00er';
    expect(normalize(input).text).toBe('an offer');
    expect(sourceOf(input, 3, 8)).toBe('o\uFB00er');
  });

  it('keeps text after a change on its own characters', () => {
    const input = 'F R E E!\nline two has fr33 stuff\nand plain text';
    const n = normalize(input);
    const at = n.text.indexOf('plain');
    expect(sourceOf(input, at, at + 5)).toBe('plain');
    expect(n.text.split('\n')).toEqual(['FREE!', 'line two has free stuff', 'and plain text']);
  });

  it('works in windows on a very long line and keeps every offset in bounds', () => {
    const input = ('word '.repeat(30_000) + 'fr33 ').repeat(3);
    const n = normalize(input);
    expect(n.text).toBe(('word '.repeat(30_000) + 'free ').repeat(3));
    const at = n.text.lastIndexOf('free');
    expect(sourceOf(input, at, at + 4)).toBe('fr33');
  });
});

// ---------------------------------------------------------------- end to end

const ASK = ' Please donate today.';

async function freebies(text: string): Promise<Finding[]> {
  const [report] = await analyze(text, { format: 'text' });
  return report.findings.filter((f) => f.tactic === 'freebie');
}

describe('disguised tactics are still found, at the disguised characters', () => {
  const plainText = 'Claim your free gift!' + ASK;
  const disguises: Array<[string, string, string]> = [
    ['Greek Epsilons', 'Claim your FR\u0395\u0395 gift!' + ASK, 'Claim your FR\u0395\u0395 gift'],
    ['Cyrillic e', 'Claim your fr\u0435\u0435 gift!' + ASK, 'Claim your fr\u0435\u0435 gift'],
    ['leetspeak', 'Claim your fr33 g1ft!' + ASK, 'Claim your fr33 g1ft'],
    ['letter-spacing', 'Claim your F R E E gift!' + ASK, 'Claim your F R E E gift'],
    ['zero-width space', 'Claim your f\u200Bree gift!' + ASK, 'Claim your f\u200Bree gift'],
    ['full-width letters', 'Claim your \uFF46\uFF52\uFF45\uFF45 gift!' + ASK, 'Claim your \uFF46\uFF52\uFF45\uFF45 gift'],
  ];

  it('the plain text gives a freebie finding (the baseline)', async () => {
    const [f] = await freebies(plainText);
    expect(f).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 21, text: 'Claim your free gift' });
  });

  for (const [name, input, words] of disguises) {
    it(name, async () => {
      const plain = await freebies(plainText);
      const found = await freebies(input);
      expect(found).toHaveLength(plain.length);
      expect(found[0].rules).toEqual(plain[0].rules);
      expect(found[0].confidence).toBe(plain[0].confidence);
      expect(found[0].text).toBe(words);
      expect(found[0]).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 1 + words.length });
      expect(input.slice(found[0].column - 1, found[0].endColumn - 1)).toBe(words);
    });
  }

  it('places a disguised finding on a later line at its exact columns', async () => {
    const input = 'Dear friend,\n\nWe saved a\u00A0spot for you. Claim your FR\u0395\u0395 gift!' + ASK;
    const [f] = await freebies(input);
    const line = input.split('\n')[2];
    expect(f.line).toBe(3);
    expect(line.slice(f.column - 1, f.endColumn - 1)).toBe('Claim your FR\u0395\u0395 gift');
  });

  it('does not invent a tactic from a Greek word that merely contains look-alikes', async () => {
    const greek = '\u0395\u039D\u0391 \u03B4\u03CE\u03C1\u03BF \u03B3\u03B9\u03B1 \u03C3\u03AD\u03BD\u03B1.' + ASK;
    expect(normalize(greek).text).toBe(greek);
  });
});
