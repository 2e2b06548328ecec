/**
 * Markdown: the prose (headings, paragraphs, lists, blockquotes, emphasis,
 * link text, image alt text) mapped back to the .md source. Code (fenced,
 * indented, inline), front matter and link definitions are skipped; raw HTML
 * is read as HTML (so its comments are skipped and its visible text kept).
 */
import type { Nodes, Parents } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';
import { SpanMap, TextBuilder } from '../positions.js';
import type { DecodedInput, TextPart } from '../types.js';
import { HtmlTextExtractor } from './html.js';
import { bytesToText } from './text.js';

const FRONT_MATTER = ['yaml', 'toml'] as const;

/** Node types whose content is never prose. */
const SKIPPED = new Set(['code', 'inlineCode', 'yaml', 'toml', 'definition', 'footnoteDefinition']);

/** Node types that stand as a paragraph of their own. */
const BLOCKS = new Set(['paragraph', 'heading', 'blockquote', 'list', 'listItem', 'table', 'tableRow', 'thematicBreak']);

export function decodeMarkdown(bytes: Uint8Array): DecodedInput {
  const source = bytesToText(bytes);
  return { format: 'markdown', parts: [markdownPart(source)] };
}

/**
 * Past these, micromark's work grows with the square of the input (container
 * markers nested on one line, link and image brackets in one paragraph): such
 * a document is read as plain text instead, every character where it stands.
 * Real Markdown stays far below both.
 */
export const MAX_CONTAINER_DEPTH = 100;
export const MAX_BRACKETS_PER_PARAGRAPH = 1000;

const WITH_FRONT_MATTER = {
  extensions: [frontmatter([...FRONT_MATTER])],
  mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER])],
};

export function markdownPart(source: string): TextPart {
  if (tooDeepForMarkdown(source)) return { name: 'body', text: source, source, map: SpanMap.identity(source.length) };
  const walker = new MarkdownWalker(source);
  for (const [start, end] of markdownSegments(source)) {
    const text = start === 0 && end === source.length ? source : source.slice(start, end);
    // Front matter can only open the document: later segments skip the extension and its set-up.
    const tree = start === 0 ? fromMarkdown(text, WITH_FRONT_MATTER) : fromMarkdown(text);
    walker.visit(tree, start);
  }
  const { text, map } = walker.builder.build();
  const part: TextPart = { name: 'body', text, source, map };
  if (walker.hidden.length > 0) part.hidden = walker.hidden;
  return part;
}

/**
 * micromark's work grows with the square of the number of block quotes and
 * lists in one document (1 MB of short quotes: minutes), so a long document
 * is parsed in segments of about this many characters, cut at blank lines
 * outside fenced code, HTML comments and raw HTML blocks. What a cut can
 * change: a loose list becomes two lists, and a link reference defined in
 * another segment stays literal text ("[words][ref]"); the words are read
 * either way.
 */
export const SEGMENT_CHARS = 4 * 1024;

