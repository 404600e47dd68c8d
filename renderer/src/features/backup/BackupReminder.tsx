import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Workshop } from '../../domain/types';
import { formatDateTime } from '../../i18n';
import { getPlatform, type SnapshotInfo } from '../../platform';
import { useAppStore } from '../../state/store';
import { lastBackupAt, loadBackupActions, reminderDue, snoozeReminder } from './backupClient';

/**
 * On the workshop list. Browser: reminds when the last backup file is old
 * (there are no automatic snapshots outside the profile there). Desktop: when
 * the database is empty but snapshots exist, says so instead of starting
 * silently empty.
 */
export function BackupReminder({ workshops }: { workshops: Workshop[] | undefined }) {
  const { t, i18n } = useTranslation();
  const platform = getPlatform();
  const [snoozed, setSnoozed] = useState(false);
  // Read once: the reminder does not need to tick.
  const [now] = useState(() => Date.now());
  const [newestSnapshot, setNewestSnapshot] = useState<SnapshotInfo | null>(null);
  const empty = workshops !== undefined && workshops.length === 0;

  useEffect(() => {
    if (!empty || platform.snapshots.kind !== 'files') return;
    let live = true;
    platform.snapshots.list().then(
      (list) => live && setNewestSnapshot(list[0] ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [empty, platform]);

  if (empty && newestSnapshot) {
    const content = newestSnapshot.summary
      ? t('backup.content', {
          count: newestSnapshot.summary.workshops,
          titles: newestSnapshot.summary.titles.join(', '),
        })
      : t('backup.contentUnknown');
    return (
      <div className="backup-reminder" role="status">
        <p>
          {t('backup.emptyWithSnapshots', {
            when: formatDateTime(newestSnapshot.createdAt, i18n.language),
            content,
          })}
        </p>
        <a className="button button-primary" href="#/backups">
          {t('backup.emptyWithSnapshotsAction')}
        </a>
      </div>
    );
  }

  if (platform.kind !== 'browser' || snoozed || !workshops || workshops.length === 0) return null;
  const oldestWork = Math.min(...workshops.map((w) => w.createdAt));
  const due = reminderDue(now, lastBackupAt(), oldestWork);
  if (!due) return null;

  async function backUpNow() {
    const { saveBackupFile } = await loadBackupActions();
    const outcome = await saveBackupFile();
    const store = useAppStore.getState();
    if (outcome.status === 'saved') {
      store.showToast({ tone: 'info', message: t('backup.exported', { file: outcome.fileName }) });
      setSnoozed(true);
    } else if (outcome.status === 'failed')
      store.showToast({ tone: 'error', message: t('backup.exportFailed') });
  }

  return (
    <div className="backup-reminder" role="status">
      <p>{due.days === null ? t('backup.reminderNever') : t('backup.reminder', { count: due.days })}</p>
      <button type="button" className="button button-primary" onClick={() => void backUpNow()}>
        {t('backup.reminderAction')}
      </button>
      <button
        type="button"
        className="button"
        onClick={() => {
          snoozeReminder(Date.now());
          setSnoozed(true);
        }}
      >
        {t('backup.reminderLater')}
      </button>
    </div>
  );
}
