'use strict';
const { setFlagsFromString } = require('node:v8');

/**
 * V8 settings for a long run (a mailbox, a text of megabytes, worker
 * threads: see src/long-run.ts), set by the command just before it, so a
 * short run does not pay for loading node:v8 (~4 ms). V8 reads both at run
 * time. V8 accepts a code cache only under the flags it was made with, so a
 * run that set one never saves the start-up bundle's cache (bin/quidpro.js):
 * caches are made by runs under V8's defaults, which is what the next run
 * starts under. A library user's process is not touched: only the command
 * sets them.
 */

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
 * How much a function runs before V8 considers optimising it (TurboFan), in
 * V8's units: 8 x its default of 67,584. Set only when worker threads start:
 * each thread warms up (compiles) on its own while every core is busy, and
 * TurboFan's compiles then cost more than they give back for seconds of
 * work. On 2 cores with --jobs 2 (runs interleaved, 3 each): 20,000 small
 * files 12 % less wall time and 13 % less CPU, a 50 MB mailbox 13 % and 15 %.
 * With one thread busy the compiles run on an idle core instead, and the
 * later tier-up cost time (a mailbox with --jobs 1: ~10 % slower), so a run
 * on one thread keeps V8's default. The hottest code is still optimised,
 * a little later.
 */
const INTERRUPT_BUDGET = 8 * 67_584;

/** Whether the user gave V8 this flag on the command line (`node --flag=N quidpro …`; NODE_OPTIONS cannot carry V8 flags). */
function userSet(flag, execArgv) {
  const pattern = new RegExp(`^--${flag.replace(/-/g, '[-_]')}\\b`);
  return execArgv.some((a) => pattern.test(a));
}

/** Applies HEAP_GROWING_PERCENT unless the user set V8's heap growth; returns whether it did. */
function boundHeapGrowth(execArgv = process.execArgv) {
  if (userSet('heap-growing-percent', execArgv)) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}

/** Applies INTERRUPT_BUDGET unless the user set V8's interrupt budget; returns whether it did. */
function delayTierUp(execArgv = process.execArgv) {
  if (userSet('interrupt-budget', execArgv)) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}

let heapBounded = false;

/** What a long run of this kind ('large-input' or 'threads') needs; returns whether a flag changed. */
function tuneForLongRun(why, execArgv = process.execArgv) {
  let changed = false;
  if (!heapBounded) changed = heapBounded = boundHeapGrowth(execArgv);
  if (why === 'threads' && delayTierUp(execArgv)) changed = true;
  return changed;
}

module.exports = { tuneForLongRun, boundHeapGrowth, delayTierUp, HEAP_GROWING_PERCENT, INTERRUPT_BUDGET };
