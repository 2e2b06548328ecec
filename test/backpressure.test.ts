/**
 * A reader slower than quidpro (`quidpro … | slow`) must slow quidpro down,
 * not make it queue the rest of its report in memory: stdout on a pipe takes
 * every write and queues what the pipe cannot hold yet.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, GIFT, tempTree } from './report/spawn.js';

/** Records, in the child, the most bytes its stdout ever held queued (written but not yet taken by the pipe). */
const PRELOAD = `
let most = 0;
const write = process.stdout.write;
process.stdout.write = function (...args) {
  const r = write.apply(this, args);
  most = Math.max(most, process.stdout.writableLength);
  return r;
};
process.on('exit', () => require('node:fs').writeFileSync(process.env.QUEUED_FILE, String(most)));
`;

function mailbox(messages: number): string {
  const out: string[] = [];
  for (let i = 1; i <= messages; i++) {
    out.push(`From s${i}@example.org Mon Jan  1 00:00:00 2024\nFrom: s${i}@example.org\nSubject: Appeal ${i}\n\n${GIFT}\n\n${GIFT}\n`);
  }
  return out.join('\n');
}

/** A reader that takes 2 KB from its stdin every 10 ms, and writes what it took to the file named in argv. */
const SLOW_READER = `
const fs = require('node:fs');
const out = fs.openSync(process.argv[2], 'w');
const buffer = Buffer.alloc(2048);
const nap = new Int32Array(new SharedArrayBuffer(4));
for (let n; (n = fs.readSync(0, buffer, 0, buffer.length, null)) > 0; ) {
  fs.writeSync(out, buffer, 0, n);
  Atomics.wait(nap, 0, 0, 10);
}
`;

/** Runs quidpro with its stdout on a pipe to SLOW_READER; returns what was read and the most quidpro held queued. */
function slowlyRead(args: string[], options: { cwd: string; input?: string }) {
  const at = (name: string) => join(options.cwd, name);
  writeFileSync(at('preload.cjs'), PRELOAD);
  writeFileSync(at('reader.cjs'), SLOW_READER);
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const quidpro = [process.execPath, '--require', at('preload.cjs'), BIN, ...args].map(q).join(' ');
  const script = `${quidpro} | ${q(process.execPath)} ${q(at('reader.cjs'))} ${q(at('out.txt'))}; exit \${PIPESTATUS[0]}`;
  const r = spawnSync('bash', ['-c', script], {
    cwd: options.cwd,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', QUEUED_FILE: at('queued.txt') },
  });
  return { code: r.status, stderr: r.stderr, stdout: readFileSync(at('out.txt'), 'utf8'), queued: Number(readFileSync(at('queued.txt'), 'utf8')) };
}

describe('output to a slow reader', () => {
  // The whole report is ~430 KB, far more than a pipe (64 KB) and stdout's own buffer (16 KB) hold.
  const MESSAGES = 300;
  const BOUND = 64 * 1024;

  for (const jobs of ['1', '2']) {
    it(`waits for the reader instead of queuing the report (mailbox file, --jobs ${jobs})`, () => {
      const dir = tempTree({ 'inbox.mbox': mailbox(MESSAGES) });
      const r = slowlyRead(['--format', 'jsonl', '--jobs', jobs, 'inbox.mbox'], { cwd: dir });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.map((l) => JSON.parse(l).path)).toEqual(Array.from({ length: MESSAGES }, (_, i) => `inbox.mbox#${i + 1}`));
      expect(r.stdout.length).toBeGreaterThan(4 * BOUND);
      expect(r.queued).toBeLessThan(BOUND);
    });
  }

  it('waits for the reader on a mailbox piped in, and for text output', () => {
    const dir = tempTree();
    const r = slowlyRead(['--format', 'jsonl', '--jobs', '1'], { cwd: dir, input: mailbox(MESSAGES) });
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(MESSAGES);
    expect(r.queued).toBeLessThan(BOUND);
    const text = slowlyRead(['--format', 'text', '--jobs', '1', '-'], { cwd: dir, input: mailbox(MESSAGES) });
    expect(text.stdout).toContain(`<stdin>#${MESSAGES}`);
    expect(text.queued).toBeLessThan(BOUND);
  });
});
