import { useTranslation } from 'react-i18next';
import type { SnapshotInfo } from '../../platform';
import { formatDateTime } from '../../i18n';
import { formatMegabytes } from '../../persistence/backup/messages';

export function describeSnapshotContent(
  snapshot: SnapshotInfo,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (!snapshot.summary) return t('backup.contentUnknown');
  const { workshops, titles } = snapshot.summary;
  const shown = titles.slice(0, 3).join(', ') + (workshops > 3 ? ' …' : '');
  return t('backup.content', { count: workshops, titles: shown });
}

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  if (bytes < 1024 ** 3) return formatMegabytes(bytes);
  return `${(bytes / 1024 ** 3).toLocaleString('de-DE', { maximumFractionDigits: 1 })} GB`;
}

/** Date, reason, size and content of each snapshot, newest first, each with "Wiederherstellen". */
export function SnapshotTable({
  snapshots,
  onRestore,
}: {
  snapshots: SnapshotInfo[];
  onRestore: (snapshot: SnapshotInfo) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="table-scroll">
      <table className="backup-table">
        <caption className="visually-hidden">{t('backup.snapshotsTable')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('backup.colDate')}</th>
            <th scope="col">{t('backup.colReason')}</th>
            <th scope="col">{t('backup.colSize')}</th>
            <th scope="col">{t('backup.colContent')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('backup.colAction')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {snapshots.map((snapshot) => {
            const when = formatDateTime(snapshot.createdAt, i18n.language);
            return (
              <tr key={snapshot.id}>
                <td>{when}</td>
                <td>{t(`backup.reasons.${snapshot.reason}`)}</td>
                <td>{formatSize(snapshot.bytes)}</td>
                <td>{describeSnapshotContent(snapshot, t)}</td>
                <td>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={t('backup.restoreNamed', { when })}
                    onClick={() => onRestore(snapshot)}
                  >
                    {t('backup.restore')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
