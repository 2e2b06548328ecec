/**
 * Lets the command know that this run will be long, and why: a large input
 * (a mailbox, a text of many megabytes) or worker threads about to start.
 * bin/quidpro.js then tunes V8 for it (bin/long-run.js), which a short run
 * does not need and which would cost it the load of node:v8. A library
 * caller never sets a hook, so its process is not touched.
 */
export type LongRun = 'large-input' | 'threads';

let hook: ((why: LongRun) => void) | null = null;
const told = new Set<LongRun>();

/** Text inputs at least this large make a long run. */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

/** Registers the function to call before the long part of a run (the command's). */
export function onLongRun(fn: ((why: LongRun) => void) | null): void {
  hook = fn;
  told.clear();
}

/** Calls the registered function, once for each reason. */
export function expectLongRun(why: LongRun): void {
  if (told.has(why)) return;
  told.add(why);
  hook?.(why);
}
