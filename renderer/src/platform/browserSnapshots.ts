/**
 * Restore points of the browser version: a separate IndexedDB database, so a
 * bad import can be undone. It lives in the same profile as the data, which is
 * why the app also reminds the user to save backup files.
 */
import type { SnapshotHost, SnapshotInfo } from './types';

const DB_NAME = 'moderato-restore-points';
const STORE = 'snapshots';
/** Whole copies of the data: a few are enough to undo an import. */
export const BROWSER_KEEP = 5;

interface StoredSnapshot extends SnapshotInfo {
  content: string;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openStore(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DB_NAME, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE, { keyPath: 'id' });
  return request(opening);
}

async function withStore<T>(
  mode: IDBTransactionMode,
  run: (store: IDBObjectStore) => Promise<T>,
): Promise<T> {
  const db = await openStore();
  try {
    const tx = db.transaction(STORE, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = await run(tx.objectStore(STORE));
    await done;
    return result;
  } finally {
    db.close();
  }
}

const withoutContent = ({ content: _content, ...info }: StoredSnapshot): SnapshotInfo => info;

export function createBrowserSnapshots(): SnapshotHost {
  return {
    kind: 'browser',
    async write({ content, reason, summary }) {
      const createdAt = Date.now();
      const info: SnapshotInfo = {
        id: `restore-${createdAt}-${reason}`,
        createdAt,
        reason,
        bytes: new TextEncoder().encode(content).byteLength,
        summary,
      };
      await withStore('readwrite', async (store) => {
        store.put({ ...info, content } satisfies StoredSnapshot);
        const all = (await request(store.getAll())) as StoredSnapshot[];
        const stale = all.sort((a, b) => b.createdAt - a.createdAt).slice(BROWSER_KEEP);
        for (const old of stale) store.delete(old.id);
      });
      return info;
    },
    async list() {
      const all = await withStore(
        'readonly',
        (store) => request(store.getAll()) as Promise<StoredSnapshot[]>,
      );
      return all.map(withoutContent).sort((a, b) => b.createdAt - a.createdAt);
    },
    async read(id) {
      const found = await withStore(
        'readonly',
        (store) => request(store.get(id)) as Promise<StoredSnapshot | undefined>,
      );
      if (!found) throw new Error('Restore point not found');
      return new TextEncoder().encode(found.content);
    },
    nextRequest: () => null,
  };
}
