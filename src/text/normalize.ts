/**
 * Evasion-proof normalisation: undoes the disguises spammers put on words so
 * the tactics still see them — compatibility forms (full-width letters,
 * ligatures, NBSP), invisible characters (zero-width, soft hyphen), Greek and
 * Cyrillic look-alikes inside Latin words, letter-spacing ("F R E E",
 * "F.R.E.E") and leetspeak ("fr33", "g1ft").
 *
 * The result keeps a map back to the input, so findings still point at the
 * characters the reader sees. Case is kept (the tokenizer lower-cases). Text
 * that needs none of this is returned as it is, after one pass over its
 * characters (suspicious.ts).
 */
import { SpanMap, TextBuilder } from '../positions.js';
import { charCodes } from './char-codes.js';
import { lazyRegExp } from './lazy-regexp.js';
import { nextSuspicious } from './suspicious.js';

export interface Normalized {
  text: string;
  /** Offsets in `text` → offsets in the input. */
  map: SpanMap;
}

// ----------------------------------------------------------------- what to look for

/**
 * Characters that may need folding or dropping: NBSP, soft hyphen, combining
 * marks, phonetic letters, Unicode spaces and zero-widths, word joiners,
 * letter-like and enclosed forms, ideographic space, ligatures, variation
 * selectors, BOM, half/full-width forms, and (by their high surrogates)
 * mathematical alphanumerics and enclosed letters.
 *
 * Not the ideographic comma "，" (U+FF0C): it is Chinese text's own comma,
 * on almost every line, not a disguise, and the rules read it as a comma
 * (isComma). Folding it rebuilt every line, and every window, of a text
 * with Chinese in it. Between two digits ("1，000") it is still folded, so
 * the number reads whole.
 */
const FOLDABLE_TEXT =
  '[\\u00a0\\u00ad\\u0300-\\u036f\\u0483-\\u0489\\u1ab0-\\u1aff\\u1d00-\\u1dff\\u2000-\\u200d\\u202f\\u205f-\\u2064' +
  '\\u20d0-\\u20ff\\u2100-\\u214f\\u2460-\\u24ff\\u3000\\ufb00-\\ufb4f\\ufe00-\\ufe0f\\ufe20-\\ufe2f' +
  '\\ufeff\\uff00-\\uff0b\\uff0d-\\uffef\\ud835\\ud83c]|[0-9]\\uff0c[0-9]';
/** A Latin letter beside a Greek or Cyrillic one: a look-alike inside a word (Greek or Russian text alone is left be). */
const MIXED_SCRIPT = '[A-Za-z][\\u0370-\\u03ff\\u0400-\\u052f]|[\\u0370-\\u03ff\\u0400-\\u052f][A-Za-z]';
/**
 * A leet character after a letter, in a word that goes on ("g1ft") or has two
 * letters before it ("fr33"); "4th", "7pm", "Q3" and e-mail addresses are not.
 */
const LEET_NEIGHBOUR = '[A-Za-z][013457$]+[A-Za-z]|[A-Za-z]{2}[013457$]|[A-Za-z]@(?![\\w-]+\\.[A-Za-z])[A-Za-z]';
const SPACED_LETTERS = '\\b[A-Za-z][ .]{1,2}[A-Za-z][ .]{1,2}[A-Za-z]\\b';
/** Anchored where nextSuspicious (suspicious.ts) finds a trigger; exported for its tests. */
export const SUSPICIOUS = new RegExp(`${FOLDABLE_TEXT}|${MIXED_SCRIPT}|${LEET_NEIGHBOUR}|${SPACED_LETTERS}`, 'y');
/** Which steps a region needs (each skipped when its test fails). */
const FOLDABLE = new RegExp(FOLDABLE_TEXT);
const NEEDS_CONFUSABLES = new RegExp(MIXED_SCRIPT);
const NEEDS_LEET = new RegExp(LEET_NEIGHBOUR);
const needsSpacing = lazyRegExp(() => /\p{L}(?:\. |[ .])\p{L}(?:\. |[ .])\p{L}/u);

