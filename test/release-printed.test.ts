/**
 * A batch a --jobs worker printed is let go of once written (see
 * releasePrinted): its memory moves out of the buffer the main thread held,
 * so the buffer reads as empty afterwards.
 */
import { describe, expect, it } from 'vitest';
import { releasePrinted, type PrintedBatch } from '../src/parallel/task.js';

const batch = (bytes: Uint8Array): PrintedBatch => ({
  kind: 'printed',
  bytes,
  notes: null,
  ends: null,
  totals: { files: 1, findings: 0, flagged: 0, errors: 0, failing: 0, byTactic: {} } as never,
});

describe('releasePrinted', () => {
  it("moves the bytes' memory out of the batch's buffer", () => {
    const printed = batch(new TextEncoder().encode('{"path":"inbox.mbox#1"}\n'));
    const { buffer } = printed.bytes;
    releasePrinted(printed);
    expect(buffer.byteLength).toBe(0);
    expect(printed.bytes.byteLength).toBe(0);
  });
});
