/**
 * `npm run minutes -- <backup.moderato.json> <out.pdf>`: the minutes of a
 * backup's workshop as PDF, made by exactly the app's model and renderer.
 * Exit code 0 when written, 1 when the file is refused, 2 on wrong usage.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { validateCanvasTemplate, type CanvasTemplate } from '../renderer/src/domain/canvas';
import { buildMinutes, type MinutesStatus } from '../renderer/src/domain/minutes';
import type { WorkshopTree } from '../renderer/src/domain/purge';
import type { Workshop } from '../renderer/src/domain/types';
import { renderMinutesPdf, type MinutesFonts } from '../renderer/src/features/minutes/minutesPdf';
import { createTranslator } from '../renderer/src/i18n/translator';
import { describeBackupProblem } from '../renderer/src/persistence/backup/messages';
import { readBackupFile } from './backupCheck';

const USAGE =
  'Aufruf: npm run minutes -- <Sicherung.moderato.json> <Protokoll.pdf> [--approved] [--workshop=<Titel oder Id>]';

export async function loadFonts(): Promise<MinutesFonts> {
  const require = createRequire(import.meta.url);
  const base = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
  const [regular, bold] = await Promise.all([
    readFile(`${base}DejaVuSans.ttf`),
    readFile(`${base}DejaVuSans-Bold.ttf`),
  ]);
  return { regular: regular.toString('base64'), bold: bold.toString('base64') };
}

/**
 * The canvas templates (assets/canvases/*.json) for the labels of project-idea
 * fields. Without the folder the minutes print the field keys.
 */
export async function loadCanvasTemplates(): Promise<CanvasTemplate[]> {
  const folder = new URL('../assets/canvases/', import.meta.url);
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const templates = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(new URL(name, folder), 'utf8')) as unknown),
  );
  return templates.filter((t): t is CanvasTemplate => validateCanvasTemplate(t).length === 0);
}

export async function runMinutes(
  args: readonly string[],
  print: (line: string) => void,
  now = Date.now(),
): Promise<number> {
  const t = createTranslator('de');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const flags = args.filter((arg) => arg.startsWith('--'));
  const known = flags.every((f) => f === '--approved' || f.startsWith('--workshop='));
  const [input, output] = files;
  if (!input || !output || files.length !== 2 || !known) {
    print(USAGE);
    return 2;
  }
  let result;
  try {
    result = await readBackupFile(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    print(
      code === 'ENOENT'
        ? `Die Datei „${input}“ gibt es nicht.`
        : `Die Datei „${input}“ kann nicht gelesen werden.`,
    );
    return 1;
  }
  if (!result.ok) {
    print(`${input}: ${describeBackupProblem(result.problem, t)}`);
    return 1;
  }
  const tables = result.backup.tables;
  const wanted = flags.find((f) => f.startsWith('--workshop='))?.slice('--workshop='.length);
  const workshops = (tables.workshops ?? []) as unknown as Workshop[];
  const live = workshops.filter((w) => w.deletedAt === null);
  const workshop = wanted ? workshops.find((w) => w.id === wanted || w.title === wanted) : live[0];
  if (!workshop || (!wanted && live.length > 1)) {
    print(
      workshop || live.length > 1
        ? `Die Sicherung enthält mehrere Workshops; wählen Sie einen mit --workshop=<Titel>: ${live.map((w) => `„${w.title}“`).join(', ')}`
        : 'Die Sicherung enthält keinen solchen Workshop.',
    );
    return 1;
  }
  const of = <T>(name: string): T[] =>
    ((tables[name] ?? []) as unknown as Array<T & { workshopId?: string; boardId?: string }>).filter(
      (row) => row.workshopId === workshop.id || (row.boardId !== undefined && boardIds.has(row.boardId)),
    );
  const boardIds = new Set(
    ((tables.boards ?? []) as unknown as Array<{ id: string; workshopId: string }>)
      .filter((b) => b.workshopId === workshop.id)
      .map((b) => b.id),
  );
  const tree: WorkshopTree = {
    boards: of('boards'),
    columns: of('columns'),
    notes: of('notes'),
    participants: of('participants'),
    sessions: of('sessions'),
    agendaItems: of('agendaItems'),
    decisions: of('decisions'),
    actionItems: of('actionItems'),
    matrixRows: of('matrixRows'),
    clusters: of('clusters'),
    ideas: of('ideas'),
    visions: of('visions'),
    votingRounds: of('votingRounds'),
    ballots: of('ballots'),
  };
  const status: MinutesStatus = flags.includes('--approved') ? 'approved' : 'draft';
  const started = performance.now();
  const model = buildMinutes(workshop, tree, { now, status, canvasTemplates: await loadCanvasTemplates() });
  const pdf = renderMinutesPdf(model, await loadFonts(), t, 'de');
  await writeFile(output, new Uint8Array(pdf));
  const ms = Math.round(performance.now() - started);
  print(
    `${output}: Protokoll von „${workshop.title}“ geschrieben (${Math.round(pdf.byteLength / 1024)} KB, ${ms} ms).`,
  );
  return 0;
}
