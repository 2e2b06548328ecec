import { SpanMap } from '../positions.js';
import type { DecodedInput } from '../types.js';

/**
 * The UTF-16 flavour a byte-order mark announces (FF FE little-endian, FE FF
 * big-endian), or null. Without a BOM, text is never taken for UTF-16.
 */
export function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * Bytes as text, without a byte-order mark: UTF-16 when a BOM says so, UTF-8, or — when the bytes are
 * not valid UTF-8 — windows-1252 (what legacy Western text almost always is).
 */
export function bytesToText(bytes: Uint8Array): string {
  const utf16 = utf16Encoding(bytes);
  if (utf16) return new TextDecoder(utf16).decode(bytes.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = repairWindows1252(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Plain text: analysed as it is, positions are its own. */
export function decodeText(bytes: Uint8Array): DecodedInput {
  const text = bytesToText(bytes);
  return { format: 'text', parts: [{ name: 'body', text, source: text, map: SpanMap.identity(text.length) }] };
}

/** windows-1252 bytes 0x80–0x9F; the five bytes it leaves undefined stay as they are. */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Maps C1 control characters to the windows-1252 characters they stand for.
 * Node 20's TextDecoder decodes 'windows-1252' (and the 'iso-8859-1' label,
 * which WHATWG says means the same) as plain Latin-1, so curly quotes, dashes
 * and € arrive as invisible C1 controls, which real text never contains. One
 * UTF-16 unit in, one out: offsets do not move.
 */
export function repairWindows1252(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80])
    : text;
}
