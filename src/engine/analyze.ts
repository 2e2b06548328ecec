/**
 * The detection pipeline for one decoded input: join its parts into one
 * document, run every enabled tactic over it, merge and score candidates,
 * and map the survivors back to source positions.
 */
import { LineIndex } from '../positions.js';
import { normalize } from '../text/normalize.js';
import { detach } from '../text/detach.js';
import { PhraseMatcher, type Lexicon } from '../text/phrases.js';
import sharedLexicon from '../lexicons/shared.json' with { type: 'json' };
import { withLanguages } from '../lexicons/languages.js';
import { loadPrebuiltIndex } from '../prebuilt/phrase-index.js';
import { TACTICS } from '../tactics/index.js';
import { stripLexicon } from '../tactics/lexicon.js';
import type { Candidate, DecodedInput, Exchange, Finding, Tactic, TacticId, TextPart } from '../types.js';
import { DocContext } from './context.js';
import { attachExcerpt } from './excerpt.js';
import { findExchange, joinExchanges } from './exchange.js';
import { confidence } from './score.js';

/** Findings below this confidence are not reported unless the user lowers it (see README, "Confidence"). */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/** Text put between two parts (subject and body) so no sentence spans both. */
const PART_SEPARATOR = '\n\n';

export interface AnalyzeOptions {
  /** Tactics to run (default: all). */
  tactics?: readonly TacticId[];
  minConfidence?: number;
  /** Extra phrases per tactic; each fires that tactic's `custom` cue. */
  phrases?: Partial<Record<TacticId, readonly string[]>>;
}

export interface Analysis {
  findings: Finding[];
  exchange: Exchange | null;
}

export function analyzeDecoded(input: DecodedInput, options: AnalyzeOptions = {}): Analysis {
  const layout = joinParts(input.parts);
  const matcher = matcherFor(options.phrases);
  const enabled = options.tactics ? TACTICS.filter((t) => options.tactics!.includes(t.meta.id)) : TACTICS;
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const mail = isMail(input);
  const findings: PlacedFinding[] = [];
  const exchanges: Exchange[] = [];
  for (const [from, to] of windows(layout.text)) {
    // Tactics read the text with its disguises undone ("FRΕΕ", "F R E E", "fr33");
    // offsets come back through the normalisation map before the part mapping.
    // A window at a time: a whole large text normalised at once was one more
    // copy of it, built from thousands of pieces.
    const normalized = normalize(layout.text.slice(from, to)); // a slice of all of it is the string itself
    const doc = new DocContext(normalized.text, matcher);
    const toLayoutHere = (offset: number, edge: 'start' | 'end') => normalized.map.toSource(offset, edge) + from;
    for (const tactic of enabled) {
      for (const c of mergeCandidates(tactic.detect(doc), doc)) {
        const rules = [...c.rules, ...contextRules(doc, c)];
        const score = confidence(rules, tactic.weights);
        if (score < minConfidence) continue;
        const placed = { ...c, start: toLayoutHere(c.start, 'start'), end: toLayoutHere(c.end, 'end') };
        findings.push(toFinding(tactic, placed, rules, score, layout, mail));
      }
    }
    const exchange = findExchange(doc, (offset) => layout.locate(toLayoutHere(offset, 'start')), mail);
    if (exchange) exchanges.push(exchange);
    doc.release();
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.finding.tactic.localeCompare(b.finding.tactic));
  const exchange = findings.length > 0 ? joinExchanges(exchanges) : null;
  return { findings: findings.map((f) => f.finding), exchange };
}

function isMail(input: DecodedInput): boolean {
  return input.format === 'email' || input.format === 'mbox';
}

/**
 * A text longer than this is analysed in windows that end at paragraph breaks,
 * so memory stays bounded whatever the input's size. Document-level cues (an
 * ask anywhere in the text) then mean "within the window": a window holds
 * ~60 pages of prose, far more than any one message or page.
 */
export const WINDOW_CHARS = 256 * 1024;

export function windows(text: string, size = WINDOW_CHARS): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  while (text.length - from > size) {
    const limit = from + size;
    let cut = text.lastIndexOf('\n\n', limit);
    if (cut <= from + size / 2) cut = text.lastIndexOf('\n', limit);
    if (cut <= from + size / 2) cut = text.lastIndexOf(' ', limit);
    if (cut <= from + size / 2) cut = limit;
    out.push([from, cut]);
    from = cut;
  }
  out.push([from, text.length]);
  return out;
}

// ------------------------------------------------------------------ matcher

let cachedMatcher: { key: string; matcher: PhraseMatcher } | null = null;

