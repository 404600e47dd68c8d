// Every workshop a template makes, in both languages, survives a backup round
// trip: the row schemas accept what the app itself writes.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveTemplate, type WorkshopTemplate } from '../../../renderer/src/domain/templates';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../../renderer/src/domain/workshopCommands';
import { exportBackupText } from '../../../renderer/src/persistence/backup/exportBackup';
import { readBackup } from '../../../renderer/src/persistence/backup/validate';
import { applyChanges } from '../../../renderer/src/persistence/repository';
import { freshDb } from '../dbHelpers';
import { utf8 } from './sample';

const DIR = new URL('../../../assets/templates/', import.meta.url);
const templates = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, DIR), 'utf8')) as WorkshopTemplate);

describe('workshops made from templates', () => {
  it.each(
    templates.flatMap((template) =>
      (['de', 'en'] as const).map((language) => [template.id, language, template] as const),
    ),
  )('%s (%s) is exported into a backup the import accepts', async (_id, language, template) => {
    const db = freshDb();
    const { changes } = createWorkshop({
      fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'Vorlage', facilitators: 'Jörg', minuteTaker: 'Ağrı' },
      template: resolveTemplate(template, language),
      sessionTitle: 'Sitzung 1',
      now: 1_790_000_000_000,
    });
    await applyChanges(db, changes);
    const backup = await readBackup(
      utf8(await exportBackupText(db, { appVersion: '0.1.0', now: new Date() })),
    );
    expect(backup.summary.rows).toBe(changes.length);
    await db.delete();
  });
});
