import type { Change } from './changes';
import { DomainError } from './errors';
import { newId, type ParticipantId } from './ids';
import type { Participant, Workshop } from './types';

export const PARTICIPANT_LIMITS = {
  name: 120,
  unit: 200,
  role: 100,
  /** Participants per workshop; also the most one pasted list may add. */
  perWorkshop: 1000,
} as const;

export interface ParticipantFields {
  name: string;
  /** Organisationseinheit. */
  unit: string;
  role: string;
}

export type ParticipantField = keyof ParticipantFields;

export const EMPTY_PARTICIPANT_FIELDS: ParticipantFields = { name: '', unit: '', role: '' };

/** A refused field: `code` is a key under "errors." in the locale files. */
export interface ParticipantFieldError {
  field: ParticipantField;
  code: string;
  params: Record<string, string | number>;
}

/** Single line: line breaks and tabs become spaces, surrounding whitespace goes. */
function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

const CODES: Record<ParticipantField, { tooLong: string }> = {
  name: { tooLong: 'participantNameTooLong' },
  unit: { tooLong: 'participantUnitTooLong' },
  role: { tooLong: 'participantRoleTooLong' },
};

/** Every bad field at once, in form order. */
export function validateParticipantFields(fields: ParticipantFields): ParticipantFieldError[] {
  const errors: ParticipantFieldError[] = [];
  for (const field of ['name', 'unit', 'role'] as const) {
    const value = oneLine(fields[field]);
    const max = PARTICIPANT_LIMITS[field];
    if (field === 'name' && value.length === 0) {
      errors.push({ field, code: 'participantNameRequired', params: {} });
    } else if (value.length > max) {
      errors.push({ field, code: CODES[field].tooLong, params: { max, length: value.length } });
    }
  }
  return errors;
}

/** Throws a DomainError for the first bad field; returns the trimmed fields. */
export function cleanParticipantFields(fields: ParticipantFields): ParticipantFields {
  const [first] = validateParticipantFields(fields);
  if (first) throw new DomainError(first.code, first.params);
  return { name: oneLine(fields.name), unit: oneLine(fields.unit), role: oneLine(fields.role) };
}

/**
 * Two entries name the same person when name and unit match, ignoring case,
 * spacing and Unicode composition. Turkish dotted/dotless i are folded too, so
 * "AĞRI" (typed in capitals) matches "Ağrı".
 */
export function participantKey(name: string, unit: string): string {
  const fold = (text: string) =>
    text
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase()
      .replace(/i\u0307/g, 'i')
      .replace(/ı/g, 'i');
  return `${fold(name)}\u0000${fold(unit)}`;
}

function findDuplicate(
  existing: readonly Participant[],
  fields: ParticipantFields,
  except?: ParticipantId,
): Participant | undefined {
  const key = participantKey(fields.name, fields.unit);
  return existing.find((p) => p.id !== except && participantKey(p.name, p.unit) === key);
}

function duplicateError(fields: ParticipantFields): DomainError {
  return fields.unit
    ? new DomainError('participantDuplicate', { name: fields.name, unit: fields.unit })
    : new DomainError('participantDuplicateNoUnit', { name: fields.name });
}

function findParticipant(existing: readonly Participant[], id: ParticipantId): Participant {
  const participant = existing.find((p) => p.id === id);
  if (!participant) throw new DomainError('participantMissing');
  return participant;
}

function limitError(existing: number, adding: number): DomainError {
  return new DomainError('participantLimit', {
    max: PARTICIPANT_LIMITS.perWorkshop,
    existing,
    adding,
  });
}

// ---- commands ----

/** `existing` are the workshop's participants (for the limit and duplicates). */
export function addParticipant(
  workshop: Workshop,
  existing: readonly Participant[],
  fields: ParticipantFields,
  now: number,
): { participant: Participant; changes: Change[] } {
  const clean = cleanParticipantFields(fields);
  if (findDuplicate(existing, clean)) throw duplicateError(clean);
  if (existing.length + 1 > PARTICIPANT_LIMITS.perWorkshop) throw limitError(existing.length, 1);
  const participant: Participant = {
    id: newId<ParticipantId>(),
    workshopId: workshop.id,
    ...clean,
    createdAt: now,
  };
  return { participant, changes: [{ table: 'participants', after: participant }] };
}

