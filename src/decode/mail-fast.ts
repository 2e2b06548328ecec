/**
 * A synchronous reading of the simplest and most common message: one
 * text/plain part in UTF-8 (or with no Content-Type at all), sent as 7bit,
 * 8bit or binary. For such a message it gives exactly the fields postal-mime
 * gives (the body text, From, Subject and Date, from the same header lines,
 * with postal-mime's own address and encoded-word parsers), and null for
 * anything else, which then goes through postal-mime as before.
 *
 * postal-mime reads every message line by line with an `await` per line and
 * builds a header list, a MIME tree and address lists we never read; on a
 * mailbox of short messages that was about a tenth of the run. Every rule
 * below mirrors a step of postal-mime 4 (src/mime-node.ts, src/postal-mime.ts),
 * and test/decode/mail-fast.test.ts checks the two agree on generated
 * messages, so a postal-mime upgrade that reads a simple message differently
 * fails there.
 */
import { addressParser, decodeWords, type Address, type Email } from 'postal-mime';

const LF = 0x0a;
const CR = 0x0d;

/** The header block is read here only up to this size; postal-mime (limit 2 MiB) reads larger ones. */
const MAX_HEADER_BYTES = 64 * 1024;

/** Header lines: UTF-8 with a BOM kept as a character, as postal-mime decodes them. */
const headerDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** The body: what postal-mime's getDecoder gives for utf-8 / utf8 / no charset (a leading BOM dropped). */
const bodyDecoder = new TextDecoder('utf-8');

/** Content-Type values read here: text/plain, with at most a UTF-8 charset (no comments, no other parameter). */
const PLAIN_UTF8 = /^text\/plain(?:[ \t]*;[ \t]*charset[ \t]*=[ \t]*(?:utf-?8|"utf-?8"))?$/i;

/** The fields of postal-mime's Email that quidpro reads, for a message this reader accepts. */
export type SimpleEmail = Pick<Email, 'from' | 'subject' | 'date' | 'text'>;

/**
 * The message as postal-mime would parse it, or null when it is not a
 * single UTF-8 text/plain part in a pass-through encoding (postal-mime then reads it).
 */
export function parseSimpleEmail(bytes: Uint8Array): SimpleEmail | null {
  const raw = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The header block ends at the first line that is empty once its trailing CRs are dropped.
  let pos = 0;
  let bodyStart = -1;
  let headerEnd = raw.length;
  while (pos < raw.length) {
    const nl = lineBreak(raw, pos);
    const next = nl < raw.length ? nl + 1 : nl;
    const end = withoutTrailingCRs(raw, pos, nl);
    if (end === pos) {
      headerEnd = pos;
      bodyStart = next;
      break;
    }
    pos = next;
    if (pos > MAX_HEADER_BYTES) return null;
  }
  if (headerEnd > MAX_HEADER_BYTES) return null;

  const headers = readHeaders(headerDecoder.decode(raw.subarray(0, headerEnd)));
  let contentType: string | undefined;
  let transferEncoding: string | undefined;
  let from: string | undefined;
  let subject: string | undefined;
  let date: string | undefined;
  for (const [key, value] of headers) {
    switch (key) {
      case 'content-type':
        contentType ??= value;
        break;
      case 'content-transfer-encoding':
        transferEncoding ??= value;
        break;
      case 'content-disposition':
        return null; // an attachment, or a part postal-mime may read otherwise
      // postal-mime reads the first of each (and nothing when that one is empty).
      case 'from':
        from ??= value;
        break;
      case 'subject':
        subject ??= value;
        break;
      case 'date':
        date ??= value;
        break;
    }
  }
  if (contentType !== undefined && !PLAIN_UTF8.test(contentType)) return null;
  if (transferEncoding !== undefined && !isPassThrough(transferEncoding)) return null;

  const email: SimpleEmail = {};
  if (from) {
    const address = firstAddress(from);
    if (address) email.from = address;
  }
  if (subject) email.subject = decodeWords(subject);
  if (date !== undefined) {
    const parsed = new Date(date);
    // postal-mime tests toString() === 'Invalid Date', which is exactly a NaN time value.
    email.date = Number.isNaN(parsed.getTime()) ? date : parsed.toISOString();
  }
  const text = bodyStart < 0 ? '' : bodyDecoder.decode(passThroughBody(raw, bodyStart));
  if (text) email.text = text;
  return email;
}

