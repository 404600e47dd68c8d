// The XSS corpus through import: a backup file whose workshop, board and column
// titles, cards, participants, agenda, decisions and action items carry every
// payload. Importing it and looking at each screen must run nothing and show
// every payload verbatim.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import type { Board, BoardContent, Column } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  serializeBackup,
  tablesChecksum,
  type BackupDocument,
} from '../../renderer/src/persistence/backup/format';
import { CURRENT_SCHEMA_VERSION } from '../../renderer/src/persistence/schema';
import { XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { launchSession, readBoard, type Session } from './helpers';
import { installInjectionGuard, readInjections } from './injectionGuard';

let session: Session;
let page: Page;
const TITLE = 'Import-Probe <img src=x onerror="window.__xss=1">';

/** A valid backup of one workshop whose every text field holds payloads. */
async function writePayloadBackup(): Promise<string> {
  const created = createWorkshop({
    fields: {
      ...EMPTY_WORKSHOP_FIELDS,
      title: TITLE,
      place: XSS_PAYLOADS[0]!,
      organisation: XSS_PAYLOADS[1]!,
    },
    template: {
      boards: [
        { title: '<svg/onload=window.__xss=2>', phase: 'vision', columns: ['<b onmouseover=alert(1)>A</b>'] },
      ],
      agenda: [
        { title: '<script>window.__xss=3</script>', minutes: 10, boardIndex: 0, notes: XSS_PAYLOADS[2]! },
      ],
    },
    sessionTitle: '<iframe src="javascript:window.__xss=4">',
    now: 1,
  });
  const changes: Change[] = [...created.changes];
  const board = changes.find((c) => c.table === 'boards')!.after as Board;
  const column = changes.find((c) => c.table === 'columns')!.after as Column;
  let content: BoardContent = { board, columns: [column], rows: [], clusters: [], notes: [] };
  for (const payload of XSS_PAYLOADS) {
    const added = addNote(content, { columnId: column.id, text: payload, now: 2 });
    changes.push(...added.changes);
    content = { ...content, notes: [...content.notes, added.note] };
  }
  const tables: Record<string, Array<Record<string, unknown>>> = {};
  for (const change of changes) (tables[change.table] ??= []).push(change.after as never);
  const document: BackupDocument = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: '0.1.0',
    schemaVersion: CURRENT_SCHEMA_VERSION,
    exportedAt: new Date(0).toISOString(),
    scope: 'workshop',
    checksum: await tablesChecksum(tables),
    tables,
  };
  const file = join(mkdtempSync(join(tmpdir(), 'moderato-xss-')), 'xss.moderato.json');
  writeFileSync(file, serializeBackup(document));
  return file;
}

async function expectInert(where: string): Promise<void> {
  const state = await readInjections(page);
  expect(state.xss, `a payload ran (${where})`).toBeUndefined();
  expect(state.injected, `markup got into the page (${where})`).toEqual([]);
}

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  await installInjectionGuard(session.context);
  await page.reload();
});
afterEach(async () => {
  await expectInert('after the test');
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
});

describe('XSS corpus through import', () => {
  it(`imports a backup carrying all ${XSS_PAYLOADS.length} payloads and shows each verbatim, running nothing`, async () => {
    const file = await writePayloadBackup();
    await page.getByRole('link', { name: 'Sicherungen', exact: true }).click();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Sicherung importieren …', exact: true }).click(),
    ]);
    await chooser.setFiles(file);
    const dialog = page.getByRole('dialog', { name: 'Sicherung importieren' });
    await dialog.getByRole('button', { name: 'Importieren', exact: true }).click();
    await page.locator('.toast', { hasText: 'Sicherung importiert' }).waitFor();
    await expectInert('the import');

    await page.getByRole('link', { name: 'Moderato' }).click();
    await page.getByRole('link', { name: TITLE, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
    await expectInert('the overview');

    const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    await nav.getByRole('link', { name: '<svg/onload=window.__xss=2>' }).click();
    await page.locator('ol.columns').waitFor();
    const [shown] = await readBoard(page);
    expect(shown!.title).toBe('<b onmouseover=alert(1)>A</b>');
    expect(shown!.notes).toEqual([...XSS_PAYLOADS]);
    await expectInert('the board');

    await nav.getByRole('link', { name: 'Tagesordnung' }).click();
    await page.getByRole('heading', { level: 3, name: '<iframe src="javascript:window.__xss=4">' }).waitFor();
    await expect
      .poll(() => page.locator('.agenda-title strong').allTextContents())
      .toEqual(['<script>window.__xss=3</script>']);
    await expectInert('the agenda');
  });
});
