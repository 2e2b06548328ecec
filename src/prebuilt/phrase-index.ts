/**
 * The built-in lexicons' phrases, compiled and grouped at build time and read
 * back without compiling: stemming and grouping ~2,700 phrases was a sixth of
 * start-up.
 *
 * scripts/bundle.mjs takes the default matcher's PhraseIndex (no custom
 * phrases) and writes it to dist/bundle/js/phrase-index.txt beside the
 * bundle; the bundle is used only while it was built from the dist/ that is
 * there, so the index is never stale. Outside the bundle (dist/ as tsc leaves
 * it, as the tests run) there is no index file and the matcher compiles the
 * lexicons as before.
 *
 * The file is ASCII text (read without UTF-8 decoding): a JSON header line
 * ({ format, count, cues, vocabulary, wild }), then one line per first word:
 * the word's key as a JSON string, a tab, and its phrases as JSON. Loading
 * finds where each line starts; a line is parsed the first time a document
 * has its word (a short document meets a few dozen of the ~1,100 first words).
 */
import { readFileSync } from 'node:fs';
import type { PhraseIndex, PhraseSource, WordPattern } from '../text/phrases.js';

export const PHRASE_INDEX_FILE = 'phrase-index.txt';

/** Bumped whenever the encoding changes: an index of another format is ignored. */
const FORMAT = 3;

/** [key, exact] or [key, exact, bareExact]. */
type EncodedWord = [string | null, string | null] | [string | null, string | null, string];
/** [cue number, words]. */
type EncodedPhrase = [number, EncodedWord[]];

interface Header {
  format: number;
  /** Lines after the header: one per first word. */
  count: number;
  cues: string[];
  vocabulary: string[];
  wild: EncodedPhrase[];
}

/** The phrases of a PhraseIndex whose groups can all be listed (what the build has: PhraseGroups). */
export interface ListedPhrases extends PhraseIndex {
  entries(): IterableIterator<[string, readonly PhraseSource[]]>;
}

/** The index file's text (see the top of this file). */
export function encodeIndex(index: ListedPhrases): string {
  const cues: string[] = [];
  const cueNumber = new Map<string, number>();
  const encodePhrase = (p: PhraseSource): EncodedPhrase => {
    let n = cueNumber.get(p.cue);
    if (n === undefined) cueNumber.set(p.cue, (n = cues.push(p.cue) - 1));
    return [n, p.words.map(encodeWord)];
  };
  const lines: string[] = [];
  for (const [first, group] of index.entries()) lines.push(`${asciiJson(first)}\t${asciiJson(group.map(encodePhrase))}\n`);
  const wild = index.wild.map(encodePhrase);
  const header: Header = { format: FORMAT, count: lines.length, cues, vocabulary: [...index.vocabulary], wild };
  return `${asciiJson(header)}\n${lines.join('')}`;
}

/** JSON with every character outside printable ASCII escaped: no tab or newline can occur in it, and the file reads as latin1. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encodeWord(w: WordPattern): EncodedWord {
  return w.bareExact === undefined ? [w.key, w.exact] : [w.key, w.exact, w.bareExact];
}

/** A PhraseIndex read from its file, each first word's phrases parsed on first use. */
export class PrebuiltIndex implements ListedPhrases {
  readonly vocabulary: readonly string[];
  readonly wild: readonly PhraseSource[];
  private readonly text: string;
  private readonly cues: readonly string[];
  /** Where each first word's phrases start in `text`. */
  private readonly offsets = new Map<string, number>();
  private readonly decoded = new Map<string, readonly PhraseSource[]>();

  /** Throws on text that is not a whole index of this format. */
  constructor(text: string) {
    this.text = text;
    const headerEnd = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, headerEnd)) as Header;
    if (header?.format !== FORMAT || !Array.isArray(header.cues) || !Array.isArray(header.vocabulary) || !Array.isArray(header.wild) || typeof header.count !== 'number') {
      throw new Error('not a phrase index of this format');
    }
    this.cues = header.cues;
    this.vocabulary = header.vocabulary;
    this.wild = header.wild.map((p) => decodePhrase(p, this.cues));
    for (let line = headerEnd + 1; line < text.length; ) {
      const tab = text.indexOf('\t', line);
      const end = text.indexOf('\n', tab);
      if (tab < 0 || end < 0) throw new Error('phrase index: a line is cut short');
      const keyJson = text.slice(line, tab);
      this.offsets.set(keyJson.includes('\\') ? (JSON.parse(keyJson) as string) : keyJson.slice(1, -1), tab + 1);
      line = end + 1;
    }
    if (this.offsets.size !== header.count) throw new Error(`phrase index: ${this.offsets.size} first words, the header says ${header.count}`);
  }

  get(firstKey: string): readonly PhraseSource[] | undefined {
    const done = this.decoded.get(firstKey);
    if (done !== undefined) return done;
    const start = this.offsets.get(firstKey);
    if (start === undefined) return undefined;
    const group = (JSON.parse(this.text.slice(start, this.text.indexOf('\n', start))) as EncodedPhrase[]).map((p) => decodePhrase(p, this.cues));
    this.decoded.set(firstKey, group);
    return group;
  }

  /** How many first words have been decoded so far. */
  get decodedCount(): number {
    return this.decoded.size;
  }

  *entries(): IterableIterator<[string, readonly PhraseSource[]]> {
    for (const key of this.offsets.keys()) yield [key, this.get(key)!];
  }
}

function decodePhrase([cue, words]: EncodedPhrase, cues: readonly string[]): PhraseSource {
  return { cue: cues[cue], words: words.map(decodeWord) };
}

/** The same shapes as compilePhrase makes (src/text/phrases.ts). */
function decodeWord(w: EncodedWord): WordPattern {
  return w.length === 3 ? { key: w[0], exact: w[1], bareExact: w[2] } : { key: w[0], exact: w[1] };
}

/** The index written beside the running code, or null (none there, unreadable, cut short or of another format). */
export function loadPrebuiltIndex(url: URL = new URL(`./${PHRASE_INDEX_FILE}`, import.meta.url)): PrebuiltIndex | null {
  try {
    return new PrebuiltIndex(readFileSync(url, 'latin1'));
  } catch {
    return null;
  }
}

/** Everything an index holds, decoded, as plain data (to compare an index read back with the one it was made from). */
export function plainIndex(index: ListedPhrases): { groups: Map<string, PhraseSource[]>; vocabulary: string[]; wild: PhraseSource[] } {
  return { groups: new Map([...index.entries()].map(([k, g]) => [k, [...g]])), vocabulary: [...index.vocabulary], wild: [...index.wild] };
}
