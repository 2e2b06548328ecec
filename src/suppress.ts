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

const COMMENT_DIRECTIVE = /<!--\s*(quidpro-(disable-next-line|disable|enable)\b([^]*?))\s*-->/g;
const LINE_DIRECTIVE = /^[ \t]*(?:#+|\/\/)?[ \t]*(quidpro-(disable-next-line|disable|enable)\b([^\r\n]*?))[ \t]*\r?$/gm;

/** Every directive in `source`, in order. */
export function parseDirectives(source: string): Directive[] {
  if (!source.includes('quidpro-')) return [];
  const lines = new LineIndex(source);
  const found: Array<{ offset: number; directive: Directive }> = [];
  for (const re of [COMMENT_DIRECTIVE, LINE_DIRECTIVE]) {
    re.lastIndex = 0;
    for (let m = re.exec(source); m; m = re.exec(source)) {
      const offset = m.index + m[0].indexOf(m[1]);
      if (found.some((f) => f.offset === offset)) continue;
      const pos = lines.position(offset);
      found.push({ offset, directive: toDirective(m[2] as DirectiveKind, m[3], m[1], pos.line, pos.column) });
    }
  }
  return found.sort((a, b) => a.offset - b.offset).map((f) => f.directive);
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
