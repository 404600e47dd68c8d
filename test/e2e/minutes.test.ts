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
    // Every button lies inside the dialog (a row that overflows to the left does not scroll).
    const box = (await dialog.boundingBox())!;
    for (const button of await dialog.getByRole('button').all()) {
      const { x, width } = (await button.boundingBox())!;
      expect(x).toBeGreaterThanOrEqual(box.x);
      expect(x + width).toBeLessThanOrEqual(box.x + box.width);
    }
    // The preview shows the first pages before anything is saved.
    const preview = dialog.getByRole('region', { name: 'Vorschau der ersten Seiten' });
    await preview.getByText('Inhalt', { exact: true }).waitFor();
    await preview.getByText('Abstimmung: Punktabfrage zu den Handlungsschwerpunkten').first().waitFor();
    await expectAccessible(page, 'the minutes dialog with its preview');
    await mkdir('test-results/screens', { recursive: true });
    await page.screenshot({ path: 'test-results/screens/minutes-dialog.png' });
    await dialog.getByRole('radio', { name: 'abgestimmt' }).check();
    // Long tasks while the PDF is drawn: it runs in a worker (slices where none can run), so the window stays responsive.
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.longTasks.push(Math.round(entry.duration));
      }).observe({ type: 'longtask' });
    });
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      dialog.getByRole('button', { name: 'Protokoll als PDF speichern' }).click(),
    ]);
    const { longTasks, measures } = await page.evaluate(() => ({
      longTasks: (window as unknown as { longTasks: number[] }).longTasks,
      measures: performance
        .getEntriesByType('measure')
        .filter((m) => m.name.startsWith('moderato:minutes'))
        .map((m) => `${m.name.replace('moderato:', '')} ${Math.round(m.duration)}`),
    }));
    // Figures, not a timed assertion (see ARCHITECTURE.md, bench/): printed for the record.
    console.info(
      `minutes PDF of the demo: ${Date.now() - started} ms until the download; long tasks (ms): ${longTasks.join(', ') || 'none'}; ${measures.join(', ')} ms`,
    );
    expect(download.suggestedFilename()).toBe('2027-03-24_KI-Strategie-für-die-Verwaltung_Protokoll.pdf');
    const file = join(dir, 'protokoll.pdf');
    await copyFile((await download.path())!, file);
    const report = readPdf(file);
    expectDemoMinutes(report);
    expect(report.text).toContain('abgestimmt');
    expect(report.text).not.toContain('Entwurf');
    // The closed dot vote of the demo, in its phase: title, turnout and the ranking with its ties.
    const flat = report.text.replace(/\s+/g, ' ');
    expect(flat).toContain('Abstimmung: Punktabfrage zu den Handlungsschwerpunkten');
    expect(flat).toContain('Beteiligung 6 von 7 Stimmberechtigten (86 %)');
    expect(flat).toContain('1. (gleichauf) Entlastung der Beschäftigten 6 4');
    expect(flat).toContain('3. Schnellere Fallbearbeitung 4 2');
    expect(flat).toContain('Ergebnis als Balkendiagramm');
    await page.getByText(/Protokoll gespeichert/).waitFor();
    await dialog.waitFor({ state: 'detached' });
  });

  it('saves the same minutes as Markdown, without the phases left out, with the excused named apart', async () => {
    // Łukasz sent apologies: marked by keyboard in the participant table.
    const nav = page.getByRole('navigation', { name: 'Bereiche des Workshops' });
    await nav.getByRole('link', { name: 'Teilnehmende', exact: true }).click();
    const attendance = page.getByRole('combobox', { name: 'Anwesenheit von Łukasz Wróbel' });
    await attendance.focus();
    await attendance.selectOption({ label: 'entschuldigt' });
    await page.getByText(/1 entschuldigt, 0 abwesend/).waitFor();
    await expectAccessible(page, 'the participants with their attendance');
    await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    // The status chosen for the PDF was kept with the workshop.
    expect(await dialog.getByRole('radio', { name: 'abgestimmt' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Entwurf' }).check();
    await dialog.getByRole('checkbox', { name: 'Projektideen' }).uncheck();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Protokoll als Markdown speichern' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2027-03-24_KI-Strategie-für-die-Verwaltung_Protokoll.md');
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('# Ergebnisprotokoll: KI-Strategie für die Verwaltung');
    expect(text).toContain('| Zoë Martens |');
    expect(text).toContain('Entschuldigt: Łukasz Wróbel');
    expect(text).not.toContain('| Łukasz Wróbel |');
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

  it('exports the cards, votes and tasks as CSV for a spreadsheet', async () => {
    await page.getByRole('button', { name: 'Protokoll', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Protokoll speichern' });
    const files: Record<string, string> = {};
    for (const name of ['Karten als CSV', 'Abstimmungen als CSV', 'Aufgaben als CSV']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name }).click(),
      ]);
      files[download.suggestedFilename()] = await readFile((await download.path())!, 'utf8');
    }
    expect(Object.keys(files)).toEqual([
      '2027-03-24_KI-Strategie-für-die-Verwaltung_Karten.csv',
      '2027-03-24_KI-Strategie-für-die-Verwaltung_Abstimmungen.csv',
      '2027-03-24_KI-Strategie-für-die-Verwaltung_Aufgaben.csv',
    ]);
    const [cards, votes, tasks] = Object.values(files) as [string, string, string];
    expect(cards.startsWith('\uFEFFBoard;Phase;Spalte / Zeile / Cluster;Text;')).toBe(true);
    expect(cards).toContain('\r\n');
    expect(cards).toContain('Bauen und Genehmigungen / Analog');
    expect(votes).toContain('Punktabfrage zu den Handlungsschwerpunkten');
    // An anonymous round: result rows only, never a ballot.
    const voteRows = votes.split('\r\n').slice(1).filter(Boolean);
    expect(voteRows).toHaveLength(5);
    expect(voteRows.every((row) => row.includes(';Ergebnis;'))).toBe(true);
    expect(tasks.split('\r\n')[0]).toBe('\uFEFFWer;Was;Bis wann;Status');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
  });
});
