import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/build.ts'],
    testTimeout: 30_000,
    // Small test inputs go through the --jobs workers, as large ones do in real runs
    // (src/parallel/index.ts analyses the first megabyte on the main thread otherwise).
    env: { QUIDPRO_LOCAL_WORK_BYTES: '0' },
  },
});
