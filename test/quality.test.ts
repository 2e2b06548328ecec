/**
 * The quality ratchet: the corpus evaluation (`npm run eval`, without its
 * Bayes baseline) must not fall below the figures recorded in
 * eval/baseline.json by more than the recorded margins. Re-recording is a
 * deliberate commit: `npm run eval -- --record`.
 *
 * Also unit tests of the measurement code itself (scripts/lib), so a broken
 * metric cannot make the ratchet pass.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keywordFires, KEYWORD_RULES } from '../scripts/lib/baselines.mjs';
import { stemmedWords } from '../scripts/lib/detect.mjs';
import { evaluate } from '../scripts/lib/evaluate.mjs';
import { fnv1a, foldOf } from '../scripts/lib/folds.mjs';
import { fitLogistic, probability } from '../scripts/lib/logistic.mjs';
import { calibration, prf, scoreDocuments } from '../scripts/lib/metrics.mjs';
import { corpusAvailable, corpusDir, EVAL_DIR } from '../scripts/lib/paths.mjs';
import { baselineFrom, describeRegressions, improvements, regressions } from '../scripts/lib/ratchet.mjs';
import { documentFigures, overlapsQuote, withHamPreference, withWeights } from '../scripts/lib/tune.mjs';

const CORPUS = corpusDir();
const HAS_CORPUS = corpusAvailable(CORPUS);
if (!HAS_CORPUS) console.warn(`quality ratchet skipped: no corpus at ${CORPUS} (set QUIDPRO_CORPUS)`);

describe('quality ratchet (eval/baseline.json)', () => {
  it.skipIf(!HAS_CORPUS)('no figure falls below the recorded baseline', async () => {
    const baselinePath = join(EVAL_DIR, 'baseline.json');
    expect(existsSync(baselinePath), 'eval/baseline.json is missing: record it with `npm run eval -- --record`').toBe(true);
    const baseline = JSON.parse(readFileSync(baselinePath, 'utf8'));
    const { figures } = await evaluate({ corpusDir: CORPUS, bayes: false });
    if (figures.corpus.items !== baseline.corpusItems) {
      console.warn(`corpus has ${figures.corpus.items} items, the baseline was recorded on ${baseline.corpusItems}`);
    }
    const better = improvements(baseline, figures);
    if (better.length) console.info(`Better than recorded (re-record with \`npm run eval -- --record\`):\n${better.join('\n')}`);
    const fell = regressions(baseline, figures);
    expect(fell, `Detection quality fell below eval/baseline.json:\n${describeRegressions(fell)}`).toEqual([]);
  }, 60_000);
});

// ------------------------------------------------------------------ the comparison

function figuresWith({
  f1 = {},
  anyPrecision = 0.9,
  flagRate = 0.01,
  itemErrors = 0,
}: { f1?: Record<string, number>; anyPrecision?: number | null; flagRate?: number; itemErrors?: number }) {
  return {
    corpus: { items: 10 },
    itemErrors: Array.from({ length: itemErrors }, (_, i) => ({ id: `item-${i}`, error: 'cannot decode' })),
    threshold: 0.5,
    detector: {
      perTactic: Object.fromEntries(Object.entries(f1).map(([id, v]) => [id, { f1: v }])),
      anyTactic: { precision: anyPrecision },
      tacticFree: { rate: flagRate },
    },
  };
}

describe('regressions()', () => {
  const recorded = baselineFrom(figuresWith({ f1: { freebie: 0.8, obligation: 0.5 }, anyPrecision: 0.9, flagRate: 0.01 }));

  it('passes figures equal to the record, or within the margin', () => {
    expect(regressions(recorded, figuresWith({ f1: { freebie: 0.8, obligation: 0.5 } }))).toEqual([]);
    expect(regressions(recorded, figuresWith({ f1: { freebie: 0.785, obligation: 0.49 }, anyPrecision: 0.885, flagRate: 0.014 }))).toEqual([]);
  });

  it('names a tactic whose F1 fell by more than the margin', () => {
    const fell = regressions(recorded, figuresWith({ f1: { freebie: 0.7, obligation: 0.5 } }));
    expect(fell).toEqual([{ figure: 'freebie F1', recorded: 0.8, now: 0.7, limit: 0.78 }]);
    expect(describeRegressions(fell)).toContain('freebie F1 fell: recorded 0.8, now 0.7');
  });

  it('treats a tactic missing from the figures as F1 0', () => {
    const fell = regressions(recorded, figuresWith({ f1: { freebie: 0.8 } }));
    expect(fell.map((f) => f.figure)).toEqual(['obligation F1']);
  });

  it('catches a fall of any-tactic precision, and an undefined precision as 0', () => {
    expect(regressions(recorded, figuresWith({ f1: { freebie: 0.8, obligation: 0.5 }, anyPrecision: 0.8 })).map((f) => f.figure)).toEqual([
      'any-tactic precision',
    ]);
    expect(regressions(recorded, figuresWith({ f1: { freebie: 0.8, obligation: 0.5 }, anyPrecision: null }))[0]).toMatchObject({
      figure: 'any-tactic precision',
      now: 0,
    });
  });

  it('catches a rise of the tactic-free flag rate beyond its margin', () => {
    const fell = regressions(recorded, figuresWith({ f1: { freebie: 0.8, obligation: 0.5 }, flagRate: 0.03 }));
    expect(fell.map((f) => f.figure)).toEqual(['tactic-free flag rate']);
    expect(describeRegressions(fell)).toContain('rose');
  });

  it('catches an item that can no longer be analysed', () => {
    const fell = regressions(recorded, figuresWith({ f1: { freebie: 0.8, obligation: 0.5 }, itemErrors: 1 }));
    expect(fell).toEqual([{ figure: 'items that could not be analysed', recorded: 0, now: 1, limit: 0 }]);
  });

  it('reports improvements beyond the margin, so the record can be raised', () => {
    expect(improvements(recorded, figuresWith({ f1: { freebie: 0.9, obligation: 0.5 } }))).toEqual(['freebie F1 0.8 → 0.9']);
  });
});

// ------------------------------------------------------------------ the metrics

describe('scoreDocuments()', () => {
  const doc = (id: string, gold: string[], predicted: string[]) => ({ id, gold: new Set(gold), predicted: new Set(predicted) });
  const s = scoreDocuments(
    [
      doc('a', ['freebie'], ['freebie']), // tp
      doc('b', ['freebie', 'obligation'], []), // fn, fn
      doc('c', [], ['freebie']), // fp; a tactic-free item flagged
      doc('d', [], []),
      doc('e', ['obligation'], ['freebie']), // fp freebie, fn obligation; any-tactic tp
    ],
    ['freebie', 'obligation', 'lead-magnet'],
  );

  it('counts tp/fp/fn per tactic at the document level', () => {
    expect(s.perTactic.freebie).toMatchObject({ support: 2, tp: 1, fp: 2, fn: 1, precision: 0.3333, recall: 0.5, f1: 0.4 });
    expect(s.perTactic.obligation).toMatchObject({ support: 2, tp: 0, fp: 0, fn: 2, precision: null, recall: 0, f1: 0 });
  });

  it('averages macro F1 over tactics that have support; micro pools the counts', () => {
    expect(s.macroF1).toBe(0.2);
    expect(s.micro).toMatchObject({ tp: 1, fp: 2, fn: 3, f1: 0.2857 });
  });

  it('scores any-tactic detection and the tactic-free flag rate', () => {
    expect(s.anyTactic).toMatchObject({ tp: 2, fp: 1, fn: 1 });
    expect(s.tacticFree).toEqual({ items: 2, flagged: 1, rate: 0.5 });
  });

  it('has F1 0 without a true positive and null precision without predictions', () => {
    expect(prf(0, 0, 3)).toEqual({ precision: null, recall: 0, f1: 0 });
  });
});

describe('calibration()', () => {
  it('bins findings by confidence with observed precision, Brier score and ECE', () => {
    const cal = calibration([
      { confidence: 0.95, correct: true },
      { confidence: 0.91, correct: false },
      { confidence: 0.55, correct: false },
      { confidence: 0.5, correct: true },
      { confidence: 1, correct: true },
    ]);
    const top = cal.bins.find((b: { from: number }) => b.from === 0.9);
    const mid = cal.bins.find((b: { from: number }) => b.from === 0.5);
    expect(top).toMatchObject({ count: 3, correct: 2, precision: 0.6667 });
    expect(mid).toMatchObject({ count: 2, correct: 1, precision: 0.5 });
    expect(cal.brier).toBeCloseTo((0.05 ** 2 + 0.91 ** 2 + 0.55 ** 2 + 0.5 ** 2 + 0) / 5, 4);
    expect(cal.ece).toBeCloseTo((3 / 5) * Math.abs(2 / 3 - 2.86 / 3) + (2 / 5) * Math.abs(0.5 - 0.525), 4);
  });
});

describe('baselines and folds', () => {
  it('keyword foot-in-the-door needs the small ask before the money ask', () => {
    const rule = KEYWORD_RULES['foot-in-the-door'];
    expect(keywordFires(rule, 'Sign the petition today. Then chip in $5.')).toBe(true);
    expect(keywordFires(rule, 'Chip in $5. Then sign the petition.')).toBe(false);
  });

  it('feeds naive Bayes the stemmed words of a text, as the scanner reads them', async () => {
    const lib = { scan: (await import('../src/text/tokenize.js')).scan };
    expect(stemmedWords(lib, 'Claim your FREE gifts, 2 of them!')).toEqual(['claim', 'your', 'free', 'gift', 'of', 'them']);
  });

  it('assigns folds by a stable hash of the id', () => {
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(foldOf('sa-spam-1-00309', 5)).toBe(foldOf('sa-spam-1-00309', 5));
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < 500; i++) counts[foldOf(`item-${i}`, 5)]++;
    for (const c of counts) expect(c).toBeGreaterThan(60);
  });
});

// ------------------------------------------------------------------ tuning

describe('fitLogistic()', () => {
  const examples = [
    ...Array.from({ length: 20 }, () => ({ features: ['strong'], y: 1 as const })),
    ...Array.from({ length: 20 }, () => ({ features: ['weak'], y: 0 as const })),
    ...Array.from({ length: 5 }, () => ({ features: ['weak'], y: 1 as const })),
  ];
  const prior = { bias: 0, rules: { strong: 0, weak: 0 } };

  it('gives a rule that fires on correct findings a higher weight than one that fires on wrong ones', () => {
    const w = fitLogistic(examples, prior, { l2: 0.1 });
    expect(w.rules.strong).toBeGreaterThan(1);
    expect(w.rules.weak).toBeLessThan(w.rules.strong);
    expect(probability(w, ['weak'])).toBeCloseTo(5 / 25, 1);
  });

  it('is deterministic and pulled toward its prior by L2', () => {
    expect(fitLogistic(examples, prior)).toEqual(fitLogistic(examples, prior));
    const loose = fitLogistic(examples, prior, { l2: 0.01 });
    const tight = fitLogistic(examples, prior, { l2: 100 });
    expect(Math.abs(tight.rules.strong)).toBeLessThan(Math.abs(loose.rules.strong));
    const unseen = fitLogistic(examples, { bias: 0, rules: { strong: 0, weak: 0, never: 1.5 } });
    expect(unseen.rules.never).toBeCloseTo(1.5, 6);
  });

  it('scores documents by their best candidate', () => {
    const items = [
      { y: 1, examples: [{ features: ['strong'], y: 1 }] },
      { y: 0, examples: [{ features: ['weak'], y: 0 }] },
      { y: 1, examples: [] },
    ];
    const weights = { bias: -1, rules: { strong: 3, weak: 0.5 } };
    expect(documentFigures(items, () => weights, 0.5)).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });
});

describe('withWeights()', () => {
  const handFormatted = [
    '{',
    '  "$comment": "a brace { and the word \\"$weights\\" inside a string",',
    '  "cue": [',
    '    "one phrase", "two phrases", "three"',
    '  ],',
    '  "$weights": {',
    '    "bias": -1.0,',
    '    "rules": {',
    '      "b": 1.0,',
    '      "a": 2.0',
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');

  it('rewrites only the value of "$weights", leaving every other byte as it was', () => {
    const after = withWeights(handFormatted, { bias: -0.5, rules: { a: 2.5, b: 0.75, c: 0.1 } });
    const head = handFormatted.slice(0, handFormatted.indexOf('  "$weights"'));
    expect(after.startsWith(head)).toBe(true);
    expect(after.endsWith('  }\n}\n')).toBe(true);
    const parsed = JSON.parse(after);
    expect(Object.keys(parsed)).toEqual(['$comment', 'cue', '$weights']);
    expect(parsed.$weights).toEqual({ bias: -0.5, rules: { b: 0.75, a: 2.5, c: 0.1 } });
    expect(Object.keys(parsed.$weights.rules)).toEqual(['b', 'a', 'c']);
    expect(after).toContain('\n    "bias": -0.5,\n    "rules": {\n      "b": 0.75,');
  });

  it('keeps rules it has no new weight for, and writes whole numbers with a decimal', () => {
    const after = withWeights(handFormatted, { bias: -2, rules: { a: 3 } });
    expect(JSON.parse(after).$weights).toEqual({ bias: -2, rules: { b: 1, a: 3 } });
    expect(after).toContain('"bias": -2.0,');
    expect(after).toContain('"a": 3.0');
  });

  it('adds "$weights" as the last key of a file without one', () => {
    const after = withWeights('{\n  "cue": ["x"]\n}\n', { bias: -1, rules: { x: 0.5 } });
    expect(JSON.parse(after)).toEqual({ cue: ['x'], $weights: { bias: -1, rules: { x: 0.5 } } });
    expect(after.startsWith('{\n  "cue": ["x"],\n  "$weights": {')).toBe(true);
  });
});

describe('tuning data', () => {
  it('counts a candidate in a positive item as correct only when it is on the gold evidence', () => {
    expect(overlapsQuote('our gift to you', 'we have enclosed labels as our gift to you')).toBe(true);
    expect(overlapsQuote('we have enclosed labels as our gift to you please', 'our gift to you')).toBe(true);
    expect(overlapsQuote('free shipping on orders', 'claim your free gift today')).toBe(false);
    expect(overlapsQuote('', 'anything')).toBe(false);
  });

  it('weighs wrong candidates so the classes balance, times the ham preference', () => {
    const examples = [
      { features: ['a'], y: 1 },
      { features: ['a'], y: 1 },
      { features: ['a'], y: 1 },
      { features: ['b'], y: 0 },
    ];
    const weighted = withHamPreference(examples, 2);
    expect(weighted.filter((e) => e.y).every((e) => (e.weight ?? 1) === 1)).toBe(true);
    expect(weighted.find((e) => !e.y)?.weight).toBe(6);
    // A fit that weighs the one wrong candidate more pushes its rule further down.
    const plain = fitLogistic(examples, { bias: 0, rules: {} }, { l2: 0.1 });
    const averse = fitLogistic(weighted, { bias: 0, rules: {} }, { l2: 0.1 });
    expect(averse.rules.b).toBeLessThan(plain.rules.b);
  });
});
