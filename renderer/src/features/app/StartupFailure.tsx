import { useTranslation } from 'react-i18next';
import { RecoveryPanel } from './RecoveryPanel';

/**
 * Shown when IndexedDB cannot be opened. Nothing is deleted; the user is told
 * what to do and offered a way back to work (see RecoveryPanel).
 */
export function StartupFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const name = error instanceof Error ? error.name : '';
  const reason =
    name === 'VersionError' || name === 'DatabaseTooNewError'
      ? t('startup.newerVersion')
      : name === 'DatabaseClosedError' || name === 'BlockedError'
        ? t('startup.blocked')
        : t('startup.unknown');
  return (
    <main className="crash" role="alert">
      <h1>{t('startup.title')}</h1>
      <p>{reason}</p>
      <p>{t('startup.nothingDeleted')}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t('crash.reload')}
      </button>
      <RecoveryPanel />
      <details>
        <summary>{t('crash.details')}</summary>
        <pre>{error instanceof Error ? `${error.name}: ${error.message}` : String(error)}</pre>
      </details>
    </main>
  );
}
