// The bench's yardstick for throughput: natural's WordTokenizer alone over a text file, in MB/s.
// Issue #6 sets 25 MB/s for quidpro where this tokenizer "alone runs ~22 MB/s"; on a slower machine
// the same code reads slower, so the bench also shows quidpro's rate against this one, measured here.
// Usage: node scripts/word-tokenizer-rate.cjs FILE  →  prints {"MBps": …, "tokens": …} as JSON.
const { readFileSync, statSync } = require('node:fs');
const { WordTokenizer } = require('natural/lib/natural/tokenizers/regexp_tokenizer');

const file = process.argv[2];
const text = readFileSync(file, 'utf8');
const tokenizer = new WordTokenizer();
const SLICE = 1 << 20; // tokenize() returns an array per call: slices keep it from holding 10 million strings
const t0 = process.hrtime.bigint();
let tokens = 0;
for (let i = 0; i < text.length; i += SLICE) tokens += tokenizer.tokenize(text.slice(i, i + SLICE)).length;
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ MBps: statSync(file).size / 2 ** 20 / seconds, tokens }));
