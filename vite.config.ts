import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY } from './electron/shared/csp';
import { pickTexts } from './renderer/src/i18n/startTexts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The built page also carries the CSP as a meta tag, so it holds wherever the
 * files are served. (frame-ancestors only works as a header and is sent as one.)
 * First in <head>: a meta policy only governs what is parsed after it, scripts included.
 * Not in dev: Vite's dev server injects inline styles.
 */
function cspMeta(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'moderato-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * jsPDF (loaded only for the minutes) writes the PDF into memory and nothing
 * else. Its optional extras for HTML and SVG (html2canvas, canvg, DOMPurify) are
 * never called, so they are left out of the build; and its "pdfobject" viewer
 * would load a script from cdnjs, which Moderato never does: that URL goes too.
 */
function jspdfOffline(): Plugin {
  const unused = '\0moderato-jspdf-unused-extra';
  const fromJspdf = (id: string | undefined) => id?.replace(/\\/g, '/').includes('/node_modules/jspdf/');
  return {
    name: 'moderato-jspdf-offline',
    enforce: 'pre',
    resolveId: (source, importer) =>
      fromJspdf(importer) && ['html2canvas', 'canvg', 'dompurify'].includes(source) ? unused : null,
    load: (id) => (id === unused ? 'export default undefined;' : null),
    transform: (code, id) =>
      fromJspdf(id)
        ? code.replace(/https:\/\/cdnjs\.cloudflare\.com\/ajax\/libs\/pdfobject\/[\w./-]+/g, '')
        : null,
  };
}

/**
 * Cuts the German texts in two: renderer/src/i18n/deStart.ts becomes the
 * texts the first screens use (startTexts.ts), deRest.ts the others, as
 * plain data, so the start bundle carries only a third of de.json. (Without
 * this plugin, in the unit tests, both modules pick the same texts at run time.)
 */
function localeSplit(): Plugin {
  const part = (id: string) => /[\\/]renderer[\\/]src[\\/]i18n[\\/]de(Start|Rest)\.ts$/.exec(id)?.[1];
  return {
    name: 'moderato-locale-split',
    enforce: 'pre',
    load(id) {
      const which = part(id);
      if (!which) return null;
      const de = JSON.parse(
        readFileSync(new URL('./renderer/src/i18n/locales/de.json', import.meta.url), 'utf8'),
      ) as Record<string, unknown>;
      return `export default ${JSON.stringify(pickTexts(de, which === 'Start'))};`;
    },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [localeSplit(), react(), cspMeta(), jspdfOffline()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  resolve: {
    // react-i18next imports the shim for React < 18; React 19 has useSyncExternalStore itself
    // (the shim would pick it anyway, after shipping its fallback in the start bundle).
    alias: [{ find: /^use-sync-external-store\/shim$/, replacement: 'react' }],
  },
  // The minutes PDF is drawn in a module worker (features/minutes/minutes.worker.ts): same rules for jsPDF there.
  worker: { format: 'es', plugins: () => [jspdfOffline()] },
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
