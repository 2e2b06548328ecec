/**
 * An offset-keeping scanner: words, numbers, currency symbols and punctuation
 * with their UTF-16 offsets, grouped into sentences and paragraphs. natural's
 * tokenizers drop offsets (and split "don't"), so we scan ourselves and use
 * natural only to stem (see stem.ts).
 *
 * Tokens are stored column-wise in typed arrays (TokenList), not as one
 * object each: a window of text holds hundreds of thousands of tokens, and
 * an object per token made the garbage collector a quarter of the run time.
 * What a token *says* (raw, norm, stem key) is a lexeme, computed once per
 * distinct spelling (lexemes.ts).
 */
import { currentLexemes, HASH_PRIME, HASH_SEED, WORD, NUMBER, CURRENCY, PUNCT, type Kind, type LexemeTable } from './lexemes.js';
import { indentedLineStart, isBlank } from './lines.js';
import { charCodes } from './char-codes.js';
import { lazyRegExp } from './lazy-regexp.js';
import { TokenList } from './token-list.js';

export type { TokenKind } from './lexemes.js';
export { TokenList, type Token } from './token-list.js';

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
  tokens: TokenList;
  sentences: Sentence[];
  /** Offsets of transcript turn labels ("Persuader: …" at a line start), in text order. */
  turns: number[];
}

// Character classes of the scanner. ASCII is classified by table; other
// characters by the Unicode regexes below, once per code point (cached).
const SKIP = 0; // whitespace, and numbers other than ASCII digits ("²"): between tokens
const LETTER = 1; // \p{L} or \p{M}: starts and continues a word
const DIGIT = 2; // ASCII digit: starts a number, continues a word
const OTHER_NUMBER = 3; // \p{N} that is not an ASCII digit: continues a word only
const SIGN = 4; // $ € £ ¥
const PUNCT_CLASS = 5; // anything else, one token per character
const IDEOGRAPH = 6; // Han, Hiragana: one word per character (no spaces between words to split on)

const letterRe = lazyRegExp(() => /^[\p{L}\p{M}]$/u);
const ideographRe = lazyRegExp(() => /^[\p{Script=Han}\p{Script=Hiragana}]$/u);
const numberRe = lazyRegExp(() => /^\p{N}$/u);
const spaceRe = lazyRegExp(() => /^\s$/u);
/** classifyByRegex for ASCII, without its Unicode patterns (made only when a text has a non-ASCII character); a test holds the two equal. */
export const ASCII_CLASS = new Uint8Array(128).map((_, c) =>
  c >= 0x30 && c <= 0x39 ? DIGIT : c === 0x24 ? SIGN : (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a ? LETTER : c === 0x20 || (c >= 0x09 && c <= 0x0d) ? SKIP : PUNCT_CLASS,
);
const wideClass = new Map<number, number>();

export function classifyByRegex(cp: number): number {
  const ch = String.fromCodePoint(cp);
  if (cp >= 0x30 && cp <= 0x39) return DIGIT;
  if (ch === '$' || ch === '€' || ch === '£' || ch === '¥') return SIGN;
  if (ideographRe().test(ch)) return IDEOGRAPH;
  if (letterRe().test(ch)) return LETTER;
  if (numberRe().test(ch)) return OTHER_NUMBER;
  if (spaceRe().test(ch)) return SKIP;
  return PUNCT_CLASS;
}

/**
 * classifyByRegex for Latin-1 (U+0080–U+00FF) and General Punctuation
 * (U+2000–U+206F), by hand: most mail has a curly quote, a dash or a
 * non-breaking space, and the Unicode patterns were compiled for it
 * (~1 ms of a short run). A test holds the table equal to the patterns.
 */
export function latinOrPunctuationClass(cp: number): number | undefined {
  if (cp >= 0x2000 && cp <= 0x206f) {
    return cp <= 0x200a || cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f ? SKIP : PUNCT_CLASS;
  }
  if (cp < 0x80 || cp > 0xff) return undefined;
  if (cp === 0xa0) return SKIP;
  if (cp === 0xa3 || cp === 0xa5) return SIGN;
  if (cp === 0xaa || cp === 0xb5 || cp === 0xba || (cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7)) return LETTER;
  if (cp === 0xb2 || cp === 0xb3 || cp === 0xb9 || (cp >= 0xbc && cp <= 0xbe)) return OTHER_NUMBER;
  return PUNCT_CLASS;
}

function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp];
  let c = wideClass.get(cp);
  if (c === undefined) {
    c = latinOrPunctuationClass(cp) ?? classifyByRegex(cp);
    // Lone surrogates are punctuation, as the 'u' regex scanner saw them.
    if (cp >= 0xd800 && cp <= 0xdfff) c = PUNCT_CLASS;
    wideClass.set(cp, c);
  }
  return c;
}

