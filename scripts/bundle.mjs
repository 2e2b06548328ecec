#!/usr/bin/env node
/**
 * Build step (after tsc and compile-phrases): the start-up bundle in
 * dist/bundle/, which bin/quidpro.js loads because it starts faster than ~70
 * separate ES modules:
 *
 *   js/cli.cjs     the CLI and everything it may load (decoders, reporters),
 *                  as one function expression that bin/bundle-loader.js
 *                  compiles with vm.Script and V8 code cache (Node 20 cannot
 *                  cache the compiled code of ES modules);
 *   js/cli.cjs.<node>-<arch>.cache
 *                  that code cache, written by one run of the CLI on an example
 *                  (so it holds the functions a run compiles, not only the top level);
 *   js/worker.js   the --jobs worker thread (an ES module: threads start only for many inputs);
 *   js/phrase-index.json
 *                  the built-in lexicons' phrase index (src/prebuilt/phrase-index.ts).
 *
 * The bundle is used only while dist/bundle/stamp matches dist/cli.js's
 * modification time: a later plain `tsc` (as the tests run) makes it stale,
 * and bin then loads dist/cli.js.
 */
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createRequire, isBuiltin } from 'node:module';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(path, new URL('..', import.meta.url)));
const bundleDir = at('dist/bundle/');
rmSync(bundleDir, { recursive: true, force: true });

/**
 * Node built-in modules that a run on a few files does not use but that cost
 * start-up when required: the bundle gets them through an object whose
 * properties require the module on first use. child_process (which loads
 * net, dgram and streams) serves commander's stand-alone executable
 * sub-commands and --changed-since; fs/promises (which loads readline)
 * directory walks and --jobs 1 reads.
 */
const LAZY_BUILTINS = ['child_process', 'fs/promises'];

const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      // The shim's own require is of the real module.
      args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, async (args) => {
      const names = Object.keys(await import(`node:${args.path}`)).filter((n) => n !== 'default');
      return {
        loader: 'js',
        contents: [
          `let real;`,
          `const load = () => (real ??= require(${JSON.stringify(`node:${args.path}`)}));`,
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n'),
      };
    });
  },
};

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // A third fewer bytes to read (989 KB → 640 KB). Identifiers keep their names: renaming them saved
  // no measurable time, and names matter to stack traces and to constructor.name (commander's errors).
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({
  ...common,
  entryPoints: { cli: 'dist/cli.js' },
  outExtension: { '.js': '.cjs' },
  outdir: at('dist/bundle/js/'),
  format: 'cjs',
  plugins: [lazyBuiltins],
  // An ASCII bundle is read without UTF-8 decoding into a string of half the size (bin/bundle-loader.js).
  // esbuild escapes strings and identifiers; template literals are lowered to strings so that it can
  // escape them too (String.raw keeps its raw text as a string literal); regex literals are escaped below.
  charset: 'ascii',
  supported: { 'template-literal': false },
  // The modules are ES modules (strict mode); the loader passes the CommonJS names and the bundle's own URL.
  define: { 'import.meta.url': '__quidproImportMetaUrl' },
  banner: { js: '(function (exports, require, module, __filename, __dirname, __quidproImportMetaUrl) {\n"use strict";' },
  footer: { js: '})' },
});

// What is left outside ASCII is in regex literals (and comments), where \uXXXX means the same character.
const cliFile = at('dist/bundle/js/cli.cjs');
writeFileSync(cliFile, readFileSync(cliFile, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// bin/bundle-loader.js gives the bundle its own require, which must then only ever load Node built-ins.
const required = [...readFileSync(at('dist/bundle/js/cli.cjs'), 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
const notBuiltin = required.filter((id) => !isBuiltin(id));
if (notBuiltin.length > 0) throw new Error(`the bundle requires modules that are not Node built-ins: ${notBuiltin.join(', ')}`);

await build({
  ...common,
  entryPoints: { worker: 'dist/parallel/worker.js' },
  outdir: at('dist/bundle/js/'),
  format: 'esm',
  // commander and natural are CommonJS: give the ESM bundle a require.
  banner: { js: "import { createRequire as __quidproCreateRequire } from 'node:module'; const require = __quidproCreateRequire(import.meta.url);" },
});

// What the bundled code reads beside itself: the compiled phrases, and (cli.ts readVersion) ../package.json.
copyFileSync(at('dist/text/compiled-phrases.json'), at('dist/bundle/js/compiled-phrases.json'));

// And the built-in lexicons' phrase index (src/prebuilt/phrase-index.ts), checked to decode to the very index it was made from.
const { matcherFor } = await import(new URL('../dist/engine/analyze.js', import.meta.url));
const { encodeIndex, plainIndex, PrebuiltIndex, PHRASE_INDEX_FILE } = await import(new URL('../dist/prebuilt/phrase-index.js', import.meta.url));
const index = matcherFor().index();
if (index instanceof PrebuiltIndex) throw new Error('bundle: dist/ has a prebuilt phrase index of its own; it must be made from the lexicons');
const encoded = encodeIndex(index);
writeFileSync(at(`dist/bundle/js/${PHRASE_INDEX_FILE}`), encoded, 'latin1');
if (!isDeepStrictEqual(plainIndex(new PrebuiltIndex(readFileSync(at(`dist/bundle/js/${PHRASE_INDEX_FILE}`), 'latin1'))), plainIndex(index))) {
  throw new Error('bundle: the phrase index does not decode to the matcher it was made from');
}
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
writeFileSync(at('dist/bundle/package.json'), JSON.stringify({ private: true, type: 'module', version }) + '\n');
mkdirSync(bundleDir, { recursive: true });
writeFileSync(at('dist/bundle/stamp'), createRequire(import.meta.url)('../bin/bundle-loader.js').bundleStamp(at('dist/')));

// One run on an example writes the code cache (bin does so whenever the cache is missing or rejected).
// NODE_OPTIONS is left out: V8 accepts a cache only under the flags it was made with, and a plain run has none.
// --jobs 2 on one file takes the path of a plain run on a multi-core machine (one input never starts a worker).
const { NODE_OPTIONS: _, ...env } = process.env;
const status = (() => {
  try {
    execFileSync(process.execPath, [at('bin/quidpro.js'), '--no-config', '--no-color', '--jobs', '2', at('fixtures/examples/charity-appeal.txt')], { env, stdio: 'ignore' });
    return 0;
  } catch (err) {
    return err.status;
  }
})();
if (status !== 0 && status !== 1) throw new Error(`the run that writes the code cache exited ${status}`);
if (!readdirSync(at('dist/bundle/js/')).some((f) => f.startsWith('cli.cjs.') && f.endsWith('.cache'))) {
  console.warn('bundle: no code cache was written; the bundle still works, compiling at each start');
}
