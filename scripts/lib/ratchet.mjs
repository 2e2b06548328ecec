/**
 * The quality ratchet: recorded figures (eval/baseline.json) that the
 * detector may not fall below. Recording is deliberate
 * (`npm run eval -- --record`); CI compares (test/quality.test.ts).
 */

export const DEFAULT_MARGINS = {
  /** Per-tactic F1 and any-tactic precision may fall this much (small trade-offs). */
  score: 0.02,
  /** The tactic-free flag rate may rise this much (about one item in 286). */
  flagRate: 0.005,
};

/** The figures worth guarding, from an evaluation's figures. */
export function baselineFrom(figures, margins = DEFAULT_MARGINS) {
  const d = figures.detector;
  return {
    $comment: 'Recorded by `npm run eval -- --record`. The CI ratchet (test/quality.test.ts) fails when a figure falls below this by more than the margin.',
    corpusItems: figures.corpus.items,
    threshold: figures.threshold,
    margins: { ...margins },
    f1: Object.fromEntries(Object.entries(d.perTactic).map(([id, t]) => [id, t.f1])),
    anyTacticPrecision: d.anyTactic.precision ?? 0,
    tacticFreeFlagRate: d.tacticFree.rate,
    itemErrors: figures.itemErrors?.length ?? 0,
  };
}

/**
 * Figures that fell: higher-is-better ones below recorded − margin, the flag
 * rate above recorded + margin. An undefined precision (nothing predicted)
 * counts as 0. Empty when nothing fell.
 * @returns {Array<{ figure: string, recorded: number, now: number, limit: number }>}
 */
export function regressions(baseline, figures) {
  const margins = { ...DEFAULT_MARGINS, ...baseline.margins };
  const now = baselineFrom(figures, margins);
  const fell = [];
  const atLeast = (figure, recorded, value) => {
    const limit = round6(recorded - margins.score);
    if (value < limit) fell.push({ figure, recorded, now: value, limit });
  };
  for (const [id, recorded] of Object.entries(baseline.f1 ?? {})) {
    atLeast(`${id} F1`, recorded, now.f1[id] ?? 0);
  }
  if (baseline.anyTacticPrecision !== undefined) atLeast('any-tactic precision', baseline.anyTacticPrecision, now.anyTacticPrecision);
  if (baseline.tacticFreeFlagRate !== undefined) {
    const limit = round6(baseline.tacticFreeFlagRate + margins.flagRate);
    if (now.tacticFreeFlagRate > limit) {
      fell.push({ figure: 'tactic-free flag rate', recorded: baseline.tacticFreeFlagRate, now: now.tacticFreeFlagRate, limit });
    }
  }
  if (baseline.itemErrors !== undefined && now.itemErrors > baseline.itemErrors) {
    fell.push({ figure: 'items that could not be analysed', recorded: baseline.itemErrors, now: now.itemErrors, limit: baseline.itemErrors });
  }
  return fell;
}

/** Figures now better than recorded by more than the margin: time to re-record. */
export function improvements(baseline, figures) {
  const margins = { ...DEFAULT_MARGINS, ...baseline.margins };
  const now = baselineFrom(figures, margins);
  const better = [];
  for (const [id, recorded] of Object.entries(baseline.f1 ?? {})) {
    if ((now.f1[id] ?? 0) > recorded + margins.score) better.push(`${id} F1 ${recorded} → ${now.f1[id]}`);
  }
  if (now.anyTacticPrecision > baseline.anyTacticPrecision + margins.score) better.push(`any-tactic precision ${baseline.anyTacticPrecision} → ${now.anyTacticPrecision}`);
  if (now.tacticFreeFlagRate < baseline.tacticFreeFlagRate - margins.flagRate) better.push(`tactic-free flag rate ${baseline.tacticFreeFlagRate} → ${now.tacticFreeFlagRate}`);
  return better;
}

export function describeRegressions(fell) {

  return fell
    .map((f) =>
      f.figure === 'tactic-free flag rate' || f.figure === 'items that could not be analysed'
        ? `${f.figure} rose: recorded ${f.recorded}, now ${f.now} (limit ${f.limit})`
        : `${f.figure} fell: recorded ${f.recorded}, now ${f.now} (limit ${f.limit})`,
    )
    .join('\n');
}

const round6 = (x) => Math.round(x * 1e6) / 1e6;
