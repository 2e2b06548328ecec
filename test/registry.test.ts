/**
 * Parity checks in the spirit of ESLint's checkRuleFiles: every tactic is
 * complete (meta, data, weights, fixtures), its lexicon is clean, and every
 * rule it fires has a weight.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { TACTICS } from '../src/tactics/index.js';
import { TACTIC_IDS } from '../src/types.js';
import sharedLexicon from '../src/lexicons/shared.json' with { type: 'json' };
import { LANGUAGE_LEXICONS, withLanguages } from '../src/lexicons/languages.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tactics');

describe('tactic registry', () => {
  it('registers exactly the tactics of TACTICS.md, in its order, with unique ids', () => {
    expect(TACTICS.map((t) => t.meta.id)).toEqual([...TACTIC_IDS]);
  });

  for (const t of TACTICS) {
    describe(t.meta.id, () => {
      it('has a name, a one-line summary and both halves of the advice', () => {
        for (const text of [t.meta.name, t.meta.summary, t.meta.advice.wait, t.meta.advice.evaluate]) {
          expect(text.trim().length).toBeGreaterThan(3);
          expect(text).not.toMatch(/\n/);
        }
      });

      it('has weights with a numeric bias and numeric rule weights', () => {
        expect(Number.isFinite(t.weights.bias)).toBe(true);
        for (const w of Object.values(t.weights.rules)) expect(Number.isFinite(w)).toBe(true);
      });

      it('has a fixtures folder with positives and negatives', () => {
        expect(existsSync(join(FIXTURES, t.meta.id, 'positive'))).toBe(true);
        expect(existsSync(join(FIXTURES, t.meta.id, 'negative'))).toBe(true);
      });

      it('gives a weight to every rule it fires on its fixtures', async () => {
        const known = new Set(Object.keys(t.weights.rules));
        const missing = new Set<string>();
        for (const kind of ['positive', 'negative']) {
          const dir = join(FIXTURES, t.meta.id, kind);
          if (!existsSync(dir)) continue;
          for (const name of readdirSync(dir)) {
            const text = readFileSync(join(dir, name), 'utf8').replace(/\[\[|\]\]/g, '');
            const [report] = await analyze(text, { path: name, minConfidence: 0, tactics: [t.meta.id] });
            for (const f of report.findings) for (const r of f.rules) if (!known.has(r)) missing.add(r);
          }
        }
        expect([...missing]).toEqual([]);
      });
    });
  }
});

describe('lexicons', () => {
  const english: Record<string, Record<string, readonly string[]>> = {
    shared: Object.fromEntries(Object.entries(sharedLexicon).filter(([k]) => !k.startsWith('$'))) as Record<string, string[]>,
    ...Object.fromEntries(TACTICS.map((t) => [t.meta.id, t.lexicon])),
  };
  // Checked after merging the other languages in, so a German or Chinese entry cannot repeat an English one.
  const lexicons = Object.entries(withLanguages(english));

  it('every language file names cues that exist', () => {
    for (const [language, data] of Object.entries(LANGUAGE_LEXICONS)) {
      for (const name of Object.keys(data).filter((k) => !k.startsWith('$'))) {
        const [namespace, cue] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
        expect(english[namespace]?.[cue], `${language}: ${name}`).toBeDefined();
      }
    }
  });

  for (const [name, lexicon] of lexicons) {
    it(`${name}: every cue is a non-empty list of clean, unique phrases`, () => {
      for (const [cue, phrases] of Object.entries(lexicon)) {
        expect(Array.isArray(phrases), cue).toBe(true);
        const seen = new Set<string>();
        for (const p of phrases) {
          expect(p, `${name}.${cue}`).toBe(p.trim());
          expect(p.length, `${name}.${cue}`).toBeGreaterThan(0);
          expect(p, `${name}.${cue}: regex syntax belongs in code, not phrase lists`).not.toMatch(/[\\^$()[\]{}|+?]/);
          const key = p.toLowerCase().replace(/’/g, "'");
          expect(seen.has(key), `${name}.${cue}: duplicate "${p}"`).toBe(false);
          seen.add(key);
        }
      }
    });
  }
});
