'use strict';
/**
 * Loads the start-up bundle (dist/bundle/js/cli.cjs, written by
 * scripts/bundle.mjs) through vm.Script with V8 code cache: Node 20 cannot
 * cache the compiled code of ES modules, and compiling ~1 MB of JavaScript at
 * every start was a large part of start-up (the v8-compile-cache technique).
 *
 * The bundle is one function expression,
 *   (function (exports, require, module, __filename, __dirname, __quidproImportMetaUrl) { … })
 * so loading it is: compile (with the cache when V8 accepts it), call. It
 * requires Node built-in modules only (scripts/bundle.mjs checks), so it is
 * given this module's require (node:module's createRequire costs start-up).
 *
 * The cache is only ever an accelerator. V8 rejects a cache made by another
 * V8 version or under other V8 flags, and the loader then compiles from
 * source: a missing, unreadable or rejected cache gives the same exports.
 * V8 checks a cache against the source's length only, so a cache must never
 * outlive its bundle: it lives in the bundle's own folder, which the build
 * deletes and rewrites as a whole.
 */
const { isAscii } = require('node:buffer');
const { closeSync, openSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } = require('node:fs');
const { basename, dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');

/**
 * The cache file for a bundle under this Node and these flags: runs with
 * different flags (NODE_OPTIONS=--max-old-space-size=…) would otherwise
 * reject and rewrite each other's cache in turn.
 */
function cacheFileFor(bundleFile, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS) {
  const flags = [...execArgv, nodeOptions ?? ''].join(' ').trim();
  return `${bundleFile}.${process.version}-${process.arch}${flags === '' ? '' : '-' + fnv1a(flags)}.cache`;
}

function fnv1a(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * Compiles and runs a bundle; returns its exports and what became of the
 * cache: 'accepted', 'rejected' (by V8) or 'missing' (or unreadable).
 */
function loadBundle(bundleFile, cacheFile = cacheFileFor(bundleFile)) {
  const bytes = readFileSync(bundleFile);
  // The build writes ASCII: read as latin1, the string needs no decoding and takes one byte a character.
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  const script = new Script(source, { filename: bundleFile, cachedData });
  const cache = cachedData === undefined ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  const factory = script.runInThisContext();
  const module = { exports: {} };
  factory.call(module.exports, module.exports, require, module, bundleFile, dirname(bundleFile), pathToFileURL(bundleFile).href);
  return { exports: module.exports, cache, script, cacheFile, bundleFile };
}

/**
 * Writes the code cache of a loaded bundle (best after it has run: the cache
 * then holds the functions compiled during the run too). It is written to a
 * temporary file and renamed, so a concurrent run reads a whole cache or
 * none; a folder that cannot be written (a read-only install) is left be,
 * before any cache is made. Returns whether the cache was written.
 */
function saveCache(loaded) {
  const tmp = `${loaded.cacheFile}.${process.pid}.tmp`;
  let fd;
  try {
    fd = openSync(tmp, 'wx');
  } catch {
    return false;
  }
  try {
    const data = loaded.script.createCachedData();
    for (let at = 0; at < data.length; ) at += writeSync(fd, data, at);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, loaded.cacheFile);
    pruneCaches(loaded.bundleFile, loaded.cacheFile);
    return true;
  } catch {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(tmp);
    } catch {
      // already gone
    }
    return false;
  }
}

/**
 * Caches kept beside a bundle other than the one for no flags (which the build
 * makes and most runs use) and the one just written: each set of flags makes
 * a cache of its own, and a profiling session (--cpu-prof-dir=…) or a Node
 * upgrade would otherwise leave one behind for good at every variation.
 */
const MAX_OTHER_CACHES = 2;

/** Deletes the least recently written caches of a bundle beyond MAX_OTHER_CACHES; best effort (a concurrent run may delete them first). */
function pruneCaches(bundleFile, written) {
  const dir = dirname(bundleFile);
  const prefix = `${basename(bundleFile)}.`;
  const plain = cacheFileFor(bundleFile, [], '');
  try {
    const others = readdirSync(dir)
      .filter((name) => name.startsWith(prefix) && name.endsWith('.cache'))
      .map((name) => join(dir, name))
      .filter((file) => file !== plain && file !== written)
      .map((file) => ({ file, written: statSync(file).mtimeMs }))
      .sort((a, b) => b.written - a.written);
    for (const { file } of others.slice(MAX_OTHER_CACHES)) unlinkSync(file);
  } catch {
    // another run pruned or wrote at the same time: the next save tries again
  }
}

/** What dist/bundle/stamp holds for the dist/ that is there now: the build writes it, and the bundle is used only while it matches. */
function bundleStamp(dist) {
  return String(statSync(join(dist, 'cli.js')).mtimeMs);
}

/** Whether dist/bundle was built from this dist/ (a later plain tsc, as the tests run, makes it stale). */
function bundleIsCurrent(dist) {
  try {
    return readFileSync(join(dist, 'bundle', 'stamp'), 'utf8') === bundleStamp(dist);
  } catch {
    return false;
  }
}

module.exports = { bundleIsCurrent, bundleStamp, cacheFileFor, loadBundle, saveCache, MAX_OTHER_CACHES };
