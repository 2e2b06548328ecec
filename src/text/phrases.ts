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
import { MAX_STEMMED_LENGTH, vocabularyId, vocabularyKey } from './lexemes.js';
import { lazyRegExp } from './lazy-regexp.js';
import { stemKey } from './stem.js';
import type { TokenList } from './tokenize.js';

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

/** A word of a phrase as the matcher compares it. */
interface WordTest {
  /** Vocabulary id of the key; -1: wildcard. */
  keyId: number;
  /** Compare the token's apostrophe-free lower case with this instead of the key. */
  bareExact: string | null;
}

interface CompiledPhrase {
  cue: string;
  /** The cue's number in its matcher: matches are grouped by cue without a look-up by name. */
  slot: number;
  words: WordTest[];
  /** Position among the phrases with the same first word: candidates are tried in this order. */
  order: number;
}

/**
 * The phrases starting with one word, indexed once more by their second
 * word: a common first word ("free", "you") starts a hundred phrases, and
 * trying each at every occurrence was most of the matching time.
 */
interface FirstWordEntry {
  /** One word long, or a wildcard second word: tried wherever the first word is. */
  always: CompiledPhrase[];
  /** By the second word's vocabulary id: its phrases merged with `always`, in their original order. */
  bySecond: Map<number, CompiledPhrase[]>;
}

/** A phrase compiled from a lexicon: its cue and its words. */
export interface PhraseSource {
  cue: string;
  words: WordPattern[];
}

/**
 * Phrases grouped by the key of their first word, in lexicon order: what a
 * matcher is made from, and what the build writes out for the built-in
 * lexicons (src/prebuilt/phrase-index.ts) so that start-up compiles nothing.
 * `get` may decode a group on first use.
 */
export interface PhraseIndex {
  get(firstKey: string): readonly PhraseSource[] | undefined;
  /** Every key any phrase word has (they need vocabulary ids before a text is scanned). */
  readonly vocabulary: readonly string[];
  /** Phrases whose first word is a wildcard. */
  readonly wild: readonly PhraseSource[];
}

/** The PhraseIndex of some lexicons, compiled in full. */
export class PhraseGroups extends Map<string, PhraseSource[]> implements PhraseIndex {
  readonly vocabulary: string[] = [];
  readonly wild: PhraseSource[] = [];

  constructor(lexicons: Readonly<Record<string, Lexicon>>) {
    super();
    const seen = new Set<string>();
    for (const [namespace, lexicon] of Object.entries(lexicons)) {
      for (const [cueName, phrases] of Object.entries(lexicon)) {
        const cue = namespace ? `${namespace}.${cueName}` : cueName;
        for (const phrase of phrases) {
          const words = compilePhrase(phrase);
          if (words.length === 0) continue;
          for (const w of words) {
            if (w.key === null || seen.has(w.key)) continue;
            seen.add(w.key);
            this.vocabulary.push(w.key);
          }
          const first = words[0].key;
          if (first === null) this.wild.push({ cue, words });
          else {
            const group = super.get(first);
            if (group) group.push({ cue, words });
            else this.set(first, [{ cue, words }]);
          }
        }
      }
    }
  }
}

export class PhraseMatcher {
  /** By the vocabulary id of the first word; built on first use (undefined: not yet, null: no phrase starts there). */
  private readonly byFirst: Array<FirstWordEntry | null | undefined> = [];
  /** Phrases starting with a wildcard: tried at every word. */
  private readonly wild: CompiledPhrase[];
  private readonly phrases: PhraseIndex;
  /** Cue names by slot (CompiledPhrase.slot), and slots by name. */
  private readonly cueNames: string[] = [];
  private readonly cueSlots = new Map<string, number>();

