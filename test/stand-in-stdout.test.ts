/**
 * With --jobs, the main thread lets go of a batch a worker printed once it is
 * written (releasePrinted), but only to the command's own stdout: a stand-in
 * Writable handed in through CliIo may keep the very chunk it was given (Node
 * passes _write a Buffer over the same memory), and what it kept must still
 * read whole after the run.
 */
import { Writable } from 'node:stream';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, GIFT, runCli, tempTree } from './report/spawn.js';

// The built command (a copy of dist/, see spawn.ts): its workers are dist/parallel/worker.js.
const { main } = (await import(pathToFileURL(join(dirname(dirname(BIN)), 'dist', 'cli.js')).href)) as typeof import('../src/cli.js');

describe('a stand-in stdout', () => {
  it('keeps every chunk it was given whole, with --jobs 2 (batches printed by the workers)', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`item-${String(i).padStart(2, '0')}.txt`] = i % 2 ? `${GIFT}\n` : 'Our office is closed on Monday.\n';
    const dir = tempTree(files);
    const kept: Buffer[] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, done) {
        kept.push(chunk);
        done();
      },
    });
    const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
    const code = await main(['--format', 'jsonl', '--jobs', '2', '--no-config', dir], { stdout, stderr, env: process.env });
    expect(code).toBe(1);
    const expected = runCli(['--format', 'jsonl', '--jobs', '1', '--no-config', dir]).stdout;
    expect(expected.split('\n').filter(Boolean)).toHaveLength(60);
    expect(Buffer.concat(kept).toString('utf8')).toBe(expected);
  });
});
