#!/usr/bin/env node
/**
 * npm run bench — speed and memory of the real CLI, on inputs generated here
 * from the project's own fixtures (reproducibly: a seeded generator), written
 * to bench/out/ (git-ignored). Not part of the tests.
 *
 *   --quick        smaller inputs (for a smoke run); figures are not comparable
 *   --only NAMES   comma list of: startup,text,mbox,memory,scaling,growth,parallel
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'quidpro.js');
const RSS_PRELOAD = join(ROOT, 'scripts', 'max-rss.cjs');
const USAGE_PRELOAD = join(ROOT, 'scripts', 'usage.cjs');
const args = process.argv.slice(2);
const BENCHES = ['startup', 'text', 'mbox', 'memory', 'scaling', 'growth', 'parallel'];
const USAGE = `usage: npm run bench [-- --quick] [-- --only ${BENCHES.join(',')}]`;
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = args.find((a, i) => a !== '--quick' && a !== '--only' && args[i - 1] !== '--only');
if (unknown !== undefined) {
  console.error(`bench: unknown argument ${unknown}\n${USAGE}`);
  process.exit(2);
}
const QUICK = args.includes('--quick');
const ONLY = (() => {
  const i = args.indexOf('--only');
  if (i < 0) return null;
  const names = (args[i + 1] ?? '').split(',').filter(Boolean);
  const wrong = names.filter((n) => !BENCHES.includes(n));
  if (names.length === 0 || wrong.length > 0) {
    console.error(`bench: --only takes a comma list of ${BENCHES.join(', ')}${wrong.length > 0 ? ` (not ${wrong.join(', ')})` : ''}`);
    process.exit(2);
  }
  return new Set(names);
})();
const MB = 1024 * 1024;
const SIZES = QUICK
  ? { text: 5 * MB, mbox: 5 * MB, memory: 40 * MB, files: 2000, growth: 1 * MB }
  : { text: 50 * MB, mbox: 50 * MB, memory: 500 * MB, files: 20000, growth: 8 * MB };

/** Generated inputs, one folder per mode: a quick run must not reuse full-size inputs or the reverse. */
const DATA = join(OUT, QUICK ? 'quick' : 'full');
mkdirSync(DATA, { recursive: true });
const results = {};

function want(name) {
  return !ONLY || ONLY.has(name);
}

// ------------------------------------------------------------------ inputs

/** Deterministic PRNG (mulberry32) so generated inputs are the same every run. */
function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Paragraphs of the project's own fixtures: examples and tactic fixtures (markers removed). */
function paragraphs() {
  const files = [];
  const walk = (dir) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md)$/.test(e.name)) files.push(p);
    }
  };
  walk(join(ROOT, 'fixtures', 'examples'));
  walk(join(ROOT, 'fixtures', 'tactics'));
  const out = [];
  for (const f of files.sort()) {
    for (const p of readFileSync(f, 'utf8').replace(/\[\[|\]\]/g, '').split(/\n\s*\n/)) {
      if (p.trim().length > 20) out.push(p.trim());
    }
  }
  return out;
}

