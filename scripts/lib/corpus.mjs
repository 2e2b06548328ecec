/**
 * The labelled items: the corpus (labels.jsonl + items/) and, for tuning,
 * the project's own tactic fixtures (fixtures/tactics/<id>/positive|negative).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from './paths.mjs';

/**
 * @typedef {{ id: string, file: string, path: string, labels: string[],
 *   evidence: Array<{tactic: string, quote: string}>, source?: string,
 *   scope?: string[] }} Item
 * `scope`: the tactics the labels speak for (fixtures only know their own
 * tactic); undefined means every tactic.
 */

/** Reads labels.jsonl; `path` is the absolute path of each item's file. */
export function loadCorpus(dir) {
  const lines = readFileSync(join(dir, 'labels.jsonl'), 'utf8').split(/\r?\n/);
  const items = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let row;
    try {
      row = JSON.parse(line);
    } catch (err) {
      throw new Error(`labels.jsonl line ${i + 1}: ${err.message}`);
    }
    items.push({
      id: row.id,
      file: row.file,
      path: join(dir, row.file),
      labels: [...new Set(row.labels ?? [])],
      evidence: row.evidence ?? [],
      source: row.source,
    });
  });
  return items;
}

/** The item's bytes, exactly as the CLI would read them. */
export function readItem(item) {
  return item.bytes ?? readFileSync(item.path);
}

/** Strips the [[ ]] markers of a positive fixture (mail fixtures carry none). */
export function stripMarkers(text) {
  return text.replace(/\[\[|\]\]/g, '');
}

/**
 * Fixture files as items: a positive of <id> is labelled [<id>], a negative
 * []; both speak only for <id> (scope).
 */
export function loadFixtures(root = FIXTURES_DIR, tacticIds) {
  const items = [];
  for (const tactic of tacticIds) {
    for (const polarity of ['positive', 'negative']) {
      const dir = join(root, tactic, polarity);
      for (const name of listFiles(dir)) {
        const raw = readFileSync(join(dir, name));
        const bytes = name.endsWith('.eml') ? raw : Buffer.from(stripMarkers(raw.toString('utf8')), 'utf8');
        items.push({
          id: `fixture:${tactic}/${polarity}/${name}`,
          file: name,
          path: join(dir, name),
          bytes,
          labels: polarity === 'positive' ? [tactic] : [],
          evidence: [],
          scope: [tactic],
        });
      }
    }
  }
  return items;
}

function listFiles(dir) {
  try {
    return readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

/** Does the item's labelling speak for this tactic? */
export function inScope(item, tactic) {
  return !item.scope || item.scope.includes(tactic);
}
