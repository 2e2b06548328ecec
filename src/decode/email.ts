/**
 * E-mail (RFC 5322 / MIME) via postal-mime: the decoded Subject is one part,
 * the body another. Positions are line:column in the decoded part as a reader
 * sees it (for an HTML body: the text extracted from the HTML).
 *
 * postal-mime already joins a message's text parts (multipart/mixed), picks
 * one representation per multipart/alternative, decodes quoted-printable,
 * base64 and charsets, and inlines forwarded message/rfc822 parts (a header
 * block, then their text) into both `text` and `html`. Which of the two we
 * analyse is decided here, so the same words are never analysed twice.
 */
import PostalMime, { type Address, type Email } from 'postal-mime';
import { SpanMap } from '../positions.js';
import type { DecodedInput, MessageMeta, TextPart } from '../types.js';
import { htmlAsReadText } from './html.js';
import './postal-fast.js'; // postal-mime's decoders without their Blob round trip
import { parseSimpleEmail } from './mail-fast.js';
import { bytesToText, repairWindows1252 } from './text.js';

/**
 * The HTML rendering wins only when it carries clearly more text than the
 * plain part (a "view this mail in your browser" stub); when the two are
 * comparable the plain part is the simpler, exact reading.
 */
const HTML_PREFERENCE_RATIO = 1.2;

export async function decodeEmail(bytes: Uint8Array): Promise<DecodedInput> {
  return decodeSimpleEmail(bytes) ?? decodeWithPostalMime(bytes);
}

/** decodeEmail for a message decodeSimpleEmail declined. */
export async function decodeWithPostalMime(bytes: Uint8Array): Promise<DecodedInput> {
  // A Buffer, never a stream: postal-mime given a Node stream returns an empty message silently.
  const raw = withoutPostmark(bytes);
  const email = repairCharsets(await PostalMime.parse(raw));
  return decoded(email, brokenMultipart(email) ? plainPart(rawBody(raw)) : bodyPart(email));
}

/**
 * decodeEmail without waiting, for a message in UTF-8 plain text sent as
 * is (most of a mailbox of newsletters): read by src/decode/mail-fast.ts,
 * which gives the fields postal-mime would. Null for any other message.
 */
export function decodeSimpleEmail(bytes: Uint8Array): DecodedInput | null {
  const simple = parseSimpleEmail(withoutPostmark(bytes));
  if (!simple) return null;
  const email = repairCharsets(simple as Email);
  return decoded(email, plainPart(email.text ?? ''));
}

function decoded(email: Email, body: TextPart): DecodedInput {
  const parts: TextPart[] = [];
  const subject = email.subject?.trim() ? email.subject : undefined;
  if (subject) parts.push({ name: 'subject', text: subject, source: subject, map: SpanMap.identity(subject.length) });
  parts.push(body);
  return { format: 'email', parts, meta: metaOf(email) };
}

/** The body as a reader sees it: the plain part, or the HTML's text when it carries more. */
export function bodyPart(email: Pick<Email, 'text' | 'html'>): TextPart {
  const plain = email.text ?? '';
  if (email.html?.trim()) {
    const html = htmlAsReadText('body', email.html);
    if (!plain.trim() || visibleLength(html) > HTML_PREFERENCE_RATIO * visibleLength(plainPart(plain))) return html;
  }
  return plainPart(plain);
}

/**
 * A multipart message whose parts cannot be found (no boundary, or one that
 * never comes) decodes to no text at all; its body is then read as it was
 * sent, so words in it are not lost.
 */
function brokenMultipart(email: Email): boolean {
  if (email.text?.trim() || email.html?.trim()) return false;
  const type = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
  return /^\s*multipart\//i.test(type);
}

/** Everything after the header block, as text. */
function rawBody(raw: Uint8Array): string {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : bytes.length;
  return bytesToText(bytes.subarray(end));
}

function plainPart(text: string): TextPart {
  return { name: 'body', text, source: text, map: SpanMap.identity(text.length) };
}

/** Non-space characters a reader sees (hidden ranges excluded). */
function visibleLength(part: TextPart): number {
  let hiddenChars = 0;
  for (const [a, b] of part.hidden ?? []) hiddenChars += countNonSpace(part.text.slice(a, b));
  return countNonSpace(part.text) - hiddenChars;
}

function countNonSpace(s: string): number {
  return s.replace(/\s+/g, '').length;
}

export function metaOf(email: Email): MessageMeta {
  const meta: MessageMeta = {};
  const from = email.from ? formatAddress(email.from) : '';
  if (from) meta.from = from;
  if (email.subject) meta.subject = email.subject;
  if (email.date) meta.date = email.date;
  return meta;
}

function formatAddress(a: Address): string {
  if (a.group !== undefined) return a.name;
  return a.name ? `${a.name} <${a.address}>` : a.address;
}

/** See repairWindows1252: Node 20 decodes windows-1252 as Latin-1. */
function repairCharsets(email: Email): Email {
  const fix = (s: string | undefined) => (s === undefined ? s : repairWindows1252(s));
  const from = email.from && email.from.group === undefined ? { ...email.from, name: repairWindows1252(email.from.name) } : email.from;
  return { ...email, subject: fix(email.subject), text: fix(email.text), html: fix(email.html), from };
}

/** A message saved from a mailbox may start with its "From " postmark line, which is not a header. */
function withoutPostmark(bytes: Uint8Array): Uint8Array {
  const isPostmark = bytes[0] === 0x46 && Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'From ';
  if (!isPostmark) return bytes;
  const nl = bytes.indexOf(0x0a);
  return nl < 0 ? new Uint8Array(0) : bytes.subarray(nl + 1);
}
