#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): an ES module entry loads Node's ES module loader, which costs start-up.
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

const dist = join(__dirname, '..', 'dist');

/** The bundle (npm run build) starts faster; it is used only while it was built from the dist/ that is there now. */
function bundleIsCurrent() {
  try {
    return readFileSync(join(dist, 'bundle', 'stamp'), 'utf8') === String(statSync(join(dist, 'cli.js')).mtimeMs);
  } catch {
    return false;
  }
}

async function start() {
  require('./heap-growth.js').boundHeapGrowth();
  if (bundleIsCurrent()) {
    const { loadBundle, saveCache } = require('./bundle-loader.js');
    const loaded = loadBundle(join(dist, 'bundle', 'js', 'cli.cjs'));
    process.exitCode = await loaded.exports.main(process.argv.slice(2));
    // The first run with this Node (or after a build) leaves the compiled code for the next ones.
    if (loaded.cache !== 'accepted') saveCache(loaded);
  } else {
    const { main } = await import('../dist/cli.js');
    process.exitCode = await main(process.argv.slice(2));
  }
}

start();