/** Code point at `i` (a lone surrogate counts as itself). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c < 0xd800 ? c : (text.codePointAt(i) as number);
}

/** codePointAt() read from the text's code units (char-codes.ts). */
function codePointIn(codes: Uint16Array, i: number): number {
  const c = codes[i];
  if (c < 0xd800 || c > 0xdbff) return c;
  const d = codes[i + 1];
  return d >= 0xdc00 && d <= 0xdfff ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}

const cpLength = (cp: number) => (cp > 0xffff ? 2 : 1);

const APOSTROPHE = 0x27;
const TYPOGRAPHIC_APOSTROPHE = 0x2019;
const NEWLINE = 0x0a;
const RETURN = 0x0d;
const SPACE = 0x20;

/** End of the word starting at `i`: letters, marks and numbers, then ['’]-joined runs of letters and marks. */
function wordEnd(codes: Uint16Array, i: number): number {
  const n = codes.length;
  while (i < n) {
    const c = codes[i];
    if (c < 128) {
      const cls = ASCII_CLASS[c];
      if (cls !== LETTER && cls !== DIGIT) break;
      i++;
      continue;
    }
    const cp = codePointIn(codes, i);
    const cls = classOf(cp);
    if (cls !== LETTER && cls !== DIGIT && cls !== OTHER_NUMBER) break;
    i += cpLength(cp);
  }
  for (;;) {
    const q = codes[i];
    if ((q !== APOSTROPHE && q !== TYPOGRAPHIC_APOSTROPHE) || i + 1 >= n) return i;
    let j = i + 1;
    while (j < n) {
      const cp = codePointIn(codes, j);
      if (classOf(cp) !== LETTER) break;
      j += cpLength(cp);
    }
    if (j === i + 1) return i;
    i = j;
  }
}

