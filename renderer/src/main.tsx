import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './components/ErrorBoundary';
import { App } from './features/app/App';
import { StartupFailure } from './features/app/StartupFailure';
import { initI18n } from './i18n';
import { getDb, openDatabase } from './persistence/db';
import { getPlatform } from './platform';
import './styles/app.css';

const i18n = initI18n();
getPlatform().setLanguage(i18n.language === 'en' ? 'en' : 'de');

const root = createRoot(document.getElementById('root')!);

// Open the database before showing anything, so a database that cannot be
// opened is reported instead of looking like an empty app.
openDatabase(getDb()).then(
  () =>
    root.render(
      <StrictMode>
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </StrictMode>,
    ),
  (error: unknown) => root.render(<StartupFailure error={error} />),
);
