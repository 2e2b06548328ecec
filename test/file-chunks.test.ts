/** fileChunks: a file's bytes, whole and in order, read synchronously in chunks sized by the file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileChunks } from '../src/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'quidpro-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function chunksOf(path: string): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of fileChunks(path)) out.push(chunk);
  return out;
}

describe('fileChunks', () => {
  it('reads a small file in one chunk of its own size', async () => {
    const path = join(dir, 'small.txt');
    writeFileSync(path, 'Get your free gift.');
    const chunks = await chunksOf(path);
    expect(chunks.map((c) => c.toString())).toEqual(['Get your free gift.']);
  });

  it('reads a file of several megabytes whole, in order', async () => {
    const path = join(dir, 'large.txt');
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 17);
    for (let i = 0; i < bytes.length; i++) bytes[i] = 97 + (i % 26);
    writeFileSync(path, bytes);
    const chunks = await chunksOf(path);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
  });

  it('reads an empty file as no chunks', async () => {
    const path = join(dir, 'empty.txt');
    writeFileSync(path, '');
    expect(await chunksOf(path)).toEqual([]);
  });
});
