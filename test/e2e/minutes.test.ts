// The minutes of the demo workshop as PDF: saved as a download, read back with
// poppler-utils — every note, name, decision and task, in embedded fonts.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, expectDemoMinutes, launchSession, readPdf, type Session } from './helpers';

let session: Session;
let page: Page;
let dir = '';

beforeAll(async () => {
  session = await launchSession();
  page = session.page;
  dir = await mkdtemp(join(tmpdir(), 'moderato-minutes-'));
});
afterEach(async () => {
  await session.expectClean();
});
afterAll(async () => {
  await session?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('minutes (Protokoll)', () => {
  it('saves the demo workshop as a PDF with every note, the names spelled right and embedded fonts', async () => {
    await page.getByRole('button', { name: 'Demo-Workshop öffnen' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)' })
      .waitFor();
    await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    await expectAccessible(page, 'the minutes dialog');
    await mkdir('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/minutes-dialog.png' });
    // Every button lies inside the dialog (a row that overflows to the left does not scroll).
    const box = (await dialog.boundingBox())!;
    for (const button of await dialog.getByRole('button').all()) {
      const { x, width } = (await button.boundingBox())!;
      expect(x).toBeGreaterThanOrEqual(box.x);
      expect(x + width).toBeLessThanOrEqual(box.x + box.width);
    }
    await dialog.getByRole('radio', { name: 'abgestimmt' }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Protokoll als PDF speichern' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2027-03-24_KI-Strategie-für-die-Verwaltung_Protokoll.pdf');
    const file = join(dir, 'protokoll.pdf');
    await copyFile((await download.path())!, file);
    const report = readPdf(file);
    expectDemoMinutes(report);
    expect(report.text).toContain('abgestimmt');
    expect(report.text).not.toContain('Entwurf');
    await page.getByText(/Protokoll gespeichert/).waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves the same minutes as Markdown, without the phases left out', async () => {
    await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    await dialog.getByRole('checkbox', { name: 'Projektideen' }).uncheck();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Protokoll als Markdown speichern' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2027-03-24_KI-Strategie-für-die-Verwaltung_Protokoll.md');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('# Ergebnisprotokoll: KI-Strategie für die Verwaltung');
    expect(text).toContain('| Zoë Martens |');
    expect(text).toContain('## Aufgaben');
    expect(text).toContain('## Ergebnisse: Vision');
    expect(text).toContain('Im Jahr 2030 **entlastet KI die Beschäftigten');
    expect(text).toContain(
      '| Bereich | Analog | Digitalisiert | Medienbruchfrei | Datengetrieben | KI-unterstützt |',
    );
    expect(text).toContain('#### Handlungsschwerpunkt: Schnellere Fallbearbeitung');
    expect(text).toContain('## Nachvollziehbarkeit');
    // Without the ideas phase, neither the canvases nor the ideas in the trace are printed.
    expect(text).not.toContain('Ergebnisse: Projektideen');
    expect(text).not.toContain('Intelligenter Posteingang für Bürgeranfragen');
    expect(text).toContain('- **Status:** Entwurf');
  });
});