export function updateParticipant(
  existing: readonly Participant[],
  id: ParticipantId,
  fields: ParticipantFields,
): Change[] {
  const before = findParticipant(existing, id);
  const clean = cleanParticipantFields(fields);
  if (clean.name === before.name && clean.unit === before.unit && clean.role === before.role) return [];
  if (findDuplicate(existing, clean, id)) throw duplicateError(clean);
  return [{ table: 'participants', before, after: { ...before, ...clean } }];
}

export function removeParticipant(existing: readonly Participant[], id: ParticipantId): Change[] {
  return [{ table: 'participants', before: findParticipant(existing, id) }];
}

// ---- a list pasted from a spreadsheet ----

export type ListProblemCode = 'nameMissing' | 'nameTooLong' | 'unitTooLong' | 'roleTooLong';

export interface ListProblem {
  /** 1-based line of the pasted text, counting empty lines. */
  line: number;
  code: ListProblemCode;
  max: number;
  length: number;
}

export interface ListRow extends ParticipantFields {
  line: number;
}

export interface ParticipantListPreview {
  /** New participants, in the order pasted, trimmed. */
  rows: ListRow[];
  skippedEmpty: number;
  /** Rows already in the workshop or earlier in the paste (same name and unit). */
  duplicates: number;
  duplicateLines: number[];
  problems: ListProblem[];
  /** The first line was a header ("Name", "Teilnehmende" …) and is not imported. */
  headerLine: number | null;
  /** Set when the list cannot be taken as a whole (too many rows). */
  refusal: DomainError | null;
}

const NAME_HEADERS = new Set([
  'name',
  'namen',
  'vor- und nachname',
  'nachname, vorname',
  'name, vorname',
  'teilnehmende',
  'teilnehmer',
  'teilnehmerin',
  'teilnehmer*in',
  'teilnehmer:in',
  'teilnehmer_in',
  'teilnehmerinnen',
  'teilnehmer*innen',
  'teilnehmer:innen',
  'teilnehmerinnen und teilnehmer',
  'person',
  'personen',
  'participant',
  'participants',
  'full name',
]);
const UNIT_HEADERS = new Set([
  'organisationseinheit',
  'organisationseinheiten',
  'oe',
  'einheit',
  'organisation',
  'dienststelle',
  'behörde',
  'amt',
  'referat',
  'abteilung',
  'bereich',
  'unit',
  'organisational unit',
  'organizational unit',
  'department',
]);
const ROLE_HEADERS = new Set(['rolle', 'funktion', 'position', 'aufgabe', 'role', 'function']);

function headerWord(cell: string | undefined): string {
  return (cell ?? '').trim().toLowerCase().replace(/[:.]$/, '').trim();
}

function isHeader(cells: readonly string[]): boolean {
  const [name, unit, role] = cells.map(headerWord);
  if (NAME_HEADERS.has(name ?? '')) return true;
  return UNIT_HEADERS.has(unit ?? '') && ROLE_HEADERS.has(role ?? '');
}

/** Spreadsheets quote a cell that contains a separator or quote: "Müller; Hans" → Müller; Hans. */
function unquote(cell: string): string {
  const trimmed = cell.trim();
  if (trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')) {
    return trimmed.slice(1, -1).replace(/""/g, '"').trim();
  }
  return trimmed;
}

