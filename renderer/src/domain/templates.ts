import { BOARD_KINDS, PHASES, type BoardKind, type Phase } from './types';

/** A text in both UI languages. */
export interface LocalizedText {
  de: string;
  en: string;
}

/**
 * A workshop template as shipped in assets/templates/*.json. Templates are
 * data: a new one needs no code.
 */
export interface WorkshopTemplate {
  id: string;
  order: number;
  name: LocalizedText;
  description: LocalizedText;
  boards: Array<{
    key: string;
    phase: Phase | null;
    /** Defaults to 'columns'. */
    kind?: BoardKind;
    title: LocalizedText;
    columns: LocalizedText[];
    /** Matrix boards: the row names. */
    rows?: LocalizedText[];
    /** Clusters boards: clusters to start with (e.g. the goals). */
    clusters?: LocalizedText[];
  }>;
  agenda: Array<{ title: LocalizedText; minutes: number; board: string | null; notes?: LocalizedText }>;
}

/** A template in one language, ready for createWorkshop. */
export interface ResolvedTemplate {
  boards: Array<{
    title: string;
    phase: Phase | null;
    /** Defaults to 'columns'. */
    kind?: BoardKind;
    columns: string[];
    rows?: string[];
    clusters?: string[];
  }>;
  agenda: Array<{ title: string; minutes: number; boardIndex: number | null; notes: string }>;
}

export function resolveTemplate(template: WorkshopTemplate, language: keyof LocalizedText): ResolvedTemplate {
  const keys = template.boards.map((b) => b.key);
  return {
    boards: template.boards.map((b) => ({
      title: b.title[language],
      phase: b.phase,
      kind: b.kind ?? 'columns',
      columns: b.columns.map((c) => c[language]),
      rows: (b.rows ?? []).map((r) => r[language]),
      clusters: (b.clusters ?? []).map((c) => c[language]),
    })),
    agenda: template.agenda.map((item) => ({
      title: item.title[language],
      minutes: item.minutes,
      boardIndex: item.board === null ? null : keys.indexOf(item.board),
      notes: item.notes?.[language] ?? '',
    })),
  };
}

const isText = (value: unknown): value is LocalizedText =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as LocalizedText).de === 'string' &&
  typeof (value as LocalizedText).en === 'string' &&
  (value as LocalizedText).de.trim() !== '' &&
  (value as LocalizedText).en.trim() !== '';

/** Checks a template file; returns what is wrong (empty when it is fine). */
export function validateTemplate(value: unknown): string[] {
  const problems: string[] = [];
  const t = value as Partial<WorkshopTemplate>;
  if (typeof value !== 'object' || value === null) return ['not an object'];
  if (typeof t.id !== 'string' || !/^[a-z0-9-]+$/.test(t.id)) problems.push('id');
  if (typeof t.order !== 'number') problems.push('order');
  if (!isText(t.name)) problems.push('name');
  if (!isText(t.description)) problems.push('description');
  if (!Array.isArray(t.boards)) return [...problems, 'boards'];
  const keys = new Set<string>();
  t.boards.forEach((board, i) => {
    if (typeof board.key !== 'string' || keys.has(board.key)) problems.push(`boards[${i}].key`);
    keys.add(board.key);
    if (board.phase !== null && !PHASES.includes(board.phase)) problems.push(`boards[${i}].phase`);
    if (!isText(board.title)) problems.push(`boards[${i}].title`);
    if (!Array.isArray(board.columns) || !board.columns.every(isText)) problems.push(`boards[${i}].columns`);
    if (board.kind !== undefined && !BOARD_KINDS.includes(board.kind)) problems.push(`boards[${i}].kind`);
    if (board.rows !== undefined && (!Array.isArray(board.rows) || !board.rows.every(isText)))
      problems.push(`boards[${i}].rows`);
    if (board.clusters !== undefined && (!Array.isArray(board.clusters) || !board.clusters.every(isText)))
      problems.push(`boards[${i}].clusters`);
  });
  if (!Array.isArray(t.agenda)) return [...problems, 'agenda'];
  t.agenda.forEach((item, i) => {
    if (!isText(item.title)) problems.push(`agenda[${i}].title`);
    if (!Number.isInteger(item.minutes) || item.minutes < 1 || item.minutes > 600)
      problems.push(`agenda[${i}].minutes`);
    if (item.board !== null && !keys.has(item.board)) problems.push(`agenda[${i}].board`);
    if (item.notes !== undefined && !isText(item.notes)) problems.push(`agenda[${i}].notes`);
  });
  return problems;
}