/** [start, end) ranges of `source` to parse one by one; one range for a short document. */
export function markdownSegments(source: string): Array<[number, number]> {
  if (source.length <= SEGMENT_CHARS) return [[0, source.length]];
  const segments: Array<[number, number]> = [];
  let segmentStart = 0;
  let fence: string | null = null;
  let rawEnd: string | null = null;
  for (let start = 0; start < source.length; ) {
    const br = lineBreakIn(source, start, source.length);
    const end = br < 0 ? source.length : br + breakLength(source, br);
    const line = source.slice(start, Math.min(end, start + 200)).replace(/^[\s>]*/, '');
    if (fence !== null) {
      if (line.startsWith(fence)) fence = null;
    } else if (rawEnd !== null) {
      if (source.slice(start, end).toLowerCase().includes(rawEnd)) rawEnd = null;
    } else if (/^(?:`{3,}|~{3,})/.test(line)) {
      fence = line.slice(0, 3);
    } else if (/^<!--/.test(line) && !source.slice(start, end).includes('-->', 4)) {
      rawEnd = '-->';
    } else {
      const raw = /^<(script|pre|style|textarea)(?:[\s>]|$)/i.exec(line);
      if (raw && !source.slice(start, end).toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) rawEnd = `</${raw[1].toLowerCase()}>`;
      else if (end - segmentStart >= SEGMENT_CHARS && isBlank(source, start, end)) {
        segments.push([segmentStart, end]);
        segmentStart = end;
      }
    }
    start = end;
  }
  if (segmentStart < source.length) segments.push([segmentStart, source.length]);
  return segments;
}

/** True when some line nests containers too deep, or some paragraph holds too many brackets (see the limits above). */
export function tooDeepForMarkdown(source: string): boolean {
  let brackets = 0;
  for (let start = 0; start < source.length; ) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    if (containerDepth(source, start, end) > MAX_CONTAINER_DEPTH) return true;
    if (isBlank(source, start, end)) brackets = 0;
    else for (let at = start; at < end; at++) {
      if (source.charCodeAt(at) === 0x5b && ++brackets > MAX_BRACKETS_PER_PARAGRAPH) return true;
    }
    start = end + 1;
  }
  return false;
}

/** Block-quote and list markers opening the line source[start, end): `> `, `- `, `* `, `+ `, `1. `, `1) `. */
function containerDepth(source: string, start: number, end: number): number {
  let depth = 0;
  let at = start;
  for (;;) {
    while (at < end && (source[at] === ' ' || source[at] === '\t')) at++;
    if (at >= end) return depth;
    const c = source[at];
    if (c === '>') at++;
    else if ((c === '-' || c === '*' || c === '+') && isMarkerEnd(source[at + 1], at + 1 >= end)) at++;
    else {
      let digits = at;
      while (digits < end && digits - at < 9 && source[digits] >= '0' && source[digits] <= '9') digits++;
      if (digits === at || (source[digits] !== '.' && source[digits] !== ')') || !isMarkerEnd(source[digits + 1], digits + 1 >= end)) return depth;
      at = digits + 1;
    }
    depth++;
  }
}

/** The first line break (CR or LF) in source[from, end), or -1. */
function lineBreakIn(source: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) return i;
  }
  return -1;
}

/** 2 for a CRLF at `at`, 1 for a lone CR or LF, 0 for anything else. */
function breakLength(source: string, at: number): number {
  if (source[at] === '\r') return source[at + 1] === '\n' ? 2 : 1;
  return source[at] === '\n' ? 1 : 0;
}

function isMarkerEnd(c: string | undefined, atLineEnd: boolean): boolean {
  return atLineEnd || c === ' ' || c === '\t' || c === '\r';
}

function isBlank(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(source[i])) return false;
  return true;
}

/** Marks the end of a block in the walker's stack: the separator owed after it. */
const BLOCK_END = Symbol('block end');

function offsetIn(base: number, offset: number | undefined): number | undefined {
  return offset === undefined ? undefined : base + offset;
}

class MarkdownWalker {
  readonly builder = new TextBuilder();
  readonly hidden: Array<[number, number]> = [];
  /** Where the segment being walked starts in the source (its tree's offsets are relative to it). */
  private base = 0;

  constructor(private readonly source: string) {}

  /** Depth first with a stack of its own: nesting is bounded by memory, not by the call stack. */
  visit(root: Nodes, base = 0): void {
    this.base = base;
    const stack: Array<Nodes | typeof BLOCK_END> = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node === BLOCK_END) this.owe('\n\n');
      else this.enter(node, stack);
    }
  }

  private enter(node: Nodes, stack: Array<Nodes | typeof BLOCK_END>): void {
    if (SKIPPED.has(node.type)) return;
    if (BLOCKS.has(node.type)) {
      this.owe('\n\n');
      stack.push(BLOCK_END);
    }
    const start = offsetIn(this.base, node.position?.start.offset);
    const end = offsetIn(this.base, node.position?.end.offset);
    switch (node.type) {
      case 'text':
        if (start !== undefined && end !== undefined) this.appendText(node.value, start, end);
        break;
      case 'break':
        if (start !== undefined && end !== undefined) this.append('\n', start, end);
        break;
      case 'image':
      case 'imageReference':
        if (node.alt && start !== undefined && end !== undefined) this.appendAlt(node.alt, start, end);
        break;
      case 'html':
        if (start !== undefined && end !== undefined) this.appendHtml(start, end);
        break;
      default:
        if ('children' in node) {
          const children = (node as Parents).children;
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
        }
    }
  }

  /** A separator owed before the next text, so none trails the last text. */
  private pending: '' | ' ' | '\n\n' = '';

  private owe(sep: ' ' | '\n\n'): void {
    if (sep === '\n\n' || this.pending === '') this.pending = sep;
  }

  private append(text: string, start: number, end: number): void {
    if (this.pending) this.builder.separator(this.pending);
    this.pending = '';
    this.builder.append(text, start, end);
  }

  /**
   * A text node's value equals its source unless it held escapes, entities
   * or continuation-line prefixes ("> " in a blockquote). Lines found
   * verbatim in the source map word for word; any other line maps as a whole.
   */
  private appendText(value: string, start: number, end: number): void {
    if (this.source.slice(start, end) === value) {
      this.append(value, start, end);
      return;
    }
    let cursor = start;
    value.split(/\r\n|\r|\n/).forEach((line, i) => {
      if (i > 0) {
        const br = lineBreakIn(this.source, cursor, end);
        const at = br >= 0 ? br : cursor;
        const after = Math.min(at + breakLength(this.source, at), end);
        this.append('\n', at, Math.max(after, Math.min(at + 1, end)));
        cursor = after;
      }
      if (line.length === 0) return;
      // Each line of the value lies on one line of the source (after a "> " or indentation, before trailing spaces).
      const br = lineBreakIn(this.source, cursor, end);
      let lineEnd = br >= 0 ? br : end;
      // Spaces ending a source line are not in the value (Markdown drops them).
      if (!/[ \t]$/.test(line)) while (lineEnd > cursor && (this.source[lineEnd - 1] === ' ' || this.source[lineEnd - 1] === '\t')) lineEnd--;
      const found = this.source.slice(cursor, lineEnd).indexOf(line);
      if (found >= 0) {
        this.append(line, cursor + found, cursor + found + line.length);
        cursor += found + line.length;
      } else {
        this.append(line, cursor, Math.max(cursor, lineEnd));
        cursor = lineEnd;
      }
    });
  }

  /** `![alt](src)`: the alt text sits after "![" when written plainly. */
  private appendAlt(alt: string, start: number, end: number): void {
    this.owe(' ');
    const found = this.source.indexOf(alt, start);
    if (found >= 0 && found + alt.length <= end) this.append(alt, found, found + alt.length);
    else this.append(alt, start, end);
    this.owe(' ');
  }

  private appendHtml(start: number, end: number): void {
    if (this.pending) this.builder.separator(this.pending);
    this.pending = '';
    const extractor = new HtmlTextExtractor(this.source, this.builder);
    extractor.extract(start, end);
    extractor.flushTitles();
    this.hidden.push(...extractor.hidden);
  }
}
