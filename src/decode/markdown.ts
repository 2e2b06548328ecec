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
import { TextBuilder } from '../positions.js';
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

export function markdownPart(source: string): TextPart {
  const tree = fromMarkdown(source, {
    extensions: [frontmatter([...FRONT_MATTER])],
    mdastExtensions: [frontmatterFromMarkdown([...FRONT_MATTER])],
  });
  const walker = new MarkdownWalker(source);
  walker.visit(tree);
  const { text, map } = walker.builder.build();
  const part: TextPart = { name: 'body', text, source, map };
  if (walker.hidden.length > 0) part.hidden = walker.hidden;
  return part;
}

class MarkdownWalker {
  readonly builder = new TextBuilder();
  readonly hidden: Array<[number, number]> = [];

  constructor(private readonly source: string) {}

  visit(node: Nodes): void {
    if (SKIPPED.has(node.type)) return;
    const block = BLOCKS.has(node.type);
    if (block) this.owe('\n\n');
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
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
        if ('children' in node) for (const child of (node as Parents).children) this.visit(child as Nodes);
    }
    if (block) this.owe('\n\n');
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
    const lines = value.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) {
        const nl = this.source.indexOf('\n', cursor);
        const at = nl >= 0 && nl < end ? nl : cursor;
        this.append('\n', at, Math.min(at + 1, end));
        cursor = Math.min(at + 1, end);
      }
      if (line.length === 0) return;
      const found = this.source.indexOf(line, cursor);
      if (found >= 0 && found + line.length <= end) {
        this.append(line, found, found + line.length);
        cursor = found + line.length;
      } else {
        const nl = this.source.indexOf('\n', cursor);
        const lineEnd = nl >= 0 && nl < end ? nl : end;
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
