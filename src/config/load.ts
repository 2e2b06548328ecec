/**
 * Finding and reading the configuration: `--config FILE`, or the first of
 * quidpro.config.json, .quidprorc.json, package.json with a "quidpro" key,
 * walking up from the working directory to the filesystem root.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError, validateConfig, type QuidproConfig } from './validate.js';

export const CONFIG_FILE_NAMES = ['quidpro.config.json', '.quidprorc.json'] as const;

export interface LoadedConfig {
  config: QuidproConfig;
  /** The file it came from (absolute), or null when there is none. */
  file: string | null;
  /** The folder `ignore` globs are relative to. */
  dir: string;
}

/** The configuration for a run started in `cwd`; an empty one when none is found. */
export function loadConfig(cwd: string, explicitFile?: string): LoadedConfig {
  if (explicitFile !== undefined) {
    const file = resolve(cwd, explicitFile);
    return { config: readConfigFile(file, cwd, explicitFile.endsWith('package.json')), file, dir: dirname(file) };
  }
  const found = findConfigFile(cwd);
  if (!found) return { config: {}, file: null, dir: cwd };
  return { config: readConfigFile(found.file, cwd, found.packageJson), file: found.file, dir: dirname(found.file) };
}

/** The nearest config file from `start` upwards, or null. */
export function findConfigFile(start: string): { file: string; packageJson: boolean } | null {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (isFile(file)) return { file, packageJson: false };
    }
    const pkg = join(dir, 'package.json');
    if (isFile(pkg) && hasQuidproKey(pkg)) return { file: pkg, packageJson: true };
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function readConfigFile(file: string, cwd: string, packageJson: boolean): QuidproConfig {
  const shown = displayName(file, cwd);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ConfigError(shown, null, code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new ConfigError(shown, null, `is not valid JSON: ${(err as Error).message}`);
  }
  if (packageJson) {
    const value = (raw as Record<string, unknown> | null)?.quidpro;
    if (value === undefined) return {};
    return validateConfig(value, shown, 'quidpro.');
  }
  return validateConfig(raw, shown);
}

function hasQuidproKey(file: string): boolean {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && 'quidpro' in data;
  } catch {
    return false; // a broken package.json that is not ours to judge
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A path as the user would write it from `cwd`. */
function displayName(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') ? file : rel;
}
