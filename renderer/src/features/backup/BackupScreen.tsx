import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../i18n';
import type { ImportMode } from '../../persistence/backup/importBackup';
import type { ValidBackup } from '../../persistence/backup/validate';
import { useWorkshops } from '../../persistence/hooks';
import { getPlatform, type SnapshotInfo } from '../../platform';
import { useAppStore } from '../../state/store';
import { AppHeader } from '../app/AppHeader';
import { navigate } from '../app/useRoute';
import {
  importBackup,
  pickBackupFile,
  readSnapshot,
  saveBackupFile,
  writeSnapshot,
  type SaveOutcome,
} from './backupActions';
import { lastBackupAt } from './backupClient';
import { DataLocationSection } from './DataLocationSection';
import { ImportDialog } from './ImportDialog';
import { SnapshotTable } from './SnapshotTable';

type Pending = { fileName: string; backup: ValidBackup } | null;

/** "Sicherungen": save backup files, import one, see and restore automatic snapshots, see where data lives. */
export function BackupScreen() {
  const { t, i18n } = useTranslation();
  const workshops = useWorkshops();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null);
  const [restoring, setRestoring] = useState<SnapshotInfo | null>(null);
  const [lastBackup, setLastBackup] = useState(lastBackupAt);
  const platform = getPlatform();
  const store = useAppStore.getState;

  const refreshSnapshots = useCallback(() => {
    platform.snapshots.list().then(setSnapshots, () => setSnapshots([]));
  }, [platform]);
  useEffect(refreshSnapshots, [refreshSnapshots]);
  useEffect(() => {
    document.title = `${t('backup.heading')} – Moderato`;
  }, [t]);

  function reportSave(outcome: SaveOutcome) {
    if (outcome.status === 'saved') {
      store().showToast({ tone: 'info', message: t('backup.exported', { file: outcome.fileName }) });
      setLastBackup(lastBackupAt());
    } else if (outcome.status === 'failed')
      store().showToast({ tone: 'error', message: t('backup.exportFailed') });
    else store().announce(t('backup.exportCancelled'));
  }

  async function save(workshop?: { id: string; title: string }) {
    setBusy(true);
    reportSave(await saveBackupFile(workshop));
    setBusy(false);
  }

  async function pick() {
    setProblem(null);
    setBusy(true);
    try {
      const outcome = await pickBackupFile();
      if (!outcome) return;
      if (outcome.ok) setPending({ fileName: outcome.fileName, backup: outcome.backup });
      else setProblem(outcome.message);
    } finally {
      setBusy(false);
    }
  }

  async function runImport(backup: ValidBackup, mode: ImportMode) {
    setPending(null);
    setRestoring(null);
    setBusy(true);
    const outcome = await importBackup(backup, mode);
    setBusy(false);
    refreshSnapshots();
    if (!outcome.ok) {
      setProblem(outcome.message);
      return;
    }
    store().showToast({ tone: 'info', message: t('backup.imported', { count: outcome.workshopIds.length }) });
    const [only] = outcome.workshopIds;
    if (outcome.workshopIds.length === 1 && only)
      navigate({ name: 'workshop', workshopId: only as never, section: 'overview', boardId: null });
  }

  async function restore(snapshot: SnapshotInfo) {
    setProblem(null);
    const outcome = await readSnapshot(snapshot.id);
    if (outcome.ok) await runImport(outcome.backup, 'replace');
    else setProblem(outcome.message);
  }

  async function snapshotNow() {
    setBusy(true);
    try {
      await writeSnapshot('manual');
      store().showToast({ tone: 'info', message: t('backup.snapshotWritten') });
    } catch {
      store().showToast({ tone: 'error', message: t('backup.snapshotFailed') });
    }
    setBusy(false);
    refreshSnapshots();
  }

  return (
    <>
      <AppHeader />
      <main className="page" id="main" aria-busy={busy}>
        <div className="page-heading">
          <h1>{t('backup.heading')}</h1>
        </div>
        <p>{t('backup.intro')}</p>

        <section className="backup-section" aria-labelledby="backup-export-heading">
          <h2 id="backup-export-heading">{t('backup.exportHeading')}</h2>
          <p className="field-hint">
            {lastBackup
              ? t('backup.lastBackup', { when: formatDateTime(lastBackup, i18n.language) })
              : t('backup.neverBackedUp')}
          </p>
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={busy}
              onClick={() => void save()}
            >
              {t('backup.exportAll')}
            </button>
          </p>
          {workshops && workshops.length === 0 && <p className="empty">{t('backup.noWorkshops')}</p>}
          {workshops && workshops.length > 0 && (
            <ul className="backup-list" aria-label={t('workshops.heading')}>
              {workshops.map((workshop) => (
                <li key={workshop.id} className="backup-list-item">
                  <span>
                    {workshop.title}{' '}
                    {workshop.deletedAt !== null && (
                      <span className="field-hint">{t('backup.binnedSuffix')}</span>
                    )}
                  </span>
                  <button
                    type="button"
                    className="button button-small"
                    disabled={busy}
                    aria-label={t('backup.exportOneNamed', { title: workshop.title })}
                    onClick={() => void save(workshop)}
                  >
                    {t('backup.exportOne')}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="backup-section" aria-labelledby="backup-import-heading">
          <h2 id="backup-import-heading">{t('backup.importHeading')}</h2>
          <p className="field-hint">{t('backup.importHint')}</p>
          <p>
            <button type="button" className="button" disabled={busy} onClick={() => void pick()}>
              {t('backup.importButton')}
            </button>
          </p>
          {problem && (
            <p className="backup-problem" role="alert">
              {problem}
            </p>
          )}
        </section>

        <section className="backup-section" aria-labelledby="backup-snapshots-heading">
          <h2 id="backup-snapshots-heading">{t('backup.snapshotsHeading')}</h2>
          <p className="field-hint">
            {platform.snapshots.kind === 'files'
              ? t('backup.snapshotsHintDesktop')
              : t('backup.snapshotsHintBrowser')}
          </p>
          {platform.snapshots.kind === 'files' && (
            <p>
              <button type="button" className="button" disabled={busy} onClick={() => void snapshotNow()}>
                {t('backup.snapshotNow')}
              </button>
            </p>
          )}
          {snapshots && snapshots.length === 0 && <p className="empty">{t('backup.snapshotsEmpty')}</p>}
          {snapshots && snapshots.length > 0 && (
            <SnapshotTable snapshots={snapshots} onRestore={setRestoring} />
          )}
        </section>

        <DataLocationSection />
      </main>

      {pending && (
        <ImportDialog
          fileName={pending.fileName}
          backup={pending.backup}
          onCancel={() => setPending(null)}
          onImport={(mode) => void runImport(pending.backup, mode)}
        />
      )}
      {restoring && (
        <ConfirmDialog
          title={t('backup.restoreTitle')}
          message={t('backup.restoreConfirm', { when: formatDateTime(restoring.createdAt, i18n.language) })}
          confirmLabel={t('backup.restore')}
          danger
          onCancel={() => setRestoring(null)}
          onConfirm={() => void restore(restoring)}
        />
      )}
    </>
  );
}
