/**
 * Inline suppressions, read from the source text that positions refer to:
 *
 *   <!-- quidpro-disable-next-line freebie -->     (HTML / Markdown comment)
 *   # quidpro-disable obligation, freebie           (a line of its own, plain text;
 *   // quidpro-enable                                optionally after # or //)
 *
 * The tactic list is optional (none = every tactic); ids are separated by
 * commas or spaces; text after " -- " is a reason and ignored.
 */
import { LineIndex } from './positions.js';
import { TACTIC_IDS, type Finding, type TacticId } from './types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

export interface Directive {
  kind: DirectiveKind;
  /** null: every tactic. */
  tactics: TacticId[] | null;
  line: number;
  column: number;
  /** The directive as written, e.g. "quidpro-disable-next-line freebie". */
  text: string;
  /** Ids in the list that are not tactics. */
  unknown: string[];
}

/** A disable directive that suppressed nothing (reported with --report-unused-disables). */
export interface UnusedDisable {
  line: number;
  column: number;
  directive: string;
  message: string;
  /** Mail only: the part the directive is in. */
  part?: 'subject' | 'body';
}

const KINDS: readonly DirectiveKind[] = ['disable-next-line', 'disable', 'enable'];
const MARK = 'quidpro-';

/**
 * Every directive in `source`, in order: each "quidpro-" found with indexOf is
 * read as a comment directive (`<!--` and spaces before it, up to the next
 * `-->`) or a line directive (only spaces, `#`s or `//` before it on its line,
 * up to the line's end). One pass, linear in the source: the regexes this
 * replaces were cubic on unclosed comments and quadratic on long lines.
 */
export function parseDirectives(source: string): Directive[] {
  if (!source.includes(MARK)) return [];
  const lines = new LineIndex(source);
  const directives: Directive[] = [];
  const scan = new DirectiveScan(source);
  for (let at = source.indexOf(MARK); at >= 0; at = source.indexOf(MARK, at + MARK.length)) {
    const found = scan.commentAt(at) ?? scan.lineAt(at);
    if (!found) continue;
    const pos = lines.position(at);
    directives.push(toDirective(found.kind, found.rest, MARK + found.kind + found.rest, pos.line, pos.column));
  }
  return directives;
}

interface Found {
  kind: DirectiveKind;
  /** What follows the kind, trailing spaces removed. */
  rest: string;
}

/** Reads directives at successive offsets of one source; each lookahead is remembered, so the whole scan stays linear. */
class DirectiveScan {
  /** Where the last comment directive ended; a directive word before it is inside that comment. */
  private commentEnd = 0;
  /** Where the last line directive's line ended. */
  private lineEnd = 0;
  /** The next "-->" at or after some offset (-1: none left), and the next line break. */
  private close = { from: -1, at: -1 };
  private lineBreak = { from: -1, at: -1 };

  constructor(private readonly source: string) {}

  /** `<!-- quidpro-kind rest -->` with the mark at `at`. */
  commentAt(at: number): Found | null {
    if (at < this.commentEnd) return null;
    let before = at;
    while (before > 0 && isSpace(this.source[before - 1])) before--;
    if (!this.source.startsWith('<!--', before - 4)) return null;
    const kind = this.kindAt(at + MARK.length);
    if (!kind) return null;
    const restStart = at + MARK.length + kind.length;
    const close = this.nextClose(restStart);
    if (close < 0) return null;
    this.commentEnd = close + 3;
    return { kind, rest: this.source.slice(restStart, close).trimEnd() };
  }

  /** A line holding only `# quidpro-kind rest` (or `//`, or nothing, before the mark). */
  lineAt(at: number): Found | null {
    if (at < this.lineEnd || !this.onlyPrefixBefore(at)) return null;
    const kind = this.kindAt(at + MARK.length);
    if (!kind) return null;
    const restStart = at + MARK.length + kind.length;
    const end = this.nextLineBreak(restStart);
    this.lineEnd = end;
    let restEnd = end;
    while (restEnd > restStart && (this.source[restEnd - 1] === ' ' || this.source[restEnd - 1] === '\t')) restEnd--;
    return { kind, rest: this.source.slice(restStart, restEnd) };
  }

