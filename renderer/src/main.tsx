import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { App } from './features/app/App';
import { parseRoute } from './features/app/router';
import { StartupFailure } from './features/app/StartupFailure';
import { requestPersistentStorage, snapshotIfUpgradePending } from './features/backup/backupClient';
import { listenForSnapshotRequests } from './features/backup/snapshotScheduler';
import { applyTheme, storedTheme } from './features/settings/theme';
import { initI18n, loadLanguage } from './i18n';
import { getDb, openDatabase } from './persistence/db';
import { getPlatform } from './platform';
import './styles/app.css';

applyTheme(storedTheme());
const i18n = initI18n();
getPlatform().setLanguage(i18n.language === 'en' ? 'en' : 'de');

const root = createRoot(document.getElementById('root')!);

const language = i18n.language === 'en' ? 'en' : 'de';
// The workshop list in German needs only the texts of the start bundle; every other
// first screen (and English) waits for all its texts.
const listFirst = language === 'de' && parseRoute(window.location.hash).name === 'workshops';

async function openData(): Promise<void> {
  // Without the English texts the app still starts, in German.
  if (!listFirst) await loadLanguage(language).catch(() => undefined);
  // A snapshot before an upgrade must never keep the app from starting.
  await snapshotIfUpgradePending().catch((error: unknown) =>
    console.warn('Snapshot before upgrade failed', error),
  );
  await openDatabase(getDb());
}

// Open the database before showing anything, so a database that cannot be
// opened is reported instead of looking like an empty app.
openData().then(
  () => {
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    );
    // The other screens' texts, once the list is painted.
    if (listFirst)
      requestAnimationFrame(() => setTimeout(() => void loadLanguage(language).catch(() => undefined)));
    void requestPersistentStorage();
    // Only the main window answers main's request for a last snapshot, not the projector.
    if (parseRoute(window.location.hash).name !== 'projector') void listenForSnapshotRequests();
  },
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
