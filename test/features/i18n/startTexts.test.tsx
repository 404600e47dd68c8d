// The first screens, in German, with only the start texts loaded (as the start bundle
// has them until the rest of German arrives; see startTexts.ts): no text may be missing.
// A missing one would show its key on the screen.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBoundary } from '../../../renderer/src/components/ErrorBoundary';
import {
  binWorkshop,
  createWorkshop,
  EMPTY_WORKSHOP_FIELDS,
} from '../../../renderer/src/domain/workshopCommands';
import { App } from '../../../renderer/src/features/app/App';
import { StartupFailure } from '../../../renderer/src/features/app/StartupFailure';
import { watchUncaughtFailures } from '../../../renderer/src/features/app/uncaughtFailures';
import { templateFor } from '../../../renderer/src/features/workshops/templates';
import de from '../../../renderer/src/i18n/locales/de.json';
import { pickTexts } from '../../../renderer/src/i18n/startTexts';
import { getDb } from '../../../renderer/src/persistence/db';
import { applyChanges } from '../../../renderer/src/persistence/repository';

const missing: string[] = [];
const DAY = 24 * 60 * 60 * 1000;

beforeAll(() => {
  i18next.removeResourceBundle('de', 'translation');
  i18next.addResourceBundle('de', 'translation', pickTexts(de, true));
  i18next.options.saveMissing = true;
  i18next.options.missingKeyHandler = (_languages, _namespace, key) => void missing.push(key);
});

afterAll(() => {
  i18next.options.saveMissing = false;
  i18next.options.missingKeyHandler = false;
  i18next.addResourceBundle('de', 'translation', de, true, true);
});

beforeEach(async () => {
  missing.length = 0;
  window.location.hash = '#/';
  await getDb().delete();
  await getDb().open();
});

afterEach(() => {
  expect([...new Set(missing)], 'texts missing from the start texts').toEqual([]);
});

/** A workshop made from the default template, `daysAgo` days ago; binned if asked. */
async function seedWorkshop(title: string, daysAgo: number, binned = false) {
  const now = Date.now() - daysAgo * DAY;
  const created = createWorkshop({
    fields: { ...EMPTY_WORKSHOP_FIELDS, title, date: '2027-03-24', place: 'Rathaus' },
    template: templateFor('ki-strategie', 'de'),
    sessionTitle: 'Sitzung 1',
    now,
  });
  await applyChanges(getDb(), created.changes);
  if (binned) await applyChanges(getDb(), binWorkshop(created.workshop, now + 1));
}

describe('the first screens with only the start texts', () => {
  it('notices a text that is not a start text (the check works)', () => {
    expect(i18next.t('backup.intro')).toBe('backup.intro');
    expect(missing).toEqual(['backup.intro']);
    missing.length = 0;
  });

  it('the workshop list: workshops, the backup reminder, the Papierkorb, the header', async () => {
    await seedWorkshop('KI-Strategie Auftakt', 30);
    await seedWorkshop('Alter Workshop', 40, true);
    render(<App />);
    await screen.findByRole('link', { name: 'KI-Strategie Auftakt' });
    await screen.findByRole('region', { name: 'Papierkorb' });
    // Never backed up, work older than a week: the reminder shows.
    expect(screen.getByText('Sie haben Ihre Workshops noch nie als Datei gesichert.')).toBeTruthy();
  });

  it('the workshop list’s dialogs: new workshop, delete, help', async () => {
    const user = userEvent.setup();
    await seedWorkshop('KI-Strategie Auftakt', 0);
    render(<App />);
    await screen.findByRole('link', { name: 'KI-Strategie Auftakt' });

    await user.click(screen.getByRole('button', { name: 'Neuer Workshop' }));
    const create = screen.getByRole('dialog', { name: 'Neuen Workshop anlegen' });
    // Refused: the message of an empty title.
    await user.click(within(create).getByRole('button', { name: 'Workshop anlegen' }));
    await within(create).findByText('Bitte geben Sie einen Text für „Titel“ ein.');
    await user.click(within(create).getByRole('button', { name: 'Abbrechen' }));

    await user.click(screen.getByRole('button', { name: 'Workshop „KI-Strategie Auftakt“ löschen' }));
    const bin = screen.getByRole('dialog', { name: 'Workshop löschen?' });
    await user.click(within(bin).getByRole('button', { name: 'Abbrechen' }));

    await user.click(screen.getByRole('button', { name: 'Hilfe' }));
    await screen.findByRole('dialog', { name: 'Tastaturkürzel' });
  });

  it('the empty list, and a failure no code caught', async () => {
    const stop = watchUncaughtFailures(window);
    render(<App />);
    await screen.findByText(/Noch keine Workshops/);
    act(
      () =>
        void window.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: new Error('x') })),
    );
    await screen.findByRole('alert');
    stop();
  });

  it('the start failures, with the recovery offered', async () => {
    for (const name of ['VersionError', 'BlockedError', 'UnknownError']) {
      const error = Object.assign(new Error('kaputt'), { name });
      const { unmount } = render(<StartupFailure error={error} />);
      await screen.findByRole('heading', { level: 2 });
      unmount();
    }
  });

  it('the crash screen', async () => {
    const Broken = () => {
      throw new Error('kaputt');
    };
    const quiet = console.error;
    console.error = () => undefined;
    try {
      render(
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>,
      );
      await waitFor(() => expect(screen.getByRole('alert').querySelector('h1')).toBeTruthy());
    } finally {
      console.error = quiet;
    }
  });
});
