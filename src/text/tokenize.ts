/**
 * An offset-keeping scanner: words, numbers, currency symbols and punctuation
 * with their UTF-16 offsets, grouped into sentences and paragraphs. natural's
 * tokenizers drop offsets (and split "don't"), so we scan ourselves and use
 * natural only to stem (see stem.ts).
 */
import { stemKey } from './stem.js';

export type TokenKind = 'word' | 'number' | 'currency' | 'punct';

export interface Token {
  start: number;
  end: number;
  raw: string;
  /** Lower-cased, typographic apostrophes folded to ASCII. */
  norm: string;
  /** Stem of `norm` without apostrophes: what phrases are matched on. */
  key: string;
  kind: TokenKind;
  sentence: number;
  /** All letters upper case (and at least two of them). */
  shouting: boolean;
  /** Joined to the previous word by a hyphen ("sugar-free"). */
  hyphenated: boolean;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  /** Token indices [firstToken, endToken). */
  firstToken: number;
  endToken: number;
  paragraph: number;
}

export interface Scan {
  tokens: Token[];
  sentences: Sentence[];
}

// Character classes of the scanner. ASCII is classified by table; other
// characters by the Unicode regexes below, once per code point (cached).
const SKIP = 0; // whitespace, and numbers other than ASCII digits ("²"): between tokens
const LETTER = 1; // \p{L} or \p{M}: starts and continues a word
const DIGIT = 2; // ASCII digit: starts a number, continues a word
const OTHER_NUMBER = 3; // \p{N} that is not an ASCII digit: continues a word only
const SIGN = 4; // $ € £ ¥
const PUNCT = 5; // anything else, one token per character
const IDEOGRAPH = 6; // Han, Hiragana: one word per character (no spaces between words to split on)

const LETTER_RE = /^[\p{L}\p{M}]$/u;
const IDEOGRAPH_RE = /^[\p{Script=Han}\p{Script=Hiragana}]$/u;
const NUMBER_RE = /^\p{N}$/u;
const SPACE_RE = /^\s$/u;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_CLASS[c] = classifyByRegex(c);
const wideClass = new Map<number, number>();

function classifyByRegex(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (cp >= 0x30 && cp <= 0x39) return DIGIT;
  if (ch === '$' || ch === '€' || ch === '£' || ch === '¥') return SIGN;
  if (IDEOGRAPH_RE.test(ch)) return IDEOGRAPH;
  if (LETTER_RE.test(ch)) return LETTER;
  if (NUMBER_RE.test(ch)) return OTHER_NUMBER;
  if (SPACE_RE.test(ch)) return SKIP;
  return PUNCT;
}

function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp];
  let c = wideClass.get(cp);
  if (c === undefined) {
    c = classifyByRegex(cp);
    // Lone surrogates are punctuation, as the 'u' regex scanner saw them.
    if (cp >= 0xd800 && cp <= 0xdfff) c = PUNCT;
    wideClass.set(cp, c);
  }
  return c;
}

/** Code point at `i` (a lone surrogate counts as itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0xd800 ? c : (text.codePointAt(i) as number);
}

const cpLength = (cp: number) => (cp > 0xffff ? 2 : 1);

const APOSTROPHE = 0x27;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
const NEWLINE = 0x0a;

/** End of the word starting at `i`: letters, marks and numbers, then ['’]-joined runs of letters and marks. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const cp = codePointAt(text, i);
    const c = classOf(cp);
    if (c !== LETTER && c !== DIGIT && c !== OTHER_NUMBER) break;
    i += cpLength(cp);
  }
  for (;;) {
    const q = text.charCodeAt(i);
    if ((q !== APOSTROPHE && q !== TYPOGRAPHIC_APOSTROPHE) || i + 1 >= n) return i;
    let j = i + 1;
    while (j < n) {
      const cp = codePointAt(text, j);
      if (classOf(cp) !== LETTER) break;
      j += cpLength(cp);
    }
    if (j === i + 1) return i;
    i = j;
  }
}

/** End of the number starting at `i`: digits, then [.,]-joined runs of digits. */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  for (;;) {
    const sep = text.charCodeAt(i);
    if ((sep !== 0x2e && sep !== 0x2c) || !isDigit(text.charCodeAt(i + 1))) return i;
    i += 2;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

// Exactly two capitals before the tail: \p{Lu}{2,} there overlapped the tail and backtracked quadratically on a long word.
const GLUED_RE = /^(\p{Ll}{2,})(?=\p{Lu}{2}[\p{Lu}\p{N}]*$)/u;

/** Cheap test that rules out GLUED_RE for most words (it needs a lower-case start and an upper-case or digit end). */
function mayBeGlued(raw: string): boolean {
  const first = raw.charCodeAt(0);
  if (first < 128 && !(first >= 0x61 && first <= 0x7a)) return false;
  const last = raw.charCodeAt(raw.length - 1);
  return last >= 128 || (last >= 0x41 && last <= 0x5a) || isDigit(last);
}

/** Lower case with ’ folded to ', computed once per distinct raw word. */
const normCache = new Map<string, string>();
const NORM_CACHE_LIMIT = 100_000;

function normOf(raw: string): string {
  let norm = normCache.get(raw);
  if (norm === undefined) {
    norm = raw.toLowerCase();
    if (norm.includes('’')) norm = norm.replace(/’/g, "'");
    if (normCache.size >= NORM_CACHE_LIMIT) normCache.clear();
    normCache.set(raw, norm);
  }
  return norm;
}

/** All letters upper case (and at least two of them); by char codes for ASCII words. */
function isShouting(raw: string, norm: string): boolean {
  if (raw.length < 2) return false;
  let upper = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 128) return raw === raw.toUpperCase() && raw !== norm;
    if (c >= 0x61 && c <= 0x7a) return false;
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper;
}

