import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The end-to-end tests spawn the built binary; give them room on a 2-core machine.
    testTimeout: 30_000,
    // A hook may compile the project (test/sim/workers.test.ts runs tsc): 10 s is too little
    // on a loaded 2-core machine.
    hookTimeout: 120_000,
  },
});
