// First, so its question to the browser is on its way while everything else evaluates.
import { installedVersionAtStart } from './persistence/startProbe';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { App } from './features/app/App';
import { FirstPaint } from './features/app/FirstPaint';
import { parseRoute } from './features/app/router';
import { chunkFor, workshopScreen } from './features/app/screens';
import { StartupFailure } from './features/app/StartupFailure';
import { watchUncaughtFailures } from './features/app/uncaughtFailures';
import { clearPresentedRound } from './features/projector/presentation';
import { keptTyping, writeKeptTyping } from './features/app/typedKeeper';
import { requestPersistentStorage, snapshotIfUpgradePending } from './features/backup/backupClient';
import { listenForSnapshotRequests } from './features/backup/snapshotScheduler';
import { applyTheme, storedTheme } from './features/settings/theme';
import { initI18n, loadLanguage } from './i18n';
import { getDb, openDatabase } from './persistence/db';
import { prefetchRoute } from './persistence/hooks';
import { CURRENT_SCHEMA_VERSION } from './persistence/schema';
import { getPlatform } from './platform';
import './styles/app.css';

applyTheme(storedTheme());
const i18n = initI18n();
getPlatform().setLanguage(i18n.language === 'en' ? 'en' : 'de');

const root = createRoot(document.getElementById('root')!);
if (parseRoute(window.location.hash).name !== 'projector') {
  // The facilitator's window starts with no voting result on the projector.
  clearPresentedRound();
  // A failure no code caught is said in a toast, not lost without a word; not on the projector,
  // where an error toast would stay in front of the audience with no one there to close it.
  watchUncaughtFailures();
}

const language = i18n.language === 'en' ? 'en' : 'de';
// The workshop list in German needs only the texts of the start bundle; every other
// first screen (and English) waits for all its texts.
const startRoute = parseRoute(window.location.hash);
const listFirst = language === 'de' && startRoute.name === 'workshops';
// The start screen's chunk loads while the database opens, not after the first render.
const startChunk = chunkFor(startRoute)?.preload();

/** Runs `work` when the page has had a second to settle and the main thread is idle. */
function whenIdle(work: () => void): void {
  setTimeout(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 2_000 });
    else work();
  }, 1_000);
}

async function openDatabaseSafely(): Promise<void> {
  const installed = await installedVersionAtStart;
  // Only a pending upgrade (or a browser that did not answer) needs the snapshot check.
  if (installed === 'unknown' || (installed !== null && installed < CURRENT_SCHEMA_VERSION)) {
    // A snapshot before an upgrade must never keep the app from starting.
    await snapshotIfUpgradePending().catch((error: unknown) =>
      console.warn('Snapshot before upgrade failed', error),
    );
  }
  await openDatabase(getDb(installed === 'unknown' ? undefined : installed));
  // Typing that a reload (or a crash) caught before its save: written before anything shows,
  // by the main window only (the projector's window only reads).
  if (startRoute.name !== 'projector' && keptTyping().length > 0)
    await writeKeptTyping(getDb()).catch((error: unknown) =>
      console.warn('Writing the typing kept before the reload failed', error),
    );
}

async function openData(): Promise<void> {
  // Both at once; a failure is shown once the texts are there too.
  const [, opened] = await Promise.allSettled([
    // Without the English texts the app still starts, in German.
    listFirst ? undefined : loadLanguage(language),
    // The first screen's rows are read while its code is still loading.
    openDatabaseSafely().then(() => prefetchRoute(startRoute)),
    // A chunk that failed to load is reported by the error boundary once rendered.
    startChunk,
  ]);
  if (opened.status === 'rejected') throw opened.reason;
}

/**
 * Once the first screen is painted: the other screens' texts, and the request
 * to keep the data (neither is needed to show the first screen).
 */
function afterFirstPaint(): void {
  if (listFirst) void loadLanguage(language).catch(() => undefined);
  void requestPersistentStorage();
  // Opening a workshop from the list then finds its screen loaded: fetched once the
  // list has settled, so its evaluation does not hold up the first clicks.
  if (startRoute.name === 'workshops') whenIdle(() => void workshopScreen.preload().catch(() => undefined));
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
        <FirstPaint then={afterFirstPaint} />
      </StrictMode>,
    );
    // Only the main window answers main's request for a last snapshot, not the projector.
    if (parseRoute(window.location.hash).name !== 'projector') void listenForSnapshotRequests();
  },
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