  /** `[ \t]*(#+|//)?[ \t]*` between the line's start and `at`, read backwards (stops at the first other character). */
  private onlyPrefixBefore(at: number): boolean {
    const s = this.source;
    let i = at;
    while (i > 0 && (s[i - 1] === ' ' || s[i - 1] === '\t')) i--;
    if (i > 0 && s[i - 1] === '#') while (i > 0 && s[i - 1] === '#') i--;
    else if (i > 1 && s[i - 1] === '/' && s[i - 2] === '/') i -= 2;
    while (i > 0 && (s[i - 1] === ' ' || s[i - 1] === '\t')) i--;
    return i === 0 || isLineBreak(s[i - 1]);
  }

  /** The directive kind at `at`, ending at a word boundary. */
  private kindAt(at: number): DirectiveKind | null {
    for (const kind of KINDS) {
      if (this.source.startsWith(kind, at) && !isWordChar(this.source[at + kind.length])) return kind;
    }
    return null;
  }

  private nextClose(from: number): number {
    if (this.close.from < 0 || from < this.close.from || (this.close.at >= 0 && from > this.close.at)) {
      this.close = { from, at: this.source.indexOf('-->', from) };
    }
    return this.close.at;
  }

  private nextLineBreak(from: number): number {
    if (this.lineBreak.from < 0 || from < this.lineBreak.from || from > this.lineBreak.at) {
      let i = from;
      while (i < this.source.length && !isLineBreak(this.source[i])) i++;
      this.lineBreak = { from, at: i };
    }
    return this.lineBreak.at;
  }
}

function isSpace(c: string): boolean {
  return /\s/.test(c);
}

/** Where a multiline regex's `$` would stop. */
function isLineBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029';
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /\w/.test(c);
}

function toDirective(kind: DirectiveKind, rest: string, text: string, line: number, column: number): Directive {
  const list = rest.split(/\s--\s/)[0];
  const ids = list.split(/[\s,]+/).filter((s) => s !== '');
  const tactics = ids.filter((id): id is TacticId => (TACTIC_IDS as readonly string[]).includes(id));
  const unknown = ids.filter((id) => !(TACTIC_IDS as readonly string[]).includes(id));
  return { kind, tactics: ids.length === 0 ? null : tactics, line, column, text: text.replace(/\s+/g, ' ').trim(), unknown };
}

interface Segment {
  directive: Directive;
  tactic: TacticId;
  from: number;
  to: number;
}

/** Line ranges each disable directive covers, per tactic. */
function segmentsOf(directives: readonly Directive[]): Segment[] {
  const segments: Segment[] = [];
  const open = new Map<TacticId, { directive: Directive; from: number }>();
  for (const d of directives) {
    const ids = d.tactics ?? TACTIC_IDS;
    if (d.kind === 'disable-next-line') {
      for (const tactic of ids) segments.push({ directive: d, tactic, from: d.line + 1, to: d.line + 1 });
    } else if (d.kind === 'disable') {
      for (const tactic of ids) if (!open.has(tactic)) open.set(tactic, { directive: d, from: d.line });
    } else {
      for (const tactic of ids) {
        const o = open.get(tactic);
        if (!o) continue;
        segments.push({ directive: o.directive, tactic, from: o.from, to: d.line });
        open.delete(tactic);
      }
    }
  }
  for (const [tactic, o] of open) segments.push({ directive: o.directive, tactic, from: o.from, to: Infinity });
  return segments;
}

export interface SuppressionResult {
  kept: Finding[];
  suppressed: Finding[];
  unused: Directive[];
}

/** Drops findings covered by a directive; `directives` must come from the same source as the findings' positions. */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[]): SuppressionResult {
  const segments = segmentsOf(directives);
  const used = new Set<Directive>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const hits = segments.filter((s) => s.tactic === f.tactic && s.from <= f.line && f.line <= s.to);
    for (const s of hits) used.add(s.directive);
    (hits.length > 0 ? suppressed : kept).push(f);
  }
  const unused = directives.filter((d) => d.kind !== 'enable' && !used.has(d));
  return { kept, suppressed, unused };
}

export function describeUnused(d: Directive, part?: 'subject' | 'body'): UnusedDisable {
  const which = d.tactics === null ? '' : `${d.tactics.join(', ')} `;
  const u: UnusedDisable = {
    line: d.line,
    column: d.column,
    directive: d.text,
    message: `unused directive "${d.text}": there is no ${which}finding here to suppress`,
  };
  if (part) u.part = part;
  return u;
}
