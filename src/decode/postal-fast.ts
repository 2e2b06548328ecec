/**
 * postal-mime's three body decoders (pass-through, base64, quoted-printable)
 * finish every MIME part by building a `Blob` from their chunks and reading
 * it back with `await blob.arrayBuffer()`: per message, a native copy, an
 * asynchronous read and a transferable object to collect. On a mailbox of
 * short messages that was ~12 % of the CPU time and a steady stream of
 * external memory for the GC to chase. Concatenating the chunks directly
 * gives the same bytes (a Blob stores a string part as its UTF-8 encoding).
 *
 * The decoders are not exported, so their prototypes are reached through a
 * probe parser's root node. If postal-mime's internals ever change shape, the
 * patch is not applied and postal-mime runs as shipped (`fastDecoders` says
 * which; a test checks it is applied to the version in the lockfile).
 */
import PostalMime from 'postal-mime';

type Chunk = Uint8Array | ArrayBuffer | string;

interface DecoderProto {
  finalize(this: { chunks: Chunk[] }): Promise<ArrayBuffer>;
}

const encoder = new TextEncoder();

/** The bytes of `chunks` as one ArrayBuffer, as `new Blob(chunks).arrayBuffer()` gives them. */
export function concatChunks(chunks: readonly Chunk[]): ArrayBuffer {
  let size = 0;
  const parts: Uint8Array[] = new Array(chunks.length);
  for (let i = 0; i < chunks.length; i++) {
    const c = chunks[i];
    const part = typeof c === 'string' ? (c === '\n' ? NEWLINE : encoder.encode(c)) : c instanceof ArrayBuffer ? new Uint8Array(c) : c;
    parts[i] = part;
    size += part.byteLength;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out.buffer;
}

const NEWLINE = new Uint8Array([0x0a]);

/** What each decoder does before building its Blob (the rest of its finalize). */
const FLUSH: Record<string, string | null> = { '': null, base64: 'flushRemainder', 'quoted-printable': 'flushBuffer' };

function install(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const probe = new PostalMime() as any;
    const root = probe.root;
    if (!root || typeof root.setupContentDecoder !== 'function') return false;
    const patches: Array<[DecoderProto, string | null]> = [];
    for (const [encoding, flush] of Object.entries(FLUSH)) {
      root.setupContentDecoder(encoding);
      const decoder = root.contentDecoder;
      const proto = decoder && Object.getPrototypeOf(decoder);
      if (!proto || typeof proto.finalize !== 'function' || !Array.isArray(decoder.chunks)) return false;
      if (flush !== null && typeof proto[flush] !== 'function') return false;
      // The source of finalize must be the Blob round trip we replace, and nothing else.
      if (!/new Blob\(\s*this\.chunks/.test(String(proto.finalize))) return false;
      patches.push([proto, flush]);
    }
    if (new Set(patches.map(([p]) => p)).size !== patches.length) return false;
    for (const [proto, flush] of patches) {
      proto.finalize = flush
        ? function (this: { chunks: Chunk[] } & Record<string, () => void>) {
            this[flush]();
            return Promise.resolve(concatChunks(this.chunks));
          }
        : function (this: { chunks: Chunk[] }) {
            return Promise.resolve(concatChunks(this.chunks));
          };
    }
    return true;
  } catch {
    return false;
  }
}

/** Whether postal-mime's decoders were patched (false: postal-mime runs unchanged). */
export const fastDecoders: boolean = install();