/** A line longer than this is worked on in windows of about this size (bounded memory). */
const MAX_REGION = 1 << 16;

// ----------------------------------------------------------------- character tables

/** Invisible characters that can split a word without showing: dropped. */
const INVISIBLE = /[\u00ad\u034f\u180e\u200b-\u200d\u2060-\u2064\ufeff]/;
const INVISIBLE_G = new RegExp(INVISIBLE.source, 'g');
const combiningMark = lazyRegExp(() => /\p{M}/u);
const notMark = lazyRegExp(() => /[^\p{M}]/u);
/** Superscripts and subscripts: NFKC would turn "10²" into "102". */
const SUPER_OR_SUBSCRIPT = /[\u00b2\u00b3\u00b9\u2070-\u209f]/;
const letterDigitOrSpace = lazyRegExp(() => /^[\p{L}\p{Nd}\p{Zs}]/u);
const PRINTABLE_ASCII = /^[\x20-\x7e]$/;
const ASCII_LETTER = /^[A-Za-z]$/;

/** Greek and Cyrillic letters that look like Latin ones (after Unicode's confusables.txt). */
const CONFUSABLES: Record<string, string> = {
  // Greek capitals and small letters
  'Α': 'A', 'Β': 'B', 'Ε': 'E', 'Ζ': 'Z', 'Η': 'H', 'Ι': 'I', 'Κ': 'K', 'Μ': 'M', 'Ν': 'N', 'Ο': 'O',
  'Ρ': 'P', 'Τ': 'T', 'Υ': 'Y', 'Χ': 'X', 'Ϲ': 'C', 'Ϳ': 'J',
  'α': 'a', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o', 'ρ': 'p', 'υ': 'u', 'χ': 'x', 'ϲ': 'c', 'ϳ': 'j',
  // Cyrillic capitals and small letters
  'А': 'A', 'В': 'B', 'Е': 'E', 'К': 'K', 'М': 'M', 'Н': 'H', 'О': 'O', 'Р': 'P', 'С': 'C', 'Т': 'T',
  'Х': 'X', 'У': 'Y', 'Ү': 'Y', 'Ѕ': 'S', 'І': 'I', 'Ј': 'J', 'Ԁ': 'D', 'Ԛ': 'Q', 'Ԝ': 'W', 'Ѵ': 'V', 'Ӏ': 'I',
  'а': 'a', 'е': 'e', 'о': 'o', 'р': 'p', 'с': 'c', 'у': 'y', 'х': 'x', 'ѕ': 's', 'і': 'i', 'ј': 'j',
  'ԁ': 'd', 'һ': 'h', 'ԛ': 'q', 'ԝ': 'w', 'ѵ': 'v', 'ӏ': 'l', 'ү': 'y',
};
const latinLetter = lazyRegExp(() => /\p{Script=Latin}/u);

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };

// ----------------------------------------------------------------- entry point

export function normalize(text: string): Normalized {
  const codes = charCodes(text);
  let at = nextSuspicious(text, 0, SUSPICIOUS, codes);
  if (at < 0) return identity(text);
  const builder = new TextBuilder();
  let copied = 0; // input before this offset is already in the builder
  for (; at >= 0; at = nextSuspicious(text, Math.max(copied, at + 1), SUSPICIOUS, codes)) {
    const [start, end] = regionAround(text, at, copied);
    if (start > copied) builder.append(text.slice(copied, start), copied);
    appendRegion(builder, text, start, end);
    copied = end;
  }
  if (copied < text.length) builder.append(text.slice(copied), copied);
  return builder.build();
}

function identity(text: string): Normalized {
  return { text, map: SpanMap.identity(text.length) };
}

