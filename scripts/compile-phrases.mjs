#!/usr/bin/env node
/**
 * Build step (after tsc): compiles every built-in lexicon phrase once and
 * writes the result beside dist/text/phrases.js, so the CLI does not stem
 * ~2,000 phrases at every start. See src/text/phrases.ts.
 */
import { rmSync, writeFileSync } from 'node:fs';

// phrases.js preloads this file: remove it first, or phrases compiled by the previous build's rules would be written back.
const target = new URL('../dist/text/compiled-phrases.json', import.meta.url);
rmSync(target, { force: true });
const { matcherFor } = await import('../dist/engine/analyze.js');
const { compiledPhrases } = await import('../dist/text/phrases.js');
matcherFor();
writeFileSync(target, JSON.stringify(compiledPhrases()));
