#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): an ES module entry loads Node's ES module loader, which costs start-up.
const { join } = require('node:path');
// The bundle (npm run build) starts faster; it is used only while it was built from the dist/ that is there now.
const { bundleIsCurrent, loadBundle, saveCache } = require('./bundle-loader.js');

const dist = join(__dirname, '..', 'dist');

/**
 * Tunes V8 before the long part of a run (a large input, worker threads;
 * see src/long-run.ts and bin/long-run.js): a short run never loads
 * node:v8. Returns whether this run changed a V8 flag.
 */
function tuneBeforeLongRun(cli) {
  let changed = false;
  cli.onLongRun((why) => {
    if (require('./long-run.js').tuneForLongRun(why)) changed = true;
  });
  return () => changed;
}

async function start() {
  if (bundleIsCurrent(dist)) {
    const loaded = loadBundle(join(dist, 'bundle', 'js', 'cli.cjs'));
    const flagsChanged = tuneBeforeLongRun(loaded.exports);
    process.exitCode = await loaded.exports.main(process.argv.slice(2));
    // The first run with this Node (or after a build) leaves the compiled code for the next ones;
    // V8 takes a cache only under the flags it was made with, so not a run that changed one.
    if (loaded.cache !== 'accepted' && !flagsChanged()) saveCache(loaded);
    exitOnceFlushed(loaded.exports);
  } else {
    const cli = await import('../dist/cli.js');
    tuneBeforeLongRun(cli);
    process.exitCode = await cli.main(process.argv.slice(2));
    exitOnceFlushed(cli);
  }
}

/**
 * Ends the process now that the command is done, unless some of its output
 * is still queued (then Node ends it once that is written): left to wind
 * down by itself, the process first ran an idle-time garbage collection.
 */
function exitOnceFlushed(cli) {
  // A dist/ built before outputFlushed existed has none: it winds down by itself, as it always did.
  if (cli.outputFlushed?.() === true) process.exit();
}

start();