/** The line around a hit, or a window of it when the line is very long. */
function regionAround(text: string, at: number, notBefore: number): [number, number] {
  let start = Math.max(notBefore, text.lastIndexOf('\n', at) + 1);
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  if (at - start > MAX_REGION / 2) start = snapToSpace(text, at - MAX_REGION / 2, start);
  if (end - start > MAX_REGION) end = snapToSpace(text, start + MAX_REGION, end);
  return [start, Math.max(end, at + 1)];
}

/** The offset after the nearest space before `offset` (within 256), else `offset`. */
function snapToSpace(text: string, offset: number, floor: number): number {
  for (let i = offset; i > Math.max(floor, offset - 256); i--) if (text.charCodeAt(i - 1) === 32) return i;
  // Never cut a surrogate pair in two.
  const c = text.charCodeAt(offset - 1);
  return c >= 0xd800 && c <= 0xdbff ? offset + 1 : offset;
}

// ----------------------------------------------------------------- one region

/**
 * A region as a list of UTF-16 units, each with the input range it stands
 * for: a copied unit stands for itself, a unit of an expansion (the "fi" of
 * "ﬁ") for the whole character it came from. Word-level steps then replace
 * units in place or drop them, so the ranges stay in input order.
 */
interface Units {
  chars: string[];
  from: number[];
  to: number[];
}

function appendRegion(builder: TextBuilder, text: string, start: number, end: number): void {
  const region = text.slice(start, end);
  if (FOLDABLE.test(region) || needsSpacing().test(region)) {
    emit(builder, normalizeRegion(text, region, start, end));
    return;
  }
  // Only same-length replacements: no per-character map needed.
  const units: Units = { chars: region.split(''), from: [], to: [] };
  if (NEEDS_CONFUSABLES.test(region)) foldConfusables(units);
  if (NEEDS_LEET.test(region)) foldLeetspeak(units);
  builder.append(units.chars.join(''), start, end);
}

function normalizeRegion(text: string, region: string, start: number, end: number): Units {
  const units = foldCharacters(text, start, end);
  if (NEEDS_CONFUSABLES.test(region)) foldConfusables(units);
  if (needsSpacing().test(region)) joinSpacedLetters(units);
  if (NEEDS_LEET.test(region)) foldLeetspeak(units);
  return units;
}

/** Drops invisibles, applies NFKC where it undoes a disguise, strips marks stacked on ASCII letters. */
function foldCharacters(text: string, start: number, end: number): Units {
  const units: Units = { chars: [], from: [], to: [] };
  let i = start;
  while (i < end) {
    // Combining marks start at U+0300: most characters end their cluster at once.
    const code = text.charCodeAt(i);
    if (code < 0x80 && !(i + 1 < end && text.charCodeAt(i + 1) >= 0x300)) {
      pushUnit(units, text[i], i, i + 1);
      i++;
      continue;
    }
    const base = codePointAt(text, i);
    let clusterEnd = i + base.length;
    while (clusterEnd < end && text.charCodeAt(clusterEnd) >= 0x300 && combiningMark().test(codePointAt(text, clusterEnd))) {
      clusterEnd += codePointAt(text, clusterEnd).length;
    }
    pushCluster(units, text, i, clusterEnd);
    i = clusterEnd;
  }
  return units;
}

/** Folded forms of clusters seen before: a Greek or Cyrillic text repeats few of them. */
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 10_000;

function pushCluster(units: Units, text: string, start: number, end: number): void {
  const cluster = text.slice(start, end);
  let folded = foldCache.get(cluster);
  if (folded === undefined) {
    folded = foldCluster(cluster);
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(cluster, folded);
  }
  if (folded === cluster) {
    for (let k = 0; k < cluster.length; k++) pushUnit(units, cluster[k], start + k, start + k + 1);
  } else {
    // Every unit of the folded form stands for the whole cluster (none: an invisible, dropped).
    for (let k = 0; k < folded.length; k++) pushUnit(units, folded[k], start, end);
  }
}

