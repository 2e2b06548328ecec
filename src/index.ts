/**
 * The library API: `analyze(text, { format })` gives the same findings as the
 * CLI for the same input.
 */
export { analyzeDecoded, DEFAULT_MIN_CONFIDENCE, type AnalyzeOptions, type Analysis } from './engine/analyze.js';
export { TACTICS, tacticById } from './tactics/index.js';
export * from './types.js';
