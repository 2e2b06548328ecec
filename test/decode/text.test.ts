import { describe, expect, it } from 'vitest';
import { bytesToText, repairWindows1252 } from '../../src/decode/text.js';

describe('reading bytes as text', () => {
  it('reads UTF-8 and drops a byte-order mark', () => {
    expect(bytesToText(Buffer.from('\uFEFFCafé — €5', 'utf8'))).toBe('Café — €5');
  });

  it('reads bytes that are not UTF-8 as windows-1252', () => {
    const bytes = Buffer.from([0x93, 0x46, 0x72, 0x65, 0x65, 0x94, 0x20, 0x80, 0x35, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x20, 0x92]);
    expect(bytesToText(bytes)).toBe('“Free” €5 café ’');
  });

  it('maps C1 controls to their windows-1252 characters, one for one', () => {
    const latin1 = 'We\u0092ve \u0093 \u0080 \u0081';
    const repaired = repairWindows1252(latin1);
    expect(repaired).toBe('We’ve “ € \u0081');
    expect(repaired.length).toBe(latin1.length);
  });
});
