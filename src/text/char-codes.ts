/**
 * A text's UTF-16 code units in a typed array, for the character loops of
 * the scanner and of normalisation's first pass.
 *
 * A long input is analysed in windows that are slices of its decoded text,
 * and V8 reads a slice's characters through its parent: charCodeAt on a
 * window was ~20-30 % slower than on a flat string, and copying each
 * window into a string of its own cost more than that (fresh memory, page
 * faults). Buffer.write copies the units into an array that is reused from
 * window to window, whose pages stay mapped.
 *
 * Reading past either end gives undefined where charCodeAt gave NaN: every
 * comparison and table look-up treats the two alike.
 */

/** Texts up to this many units share one array; a longer one gets its own, let go after use. */
const SHARED_UNITS = 1 << 20;

let shared = new Uint16Array(0);

/** The code units of `text`. The shared array is overwritten by the next call: read it before then. */
export function charCodes(text: string): Uint16Array {
  if (text.length > SHARED_UNITS) return copyUnits(text, new Uint16Array(text.length));
  if (shared.length < text.length) shared = new Uint16Array(Math.max(text.length, 2 * shared.length, 1024));
  return copyUnits(text, shared.subarray(0, text.length));
}

/** Buffer.write lays the units out little-endian, as a Uint16Array reads them on every common CPU. */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function copyUnits(text: string, into: Uint16Array): Uint16Array {
  if (LITTLE_ENDIAN) Buffer.from(into.buffer, into.byteOffset, into.byteLength).write(text, 0, 'utf16le');
  else for (let i = 0; i < text.length; i++) into[i] = text.charCodeAt(i);
  return into;
}
