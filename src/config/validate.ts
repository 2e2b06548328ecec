/**
 * The configuration file's shape, checked by hand (no schema library at run
 * time). schema/quidpro.config.schema.json describes the same shape for
 * editors; test/config/schema.test.ts keeps the two in agreement.
 */
import { TACTIC_IDS, type Severity, type TacticId } from '../types.js';

export const TACTIC_SETTINGS = ['off', 'error', 'warning', 'info'] as const;
export type TacticSetting = (typeof TACTIC_SETTINGS)[number];

/** What a quidpro.config.json (or .quidprorc.json, or package.json "quidpro") may hold. */
export interface QuidproConfig {
  /** Per tactic: "off" turns it off; a severity overrides its default ("warning"). */
  tactics?: Partial<Record<TacticId, TacticSetting>>;
  /** Report findings at or above this confidence, 0 to 1. */
  minConfidence?: number;
  /** Extra phrases per tactic (phrase syntax of the lexicons). */
  phrases?: Partial<Record<TacticId, string[]>>;
  /** Phrases that must never be flagged (brand names); matched case-insensitively. */
  allow?: string[];
  /** Globs of paths to skip, relative to the config file's folder. */
  ignore?: string[];
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly key: string | null,
    detail: string,
  ) {
    super(`${file}: ${key === null ? '' : `"${key}" `}${detail}`);
  }
}

const TOP_LEVEL_KEYS = ['$schema', 'tactics', 'minConfidence', 'phrases', 'allow', 'ignore'] as const;

/** Checks `raw` and returns it typed, or throws a ConfigError naming `file` and the key. */
export function validateConfig(raw: unknown, file: string, keyPrefix = ''): QuidproConfig {
  const fail = (key: string | null, detail: string): never => {
    throw new ConfigError(file, key === null ? (keyPrefix ? keyPrefix.slice(0, -1) : null) : keyPrefix + key, detail);
  };
  if (!isPlainObject(raw)) fail(null, 'must be a JSON object');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!(TOP_LEVEL_KEYS as readonly string[]).includes(key)) {
      fail(key, `is not a known key (known: ${TOP_LEVEL_KEYS.filter((k) => k !== '$schema').join(', ')})`);
    }
  }
  if ('$schema' in obj && typeof obj.$schema !== 'string') fail('$schema', 'must be a string');
  const config: QuidproConfig = {};
  if ('tactics' in obj) config.tactics = checkTactics(obj.tactics, fail);
  if ('minConfidence' in obj) {
    const x = obj.minConfidence;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1) fail('minConfidence', 'must be a number from 0 to 1');
    config.minConfidence = x as number;
  }
  if ('phrases' in obj) config.phrases = checkPhrases(obj.phrases, fail);
  if ('allow' in obj) config.allow = checkStrings(obj.allow, 'allow', fail);
  if ('ignore' in obj) config.ignore = checkStrings(obj.ignore, 'ignore', fail);
  return config;
}

type Fail = (key: string | null, detail: string) => never;

function checkTactics(value: unknown, fail: Fail): QuidproConfig['tactics'] {
  if (!isPlainObject(value)) return fail('tactics', 'must be an object of tactic id to one of ' + TACTIC_SETTINGS.join(', '));
  const out: Partial<Record<TacticId, TacticSetting>> = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!isTacticId(id)) fail(`tactics.${id}`, `is not a tactic id (known: ${TACTIC_IDS.join(', ')})`);
    if (typeof setting !== 'string' || !(TACTIC_SETTINGS as readonly string[]).includes(setting)) {
      fail(`tactics.${id}`, `must be one of ${TACTIC_SETTINGS.join(', ')}`);
    }
    out[id as TacticId] = setting as TacticSetting;
  }
  return out;
}

function checkPhrases(value: unknown, fail: Fail): QuidproConfig['phrases'] {
  if (!isPlainObject(value)) return fail('phrases', 'must be an object of tactic id to a list of phrases');
  const out: Partial<Record<TacticId, string[]>> = {};
  for (const [id, list] of Object.entries(value as Record<string, unknown>)) {
    if (!isTacticId(id)) fail(`phrases.${id}`, `is not a tactic id (known: ${TACTIC_IDS.join(', ')})`);
    out[id as TacticId] = checkStrings(list, `phrases.${id}`, fail);
  }
  return out;
}

function checkStrings(value: unknown, key: string, fail: Fail): string[] {
  if (!Array.isArray(value)) return fail(key, 'must be an array of strings');
  value.forEach((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') fail(`${key}[${i}]`, 'must be a non-empty string');
  });
  return [...(value as string[])];
}

export function isTacticId(id: string): id is TacticId {
  return (TACTIC_IDS as readonly string[]).includes(id);
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The severity a config gives a tactic, if it sets one. */
export function severityOverride(config: QuidproConfig, id: TacticId): Severity | undefined {
  const setting = config.tactics?.[id];
  return setting && setting !== 'off' ? setting : undefined;
}
