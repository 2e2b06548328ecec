/**
 * fast-check generators for hostile and realistic input: words that carry a
 * tactic (plain and disguised), an ask, control and invisible characters,
 * line breaks of every kind — and Markdown, HTML and MIME shapes built of them.
 */
import fc from 'fast-check';

/** Words and fragments that make the freebie tactic fire, in plain and disguised spellings. */
const TACTIC_WORDS = [
  'Claim your free gift!', 'free gift', 'FREE', 'gift', 'bonus', 'complimentary', 'our gift to you',
  'FR\u0395\u0395 gift', 'fr\u0435\u0435 gift', 'fr33 g1ft', 'F R E E gift', 'F.R.E.E gift', 'f\u200Bree gift',
  '\uFF46\uFF52\uFF45\uFF45 gift', 'gi\u00ADft', '\u{1D41F}\u{1D42B}\u{1D41E}\u{1D41E}',
  'Please donate today.', 'donate $25', 'give $5 now', 'Chip in $10.', 'a $10 gift card', 'worth $50',
];

/** Characters that have broken parsers and terminals. */
const HOSTILE = [
  '\u0000', '\u0007', '\u001b[31m', '\u001b]8;;http://x\u0007', '\u009b', '\u202e', '\u2066', '\u2069',
  '\u2028', '\u2029', '\uFEFF', '\uD800', '\uDC00', '\u0301', '\u0332', '\uFFFD', '\u{1F600}', '\t', '\u000b',
  '\r', '\n', '\r\n', '\n\n', '"', '\u201c', '\u201d', '> ', '$', '$$$', '1,', '.', '!', '?', '\u2026',
];

const PROSE = ['Dear friend,', 'We', 'you', 'your', 'a', 'I', 'the', 'and', 'not', 'no', 'today', 'now', 'thanks', 'help', 'month'];

const SEPARATORS = [' ', ' ', ' ', '\n', '\r\n', '\n\n', '. ', ', ', ''];

/** Text made of tactic words, prose, hostile characters and random strings. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...TACTIC_WORDS) },
        { weight: 4, arbitrary: fc.constantFrom(...PROSE) },
        { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
      ),
      fc.constantFrom(...SEPARATORS),
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.map(([w, s]) => w + s).join(''));

/** Text as above, without NUL (which makes an input "binary") — for tests that want findings. */
export const tacticText: fc.Arbitrary<string> = hostileText.map((s) => s.replace(/\u0000/g, ' '));

const inline = fc.oneof(
  fc.constantFrom(...TACTIC_WORDS, ...PROSE),
  fc.constantFrom(...TACTIC_WORDS).map((w) => `**${w}**`),
  fc.constantFrom(...TACTIC_WORDS).map((w) => `_${w}_`),
  fc.constantFrom(...TACTIC_WORDS).map((w) => `[${w}](https://example.org/x?a=1&b=2)`),
  fc.constantFrom(...TACTIC_WORDS).map((w) => `\`${w}\``),
  fc.constantFrom('&amp;', '&nbsp;', '&#70;REE', '\\*', '<b>', '</b>', '<!-- c -->', '![free gift](x.png)'),
  fc.constantFrom(...HOSTILE).filter((c) => c !== '\u0000'),
);

const inlineLine = fc.array(inline, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));

/** Markdown documents: headings, lists, quotes, code, tables, front matter. */
export const markdownDoc: fc.Arbitrary<string> = fc
  .tuple(
    fc.boolean(),
    fc.array(
      fc.oneof(
        inlineLine,
        inlineLine.map((l) => `# ${l}`),
        inlineLine.map((l) => `## ${l}`),
        inlineLine.map((l) => `- ${l}`),
        inlineLine.map((l) => `1. ${l}`),
        inlineLine.map((l) => `> ${l}`),
        inlineLine.map((l) => `\`\`\`\n${l}\n\`\`\``),
        inlineLine.map((l) => `| ${l} | x |\n| --- | --- |\n| a | b |`),
        inlineLine.map((l) => `    ${l}`),
        fc.constant('---'),
        fc.constant(''),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([frontMatter, blocks]) => (frontMatter ? '---\ntitle: Free gift\n---\n' : '') + blocks.join('\n'));

/** The same documents with CRLF line ends, as Windows editors save them. */
export const markdownDocCrlf: fc.Arbitrary<string> = markdownDoc.map((doc) => doc.replace(/\r?\n/g, '\r\n'));

const TAGS = ['p', 'div', 'span', 'b', 'i', 'a', 'td', 'li', 'h1', 'table', 'tr', 'center', 'font'];

const htmlNode: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...TACTIC_WORDS, ...PROSE),
    fc.constantFrom('&amp;', '&nbsp;', '&#x46;REE', '&#70;', '&bogus;', '&', '<br>', '<br/>', '<hr>', '<!-- free gift -->', '<![CDATA[x]]>'),
    fc.constantFrom(...HOSTILE).filter((c) => c !== '\u0000'),
    fc.tuple(fc.constantFrom(...TAGS), fc.array(tie('node'), { maxLength: 4 }), fc.constantFrom('', ' class="x"', ' style="display:none"', ' href="https://example.org/?a=1&amp;b=2"', " title='free gift'", ' hidden')).map(
      ([tag, children, attr]) => `<${tag}${attr}>${children.join(' ')}</${tag}>`,
    ),
    fc.tuple(fc.constantFrom('script', 'style', 'title'), fc.constantFrom('free gift', 'var a = "</b>";', 'p{color:red}')).map(
      ([tag, body]) => `<${tag}>${body}</${tag}>`,
    ),
    fc.constantFrom('<p>', '</div>', '<b', '<a href="', '</', '<'),
  ),
})).node;

/** HTML documents, well-formed or not. */
export const htmlDoc: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.array(htmlNode, { maxLength: 8 }))
  .map(([doctype, nodes]) => (doctype ? '<!DOCTYPE html><html><body>' : '') + nodes.join('\n'));

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** MIME messages: plain, quoted-printable, base64, multipart/alternative, encoded-word subjects. */
export const emailMessage: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...TACTIC_WORDS, 'Hello', 'Re: your gift'),
    fc.constantFrom('plain', 'qp', 'base64', 'alternative', 'html', 'broken'),
    tacticText,
    htmlDoc,
  )
  .map(([subject, shape, text, html]) => {
    const body = text.replace(/\r?\n/g, '\r\n');
    const headers = `From: Charity <appeal@example.org>\r\nTo: you@example.org\r\nSubject: =?UTF-8?B?${b64(subject)}?=\r\nMIME-Version: 1.0\r\n`;
    switch (shape) {
      case 'plain':
        return `${headers}Content-Type: text/plain; charset=utf-8\r\n\r\n${body}`;
      case 'qp':
        return `${headers}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body.replace(/=/g, '=3D').replace(/e/g, '=65')}=\r\n!`;
      case 'base64':
        return `${headers}Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(text)}`;
      case 'html':
        return `${headers}Content-Type: text/html; charset=utf-8\r\n\r\n${html}`;
      case 'alternative':
        return (
          `${headers}Content-Type: multipart/alternative; boundary="BOUND"\r\n\r\npreamble\r\n` +
          `--BOUND\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n` +
          `--BOUND\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64(html)}\r\n--BOUND--\r\n`
        );
      default:
        // A multipart whose boundary never comes, with a bogus encoding.
        return `${headers}Content-Type: multipart/mixed; boundary="NEVER"\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n--NEV\r\n${body}`;
    }
  });