/** One matcher for every lexicon; built once per process (per custom-phrase set). */
export function matcherFor(phrases: AnalyzeOptions['phrases'] = {}): PhraseMatcher {
  const key = JSON.stringify(phrases);
  if (cachedMatcher?.key === key) return cachedMatcher.matcher;
  // The built-in lexicons alone: their index made at build time, when there is one (src/prebuilt/phrase-index.ts).
  const prebuilt = key === '{}' ? loadPrebuiltIndex() : null;
  if (prebuilt) return (cachedMatcher = { key, matcher: new PhraseMatcher({}, prebuilt) }).matcher;
  const lexicons: Record<string, Lexicon> = { shared: stripLexicon(sharedLexicon) };
  for (const t of TACTICS) {
    const extra = phrases[t.meta.id];
    lexicons[t.meta.id] = extra ? { ...t.lexicon, custom: [...(t.lexicon.custom ?? []), ...extra] } : t.lexicon;
  }
  const matcher = new PhraseMatcher(withLanguages(lexicons));
  cachedMatcher = { key, matcher };
  return matcher;
}

// ------------------------------------------------------------------ parts

interface Layout {
  text: string;
  /** Where each part starts in `text`. */
  starts: number[];
  parts: TextPart[];
  lines: Map<TextPart, LineIndex>;
  locate(offset: number): { part: TextPart; line: number; column: number };
}

function joinParts(parts: TextPart[]): Layout {
  const starts: number[] = [];
  let text = '';
  for (const p of parts) {
    if (text.length > 0) text += PART_SEPARATOR;
    starts.push(text.length);
    text += p.text;
  }
  const lines = new Map<TextPart, LineIndex>();
  const layout: Layout = {
    text,
    starts,
    parts,
    lines,
    locate(offset) {
      const i = partIndexAt(starts, offset);
      const part = parts[i];
      const pos = lineIndex(layout, part).position(part.map.toSource(offset - starts[i], 'start'));
      return { part, ...pos };
    },
  };
  return layout;
}

function partIndexAt(starts: number[], offset: number): number {
  let i = 0;
  while (i + 1 < starts.length && starts[i + 1] <= offset) i++;
  return i;
}

function lineIndex(layout: Layout, part: TextPart): LineIndex {
  let index = layout.lines.get(part);
  if (!index) layout.lines.set(part, (index = new LineIndex(part.source)));
  return index;
}

// ------------------------------------------------------------------ findings

/** Cues of one tactic in one sentence, or over the same words, make one finding. */
export function mergeCandidates(candidates: Candidate[], doc: DocContext): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  const evidence = new Map<Candidate, number>();
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && (c.start < last.end || doc.sentenceAt(c.start) === doc.sentenceAt(last.start))) {
      last.end = Math.max(last.end, c.end);
      // The reason of the candidate with the most evidence speaks for the merged finding.
      if (c.rules.length > (evidence.get(last) ?? last.rules.length)) last.reason = c.reason;
      evidence.set(last, Math.max(evidence.get(last) ?? last.rules.length, c.rules.length));
      for (const r of c.rules) if (!last.rules.includes(r)) last.rules.push(r);
    } else {
      out.push({ ...c, rules: [...c.rules] });
    }
  }
  return out;
}

function contextRules(doc: DocContext, c: Candidate): string[] {
  const rules: string[] = [];
  if (doc.quoted(c.start, c.end)) rules.push('context:quoted');
  if (doc.aboutPersuasion) rules.push('context:about-persuasion');
  return rules;
}

interface PlacedFinding {
  start: number;
  end: number;
  finding: Finding;
}

function toFinding(
  tactic: Tactic,
  c: Candidate,
  rules: string[],
  score: number,
  layout: Layout,
  mail: boolean,
): PlacedFinding {
  const i = partIndexAt(layout.starts, c.start);
  const part = layout.parts[i];
  const local = [c.start - layout.starts[i], Math.min(c.end - layout.starts[i], part.text.length)] as const;
  const sourceStart = part.map.toSource(local[0], 'start');
  const sourceEnd = Math.max(sourceStart, part.map.toSource(local[1], 'end'));
  const range = lineIndex(layout, part).range(sourceStart, sourceEnd);
  const { meta } = tactic;
  const finding: Finding = {
    tactic: meta.id,
    confidence: score,
    ...range,
    text: detach(part.source.slice(sourceStart, sourceEnd)),
    // Reasons quote the window's words ("Offers free recipes"): a slice of them would pin the whole window.
    message: detach(c.reason),
    advice: `Wait: ${meta.advice.wait} Evaluate the exchange: ${meta.advice.evaluate}`,
    rules: [...new Set(rules)],
    severity: meta.severity,
  };
  if (mail) finding.part = part.name;
  attachExcerpt(finding, part.source, sourceStart, sourceEnd);
  if (part.hidden?.some(([a, b]) => a <= local[0] && local[1] <= b)) finding.hidden = true;
  return { start: c.start, end: c.end, finding };
}
