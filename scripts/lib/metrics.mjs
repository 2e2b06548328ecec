/**
 * Figures from document-level predictions: per tactic support, precision,
 * recall, F1 with tp/fp/fn; micro and macro F1; any-tactic precision and
 * recall; tactic-free items flagged. Calibration of confidences. All
 * figures are rounded so the JSON is stable across runs.
 */

export const round = (x, digits = 4) => (x === null || !Number.isFinite(x) ? x : Math.round(x * 10 ** digits) / 10 ** digits);

/** Precision is null when nothing was predicted; F1 is 0 without a true positive. */
export function prf(tp, fp, fn) {
  const precision = tp + fp > 0 ? tp / (tp + fp) : null;
  const recall = tp + fn > 0 ? tp / (tp + fn) : null;
  const f1 = tp > 0 ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}

/**
 * @param {Array<{ id: string, gold: Set<string>, predicted: Set<string> }>} docs
 *   predicted: tactics with at least one finding at the threshold.
 * @param {string[]} tacticIds
 */
export function scoreDocuments(docs, tacticIds) {
  const perTactic = {};
  let TP = 0;
  let FP = 0;
  let FN = 0;
  for (const tactic of tacticIds) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let support = 0;
    for (const d of docs) {
      const g = d.gold.has(tactic);
      const p = d.predicted.has(tactic);
      if (g) support++;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
    perTactic[tactic] = { support, tp, fp, fn, ...prf(tp, fp, fn) };
    TP += tp;
    FP += fp;
    FN += fn;
  }
  const withSupport = tacticIds.filter((t) => perTactic[t].support > 0);
  const macroF1 = withSupport.length ? withSupport.reduce((s, t) => s + perTactic[t].f1, 0) / withSupport.length : 0;

  let anyTp = 0;
  let anyFp = 0;
  let anyFn = 0;
  let tacticFree = 0;
  let tacticFreeFlagged = 0;
  for (const d of docs) {
    const g = d.gold.size > 0;
    const p = d.predicted.size > 0;
    if (g && p) anyTp++;
    else if (p) anyFp++;
    else if (g) anyFn++;
    if (!g) {
      tacticFree++;
      if (p) tacticFreeFlagged++;
    }
  }
  return {
    items: docs.length,
    perTactic,
    micro: { tp: TP, fp: FP, fn: FN, ...prf(TP, FP, FN) },
    macroF1: round(macroF1),
    anyTactic: { tp: anyTp, fp: anyFp, fn: anyFn, ...prf(anyTp, anyFp, anyFn) },
    tacticFree: { items: tacticFree, flagged: tacticFreeFlagged, rate: round(tacticFree ? tacticFreeFlagged / tacticFree : 0) },
  };
}

/** Documents' predicted tactic sets from findings at a threshold. */
export function predictedSets(detections, threshold) {
  return detections.map((d) => ({
    id: d.item.id,
    gold: new Set(d.item.labels),
    predicted: new Set(d.candidates.filter((c) => c.confidence >= threshold).map((c) => c.tactic)),
  }));
}

/**
 * Reliability of confidences over findings (each finding is correct when its
 * tactic is among the item's gold labels): bins of width 0.1, with count,
 * mean confidence and observed precision; Brier score and expected
 * calibration error (ECE, bins weighted by count).
 * @param {Array<{ confidence: number, correct: boolean }>} findings
 */
export function calibration(findings, binWidth = 0.1) {
  const nBins = Math.round(1 / binWidth);
  const bins = Array.from({ length: nBins }, (_, i) => ({
    from: round(i * binWidth, 2),
    to: round((i + 1) * binWidth, 2),
    count: 0,
    correct: 0,
    sumConfidence: 0,
  }));
  let brier = 0;
  for (const f of findings) {
    const i = Math.min(nBins - 1, Math.floor(f.confidence / binWidth + 1e-9));
    const bin = bins[i];
    bin.count++;
    bin.sumConfidence += f.confidence;
    if (f.correct) bin.correct++;
    brier += (f.confidence - (f.correct ? 1 : 0)) ** 2;
  }
  const n = findings.length;
  let ece = 0;
  const out = bins.map((b) => {
    const meanConfidence = b.count ? b.sumConfidence / b.count : null;
    const precision = b.count ? b.correct / b.count : null;
    if (b.count) ece += (b.count / n) * Math.abs(precision - meanConfidence);
    return { from: b.from, to: b.to, count: b.count, correct: b.correct, meanConfidence: round(meanConfidence), precision: round(precision) };
  });
  return { findings: n, brier: n ? round(brier / n) : null, ece: n ? round(ece) : null, bins: out };
}

/** Every finding (at minConfidence 0) with whether its tactic is in the item's gold labels. */
export function judgedFindings(detections) {
  const out = [];
  for (const d of detections) {
    const gold = new Set(d.item.labels);
    for (const c of d.candidates) out.push({ id: d.item.id, tactic: c.tactic, confidence: c.confidence, correct: gold.has(c.tactic) });
  }
  return out;
}

/** Document-level figures at each threshold, to choose the default by measurement. */
export function thresholdSweep(detections, tacticIds, thresholds) {
  return thresholds.map((t) => {
    const s = scoreDocuments(predictedSets(detections, t), tacticIds);
    return {
      threshold: t,
      microPrecision: s.micro.precision,
      microRecall: s.micro.recall,
      microF1: s.micro.f1,
      macroF1: s.macroF1,
      anyPrecision: s.anyTactic.precision,
      tacticFreeFlagRate: s.tacticFree.rate,
      f1: Object.fromEntries(tacticIds.map((id) => [id, s.perTactic[id].f1])),
    };
  });
}
