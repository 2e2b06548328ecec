import { describe, expect, it } from 'vitest';
import { analyzeDecoded, matcherFor, mergeCandidates, windows } from '../src/engine/analyze.js';
import { DocContext } from '../src/engine/context.js';
import { confidence } from '../src/engine/score.js';
import { SpanMap, TextBuilder } from '../src/positions.js';
import type { DecodedInput, TextPart } from '../src/types.js';

const plain = (text: string, name: TextPart['name'] = 'body'): TextPart => ({ name, text, source: text, map: SpanMap.identity(text.length) });

describe('confidence', () => {
  const weights = { bias: -1, rules: { a: 2, b: 1.5, c: -3 } };

  it('is the logistic of bias plus the weights of the rules that fired', () => {
    expect(confidence(['a'], weights)).toBeCloseTo(1 / (1 + Math.exp(-1)), 3);
    expect(confidence(['a', 'b'], weights)).toBeCloseTo(1 / (1 + Math.exp(-2.5)), 3);
  });

  it('counts a rule once however often it fired, and ignores unknown rules', () => {
    expect(confidence(['a', 'a', 'zzz'], weights)).toBe(confidence(['a'], weights));
  });

  it('drops with counter-evidence', () => {
    expect(confidence(['a', 'c'], weights)).toBeLessThan(0.5);
  });
});

describe('mergeCandidates', () => {
  const doc = new DocContext('We sent a gift and a card. Please give today.', matcherFor());

  it('merges candidates of one sentence into one, uniting spans and rules', () => {
    const merged = mergeCandidates(
      [
        { start: 10, end: 14, rules: ['x'], reason: 'first' },
        { start: 21, end: 25, rules: ['y', 'x'], reason: 'second' },
      ],
      doc,
    );
    expect(merged).toEqual([{ start: 10, end: 25, rules: ['x', 'y'], reason: 'second' }]);
  });

  it('keeps the reason of the candidate with the most evidence', () => {
    const merged = mergeCandidates(
      [
        { start: 10, end: 14, rules: ['a', 'b', 'c'], reason: 'strong' },
        { start: 21, end: 25, rules: ['d'], reason: 'weak' },
      ],
      doc,
    );
    expect(merged.map((c) => c.reason)).toEqual(['strong']);
  });

  it('keeps candidates of different sentences apart', () => {
    const merged = mergeCandidates(
      [
        { start: 34, end: 38, rules: ['y'], reason: 'later' },
        { start: 10, end: 14, rules: ['x'], reason: 'earlier' },
      ],
      doc,
    );
    expect(merged.map((c) => c.reason)).toEqual(['earlier', 'later']);
  });
});

describe('analyzeDecoded', () => {
  const gift = 'We have enclosed address labels as our gift to you.';
  const ask = 'Please donate today.';

  it('reports positions inside the part the words are in, with the part name for mail', () => {
    const input: DecodedInput = { format: 'email', parts: [plain(gift, 'subject'), plain(`Hello.\n${ask}`, 'body')] };
    const { findings } = analyzeDecoded(input);
    const f = findings.find((x) => x.tactic === 'freebie');
    expect(f).toBeDefined();
    expect(f!.part).toBe('subject');
    expect(f!.line).toBe(1);
    expect(gift.slice(f!.column - 1, f!.endColumn - 1)).toBe(f!.text);
  });

  it('maps findings through a decoder map back to the source, and flags hidden text', () => {
    const source = '<p style="display:none">We have enclosed labels as <b>our gift</b> to you.</p><p>Please donate today.</p>';
    const b = new TextBuilder();
    const chunks = ['We have enclosed labels as ', 'our gift', ' to you.'];
    let at = source.indexOf(chunks[0]);
    for (const c of chunks) {
      at = source.indexOf(c, at);
      b.append(c, at);
      at += c.length;
    }
    const hiddenEnd = b.textLength;
    b.separator('\n\n');
    b.append('Please donate today.', source.indexOf('Please'));
    const { text, map } = b.build();
    const input: DecodedInput = { format: 'html', parts: [{ name: 'body', text, source, map, hidden: [[0, hiddenEnd]] }] };
    const f = analyzeDecoded(input).findings.find((x) => x.tactic === 'freebie');
    expect(f).toBeDefined();
    expect(f!.hidden).toBe(true);
    expect(f!.part).toBeUndefined();
    expect(source.slice(f!.column - 1, f!.endColumn - 1)).toBe(f!.text);
  });

  it('reports nothing below the confidence threshold, and more when it is lowered', () => {
    const input: DecodedInput = { format: 'text', parts: [plain(`${gift} ${ask}`)] };
    const all = analyzeDecoded(input, { minConfidence: 0 }).findings;
    const strict = analyzeDecoded(input, { minConfidence: 0.999 }).findings;
    expect(all.length).toBeGreaterThan(0);
    expect(strict.length).toBeLessThan(all.length);
    for (const f of analyzeDecoded(input).findings) expect(f.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('runs only the tactics asked for', () => {
    const input: DecodedInput = { format: 'text', parts: [plain(`${gift} ${ask}`)] };
    expect(analyzeDecoded(input, { tactics: ['obligation'] }).findings.filter((f) => f.tactic === 'freebie')).toEqual([]);
  });

  it('sorts findings by position', () => {
    const input: DecodedInput = { format: 'text', parts: [plain(`${gift}\n\n${ask}\n\nAlso, ${gift}`)] };
    const lines = analyzeDecoded(input).findings.map((f) => f.line * 1000 + f.column);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });
});

describe('windows', () => {
  it('covers a long text exactly with contiguous windows no longer than the size, cut at paragraph breaks', () => {
    const paragraph = 'Some words in a paragraph here.';
    const text = Array.from({ length: 200 }, () => paragraph).join('\n\n');
    const ws = windows(text, 500);
    expect(ws[0][0]).toBe(0);
    expect(ws[ws.length - 1][1]).toBe(text.length);
    for (let i = 0; i < ws.length; i++) {
      expect(ws[i][1] - ws[i][0]).toBeLessThanOrEqual(500);
      if (i > 0) expect(ws[i][0]).toBe(ws[i - 1][1]);
      if (i < ws.length - 1) expect(text.slice(ws[i][1], ws[i][1] + 2)).toBe('\n\n');
    }
  });

  it('keeps a short text whole', () => {
    expect(windows('short text')).toEqual([[0, 10]]);
  });

  it('reports findings of a later window at their true position', () => {
    const filler = 'An ordinary paragraph about the weather and the garden.\n\n'.repeat(6000);
    const tail = 'We have enclosed address labels as our gift to you. Please donate today.';
    const text = filler + tail;
    const { findings } = analyzeDecoded({ format: 'text', parts: [plain(text)] });
    const f = findings.find((x) => x.tactic === 'freebie');
    expect(f).toBeDefined();
    expect(f!.line).toBe(12001);
    expect(tail.slice(f!.column - 1, f!.endColumn - 1)).toBe(f!.text);
  });
});
