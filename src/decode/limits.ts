/**
 * --max-bytes: the most bytes one input may hold (for a mailbox, one
 * message). Checked before an input is read where its size is known (a
 * file's stat), and while it streams otherwise (stdin, a mailbox's
 * messages), so an oversized input is never held in memory.
 *
 * Decoded text is never larger than its raw bytes (base64 and
 * quoted-printable shrink, every charset gives at most one UTF-16 unit per
 * byte), so this one limit also bounds the decoded size.
 */

/** 100 MiB. */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** The report's message for an input past the limit. */
export function tooLargeMessage(maxBytes: number): string {
  return `larger than --max-bytes (${maxBytes} bytes), skipped`;
}

export class TooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(tooLargeMessage(maxBytes));
  }
}

/** K, M, G (and KiB, MiB, GiB) count in 1024s, KB, MB, GB in 1000s, as GNU coreutils does. */
const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  k: 1024,
  kib: 1024,
  kb: 1000,
  m: 1024 ** 2,
  mib: 1024 ** 2,
  mb: 1000 ** 2,
  g: 1024 ** 3,
  gib: 1024 ** 3,
  gb: 1000 ** 3,
};

/** "1048576", "500k", "10MB", "10MiB", "1.5G" → bytes (a whole number, at least 1); null if not a size. */
export function parseByteSize(value: string): number | null {
  const m = /^(\d+(?:\.\d+)?) ?([a-z]*)$/i.exec(value.trim());
  if (!m) return null;
  const unit = UNITS[m[2].toLowerCase()];
  if (unit === undefined) return null;
  const bytes = Math.floor(Number(m[1]) * unit);
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : null;
}

/** The chunks of a stream, throwing TooLargeError as soon as more than `maxBytes` have come. */
export async function* limitBytes(chunks: AsyncIterable<Buffer>, maxBytes: number | undefined): AsyncGenerator<Buffer> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (maxBytes !== undefined && total > maxBytes) throw new TooLargeError(maxBytes);
    yield chunk;
  }
}
