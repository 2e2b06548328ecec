import { SpanMap } from '../positions.js';
import type { DecodedInput } from '../types.js';

/** Bytes as UTF-8 text, without a byte-order mark. Invalid sequences become U+FFFD. */
export function bytesToText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Plain text: analysed as it is, positions are its own. */
export function decodeText(bytes: Uint8Array): DecodedInput {
  const text = bytesToText(bytes);
  return { format: 'text', parts: [{ name: 'body', text, source: text, map: SpanMap.identity(text.length) }] };
}
