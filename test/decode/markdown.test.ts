import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { markdownPart } from '../../src/decode/markdown.js';
import { positionOf, sliceRange, sourceOf } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'decode');

describe('Markdown text extraction', () => {
  it('keeps prose and drops code, front matter, comments and inline code', () => {
    const md = [
      '---',
      'title: front words',
      '---',
      '# Heading words',
      '',
      'Para *emphasis* and [link words](https://x.example) with `code words` inside.',
      '',
      '```',
      'fenced words',
      '```',
      '',
      '    indented words',
      '',
      '<!-- comment words -->',
      '',
      '- item one',
      '- item two',
      '',
      '![alt words](img.png)',
      '',
      '[ref]: https://definition.example "definition words"',
    ].join('\n');
    const part = markdownPart(md);
    expect(part.text).toBe('Heading words\n\nPara emphasis and link words with  inside.\n\nitem one\n\nitem two\n\nalt words');
  });

  it('maps words to the .md source, through emphasis, blockquote prefixes and escapes', () => {
    const md = '> We send a *free* gift\n> to every member.\n\nFive \\* stars &amp; more.\n';
    const part = markdownPart(md);
    expect(sourceOf(part, 'free')).toBe('free');
    expect(sourceOf(part, 'to every member.')).toBe('to every member.');
    expect(sourceOf(part, 'gift\nto')).toBe('gift\n> to');
    // A line with escapes or entities maps as a whole line.
    expect(sourceOf(part, 'Five * stars & more.')).toBe('Five \\* stars &amp; more.');
  });

  it('reads visible text of HTML blocks, skipping their comments', () => {
    const md = 'Intro.\n\n<div style="display:none">hidden words</div>\n\n<p>block words<!-- no --></p>\n';
    const part = markdownPart(md);
    expect(part.text).toBe('Intro.\n\nhidden words\n\nblock words');
    expect(sourceOf(part, 'block words')).toBe('block words');
    const at = part.text.indexOf('hidden words');
    expect(part.hidden).toEqual([[at, at + 'hidden words'.length]]);
  });
});

describe('Markdown landing page fixture', () => {
  it('finds the gift in prose and alt text only, at positions in the .md file', async () => {
    const path = join(FIXTURES, 'landing.md');
    const source = readFileSync(path, 'utf8');
    const [report] = await analyze(readFileSync(path), { path });
    expect(report.format).toBe('markdown');
    for (const f of report.findings) expect(sliceRange(source, f)).toBe(f.text);
    const freebies = report.findings.filter((f) => f.tactic === 'freebie');
    // Front matter (lines 1-4), the fenced block (12-15), the comment (17) and inline code (21) carry the same words.
    expect(freebies.map((f) => f.line)).toEqual([8, 10]);
    expect(positionOf(freebies[0])).toEqual({
      line: 8,
      column: 1,
      endLine: 8,
      endColumn: 66,
      text: "We've enclosed a free *waterproof phone pouch* as our gift to you",
    });
    expect(freebies[1]).toMatchObject({ line: 10, column: 5 });
    expect(freebies[1].text.startsWith('free dry bag')).toBe(true);
  });
});
