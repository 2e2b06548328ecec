/**
 * The evaluation: detector (the CLI's path), keyword baseline and, unless
 * skipped, cross-validated naive Bayes, on every corpus item; figures,
 * errors, calibration and a threshold sweep. Shared by `npm run eval` and the
 * CI ratchet (test/quality.test.ts), which skips Bayes.
 *
 * Figures are deterministic: the same code and corpus give the same JSON.
 * Corpus text is never put in the figures (errors carry ids, tactics,
 * confidences and rule names; the printed report shows the words).
 */
import { loadCorpus } from './corpus.mjs';
import { bayesCrossValidate, keywordPredict } from './baselines.mjs';
import { decodedText, detectAll, loadLibrary, stemmedWords } from './detect.mjs';
import { calibration, judgedFindings, predictedSets, round, scoreDocuments, thresholdSweep } from './metrics.mjs';

export const SWEEP_THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
export const BAYES_FOLDS = 5;

/**
 * @param {{ corpusDir: string, bayes?: boolean, lib?: object }} options
 * @returns {Promise<{ figures: object, errors: object[], timings: object }>}
 */
export async function evaluate({ corpusDir, bayes = true, lib: given } = {}) {
  const t0 = performance.now();
  const lib = given ?? (await loadLibrary());
  const items = loadCorpus(corpusDir);
  const tacticIds = lib.tacticIds;
  const threshold = lib.defaultThreshold;

  const t1 = performance.now();
  const detections = await detectAll(lib, items);
  const t2 = performance.now();
  const detectorDocs = predictedSets(detections, threshold);
  const detector = scoreDocuments(detectorDocs, tacticIds);

  const texts = [];
  for (const item of items) texts.push(await decodedText(lib, item));
  const keywordDocs = items.map((item, i) => ({ id: item.id, gold: new Set(item.labels), predicted: keywordPredict(texts[i], tacticIds) }));
  const keyword = scoreDocuments(keywordDocs, tacticIds);
  const t3 = performance.now();

  let bayesFigures = null;
  if (bayes) {
    const docs = items.map((item, i) => ({ id: item.id, labels: item.labels, tokens: stemmedWords(lib, texts[i]) }));
    const predicted = bayesCrossValidate(docs, tacticIds, BAYES_FOLDS);
    bayesFigures = scoreDocuments(
      items.map((item) => ({ id: item.id, gold: new Set(item.labels), predicted: predicted.get(item.id) })),
      tacticIds,
    );
  }
  const t4 = performance.now();

  const figures = {
    corpus: { items: items.length, support: supportOf(items, tacticIds), tacticFree: items.filter((i) => i.labels.length === 0).length },
    threshold,
    detector,
    baselines: {
      keyword,
      bayes: bayesFigures && { folds: BAYES_FOLDS, ...bayesFigures },
    },
    calibration: calibration(judgedFindings(detections)),
    thresholds: thresholdSweep(detections, tacticIds, SWEEP_THRESHOLDS),
    itemErrors: detections.filter((d) => d.error).map((d) => ({ id: d.item.id, error: d.error })),
  };
  return {
    figures,
    errors: listErrors(detections, threshold, tacticIds),
    timings: {
      loadMs: round(t1 - t0, 0),
      detectMs: round(t2 - t1, 0),
      perItemMs: round((t2 - t1) / Math.max(1, items.length), 2),
      slowest: slowest(detections),
      keywordMs: round(t3 - t2, 0),
      bayesMs: bayes ? round(t4 - t3, 0) : null,
    },
  };
}

function supportOf(items, tacticIds) {
  return Object.fromEntries(tacticIds.map((id) => [id, items.filter((i) => i.labels.includes(id)).length]));
}

function slowest(detections) {
  const d = detections.reduce((a, b) => (b.ms > a.ms ? b : a), detections[0] ?? { ms: 0, item: { id: null } });
  return { id: d.item.id, ms: round(d.ms, 1) };
}

/**
 * False positives (a tactic reported in an item not labelled with it: the
 * words that fired, with confidence and rules) and false negatives (a gold
 * tactic with no finding at the threshold: the gold evidence quote, and the
 * best sub-threshold candidate if there was one).
 */
export function listErrors(detections, threshold, tacticIds) {
  const errors = [];
  for (const d of detections) {
    const gold = new Set(d.item.labels);
    for (const tactic of tacticIds) {
      const found = d.candidates.filter((c) => c.tactic === tactic);
      const reported = found.filter((c) => c.confidence >= threshold);
      if (!gold.has(tactic) && reported.length > 0) {
        errors.push({ kind: 'fp', id: d.item.id, tactic, findings: reported.map(describeCandidate) });
      } else if (gold.has(tactic) && reported.length === 0) {
        const best = found.reduce((a, b) => (a && a.confidence >= b.confidence ? a : b), null);
        errors.push({
          kind: 'fn',
          id: d.item.id,
          tactic,
          evidence: d.item.evidence.filter((e) => e.tactic === tactic).map((e) => e.quote),
          below: best ? describeCandidate(best) : null,
        });
      }
    }
  }
  return errors;
}

function describeCandidate(c) {
  return { text: c.text, confidence: c.confidence, rules: c.rules, line: c.line, column: c.column };
}

/** Errors without corpus text, for the JSON file kept in the repository. */
export function errorsWithoutText(errors) {
  return errors.map((e) =>
    e.kind === 'fp'
      ? { kind: e.kind, id: e.id, tactic: e.tactic, findings: e.findings.map(({ confidence, rules, line, column }) => ({ line, column, confidence, rules })) }
      : { kind: e.kind, id: e.id, tactic: e.tactic, below: e.below && { confidence: e.below.confidence, rules: e.below.rules } },
  );
}
