/**
 * `npm run minutes -- <backup.moderato.json> <out.pdf>`: the minutes of a
 * backup's workshop as PDF, made by exactly the app's model and renderer.
 * Exit code 0 when written, 1 when the file is refused, 2 on wrong usage.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  // A path, not `new URL(…, import.meta.url)`: under Vite (vitest, a benchmark) that becomes an asset URL.
  const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets', 'canvases');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const templates = await Promise.all(
    names.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')) as unknown),
  );
  return templates.filter((t): t is CanvasTemplate => validateCanvasTemplate(t).length === 0);
}

/** The rows of one workshop from a backup's tables (as `readBackupFile` returns them). */
export function workshopTreeOf(tables: Record<string, unknown[]>, workshopId: string): WorkshopTree {
  const boardIds = new Set(
    ((tables.boards ?? []) as Array<{ id: string; workshopId: string }>)
      .filter((b) => b.workshopId === workshopId)
      .map((b) => b.id),
  );
  const of = <T>(name: string): T[] =>
    ((tables[name] ?? []) as Array<T & { workshopId?: string; boardId?: string }>).filter(
      (row) => row.workshopId === workshopId || (row.boardId !== undefined && boardIds.has(row.boardId)),
    );
  return {
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
    writingRounds: of('writingRounds'),
    inboxNotes: of('inboxNotes'),
  };
}

let fontsOnce: Promise<MinutesFonts> | null = null;
let templatesOnce: Promise<CanvasTemplate[]> | null = null;

/**
 * The minutes PDF of a workshop held in memory, made exactly as the app makes
 * it (model, renderer, fonts, canvas labels). Fonts and templates are read
 * once per process, so a benchmark times the model and the drawing.
 */
export async function minutesPdfOf(
  workshop: Workshop,
  tree: WorkshopTree,
  options: { now?: number; status?: MinutesStatus; language?: 'de' | 'en' } = {},
): Promise<ArrayBuffer> {
  const language = options.language ?? 'de';
  fontsOnce ??= loadFonts();
  templatesOnce ??= loadCanvasTemplates();
  const [fonts, canvasTemplates] = await Promise.all([fontsOnce, templatesOnce]);
  const model = buildMinutes(workshop, tree, {
    now: options.now ?? Date.now(),
    status: options.status ?? workshop.minutesStatus ?? 'draft',
    canvasTemplates,
  });
  return renderMinutesPdf(model, fonts, createTranslator(language), language);
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
  const tree = workshopTreeOf(tables, workshop.id);
  const status: MinutesStatus = flags.includes('--approved')
    ? 'approved'
    : (workshop.minutesStatus ?? 'draft');
  const started = performance.now();
  const pdf = await minutesPdfOf(workshop, tree, { now, status });
  await writeFile(output, new Uint8Array(pdf));
  const ms = Math.round(performance.now() - started);
  print(
    `${output}: Protokoll von „${workshop.title}“ geschrieben (${Math.round(pdf.byteLength / 1024)} KB, ${ms} ms).`,
  );
  return 0;
}
