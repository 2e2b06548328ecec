/**
 * bin/bundle-loader.js: the start-up bundle is compiled with V8 code cache
 * when V8 accepts it, and from source otherwise; the exports are the same
 * either way. (The tests run on dist/ as tsc leaves it, so bin/quidpro.js
 * itself takes its fallback, dist/cli.js, throughout the other tests.)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** Loads a bundle in a fresh Node process (V8 would reuse code this process compiled before, whatever the cache). */
function load(bundleFile: string, options: { cacheFile?: string; save?: boolean } = {}) {
  const script = `
    const { loadBundle, saveCache } = require(${JSON.stringify(LOADER)});
    const [bundleFile, cacheFile, save] = process.argv.slice(1);
    const loaded = loadBundle(bundleFile, cacheFile || undefined);
    const saved = save === 'save' ? saveCache(loaded) : null;
    console.log(JSON.stringify({ cache: loaded.cache, exports: loaded.exports, cacheFile: loaded.cacheFile, saved }));`;
  const out = execFileSync(process.execPath, ['-e', script, bundleFile, options.cacheFile ?? '', options.save ? 'save' : ''], { encoding: 'utf8' });
  return JSON.parse(out) as { cache: 'accepted' | 'rejected' | 'missing'; exports: unknown; cacheFile: string; saved: boolean | null };
}

const LOADER = join(import.meta.dirname, '..', 'bin', 'bundle-loader.js');
const { cacheFileFor, MAX_OTHER_CACHES } = createRequire(import.meta.url)(LOADER) as {
  cacheFileFor(bundleFile: string, execArgv?: string[], nodeOptions?: string): string;
  MAX_OTHER_CACHES: number;
};

/** A bundle as scripts/bundle.mjs writes it: one function expression given the CommonJS names and its URL. */
function bundleSource(answer: number): string {
  return [
    '(function (exports, require, module, __filename, __dirname, __quidproImportMetaUrl) {',
    '"use strict";',
    `const twice = (x) => x * 2;`,
    `module.exports = { answer: twice(${answer}), url: __quidproImportMetaUrl, file: __filename, dir: __dirname, join: require("node:path").join("a", "b") };`,
    '})',
  ].join('\n');
}

describe('bundle loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quidpro-loader-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const bundle = join(dir, 'cli.cjs');
  writeFileSync(bundle, bundleSource(21));
  const expected = { answer: 42, url: pathToFileURL(bundle).href, file: bundle, dir, join: join('a', 'b') };

  it('compiles from source when there is no cache, and can then write one', () => {
    const loaded = load(bundle, { save: true });
    expect(loaded.cache).toBe('missing');
    expect(loaded.exports).toEqual(expected);
    expect(loaded.saved).toBe(true);
    expect(existsSync(loaded.cacheFile)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('uses the cache it wrote', () => {
    const loaded = load(bundle);
    expect(loaded.cache).toBe('accepted');
    expect(loaded.exports).toEqual(expected);
  });

  it('compiles from source when V8 rejects the cache (garbage, or made for another source)', () => {
    const { cacheFile } = load(bundle);
    writeFileSync(cacheFile, 'not a code cache');
    const garbage = load(bundle);
    expect(garbage.cache).toBe('rejected');
    expect(garbage.exports).toEqual(expected);

    const other = join(dir, 'other.cjs');
    writeFileSync(other, bundleSource(1234567));
    const otherLoaded = load(other, { save: true });
    expect(otherLoaded.saved).toBe(true);
    const mismatched = load(bundle, { cacheFile: otherLoaded.cacheFile });
    expect(mismatched.cache).toBe('rejected');
    expect(mismatched.exports).toEqual(expected);
  });

  it('treats an unreadable cache as missing, and leaves a cache it cannot write unwritten', () => {
    const loaded = load(bundle, { cacheFile: join(dir, 'no-such-folder', 'cli.cache'), save: true });
    expect(loaded.cache).toBe('missing');
    expect(loaded.exports).toEqual(expected);
    expect(loaded.saved).toBe(false);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('names the cache by Node version, and by flags when there are any', () => {
    const plain = cacheFileFor(bundle, [], undefined);
    expect(plain).toBe(`${bundle}.${process.version}-${process.arch}.cache`);
    expect(cacheFileFor(bundle, [], '')).toBe(plain);
    const capped = cacheFileFor(bundle, [], '--max-old-space-size=128');
    expect(capped).not.toBe(plain);
    expect(cacheFileFor(bundle, ['--max-old-space-size=128'], undefined)).toBe(capped);
    expect(cacheFileFor(bundle, [], '--max-old-space-size=256')).not.toBe(capped);
  });

  it('keeps the no-flags cache, the one it writes and the most recent others, and drops the rest', () => {
    const own = mkdtempSync(join(dir, 'prune-'));
    const file = join(own, 'cli.cjs');
    writeFileSync(file, bundleSource(21));
    const plain = cacheFileFor(file, [], undefined);
    // Caches of other flag sets (and of an older Node), oldest first; the no-flags one older than all of them.
    const others = ['v18.0.0-x64', 'v20.0.0-x64-aaaaaaaa', 'v20.0.0-x64-bbbbbbbb', 'v20.0.0-x64-cccccccc'].map((tag) => `${file}.${tag}.cache`);
    const anotherBundle = join(own, 'worker.cjs.v20.0.0-x64.cache');
    [plain, ...others, anotherBundle].forEach((f, i) => {
      writeFileSync(f, 'old cache');
      utimesSync(f, 1_000_000 + i, 1_000_000 + i);
    });
    const written = cacheFileFor(file, [], '--cpu-prof-dir=/tmp/profile-1');
    expect(load(file, { cacheFile: written, save: true }).saved).toBe(true);
    const kept = others.slice(-MAX_OTHER_CACHES);
    expect(readdirSync(own).sort()).toEqual(['cli.cjs', plain, written, ...kept, anotherBundle].map((f) => f.replace(`${own}/`, '')).sort());
  });
});

/**
 * bin/quidpro.js in a package laid out like this one, with stand-ins for
 * dist/cli.js and the bundle that say which of them ran.
 */
/** A package laid out like this one: bin/ as it is, a stand-in dist/cli.js, and a bundle of the given source. */
function binRoot(bundleSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'quidpro-bin-'));
  mkdirSync(join(root, 'bin'));
  for (const f of ['quidpro.js', 'bundle-loader.js', 'long-run.js', 'package.json']) copyFileSync(join(import.meta.dirname, '..', 'bin', f), join(root, 'bin', f));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ type: 'module' }));
  mkdirSync(join(root, 'dist', 'bundle', 'js'), { recursive: true });
  writeFileSync(join(root, 'dist', 'cli.js'), 'export function onLongRun() {}\nexport async function main(argv) { process.stdout.write(`dist ${argv.join(" ")}\\n`); return 3; }\n');
  writeFileSync(
    join(root, 'dist', 'bundle', 'js', 'cli.cjs'),
    `(function (exports, require, module, __filename, __dirname, __quidproImportMetaUrl) {\n"use strict";\n${bundleSource}\n})`,
  );
  return root;
}

