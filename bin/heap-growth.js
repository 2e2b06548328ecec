'use strict';
const { setFlagsFromString } = require('node:v8');

/**
 * How far V8 lets the heap grow past what survived the last full collection,
 * in percent. By default V8 picks a factor of up to 4 (more when its helper
 * threads lag, as on a loaded machine), so a mailbox whose live data is
 * ~15 MB ran with ~85 MB of heap, most of it garbage, and peaked at 145 to
 * 350 MB RSS. With 1.5 x the peak stays near 120 MB for no measurable CPU.
 * Unlike a heap cap (--max-old-space-size) it aborts nothing: a large
 * document still gets the heap it needs, in smaller steps.
 */
const HEAP_GROWING_PERCENT = 50;

/**
 * Applies HEAP_GROWING_PERCENT, unless the user set V8's heap growth
 * (`node --heap-growing-percent=N quidpro …`; NODE_OPTIONS cannot carry it).
 * V8 reads it at each full collection, so setting it at run time takes effect.
 *
 * The command sets it just before its first large input (a mailbox, a text
 * of megabytes: see src/large-input.ts), so a short run does not pay for
 * loading node:v8. V8 accepts a code cache only under the flags it was made
 * with, so a run that set the flag never saves the start-up bundle's cache
 * (bin/quidpro.js): caches are made by runs under V8's defaults, which is
 * what the next run starts under. A library user's process is not touched:
 * only the command sets it.
 */
function boundHeapGrowth(execArgv = process.execArgv) {
  if (execArgv.some((a) => /^--heap[-_]growing[-_]percent\b/.test(a))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

module.exports = { boundHeapGrowth, HEAP_GROWING_PERCENT };
