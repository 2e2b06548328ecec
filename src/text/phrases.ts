/**
 * Phrase lexicons matched over word tokens by hashing stem keys: cost does not
 * grow with lexicon size (a giant alternation RegExp falls off a cliff past
 * ~700 phrases, see research/architecture-anchors.md A5).
 *
 * Phrase syntax (lexicon data files):
 *   - words separated by spaces; hyphens count as spaces ("toll-free");
 *   - each word matches any word with the same stem ("gift" ~ "gifts");
 *   - "*" matches any one word;
 *   - "=word" matches that exact word only, no stemming ("=free" ≠ "freed");
 *   - Han and Hiragana characters are one word each ("免費" is two words; a Katakana run is one).
 * Matches never cross a sentence; punctuation between words is skipped.
 */
import { readFileSync } from 'node:fs';
import { stemKey } from './stem.js';
import type { Token } from './tokenize.js';

export type Lexicon = Readonly<Record<string, readonly string[]>>;

export interface CueHit {
  cue: string;
  /** Text offsets of the matched words. */
  start: number;
  end: number;
  /** Token indices of the first and last matched word. */
  first: number;
  last: number;
  sentence: number;
}

export interface WordPattern {
  key: string | null; // null: wildcard
  exact: string | null;
  /** `exact` without apostrophes, as compared. */
  bareExact?: string;
}

export interface CompiledPhrase {
  cue: string;
  words: WordPattern[];
  /** Position among the phrases with the same first word: candidates are tried in this order. */
  order: number;
}

/**
 * The phrases starting with one word, indexed once more by their second
 * word: a common first word ("free", "you") starts a hundred phrases, and
 * trying each at every occurrence was most of the matching time.
 */
export interface FirstWordEntry {
  all: CompiledPhrase[];
  /** One word long, or a wildcard second word: tried wherever the first word is. */
  always: CompiledPhrase[];
  bySecond: Map<string, CompiledPhrase[]>;
}

const WILDCARD = '\u0000*';

export class PhraseMatcher {
  private readonly byFirst: Map<string, FirstWordEntry>;

  /** `prebuilt`: the index of these lexicons made at build time (src/prebuilt/phrase-index.ts); the lexicons are then not read. */
  constructor(lexicons: Readonly<Record<string, Lexicon>>, prebuilt?: Map<string, FirstWordEntry>) {
    this.byFirst = prebuilt ?? new Map();
    if (prebuilt) return;
    for (const [namespace, lexicon] of Object.entries(lexicons)) {
      for (const [cueName, phrases] of Object.entries(lexicon)) {
        const cue = namespace ? `${namespace}.${cueName}` : cueName;
        for (const phrase of phrases) this.add(cue, phrase);
      }
    }
  }

  private add(cue: string, phrase: string): void {
    const words = compilePhrase(phrase);
    if (words.length === 0) return;
    const first = words[0].key ?? WILDCARD;
    let entry = this.byFirst.get(first);
    if (!entry) this.byFirst.set(first, (entry = { all: [], always: [], bySecond: new Map() }));
    const compiled = { cue, words, order: entry.all.length };
    entry.all.push(compiled);
    const second = words[1];
    // An exact word longer than the tokenizer stems keeps its apostrophes in its key: try it everywhere.
    if (!second || second.key === null || (second.exact !== null && second.exact.length > 64)) entry.always.push(compiled);
    else {
      let list = entry.bySecond.get(second.key);
      if (!list) entry.bySecond.set(second.key, (list = []));
      list.push(compiled);
    }
  }

  /** The index (what src/prebuilt/phrase-index.ts writes at build time). */
  index(): ReadonlyMap<string, FirstWordEntry> {
    return this.byFirst;
  }

  /** Every match of every cue; per cue and start word, only the longest. */
  match(tokens: readonly Token[]): CueHit[] {
    const words: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const k = tokens[i].kind;
      if (k === 'word' || k === 'number') words.push(i);
    }
    const hits: CueHit[] = [];
    const wild = this.byFirst.get(WILDCARD)?.all;
    // Per start word: cues in first-seen order with the last word of their longest match (reused arrays, no Map per word).
    const cues: string[] = [];
    const ends: number[] = [];
    for (let w = 0; w < words.length; w++) {
      const head = tokens[words[w]];
      const entry = this.byFirst.get(head.key);
      if (!entry && !wild) continue;
      const candidates = entry ? candidatesAt(entry, tokens, words, w) : undefined;
      cues.length = 0;
      ends.length = 0;
      if (candidates) longestPerCue(candidates, tokens, words, w, cues, ends);
      if (wild) longestPerCue(wild, tokens, words, w, cues, ends);
      const first = words[w];
      for (let c = 0; c < cues.length; c++) {
        const last = words[ends[c]];
        hits.push({
          cue: cues[c],
          start: head.start,
          end: tokens[last].end,
          first,
          last,
          sentence: head.sentence,
        });
      }
    }
    return hits;
  }
}

