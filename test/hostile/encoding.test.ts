/**
 * Bytes that are not the tidy UTF-8 a parser hopes for: NUL bytes, invalid
 * UTF-8, byte-order marks (UTF-8, UTF-16 LE and BE), CRLF and lone CR line
 * ends. Each input gives its findings at the right line and column, or a
 * clear error, and the other inputs of the run are reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, crashed, hasTactic, reportsOf, runCli, TACTIC_TEXT, workspace, type Workspace } from './harness.js';

let ws: Workspace;
beforeAll(() => {
  ws = workspace('encoding');
});
afterAll(() => ws.remove());

function utf16be(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  return bytes.swap16();
}

/** name → [bytes, line of the tactic's finding, or an error the report must give]. */
const INPUTS: Record<string, [Uint8Array | string, number | RegExp]> = {
  'nul.txt': [`Claim your free gift!\u0000 Please donate today.\n`, /binary/],
  'invalid-utf8.txt': [Buffer.concat([Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0x80, 0x0a]), Buffer.from(TACTIC_TEXT)]), 3],
  'bom-utf8.txt': ['\uFEFF' + TACTIC_TEXT, 2],
  'bom-utf16le.txt': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TACTIC_TEXT, 'utf16le')]), 2],
  'bom-utf16be.txt': [Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TACTIC_TEXT)]), 2],
  'bom-utf16le.html': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<!doctype html><p>${TACTIC_TEXT}</p>`, 'utf16le')]), 2],
  'utf16le-with-nul.txt': [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Claim\u0000 your free gift!`, 'utf16le')]), /binary/],
  'crlf.txt': [TACTIC_TEXT.replace(/\n/g, '\r\n'), 2],
  'lone-cr.txt': [TACTIC_TEXT.replace(/\n/g, '\r'), 2],
  'crlf.md': ['# Appeal\r\n\r\n&#68;ear friend,\r\n' + TACTIC_TEXT.split('\n')[1] + '\r\n', 4],
  'lone-cr.md': ['# Appeal\r\rDear friend,\r' + TACTIC_TEXT.split('\n')[1] + '\r', 4],
  'mixed-breaks.txt': ['a\r\nb\rc\n\r\n' + TACTIC_TEXT, 6],
};

describe('encodings and line ends', () => {
  it('each input gives its finding at the right line, or a clear error; the others are still reported', async () => {
    const paths = Object.entries(INPUTS).map(([name, [bytes]]) => ws.write(name, bytes));
    const run = await runCli(['-f', 'jsonl', ...paths, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    expect(run.status).toBe(2);
    const reports = reportsOf(run);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
    for (const [name, [, expected]] of Object.entries(INPUTS)) {
      const path = paths.find((p) => p.endsWith(`/${name}`))!;
      const report = reports.get(path);
      expect(report, name).toBeDefined();
      if (expected instanceof RegExp) {
        expect(report!.error?.message, name).toMatch(expected);
        expect(run.stderr).toContain(`${name}: ${report!.error!.message}`);
        continue;
      }
      expect(report!.error, name).toBeNull();
      expect(hasTactic(report), name).toBe(true);
      const finding = report!.findings.find((f) => f.tactic === 'freebie')!;
      expect([finding.line, finding.column, finding.endLine], name).toEqual([expected, 1, expected]);
      expect(finding.text.endsWith('\r'), name).toBe(false);
    }
  }, budget(1));
});
