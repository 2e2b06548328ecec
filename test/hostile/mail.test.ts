/**
 * Malformed MIME and hostile mailboxes: missing and wrong boundaries, bad
 * base64, an unknown charset, a part that claims 2 GB, a huge body with no
 * boundary in it, multiparts nested without end, and a mailbox of 10,000
 * empty messages. Each gives findings or a clear per-input error, and the
 * tactic file beside it is still reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budget, crashed, hasTactic, reportsOf, runCli, TACTIC_TEXT, workspace, type Workspace } from './harness.js';

let ws: Workspace;
beforeAll(() => {
  ws = workspace('mail');
});
afterAll(() => ws.remove());

const HEAD = 'From: Appeals <appeals@example.org>\r\nTo: you@example.org\r\nSubject: Hello\r\nMIME-Version: 1.0\r\n';
const BODY = TACTIC_TEXT.replace(/\n/g, '\r\n');

function nestedMultiparts(depth: number): string {
  let mail = HEAD;
  for (let i = 0; i < depth; i++) mail += `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n`;
  return mail + `Content-Type: text/plain\r\n\r\n${BODY}`;
}

/** name → [message, what must come of it]. */
const MESSAGES: Record<string, [string, 'finding' | 'no crash' | RegExp]> = {
  'missing-boundary.eml': [`${HEAD}Content-Type: multipart/mixed\r\n\r\n--X\r\nContent-Type: text/plain\r\n\r\n${BODY}--X--\r\n`, 'finding'],
  'wrong-boundary.eml': [`${HEAD}Content-Type: multipart/alternative; boundary="A"\r\n\r\n--B\r\nContent-Type: text/plain\r\n\r\n${BODY}--B--\r\n`, 'finding'],
  'bad-base64.eml': [`${HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!!****not base64~~~~ \u00ff\u00fe=\r\n====\r\n`, 'no crash'],
  'unknown-charset.eml': [`${HEAD}Content-Type: text/plain; charset=x-klingon-42\r\n\r\n${BODY}`, 'finding'],
  'unknown-encoding.eml': [`${HEAD}Content-Type: text/plain\r\nContent-Transfer-Encoding: x-rot13\r\n\r\n${BODY}`, 'finding'],
  'claims-2gb.eml': [`${HEAD}Content-Length: 2147483648\r\nContent-Type: multipart/mixed; boundary="P"\r\n\r\n--P\r\nContent-Length: 2147483648\r\nContent-Type: text/plain\r\n\r\n${BODY}--P--\r\n`, 'finding'],
  'huge-boundaryless-body.eml': [`${HEAD}Content-Type: multipart/mixed; boundary="NEVER"\r\n\r\n${'filler text with no boundary\r\n'.repeat(700_000)}${BODY}`, 'finding'],
  'nested-2000.eml': [nestedMultiparts(2000), /nesting/i],
  'headers-only.eml': [HEAD.repeat(2000), 'no crash'],
  'endless-folded-header.eml': [`${HEAD}X-Long: a\r\n${' folded\r\n'.repeat(200_000)}\r\n${BODY}`, 'finding'],
};

describe('malformed MIME', () => {
  it('each message gives findings or a clear error; the tactic file is reported', async () => {
    const paths = Object.entries(MESSAGES).map(([name, [text]]) => ws.write(name, text));
    const run = await runCli(['-f', 'jsonl', ...paths, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    const reports = reportsOf(run);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
    for (const [name, [, expected]] of Object.entries(MESSAGES)) {
      const report = reports.get(paths.find((p) => p.endsWith(`/${name}`))!);
      expect(report, name).toBeDefined();
      if (expected === 'finding') {
        expect(report!.error, name).toBeNull();
        expect(hasTactic(report), name).toBe(true);
      } else if (expected instanceof RegExp) {
        expect(report!.error?.message, name).toMatch(expected);
        expect(run.stderr).toContain(`${name}: ${report!.error!.message}`);
      }
    }
    // An input error among them: exit 2.
    expect(run.status).toBe(2);
  }, budget(25));
});

describe('a mailbox of 10,000 empty messages', () => {
  const POSTMARK = 'From sender@example.org Mon Jan  5 10:00:00 2026\n';
  const appeal = `${POSTMARK}Subject: Appeal\n\n${TACTIC_TEXT}\n`;

  it('postmarks alone: no report for the empty ones, the real message reported (file and stdin)', async () => {
    const mbox = `${POSTMARK}\n`.repeat(10_000) + appeal;
    const path = ws.write('empty.mbox', mbox);
    const run = await runCli(['-f', 'jsonl', path, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    const reports = reportsOf(run);
    expect([...reports.keys()].filter((p) => p.startsWith(path))).toEqual([`${path}#1`]);
    expect(hasTactic(reports.get(`${path}#1`))).toBe(true);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
    const piped = await runCli(['-f', 'jsonl', '-'], mbox);
    expect(hasTactic(reportsOf(piped).get('<stdin>#1'))).toBe(true);
  }, budget(1));

  it('headers and no body: one report each, in order, and the last one\'s finding', async () => {
    const mbox = Array.from({ length: 10_000 }, (_, i) => `${POSTMARK}Subject: n${i + 1}\n\n`).join('') + appeal;
    const path = ws.write('headers.mbox', mbox);
    const run = await runCli(['-f', 'jsonl', path, ws.tactic]);
    expect(crashed(run), run.stderr).toBe(false);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(10_002);
    const reports = reportsOf(run);
    expect(JSON.parse(lines[0]).path).toBe(`${path}#1`);
    expect(reports.get(`${path}#10000`)?.findings).toEqual([]);
    expect(hasTactic(reports.get(`${path}#10001`))).toBe(true);
    expect(hasTactic(reports.get(ws.tactic))).toBe(true);
  }, budget(2));
});