/** The phrases of a first word that can match here, in their original order. */
function candidatesAt(entry: FirstWordEntry, tokens: readonly Token[], words: number[], w: number): readonly CompiledPhrase[] {
  const next = w + 1 < words.length ? entry.bySecond.get(tokens[words[w + 1]].key) : undefined;
  if (!next) return entry.always;
  if (entry.always.length === 0) return next;
  const merged: CompiledPhrase[] = [];
  let i = 0;
  let j = 0;
  while (i < entry.always.length || j < next.length) {
    if (j >= next.length || (i < entry.always.length && entry.always[i].order < next[j].order)) merged.push(entry.always[i++]);
    else merged.push(next[j++]);
  }
  return merged;
}

function longestPerCue(
  phrases: readonly CompiledPhrase[],
  tokens: readonly Token[],
  words: number[],
  w: number,
  cues: string[],
  ends: number[],
): void {
  for (const phrase of phrases) {
    const endWord = matchAt(phrase.words, tokens, words, w);
    if (endWord < 0) continue;
    const at = cues.indexOf(phrase.cue);
    if (at < 0) {
      cues.push(phrase.cue);
      ends.push(endWord);
    } else if (endWord > ends[at]) ends[at] = endWord;
  }
}

/**
 * Compiled phrases, by phrase text. `npm run build` writes the built-in
 * lexicons' entries to dist/text/compiled-phrases.json (scripts/compile-phrases.mjs),
 * which is loaded here: stemming ~2,000 phrases cold was a third of start-up.
 * Compiling depends only on the phrase text, so a stale file is incomplete, never wrong.
 */
let compiledCache: Map<string, WordPattern[]> | undefined;
/** Read on first use: a run on the prebuilt index (src/prebuilt/phrase-index.ts) never needs it. */
const compiledMap = () => (compiledCache ??= new Map<string, WordPattern[]>(loadCompiledPhrases()));

function loadCompiledPhrases(): Array<[string, WordPattern[]]> {
  try {
    return Object.entries(JSON.parse(readFileSync(new URL('./compiled-phrases.json', import.meta.url), 'utf8')) as Record<string, WordPattern[]>);
  } catch {
    return []; // running from src/ (tests): compile as needed
  }
}

/** Every phrase compiled so far in this process (what the build writes out). */
export function compiledPhrases(): Record<string, WordPattern[]> {
  return Object.fromEntries(compiledMap());
}

export function compilePhrase(phrase: string): WordPattern[] {
  let words = compiledMap().get(phrase);
  if (words === undefined) {
    words = compileWords(phrase);
    compiledMap().set(phrase, words);
  }
  return words;
}

/** Each Han or Hiragana character is a word to the tokenizer, so in a phrase too. */
const IDEOGRAPHS = /[\p{Script=Han}\p{Script=Hiragana}]/gu;

function compileWords(phrase: string): WordPattern[] {
  return phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(IDEOGRAPHS, ' $& ')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => {
      if (w === '*') return { key: null, exact: null };
      if (w.startsWith('=')) return { key: stemKey(w.slice(1)), exact: w.slice(1), bareExact: w.slice(1).replace(/'/g, '') };
      return { key: stemKey(w), exact: null };
    });
}

function matchAt(pattern: WordPattern[], tokens: readonly Token[], words: number[], w: number): number {
  if (w + pattern.length > words.length) return -1;
  const sentence = tokens[words[w]].sentence;
  for (let j = 0; j < pattern.length; j++) {
    const t = tokens[words[w + j]];
    if (t.sentence !== sentence) return -1;
    const p = pattern[j];
    if (p.key === null) continue;
    if (p.exact !== null ? withoutApostrophes(t.norm) !== (p.bareExact ?? p.exact.replace(/'/g, '')) : t.key !== p.key) return -1;
  }
  return w + pattern.length - 1;
}

function withoutApostrophes(s: string): string {
  return s.includes("'") ? s.replace(/'/g, '') : s;
}