/** From values seen lately: a mailbox of newsletters has a few senders and thousands of messages. */
const addressCache = new Map<string, Address | null>();
const ADDRESS_CACHE_LIMIT = 1024;

/** The first address of a From value, as postal-mime reads it; frozen, since it may be shared by many messages. */
function firstAddress(value: string): Address | null {
  let address = addressCache.get(value);
  if (address === undefined) {
    const addresses: Address[] = addressParser(value);
    address = addresses && addresses.length ? deepFreeze(addresses[0]) : null;
    if (addressCache.size >= ADDRESS_CACHE_LIMIT) addressCache.clear();
    addressCache.set(value, address);
  }
  return address;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * postal-mime's header fields in order, as [lower-case key, value]: lines
 * starting with a space or tab continue the field above; the key is what
 * precedes the first ':' and the value what follows it, both trimmed of
 * spaces and tabs only, the value with any CR or LF run made one space.
 */
function readHeaders(block: string): Array<[string, string]> {
  const lines = block.split('\n');
  // The block holds the newline of its last line (when it has one), not a line after it.
  if (lines[lines.length - 1] === '') lines.pop();
  const fields: string[] = [];
  for (let line of lines) {
    let end = line.length;
    while (end > 0 && line.charCodeAt(end - 1) === CR) end--;
    if (end < line.length) line = line.slice(0, end);
    const first = line.charCodeAt(0);
    if (fields.length > 0 && (first === 0x20 || first === 0x09)) fields[fields.length - 1] += line;
    else fields.push(line);
  }
  const out: Array<[string, string]> = [];
  for (const field of fields) {
    const sep = field.indexOf(':');
    const key = trimWsp(sep < 0 ? field : field.slice(0, sep));
    let value = sep < 0 ? '' : field.slice(sep + 1);
    if (value.includes('\r') || value.includes('\n')) value = value.replace(/[\r\n]+/g, ' ');
    out.push([key.toLowerCase(), sep < 0 ? '' : trimWsp(value)]);
  }
  return out;
}

/**
 * Whether postal-mime decodes this Content-Transfer-Encoding by passing the
 * bytes through: its first token names neither base64 nor quoted-printable.
 * A value with a comment is left to postal-mime.
 */
function isPassThrough(value: string): boolean {
  if (value.includes('(')) return false;
  const token = (value.toLowerCase().match(/[\w-]+/) ?? [''])[0];
  return !/base64/i.test(token) && !/quoted-printable/i.test(token);
}

/** The body as postal-mime's pass-through decoder gives it: each line without its trailing CRs, then LF. */
function passThroughBody(raw: Buffer, start: number): Uint8Array {
  const body = raw.subarray(start);
  if (body.length === 0) return body;
  if (!body.includes(CR)) {
    if (body[body.length - 1] === LF) return body;
    const out = new Uint8Array(body.length + 1);
    out.set(body);
    out[body.length] = LF;
    return out;
  }
  const out = new Uint8Array(body.length + 1);
  let at = 0;
  let pos = 0;
  while (pos < body.length) {
    const nl = lineBreak(body, pos);
    const next = nl < body.length ? nl + 1 : nl;
    const end = withoutTrailingCRs(body, pos, nl);
    out.set(body.subarray(pos, end), at);
    at += end - pos;
    out[at++] = LF;
    pos = next;
  }
  return out.subarray(0, at);
}

function trimWsp(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && (s.charCodeAt(start) === 0x20 || s.charCodeAt(start) === 0x09)) start++;
  while (end > start && (s.charCodeAt(end - 1) === 0x20 || s.charCodeAt(end - 1) === 0x09)) end--;
  return s.slice(start, end);
}

/** The LF ending the line that starts at `pos`, or the end of the bytes. */
function lineBreak(bytes: Uint8Array, pos: number): number {
  const nl = bytes.indexOf(LF, pos);
  return nl < 0 ? bytes.length : nl;
}

/** Where the line [pos, nl) ends once its trailing CRs are dropped (as postal-mime reads lines). */
function withoutTrailingCRs(bytes: Uint8Array, pos: number, nl: number): number {
  let end = nl;
  while (end > pos && bytes[end - 1] === CR) end--;
  return end;
}
