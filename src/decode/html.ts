/**
 * HTML: the text a reader sees (plus image alt text, title attributes and
 * hidden preheaders), each piece mapped back to its offsets in the HTML
 * source. Hidden text is analysed but its ranges are marked, so findings
 * there say `hidden: true`.
 */
import { Parser } from 'htmlparser2';
import { SpanMap, TextBuilder } from '../positions.js';
import type { DecodedInput, TextPart } from '../types.js';
import { bytesToText } from './text.js';

/** Elements whose content a reader never sees. `head` is skipped except its `<title>`. */
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'iframe', 'object']);

/** Elements that start and end a paragraph of their own. */
const PARAGRAPH_BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer',
  'main', 'aside', 'nav', 'table', 'ul', 'ol', 'dl', 'form', 'fieldset', 'figure', 'figcaption', 'pre',
  'address', 'center', 'hr', 'title', 'details', 'summary', 'body', 'html',
]);

/** Elements that start and end a line of their own. */
const LINE_BLOCKS = new Set(['li', 'tr', 'td', 'th', 'dt', 'dd', 'caption', 'thead', 'tbody', 'tfoot', 'option', 'legend']);

/** Inline styles that hide text from the reader while leaving it in the mail (preheaders). */
const HIDING_STYLES: readonly RegExp[] = [
  /(?:^|[;\s])display\s*:\s*none\b/i,
  /(?:^|[;\s])visibility\s*:\s*hidden\b/i,
  /(?:^|[;\s])font-size\s*:\s*(?:0|1)(?:\.0+)?(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)/i,
  /(?:^|[;\s])opacity\s*:\s*0(?:\.0+)?\s*(?:!important\s*)?(?:;|$)/i,
  /(?:^|[;\s])mso-hide\s*:\s*all\b/i,
];
const ZERO_MAX_HEIGHT = /(?:^|[;\s])max-height\s*:\s*0(?:px|pt|em|%)?\s*(?:!important\s*)?(?:;|$)/i;
const OVERFLOW_HIDDEN = /(?:^|[;\s])overflow\s*:\s*hidden\b/i;

export function isHidingStyle(style: string): boolean {
  if (HIDING_STYLES.some((re) => re.test(style))) return true;
  return ZERO_MAX_HEIGHT.test(style) && OVERFLOW_HIDDEN.test(style);
}

/** An HTML file: positions are in the file itself. */
export function decodeHtml(bytes: Uint8Array): DecodedInput {
  const source = bytesToText(bytes);
  return { format: 'html', parts: [htmlPart('body', source)] };
}

/** The analysable text of an HTML source, with its map and hidden ranges. */
export function htmlPart(name: TextPart['name'], source: string, options: ExtractOptions = {}): TextPart {
  const extractor = new HtmlTextExtractor(source, new TextBuilder(), options);
  extractor.extract(0, source.length);
  extractor.flushTitles();
  const { text, map } = extractor.builder.build();
  const part: TextPart = { name, text, source, map };
  if (extractor.hidden.length > 0) part.hidden = extractor.hidden;
  return part;
}

/**
 * Text of an HTML mail body as a reader sees it: `source` is that text itself.
 * Mail clients never show the document's `<title>`, so it is left out.
 */
export function htmlAsReadText(name: TextPart['name'], html: string): TextPart {
  const part = htmlPart(name, html, { title: false });
  const own: TextPart = { name, text: part.text, source: part.text, map: SpanMap.identity(part.text.length) };
  if (part.hidden) own.hidden = part.hidden;
  return own;
}

export interface ExtractOptions {
  /** Read the document's `<title>` (default true: a browser shows it). */
  title?: boolean;
}

interface Frame {
  name: string;
  /** Content not analysed at all. */
  skip: boolean;
  /** Skipped for a reason other than being inside `<head>` (so `<title>` stays skipped). */
  skipBesidesHead: boolean;
  hidden: boolean;
}

interface PendingTitle {
  text: string;
  start: number;
  end: number;
  hidden: boolean;
}

/** Elements open at once before the parser is restarted (see extractUntilTooDeep); real mail nests a few dozen. */
export const MAX_DEPTH = 256;

const ROOT: Frame = { name: '#root', skip: false, skipBesidesHead: false, hidden: false };
const WHITESPACE = /\s+/g;

