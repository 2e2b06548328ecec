'use strict';
const t0 = performance.now();
const { join } = require('node:path');
const dist = join(__dirname, '..', 'dist');
require('./heap-growth.js').boundHeapGrowth();
const t1 = performance.now();
const bl = require('./bundle-loader.js');
const t2 = performance.now();
const loaded = bl.loadBundle(join(dist, 'bundle', 'js', 'cli.cjs'));
const t3 = performance.now();
loaded.exports.main(process.argv.slice(2)).then((code) => {
  const t4 = performance.now();
  process.stderr.write(`boot ${t0.toFixed(1)} heap ${(t1 - t0).toFixed(1)} loader ${(t2 - t1).toFixed(1)} bundle ${(t3 - t2).toFixed(1)} (${loaded.cache}) main ${(t4 - t3).toFixed(1)} total ${t4.toFixed(1)}\n`);
});
