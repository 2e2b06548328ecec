/**
 * src/decode/mail-fast.ts reads simple messages without postal-mime; it must
 * give what postal-mime gives for every message it accepts, and accept the
 * common ones (else mail silently runs at postal-mime's speed).
 */
import fc from 'fast-check';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { decodeEmail, decodeSimpleEmail, decodeWithPostalMime } from '../../src/decode/email.js';
import { parseSimpleEmail } from '../../src/decode/mail-fast.js';

const enc = (s: string) => Buffer.from(s, 'utf8');

/** postal-mime's reading of the fields quidpro uses. */
async function viaPostalMime(raw: Uint8Array) {
  const e = await PostalMime.parse(raw);
  return { from: e.from, subject: e.subject, date: e.date, text: e.text, html: e.html };
}

const HEADER_LINES = [
  'From: Campaign 7 <campaign7@example.org>',
  'From: plain@example.org',
  'From: "Doe, Jane" <jane@example.org>, other@example.org',
  'From: =?UTF-8?B?w4lsw6h2ZQ==?= <eleve@example.org>',
  'From: Undisclosed recipients:;',
  'From:',
  'FROM :  shout@example.org  ',
  'To: reader@example.com',
  'Subject: Update number 12',
  'Subject: =?UTF-8?Q?Un_cadeau_gratuit_=E2=9C=93?=',
  'Subject: =?ISO-8859-1?Q?caf=E9?= and more',
  'Subject:',
  'Subject:   padded\t ',
  'Subject: Größe ✓ 免費',
  'Date: Mon, 1 Jan 2024 00:00:00 GMT',
  'Date: not a date',
  'Date:',
  'Message-ID: <1@example.org>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Type: text/plain; charset="UTF-8"',
  'Content-Type: TEXT/PLAIN;charset=utf8',
  'Content-Type: text/plain',
  'Content-Type: text/plain; charset=iso-8859-1',
  'Content-Type: text/plain; charset=utf-8; format=flowed',
  'Content-Type: text/html; charset=utf-8',
  'Content-Type: multipart/alternative; boundary="b1"',
  'Content-Type:',
  'Content-Type: text/plain (comment); charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  'Content-Transfer-Encoding: 7BIT',
  'Content-Transfer-Encoding: binary',
  'Content-Transfer-Encoding: base64',
  'Content-Transfer-Encoding: quoted-printable',
  'Content-Transfer-Encoding: (c) 8bit',
  'Content-Transfer-Encoding: x-uuencode',
  'Content-Disposition: inline',
  'Content-Disposition: attachment; filename=a.txt',
  '  folded continuation',
  '\tfolded with a tab',
  'No colon on this line',
  'X-Weird:value:with:colons',
  '\uFEFFFrom: bom@example.org',
  'Subject: bare\rcarriage',
];

const BODY_LINES = [
  'We have enclosed a free gift for you.',
  'Please donate $25 today.',
  '',
  '   indented line ',
  '>From the archive',
  'Ünïcödé — “quotes” ✓ 免費 🎁',
  '\uFEFFstarts with a BOM',
  'ends with spaces   ',
  '--b1',
  '=E2=9C=93 soft=',
];

const EOLS = ['\n', '\r\n', '\r\r\n'];

/** A message from pieces: header lines, a separator (or none), body lines, line endings, maybe no final newline. */
const message = fc
  .record({
    headers: fc.array(fc.constantFrom(...HEADER_LINES), { maxLength: 8 }),
    separator: fc.boolean(),
    body: fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 6 }),
    eol: fc.constantFrom(...EOLS),
    bodyEol: fc.constantFrom(...EOLS),
    finalNewline: fc.boolean(),
    junk: fc.option(fc.uint8Array({ minLength: 1, maxLength: 6 }), { nil: undefined }),
  })
  .map(({ headers, separator, body, eol, bodyEol, finalNewline, junk }) => {
    let text = headers.map((h) => h + eol).join('');
    if (separator) text += eol + body.join(bodyEol) + (finalNewline && body.length > 0 ? bodyEol : '');
    else if (!finalNewline && text.endsWith(eol)) text = text.slice(0, -eol.length);
    const bytes = enc(text);
    // Bytes that are not UTF-8 (or a CR alone) somewhere in the message.
    return junk ? Buffer.concat([bytes, Buffer.from(junk)]) : bytes;
  });

describe('mail-fast: simple messages without postal-mime', () => {
  it('gives what postal-mime gives for every message it accepts', async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(message, async (raw) => {
        const simple = parseSimpleEmail(raw);
        if (simple === null) return;
        accepted++;
        const expected = await viaPostalMime(raw);
        expect(expected.html).toBeUndefined();
        expect({ from: simple.from, subject: simple.subject, date: simple.date, text: simple.text }).toEqual({
          from: expected.from,
          subject: expected.subject,
          date: expected.date,
          text: expected.text,
        });
      }),
      { numRuns: 3000 },
    );
    // The generator must exercise the reader, not only its refusals.
    expect(accepted).toBeGreaterThan(600);
  });

  it('accepts plain UTF-8 and 7bit/8bit messages, and the same decoded input comes out either way', async () => {
    const raws = [
      'From: Campaign 7 <campaign7@example.org>\nTo: reader@example.com\nSubject: Update number 12\nDate: Mon, 1 Jan 2024 00:00:00 GMT\nMessage-ID: <12@example.org>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nWe have enclosed a free gift for you.\n\nPlease donate $25 today.\n',
      'From: a@example.org\r\nSubject: =?UTF-8?Q?caf=C3=A9?=\r\nContent-Transfer-Encoding: 7bit\r\n\r\nA free sample, yours to keep.\r\n',
      'Subject: no body\n',
      'From a@example.org Mon Jan  1 00:00:00 2024\nSubject: with postmark\n\nbody',
    ];
    for (const text of raws) {
      const raw = enc(text);
      const fast = decodeSimpleEmail(raw);
      expect(fast, text).not.toBeNull();
      expect(fast).toEqual(await decodeWithPostalMime(raw));
      expect(await decodeEmail(raw)).toEqual(fast);
    }
  });

  it('leaves to postal-mime what it does not read itself', () => {
    const declined = [
      'Content-Type: text/html; charset=utf-8\n\n<p>Hi</p>\n',
      'Content-Type: multipart/alternative; boundary="b"\n\n--b\n\nx\n--b--\n',
      'Content-Type: text/plain; charset=iso-8859-1\n\ncaf\xe9\n',
      'Content-Type: text/plain; format=flowed\n\nsoft \nbreak\n',
      'Content-Transfer-Encoding: quoted-printable\n\ncaf=C3=A9\n',
      'Content-Transfer-Encoding: base64\n\nY2Fmw6k=\n',
      'Content-Disposition: attachment\n\nx\n',
      'Subject: ' + 'x'.repeat(70 * 1024) + '\n\nlong header\n',
    ];
    for (const text of declined) expect(parseSimpleEmail(enc(text)), text.slice(0, 60)).toBeNull();
  });
});
