import { defineConfig } from 'vite';

/**
 * The phone page of LAN voting (renderer/phone): a separate, light build with no
 * React, served only by the LAN server (electron/main/lan) to phones in the room.
 * Older phones: ES2017 and Safari 12.
 */
export default defineConfig({
  root: 'renderer/phone',
  base: '/',
  build: {
    outDir: '../../dist-phone',
    emptyOutDir: true,
    target: ['es2017', 'safari12'],
    sourcemap: false,
    modulePreload: false,
  },
});
