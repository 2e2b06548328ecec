/**
 * The built-in lexicons' phrase index, made at build time and read back
 * without building: building the PhraseMatcher of ~2,700 phrases (and
 * parsing their compiled form) was a sixth of start-up.
 *
 * scripts/bundle.mjs builds the default matcher (no custom phrases) and
 * writes its index, in the exact shape the matcher uses, to
 * dist/bundle/js/phrase-index.json beside the bundle; the bundle is used only
 * while it was built from the dist/ that is there, so the index is never
 * stale. Outside the bundle (dist/ as tsc leaves it, as the tests run) there
 * is no index file and the matcher is built as before.
 *
 * The file is ASCII text (read without UTF-8 decoding): a JSON header line
 * ({ format, count, cues }), then one line per first word: the word as a
 * JSON string, a tab, and its entry as JSON. Loading finds where each line
 * starts; an entry is parsed the first time a document has its word (a short
 * document meets a few dozen of the ~1,100 first words).
 */
import { readFileSync } from 'node:fs';
import type { CompiledPhrase, FirstWordEntry, WordPattern } from '../text/phrases.js';

export const PHRASE_INDEX_FILE = 'phrase-index.txt';

/** Bumped whenever the encoding changes: an index of another format is ignored. */
const FORMAT = 2;

/** [key, exact] or [key, exact, bareExact]. */
type EncodedWord = [string | null, string | null] | [string | null, string | null, string];
/** all: [cue number, words]; always and bySecond: positions in all. */
type EncodedEntry = [all: Array<[number, EncodedWord[]]>, always: number[], bySecond: Array<[string, number[]]>];

interface Header {
  format: number;
  /** Lines after the header: one per first word. */
  count: number;
  cues: string[];
}

/** The index file's text for a matcher's index (see the top of this file). */
export function encodeIndex(byFirst: ReadonlyMap<string, FirstWordEntry>): string {
  const cues: string[] = [];
  const cueNumber = new Map<string, number>();
  const lines: string[] = [];
  for (const [first, entry] of byFirst) {
    const position = new Map<CompiledPhrase, number>(entry.all.map((p, i) => [p, i]));
    const at = (p: CompiledPhrase) => {
      const i = position.get(p);
      if (i === undefined) throw new Error(`phrase index: a phrase of "${first}" is not in its entry's list`);
      return i;
    };
    const all = entry.all.map((p, i): [number, EncodedWord[]] => {
      if (p.order !== i) throw new Error(`phrase index: phrase ${i} of "${first}" has order ${p.order}`);
      let n = cueNumber.get(p.cue);
      if (n === undefined) cueNumber.set(p.cue, (n = cues.push(p.cue) - 1));
      return [n, p.words.map(encodeWord)];
    });
    const encoded: EncodedEntry = [all, entry.always.map(at), [...entry.bySecond].map(([second, list]) => [second, list.map(at)])];
    lines.push(`${asciiJson(first)}\t${asciiJson(encoded)}\n`);
  }
  const header: Header = { format: FORMAT, count: lines.length, cues };
  return `${asciiJson(header)}\n${lines.join('')}`;
}

/** JSON with every character outside printable ASCII escaped: no tab or newline can occur in it, and the file reads as latin1. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function encodeWord(w: WordPattern): EncodedWord {
  return w.bareExact === undefined ? [w.key, w.exact] : [w.key, w.exact, w.bareExact];
}

/**
 * The matcher's map from first word to entry, parsing each entry on first
 * use. Only `get` is lazy (what the matcher calls); the other Map methods see
 * the entries decoded so far.
 */
export class PrebuiltIndex extends Map<string, FirstWordEntry> {
  private readonly text: string;
  private readonly cues: readonly string[];
  /** Where each first word's entry JSON starts in `text`, until it is decoded. */
  private readonly offsets = new Map<string, number>();

  /** Throws on text that is not a whole index of this format. */
  constructor(text: string) {
    super();
    this.text = text;
    const headerEnd = text.indexOf('\n');
    const header = JSON.parse(text.slice(0, headerEnd)) as Header;
    if (header?.format !== FORMAT || !Array.isArray(header.cues) || typeof header.count !== 'number') throw new Error('not a phrase index of this format');
    this.cues = header.cues;
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

  override get(key: string): FirstWordEntry | undefined {
    const entry = super.get(key);
    if (entry !== undefined) return entry;
    const start = this.offsets.get(key);
    if (start === undefined) return undefined;
    const decoded = decodeEntry(JSON.parse(this.text.slice(start, this.text.indexOf('\n', start))) as EncodedEntry, this.cues);
    this.set(key, decoded);
    this.offsets.delete(key);
    return decoded;
  }

  /** Every first word's entry, decoded (for comparing an index with the matcher it was made from). */
  decodeAll(): Map<string, FirstWordEntry> {
    for (const key of [...this.offsets.keys()]) this.get(key);
    return new Map(super.entries());
  }
}

function decodeEntry([all, always, bySecond]: EncodedEntry, cues: readonly string[]): FirstWordEntry {
  const phrases: CompiledPhrase[] = all.map(([cue, words], order) => ({ cue: cues[cue], words: words.map(decodeWord), order }));
  return {
    all: phrases,
    always: always.map((i) => phrases[i]),
    bySecond: new Map(bySecond.map(([second, list]) => [second, list.map((i) => phrases[i])])),
  };
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
