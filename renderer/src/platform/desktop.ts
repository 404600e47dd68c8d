import type { ModeratoApi } from '../../../electron/shared/contract';
import type { Platform } from './types';

export function createDesktopPlatform(api: ModeratoApi): Platform {
  return {
    kind: 'desktop',
    async saveFile({ suggestedName, content, encoding, filters }) {
      const result = await api.saveFile({ suggestedName, content, encoding: encoding ?? 'utf8', filters });
      return result.status === 'saved';
    },
    async openFile(filters) {
      const result = await api.openFile({ filters });
      if (result.status === 'cancelled') return null;
      if (result.status === 'too-large') throw new Error('fileTooLarge');
      return { name: result.fileName, content: result.content };
    },
    appVersion: () => api.appVersion(),
    setLanguage(language) {
      void api.setLanguage(language);
    },
    openProjector: (workshopId) => api.openProjector(workshopId),
    async pickBackupFile(filters) {
      const result = await api.openFileBytes({ filters });
      if (result.status === 'cancelled') return null;
      if (result.status === 'too-large') {
        return {
          name: result.fileName,
          size: result.bytes,
          read: () => Promise.reject(new Error('fileTooLarge')),
        };
      }
      return { name: result.fileName, size: result.bytes.byteLength, read: async () => result.bytes };
    },
    snapshots: {
      kind: 'files',
      write: (request) => api.writeSnapshot(request),
      list: () => api.listSnapshots(),
      read: (id) => api.readSnapshot(id),
      nextRequest: () => api.nextSnapshotRequest(),
    },
    async dataLocation() {
      return { kind: 'desktop', ...(await api.snapshotLocation()) };
    },
    lan: {
      interfaces: () => api.lanInterfaces(),
      open: (request) => api.lanOpen(request),
      update: (request) => api.lanUpdate(request),
      close: (roundId) => api.lanClose(roundId),
      events: (request) => api.lanEvents(request),
      current: () => api.lanCurrent(),
    },
  };
}
