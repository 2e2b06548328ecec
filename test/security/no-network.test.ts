/**
 * No network, ever: the CLI runs over every input format and every output
 * format with all networking made to fail and recorded (test/helpers/no-network.cjs).
 * The record must stay empty and every run must end with a normal exit code.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'quidpro.js');
const PRELOAD = join(ROOT, 'test', 'helpers', 'no-network.cjs');
const OUTPUT_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'github'];

let dir: string;
let log: string;

function runBlocked(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, QUIDPRO_NETWORK_LOG: log, NO_COLOR: '1' },
    timeout: 60_000,
  });
}

function attempts(): string {
  return existsSync(log) ? readFileSync(log, 'utf8') : '';
}

/** Every fixture file, plus one tiny input of each format written here. */
function inputs(): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else files.push(join(d, e.name));
    }
  };
  walk(join(ROOT, 'fixtures'));
  const tiny: Record<string, string> = {
    'tiny.txt': 'Claim your free gift! Please donate today. https://example.org/donate',
    'tiny.md': '# Free gift\n\n![logo](https://example.org/logo.png) Claim your [free gift](https://example.org). Please donate today.\n',
    'tiny.html':
      '<!doctype html><html><head><link rel="stylesheet" href="https://example.org/a.css"><script src="https://example.org/a.js"></script></head>' +
      '<body><img src="https://example.org/pixel.gif"><iframe src="https://example.org/"></iframe><p>Claim your free gift! Please donate today.</p></body></html>',
    'tiny.eml':
      'From: Appeal <a@example.org>\r\nSubject: A free gift\r\nContent-Type: multipart/alternative; boundary="B"\r\n\r\n' +
      '--B\r\nContent-Type: text/plain\r\n\r\nClaim your free gift! Please donate today.\r\n' +
      '--B\r\nContent-Type: text/html\r\n\r\n<img src="https://example.org/track.gif"><p>Claim your free gift! Please donate today.</p>\r\n--B--\r\n',
    'tiny.mbox':
      'From a@example.org Mon Jan  1 00:00:00 2024\nSubject: One\n\nClaim your free gift! Please donate today.\n\n' +
      'From b@example.org Mon Jan  1 00:00:00 2024\nSubject: Two\nContent-Type: text/html\n\n<a href="https://example.org">free gift</a> Please donate.\n',
  };
  for (const [name, text] of Object.entries(tiny)) {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  }
  return files.sort();
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quidpro-no-network-'));
  log = join(dir, 'network.log');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the preload really blocks the network', () => {
  const probes: Array<[string, string]> = [
    ['net.Socket.prototype.connect', "require('node:net').connect(80, '127.0.0.1')"],
    ['tls.connect', "require('node:tls').connect(443, 'example.org')"],
    ['dgram.createSocket', "require('node:dgram').createSocket('udp4')"],
    ['dns.lookup', "require('node:dns').lookup('example.org', () => {})"],
    ['https.request', "require('node:https').request('https://example.org')"],
    ['fetch', "fetch('https://example.org')"],
    ['net.createConnection', "import('node:net').then((m) => m.createConnection(80, '127.0.0.1'))"],
  ];
  for (const [name, code] of probes) {
    it(name, () => {
      rmSync(log, { force: true });
      const r = runBlocked(['-e', code]);
      expect(attempts()).toContain(name.split('.').slice(0, 1)[0]);
      expect(r.status).not.toBe(0);
    });
  }
});

describe('the CLI never touches the network', () => {
  for (const format of OUTPUT_FORMATS) {
    it(`every input format, --format ${format}`, () => {
      rmSync(log, { force: true });
      const files = inputs();
      const r = runBlocked([BIN, '--no-config', '--format', format, ...files]);
      expect(r.error).toBeUndefined();
      expect(r.stderr).not.toMatch(/network disabled/);
      expect([0, 1]).toContain(r.status);
      expect(r.stdout.length, r.stderr).toBeGreaterThan(0);
      expect(attempts()).toBe('');
    });
  }

  it('stdin, each input format forced', () => {
    for (const inputFormat of ['text', 'markdown', 'html', 'email', 'mbox']) {
      rmSync(log, { force: true });
      const r = runBlocked([BIN, '--no-config', '--input-format', inputFormat, '-'], 'From: a@example.org\n\n<a href="https://example.org">Claim your free gift</a>! Please donate today.\n');
      expect([0, 1]).toContain(r.status);
      expect(attempts()).toBe('');
    }
  });
});
