/**
 * Offsets and positions.
 *
 * Inside quidpro every offset is a 0-based UTF-16 index into a string. Only at
 * the edges are they turned into 1-based line/column pairs (columns in UTF-16
 * code units, as SARIF counts them; end columns exclusive).
 */
import { lastStartingAtOrBefore } from './text/search.js';

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Turns offsets of one string into 1-based line/column positions. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(source: string) {
    if (!source.includes('\r')) {
      // indexOf finds line feeds far faster than a loop over every character.
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < source.length; i++) {
      const c = source.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c === 13) {
        // CRLF counts once; a lone CR is a line break too.
        if (source.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const starts = this.lineStarts;
    const lo = lastStartingAtOrBefore(starts.length, (i) => starts[i], offset);
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }

  range(start: number, end: number): Range {
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
}

/**
 * A run of analysable text that came from one run of source.
 * When the lengths match (a verbatim copy) offsets inside map one to one;
 * otherwise (an entity, a decoded escape) the whole run maps to the whole
 * source run.
 */
interface Piece {
  textStart: number;
  textEnd: number;
  sourceStart: number;
  sourceEnd: number;
}

/** Maps offsets in extracted text back to offsets in its source. */
export class SpanMap {
  constructor(private readonly pieces: readonly Piece[]) {}

  static identity(length: number): SpanMap {
    return new SpanMap([{ textStart: 0, textEnd: length, sourceStart: 0, sourceEnd: length }]);
  }

  /**
   * The source offset for a text offset. `edge` says whether the offset opens
   * a span (maps to where its character starts) or closes it (maps to one
   * past where the previous character ends).
   */
  toSource(offset: number, edge: 'start' | 'end'): number {
    const pieces = this.pieces;
    if (pieces.length === 0) return 0;
    const probe = edge === 'end' ? offset - 1 : offset;
    const p = pieces[lastStartingAtOrBefore(pieces.length, (i) => pieces[i].textStart, probe)];
    const verbatim = p.textEnd - p.textStart === p.sourceEnd - p.sourceStart;
    if (edge === 'start') {
      if (probe >= p.textEnd) return p.sourceEnd;
      return verbatim ? p.sourceStart + (probe - p.textStart) : p.sourceStart;
    }
    if (probe < p.textStart) return p.sourceStart;
    if (probe >= p.textEnd) return p.sourceEnd;
    return verbatim ? p.sourceStart + (offset - p.textStart) : p.sourceEnd;
  }
}

/**
 * Builds analysable text from pieces of a source, recording where each piece
 * came from. Decoders use it so that findings point at the source.
 */
export class TextBuilder {
  private readonly parts: string[] = [];
  private readonly pieces: Piece[] = [];
  private length = 0;
  private lastSourceEnd = 0;

  /** Appends `text` that stands for source[sourceStart, sourceEnd). */
  append(text: string, sourceStart: number, sourceEnd: number = sourceStart + text.length): void {
    if (text.length === 0) return;
    this.parts.push(text);
    this.pieces.push({
      textStart: this.length,
      textEnd: this.length + text.length,
      sourceStart,
      sourceEnd,
    });
    this.length += text.length;
    this.lastSourceEnd = sourceEnd;
  }

  /**
   * Appends text with no source of its own (a space between two blocks); it
   * maps to the end of the previous piece. Collapses a run of separators.
   */
  separator(text: ' ' | '\n' | '\n\n'): void {
    if (this.length === 0) return;
    const tail = this.parts[this.parts.length - 1];
    if (text === ' ' && /\s$/.test(tail)) return;
    if (text !== ' ' && tail.endsWith(text)) return;
    this.append(text, this.lastSourceEnd, this.lastSourceEnd);
  }

  get textLength(): number {
    return this.length;
  }

  build(): { text: string; map: SpanMap } {
    return { text: this.parts.join(''), map: new SpanMap(this.pieces.slice()) };
  }
}
