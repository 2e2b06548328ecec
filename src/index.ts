/**
 * The library API: `analyze(text, { format })` gives the same reports as the
 * CLI for the same input.
 */
export { analyze, type AnalyzeTextOptions } from './analyze.js';
export { DEFAULT_MIN_CONFIDENCE, type AnalyzeOptions } from './engine/analyze.js';
export { TACTICS, tacticById } from './tactics/index.js';
export * from './types.js';