/**
 * Walks HTML with htmlparser2's callback parser and appends what a reader
 * sees to a TextBuilder. Reusable on a slice of a larger source (HTML inside
 * Markdown): offsets are shifted by where the slice starts.
 */
export class HtmlTextExtractor {
  readonly hidden: Array<[number, number]> = [];
  private readonly stack: Frame[] = [ROOT];
  private readonly titles: PendingTitle[] = [];
  /** The builder's text ends in whitespace (or is empty). */
  private atSpace = true;
  /** Visible words were appended since the last hidden range ended. */
  private visibleSinceHidden = true;
  /** A separator owed before the next text (none is written after the last text). */
  private pending: '' | ' ' | '\n' | '\n\n' = '';

  constructor(
    private readonly source: string,
    readonly builder: TextBuilder,
    private readonly options: ExtractOptions = {},
  ) {}

  /** Extracts text from source[start, end). */
  extract(start: number, end: number): void {
    for (let from = start; from < end; ) from = this.extractUntilTooDeep(from, end);
  }

  /**
   * Parses source[from, end) until its end, or until an element would open
   * deeper than MAX_DEPTH: then returns where that tag starts, to go on with a
   * fresh parser. htmlparser2 keeps its open elements in an array it shifts at
   * the front, so its work grows with the square of the nesting depth.
   */
  private extractUntilTooDeep(from: number, end: number): number {
    let stoppedAt = end;
    const live = () => stoppedAt === end;
    const parser: Parser = new Parser(
      {
        onopentag: (name, attribs) => {
          if (!live()) return;
          if (this.stack.length > MAX_DEPTH) {
            stoppedAt = from + parser.startIndex;
            this.flattenStack();
            parser.pause();
            return;
          }
          this.open(name, attribs, from + parser.startIndex, from + parser.endIndex + 1);
        },
        onclosetag: (name) => {
          if (live()) this.close(name);
        },
        ontext: (data) => {
          if (live()) this.text(data, from + parser.startIndex, from + parser.endIndex + 1);
        },
      },
      { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
    );
    parser.write(this.source.slice(from, end));
    if (live()) parser.end();
    return stoppedAt > from ? stoppedAt : end;
  }

  /**
   * Past MAX_DEPTH the rest of the document is read as if at the top level:
   * nothing there counts as hidden or skipped, so nesting cannot be used to
   * keep words from being read.
   */
  private flattenStack(): void {
    this.stack.length = 0;
    this.stack.push(ROOT);
  }

  /** Title attributes go last, each a paragraph of its own, so they never split a sentence of the body. */
  flushTitles(): void {
    for (const t of this.titles) {
      this.owe('\n\n');
      this.appendInline(t.text, t.start, t.end, t.hidden);
    }
    this.titles.length = 0;
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1];
  }

  private open(name: string, attribs: Record<string, string>, tagStart: number, tagEnd: number): void {
    const parent = this.top;
    const skippedHere = SKIPPED.has(name);
    const skipBesidesHead = parent.skipBesidesHead || (skippedHere && name !== 'head');
    const readTitle = name === 'title' && this.options.title !== false;
    const skip = readTitle ? skipBesidesHead : parent.skip || skippedHere;
    const hidden = parent.hidden || 'hidden' in attribs || isHidingStyle(attribs.style ?? '');
    this.stack.push({ name, skip, skipBesidesHead, hidden });
    if (skip) return;
    this.blockEdge(name);
    if (name === 'br') this.lineBreak(tagStart, tagEnd, hidden);
    if (name === 'img' || name === 'area' || (name === 'input' && attribs.type?.toLowerCase() === 'image')) {
      if (attribs.alt?.trim()) this.attributeText('alt', attribs.alt, tagStart, tagEnd, hidden, 'inline');
    }
    if (attribs.title?.trim()) this.attributeText('title', attribs.title, tagStart, tagEnd, hidden, 'deferred');
  }

  private close(name: string): void {
    // htmlparser2 reports implied and void closes too, so the stack stays balanced.
    for (let i = this.stack.length - 1; i > 0; i--) {
      if (this.stack[i].name !== name) continue;
      const frame = this.stack[i];
      this.stack.length = i;
      if (!frame.skip) this.blockEdge(name);
      return;
    }
  }

