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

const TOKEN_RE =
  /([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*)|(\d+(?:[.,]\d+)*)|([$€£¥])|([^\s\p{L}\p{M}\p{N}])/gu;

// Exactly two capitals before the tail: \p{Lu}{2,} there overlapped the tail and backtracked quadratically on a long word.
const GLUED_RE = /^(\p{Ll}{2,})(?=\p{Lu}{2}[\p{Lu}\p{N}]*$)/u;

/**
 * Longer "words" are not stemmed: no phrase word is that long, and the Porter
 * stemmer's regexes backtrack quadratically on a long run of consonants.
 */
const MAX_STEMMED_LENGTH = 64;

const TERMINATORS = new Set(['.', '!', '?', '…']);
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'vs', 'etc', 'inc', 'ltd', 'co', 'corp',
  'no', 'e.g', 'i.e', 'u.s', 'a.m', 'p.m', 'approx', 'dept', 'est', 'fig', 'mt', 'ft',
]);
/** A transcript turn ("Persuader: …") starts a new sentence even when the line before has no full stop. */
const SPEAKER_RE = /^[A-Z][A-Za-z0-9 ._'-]{0,23}:[ \t]/;
const BULLET_RE = /^[ \t]*(?:[-*•·▪►✓✔]|\d{1,2}[.)])[ \t]/;

export function scan(text: string): Scan {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let sentenceStart = -1;
  let sentenceFirstToken = 0;
  let paragraph = 0;
  let prevEnd = 0;
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

  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    const start = m.index;
    let raw = m[0];
    // Words glued by a lost space in decoded HTML ("ourFREE"): a lower-case run then a capitals run is two words.
    const glued = m[1] ? GLUED_RE.exec(raw) : null;
    if (glued) {
      raw = glued[1];
      TOKEN_RE.lastIndex = start + raw.length;
    }
    const gap = text.slice(prevEnd, start);
    if (tokens.length > 0 && gap.includes('\n')) {
      const blankLine = /\n[ \t]*\r?\n/.test(gap.replace(/\r\n?/g, '\n'));
      const newLineStartsBlock =
        BULLET_RE.test(text.slice(start - lineOffset(text, start), start + 3)) || SPEAKER_RE.test(text.slice(start, start + 32));
      if (blankLine || newLineStartsBlock || pendingBreak || lineEndsClause(tokens[tokens.length - 1], m)) {
        closeSentence(tokens.length);
        if (blankLine) paragraph++;
      }
    }
    pendingBreak = false;
    const kind: TokenKind = m[1] ? 'word' : m[2] ? 'number' : m[3] ? 'currency' : 'punct';
    const norm = raw.toLowerCase().replace(/’/g, "'");
    const prev = tokens[tokens.length - 1];
    const hyphenated =
      kind === 'word' && prev !== undefined && prev.raw === '-' && prev.end === start &&
      tokens.length >= 2 && tokens[tokens.length - 2].end === prev.start && tokens[tokens.length - 2].kind === 'word';
    if (sentenceStart < 0) sentenceStart = start;
    tokens.push({
      start,
      end: start + raw.length,
      raw,
      norm,
      key: kind === 'word' && norm.length <= MAX_STEMMED_LENGTH ? stemKey(norm) : norm,
      kind,
      sentence: sentences.length,
      shouting: kind === 'word' && raw.length >= 2 && raw === raw.toUpperCase() && raw !== norm,
      hyphenated,
    });
    prevEnd = start + raw.length;
    if (kind === 'punct' && TERMINATORS.has(raw) && endsSentence(text, tokens)) {
      // Keep runs like "!!!" or '."' inside the sentence they close.
      absorbTrailingPunctuation(text, tokens, TOKEN_RE);
      prevEnd = tokens[tokens.length - 1].end;
      closeSentence(tokens.length);
    }
  }
  closeSentence(tokens.length);
  for (const s of sentences) for (let i = s.firstToken; i < s.endToken; i++) tokens[i].sentence = s.index;
  return { tokens, sentences };
}

function lineOffset(text: string, at: number): number {
  const nl = text.lastIndexOf('\n', at - 1);
  return at - (nl + 1);
}

/**
 * A line break closes a sentence when the line before it reads as a unit of
 * its own: a heading, a button label, a list line, or a line ending in ":".
 */
function lineEndsClause(last: Token, next: RegExpExecArray): boolean {
  if (last.raw === ':' || last.raw === ';') return true;
  const nextChar = next[0];
  if (last.kind === 'word' || last.kind === 'number') {
    // "…donate today\nYour gift" — an unpunctuated line followed by a capital.
    return /^[\p{Lu}\d$€£]/u.test(nextChar);
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

function absorbTrailingPunctuation(text: string, tokens: Token[], re: RegExp): void {
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
      sentence: 0,
      shouting: false,
      hyphenated: false,
    });
    pos++;
  }
  re.lastIndex = pos;
}
