/**
 * Terminal safety: text from an input must never carry control or escape
 * sequences to the user's terminal (or to a log viewer reading our JSON).
 */

// C0 controls but TAB/LF, DEL, C1 controls (U+009B is a CSI), line/paragraph
// separators, bidi embeddings/overrides/isolates, and the BOM/zero-width no-break space.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]/g;

const hex = (c: string) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');

/** For human-readable output: each unsafe character shown as a visible escape like "\u001B". */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${hex(c)}`);
}

/** JSON.stringify that also escapes what JSON.stringify leaves raw (C1, bidi, U+2028/9). */
export function safeStringify(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(UNSAFE, (c) => `\\u${hex(c).toLowerCase()}`);
}

/** One line: newlines and tabs become spaces, unsafe characters escaped. */
export function oneLine(text: string): string {
  return escapeForTerminal(text.replace(/\r\n|[\r\n\t]/g, ' '));
}
