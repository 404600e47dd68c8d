import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'test/domain/**/*.test.ts',
            'test/persistence/**/*.test.ts',
            'test/electron/**/*.test.ts',
            'test/scripts/**/*.test.ts',
            'test/i18n/**/*.test.ts',
          ],
          setupFiles: ['test/setup/fakeIndexedDb.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'features',
          environment: 'jsdom',
          include: ['test/features/**/*.test.tsx', 'test/features/**/*.test.ts'],
          setupFiles: ['test/setup/fakeIndexedDb.ts', 'test/setup/dom.ts'],
        },
      },
      {
        // Security and packaging gates over the built app: run after `npm run build` (scripts/test.mjs does).
        test: {
          name: 'gates',
          environment: 'node',
          include: ['test/gates/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          // Two files at a time: a file mostly waits for Chromium, so two keep a 2-core CI
          // machine busy. Each file has its own Chromium profile and its own web server
          // (helpers.ts launchSession), so files share no state. E2E_WORKERS=1 runs them
          // one after the other (to tell a timing problem from a real one).
          fileParallelism: true,
          maxWorkers: Number(process.env.E2E_WORKERS) || 2,
          // A worker runs its files one after another in one process: playwright-core,
          // axe-core and the compiled app modules are loaded once, not once per file.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