/** End of the number starting at `i`: digits, then [.,]-joined runs of digits. */
function numberEnd(codes: Uint16Array, i: number): number {
  const n = codes.length;
  while (i < n && isDigit(codes[i])) i++;
  for (;;) {
    const sep = codes[i];
    if ((sep !== 0x2e && sep !== 0x2c) || !isDigit(codes[i + 1])) return i;
    i += 2;
    while (i < n && isDigit(codes[i])) i++;
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;
const isLowerAscii = (c: number) => c >= 0x61 && c <= 0x7a;

// Exactly two capitals before the tail: \p{Lu}{2,} there overlapped the tail and backtracked quadratically on a long word.
const gluedRe = lazyRegExp(() => /^(\p{Ll}{2,})(?=\p{Lu}{2}[\p{Lu}\p{N}]*$)/u);

/** Cheap test that rules out gluedRe for most words (it needs a lower-case start and an upper-case or digit end). */
function mayBeGlued(text: string, start: number, end: number): boolean {
  const first = text.charCodeAt(start);
  if (first < 128 && !isLowerAscii(first)) return false;
  const last = text.charCodeAt(end - 1);
  return last >= 128 || isUpperAscii(last) || isDigit(last);
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'no', 'e.g', 'i.e', 'u.s', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);

/**
 * "," or the ideographic comma "，", which normalisation leaves as it is in
 * Chinese text (normalize.ts): rules that stop at a comma stop at either.
 */
export function isComma(raw: string): boolean {
  return raw === ',' || raw === '\uff0c';
}

/** . ! ? … 。 */
function isTerminator(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x3002;
}

/**
 * Growable columns of a scan in progress, all in one ArrayBuffer: a mailbox
 * scans thousands of short messages, and six buffers per message (twelve
 * with the first growth) were a tenth of the time on short texts.
 */
class Columns {
  length = 0;
  capacity: number;
  starts!: Int32Array;
  ends!: Int32Array;
  lexeme!: Int32Array;
  sentence!: Int32Array;
  kind!: Uint8Array;
  hyphen!: Uint8Array;

  constructor(
    readonly lexemes: LexemeTable,
    capacity: number,
  ) {
    this.capacity = Math.max(16, capacity);
    const spare = spareBuffer;
    if (spare !== null && spare.byteLength >= this.capacity * BYTES_PER_TOKEN) {
      spareBuffer = null;
      this.capacity = Math.floor(spare.byteLength / BYTES_PER_TOKEN);
      this.layOut(spare);
    } else {
      this.layOut(new ArrayBuffer(this.capacity * BYTES_PER_TOKEN));
    }
  }

  push(start: number, end: number, lexeme: number, kind: Kind, sentence: number, hyphen: number): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.starts[i] = start;
    this.ends[i] = end;
    this.lexeme[i] = lexeme;
    this.kind[i] = kind;
    this.sentence[i] = sentence;
    this.hyphen[i] = hyphen;
  }

  private layOut(buffer: ArrayBuffer): void {
    const n = this.capacity;
    this.starts = new Int32Array(buffer, 0, n);
    this.ends = new Int32Array(buffer, 4 * n, n);
    this.lexeme = new Int32Array(buffer, 8 * n, n);
    this.sentence = new Int32Array(buffer, 12 * n, n);
    this.kind = new Uint8Array(buffer, 16 * n, n);
    this.hyphen = new Uint8Array(buffer, 17 * n, n);
  }

  private grow(): void {
    const old = [this.starts, this.ends, this.lexeme, this.sentence, this.kind, this.hyphen] as const;
    this.capacity *= 2;
    this.layOut(new ArrayBuffer(this.capacity * BYTES_PER_TOKEN));
    const next = [this.starts, this.ends, this.lexeme, this.sentence, this.kind, this.hyphen] as const;
    for (let c = 0; c < old.length; c++) next[c].set(old[c]);
  }

  /** A TokenList over the tokens pushed (views: the arrays are not copied; their slack lives as long as the list). */
  done(): TokenList {
    const n = this.length;
    return new TokenList(this.lexemes, n, this.starts.subarray(0, n), this.ends.subarray(0, n), this.lexeme.subarray(0, n), this.sentence.subarray(0, n), this.kind.subarray(0, n), this.hyphen.subarray(0, n));
  }
}

/** Four Int32 columns and two Uint8 columns. */
const BYTES_PER_TOKEN = 4 * 4 + 2;

/**
 * The columns of a scan whose tokens are no longer needed (recycleTokens):
 * the next scan writes into them. A window's columns are a megabyte, and a
 * fresh one each window cost page faults and zero-filling: a tenth of a scan.
 */
let spareBuffer: ArrayBuffer | null = null;

/** Gives the columns of `tokens` to the next scan; `tokens` must not be read after this. */
export function recycleTokens(tokens: TokenList): void {
  spareBuffer = tokens.columns();
}

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
  // Characters are read from here (char-codes.ts); slices, look-ups and regexes use the string.
  const codes = charCodes(text);
  // Prose averages about one token per five characters.
  const cols = new Columns(currentLexemes(), text.length >> 2);
  const sentences: Sentence[] = [];
  const turns: number[] = [];
  let sentenceStart = -1;
  let sentenceFirstToken = 0;
  let paragraph = 0;

  const closeSentence = (endToken: number) => {
    if (sentenceStart < 0 || endToken <= sentenceFirstToken) return;
    sentences.push({
      index: sentences.length,
      start: sentenceStart,
      end: cols.ends[endToken - 1],
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
    let otherLineBreak = false; // CR, LS, PS: they start a line for turn labels, not for sentences
    let cp = 0;
    let cls = SKIP;
    while (pos < n) {
      const c = codes[pos];
      if (c < 128) {
        cp = c;
        cls = ASCII_CLASS[c];
        if (cls !== SKIP) break;
        if (c === NEWLINE) newline = true;
        else if (c === RETURN) otherLineBreak = true;
        pos++;
        continue;
      }
      cp = codePointIn(codes, pos);
      cls = classOf(cp);
      if (cls !== SKIP && cls !== OTHER_NUMBER) break;
      if (cp === 0x2028 || cp === 0x2029) otherLineBreak = true;
      pos += cpLength(cp);
    }
    if (pos >= n) break;
    const start = pos;
    let end: number;
    let kind: Kind;
    let hash = 0;
    let hashed = false;
    if (cls === LETTER) {
      // Most words are ASCII letters and digits: read and hash them in one pass.
      end = start;
      hash = HASH_SEED;
      for (;;) {
        const c = codes[end];
        if (!(c < 128)) break; // also undefined: the end of the text
        const ascii = ASCII_CLASS[c];
        if (ascii !== LETTER && ascii !== DIGIT) break;
        hash = Math.imul(hash ^ c, HASH_PRIME);
        end++;
      }
      const stop = codes[end];
      hashed = !(stop >= 128 || stop === APOSTROPHE);
      // The ASCII run is part of the word either way: wordEnd goes on from where it stopped.
      if (!hashed) end = wordEnd(codes, end);
      kind = WORD;
      // Words glued by a lost space in decoded HTML ("ourFREE"): a lower-case run then a capitals run is two words.
      if (mayBeGlued(text, start, end)) {
        const glued = gluedRe().exec(text.slice(start, end));
        if (glued) {
          end = start + glued[1].length;
          hashed = false;
        }
      }
    } else if (cls === IDEOGRAPH) {
      end = start + cpLength(cp);
      kind = WORD;
    } else if (cls === DIGIT) {
      end = numberEnd(codes, start);
      kind = NUMBER;
    } else {
      end = start + cpLength(cp);
      kind = cls === SIGN ? CURRENCY : PUNCT;
    }
    const count = cols.length;
    const speaker = (newline || otherLineBreak || gapStart === 0) && isSpeakerTurn(text, start);
    if (newline && count > 0) {
      const blankLine = gapHasBlankLine(codes, gapStart, start);
      // A list item or a transcript turn starts a block of its own.
      if (blankLine || speaker || isBullet(text, start) || lineEndsClause(text, cols, count - 1, cp)) {
        closeSentence(count);
        if (blankLine) paragraph++;
      }
    }
    if (sentenceStart < 0) sentenceStart = start;
    if (speaker && indentedLineStart(text, start) >= 0) turns.push(start);
    let hyphen = 0;
    if (
      kind === WORD && count >= 2 && cols.kind[count - 1] === PUNCT && cols.ends[count - 1] === start &&
      codes[start - 1] === 0x2d && cols.ends[count - 2] === cols.starts[count - 1] && cols.kind[count - 2] === WORD
    ) hyphen = 1;
    const lexeme = hashed ? cols.lexemes.findHashed(text, start, end, kind, hash) : cols.lexemes.find(text, start, end, kind);
    cols.push(start, end, lexeme, kind, sentences.length, hyphen);
    pos = end;
    if (kind === PUNCT && isTerminator(cp) && endsSentence(text, cols)) {
      // Keep runs like "!!!" or '."' inside the sentence they close.
      pos = absorbTrailingPunctuation(text, cols, sentences.length);
      closeSentence(cols.length);
    }
  }
  closeSentence(cols.length);
  return { tokens: cols.done(), sentences, turns };
}

/** The gap [from, to) holds an empty line: a line break, spaces or tabs, a line break (CR, LF or CRLF). */
function gapHasBlankLine(codes: Uint16Array, from: number, to: number): boolean {
  let afterBreak = false;
  for (let i = from; i < to; i++) {
    const c = codes[i];
    if (c === NEWLINE || c === RETURN) {
      if (afterBreak) return true;
      afterBreak = true;
      if (c === RETURN && codes[i + 1] === NEWLINE) i++;
    } else if (!isBlank(c)) {
      afterBreak = false;
    }
  }
  return false;
}

const BULLETS = new Set([0x2d, 0x2a, 0x2022, 0xb7, 0x25aa, 0x25ba, 0x2713, 0x2714]); // - * • · ▪ ► ✓ ✔

/**
 * The token at `start` (first on its line) is a list item's bullet ("- ",
 * "• ", "1. "): the item starts a new sentence even when the line before has
 * no full stop.
 */
function isBullet(text: string, start: number): boolean {
  for (let i = text.lastIndexOf('\n', start - 1) + 1; i < start; i++) if (!isBlank(text.charCodeAt(i))) return false;
  const c = text.charCodeAt(start);
  if (BULLETS.has(c)) return isBlank(text.charCodeAt(start + 1));
  // One digit: the line was looked at three characters past its first token, so "12. " never counted.
  const close = text.charCodeAt(start + 1);
  return isDigit(c) && (close === 0x2e || close === 0x29) && isBlank(text.charCodeAt(start + 2));
}

/** "Name: " — a capital, up to 23 name characters, a colon, a space or tab (a transcript turn's label). */
function isSpeakerTurn(text: string, start: number): boolean {
  if (!isUpperAscii(text.charCodeAt(start))) return false;
  let i = start + 1;
  for (; i <= start + 23; i++) {
    const c = text.charCodeAt(i);
    const nameChar = isUpperAscii(c) || isLowerAscii(c) || isDigit(c) || c === SPACE || c === 0x2e || c === 0x5f || c === APOSTROPHE || c === 0x2d;
    if (!nameChar) break;
  }
  return text.charCodeAt(i) === 0x3a && isBlank(text.charCodeAt(i + 1));
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

const upperRe = lazyRegExp(() => /^\p{Lu}$/u);
const letterStartRe = lazyRegExp(() => /^\p{L}/u);
const lowerRe = lazyRegExp(() => /^\p{Ll}$/u);

/**
 * A line break closes a sentence when the line before it reads as a unit of
 * its own: a heading, a button label, a list line, or a line ending in ":".
 */
function lineEndsClause(text: string, cols: Columns, last: number, nextCodePoint: number): boolean {
  const kind = cols.kind[last];
  if (kind === PUNCT) {
    const c = text.charCodeAt(cols.starts[last]);
    return c === 0x3a || c === 0x3b; // : ;
  }
  if (kind === WORD || kind === NUMBER) {
    // "…donate today\nYour gift" — a short unpunctuated line followed by a capital;
    // but "…published by the Free\nSoftware Foundation" is one sentence wrapped.
    if (lineOffset(text, cols.ends[last]) >= WRAPPED_LINE) return false;
    const c = nextCodePoint;
    if (c < 128) return isUpperAscii(c) || isDigit(c) || c === 0x24;
    return c === 0x20ac || c === 0xa3 || upperRe().test(String.fromCodePoint(c));
  }
  return false;
}

/** The terminator just pushed ends its sentence (not "Mr.", "U.S.", "2.50" or "gift. and"). */
function endsSentence(text: string, cols: Columns): boolean {
  const t = cols.length - 1;
  const tStart = cols.starts[t];
  const tEnd = cols.ends[t];
  if (text.charCodeAt(tStart) !== 0x2e) return true;
  const prev = t - 1;
  if (prev >= 0 && cols.ends[prev] === tStart) {
    if (cols.kind[prev] === NUMBER && isDigit(text.charCodeAt(tEnd))) return false;
    const word = cols.lexemes.norm[cols.lexeme[prev]];
    if (ABBREVIATIONS.has(word)) return false;
    // Initials and dotted abbreviations: "U.S.", "J. Smith".
    if (word.length === 1 && cols.kind[prev] === WORD) {
      const before = prev - 1;
      if (before >= 0 && text.charCodeAt(cols.starts[before]) === 0x2e && cols.kind[before] === PUNCT && cols.ends[before] === cols.starts[prev]) return false;
      if (letterStartRe().test(text.charAt(tEnd))) return false;
      const raw = cols.lexemes.raw[cols.lexeme[prev]];
      if (upperRe().test(raw) && isSpace(text.charCodeAt(tEnd)) && startsUpper(text, tEnd + 1, tEnd + 2)) return false;
    }
  }
  // "...gift. and" — a lower-case continuation is not a new sentence.
  return !nextVisibleIsLower(text, tEnd, Math.min(text.length, tEnd + 40));
}

/** The first non-space character in [from, limit) is a lower-case letter. */
function nextVisibleIsLower(text: string, from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c < 128) return isLowerAscii(c);
    // A surrogate pair cut by the limit is one lone surrogate, as in text.slice(from, limit).
    const cp = i + 1 < limit ? codePointAt(text, i) : c;
    return lowerRe().test(String.fromCodePoint(cp));
  }
  return false;
}

/** The character at [from, limit) starts with an upper-case letter (a surrogate pair needs both halves in range). */
function startsUpper(text: string, from: number, limit: number): boolean {
  if (from >= text.length) return false;
  const c = text.charCodeAt(from);
  if (c < 128) return isUpperAscii(c);
  const cp = from + 1 < limit ? codePointAt(text, from) : c;
  return upperRe().test(String.fromCodePoint(cp));
}

/** JavaScript's \s. */
function isSpace(c: number): boolean {
  if (c < 128) return c === SPACE || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** . ! ? … " ' ” ’ ) ] */
function isTrailingPunctuation(c: number): boolean {
  return (
    c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026 || c === 0x22 || c === APOSTROPHE ||
    c === 0x201d || c === TYPOGRAPHIC_APOSTROPHE || c === 0x29 || c === 0x5d
  );
}

/** Absorbs the punctuation run after a sentence's terminator; returns where scanning resumes. */
function absorbTrailingPunctuation(text: string, cols: Columns, sentence: number): number {
  let pos = cols.ends[cols.length - 1];
  while (pos < text.length && isTrailingPunctuation(text.charCodeAt(pos))) {
    cols.push(pos, pos + 1, cols.lexemes.find(text, pos, pos + 1, PUNCT), PUNCT, sentence, 0);
    pos++;
  }
  return pos;
}
