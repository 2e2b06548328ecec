/**
 * Table-driven fixture tests, one row per file under fixtures/tactics/<id>/:
 *
 *   positive/*  must yield findings of <id>. The words that carry the tactic
 *               are marked [[like this]] (markers are stripped before
 *               analysis): every marked region must be overlapped by a
 *               finding of <id>, and every finding of <id> must overlap a
 *               marked region. Mail (.eml) fixtures carry no markers: they
 *               only need a finding of <id>.
 *   negative/*  hard negatives: share the words, not the tactic. No finding
 *               of <id> at the default confidence threshold.
 *
 * Adding a tactic needs no change here: its fixtures folder is picked up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/analyze.js';
import { TACTICS } from '../src/tactics/index.js';
import type { Finding } from '../src/types.js';
import { markedRegions, overlaps } from './helpers/markers.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'tactics');
const MIN_FIXTURES = 12;

function files(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => !f.startsWith('.') && !f.endsWith('.json')).sort();
  } catch {
    return [];
  }
}

for (const tactic of TACTICS) {
  const id = tactic.meta.id;
  describe(`${id} fixtures`, () => {
    const positives = files(join(ROOT, id, 'positive'));
    const negatives = files(join(ROOT, id, 'negative'));

    it(`has at least ${MIN_FIXTURES} positives and ${MIN_FIXTURES} hard negatives`, () => {
      expect(positives.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
      expect(negatives.length).toBeGreaterThanOrEqual(MIN_FIXTURES);
    });

    for (const name of positives) {
      it(`finds ${id} in positive/${name}`, async () => {
        const raw = readFileSync(join(ROOT, id, 'positive', name), 'utf8');
        const { text, regions } = markedRegions(raw);
        const [report] = await analyze(text, { path: name });
        expect(report.error).toBeNull();
        const found = report.findings.filter((f: Finding) => f.tactic === id);
        expect(found.length, describeFindings(report.findings)).toBeGreaterThan(0);
        if (name.endsWith('.eml')) return;
        expect(regions.length, 'positive fixtures mark the words with [[...]]').toBeGreaterThan(0);
        for (const r of regions) {
          expect(found.some((f) => overlaps(f, r)), `no ${id} finding over [[${r.text}]] at ${r.line}:${r.column}\n${describeFindings(found)}`).toBe(true);
        }
        for (const f of found) {
          expect(regions.some((r) => overlaps(f, r)), `unexpected ${id} finding at ${f.line}:${f.column} "${f.text}"`).toBe(true);
        }
      });
    }

    for (const name of negatives) {
      it(`finds no ${id} in negative/${name}`, async () => {
        const text = readFileSync(join(ROOT, id, 'negative', name), 'utf8');
        const [report] = await analyze(text, { path: name });
        expect(report.error).toBeNull();
        const found = report.findings.filter((f: Finding) => f.tactic === id);
        expect(found, describeFindings(found)).toEqual([]);
      });
    }
  });
}

function describeFindings(findings: readonly Finding[]): string {
  return findings.map((f) => `${f.tactic} ${f.line}:${f.column} ${f.confidence} "${f.text}" [${f.rules.join(', ')}]`).join('\n');
}
