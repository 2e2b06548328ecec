import { describe, expect, it } from 'vitest';
import { LineIndex, SpanMap, TextBuilder } from '../src/positions.js';

describe('LineIndex', () => {
  it('gives 1-based lines and UTF-16 columns', () => {
    const idx = new LineIndex('ab\ncd😀e\r\nf\rg');
    expect(idx.position(0)).toEqual({ line: 1, column: 1 });
    expect(idx.position(3)).toEqual({ line: 2, column: 1 });
    // the emoji is two code units: 'e' is at column 5
    expect(idx.position(7)).toEqual({ line: 2, column: 5 });
    expect(idx.position(10)).toEqual({ line: 3, column: 1 });
    expect(idx.position(12)).toEqual({ line: 4, column: 1 });
  });

  it('makes exclusive end columns', () => {
    expect(new LineIndex('free gift').range(5, 9)).toEqual({ line: 1, column: 6, endLine: 1, endColumn: 10 });
  });
});

describe('SpanMap and TextBuilder', () => {
  it('maps verbatim pieces one to one and replaced pieces as a whole', () => {
    const source = '<b>FREE</b>&nbsp;gift';
    const b = new TextBuilder();
    b.append('FREE', 3);
    b.append(' ', 11, 17); // &nbsp;
    b.append('gift', 17);
    const { text, map } = b.build();
    expect(text).toBe('FREE gift');
    expect(source.slice(map.toSource(0, 'start'), map.toSource(4, 'end'))).toBe('FREE');
    expect(source.slice(map.toSource(5, 'start'), map.toSource(9, 'end'))).toBe('gift');
    expect(source.slice(map.toSource(0, 'start'), map.toSource(9, 'end'))).toBe('FREE</b>&nbsp;gift');
    expect(map.toSource(4, 'start')).toBe(11);
  });

  it('collapses separators and never starts with one', () => {
    const b = new TextBuilder();
    b.separator('\n\n');
    b.append('a', 0);
    b.separator(' ');
    b.separator(' ');
    b.append('b', 5);
    expect(b.build().text).toBe('a b');
  });

  it('identity maps every offset to itself', () => {
    const m = SpanMap.identity(10);
    expect(m.toSource(3, 'start')).toBe(3);
    expect(m.toSource(7, 'end')).toBe(7);
  });
});
