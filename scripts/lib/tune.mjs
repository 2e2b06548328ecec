/**
 * Weight tuning for `npm run tune`: every candidate finding (minConfidence
 * 0) on the corpus and the fixtures becomes an example — its fired rules,
 * and whether its tactic is in the item's gold labels (a fixture's folder
 * is its label, for its own tactic only). One logistic regression per
 * tactic; k-fold cross-validation by item (all findings of an item in one
 * fold) compares the current weights with refitted ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inScope } from './corpus.mjs';
import { foldOf } from './folds.mjs';
import { fitLogistic, logLoss, probability } from './logistic.mjs';
import { prf, round } from './metrics.mjs';
import { TACTICS_SRC_DIR } from './paths.mjs';

/** Per tactic: the items it is judged on, each with its candidates' rules and its gold label. */
export function tuningData(detections, tacticIds, k) {
  const data = {};
  for (const tactic of tacticIds) {
    const items = [];
    for (const d of detections) {
      if (!inScope(d.item, tactic)) continue;
      const y = d.item.labels.includes(tactic) ? 1 : 0;
      const quotes = d.item.evidence.filter((e) => e.tactic === tactic).map((e) => squash(e.quote));
      // In a positive item, a candidate on other words than the gold evidence is not
      // known to be right: counting it as correct rewards rules that fire on incidental
      // words of positive texts (and so raises false alarms elsewhere). Leave it out.
      const examples = d.candidates
        .filter((c) => c.tactic === tactic)
        .filter((c) => y === 0 || quotes.length === 0 || quotes.some((q) => overlapsQuote(squash(c.text), q)))
        .map((c) => ({ features: c.rules, y }));
      items.push({ id: d.item.id, fold: foldOf(d.item.id, k), y, examples });
    }
    data[tactic] = items;
  }
  return data;
}

/** Lower-cased words only, so quotes and finding text compare across markup and spacing. */
function squash(text) {
  return text.toLowerCase().replace(/<[^>]*>/g, ' ').replace(/[^\p{L}\p{N}$€£]+/gu, ' ').trim();
}

/** True when a finding's words and a gold quote share a run of text (either contains the other, or 3+ words in common). */
export function overlapsQuote(finding, quote) {
  if (finding === '' || quote === '') return false;
  if (quote.includes(finding) || finding.includes(quote)) return true;
  const words = new Set(quote.split(' ').filter((w) => w.length > 2));
  return finding.split(' ').filter((w) => words.has(w)).length >= 3;
}

/** Document-level figures: an item is predicted when any of its candidates scores ≥ threshold. */
export function documentFigures(items, weightsFor, threshold) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const weights = weightsFor(item);
    const predicted = item.examples.some((e) => probability(weights, e.features) >= threshold);
    if (predicted && item.y) tp++;
    else if (predicted) fp++;
    else if (item.y) fn++;
  }
  return { tp, fp, fn, ...prf(tp, fp, fn) };
}

/**
 * Cross-validated comparison and the proposed weights (fitted on all data).
 * @returns {{ examples: number, positives: number, before: object, after: object, proposed: object|null, reason?: string }}
 */
export function tuneTactic(items, current, { k, threshold, l2, prior, hamPreference = 1 }) {
  const examples = items.flatMap((i) => i.examples);
  const positives = examples.filter((e) => e.y).length;
  const centre = prior === 'zero' ? { bias: 0, rules: Object.fromEntries(Object.keys(current.rules).map((r) => [r, 0])) } : current;
  const before = {
    logLoss: round(logLoss(current, examples)),
    ...documentFigures(items, () => current, threshold),
  };
  if (examples.length === 0 || positives === 0 || positives === examples.length) {
    return { examples: examples.length, positives, before, after: null, proposed: null, reason: examples.length === 0 ? 'no candidate findings' : 'all candidates in one class: nothing to separate' };
  }
  const foldWeights = [];
  for (let fold = 0; fold < k; fold++) {
    const train = withHamPreference(items.filter((i) => i.fold !== fold).flatMap((i) => i.examples), hamPreference);
    foldWeights.push(fitLogistic(train, centre, { l2 }));
  }
  const heldOut = items.flatMap((i) => i.examples.map((e) => ({ ...e, fold: i.fold })));
  let loss = 0;
  for (const e of heldOut) loss += logLoss(foldWeights[e.fold], [e]);
  const after = {
    logLoss: round(loss / heldOut.length),
    ...documentFigures(items, (item) => foldWeights[item.fold], threshold),
  };
  return { examples: examples.length, positives, before, after, proposed: roundWeights(fitLogistic(withHamPreference(examples, hamPreference), centre, { l2 })) };
}