/** Tactic-free prose of our own (fixtures/bench/neutral.txt): what most of a real mailbox reads like. */
function neutralParagraphs() {
  return readFileSync(join(ROOT, 'fixtures', 'bench', 'neutral.txt'), 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

/**
 * `tacticShare` of the paragraphs come from the tactic fixtures, the rest from
 * neutral prose. 1 (every paragraph a tactic or a hard negative) is the worst
 * case for the rules; real mail is far less dense — the corpus averages ~0.09
 * phrase-lexicon hits per token, the neutral prose alone ~0.16, the tactic
 * fixtures ~0.48 — so 0.1 is still a generous "mail-like" mix.
 */
function makeText(bytes, seed = 1, tacticShare = 1) {
  const paras = paragraphs();
  const neutral = neutralParagraphs();
  const rand = rng(seed);
  const chunks = [];
  let size = 0;
  while (size < bytes) {
    // Only a mix draws the extra number, so the tactic-dense text stays what earlier runs measured.
    const fromTactics = tacticShare >= 1 || rand() < tacticShare;
    const pool = fromTactics ? paras : neutral;
    const p = pool[Math.floor(rand() * pool.length)];
    chunks.push(p, '\n\n');
    size += Buffer.byteLength(p) + 2;
  }
  return chunks.join('');
}

/** A message of 3–8 paragraphs: tactic paragraphs, or with `neutral` a `tacticShare` mix as in makeText. */
function message(i, rand, paras, neutral = null, tacticShare = 1) {
  const body = [];
  const n = 3 + Math.floor(rand() * 6);
  for (let k = 0; k < n; k++) {
    // Only a mix draws the extra number, so the tactic-dense mailboxes stay what earlier runs measured.
    const pool = tacticShare >= 1 || rand() < tacticShare ? paras : neutral;
    body.push(pool[Math.floor(rand() * pool.length)]);
  }
  const text = body.join('\n\n').replace(/^From /gm, '>From ');
  const date = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toUTCString();
  return (
    `From campaign${i % 97}@example.org ${date}\n` +
    `From: Campaign ${i % 97} <campaign${i % 97}@example.org>\n` +
    `To: reader@example.com\nSubject: Update number ${i}\nDate: ${date}\n` +
    `Message-ID: <${i}@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n${text}\n\n`
  );
}

async function makeMbox(path, bytes, seed = 2, tacticShare = 1) {
  if (existsSync(path) && statSync(path).size >= bytes) return countMessages(path);
  const paras = paragraphs();
  const neutral = tacticShare < 1 ? neutralParagraphs() : null;
  const rand = rng(seed);
  const out = createWriteStream(path);
  let size = 0;
  let i = 0;
  while (size < bytes) {
    const m = message(i++, rand, paras, neutral, tacticShare);
    size += Buffer.byteLength(m);
    if (!out.write(m)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
  writeFileSync(path + '.count', String(i));
  return i;
}

function countMessages(path) {
  return existsSync(path + '.count') ? Number(readFileSync(path + '.count', 'utf8')) : null;
}

// ------------------------------------------------------------------ running

function time(cmd, argv, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { stdio: ['pipe', 'ignore', 'pipe'], maxBuffer: 64 * MB, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function quidpro(argv, opts = {}) {
  return time(process.execPath, [BIN, ...argv], opts);
}

/** Wall time and CPU time (user + system, every thread) of a quidpro run; the CPU time is read by a preload at exit. */
function quidproCpu(argv) {
  const file = join(DATA, 'usage.json');
  rmSync(file, { force: true });
  const ms = time(process.execPath, ['--require', USAGE_PRELOAD, BIN, ...argv], { env: { ...process.env, QUIDPRO_USAGE_FILE: file } });
  const usage = JSON.parse(readFileSync(file, 'utf8'));
  return { ms, cpuMs: usage.cpuMs, peakRssMB: round(usage.maxRssKiB / 1024) };
}

/** Peak RSS (MB) of a quidpro run, read by a preload at exit. */
function peakRss(argv) {
  const file = join(DATA, 'rss.txt');
  rmSync(file, { force: true });
  const t = time(process.execPath, ['--require', RSS_PRELOAD, BIN, ...argv], { env: { ...process.env, QUIDPRO_RSS_FILE: file } });
  return { ms: t, rssMB: Number(readFileSync(file, 'utf8')) / 1024 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// ------------------------------------------------------------------ benches

function benchStartup() {
  const input = join(DATA, 'one-kb.txt');
  writeFileSync(input, makeText(1024, 3).slice(0, 1024));
  const runs = QUICK ? 10 : 25;
  const node = [];
  const ours = [];
  for (let i = 0; i < runs; i++) {
    node.push(time(process.execPath, ['-e', '']));
    ours.push(quidpro([input]));
  }
  // Each run of quidpro beside the bare node run just before it: this machine's speed drifts by a
  // third within a minute, and a ratio of pairs follows the drift where a ratio of medians does not.
  const pairRatios = ours.map((ms, i) => ms / node[i]);
  results.startup = {
    runs,
    nodeMs: round(median(node)),
    quidproMs: round(median(ours)),
    ratio: round(median(ours) / median(node), 2),
    pairRatio: round(median(pairRatios), 2),
    pairRatioRange: [round(Math.min(...pairRatios), 2), round(Math.max(...pairRatios), 2)],
  };
  const r = results.startup;
  console.log(
    `startup   node -e '' ${r.nodeMs} ms · quidpro (1 KB) ${r.quidproMs} ms · ratio ${r.ratio} (median of ${runs}; run by run ${r.pairRatio}, from ${r.pairRatioRange[0]} to ${r.pairRatioRange[1]})`,
  );
}

function benchText() {
  const inputs = [
    ['text', 'big.txt', 1, 'tactic-dense'],
    ['textMailLike', 'mail-like.txt', 0.1, 'mail-like mix'],
  ];
  for (const [name, file, share, label] of inputs) {
    const path = join(DATA, file);
    if (!existsSync(path) || statSync(path).size < SIZES.text) writeFileSync(path, makeText(SIZES.text, 1, share));
    const size = statSync(path).size;
    const { ms, cpuMs, peakRssMB } = quidproCpu(['--format', 'json', path]);
    const r = { MB: round(size / MB), seconds: round(ms / 1000, 2), MBps: round(size / MB / (ms / 1000)), cpuSeconds: round(cpuMs / 1000, 2), MBperCpuSecond: round(size / MB / (cpuMs / 1000)), peakRssMB, tacticShare: share };
    results[name] = r;
    console.log(`text      ${r.MB} MB ${label} (${share * 100}% tactic paragraphs) in ${r.seconds} s → ${r.MBps} MB/s (CPU ${r.cpuSeconds} s → ${r.MBperCpuSecond} MB per CPU-second; peak RSS ${peakRssMB} MB)`);
  }
  benchYardstick(join(DATA, 'mail-like.txt'), results.textMailLike);
}

/**
 * The issue asks for 25 MB/s where natural's WordTokenizer alone runs ~22 MB/s: 25/22 of that
 * tokenizer's rate. Measured here on the mail-like text just before and after quidpro reads it
 * once more (the machine's speed drifts), so the ratio holds on a slower or faster machine.
 */
function benchYardstick(path, text) {
  const tokenizerRate = () => JSON.parse(execFileSync(process.execPath, [join(ROOT, 'scripts', 'word-tokenizer-rate.cjs'), path], { encoding: 'utf8' })).MBps;
  const before = tokenizerRate();
  const { ms } = quidproCpu(['--format', 'json', path]);
  const after = tokenizerRate();
  const wordTokenizerMBps = (before + after) / 2;
  const ours = statSync(path).size / MB / (ms / 1000);
  const r = { wordTokenizerMBps: round(wordTokenizerMBps), quidproMBps: round(ours), ratio: round(ours / wordTokenizerMBps, 2), target: round(25 / 22, 2) };
  results.yardstick = r;
  if (text) text.ofWordTokenizer = r.ratio;
  console.log(`yardstick natural's WordTokenizer alone ${r.wordTokenizerMBps} MB/s on the mail-like text (${round(before)} before, ${round(after)} after); quidpro ${r.quidproMBps} MB/s: ${r.ratio}× it (the issue's 25 MB/s where it runs ~22: ${r.target}×)`);
}

/**
 * Mailboxes of the same two mixes as the texts: mail against text of the same
 * content is what "mail close to text after decoding" compares.
 */
async function benchMbox() {
  const inputs = [
    ['mbox', 'mail.mbox', 2, 1, 'tactic-dense', 'text'],
    ['mboxMailLike', 'mail-like.mbox', 7, 0.1, 'mail-like mix', 'textMailLike'],
  ];
  for (const [name, file, seed, share, label, sameText] of inputs) {
    const path = join(DATA, file);
    const messages = await makeMbox(path, SIZES.mbox, seed, share);
    const size = statSync(path).size;
    const { ms, cpuMs } = quidproCpu(['--format', 'jsonl', '--jobs', '1', path]);
    const r = { MB: round(size / MB), messages, tacticShare: share, seconds: round(ms / 1000, 2), MBps: round(size / MB / (ms / 1000)), cpuSeconds: round(cpuMs / 1000, 2), messagesPerSecond: Math.round(messages / (ms / 1000)) };
    const text = results[sameText];
    if (text) r.ofTextRate = round(r.MBps / text.MBps, 2);
    results[name] = r;
    const versus = text ? `, ${Math.round(r.ofTextRate * 100)}% of the same mix as plain text` : '';
    console.log(`mbox      ${r.MB} MB ${label}, ${messages} messages in ${r.seconds} s → ${r.MBps} MB/s, ${r.messagesPerSecond} msg/s (CPU ${r.cpuSeconds} s; --jobs 1${versus})`);
  }
}

async function benchMemory() {
  const path = join(DATA, 'huge.mbox');
  const messages = await makeMbox(path, SIZES.memory, 4);
  const size = statSync(path).size;
  const r = peakRss(['--format', 'jsonl', '--jobs', '1', path]);
  results.memory = { MB: round(size / MB), messages, peakRssMB: round(r.rssMB), seconds: round(r.ms / 1000, 1) };
  console.log(`memory    ${results.memory.MB} MB mbox (${messages} messages): peak RSS ${results.memory.peakRssMB} MB in ${results.memory.seconds} s (--jobs 1)`);
  // The default --jobs (one thread per core): each worker is a V8 heap of its own.
  const jobs = cpus().length;
  const d = peakRss(['--format', 'jsonl', path]);
  results.memoryDefaultJobs = { MB: round(size / MB), messages, jobs, peakRssMB: round(d.rssMB), seconds: round(d.ms / 1000, 1) };
  console.log(`memory    ${results.memory.MB} MB mbox (${messages} messages): peak RSS ${results.memoryDefaultJobs.peakRssMB} MB in ${results.memoryDefaultJobs.seconds} s (default --jobs: ${jobs})`);
}

async function benchScaling() {
  const dir = join(DATA, 'many');
  if (!existsSync(dir) || readdirSync(dir).length < SIZES.files) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    const paras = paragraphs();
    const rand = rng(5);
    for (let i = 0; i < SIZES.files; i++) {
      const n = 1 + Math.floor(rand() * 4);
      const body = Array.from({ length: n }, () => paras[Math.floor(rand() * paras.length)]).join('\n\n');
      writeFileSync(join(dir, `copy-${String(i).padStart(5, '0')}.txt`), body + '\n');
    }
  }
  const n = cpus().length;
  const parts = splitFolder(dir, n);
  // Runs interleaved, median of three each: one run on this kind of shared machine swings by a third.
  const one = [];
  const many = [];
  const separate = [];
  for (let i = 0; i < 3; i++) {
    one.push(quidpro(['--format', 'jsonl', '--jobs', '1', dir]));
    many.push(quidpro(['--format', 'jsonl', '--jobs', String(n), dir]));
    separate.push(await concurrently(parts.map((part) => [BIN, '--format', 'jsonl', '--jobs', '1', part])));
  }
  const s = (ms) => round(ms / 1000, 2);
  results.scaling = {
    files: SIZES.files,
    jobs1Seconds: s(median(one)),
    jobsN: n,
    jobsNSeconds: s(median(many)),
    speedup: round(median(one) / median(many), 2),
    // What this machine gives at best: n processes at once, each on its own n-th of the files.
    separateProcessesSeconds: s(median(separate)),
    separateProcessesSpeedup: round(median(one) / median(separate), 2),
  };
  const r = results.scaling;
  console.log(
    `scaling   ${r.files} files: --jobs 1 ${r.jobs1Seconds} s · --jobs ${n} ${r.jobsNSeconds} s → ×${r.speedup}` +
      ` (${n} separate processes on ${n} parts: ${r.separateProcessesSeconds} s → ×${r.separateProcessesSpeedup}; median of 3)`,
  );
}

/** The folder's files in n sub-folders of about equal size (hard links: no copies), made once. */
function splitFolder(dir, n) {
  const root = `${dir}-in-${n}`;
  const files = readdirSync(dir).sort();
  const parts = Array.from({ length: n }, (_, k) => join(root, `part-${k}`));
  if (parts.every((part) => existsSync(part)) && parts.reduce((sum, part) => sum + readdirSync(part).length, 0) === files.length) return parts;
  rmSync(root, { recursive: true, force: true });
  parts.forEach((part) => mkdirSync(part, { recursive: true }));
  files.forEach((f, i) => linkSync(join(dir, f), join(parts[Math.floor((i * n) / files.length)], f)));
  return parts;
}

/** Wall time in ms of commands run all at once, until the last has exited. */
function concurrently(argvs) {
  const t0 = process.hrtime.bigint();
  return Promise.all(
    argvs.map(
      (argv) =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'ignore'] });
          child.on('error', reject);
          child.on('exit', (code) => (code === 0 || code === 1 ? resolve() : reject(new Error(`${argv.join(' ')} exited ${code}`))));
        }),
    ),
  ).then(() => Number(process.hrtime.bigint() - t0) / 1e6);
}

function benchGrowth() {
  const rows = [];
  for (const k of [1, 2, 4, 8]) {
    const path = join(DATA, `growth-${k}.txt`);
    if (!existsSync(path)) writeFileSync(path, makeText(SIZES.growth * k, 6));
    const ms = median([0, 1, 2].map(() => quidpro(['--format', 'json', path])));
    rows.push({ factor: k, MB: round(statSync(path).size / MB), seconds: round(ms / 1000, 2) });
  }
  const base = rows[0].seconds;
  results.growth = rows.map((r) => ({ ...r, relative: round(r.seconds / base, 2) }));
  console.log('growth    ' + results.growth.map((r) => `${r.factor}× (${r.MB} MB) ${r.seconds} s [${r.relative}]`).join(' · '));
}

function benchParallel() {
  if (spawnSync('parallel', ['--version'], { stdio: 'ignore' }).status !== 0) {
    results.parallel = { skipped: 'GNU parallel is not installed (apt-get install parallel)' };
    console.log(`parallel  skipped: ${results.parallel.skipped}`);
    return;
  }
  const path = join(DATA, 'mail.mbox');
  const direct = spawnSync(process.execPath, [BIN, '--format', 'jsonl', path], { maxBuffer: 1024 * MB }).stdout.toString();
  // The recipe of docs/performance.md: split the mailbox into chunks on postmark lines and map each
  // with quidpro (one thread each: parallel already runs one process per core).
  const recipe = `parallel --pipe --block 4M --recstart 'From ' -k ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --format jsonl --input-format mbox --jobs 1 --fail-on none < ${JSON.stringify(path)}`;
  const t0 = process.hrtime.bigint();
  const viaParallel = execFileSync('bash', ['-c', recipe], { maxBuffer: 1024 * MB }).toString();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const count = (s) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l).findings.length).reduce((a, b) => a + b, 0);
  const records = (s) => s.split('\n').filter(Boolean).length;
  results.parallel = { records: records(viaParallel), directRecords: records(direct), findings: count(viaParallel), directFindings: count(direct), seconds: round(ms / 1000, 2) };
  const same = results.parallel.records === results.parallel.directRecords && results.parallel.findings === results.parallel.directFindings;
  results.parallel.sameAsDirect = same;
  console.log(`parallel  GNU parallel recipe: ${results.parallel.records} records, ${results.parallel.findings} findings in ${results.parallel.seconds} s — ${same ? 'same as one process' : 'DIFFERS from one process'}`);
}

