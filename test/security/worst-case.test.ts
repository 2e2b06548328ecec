/**
 * ReDoS, dynamically: each rule gets the input its patterns loop on (long
 * runs of digits and commas, spaces, "$", "From ", one-letter words, a 1 MB
 * line of letters…). Each run must finish — vitest's timeout is the guard,
 * no timing is asserted — and must still find the tactic written after the
 * padding, which proves the whole input was read.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import type { InputFormat } from '../../src/types.js';

const K = 1000;
const TAIL = '\n\nClaim your free gift! Please donate today.\n';
/** Per run; generous for slow CI machines, far below what a super-linear pattern needs. */
const GUARD_MS = 20_000;

interface WorstCase {
  name: string;
  input: string;
  format?: InputFormat;
  /** False where the padding may change how the tail reads (the run must still finish). */
  expectTail?: boolean;
}

const CASES: WorstCase[] = [
  // amounts
  { name: 'digits and commas', input: '1,'.repeat(50 * K) },
  { name: 'a run of digits', input: '1'.repeat(200 * K) },
  { name: 'dollar signs', input: '$'.repeat(100 * K) },
  { name: 'dotted numbers', input: '1.'.repeat(100 * K) },
  { name: 'currency codes', input: 'USD '.repeat(50 * K) },
  { name: 'number words', input: 'a few '.repeat(50 * K) },
  // whitespace and lines
  { name: 'spaces', input: ' '.repeat(200 * K) },
  { name: 'newlines', input: '\n'.repeat(200 * K) },
  { name: 'CRLFs', input: '\r\n'.repeat(100 * K) },
  { name: 'mixed whitespace', input: ' \t\n'.repeat(100 * K) },
  // tokens and sentences
  { name: '100k one-letter words', input: 'a '.repeat(100 * K) },
  { name: 'a 1 MB line of letters', input: 'a'.repeat(1 << 20) },
  { name: 'a long word of consonants (stemmer)', input: 'f'.repeat(200 * K) },
  { name: 'a glued lower/upper word', input: 'aa' + 'A'.repeat(200 * K) + 'a' },
  { name: 'apostrophes', input: "a'".repeat(100 * K) },
  { name: 'exclamation marks', input: '!'.repeat(200 * K) },
  { name: 'full stops', input: '. '.repeat(100 * K) },
  { name: 'curly quotes', input: '\u201cx'.repeat(100 * K) },
  { name: 'straight quotes', input: '"x'.repeat(100 * K) },
  { name: 'quoted-line markers', input: '> '.repeat(100 * K) },
  { name: 'speaker labels', input: 'Speaker name here: '.repeat(20 * K) },
  // normalisation
  { name: 'one letter-spaced run', input: 'F '.repeat(100 * K) },
  { name: 'one dot-spaced run', input: 'F.'.repeat(100 * K) },
  { name: 'leetspeak', input: 'a1'.repeat(100 * K) },
  { name: 'a 1 MB line of Greek capitals', input: '\u0395'.repeat(1 << 20) },
  { name: 'zero-width spaces', input: '\u200b'.repeat(100 * K) },
  { name: 'one letter with 100k combining marks', input: 'a' + '\u0301'.repeat(100 * K) },
  { name: 'expanding ligatures', input: '\ufdfa'.repeat(50 * K) },
  { name: 'Latin and Greek interleaved', input: 'a\u0395'.repeat(100 * K) },
  { name: 'full-width letters', input: '\uff46'.repeat(200 * K) },
  // mail
  { name: '"From " repeated, sniffed', input: 'From '.repeat(50 * K), format: undefined, expectTail: false },
  { name: 'postmark lines', input: 'From a@b Mon Jan  1 00:00:00 2024\n'.repeat(10 * K), format: 'mbox', expectTail: false },
  { name: 'many header fields', input: 'X-A: b\n'.repeat(50 * K) + '\n', format: 'email', expectTail: false },
  { name: 'encoded-word openers', input: 'Subject: ' + '=?UTF-8?B?'.repeat(20 * K) + '\n\n', format: 'email', expectTail: false },
  // markup
  { name: 'Markdown asterisks', input: '*'.repeat(100 * K), format: 'markdown' },
  { name: 'Markdown brackets', input: '['.repeat(50 * K), format: 'markdown' },
  { name: 'Markdown backticks', input: 'a`'.repeat(50 * K), format: 'markdown' },
  { name: 'Markdown underscores', input: '_a'.repeat(50 * K), format: 'markdown' },
  { name: 'Markdown entities', input: '&amp;'.repeat(20 * K), format: 'markdown' },
  { name: 'HTML "<"', input: '<'.repeat(100 * K), format: 'html', expectTail: false },
  { name: 'HTML open tags', input: '<a '.repeat(50 * K), format: 'html', expectTail: false },
  { name: 'HTML ampersands', input: '&'.repeat(100 * K), format: 'html' },
  { name: 'HTML comment openers', input: '<!--'.repeat(50 * K), format: 'html', expectTail: false },
  { name: 'HTML 20k nested divs', input: '<div>'.repeat(20 * K), format: 'html' },
  { name: 'HTML hidden spans', input: '<span style="display:none">x</span>'.repeat(20 * K), format: 'html' },
  { name: 'HTML attributes', input: '<p ' + 'a="b" '.repeat(50 * K) + '>', format: 'html' },
  // Fixed known issues (each was super-linear; each now runs in well under a second)
  { name: 'HTML sniffing: nested comment look-alikes (was exponential)', input: '<!---->' + ' <!--D><BODY --> <!--D><BODY -->'.repeat(18) + ' ><HEAD>', format: undefined },
  { name: 'directives: unclosed directive comments (was cubic)', input: 'q' + '><!--quidpro-enable!d'.repeat(3 * K) + '>' + '\t'.repeat(3 * K) },
  { name: 'directives: a directive word, then a line of 500k tabs (was quadratic)', input: 'quidpro-\n' + '\t'.repeat(500 * K) + 'x' },
  { name: 'exchange: amounts with no words between them (was quadratic)', input: '$1,'.repeat(50 * K) },
  { name: 'Markdown: 20k nested list markers (was quadratic, then a stack overflow)', input: '- '.repeat(20 * K) + 'x', format: 'markdown' },
  { name: 'Markdown: 50k nested blockquote markers (was quadratic)', input: '> '.repeat(50 * K), format: 'markdown' },
  { name: 'Markdown: unclosed link destinations (was quadratic)', input: '[a]('.repeat(50 * K), format: 'markdown' },
  { name: 'Markdown: 20k link labels', input: '[a]'.repeat(20 * K), format: 'markdown' },
  { name: 'curly quotes, each opening another', input: '\u201c'.repeat(200 * K) },
];

describe('each rule on the input its patterns loop on', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const format = 'format' in c ? c.format : 'text';
      const reports = await analyze(c.input + TAIL, format ? { format } : {});
      expect(reports.length).toBeGreaterThanOrEqual(1);
      for (const r of reports) expect(r.error === null || typeof r.error.message === 'string').toBe(true);
      if (c.expectTail !== false) {
        const [report] = reports;
        expect(report.error).toBeNull();
        const lines = (c.input + TAIL).split(/\r\n|\r|\n/).length;
        const tail = report.findings.filter((f) => f.tactic === 'freebie' && f.line >= lines - 2);
        expect(tail.map((f) => f.text)).toContain('Claim your free gift');
      }
    }, GUARD_MS);
  }
});