/** Splits one row: tabs when the row has any, otherwise semicolons (outside quoted cells). */
function splitRow(row: string): string[] {
  if (row.includes('\t')) return row.split('\t').map(unquote);
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < row.length; i += 1) {
    const char = row[i]!;
    if (quoted) {
      if (char === '"' && row[i + 1] === '"') {
        current += '""';
        i += 1;
      } else {
        if (char === '"') quoted = false;
        current += char;
      }
    } else if (char === ';') {
      cells.push(current);
      current = '';
    } else {
      // A quote opens a quoted cell only at its start, so O"Brien stays as typed.
      if (char === '"' && current.trim() === '') quoted = true;
      current += char;
    }
  }
  cells.push(current);
  return cells.map(unquote);
}

function rowProblems(line: number, fields: ParticipantFields): ListProblem[] {
  const problems: ListProblem[] = [];
  if (fields.name.length === 0) problems.push({ line, code: 'nameMissing', max: 0, length: 0 });
  for (const field of ['name', 'unit', 'role'] as const) {
    const max = PARTICIPANT_LIMITS[field];
    const length = fields[field].length;
    if (length > max) problems.push({ line, code: `${field}TooLong`, max, length });
  }
  return problems;
}

/**
 * Reads a list pasted from a spreadsheet: one participant a row (name, unit,
 * role), columns separated by tabs or semicolons. Nothing is written here:
 * the preview says what would be added and why the rest would not.
 */
export function parseParticipantList(text: string, existing: readonly Participant[]): ParticipantListPreview {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // A paste usually ends with a line break: that last empty "line" is no skipped row.
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  const seen = new Set(existing.map((p) => participantKey(p.name, p.unit)));
  const preview: ParticipantListPreview = {
    rows: [],
    skippedEmpty: 0,
    duplicates: 0,
    duplicateLines: [],
    problems: [],
    headerLine: null,
    refusal: null,
  };
  let firstDataRow = true;
  lines.forEach((raw, index) => {
    const line = index + 1;
    const cells = splitRow(raw);
    if (cells.every((cell) => cell.replace(/\s+/g, '') === '')) {
      if (text.trim() !== '') preview.skippedEmpty += 1;
      return;
    }
    if (firstDataRow) {
      firstDataRow = false;
      if (isHeader(cells)) {
        preview.headerLine = line;
        return;
      }
    }
    const fields: ParticipantFields = {
      name: oneLine(cells[0] ?? ''),
      unit: oneLine(cells[1] ?? ''),
      role: oneLine(cells[2] ?? ''),
    };
    const problems = rowProblems(line, fields);
    if (problems.length > 0) {
      preview.problems.push(...problems);
      return;
    }
    const key = participantKey(fields.name, fields.unit);
    if (seen.has(key)) {
      preview.duplicates += 1;
      preview.duplicateLines.push(line);
      return;
    }
    seen.add(key);
    preview.rows.push({ line, ...fields });
  });
  const adding = preview.rows.length;
  if (adding > PARTICIPANT_LIMITS.perWorkshop) {
    preview.refusal = new DomainError('participantListTooLong', {
      count: adding,
      max: PARTICIPANT_LIMITS.perWorkshop,
    });
  } else if (existing.length + adding > PARTICIPANT_LIMITS.perWorkshop) {
    preview.refusal = limitError(existing.length, adding);
  }
  return preview;
}

/**
 * Adds a pasted list as one command (one undo step). Refused as a whole when
 * the list is too long, has problems to fix, or adds nobody.
 */
export function importParticipantList(
  workshop: Workshop,
  existing: readonly Participant[],
  text: string,
  now: number,
): { preview: ParticipantListPreview; changes: Change[] } {
  const preview = parseParticipantList(text, existing);
  if (preview.refusal) throw preview.refusal;
  if (preview.problems.length > 0) {
    const lines = new Set(preview.problems.map((p) => p.line)).size;
    throw new DomainError('participantListProblems', { count: lines });
  }
  if (preview.rows.length === 0) throw new DomainError('participantListNothingNew');
  const changes = preview.rows.map(({ name, unit, role }): Change => ({
    table: 'participants',
    after: { id: newId<ParticipantId>(), workshopId: workshop.id, name, unit, role, createdAt: now },
  }));
  return { preview, changes };
}
