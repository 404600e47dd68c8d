import type { Platform } from './types';

declare const __APP_VERSION__: string;

export function createBrowserPlatform(): Platform {
  return {
    kind: 'browser',
    async saveFile({ suggestedName, content, mimeType }) {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
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
  };
}
