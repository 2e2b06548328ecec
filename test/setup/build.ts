import { execFileSync } from 'node:child_process';

/** End-to-end tests spawn bin/quidpro.js, which loads dist/: build it once first. */
export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
}
