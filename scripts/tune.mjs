#!/usr/bin/env node
/**
 * npm run tune [-- --write] [-- --only id,id] [-- --l2 1] [-- --ham-preference 1] [-- --prior current|zero] [-- --no-fixtures]
 *
 * Fits each tactic's rule weights ("$weights" in src/tactics/<id>.json) on the
 * corpus and the fixtures, SpamAssassin style: each candidate finding
 * (minConfidence 0) is an example of its fired rules, correct when its
 * tactic is in the item's labels. Prints cross-validated log-loss and
 * document F1 before (current weights) and after (refitted), and the
 * proposed weights. Only --write changes the JSON files. See docs/evaluation.md.
 */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, loadFixtures } from './lib/corpus.mjs';
import { detectAll, loadLibrary } from './lib/detect.mjs';
import { num, table } from './lib/format.mjs';
import { corpusAvailable, corpusDir } from './lib/paths.mjs';
import { tuneTactic, tuningData, writeWeights } from './lib/tune.mjs';

const K = 5;
const { values: args } = parseArgs({
  options: {
    write: { type: 'boolean', default: false },
    l2: { type: 'string', default: '1' },
    prior: { type: 'string', default: 'current' },
    'no-fixtures': { type: 'boolean', default: false },
    'ham-preference': { type: 'string', default: '1' },
    only: { type: 'string' },
  },
});
const l2 = Number(args.l2);
const hamPreference = Number(args['ham-preference']);
if (!(l2 >= 0) || !(hamPreference > 0) || !['current', 'zero'].includes(args.prior)) {
  console.error('quidpro tune: --l2 takes a number ≥ 0, --ham-preference a number > 0, --prior current|zero');
  process.exit(2);
}

const started = performance.now();
const lib = await loadLibrary();
const dir = corpusDir();
const corpus = corpusAvailable(dir) ? loadCorpus(dir) : [];
if (corpus.length === 0) console.error(`quidpro tune: no corpus at ${dir}; tuning on fixtures only`);
const fixtures = args['no-fixtures'] ? [] : loadFixtures(undefined, lib.tacticIds);
const detections = await detectAll(lib, [...corpus, ...fixtures]);
const data = tuningData(detections, lib.tacticIds, K);

console.log(`quidpro tune — ${corpus.length} corpus items + ${fixtures.length} fixtures; ${K}-fold CV by item; L2 ${l2} toward ${args.prior === 'zero' ? 'zero' : 'the current weights'}; threshold ${lib.defaultThreshold}`);
const summary = [['tactic', 'examples', 'pos', 'log-loss before', 'after', 'doc F1 before', 'after', 'tp/fp/fn before', 'after']];
const proposals = [];
const only = args.only ? new Set(args.only.split(',')) : null;
for (const tactic of lib.tactics) {
  const id = tactic.meta.id;
  if (only && !only.has(id)) continue;
  const result = tuneTactic(data[id], tactic.weights, { k: K, threshold: lib.defaultThreshold, l2, prior: args.prior, hamPreference });
  const { before, after } = result;
  summary.push([
    id,
    String(result.examples),
    String(result.positives),
    num(before.logLoss, 3),
    after ? num(after.logLoss, 3) : '—',
    num(before.f1),
    after ? num(after.f1) : '—',
    `${before.tp}/${before.fp}/${before.fn}`,
    after ? `${after.tp}/${after.fp}/${after.fn}` : '—',
  ]);
  proposals.push({ id, current: tactic.weights, result });
}
console.log(table(summary));

for (const { id, current, result } of proposals) {
  console.log('');
  if (!result.proposed) {
    console.log(`${id}: weights unchanged (${result.reason})`);
    continue;
  }
  const rows = [['rule', 'current', 'proposed']];
  rows.push(['(bias)', num(current.bias), num(result.proposed.bias)]);
  for (const rule of Object.keys(result.proposed.rules)) rows.push([rule, num(current.rules[rule] ?? null), num(result.proposed.rules[rule])]);
  console.log(`${id}:`);
  console.log(table(rows));
}

console.log('');
if (args.write) {
  for (const { id, result } of proposals) {
    if (result.proposed) console.log(`Wrote ${relative(process.cwd(), writeWeights(id, result.proposed))}`);
  }
  console.log('Rebuild and run `npm run eval` to see the effect.');
} else {
  console.log('Dry run: nothing written. `npm run tune -- --write` puts the proposed weights into src/tactics/<id>.json.');
}
console.log(`Time ${Math.round(performance.now() - started)} ms`);
