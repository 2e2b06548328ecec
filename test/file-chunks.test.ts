/** fileChunks: a file's bytes, whole and in order, read synchronously in chunks sized by the file. */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeInput, fileChunks, fileInput } from '../src/pipeline.js';

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

describe('a text file longer than one read chunk', () => {
  const openFds = () => (existsSync('/proc/self/fd') ? readdirSync('/proc/self/fd').length : 0);

  it('is read again whole, once, its chunk stream closed, with findings at the right lines', async () => {
    const path = join(dir, 'long.txt');
    const filler = 'The meeting moved to Thursday afternoon.\n\n'.repeat(60_000); // ~2.6 MB
    writeFileSync(path, `${filler}We have sent you a free tote bag as a thank-you. Will you donate $25 today?\n`);
    const input = fileInput(path, true);
    let wholeReads = 0;
    const readWhole = input.readWhole!;
    input.readWhole = () => (wholeReads++, readWhole());
    const before = openFds();
    const reports = [];
    for await (const r of analyzeInput(input, {})) reports.push(r);
    expect(wholeReads).toBe(1);
    expect(openFds()).toBe(before);
    expect(reports).toHaveLength(1);
    expect(reports[0].error).toBeNull();
    expect(reports[0].findings.map((f) => [f.tactic, f.line])).toContainEqual(['freebie', 120_001]);
  });

  it('is still refused past --max-bytes', async () => {
    const path = join(dir, 'too-long.txt');
    writeFileSync(path, 'x '.repeat(1024 * 1024));
    const reports = [];
    for await (const r of analyzeInput(fileInput(path, true), { maxBytes: 1024 * 1024 })) reports.push(r);
    expect(reports[0].error?.message).toMatch(/larger than/);
  });
});

describe('--max-bytes on a file read whole by its first chunk', () => {
  it('is checked on the bytes read, with no stat of the file', async () => {
    const path = join(dir, 'small-but-over.txt');
    writeFileSync(path, 'free '.repeat(1000));
    const input = fileInput(path, true);
    let stats = 0;
    const size = input.size!;
    input.size = () => (stats++, size());
    const over = [];
    for await (const r of analyzeInput(input, { maxBytes: 2000 })) over.push(r);
    expect(over[0].error?.message).toMatch(/larger than --max-bytes \(2000 bytes\)/);
    const within = [];
    for await (const r of analyzeInput(input, { maxBytes: 5000 })) within.push(r);
    expect(within[0].error).toBeNull();
    expect(stats).toBe(0);
  });
});
