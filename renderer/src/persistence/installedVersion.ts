/**
 * The schema version of a database on disk, read without opening it (opening
 * with our versions would already upgrade it). null: it does not exist yet, or
 * the browser cannot tell.
 */
export async function installedSchemaVersion(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((info) => info.name === name);
  // Dexie stores version n as IndexedDB version n * 10.
  return found?.version ? Math.floor(found.version / 10) : null;
}
