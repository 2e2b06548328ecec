/** quotedBlocks (found from each ">") must match what the multiline regex it replaced matches. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quotedBlocks } from '../../src/engine/context.js';

function byRegex(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const re = /^(?:[ \t]*>[^\n]*(?:\n|$))+/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const text = fc
  .array(fc.constantFrom('>', '> ', ' ', '\t', '\n', '\r', '\r\n', '\u2028', 'a', 'quoted text', 'x>y'), { maxLength: 30 })
  .map((parts) => parts.join(''));

describe('quotedBlocks', () => {
  it('finds the blocks the multiline regex finds', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(quotedBlocks(s)).toEqual(byRegex(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('joins consecutive quoted lines into one block, with the last line break', () => {
    const s = 'Hi\n> one\n  > two\nreply\n';
    expect(quotedBlocks(s)).toEqual([[3, 17]]);
  });
});
