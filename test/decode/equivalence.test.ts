/**
 * Detection is format-independent: one message written as plain text,
 * Markdown, HTML and e-mail (quoted-printable, base64, HTML-only) gives the
 * same findings. Compared generically, so it keeps holding as tactics grow.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { FileReport, Finding } from '../../src/types.js';
import { sliceRange } from './helpers.js';

const PARAGRAPHS = [
  'Spring letter',
  'Dear Friend,',
  "We've enclosed a free 2027 wall calendar as our gift to you. It shows the twelve dogs you helped rehome — every one of them.",
  'Winter is our hardest season. Please donate today to keep the kennels warm.',
  'With thanks, Marta',
];

const TEXT = PARAGRAPHS.join('\n\n') + '\n';

const MARKDOWN = [
  `# ${PARAGRAPHS[0]}`,
  PARAGRAPHS[1],
  PARAGRAPHS[2],
  PARAGRAPHS[3].replace('hardest', '**hardest**'),
  PARAGRAPHS[4],
].join('\n\n') + '\n';

const HTML = [
  '<!DOCTYPE html>',
  '<html><head><title></title><style>p { margin: 0 }</style></head>',
  '<body>',
  `<h1>Spring&nbsp;letter</h1>`,
  `<p>Dear <b>Friend</b>,</p>`,
  `<div>\n  <p>${PARAGRAPHS[2].replace('—', '&mdash;')}</p>`,
  `  <p>${PARAGRAPHS[3].replace('hardest', '<em>hardest</em>')}</p>\n</div>`,
  `<p>${PARAGRAPHS[4]}</p>`,
  '</body></html>',
  '',
].join('\n');

function quotedPrintable(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      lines.push(line.replace(/ $/, '=20'));
      line = '';
      continue;
    }
    const piece = (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (line.length + piece.length > 75) {
      lines.push(line + '=');
      line = '';
    }
    line += piece;
  }
  lines.push(line);
  return lines.join('\r\n');
}

function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
}

function mail(contentType: string, encoding: string, body: string): string {
  const headers = [
    'From: Riverside Animal Rescue <appeals@rescue.example>',
    'To: pat@example.org',
    'Date: Tue, 10 Nov 2026 08:30:00 +0000',
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}; charset=utf-8`,
    `Content-Transfer-Encoding: ${encoding}`,
  ];
  return headers.join('\r\n') + '\r\n\r\n' + body + '\r\n';
}

const RENDERINGS: Record<string, { path: string; content: string }> = {
  text: { path: 'letter.txt', content: TEXT },
  markdown: { path: 'letter.md', content: MARKDOWN },
  html: { path: 'letter.html', content: HTML },
  'email quoted-printable': { path: 'letter-qp.eml', content: mail('text/plain', 'quoted-printable', quotedPrintable(TEXT)) },
  'email base64': { path: 'letter-b64.eml', content: mail('text/plain', 'base64', base64(TEXT)) },
  'email html quoted-printable': { path: 'letter-html.eml', content: mail('text/html', 'quoted-printable', quotedPrintable(HTML)) },
};

/** What must not depend on the format. */
function essence(f: Finding, text: string) {
  return { tactic: f.tactic, text, confidence: f.confidence, rules: [...f.rules].sort(), message: f.message, hidden: f.hidden ?? false };
}

/** The words a reader sees in an HTML source slice. */
function readerText(htmlSlice: string): string {
  return htmlSlice.replace(/<[^>]*>/g, '').replace(/&mdash;/g, '—').replace(/&nbsp;/g, ' ');
}

async function reportFor(name: string): Promise<FileReport> {
  const { path, content } = RENDERINGS[name];
  const reports = await analyze(content, { path });
  expect(reports).toHaveLength(1);
  expect(reports[0].error).toBeNull();
  return reports[0];
}

describe('one message in every format', () => {
  it('the plain text has findings to compare', async () => {
    const report = await reportFor('text');
    expect(report.findings.some((f) => f.tactic === 'freebie')).toBe(true);
  });

  for (const name of Object.keys(RENDERINGS).filter((n) => n !== 'text')) {
    it(`${name} gives the same findings as plain text`, async () => {
      const reference = await reportFor('text');
      const report = await reportFor(name);
      const isHtmlFile = name === 'html';
      expect(report.findings.map((f) => essence(f, isHtmlFile ? readerText(f.text) : f.text))).toEqual(
        reference.findings.map((f) => essence(f, f.text)),
      );
      const source = RENDERINGS[name].content;
      report.findings.forEach((f, i) => {
        const ref = reference.findings[i];
        if (name.startsWith('email')) {
          // Positions are in the decoded body, which reads exactly as the text file.
          expect(f.part).toBe('body');
          expect([f.line, f.column, f.endLine, f.endColumn]).toEqual([ref.line, ref.column, ref.endLine, ref.endColumn]);
        } else {
          // Positions are in the file itself, at the same words.
          expect(sliceRange(source, f)).toBe(f.text);
        }
      });
      expect(report.exchange?.ratio ?? null).toEqual(reference.exchange?.ratio ?? null);
    });
  }
});
