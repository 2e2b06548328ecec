import { describe, expect, it } from 'vitest';
import { PhraseMatcher } from '../src/text/phrases.js';
import { scan } from '../src/text/tokenize.js';

describe('lexemes', () => {
  it('gives every occurrence of a spelling the same word, and different spellings their own', () => {
    const { tokens } = scan('FREE free Free FREE gifts gift');
    expect(tokens.slice().map((t) => [t.raw, t.norm, t.key, t.shouting])).toEqual([
      ['FREE', 'free', 'free', true],
      ['free', 'free', 'free', false],
      ['Free', 'free', 'free', false],
      ['FREE', 'free', 'free', true],
      ['gifts', 'gifts', 'gift', false],
      ['gift', 'gift', 'gift', false],
    ]);
  });

  it('keeps what a scan said after many new spellings replace the lexeme table', () => {
    const first = 'Claim your free gift today';
    const before = scan(first);
    // More distinct spellings than one table keeps, so a new table is started during these scans.
    const words = Array.from({ length: 210_000 }, (_, i) => `w${i.toString(36)}x`);
    const many = words.join(' ');
    const after = scan(many);
    expect(after.tokens.length).toBe(words.length);
    for (let i = 0; i < words.length; i += 997) expect(after.tokens.raw(i)).toBe(words[i]);
    scan(many); // starts a fresh table
    expect(before.tokens.slice().map((t) => t.raw)).toEqual(first.split(' '));
    expect(before.tokens.slice().map((t) => t.key)).toEqual(['claim', 'your', 'free', 'gift', 'todai']);
  });

  it('matches phrases compiled after the text was scanned', () => {
    const text = 'Get the zorbleflux pamphlet now';
    const { tokens } = scan(text);
    const matcher = new PhraseMatcher({ custom: { thing: ['zorbleflux pamphlet'] } });
    expect(matcher.match(tokens).map((h) => `${h.cue}:${text.slice(h.start, h.end)}`)).toEqual(['custom.thing:zorbleflux pamphlet']);
  });
});

describe('lexeme hashing', () => {
  it('is seeded per process, so colliding spellings cannot be prepared in advance', async () => {
    const { spawnSync } = await import('node:child_process');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const module = pathToFileURL(join(import.meta.dirname, '..', 'dist', 'text', 'lexemes.js')).href;
    const hash = () =>
      spawnSync(process.execPath, ['--input-type=module', '-e', `import { hashOf } from ${JSON.stringify(module)}; console.log(hashOf('free', 0, 4));`], { encoding: 'utf8' }).stdout.trim();
    const seen = new Set([hash(), hash(), hash()]);
    expect([...seen].every((h) => /^-?\d+$/.test(h))).toBe(true);
    expect(seen.size).toBeGreaterThan(1);
  });
});
