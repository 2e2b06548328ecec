/**
 * The phrase index made at build time (src/prebuilt/phrase-index.ts) must be
 * the matcher's own index, read back: the same entries, the same hits.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { matcherFor } from '../src/engine/analyze.js';
import { encodeIndex, loadPrebuiltIndex, plainIndex, PrebuiltIndex } from '../src/prebuilt/phrase-index.js';
import { PhraseGroups } from '../src/text/phrases.js';
import { PhraseMatcher } from '../src/text/phrases.js';
import { scan } from '../src/text/tokenize.js';

const ROOT = join(import.meta.dirname, '..');

/** Every text of the fixtures, markers removed. */
function fixtureTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(txt|md|eml|html)$/.test(name)) out.push(readFileSync(path, 'utf8').replace(/\[\[|\]\]/g, ''));
    }
  };
  walk(join(ROOT, 'fixtures'));
  return out;
}

const built = matcherFor().index() as PhraseGroups;
const encoded = encodeIndex(built);

describe('prebuilt phrase index', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quidpro-index-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is not used where no index was written (tests run on the lexicons themselves)', () => {
    expect(built).not.toBeInstanceOf(PrebuiltIndex);
    expect(built).toBeInstanceOf(PhraseGroups);
    expect(built.size).toBeGreaterThan(100);
  });

  it('decodes to exactly the index of the built-in lexicons', () => {
    expect(plainIndex(new PrebuiltIndex(encoded))).toEqual(plainIndex(built));
  });

  it('gives the same hits as the matcher built from the lexicons, on every fixture', () => {
    const prebuilt = new PhraseMatcher({}, new PrebuiltIndex(encoded));
    const fresh = matcherFor();
    let hits = 0;
    for (const text of fixtureTexts()) {
      const tokens = scan(text).tokens;
      const expected = fresh.match(tokens);
      expect(prebuilt.match(tokens)).toEqual(expected);
      hits += expected.length;
    }
    expect(hits).toBeGreaterThan(100);
  });

  it('decodes only the entries of first words a text has', () => {
    const index = new PrebuiltIndex(encoded);
    new PhraseMatcher({}, index).match(scan('Claim your free gift today.').tokens);
    expect(index.decodedCount).toBeGreaterThan(0);
    expect(index.decodedCount).toBeLessThan(10);
    expect(index.get('free')).toEqual(built.get('free'));
    expect(index.get('no-such-first-word')).toBeUndefined();
    expect(index.get('__proto__')).toBe(built.get('__proto__'));
  });

  it('is ASCII text, one line per first word after a header', () => {
    expect(/^[\x20-\x7e\t\n]*$/.test(encoded)).toBe(true);
    expect(encoded.split('\n').length).toBe(built.size + 2);
    // Phrases in other scripts survive the escaping.
    const nonAscii = [...built.keys()].find((k) => /[^\x00-\x7f]/.test(k));
    expect(nonAscii).toBeDefined();
    expect(new PrebuiltIndex(encoded).get(nonAscii!)).toEqual(built.get(nonAscii!));
  });

  it('is read from its file, and ignored when missing, cut short, or of another format', () => {
    const file = join(dir, 'phrase-index.txt');
    expect(loadPrebuiltIndex(pathToFileURL(file))).toBeNull();
    writeFileSync(file, encoded, 'latin1');
    expect(loadPrebuiltIndex(pathToFileURL(file))?.get('free')).toEqual(built.get('free'));
    for (const cut of [10, 1000, encoded.length - 1]) {
      writeFileSync(file, encoded.slice(0, cut), 'latin1');
      expect(loadPrebuiltIndex(pathToFileURL(file))).toBeNull();
    }
    const lines = encoded.split('\n');
    writeFileSync(file, [lines[0], ...lines.slice(2)].join('\n'), 'latin1');
    expect(loadPrebuiltIndex(pathToFileURL(file))).toBeNull();
    writeFileSync(file, encoded.replace(/"format":\d+/, '"format":999'), 'latin1');
    expect(loadPrebuiltIndex(pathToFileURL(file))).toBeNull();
    writeFileSync(file, 'null\n', 'latin1');
    expect(loadPrebuiltIndex(pathToFileURL(file))).toBeNull();
  });
});
