import { browserLanOffered, createBrowserLan } from './browserLan';
import { createBrowserSnapshots } from './browserSnapshots';
import type { Platform } from './types';

declare const __APP_VERSION__: string;

/**
 * Base64 to bytes in one pass: Uint8Array.from with a mapping function calls back
 * once per byte and held the main thread for 130 ms and more on a 300 KB PDF.
 */
function bytesOfBase64(base64: string): Uint8Array<ArrayBuffer> {
  const native = (Uint8Array as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  if (typeof native === 'function') return native.call(Uint8Array, base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile({ suggestedName, content, encoding, mimeType }) {
      const data = encoding === 'base64' ? bytesOfBase64(content) : content;
      const url = URL.createObjectURL(new Blob([data], { type: mimeType }));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return true;
    },
    openFile(filters) {
      return new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.addEventListener('cancel', () => resolve(null));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          if (!file) return resolve(null);
          file.text().then((content) => resolve({ name: file.name, content }), reject);
        });
        input.click();
      });
    },
    appVersion: () => Promise.resolve(__APP_VERSION__),
    setLanguage() {
      // The browser has no native menu to translate.
    },
    openProjector(workshopId) {
      const url = new URL(`#/projector/${encodeURIComponent(workshopId)}`, window.location.href);
      const opened = window.open(url.href, 'moderato-projector', 'popup,width=1280,height=720');
      return Promise.resolve(opened !== null);
    },
    pickBackupFile(filters) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.addEventListener('cancel', () => resolve(null));
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          // The size is known before reading: a wrong pick of 200 MB is refused without loading it.
          resolve(
            file
              ? {
                  name: file.name,
                  size: file.size,
                  read: async () => new Uint8Array(await file.arrayBuffer()),
                }
              : null,
          );
        });
        input.click();
      });
    },
    snapshots: createBrowserSnapshots(),
    dataLocation: () => Promise.resolve({ kind: 'browser', origin: window.location.origin }),
    lan: browserLanOffered() ? createBrowserLan() : null,
  };
}
