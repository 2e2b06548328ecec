/**
 * Confidence from rule evidence, the SpamAssassin way: each named rule has a
 * weight (data: the "$weights" of the tactic's JSON file, tuned on the corpus
 * by `npm run tune`), a finding's score is the bias plus the weights of the
 * rules that fired, and a logistic curve turns that into a confidence.
 */
export interface TacticWeights {
  bias: number;
  rules: Record<string, number>;
}

export function confidence(rules: readonly string[], weights: TacticWeights): number {
  let score = weights.bias;
  for (const rule of new Set(rules)) score += weights.rules[rule] ?? 0;
  return Math.round((1 / (1 + Math.exp(-score))) * 1000) / 1000;
}
