/**
 * The contracts between quidpro's stages:
 *   bytes → decoder → DecodedInput (text parts + source maps)
 *         → analyze (tactics over one DocContext) → Finding[]
 *         → reporters.
 */
import type { Range, SpanMap } from './positions.js';
import type { Lexicon } from './text/phrases.js';

export const TACTIC_IDS = [
  'freebie',
  'lead-magnet',
  'thats-not-all',
  'foot-in-the-door',
  'door-in-the-face',
  'obligation',
] as const;
export type TacticId = (typeof TACTIC_IDS)[number];

export const INPUT_FORMATS = ['text', 'markdown', 'html', 'email', 'mbox'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export type Severity = 'error' | 'warning' | 'info';

// ---------------------------------------------------------------- decoding

/** Which part of an input a piece of text came from. */
export type PartName = 'subject' | 'body';

/**
 * One piece of analysable text, with the way back to its source.
 * `source` is what positions are reported in: the file itself for text,
 * Markdown and HTML; the decoded subject or body for mail. `map` takes an
 * offset in `text` to an offset in `source` (TextBuilder makes both).
 */
export interface TextPart {
  name: PartName;
  text: string;
  source: string;
  map: SpanMap;
  /** Ranges of `text` a reader does not see (hidden HTML preheaders). Sorted. */
  hidden?: ReadonlyArray<readonly [number, number]>;
}

export interface MessageMeta {
  from?: string;
  subject?: string;
  date?: string;
}

/** What a decoder makes of one input (or one message of a mailbox). */
export interface DecodedInput {
  format: InputFormat;
  parts: TextPart[];
  meta?: MessageMeta;
}

// ---------------------------------------------------------------- tactics

export interface Advice {
  /** Why and how long to wait before answering. */
  wait: string;
  /** What to weigh: what is given against what is asked. */
  evaluate: string;
}

export interface TacticMeta {
  id: TacticId;
  /** Human name, e.g. "Door in the face". */
  name: string;
  /** One line: what the tactic is. */
  summary: string;
  severity: Severity;
  advice: Advice;
}

/**
 * A place where a tactic's rules fired. `start`/`end` are offsets into
 * DocContext.text covering the words that carry the tactic; `rules` names
 * every rule that fired there (their weights make the confidence).
 */
export interface Candidate {
  start: number;
  end: number;
  rules: string[];
  /** One line: why it fired. */
  reason: string;
}

export interface Tactic {
  meta: TacticMeta;
  /** Phrase lists (data), matched as cues named `<tactic id>.<key>`. */
  lexicon: Lexicon;
  /** Rule weights (data, tuned): confidence = logistic(bias + sum of fired rules' weights). */
  weights: { bias: number; rules: Record<string, number> };
  /** Finds candidates in a document; must run in time linear in its size. */
  detect(doc: import('./engine/context.js').DocContext): Candidate[];
}

// ---------------------------------------------------------------- results

export interface Finding extends Range {
  tactic: TacticId;
  confidence: number;
  text: string;
  message: string;
  advice: string;
  /** Mail only: the part the words are in. */
  part?: PartName;
  /** True when the words are in text a reader does not see. */
  hidden?: boolean;
  /** Names of the rules that fired. */
  rules: string[];
  severity: Severity;
}

export interface Amount {
  text: string;
  /** Value in units of `currency`. */
  value: number;
  currency: string;
  line: number;
  column: number;
  part?: PartName;
}

export interface Exchange {
  given: Amount[];
  asked: Amount[];
  /** Largest amount asked divided by the largest amount given (same currency), or null. */
  ratio: number | null;
}

export interface FileReport {
  path: string;
  format: InputFormat | null;
  findings: Finding[];
  exchange: Exchange | null;
  error: { message: string } | null;
  meta?: MessageMeta;
}

export interface Summary {
  files: number;
  findings: number;
  byTactic: Record<TacticId, number>;
}