/**
 * Longer "words" are not stemmed: no phrase word is that long, and the Porter
 * stemmer's regexes backtrack quadratically on a long run of consonants.
 */
const MAX_STEMMED_LENGTH = 64;

const TERMINATORS = new Set(['.', '!', '?', '…', '。']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'no', 'e.g', 'i.e', 'u.s', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);
/** A transcript turn ("Persuader: …") starts a new sentence even when the line before has no full stop. */
const SPEAKER_RE = /^[A-Z][A-Za-z0-9 ._'-]{0,23}:[ \t]/;
const BULLET_RE = /^[ \t]*(?:[-*•·▪►✓✔]|\d{1,2}[.)])[ \t]/;

/**
 * A hand-written scanner (char codes, tables for ASCII): the one Unicode
 * regex it replaced allocated a match array per token and was most of the
 * analysis time. Tokens: a word is a letter or mark, then letters, marks
 * and numbers, then ['’]-joined runs of letters and marks ("don't"); each
 * Han or Hiragana character is a word of its own (Chinese and Japanese put
 * no spaces between words; lexicons spell such phrases as character runs,
 * see phrases.ts), while a Katakana run ("セミナー", a loanword) is one word;
 * a number is ASCII digits with [.,]-joined digit runs; $ € £ ¥ are currency;
 * any other non-space character is one punctuation token.
 */
export function scan(text: string): Scan {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceStart = -1;
  let sentenceFirstToken = 0;
  let paragraph = 0;
  let pendingBreak = false;

  const closeSentence = (endToken: number) => {
    if (sentenceStart < 0 || endToken <= sentenceFirstToken) return;
    sentences.push({
      index: sentences.length,
      start: sentenceStart,
      end: tokens[endToken - 1].end,
      firstToken: sentenceFirstToken,
      endToken,
      paragraph,
    });
    sentenceStart = -1;
    sentenceFirstToken = endToken;
  };

  const n = text.length;
  let pos = 0;
  while (pos < n) {
    // Skip to the next token, noting whether the gap holds a line break.
    const gapStart = pos;
    let newline = false;
    let cp = 0;
    let cls = SKIP;
    while (pos < n) {
      cp = codePointAt(text, pos);
      cls = classOf(cp);
      if (cls !== SKIP && cls !== OTHER_NUMBER) break;
      if (cp === NEWLINE) newline = true;
      pos += cpLength(cp);
    }
    if (pos >= n) break;
    const start = pos;
    let end: number;
    let kind: TokenKind;
    if (cls === LETTER) {
      end = wordEnd(text, start);
      kind = 'word';
    } else if (cls === IDEOGRAPH) {
      end = start + cpLength(cp);
      kind = 'word';
    } else if (cls === DIGIT) {
      end = numberEnd(text, start);
      kind = 'number';
    } else {
      end = start + cpLength(cp);
      kind = cls === SIGN ? 'currency' : 'punct';
    }
    let raw = text.slice(start, end);
    // Words glued by a lost space in decoded HTML ("ourFREE"): a lower-case run then a capitals run is two words.
    if (kind === 'word' && mayBeGlued(raw)) {
      const glued = GLUED_RE.exec(raw);
      if (glued) {
        raw = glued[1];
        end = start + raw.length;
      }
    }
    if (newline && tokens.length > 0) {
      const gap = text.slice(gapStart, start);
      const blankLine = /\n[ \t]*\r?\n/.test(gap.replace(/\r\n?/g, '\n'));
      const newLineStartsBlock =
        BULLET_RE.test(text.slice(start - lineOffset(text, start), start + 3)) || SPEAKER_RE.test(text.slice(start, start + 32));
      if (blankLine || newLineStartsBlock || pendingBreak || lineEndsClause(text, tokens[tokens.length - 1], cp)) {
        closeSentence(tokens.length);
        if (blankLine) paragraph++;
      }
    }
    pendingBreak = false;
    const prev = tokens[tokens.length - 1];
    if (sentenceStart < 0) sentenceStart = start;
    let norm: string;
    let key: string;
    let shouting = false;
    let hyphenated = false;
    if (kind === 'word') {
      norm = normOf(raw);
      key = norm.length <= MAX_STEMMED_LENGTH ? stemKey(norm) : norm;
      shouting = isShouting(raw, norm);
      hyphenated =
        prev !== undefined && prev.raw === '-' && prev.end === start &&
        tokens.length >= 2 && tokens[tokens.length - 2].end === prev.start && tokens[tokens.length - 2].kind === 'word';
    } else {
      norm = cp < 128 ? raw : raw.toLowerCase().replace(/’/g, "'");
      key = norm;
    }
    tokens.push({ start, end, raw, norm, key, kind, sentence: sentences.length, shouting, hyphenated });
    pos = end;
    if (kind === 'punct' && TERMINATORS.has(raw) && endsSentence(text, tokens)) {
      // Keep runs like "!!!" or '."' inside the sentence they close.
      pos = absorbTrailingPunctuation(text, tokens, sentences.length);
      closeSentence(tokens.length);
    }
  }
  closeSentence(tokens.length);
  return { tokens, sentences };
}