  /** `prebuilt`: these lexicons' phrases as the build wrote them (src/prebuilt/phrase-index.ts); the lexicons are then not read. */
  constructor(lexicons: Readonly<Record<string, Lexicon>>, prebuilt?: PhraseIndex) {
    this.phrases = prebuilt ?? new PhraseGroups(lexicons);
    // Every phrase word gets its id now: a text's words are looked up by id, so the ids must exist before it is scanned.
    for (const key of this.phrases.vocabulary) vocabularyId(key);
    this.wild = this.phrases.wild.map((p, order) => ({ cue: p.cue, slot: this.slotOf(p.cue), words: p.words.map(toTest), order }));
  }

  private slotOf(cue: string): number {
    let slot = this.cueSlots.get(cue);
    if (slot === undefined) {
      slot = this.cueNames.push(cue) - 1;
      this.cueSlots.set(cue, slot);
    }
    return slot;
  }

  /** The phrases this matcher was made from (what the build writes out). */
  index(): PhraseIndex {
    return this.phrases;
  }

  /** The entry of a first word, built from its phrases the first time a text has the word. */
  private entryFor(keyId: number): FirstWordEntry | null {
    const group = this.phrases.get(vocabularyKey(keyId));
    const entry = group ? firstWordEntry(group, (cue) => this.slotOf(cue)) : null;
    this.byFirst[keyId] = entry;
    return entry;
  }

  /** Every match of every cue; per cue and start word, only the longest. */
  match(tokens: TokenList): CueHit[] {
    return this.matchByCue(tokens).hits;
  }

  /** match(), and the same hits grouped by cue (each group in text order). */
  matchByCue(tokens: TokenList): { hits: CueHit[]; byCue: Map<string, CueHit[]> } {
    tokens.refreshKeyIds();
    const words = wordIndices(tokens);
    const hits: CueHit[] = [];
    const bySlot: Array<CueHit[] | undefined> = [];
    const wild = this.wild.length > 0 ? this.wild : undefined;
    // Per start word: cues in first-seen order with the last word of their longest match (reused, never shrunk).
    const found: Found = { count: 0, slots: [], ends: [] };
    for (let w = 0; w < words.length; w++) {
      const head = words[w];
      const keyId = tokens.keyId(head);
      let entry = keyId >= 0 ? this.byFirst[keyId] : null;
      if (entry === undefined) entry = this.entryFor(keyId);
      if (!entry && !wild) continue;
      found.count = 0;
      if (entry) longestPerCue(candidatesAt(entry, tokens, words, w), tokens, words, w, found);
      if (wild) longestPerCue(wild, tokens, words, w, found);
      for (let c = 0; c < found.count; c++) {
        const last = words[found.ends[c]];
        const slot = found.slots[c];
        const hit = { cue: this.cueNames[slot], start: tokens.start(head), end: tokens.end(last), first: head, last, sentence: tokens.sentence(head) };
        hits.push(hit);
        const group = bySlot[slot];
        if (group) group.push(hit);
        else bySlot[slot] = [hit];
      }
    }
    return { hits, byCue: byCueName(bySlot, this.cueNames) };
  }
}

/**
 * The groups by cue name. A function of its own: V8 compiles matchByCue while
 * its word loop runs (on-stack replacement), before the code after the loop
 * has ever run, and a `new Map` there, with no type feedback yet, threw that
 * compiled code away at the end of nearly every window.
 */
function byCueName(bySlot: ReadonlyArray<CueHit[] | undefined>, cueNames: readonly string[]): Map<string, CueHit[]> {
  const byCue = new Map<string, CueHit[]>();
  for (let slot = 0; slot < bySlot.length; slot++) {
    const group = bySlot[slot];
    if (group) byCue.set(cueNames[slot], group);
  }
  return byCue;
}

/** Indices of the word and number tokens: phrases match over these, skipping punctuation. */
function wordIndices(tokens: TokenList): Int32Array {
  let n = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens.isWordOrNumber(i)) n++;
  const words = new Int32Array(n);
  n = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens.isWordOrNumber(i)) words[n++] = i;
  return words;
}

