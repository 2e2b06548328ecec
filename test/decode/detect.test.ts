import { describe, expect, it } from 'vitest';
import { detectFormat, sniffFormat } from '../../src/decode/index.js';

const sniff = (text: string) => sniffFormat(Buffer.from(text, 'utf8'));

describe('format detection', () => {
  it('goes by extension first', () => {
    const mailish = Buffer.from('From: a@example.org\n\nHi\n');
    expect(detectFormat('notes.txt', mailish)).toBe('text');
    expect(detectFormat('a.EML', Buffer.from('hello'))).toBe('email');
    expect(detectFormat('box.mbox', Buffer.from('hello'))).toBe('mbox');
    expect(detectFormat('page.htm', Buffer.from('hello'))).toBe('html');
    expect(detectFormat('page.markdown', Buffer.from('hello'))).toBe('markdown');
    expect(detectFormat('unknown.dat', mailish)).toBe('email');
  });

  it('sniffs mail only from known header fields before a blank line', () => {
    expect(sniff('Return-Path: <a@example.org>\nFrom: A <a@example.org>\nSubject: Hi\nX-Mailer: x\n  folded\n\nBody\n')).toBe('email');
    expect(sniff('Persuader: You must give today.\nTarget: Why?\n\nPersuader: Because.\n')).toBe('text');
    expect(sniff('Note: bring the forms.\nSubject: budget\n\nSee you.\n')).toBe('text');
    expect(sniff('Subject: a gift for you\nDear friend, here is a line\n\nmore\n')).toBe('text');
  });

  it('sniffs an mbox from a postmark line followed by a header', () => {
    expect(sniff('From a@example.org Mon Jan  5 10:00:00 2026\nSubject: Hi\n\nBody\n')).toBe('mbox');
    expect(sniff('From the desk of our director\nDear friend,\n')).toBe('text');
  });

  it('sniffs HTML from a doctype or <html>, also after a leading comment', () => {
    expect(sniff('<!DOCTYPE html>\n<html><body>x</body></html>')).toBe('html');
    expect(sniff('\uFEFF  <html lang="en">')).toBe('html');
    expect(sniff('<!-- saved from url=(0014)about:internet -->\n<html>')).toBe('html');
    expect(sniff('I like <html> tags.')).toBe('text');
  });
});
