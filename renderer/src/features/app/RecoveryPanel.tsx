import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n';
import { getPlatform, type SnapshotInfo } from '../../platform';
import type { ReadOutcome } from '../backup/backupActions';
import { loadBackupActions } from '../backup/backupClient';
import { describeSnapshotContent } from '../backup/SnapshotTable';
import { uncaughtMessage } from './uncaughtFailures';

function reloadIntoList(): void {
  window.location.hash = '#/';
  window.location.reload();
}

type BackupActions = Awaited<ReturnType<typeof loadBackupActions>>;
type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'failed'; message: string };

/**
 * Offered when the database cannot be opened: the newest automatic snapshot
 * (desktop) or a backup file. Both go into a new database beside the old one,
 * which stays untouched; then the app starts on the restored data.
 */
export function RecoveryPanel({ onRecovered = reloadIntoList }: { onRecovered?: () => void }) {
  const { t, i18n } = useTranslation();
  const platform = getPlatform();
  const [newest, setNewest] = useState<SnapshotInfo | null | undefined>(undefined);
  const [state, setState] = useState<State>({ kind: 'idle' });

  useEffect(() => {
    if (platform.snapshots.kind !== 'files') return;
    platform.snapshots.list().then(
      (list) => setNewest(list[0] ?? null),
      () => setNewest(null),
    );
  }, [platform]);

  async function recover(read: (actions: BackupActions) => Promise<ReadOutcome | null>) {
    setState({ kind: 'working' });
    try {
      const actions = await loadBackupActions();
      const outcome = await read(actions);
      if (!outcome) return setState({ kind: 'idle' });
      if (!outcome.ok) return setState({ kind: 'failed', message: outcome.message });
      const recovered = await actions.recoverInto(outcome.backup);
      if (!recovered.ok) return setState({ kind: 'failed', message: recovered.message });
      onRecovered();
    } catch (error) {
      // This screen has no toasts: say it here, and let the user try again.
      console.error(error);
      setState({ kind: 'failed', message: uncaughtMessage(error) });
    }
  }

  return (
    <section className="recovery" aria-labelledby="recovery-heading">
      <h2 id="recovery-heading">{t('backup.recovery.heading')}</h2>
      <p>{t('backup.recovery.explain')}</p>
      {platform.snapshots.kind === 'files' && newest !== undefined && (
        <p>
          {newest
            ? t('backup.recovery.snapshotOffer', {
                when: formatDateTime(newest.createdAt, i18n.language),
                content: describeSnapshotContent(newest, t),
              })
            : t('backup.recovery.noSnapshot')}
        </p>
      )}
      <div className="crash-actions">
        {newest && (
          <button
            type="button"
            className="button button-primary"
            disabled={state.kind === 'working'}
            onClick={() => void recover((actions) => actions.readSnapshot(newest.id))}
          >
            {t('backup.recovery.restoreSnapshot')}
          </button>
        )}
        <button
          type="button"
          className={newest ? 'button' : 'button button-primary'}
          disabled={state.kind === 'working'}
          onClick={() => void recover((actions) => actions.pickBackupFile())}
        >
          {t('backup.recovery.importFile')}
        </button>
      </div>
      {state.kind === 'working' && <p role="status">{t('backup.recovery.working')}</p>}
      {state.kind === 'failed' && <p role="alert">{state.message}</p>}
    </section>
  );
}
