#!/usr/bin/env node
import { readFileSync, statSync } from 'node:fs';

/** The esbuild bundle (npm run build) starts faster; it is used only while it was built from the dist/ that is there now. */
function bundleIsCurrent() {
  try {
    const stamp = readFileSync(new URL('../dist/bundle/stamp', import.meta.url), 'utf8');
    return stamp === String(statSync(new URL('../dist/cli.js', import.meta.url)).mtimeMs);
  } catch {
    return false;
  }
}

const { main } = await import(bundleIsCurrent() ? '../dist/bundle/js/cli.js' : '../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
