/**
 * Two baselines the rule-based detector has to beat, on the same items and
 * the same decoded text:
 *   keyword  — one honest keyword rule per tactic (what a quick grep would do);
 *   bayes    — natural's naive Bayes, one binary classifier per tactic over
 *              stemmed words, under deterministic k-fold cross-validation.
 */
import { createRequire } from 'node:module';
import { foldOf } from './folds.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- keyword

/** Either one pattern, or `first` followed later in the text by `then`. */
export const KEYWORD_RULES = {
  freebie: { pattern: /\bfree\b|\bgifts?\b|\bcomplimentary\b/i },
  'lead-magnet': {
    pattern:
      /\bfree (?:guide|e-?book|webinar|report|checklist|course|masterclass|template)s?\b|\b(?:download|register|sign[- ]?up|subscribe|enter your e-?mail)\b[^.!?\n]*\bfree\b|\bfree\b[^.!?\n]*\b(?:download|register|sign[- ]?up|subscribe|enter your e-?mail)\b/i,
  },
  'thats-not-all': { pattern: /\bbonus(?:es)?\b|\bbut wait\b|\bthat's not all\b|\bplus\b|\bat no (?:extra|additional) (?:cost|charge)\b|\bthrow in\b/i },
  'foot-in-the-door': { first: /\bsign(?:ed)?\b|\bpetition\b|\bsurvey\b|\bpoll\b/i, then: /\bdonate\b|\bchip in\b|\bcontribute\b/i },
  'door-in-the-face': { pattern: /\bif\b[^.!?\n]*\b(?:can't|cannot)\b|\btoo much\b|\beven (?:just )?\$\s?\d/i },
  obligation: { pattern: /\bgive back\b|\breturn the favou?r\b|\bafter all\b/i },
};

/** Folds typographic apostrophes so "that’s" matches like "that's". */
function normalise(text) {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

export function keywordFires(rule, text) {
  const t = normalise(text);
  if (rule.pattern) return rule.pattern.test(t);
  const m = rule.first.exec(t);
  return m !== null && rule.then.test(t.slice(m.index + m[0].length));
}

/** Tactics the keyword rules predict for one decoded text. */
export function keywordPredict(text, tacticIds) {
  return new Set(tacticIds.filter((id) => KEYWORD_RULES[id] && keywordFires(KEYWORD_RULES[id], text)));
}

// ---------------------------------------------------------------- naive Bayes

/** natural's BayesClassifier by deep path: the package index prints to stdout and costs ~1 s. */
export function loadBayesClassifier() {
  return require('natural/lib/natural/classifiers/bayes_classifier.js');
}

/**
 * Gives a natural classifier a fast binary bag-of-words featuriser. natural's
 * own textToFeatures calls indexOf for every vocabulary word on every
 * document (quadratic); this computes the same 0/1 vector from a Set.
 */
function useSetFeatures(classifier) {
  let index = null;
  classifier.textToFeatures = function (observation) {
    if (!index) index = Object.keys(this.features);
    const present = new Set(observation);
    return index.map((f) => (present.has(f) ? 1 : 0));
  };
  return classifier;
}

/**
 * log P(yes|doc) − log P(no|doc): a multinomial naive Bayes over binary word
 * features (each distinct word of a document counted once — "binarized
 * multinomial NB", the usual choice for spam filtering), from the counts
 * natural's classifier collected while training (classFeatures: documents
 * of a class containing each word, plus its smoothing; classTotals:
 * documents of the class, plus one).
 *
 * natural's own classify() is not usable on whole e-mails: it multiplies
 * hundreds of small probabilities (underflow: both classes score 0 and the
 * first label wins), and it divides a word's count by the number of
 * documents in the class rather than by the class's word total, so an unseen
 * word costs far less in the small positive class and every long document
 * comes out positive. This scores in log space with Laplace smoothing over
 * the vocabulary.
 */
export function multinomialScorer(classifier) {
  const inner = classifier.classifier;
  const vocabulary = Object.keys(classifier.features);
  const total = inner.totalExamples - 1;
  const model = {};
  for (const label of ['yes', 'no']) {
    const counts = inner.classFeatures[label] ?? {};
    const n = (inner.classTotals[label] ?? 1) - 1;
    const df = vocabulary.map((_, i) => (counts[i] ? counts[i] - inner.smoothing : 0));
    const words = df.reduce((a, b) => a + b, 0);
    const denominator = Math.log(words + vocabulary.length);
    model[label] = {
      prior: Math.log((n + 1) / (total + 2)),
      logRate: Float64Array.from(df, (c) => Math.log(c + 1) - denominator),
    };
  }
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  return (tokens) => {
    let odds = model.yes.prior - model.no.prior;
    for (const w of new Set(tokens)) {
      const i = index.get(w);
      if (i !== undefined) odds += model.yes.logRate[i] - model.no.logRate[i];
    }
    return odds;
  };
}

/**
 * Cross-validated naive Bayes: for each fold, one classifier per tactic is
 * trained on the other folds and predicts the held-out items.
 * @param {Array<{ id: string, labels: string[], tokens: string[] }>} docs
 * @returns {Map<string, Set<string>>} predicted tactics per id
 */
export function bayesCrossValidate(docs, tacticIds, k = 5) {
  const BayesClassifier = loadBayesClassifier();
  const predicted = new Map(docs.map((d) => [d.id, new Set()]));
  const unique = docs.map((d) => ({ ...d, fold: foldOf(d.id, k), tokens: [...new Set(d.tokens)] }));
  for (let fold = 0; fold < k; fold++) {
    const train = unique.filter((d) => d.fold !== fold && d.tokens.length > 0);
    const test = unique.filter((d) => d.fold === fold);
    for (const tactic of tacticIds) {
      if (!train.some((d) => d.labels.includes(tactic))) continue; // nothing to learn from
      const classifier = useSetFeatures(new BayesClassifier());
      for (const d of train) classifier.addDocument(d.tokens, d.labels.includes(tactic) ? 'yes' : 'no');
      classifier.train();
      const logOdds = multinomialScorer(classifier);
      for (const d of test) {
        if (d.tokens.length > 0 && logOdds(d.tokens) > 0) predicted.get(d.id).add(tactic);
      }
    }
  }
  return predicted;
}
