/**
 * Decoding: bytes → analysable text parts with a map back to the source.
 * Detection never sees a format; every format ends here as DecodedInput.
 * Decoders other than plain text are loaded only when an input needs them.
 */
import { extname } from 'node:path';
import type { DecodedInput, InputFormat } from '../types.js';
import { decodeText } from './text.js';

export type Decode = (bytes: Uint8Array) => DecodedInput | Promise<DecodedInput>;

const LOADERS: Record<Exclude<InputFormat, 'mbox'>, () => Promise<Decode>> = {
  text: async () => decodeText,
  markdown: async () => (await import('./markdown.js')).decodeMarkdown,
  html: async () => decodeText,
  email: async () => decodeText,
};

export async function decoderFor(format: Exclude<InputFormat, 'mbox'>): Promise<Decode> {
  return LOADERS[format]();
}

const EXTENSIONS: Record<string, InputFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.eml': 'email',
  '.mbox': 'mbox',
};

/** Extensions a directory walk picks up. */
export const TEXT_EXTENSIONS = new Set(Object.keys(EXTENSIONS));

/** The format of an input, by its extension, else by sniffing its first bytes. */
export function detectFormat(path: string | null, head: Uint8Array): InputFormat {
  const byExtension = path ? EXTENSIONS[extname(path).toLowerCase()] : undefined;
  return byExtension ?? sniffFormat(head);
}

const MAIL_HEADER = /^(?:from|to|cc|subject|date|received|return-path|mime-version|message-id|content-type|delivered-to|reply-to|sender|x-[\w-]+|dkim-signature|authentication-results|list-unsubscribe|in-reply-to|references|content-transfer-encoding|thread-topic)\s*:/i;

/** Sniffs mbox, mail, HTML or Markdown from the start of a text; default text. */
export function sniffFormat(head: Uint8Array): InputFormat {
  const text = new TextDecoder('utf-8').decode(head.subarray(0, 64 * 1024)).replace(/^\uFEFF/, '');
  if (/^From \S+/.test(text)) return 'mbox';
  if (looksLikeMail(text)) return 'email';
  if (/^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text)) return 'html';
  return 'text';
}

/** Known header fields (with folded continuations) up to a blank line. */
function looksLikeMail(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  let known = 0;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue; // folded continuation
    if (!/^[\x21-\x39\x3b-\x7e]+:/.test(line)) return false;
    if (MAIL_HEADER.test(line)) known++;
  }
  return known >= 1;
}

/** True for content that is not text: NUL bytes in the first 8 KiB. */
export function looksBinary(head: Uint8Array): boolean {
  return head.subarray(0, 8192).includes(0);
}