  private text(data: string, start: number, end: number): void {
    const frame = this.top;
    if (frame.skip) return;
    this.appendInline(data, start, end, frame.hidden);
  }

  private blockEdge(name: string): void {
    if (PARAGRAPH_BLOCKS.has(name)) this.separate('\n\n');
    else if (LINE_BLOCKS.has(name)) this.separate('\n');
  }

  private separate(sep: '\n' | '\n\n'): void {
    this.owe(sep);
  }

  /** Owes a separator, the strongest one asked for since the last text. */
  private owe(sep: ' ' | '\n' | '\n\n'): void {
    if (this.builder.textLength === 0) return;
    if (sep.length > this.pending.length || (sep !== ' ' && this.pending === ' ')) this.pending = sep;
    this.atSpace = true;
  }

  private payPending(): void {
    if (this.pending) this.builder.separator(this.pending);
    this.pending = '';
  }

  private lineBreak(tagStart: number, tagEnd: number, hidden: boolean): void {
    if (this.builder.textLength === 0) return;
    if (this.pending === '\n\n') this.payPending();
    this.pending = '';
    this.record(() => this.builder.append('\n', tagStart, tagEnd), hidden);
    this.atSpace = true;
  }

  private attributeText(
    attr: string,
    value: string,
    tagStart: number,
    tagEnd: number,
    hidden: boolean,
    placement: 'inline' | 'deferred',
  ): void {
    const [start, end] = attributeValueRange(this.source, tagStart, tagEnd, attr) ?? [tagStart, tagEnd];
    if (placement === 'deferred') {
      this.titles.push({ text: value, start, end, hidden });
      return;
    }
    if (!this.atSpace) this.owe(' ');
    this.appendInline(value, start, end, hidden);
    if (!this.atSpace) this.owe(' ');
  }

  /**
   * Appends text standing for source[start, end), collapsing runs of
   * whitespace as a browser does. Verbatim runs (no entity) map word by word.
   */
  private appendInline(data: string, start: number, end: number, hidden: boolean): void {
    if (data.length === 0) return;
    if (data.length !== end - start) {
      const collapsed = data.replace(WHITESPACE, ' ');
      const piece = this.atSpace && collapsed.startsWith(' ') ? collapsed.slice(1) : collapsed;
      if (piece.length === 0) return;
      this.payPending();
      this.record(() => this.builder.append(piece, start, end), hidden && /\S/.test(piece));
      this.atSpace = piece.endsWith(' ');
      return;
    }
    let at = 0;
    WHITESPACE.lastIndex = 0;
    for (let m = WHITESPACE.exec(data); m; m = WHITESPACE.exec(data)) {
      this.appendWord(data.slice(at, m.index), start + at, hidden);
      if (!this.atSpace) {
        const s = start + m.index;
        this.builder.append(' ', s, s + m[0].length);
        this.atSpace = true;
      }
      at = m.index + m[0].length;
    }
    this.appendWord(data.slice(at), start + at, hidden);
  }

  private appendWord(word: string, start: number, hidden: boolean): void {
    if (word.length === 0) return;
    this.payPending();
    this.record(() => this.builder.append(word, start, start + word.length), hidden);
    this.atSpace = false;
  }

  /** Runs an append and, for hidden text, records the range it covered. */
  private record(append: () => void, hidden: boolean): void {
    const before = this.builder.textLength;
    append();
    const after = this.builder.textLength;
    if (after === before) return;
    if (!hidden) {
      this.visibleSinceHidden = true;
      return;
    }
    const last = this.hidden[this.hidden.length - 1];
    // Hidden words separated only by whitespace form one range.
    if (last && !this.visibleSinceHidden) last[1] = after;
    else this.hidden.push([before, after]);
    this.visibleSinceHidden = false;
  }
}

/** Where an attribute's value sits in the source of its tag, quotes excluded. */
export function attributeValueRange(source: string, tagStart: number, tagEnd: number, attr: string): [number, number] | null {
  const tag = source.slice(tagStart, tagEnd);
  const re = new RegExp(`\\s${attr}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
  const m = re.exec(tag);
  if (!m) return null;
  const value = m[1] ?? m[2] ?? m[3] ?? '';
  const valueStart = tagStart + m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
  return [valueStart, valueStart + value.length];
}
