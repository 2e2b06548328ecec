/**
 * Where things are: the repository, its built library, the corpus.
 * The scripts import the BUILT library (dist/) so they measure exactly what
 * the CLI runs.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(REPO, 'dist');
export const EVAL_DIR = join(REPO, 'eval');
export const FIXTURES_DIR = join(REPO, 'fixtures', 'tactics');
export const TACTICS_SRC_DIR = join(REPO, 'src', 'tactics');

/** The corpus directory: $QUIDPRO_CORPUS, else <repo>/../shared/corpus. */
export function corpusDir(env = process.env) {
  return env.QUIDPRO_CORPUS ? resolve(env.QUIDPRO_CORPUS) : resolve(REPO, '..', 'shared', 'corpus');
}

/** True when the corpus can be evaluated (its labels file exists). */
export function corpusAvailable(dir = corpusDir()) {
  return existsSync(join(dir, 'labels.jsonl'));
}

/** Imports a module of the built library, e.g. distModule('analyze.js'). */
export async function distModule(relative) {
  const path = join(DIST, relative);
  if (!existsSync(path)) throw new Error(`${path} is missing: run "npm run build" first`);
  return import(new URL(`file://${path}`).href);
}
