#!/usr/bin/env node
/**
 * npm run eval [-- --record] [-- --no-bayes] [-- --quiet]
 *
 * Measures detection on the labelled corpus (<repo>/../shared/corpus, or
 * $QUIDPRO_CORPUS) through the built library — the CLI's own decoding and
 * detection — beside two baselines (keyword rules, cross-validated naive
 * Bayes). Prints the figures and every error; writes eval/last.json.
 * --record also writes eval/baseline.json, the CI ratchet's reference.
 * See docs/evaluation.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { errorsWithoutText, evaluate } from './lib/evaluate.mjs';
import { corpusAvailable, corpusDir, EVAL_DIR, REPO } from './lib/paths.mjs';
import { baselineFrom, describeRegressions, improvements, regressions } from './lib/ratchet.mjs';
import { formatReport } from './lib/report.mjs';

const { values: args } = parseArgs({
  options: {
    record: { type: 'boolean', default: false },
    'no-bayes': { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false, short: 'q' },
  },
});

const dir = corpusDir();
if (!corpusAvailable(dir)) {
  console.error(`quidpro eval: no corpus at ${dir} (labels.jsonl missing); set QUIDPRO_CORPUS`);
  process.exit(2);
}

const started = performance.now();
const result = await evaluate({ corpusDir: dir, bayes: !args['no-bayes'] });
console.log(formatReport(result, { showErrors: !args.quiet }));
console.log(`Total ${Math.round(performance.now() - started)} ms`);

mkdirSync(EVAL_DIR, { recursive: true });
const lastPath = join(EVAL_DIR, 'last.json');
const last = {
  date: new Date().toISOString().slice(0, 10),
  corpus: relative(REPO, dir) || '.',
  ...result.figures,
  errors: errorsWithoutText(result.errors),
};
writeFileSync(lastPath, `${JSON.stringify(last, null, 2)}\n`);
console.log(`Wrote ${relative(process.cwd(), lastPath)}`);

const baselinePath = join(EVAL_DIR, 'baseline.json');
if (existsSync(baselinePath) && !args.record) {
  const recorded = JSON.parse(readFileSync(baselinePath, 'utf8'));
  const fell = regressions(recorded, result.figures);
  const better = improvements(recorded, result.figures);
  if (fell.length) console.log(`Below eval/baseline.json (the CI ratchet will fail):\n${describeRegressions(fell)}`);
  else console.log(`At or above eval/baseline.json (${recorded.date ?? 'undated'}).`);
  if (better.length) console.log(`Better than recorded (re-record with --record):\n${better.join('\n')}`);
}

if (args.record) {
  const { $comment, ...figures } = baselineFrom(result.figures);
  const baseline = { $comment, date: last.date, ...figures };
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
  console.log(`Recorded ${relative(process.cwd(), baselinePath)} (the CI ratchet compares against it)`);
}
