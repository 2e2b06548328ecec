/**
 * Lexemes: what a token says, computed once per distinct spelling. "FREE"
 * occurs thousands of times in a mailbox; its lower case, its stem, whether
 * it shouts and the id phrases match it by are worked out the first time and
 * looked up after that.
 */
import { MONEY_ANCHOR } from './amounts.js';
import { detach } from './detach.js';
import { stemKey } from './stem.js';

export type TokenKind = 'word' | 'number' | 'currency' | 'punct';
export type Kind = 0 | 1 | 2 | 3;
export const WORD = 0;
export const NUMBER = 1;
export const CURRENCY = 2;
export const PUNCT = 3;
export const KIND_NAMES: readonly TokenKind[] = ['word', 'number', 'currency', 'punct'];

/**
 * Longer "words" are not stemmed: no phrase word is that long, and the Porter
 * stemmer's regexes backtrack quadratically on a long run of consonants.
 */
export const MAX_STEMMED_LENGTH = 64;

/**
 * The words phrases are made of, by stem key. A key gets an id when a phrase
 * is compiled (phrases.ts); a token's key id is then one integer compare.
 */
const vocabulary = new Map<string, number>();
/** Keys by id. */
const vocabularyKeys: string[] = [];
let vocabularyVersion = 0;

/** The key of a vocabulary id. */
export function vocabularyKey(id: number): string {
  return vocabularyKeys[id];
}

/** The id of a phrase word's key, adding it to the vocabulary when new. */
export function vocabularyId(key: string): number {
  let id = vocabulary.get(key);
  if (id === undefined) {
    id = vocabulary.size;
    vocabulary.set(key, id);
    vocabularyKeys.push(key);
    vocabularyVersion++;
  }
  return id;
}

/**
 * One table of lexemes. A scan reads and extends the current table; a
 * TokenList keeps the table its ids point into, so replacing the table when
 * it grows too large never changes what an existing TokenList says. Phrase
 * words added to the vocabulary later get their ids by refreshKeyIds().
 */
export class LexemeTable {
  /** Open addressing by hash of the spelling: lexeme id + 1, 0 for an empty slot. */
  private slots: Int32Array = new Int32Array(1 << 12);
  private hashes: Int32Array = new Int32Array(1 << 11);
  readonly raw: string[] = [];
  readonly norm: string[] = [];
  readonly key: string[] = [];
  /** `norm` without apostrophes. */
  readonly bare: string[] = [];
  readonly keyId: number[] = [];
  readonly shouting: number[] = [];
  /** 1 when the spelling holds a money anchor ("$", "dollars", "USD"; amounts.ts). */
  readonly money: number[] = [];
  private vocabularyVersion = vocabularyVersion;

  /** Gives key ids to lexemes whose key joined the vocabulary after they were made (a matcher built after a scan). */
  refreshKeyIds(): void {
    if (this.vocabularyVersion === vocabularyVersion) return;
    for (let i = 0; i < this.key.length; i++) this.keyId[i] = vocabulary.get(this.key[i]) ?? -1;
    this.vocabularyVersion = vocabularyVersion;
  }

  /**
   * The id of the spelling text[start, end), added when new. Looked up by a
   * hash of the characters in place: slicing every token into a string of
   * its own to look it up in a Map was a third of the scan.
   */
  find(text: string, start: number, end: number, kind: Kind): number {
    return this.findHashed(text, start, end, kind, hashOf(text, start, end));
  }

  /** find() with the spelling's hashOf() already computed (the scanner hashes ASCII words as it reads them). */
  findHashed(text: string, start: number, end: number, kind: Kind, h: number): number {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (let v = this.slots[slot]; v !== 0; v = this.slots[slot]) {
      const id = v - 1;
      if (this.hashes[id] === h && spells(this.raw[id], text, start, end)) return id;
      slot = (slot + 1) & mask;
    }
    // The table outlives the window: a spelling sliced from it would pin the whole window's text.
    const id = this.add(detach(text.slice(start, end)), kind);
    if (id === this.hashes.length) this.hashes = grown(this.hashes);
    this.hashes[id] = h;
    this.slots[slot] = id + 1;
    if (this.raw.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.raw.length; id++) {
      let slot = this.hashes[id] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = id + 1;
    }
  }

  private add(raw: string, kind: Kind): number {
    const id = this.raw.length;
    let norm: string;
    let key: string;
    let shouting = 0;
    if (kind === WORD) {
      norm = lowerCase(raw);
      key = norm.length <= MAX_STEMMED_LENGTH ? stemKey(norm) : norm;
      shouting = isShouting(raw, norm) ? 1 : 0;
    } else {
      norm = raw.charCodeAt(0) < 128 ? raw : lowerCase(raw);
      key = norm;
    }
    this.raw.push(raw);
    this.norm.push(norm);
    this.key.push(key);
    this.bare.push(norm.includes("'") ? norm.replace(/'/g, '') : norm);
    this.keyId.push(vocabulary.get(key) ?? -1);
    this.shouting.push(shouting);
    this.money.push(kind === WORD || kind === CURRENCY ? (MONEY_ANCHOR.test(raw) ? 1 : 0) : 0);
    return id;
  }
}

/**
 * Distinct spellings kept before the table starts afresh (a mailbox of random ids would grow it without end).
 * A spelling costs ~90 bytes of heap, and a mailbox brings about one new one per message (an order number, a
 * date): at 200,000 the table alone was ~18 MB of every analysing thread's live heap on a long mailbox. A
 * fresh table re-learns the common words within a few messages (their stems stay cached in stem.ts). 20,000
 * rather than 50,000 (with the stem cache): ~6 MB less peak RSS on the 500 MB mailbox with two workers
 * (148.7 and 150.1 MB against 153.6–161.5), and no more CPU (the 50 MB mail-like mailbox and text, runs
 * interleaved).
 */
const TABLE_LIMIT = 20_000;

let table = new LexemeTable();

/** The table a scan starting now writes into. */
export function currentLexemes(): LexemeTable {
  if (table.raw.length > TABLE_LIMIT) table = new LexemeTable();
  table.refreshKeyIds();
  return table;
}

/**
 * FNV-1a's offset basis, mixed with a number drawn once per process: the
 * lexeme table probes linearly, so words crafted to share one fixed 32-bit
 * hash could make every look-up walk them all (quadratic time on a hostile
 * mail). With a seed nobody knows in advance, collisions cannot be planned.
 * Where a spelling lands in the table never changes what it says.
 */
export const HASH_SEED = (0x811c9dc5 ^ Math.floor(Math.random() * 0x100000000)) | 0;
export const HASH_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 units of text[start, end). */
export function hashOf(text: string, start: number, end: number): number {
  let h = HASH_SEED;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), HASH_PRIME);
  return h;
}

function spells(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** Lower case with ’ folded to '. */
function lowerCase(raw: string): string {
  const norm = raw.toLowerCase();
  return norm.includes('’') ? norm.replace(/’/g, "'") : norm;
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
