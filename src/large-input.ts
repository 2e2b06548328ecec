/**
 * Lets the command know, once, that a large input is about to be read: a
 * mailbox, or a text of many megabytes. bin/quidpro.js then bounds V8's heap
 * growth (bin/heap-growth.js), which a short run does not need and which
 * would cost it the load of node:v8. A library caller never sets a hook, so
 * its process is not touched.
 */
let hook: (() => void) | null = null;

/** Text inputs at least this large count as large. */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

/** Registers the function to call before the first large input (the command's). */
export function onLargeInput(fn: (() => void) | null): void {
  hook = fn;
}

/** Calls the registered function, the first time only. */
export function expectLargeInput(): void {
  const fn = hook;
  hook = null;
  fn?.();
}
