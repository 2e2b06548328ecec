/**
 * From a configuration (and the CLI's overrides) to what the analysis and the
 * post-analysis filters need.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { AnalyzeOptions } from '../engine/analyze.js';
import type { ReportSettings } from '../filters/index.js';
import { TACTIC_IDS, type Severity, type TacticId } from '../types.js';
import { severityOverride, type QuidproConfig } from './validate.js';

export interface Settings {
  analyze: AnalyzeOptions;
  report: ReportSettings;
  /** Paths to leave out (config "ignore"); undefined when nothing is ignored. */
  skip?: (path: string) => boolean;
}

export interface Overrides {
  /** --min-confidence wins over the config. */
  minConfidence?: number;
}

export function resolveSettings(config: QuidproConfig, configDir: string, overrides: Overrides = {}): Settings {
  const analyze: AnalyzeOptions = {};
  const off = TACTIC_IDS.filter((id) => config.tactics?.[id] === 'off');
  if (off.length > 0) analyze.tactics = TACTIC_IDS.filter((id) => !off.includes(id));
  const minConfidence = overrides.minConfidence ?? config.minConfidence;
  if (minConfidence !== undefined) analyze.minConfidence = minConfidence;
  if (config.phrases && Object.keys(config.phrases).length > 0) analyze.phrases = config.phrases;

  const severity: Partial<Record<TacticId, Severity>> = {};
  for (const id of TACTIC_IDS) {
    const s = severityOverride(config, id);
    if (s) severity[id] = s;
  }
  const settings: Settings = { analyze, report: { severity, allow: config.allow ?? [] } };
  if (config.ignore && config.ignore.length > 0) settings.skip = ignoreMatcher(config.ignore, configDir);
  return settings;
}

/** True for paths matching one of `globs`, taken relative to `baseDir`. */
export function ignoreMatcher(globs: readonly string[], baseDir: string): (path: string) => boolean {
  const isMatch = picomatch(globs as string[], { dot: true });
  return (path) => {
    const abs = isAbsolute(path) ? path : resolve(path);
    const rel = relative(baseDir, abs).split('\\').join('/');
    if (rel === '' || rel.startsWith('../')) return false;
    return isMatch(rel);
  };
}