describe('bin/quidpro.js', () => {
  const root = binRoot(
    // Like the real CLI: before a large input ("large" here) it calls the hook, and bin then sets a V8 flag.
    'let hook = null; exports.onLongRun = (fn) => { hook = fn; };\n' +
      'exports.main = async (argv) => { if (argv.includes("large")) hook(); process.stdout.write(`bundle ${argv.join(" ")}\\n`); return 4; };',
  );
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const stamp = join(root, 'dist', 'bundle', 'stamp');
  const run = (args = ['a', 'b']) => {
    try {
      return { out: execFileSync(process.execPath, [join(root, 'bin', 'quidpro.js'), ...args], { encoding: 'utf8' }), status: 0 };
    } catch (err) {
      const e = err as { stdout: string; status: number };
      return { out: e.stdout, status: e.status };
    }
  };
  const caches = () => readdirSync(join(root, 'dist', 'bundle', 'js')).filter((f) => f.endsWith('.cache'));

  it('runs dist/cli.js when the bundle is missing its stamp or was built from another dist/', () => {
    expect(run()).toEqual({ out: 'dist a b\n', status: 3 });
    writeFileSync(stamp, String(statSync(join(root, 'dist', 'cli.js')).mtimeMs + 1));
    expect(run()).toEqual({ out: 'dist a b\n', status: 3 });
    expect(caches()).toEqual([]);
  });

  it('runs the bundle while its stamp matches, writing its code cache on the first run', () => {
    writeFileSync(stamp, String(statSync(join(root, 'dist', 'cli.js')).mtimeMs));
    // A run that set a V8 flag (before a large input) saves no cache: the next run, under V8's defaults, would reject it.
    expect(run(['large'])).toEqual({ out: 'bundle large\n', status: 4 });
    expect(caches()).toEqual([]);
    expect(run()).toEqual({ out: 'bundle a b\n', status: 4 });
    expect(caches()).toHaveLength(1);
    const written = statSync(join(root, 'dist', 'bundle', 'js', caches()[0])).mtimeMs;
    expect(run()).toEqual({ out: 'bundle a b\n', status: 4 });
    // The second run accepted the cache, so it did not write another.
    expect(statSync(join(root, 'dist', 'bundle', 'js', caches()[0])).mtimeMs).toBe(written);
    // A cache V8 rejects: the bundle runs all the same, and the run replaces the cache.
    const cacheFile = join(root, 'dist', 'bundle', 'js', caches()[0]);
    writeFileSync(cacheFile, 'not a code cache');
    expect(run()).toEqual({ out: 'bundle a b\n', status: 4 });
    expect(statSync(cacheFile).size).toBeGreaterThan('not a code cache'.length);
  });

  it('ends the process as soon as the command says its output is out, and not before', () => {
    // The command "leaves" a line that goes out 100 ms after main returns, and says whether its output is flushed.
    const late = (flushed: boolean) =>
      binRoot(
        'exports.onLongRun = () => {};\n' +
          'exports.main = async () => { setTimeout(() => process.stdout.write("late\\n"), 100); process.stdout.write("now\\n"); return 1; };\n' +
          `exports.outputFlushed = () => ${flushed};`,
      );
    for (const [flushed, out] of [[true, 'now\n'], [false, 'now\nlate\n']] as const) {
      const dir = late(flushed);
      writeFileSync(join(dir, 'dist', 'bundle', 'stamp'), String(statSync(join(dir, 'dist', 'cli.js')).mtimeMs));
      const r = spawnSync(process.execPath, [join(dir, 'bin', 'quidpro.js')], { encoding: 'utf8' });
      expect([r.stdout, r.status]).toEqual([out, 1]);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