// ------------------------------------------------------------------ main

// bin/quidpro.js runs the start-up bundle only while it matches dist/ (a plain tsc, as `npm test` runs,
// makes it stale and bin falls back to the slower ES modules): a bench of the fallback measures nothing we ship.
if (!createRequire(import.meta.url)('../bin/bundle-loader.js').bundleIsCurrent(join(ROOT, 'dist'))) {
  console.error('bench: the start-up bundle is missing or older than dist/ (tsc ran after the build): run `npm run bench`, which builds first');
  process.exit(2);
}

const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: round(totalmem() / 1024 ** 3), quick: QUICK, loadAverageAtStart: round(loadavg()[0], 2) };
console.log(`quidpro bench — node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGB} GB, load ${machine.loadAverageAtStart}${QUICK ? ' (quick)' : ''}`);
if (want('startup')) benchStartup();
if (want('text')) benchText();
if (want('mbox')) await benchMbox();
if (want('memory')) await benchMemory();
if (want('scaling')) await benchScaling();
if (want('growth')) benchGrowth();
if (want('parallel')) benchParallel();
machine.loadAverageAtEnd = round(loadavg()[0], 2);
console.log(`load average at the end ${machine.loadAverageAtEnd}`);
writeFileSync(join(OUT, 'last.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
console.log(`figures written to ${join('bench', 'out', 'last.json')}`);