/** The matches found at one start word: `count` cues, each with the last word of its longest match. */
interface Found {
  count: number;
  /** Cue slots (CompiledPhrase.slot), in first-seen order. */
  slots: number[];
  ends: number[];
}

/** The phrases of a first word that can match here, in their original order. */
function candidatesAt(entry: FirstWordEntry, tokens: TokenList, words: Int32Array, w: number): readonly CompiledPhrase[] {
  if (w + 1 >= words.length) return entry.always;
  return entry.bySecond.get(tokens.keyId(words[w + 1])) ?? entry.always;
}

function firstWordEntry(group: readonly PhraseSource[], slotOf: (cue: string) => number): FirstWordEntry {
  const entry: FirstWordEntry = { always: [], bySecond: new Map() };
  group.forEach(({ cue, words: patterns }, order) => {
    const words = patterns.map(toTest);
    const compiled = { cue, slot: slotOf(cue), words, order };
    const second = patterns[1];
    // An exact word longer than the tokenizer stems keeps its apostrophes in its key: try it everywhere.
    if (!second || second.key === null || (second.exact !== null && second.exact.length > MAX_STEMMED_LENGTH)) entry.always.push(compiled);
    else {
      const id = words[1].keyId;
      let list = entry.bySecond.get(id);
      if (!list) entry.bySecond.set(id, (list = []));
      list.push(compiled);
    }
  });
  mergeAlways(entry);
  return entry;
}

/** Merges `always` into each second-word list once, so matching never merges (or allocates) per word. */
function mergeAlways(entry: FirstWordEntry): void {
  if (entry.always.length === 0) return;
  for (const [second, list] of entry.bySecond) {
    const merged: CompiledPhrase[] = [];
    let i = 0;
    let j = 0;
    while (i < entry.always.length || j < list.length) {
      if (j >= list.length || (i < entry.always.length && entry.always[i].order < list[j].order)) merged.push(entry.always[i++]);
      else merged.push(list[j++]);
    }
    entry.bySecond.set(second, merged);
  }
}

function longestPerCue(
  phrases: readonly CompiledPhrase[],
  tokens: TokenList,
  words: Int32Array,
  w: number,
  found: Found,
): void {
  for (const phrase of phrases) {
    const endWord = matchAt(phrase.words, tokens, words, w);
    if (endWord < 0) continue;
    let at = 0;
    while (at < found.count && found.slots[at] !== phrase.slot) at++;
    if (at === found.count) {
      found.slots[at] = phrase.slot;
      found.ends[at] = endWord;
      found.count++;
    } else if (endWord > found.ends[at]) found.ends[at] = endWord;
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
const ideographs = lazyRegExp(() => /[\p{Script=Han}\p{Script=Hiragana}]/gu);

function compileWords(phrase: string): WordPattern[] {
  return phrase
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(ideographs(), ' $& ')
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => {
      if (w === '*') return { key: null, exact: null };
      if (w.startsWith('=')) return { key: stemKey(w.slice(1)), exact: w.slice(1), bareExact: w.slice(1).replace(/'/g, '') };
      return { key: stemKey(w), exact: null };
    });
}

function toTest(p: WordPattern): WordTest {
  return { keyId: p.key === null ? -1 : vocabularyId(p.key), bareExact: p.exact === null ? null : (p.bareExact ?? p.exact.replace(/'/g, '')) };
}

function matchAt(pattern: WordTest[], tokens: TokenList, words: Int32Array, w: number): number {
  if (w + pattern.length > words.length) return -1;
  const sentence = tokens.sentence(words[w]);
  for (let j = 0; j < pattern.length; j++) {
    const t = words[w + j];
    if (tokens.sentence(t) !== sentence) return -1;
    const p = pattern[j];
    if (p.bareExact !== null) {
      if (tokens.bare(t) !== p.bareExact) return -1;
    } else if (p.keyId >= 0 && tokens.keyId(t) !== p.keyId) return -1;
  }
  return w + pattern.length - 1;
}
