/**
 * Logistic regression over named binary features (rules that fired), the
 * SpamAssassin-perceptron way of turning rule hits into weights:
 * P(correct) = logistic(bias + Σ weights of fired rules), fitted by plain
 * full-batch gradient descent (deterministic: same data, same weights) on
 * log-loss with an L2 penalty pulling each weight toward a prior — by
 * default the hand-set weights, so a rule the data barely sees keeps about
 * the weight a person gave it.
 */

export const sigmoid = (z) => 1 / (1 + Math.exp(-z));

/** Score of one example under weights { bias, rules }. */
export function probability(weights, features) {
  let z = weights.bias;
  for (const f of new Set(features)) z += weights.rules[f] ?? 0;
  return sigmoid(z);
}

/** Mean log-loss, probabilities clipped away from 0 and 1. */
export function logLoss(weights, examples) {
  if (examples.length === 0) return null;
  let sum = 0;
  for (const e of examples) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, probability(weights, e.features)));
    sum -= e.y ? Math.log(p) : Math.log(1 - p);
  }
  return sum / examples.length;
}

/**
 * @param {Array<{ features: string[], y: 0|1, weight?: number }>} examples  weight: how much an example counts (default 1)
 * @param {{ bias: number, rules: Record<string, number> }} prior  centre of the L2 penalty
 * @param {{ l2?: number, iterations?: number, learningRate?: number }} options
 *   l2: penalty strength, as the inverse variance of a Gaussian prior on each weight
 */
export function fitLogistic(examples, prior, { l2 = 1, iterations = 4000, learningRate = 0.5 } = {}) {
  const names = [...new Set([...Object.keys(prior.rules), ...examples.flatMap((e) => e.features)])].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => ({ y: e.y, weight: e.weight ?? 1, active: [...new Set(e.features)].map((f) => index.get(f)) }));
  const centre = Float64Array.from(names, (n) => prior.rules[n] ?? 0);
  const w = Float64Array.from(centre);
  let bias = prior.bias;
  const n = Math.max(1, rows.length);
  const grad = new Float64Array(names.length);
  for (let step = 0; step < iterations; step++) {
    grad.fill(0);
    let gradBias = l2 * (bias - prior.bias);
    for (let i = 0; i < names.length; i++) grad[i] = l2 * (w[i] - centre[i]);
    for (const r of rows) {
      let z = bias;
      for (const i of r.active) z += w[i];
      const error = (sigmoid(z) - r.y) * r.weight;
      gradBias += error;
      for (const i of r.active) grad[i] += error;
    }
    bias -= (learningRate * gradBias) / n;
    for (let i = 0; i < names.length; i++) w[i] -= (learningRate * grad[i]) / n;
  }
  return { bias, rules: Object.fromEntries(names.map((name, i) => [name, w[i]])) };
}
