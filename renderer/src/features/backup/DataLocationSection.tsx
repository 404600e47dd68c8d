import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeDatabaseName, DEFAULT_DB_NAME } from '../../persistence/activeDb';
import { getPlatform, type DataLocation } from '../../platform';
import { requestPersistentStorage } from './backupClient';
import { formatSize } from './SnapshotTable';

interface StorageFacts {
  location: DataLocation;
  persisted: boolean | null;
  estimate: { usage: number; quota: number } | null;
}

async function readFacts(): Promise<StorageFacts> {
  const [location, persisted, estimate] = await Promise.all([
    getPlatform().dataLocation(),
    requestPersistentStorage(),
    navigator.storage?.estimate?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return {
    location,
    persisted,
    estimate:
      estimate?.usage !== undefined && estimate.quota
        ? { usage: estimate.usage, quota: estimate.quota }
        : null,
  };
}

/** "Wo Ihre Daten liegen": the folder or the browser origin, and whether storage is persistent. */
export function DataLocationSection() {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  useEffect(() => {
    let live = true;
    void readFacts().then((found) => live && setFacts(found));
    return () => {
      live = false;
    };
  }, []);
  const database = activeDatabaseName();

  return (
    <section className="backup-section" aria-labelledby="backup-location-heading">
      <h2 id="backup-location-heading">{t('backup.locationHeading')}</h2>
      {facts && (
        <>
          <p>
            {facts.location.kind === 'desktop'
              ? t('backup.locationDesktop', {
                  dataDir: facts.location.dataDir,
                  snapshotDir: facts.location.snapshotDir,
                })
              : t('backup.locationBrowser', { origin: facts.location.origin })}
          </p>
          {facts.location.kind === 'browser' && facts.persisted !== null && (
            <p>{facts.persisted ? t('backup.persisted') : t('backup.notPersisted')}</p>
          )}
          {facts.estimate && (
            <p className="field-hint">
              {t('backup.usage', {
                used: formatSize(facts.estimate.usage),
                quota: formatSize(facts.estimate.quota),
              })}
            </p>
          )}
        </>
      )}
      {database !== DEFAULT_DB_NAME && <p>{t('backup.recoveredDatabase', { name: database })}</p>}
    </section>
  );
}
