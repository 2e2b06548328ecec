import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { decodeEmail } from '../../src/decode/email.js';
import type { FileReport } from '../../src/types.js';
import { positionOf, sliceRange } from './helpers.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'decode');

async function reportOf(name: string): Promise<FileReport> {
  const path = join(FIXTURES, name);
  const reports = await analyze(readFileSync(path), { path });
  expect(reports).toHaveLength(1);
  return reports[0];
}

async function partsOf(name: string) {
  const decoded = await decodeEmail(readFileSync(join(FIXTURES, name)));
  return Object.fromEntries(decoded.parts.map((p) => [p.name, p]));
}

describe('e-mail: multipart/alternative appeal (base64 plain, quoted-printable HTML)', () => {
  it('reads meta and analyses the subject and one rendering of the body', async () => {
    const report = await reportOf('appeal-alternative.eml');
    expect(report.format).toBe('email');
    expect(report.meta).toEqual({
      from: 'Riverside Animal Rescue <appeals@rescue.example>',
      subject: 'Our gift to you—a free 2027 calendar',
      date: '2026-11-10T08:30:00.000Z',
    });
    const subject = report.findings.filter((f) => f.part === 'subject');
    const body = report.findings.filter((f) => f.part === 'body');
    expect(subject).toHaveLength(1);
    expect(subject[0]).toMatchObject({ tactic: 'freebie', line: 1, column: 1, endLine: 1 });
    // The plain and HTML parts say the same thing: the gift is found once.
    expect(body.filter((f) => f.text.includes('our gift to you'))).toHaveLength(1);
    expect(positionOf(body[0])).toEqual({
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 60,
      text: "We've enclosed a free 2027 wall calendar as our gift to you",
    });
  });

  it('prefers the plain part when it carries as much text as the HTML', async () => {
    const { body } = await partsOf('appeal-alternative.eml');
    expect(body.text.startsWith('Dear Friend,\n\nWe\'ve enclosed')).toBe(true);
    expect(body.text).not.toContain('<p>');
    expect(body.source).toBe(body.text);
  });
});

describe('e-mail: windows-1252 quoted-printable', () => {
  it('decodes curly quotes, € and é and points at the decoded words', async () => {
    const { subject, body } = await partsOf('cp1252-quoted-printable.eml');
    expect(subject.text).toBe('A small gift from Café Solidaire');
    expect(body.text).toContain('We’ve enclosed a free recipe card from Café Solidaire');
    expect(body.text).toContain('“Every bowl counts,” says our chef. A gift of €25 serves ten warm meals.');
    const report = await reportOf('cp1252-quoted-printable.eml');
    expect(report.meta?.from).toBe('Café Solidaire <bonjour@cafe-solidaire.example>');
    const [gift] = report.findings.filter((f) => f.part === 'body' && f.tactic === 'freebie');
    expect(gift).toMatchObject({ line: 3, column: 1, endLine: 3 });
    expect(sliceRange(body.source, gift)).toBe(gift.text);
    expect(gift.text.startsWith('We’ve enclosed a free recipe card')).toBe(true);
  });
});

describe('e-mail: HTML-only newsletter', () => {
  it('analyses the text extracted from the HTML (no <title>: mail clients never show it), with the preheader flagged hidden', async () => {
    const { body } = await partsOf('newsletter-html-only.eml');
    expect(body.source).toBe(body.text);
    expect(body.text.split('\n').slice(0, 5)).toEqual([
      "We've enclosed a free seed packet as our gift to you – open inside.",
      '',
      'The Greenleaf Gazette · Spring',
      '',
      'Our community garden grew 400 kg of vegetables for the food bank last year.',
    ]);
    expect(body.text).not.toContain('trackOpen');
    const report = await reportOf('newsletter-html-only.eml');
    const freebies = report.findings.filter((f) => f.tactic === 'freebie');
    for (const f of freebies) expect(sliceRange(body.text, f)).toBe(f.text);
    const hidden = freebies.filter((f) => f.hidden);
    expect(hidden).toHaveLength(1);
    expect(positionOf(hidden[0])).toEqual({
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 53,
      text: "We've enclosed a free seed packet as our gift to you",
    });
    const shown = freebies.filter((f) => !f.hidden && f.text.startsWith("We've enclosed"));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ line: 9, column: 1 });
  });
});

describe('e-mail: forwarded message', () => {
  it('analyses the forwarded message text after the note', async () => {
    const { body } = await partsOf('forwarded.eml');
    expect(body.text).toContain('Alex, is this the same group');
    expect(body.text).toContain('Subject: A thank-you gift inside');
    expect(body.text).toContain("We've enclosed a free bookmark as our gift to you.");
    const report = await reportOf('forwarded.eml');
    const inner = report.findings.find((f) => f.part === 'body' && f.text.startsWith("We've enclosed a free bookmark"));
    expect(inner).toBeDefined();
    const lines = body.text.split('\n');
    expect(lines[inner!.line - 1].slice(inner!.column - 1).startsWith("We've enclosed a free bookmark")).toBe(true);
  });
});

describe('e-mail: odd shapes', () => {
  it('skips a leading postmark line and reads a message with no subject', async () => {
    const raw = 'From x@example.org Mon Jan  5 10:00:00 2026\nFrom: x@example.org\nContent-Type: text/plain\n\nHello there.\n';
    const decoded = await decodeEmail(Buffer.from(raw));
    expect(decoded.parts.map((p) => p.name)).toEqual(['body']);
    expect(decoded.parts[0].text).toBe('Hello there.\n');
    expect(decoded.meta).toEqual({ from: 'x@example.org' });
  });

  it('takes the HTML when the plain part is only a stub', async () => {
    const raw = [
      'From: a@example.org',
      'Subject: s',
      'Content-Type: multipart/alternative; boundary=b',
      '',
      '--b',
      'Content-Type: text/plain',
      '',
      'View this e-mail in your browser.',
      '--b',
      'Content-Type: text/html',
      '',
      '<p>View this e-mail in your browser.</p><p>A much longer letter with many more words than the stub ever had in it.</p>',
      '--b--',
      '',
    ].join('\r\n');
    const decoded = await decodeEmail(Buffer.from(raw));
    const body = decoded.parts.find((p) => p.name === 'body')!;
    expect(body.text).toBe('View this e-mail in your browser.\n\nA much longer letter with many more words than the stub ever had in it.');
  });
});
