/**
 * Confidence from rule evidence, the SpamAssassin way: each named rule has a
 * weight (data, tuned on the corpus), a finding's score is the bias plus the
 * weights of the rules that fired, and a logistic curve turns that into a
 * confidence in [0, 1].
 */
import weightsData from '../lexicons/weights.json' with { type: 'json' };
import type { TacticId } from '../types.js';

export interface TacticWeights {
  bias: number;
  rules: Record<string, number>;
}

const WEIGHTS = weightsData as unknown as Record<string, TacticWeights>;

export function weightsFor(tactic: TacticId): TacticWeights {
  return WEIGHTS[tactic] ?? { bias: 0, rules: {} };
}

export function confidence(tactic: TacticId, rules: readonly string[], weights = weightsFor(tactic)): number {
  let score = weights.bias;
  for (const rule of new Set(rules)) score += weights.rules[rule] ?? 0;
  return round(1 / (1 + Math.exp(-score)));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
