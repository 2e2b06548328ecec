/**
 * The tokens of one text, stored column-wise in typed arrays (the scanner in
 * tokenize.ts writes them): a window of text holds hundreds of thousands of
 * tokens, and an object per token made the garbage collector a quarter of
 * the run time. What a token says (raw, norm, stem key) is its lexeme
 * (lexemes.ts).
 */
import { KIND_NAMES, NUMBER, WORD, type LexemeTable, type TokenKind } from './lexemes.js';

/** One token, materialised on demand by TokenList.at(). */
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

/**
 * The tokens of one text, column-wise. Rules read single fields by index
 * (`kind(i)`, `norm(i)`) in loops, or a whole Token with `at(i)` where it
 * reads better; Token objects are made only when asked for.
 */
export class TokenList implements Iterable<Token> {
  constructor(
    private readonly lexemes: LexemeTable,
    readonly length: number,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly lexeme: Int32Array,
    private readonly sentences: Int32Array,
    private readonly kinds: Uint8Array,
    private readonly hyphens: Uint8Array,
  ) {}

  start(i: number): number {
    return this.starts[i];
  }
  end(i: number): number {
    return this.ends[i];
  }
  sentence(i: number): number {
    return this.sentences[i];
  }
  kind(i: number): TokenKind {
    return KIND_NAMES[this.kinds[i]];
  }
  isWord(i: number): boolean {
    return this.kinds[i] === WORD;
  }
  /** Words and numbers: the tokens phrases are matched over. */
  isWordOrNumber(i: number): boolean {
    return this.kinds[i] <= NUMBER;
  }
  raw(i: number): string {
    return this.lexemes.raw[this.lexeme[i]];
  }
  norm(i: number): string {
    return this.lexemes.norm[this.lexeme[i]];
  }
  key(i: number): string {
    return this.lexemes.key[this.lexeme[i]];
  }
  /** The interned id of `key(i)` among phrase words, or -1 when no phrase uses it. */
  keyId(i: number): number {
    return this.lexemes.keyId[this.lexeme[i]];
  }
  /** Makes `keyId` current with the phrase vocabulary (phrases compiled after this scan). */
  refreshKeyIds(): void {
    this.lexemes.refreshKeyIds();
  }
  /** `norm(i)` without apostrophes (what "=word" phrase words compare with). */
  bare(i: number): string {
    return this.lexemes.bare[this.lexeme[i]];
  }
  shouting(i: number): boolean {
    return this.lexemes.shouting[this.lexeme[i]] === 1;
  }
  /** The token holds a money anchor: a currency sign, a code or a unit word (amounts.ts). */
  mentionsMoney(i: number): boolean {
    return this.lexemes.money[this.lexeme[i]] === 1;
  }
  hyphenated(i: number): boolean {
    return this.hyphens[i] === 1;
  }

  /** The buffer the columns are views of (tokenize.ts reuses it once the list is done with). */
  columns(): ArrayBuffer {
    return this.starts.buffer as ArrayBuffer;
  }

  /** Token `i` as an object, or undefined outside [0, length). */
  at(i: number): Token | undefined {
    if (!(i >= 0 && i < this.length)) return undefined;
    const lex = this.lexeme[i];
    const lexemes = this.lexemes;
    return {
      start: this.starts[i],
      end: this.ends[i],
      raw: lexemes.raw[lex],
      norm: lexemes.norm[lex],
      key: lexemes.key[lex],
      kind: KIND_NAMES[this.kinds[i]],
      sentence: this.sentences[i],
      shouting: lexemes.shouting[lex] === 1,
      hyphenated: this.hyphens[i] === 1,
    };
  }

  /** Tokens [from, to) as objects. */
  slice(from = 0, to = this.length): Token[] {
    const out: Token[] = [];
    for (let i = Math.max(0, from); i < to && i < this.length; i++) out.push(this.at(i)!);
    return out;
  }

  *[Symbol.iterator](): Iterator<Token> {
    for (let i = 0; i < this.length; i++) yield this.at(i)!;
  }
}

