// The naive baseline of B7 and B8: the same app built without code splitting
// (every dynamic import inlined: jsPDF, fonts, English, all screens in one
// chunk), into .bench/web/eager/. Never shipped.
import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vite';
import base from '../../vite.config';

export default mergeConfig(base, {
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../.bench/web/eager', import.meta.url)),
    chunkSizeWarningLimit: 10_000,
    rollupOptions: { output: { codeSplitting: false } },
  },
});
