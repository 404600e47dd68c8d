import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { formatDateTime } from '../../i18n';
import type { ValidBackup } from '../../persistence/backup/validate';
import type { ImportMode } from '../../persistence/backup/importBackup';
import { existingWorkshops } from './backupActions';

interface ImportDialogProps {
  fileName: string;
  backup: ValidBackup;
  onImport: (mode: ImportMode) => void;
  onCancel: () => void;
}

/**
 * Shows what a checked file holds and asks how to import it. Replacing a
 * workshop that exists here takes a second, explicit confirmation.
 */
export function ImportDialog({ fileName, backup, onImport, onCancel }: ImportDialogProps) {
  const { t, i18n } = useTranslation();
  const [existing, setExisting] = useState<Array<{ id: string; title: string }> | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const { summary } = backup;

  useEffect(() => {
    let live = true;
    void existingWorkshops(backup).then((found) => live && setExisting(found));
    return () => {
      live = false;
    };
  }, [backup]);

  if (confirmReplace && existing) {
    const titles = existing.map((w) => t('common.quoted', { text: w.title })).join(', ');
    return (
      <ConfirmDialog
        title={t('backup.replaceTitle')}
        message={t('backup.replaceConfirm', {
          count: existing.length,
          titles: existing.length === 1 ? existing[0]!.title : titles,
        })}
        confirmLabel={t('backup.replaceButton')}
        danger
        onCancel={() => setConfirmReplace(false)}
        onConfirm={() => onImport('replace')}
      />
    );
  }

  return (
    <Dialog
      title={t('backup.importDialogTitle')}
      description={t('backup.importSummary', {
        file: fileName,
        count: summary.workshops.length,
        rows: summary.rows,
      })}
      onClose={onCancel}
    >
      <p className="field-hint">
        {backup.exportedAt
          ? t('backup.importFrom', {
              when: formatDateTime(Date.parse(backup.exportedAt), i18n.language),
              version: backup.appVersion ?? '?',
            })
          : t('backup.importFromOld')}
      </p>
      <h3 className="backup-subheading">{t('backup.importWorkshops')}</h3>
      <ul className="backup-titles">
        {summary.workshops.map((w) => (
          <li key={w.id}>
            {w.title} {w.binned && <span className="field-hint">{t('backup.binnedSuffix')}</span>}
          </li>
        ))}
      </ul>
      {existing && existing.length > 0 && (
        <>
          <p>{t('backup.importExisting')}</p>
          <ul className="backup-titles">
            {existing.map((w) => (
              <li key={w.id}>{w.title}</li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {t('common.cancel')}
        </button>
        {existing && existing.length > 0 ? (
          <>
            <button type="button" className="button" onClick={() => onImport('new')}>
              {t('backup.importAsCopy')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setConfirmReplace(true)}>
              {t('backup.importReplace')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={existing === null}
            onClick={() => onImport('replace')}
          >
            {t('backup.importConfirm')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
