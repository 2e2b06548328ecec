#!/usr/bin/env node
/**
 * Build step (after tsc): compiles every built-in lexicon phrase once and
 * writes the result beside dist/text/phrases.js, so the CLI does not stem
 * ~2,000 phrases at every start. See src/text/phrases.ts.
 */
import { writeFileSync } from 'node:fs';

const { matcherFor } = await import('../dist/engine/analyze.js');
const { compiledPhrases } = await import('../dist/text/phrases.js');
matcherFor();
const target = new URL('../dist/text/compiled-phrases.json', import.meta.url);
writeFileSync(target, JSON.stringify(compiledPhrases()));