function foldCluster(cluster: string): string {
  const base = codePointAt(cluster, 0);
  // An invisible character is dropped with any marks on it.
  if (INVISIBLE.test(base)) return '';
  let folded = cluster.normalize('NFKC');
  if (!undoesDisguise(base, folded)) folded = cluster;
  return dropStackedMarks(folded.replace(INVISIBLE_G, ''));
}

/** "f̲r̲e̲e̲": marks that do not combine into an ASCII letter only hide it. */
function dropStackedMarks(cluster: string): string {
  if (cluster.length > 1 && ASCII_LETTER.test(cluster.charAt(0)) && !notMark().test(cluster.slice(1))) {
    return cluster.charAt(0);
  }
  return cluster;
}

function undoesDisguise(base: string, folded: string): boolean {
  if (SUPER_OR_SUBSCRIPT.test(base)) return false;
  // Letters (ﬁ, ｆ, 𝐟), digits (５) and spaces (NBSP); symbols only when they become one
  // plain character (Ⓕ, ＄), not "™" → "TM" or "…" → "...".
  return letterDigitOrSpace().test(base) || PRINTABLE_ASCII.test(folded);
}

/** The code point at `i` as a string: a surrogate pair, or one unit (a lone surrogate too). */
function codePointAt(text: string, i: number): string {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return text.slice(i, i + 2);
  }
  return text.charAt(i);
}

function pushUnit(units: Units, char: string, from: number, to: number): void {
  units.chars.push(char);
  units.from.push(from);
  units.to.push(to);
}

// ----------------------------------------------------------------- word-level steps

const wordRun = lazyRegExp(() => /[\p{L}\p{M}]+/gu);

/** "FRΕΕ" (Greek Epsilons), "frее" (Cyrillic e): look-alikes inside a Latin word become Latin. */
function foldConfusables(units: Units): void {
  const text = units.chars.join('');
  const words = wordRun();
  words.lastIndex = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    const word = m[0];
    if (!latinLetter().test(word)) continue; // a Greek or Russian word is left alone
    let foreign = false;
    let lookalikes = false;
    for (const c of word) {
      if (CONFUSABLES[c] !== undefined) lookalikes = true;
      else if (!latinLetter().test(c) && !combiningMark().test(c)) foreign = true;
    }
    if (!lookalikes || foreign) continue;
    for (let k = m.index; k < m.index + word.length; k++) {
      const latin = CONFUSABLES[units.chars[k]];
      if (latin !== undefined) units.chars[k] = latin;
    }
  }
}

/**
 * "F R E E", "F.R.E.E", "F. R. E. E": three or more single letters with the
 * same separator become one word; the separators are dropped. A change of
 * case ends a word, so "a F R E E gift" keeps its article.
 */
const spacedLetters = lazyRegExp(() => /(?<![\p{L}\p{M}\p{N}])\p{L}(\. |[ .])\p{L}(?:\1\p{L})+(?![\p{L}\p{M}\p{N}])/gu);
const MIN_SPACED_LETTERS = 3;

function joinSpacedLetters(units: Units): void {
  const text = units.chars.join('');
  const drop: number[] = [];
  const runs = spacedLetters();
  runs.lastIndex = 0;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const step = 1 + m[1].length;
    const letters: number[] = [];
    for (let k = m.index; k < m.index + m[0].length; k += step) letters.push(k);
    for (const word of sameCaseRuns(text, letters)) {
      if (word.length < MIN_SPACED_LETTERS) continue;
      for (const k of word.slice(1)) for (let s = 1; s <= m[1].length; s++) drop.push(k - s);
    }
  }
  if (drop.length > 0) removeUnits(units, drop);
}