function lineOffset(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at - 1);
  return at - (nl + 1);
}

/**
 * Lines at least this long that end in a word are hard-wrapped prose (mail
 * wraps at 72–76 columns), not headings or button labels, which are short.
 */
const WRAPPED_LINE = 56;

/**
 * A line break closes a sentence when the line before it reads as a unit of
 * its own: a heading, a button label, a list line, or a line ending in ":".
 */
function lineEndsClause(text: string, last: Token, nextCodePoint: number): boolean {
  if (last.raw === ':' || last.raw === ';') return true;
  if (last.kind === 'word' || last.kind === 'number') {
    // "…donate today\nYour gift" — a short unpunctuated line followed by a capital;
    // but "…published by the Free\nSoftware Foundation" is one sentence wrapped.
    if (lineOffset(text, last.end) >= WRAPPED_LINE) return false;
    return /^[\p{Lu}\d$€£]/u.test(String.fromCodePoint(nextCodePoint));
  }
  return false;
}

function endsSentence(text: string, tokens: Token[]): boolean {
  const t = tokens[tokens.length - 1];
  if (t.raw !== '.') return true;
  const prev = tokens[tokens.length - 2];
  if (prev && prev.end === t.start) {
    if (prev.kind === 'number' && /^\d/.test(text.charAt(t.end))) return false;
    const word = prev.norm;
    if (ABBREVIATIONS.has(word)) return false;
    // Initials and dotted abbreviations: "U.S.", "J. Smith".
    if (word.length === 1 && prev.kind === 'word') {
      const before = tokens[tokens.length - 3];
      if (before && before.raw === '.' && before.end === prev.start) return false;
      if (/^\p{L}/u.test(text.charAt(t.end))) return false;
      if (/^\p{Lu}$/u.test(prev.raw) && /^\s\p{Lu}/u.test(text.slice(t.end, t.end + 2))) return false;
    }
  }
  // "...gift. and" — a lower-case continuation is not a new sentence.
  const after = /\S/u.exec(text.slice(t.end, t.end + 40));
  if (after && /\p{Ll}/u.test(after[0])) return false;
  return true;
}

/** Absorbs the punctuation run after a sentence's terminator; returns where scanning resumes. */
function absorbTrailingPunctuation(text: string, tokens: Token[], sentence: number): number {
  let pos = tokens[tokens.length - 1].end;
  while (pos < text.length && /[.!?…"'”’)\]]/.test(text[pos])) {
    const raw = text[pos];
    tokens.push({
      start: pos,
      end: pos + 1,
      raw,
      norm: raw,
      key: raw,
      kind: 'punct',
      sentence,
      shouting: false,
      hyphenated: false,
    });
    pos++;
  }
  return pos;
}
