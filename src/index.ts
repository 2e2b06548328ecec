/**
 * The library API: `analyze(text, { format })` gives the same reports as the
 * CLI for the same input (docs/api.md).
 */
export { analyze, type AnalyzeTextOptions } from './analyze.js';
export { ConfigError, validateConfig, type QuidproConfig, type TacticSetting } from './config/validate.js';
export { loadConfig, type LoadedConfig } from './config/load.js';
export { DEFAULT_MIN_CONFIDENCE, type AnalyzeOptions } from './engine/analyze.js';
export type { ReportedFile, ReportSettings } from './filters/index.js';
export type { UnusedDisable } from './suppress.js';
export { formatSarif, type SarifOptions } from './report/sarif.js';
export { formatGithub } from './report/github.js';
export { formatJson, JSON_VERSION } from './report/json.js';
export { TACTICS, tacticById } from './tactics/index.js';
export * from './types.js';