/** Letter positions split where the case changes (caseless letters go with either). */
function sameCaseRuns(text: string, letters: number[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  let runCase: 'upper' | 'lower' | null = null;
  for (const k of letters) {
    const c = text[k];
    const kase = c !== c.toLowerCase() ? 'upper' : c !== c.toUpperCase() ? 'lower' : null;
    if (kase && runCase && kase !== runCase) {
      runs.push(run);
      run = [];
      runCase = null;
    }
    run.push(k);
    runCase ??= kase;
  }
  runs.push(run);
  return runs;
}

function removeUnits(units: Units, sortedIndices: number[]): void {
  const gone = new Set(sortedIndices);
  const keep = (_: unknown, i: number) => !gone.has(i);
  units.chars = units.chars.filter(keep);
  units.from = units.from.filter(keep);
  units.to = units.to.filter(keep);
}

/**
 * "fr33", "g1ft", "b0nus", "ca$h": in a token that starts with a letter and
 * has at least two, the leet characters become letters. Tokens with other
 * digits, a price ("US$5"), or a decimal after them are numbers, not words.
 */

const LEET_CHAR_G = /[013457@$]/g;
const tokenChar = lazyRegExp(() => /[\p{L}\p{M}0-9@$]/u);

function foldLeetspeak(units: Units): void {
  const text = units.chars.join('');
  // Only the tokens around a leet character are read: most words have none.
  LEET_CHAR_G.lastIndex = 0;
  for (let m = LEET_CHAR_G.exec(text); m; m = LEET_CHAR_G.exec(text)) {
    let start = m.index;
    while (start > 0 && tokenChar().test(text[start - 1])) start--;
    let end = m.index + 1;
    while (end < text.length && tokenChar().test(text[end])) end++;
    LEET_CHAR_G.lastIndex = end;
    const token = text.slice(start, end);
    if (!isLeetWord(token, text.slice(end, end + 2)) || inIdentifier(text, start, end)) continue;
    const upper = token === token.toUpperCase() && token !== token.toLowerCase();
    for (let k = start; k < end; k++) {
      const letter = LEET[units.chars[k]];
      if (letter !== undefined) units.chars[k] = upper ? letter.toUpperCase() : letter;
    }
  }
}

/** Part of a host name, URL, path, colour or address ("mail1.example.com", "#ffff3c", "jm@localhost"), not prose. */
function inIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? ' ';
  const after = text[end] ?? ' ';
  const afterNext = text[end + 1] ?? ' ';
  return IDENTIFIER_JOINER.test(before) || (IDENTIFIER_JOINER.test(after) && /[\w]/.test(afterNext));
}

const IDENTIFIER_JOINER = /[./#=_:@\\-]/;
/** Longer tokens are codes (base64, ids), not disguised words. */
const MAX_LEET_WORD = 24;

function isLeetWord(token: string, after: string): boolean {
  // "US$5", "US$ 5", "C$": a price, not a word.
  if (!/^\p{L}/u.test(token) || /[2689]/.test(token) || /\$(?:\d|$)/.test(token)) return false;
  if (!/[013457@$]/.test(token) || /^[.,]\d/.test(after) || token.length > MAX_LEET_WORD) return false;
  // "jm@localhost", "me@gmail": a handle or address, not "b@nus".
  if (/@[\p{L}\d]{5,}/u.test(token)) return false;
  // "info@example.org" is an address.
  if (token.includes('@') && /^\.\p{L}/u.test(after)) return false;
  const letters = token.replace(/[^\p{L}]/gu, '').length;
  const leet = token.length - token.replace(/[013457@$]/g, '').length;
  return letters >= 2 && letters >= leet;
}

// ----------------------------------------------------------------- back to pieces

/** Appends units as pieces: runs of one-to-one units in input order become one piece. */
function emit(builder: TextBuilder, units: Units): void {
  const { chars, from, to } = units;
  let i = 0;
  while (i < chars.length) {
    let j = i + 1;
    if (to[i] - from[i] === 1) {
      while (j < chars.length && to[j] - from[j] === 1 && from[j] === to[j - 1]) j++;
    } else {
      while (j < chars.length && from[j] === from[i] && to[j] === to[i]) j++;
    }
    builder.append(chars.slice(i, j).join(''), from[i], to[j - 1]);
    i = j;
  }
}