/**
 * SpamAssassin's perceptron oversamples ham to cut false positives
 * (`-p ham_preference`); here each wrong candidate counts `preference` times
 * as much as its share would make it: 1 balances the two classes, 2 weighs
 * a false alarm twice as heavily as a miss.
 */
export function withHamPreference(examples, preference) {
  const pos = examples.filter((e) => e.y).length;
  const neg = examples.length - pos;
  if (pos === 0 || neg === 0) return examples;
  const hamWeight = (preference * pos) / neg;
  return examples.map((e) => (e.y ? e : { ...e, weight: hamWeight }));
}

export function roundWeights(weights, digits = 2) {
  return {
    bias: round(weights.bias, digits),
    rules: Object.fromEntries(Object.entries(weights.rules).map(([r, w]) => [r, round(w, digits)])),
  };
}

/**
 * The tactic's JSON text with new "$weights". Only the value of the
 * top-level "$weights" key is rewritten; every other byte of the file stays
 * as it is (the lexicon files are hand-formatted: several phrases a line).
 * Existing rules keep their place, new rules follow in name order; the block
 * is indented two spaces a level from the key's own indentation, and whole
 * numbers keep a decimal (2.0) like the hand-set weights.
 */
export function withWeights(jsonText, weights) {
  const data = JSON.parse(jsonText);
  const old = data.$weights ?? {};
  const oldRules = old.rules ?? {};
  const rules = {};
  for (const r of Object.keys(oldRules)) rules[r] = weights.rules[r] ?? oldRules[r];
  for (const r of Object.keys(weights.rules).sort()) if (!(r in rules)) rules[r] = weights.rules[r];
  const value = { ...old, bias: weights.bias, rules };
  const span = topLevelValueSpan(jsonText, '$weights');
  if (span) {
    const lineStart = jsonText.lastIndexOf('\n', span.keyStart) + 1;
    const indent = /^[ \t]*/.exec(jsonText.slice(lineStart))[0];
    return jsonText.slice(0, span.start) + formatValue(value, indent) + jsonText.slice(span.end);
  }
  // No "$weights" yet: add it as the last key of the root object.
  const close = jsonText.lastIndexOf('}');
  const body = jsonText.slice(0, close).replace(/\s*$/, '');
  const comma = body.endsWith('{') ? '' : ',';
  return `${body}${comma}\n  "$weights": ${formatValue(value, '  ')}\n${jsonText.slice(close)}`;
}

function formatValue(value, indent) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const inner = `${indent}  `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatValue(v, inner)}`);
    return entries.length ? `{\n${entries.join(',\n')}\n${indent}}` : '{}';
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  return JSON.stringify(value);
}

/**
 * Where the value of a key of the root object lies in a JSON text:
 * { keyStart, start, end } (end exclusive), or null. Strings are skipped
 * properly, so braces inside phrases do not confuse it.
 */
export function topLevelValueSpan(text, key) {
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && JSON.parse(text.slice(i, end)) === key) {
        let j = end;
        while (/\s/.test(text[j])) j++;
        if (text[j] === ':') {
          j++;
          while (/\s/.test(text[j])) j++;
          return { keyStart: i, start: j, end: valueEnd(text, j) };
        }
      }
      i = end;
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    i++;
  }
  return null;
}

function stringEnd(text, quote) {
  let i = quote + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function valueEnd(text, start) {
  if (text[start] === '"') return stringEnd(text, start);
  if (text[start] !== '{' && text[start] !== '[') {
    let i = start;
    while (i < text.length && !/[,}\]\s]/.test(text[i])) i++;
    return i;
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = stringEnd(text, i);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  throw new Error('unbalanced JSON');
}

export function writeWeights(tactic, weights, dir = TACTICS_SRC_DIR) {
  const path = join(dir, `${tactic}.json`);
  writeFileSync(path, withWeights(readFileSync(path, 'utf8'), weights));
  return path;
}
