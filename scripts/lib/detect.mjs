/**
 * Runs the built library over items the way the CLI does: `analyze(bytes,
 * { path })` detects the format from the path, decodes and detects. Findings
 * are taken at minConfidence 0, so that the default threshold (and any
 * other) can be applied afterwards without re-running.
 */
import { distModule } from './paths.mjs';
import { readItem } from './corpus.mjs';

/** Text put between parts, as the engine joins subject and body. */
const PART_SEPARATOR = '\n\n';

export async function loadLibrary() {
  const [{ analyze }, engine, decode, tactics, tokenize] = await Promise.all([
    distModule('analyze.js'),
    distModule('engine/analyze.js'),
    distModule('decode/index.js'),
    distModule('tactics/index.js'),
    distModule('text/tokenize.js'),
  ]);
  return {
    analyze,
    defaultThreshold: engine.DEFAULT_MIN_CONFIDENCE,
    decoderFor: decode.decoderFor,
    detectFormat: decode.detectFormat,
    tacticIds: tactics.TACTICS.map((t) => t.meta.id),
    tactics: tactics.TACTICS,
    scan: tokenize.scan,
  };
}

/**
 * @typedef {{ tactic: string, confidence: number, rules: string[], text: string,
 *   line: number, column: number }} Candidate
 * @typedef {{ item: import('./corpus.mjs').Item, candidates: Candidate[],
 *   error: string | null, ms: number }} Detection
 */

/** Every finding of every item, at minConfidence 0. */
export async function detectAll(lib, items) {
  const out = [];
  for (const item of items) out.push(await detectOne(lib, item));
  return out;
}

async function detectOne(lib, item) {
  const bytes = readItem(item);
  const t0 = performance.now();
  let reports;
  try {
    reports = await lib.analyze(bytes, { path: item.path, minConfidence: 0 });
  } catch (err) {
    // The CLI would crash here; the measurement goes on and lists the item.
    return { item, candidates: [], error: `analysis threw: ${err?.message ?? err}`, ms: performance.now() - t0 };
  }
  const ms = performance.now() - t0;
  const candidates = [];
  const errors = [];
  for (const report of reports) {
    if (report.error) errors.push(report.error.message);
    for (const f of report.findings) {
      candidates.push({ tactic: f.tactic, confidence: f.confidence, rules: [...f.rules], text: f.text, line: f.line, column: f.column });
    }
  }
  return { item, candidates, error: errors.length ? errors.join('; ') : null, ms };
}

/** Findings at a threshold: what the CLI reports with --min-confidence t. */
export function atThreshold(candidates, threshold) {
  return candidates.filter((c) => c.confidence >= threshold);
}

/**
 * The decoded text the detector sees (parts joined like the engine joins
 * them), through the built decoders. A mailbox-like file is decoded as the
 * email it is named as; binary or undecodable input gives ''.
 */
export async function decodedText(lib, item) {
  const bytes = readItem(item);
  let format = lib.detectFormat(item.path, bytes);
  if (format === 'mbox') format = 'email';
  try {
    const decoded = await (await lib.decoderFor(format))(bytes);
    return decoded.parts.map((p) => p.text).join(PART_SEPARATOR);
  } catch {
    return '';
  }
}

/** Stemmed word tokens of a text, with the detector's own scanner and stemmer. */
export function stemmedWords(lib, text) {
  return lib.scan(text).tokens.slice().filter((t) => t.kind === 'word').map((t) => t.key);
}
