// First, so its question to the browser is on its way while everything else evaluates.
import { installedVersionAtStart } from './persistence/startProbe';
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
import { CURRENT_SCHEMA_VERSION } from './persistence/schema';
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

async function openDatabaseSafely(): Promise<void> {
  const installed = await installedVersionAtStart;
  // Only a pending upgrade (or a browser that did not answer) needs the snapshot check.
  if (installed === 'unknown' || (installed !== null && installed < CURRENT_SCHEMA_VERSION)) {
    // A snapshot before an upgrade must never keep the app from starting.
    await snapshotIfUpgradePending().catch((error: unknown) =>
      console.warn('Snapshot before upgrade failed', error),
    );
  }
  await openDatabase(getDb());
}

async function openData(): Promise<void> {
  // Both at once; a failure is shown once the texts are there too.
  const [, opened] = await Promise.allSettled([
    // Without the English texts the app still starts, in German.
    listFirst ? undefined : loadLanguage(language),
    openDatabaseSafely(),
  ]);
  if (opened.status === 'rejected') throw opened.reason;
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
    // Once the first screen is painted: the other screens' texts, and the request
    // to keep the data (neither is needed to show the first screen).
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (listFirst) void loadLanguage(language).catch(() => undefined);
        void requestPersistentStorage();
      }),
    );
    // Only the main window answers main's request for a last snapshot, not the projector.
    if (parseRoute(window.location.hash).name !== 'projector') void listenForSnapshotRequests();
  },
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
