import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Polls wait for servers and adapters to start; on a loaded 2-core CI machine that can take
    // several seconds. A poll returns as soon as it succeeds, so a generous ceiling costs nothing.
    expect: { poll: { timeout: 10_000 } },
  },
});
