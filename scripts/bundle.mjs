#!/usr/bin/env node
/**
 * Build step (after tsc and compile-phrases): one esbuild bundle of the CLI
 * and its worker in dist/bundle/, which bin/quidpro.js loads because it starts
 * faster than ~70 separate modules (lazy imports stay separate chunks).
 *
 * The bundle is used only while dist/bundle/stamp matches dist/cli.js's
 * modification time: a later plain `tsc` (as the tests run) makes it stale,
 * and bin then loads dist/cli.js.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (path) => fileURLToPath(new URL(path, new URL('..', import.meta.url)));
const bundleDir = at('dist/bundle/');
rmSync(bundleDir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'dist/cli.js', worker: 'dist/parallel/worker.js' },
  outdir: at('dist/bundle/js/'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // commander and natural are CommonJS: give the ESM bundle a require.
  banner: { js: "import { createRequire as __quidproCreateRequire } from 'node:module'; const require = __quidproCreateRequire(import.meta.url);" },
});

// What the bundled code reads beside itself: the compiled phrases, and (cli.ts readVersion) ../package.json.
copyFileSync(at('dist/text/compiled-phrases.json'), at('dist/bundle/js/compiled-phrases.json'));
const { version } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
writeFileSync(at('dist/bundle/package.json'), JSON.stringify({ private: true, type: 'module', version }) + '\n');
mkdirSync(bundleDir, { recursive: true });
writeFileSync(at('dist/bundle/stamp'), String(statSync(at('dist/cli.js')).mtimeMs));
