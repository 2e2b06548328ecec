/**
 * Decoding: bytes → analysable text parts with a map back to the source.
 * Detection never sees a format; every format ends here as DecodedInput.
 * Decoders other than plain text are loaded only when an input needs them.
 */
import { extname } from 'node:path';
import type { DecodedInput, InputFormat } from '../types.js';
import { decodeText, utf16Encoding } from './text.js';

export type Decode = (bytes: Uint8Array) => DecodedInput | Promise<DecodedInput>;

const LOADERS: Record<Exclude<InputFormat, 'mbox'>, () => Promise<Decode>> = {
  text: async () => decodeText,
  markdown: async () => (await import('./markdown.js')).decodeMarkdown,
  html: async () => (await import('./html.js')).decodeHtml,
  email: async () => (await import('./email.js')).decodeEmail,
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

/** Header fields that open real mail (and mail saved by clients). */
const MAIL_HEADER = /^(?:from|to|cc|bcc|subject|date|received|return-path|mime-version|message-id|content-type|delivered-to|reply-to|sender|x-[\w-]+|dkim-signature|domainkey-signature|arc-[\w-]+|authentication-results|received-spf|list-[\w-]+|in-reply-to|references|content-transfer-encoding|content-language|thread-topic|thread-index|precedence|importance|priority|organization|user-agent|feedback-id|errors-to|auto-submitted|resent-[\w-]+)\s*:/i;

/** A postmark: "From sender date…". */
const POSTMARK = /^From \S+/;
/** A postmark with its asctime date ("From a@b.org Mon Jan  5 10:00:00 2026"): a mailbox even if a blank message follows. */
const DATED_POSTMARK = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d{1,2}:\d{2}/;
const HEADER_FIELD = /^[\x21-\x39\x3b-\x7e]+:/;
/** The tag that opens an HTML document, once any XML declaration and leading comments are skipped. */
const HTML_OPENING = /^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** Sniffs mbox, mail or HTML from the start of a text; default text. */
export function sniffFormat(head: Uint8Array): InputFormat {
  const text = headText(head.subarray(0, 64 * 1024));
  if (looksLikeMailbox(text)) return 'mbox';
  if (looksLikeMail(text)) return 'email';
  if (looksLikeHtml(text)) return 'html';
  return 'text';
}

/**
 * An HTML document: optional XML declaration and comments, then <!doctype html>,
 * <html>, <head> or <body>. Scanned with indexOf rather than one regex, which
 * backtracked exponentially over comments that look like comments inside comments.
 */
function looksLikeHtml(text: string): boolean {
  let at = skipSpace(text, 0);
  if (text.startsWith('<?xml', at)) {
    const end = text.indexOf('>', at);
    if (end < 0) return false;
    at = skipSpace(text, end + 1);
  }
  while (text.startsWith('<!--', at)) {
    const end = text.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = skipSpace(text, end + 3);
  }
  return HTML_OPENING.test(text.slice(at, at + 16));
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

/** A dated postmark line, or a postmark followed by a header field ("From the desk of…" prose is not a mailbox). */
function looksLikeMailbox(text: string): boolean {
  const lines = text.split(/\r?\n/, 2);
  if (lines.length < 2) return false;
  return DATED_POSTMARK.test(lines[0]) || (POSTMARK.test(lines[0]) && HEADER_FIELD.test(lines[1]));
}

/**
 * Header fields (with folded continuations) up to a blank line, the first of
 * them a known mail header and at least as many known as unknown: a chat
 * transcript ("Persuader: …") or a memo with one "Subject:" line in prose is
 * not mail.
 */
function looksLikeMail(text: string): boolean {
  const end = text.search(/\r?\n\r?\n/);
  if (end <= 0) return false;
  const lines = text.slice(0, end).split(/\r?\n/);
  if (!MAIL_HEADER.test(lines[0])) return false;
  let known = 0;
  let unknown = 0;
  for (const line of lines) {
    if (/^[ \t]/.test(line)) continue; // folded continuation
    if (!HEADER_FIELD.test(line)) return false;
    if (MAIL_HEADER.test(line)) known++;
    else unknown++;
  }
  return known >= unknown;
}

/** The start of an input as text, for sniffing: UTF-16 when a BOM says so, else UTF-8; no BOM. */
function headText(head: Uint8Array): string {
  const utf16 = utf16Encoding(head);
  const text = utf16 ? new TextDecoder(utf16).decode(head.subarray(2)) : new TextDecoder('utf-8').decode(head);
  return text.replace(/^\uFEFF/, '');
}

/**
 * True for content that is not text: NUL bytes in the first 8 KiB. UTF-16
 * text (announced by its BOM) is full of NUL bytes and is text all the same;
 * there a NUL *character* marks binary content.
 */
export function looksBinary(head: Uint8Array): boolean {
  const start = head.subarray(0, 8192);
  return utf16Encoding(start) ? headText(start).includes('\u0000') : start.includes(0);
}
