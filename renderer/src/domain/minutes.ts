/**
 * The minutes (Protokoll) as plain data: what the PDF and Markdown renderers
 * print, in order. No labels here — renderers translate the keys and format
 * the dates, so the same model serves the app, the CLI and the tests.
 */
import { formatClock, itemsOfSession, planSchedule } from './agenda';
import type { CanvasTemplate } from './canvas';
import { boardHasResults, buildBoard, type MinutesBoard } from './minutesBoards';
import { buildTrace, type MinutesTrace } from './minutesTrace';
export type { BallotVote, MinutesBallot, MinutesVotingRound, MinutesVotingRow } from './minutesVoting';
export type { MinutesWritingCounts, MinutesWritingRound } from './minutesWriting';
import { buildRounds, type MinutesVotingRound } from './minutesVoting';
import { buildWritingRounds, type MinutesWritingRound } from './minutesWriting';
import { byRank } from './ordering';
import type { WorkshopTree } from './purge';
import { elapsedMs } from './timer';
import {
  PHASES,
  type ActionStatus,
  type IsoDate,
  type MinutesStatusValue,
  type Participant,
  type Phase,
  type Workshop,
} from './types';

export type MinutesStatus = MinutesStatusValue;

export interface MinutesOptions {
  /** Reading time of running timers and the date printed as "erstellt am". */
  now: number;
  status: MinutesStatus;
  /** Only these sessions (default: all). */
  sessionIds?: readonly string[];
  /** Only these phases (default: all four, plus boards without a phase). */
  phases?: ReadonlyArray<Phase | null>;
  /** Canvas templates (assets/canvases) for the labels of project-idea fields; without, keys are printed. */
  canvasTemplates?: readonly CanvasTemplate[];
}

export interface MinutesAgendaRow {
  title: string;
  /** "09:00" or null when the session has no start time. */
  plannedStart: string | null;
  plannedEnd: string | null;
  plannedMinutes: number;
  /** Whole minutes the timer ran, or null when it never ran. */
  actualMinutes: number | null;
}

export interface MinutesSession {
  title: string;
  date: IsoDate;
  startTime: string;
  plannedEnd: string | null;
  place: string;
  agenda: MinutesAgendaRow[];
}

export type {
  MinutesBoard,
  MinutesCard,
  MinutesCluster,
  MinutesColumn,
  MinutesFocusAreaLink,
  MinutesIdea,
  MinutesIdeaField,
  MinutesMatrixRow,
  MinutesVision,
} from './minutesBoards';
export type {
  MinutesTrace,
  MinutesTraceCard,
  MinutesTraceFocusArea,
  MinutesTraceIdea,
  MinutesTraceOrigin,
  MinutesTraceSource,
} from './minutesTrace';

export interface MinutesPhase {
  /** null: boards not assigned to any phase. */
  phase: Phase | null;
  /** Empty (and no rounds): the renderer says "no results" instead of an empty heading. */
  boards: MinutesBoard[];
  /** Voting rounds held on the phase's boards, oldest first. */
  rounds: MinutesVotingRound[];
  /** Writing rounds (Schreibrunden) held on the phase's boards, oldest first (absent in older models). */
  writingRounds?: MinutesWritingRound[];
}

export interface MinutesPerson {
  name: string;
  unit: string;
  role: string;
}

export interface MinutesDecision {
  text: string;
  date: IsoDate;
  agendaItem: string;
}

export interface MinutesActionItem {
  owner: string;
  task: string;
  due: IsoDate;
  status: ActionStatus;
}

export interface MinutesModel {
  title: string;
  organisation: string;
  /** The workshop's date, else the first session's. */
  date: IsoDate;
  place: string;
  facilitators: string;
  minuteTaker: string;
  status: MinutesStatus;
  createdAt: number;
  sessions: MinutesSession[];
  /** Present (and everyone whose attendance was never set), sorted by name. */
  participants: MinutesPerson[];
  /** Entschuldigt. */
  excused: MinutesPerson[];
  /** Absent without apology. */
  absent: MinutesPerson[];
  phases: MinutesPhase[];
  /** Focus areas → cards → originals → project ideas, over the boards of the chosen phases. */
  trace: MinutesTrace;
  decisions: MinutesDecision[];
  actionItems: MinutesActionItem[];
}

const MINUTE = 60_000;
const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** Undated entries go last; ties keep the order of entry. */
function byDateThenCreated<T extends { createdAt: number }>(date: (row: T) => string) {
  return (a: T, b: T) => {
    const da = date(a) || '9999';
    const db = date(b) || '9999';
    return da < db ? -1 : da > db ? 1 : a.createdAt - b.createdAt;
  };
}

export function buildMinutes(workshop: Workshop, tree: WorkshopTree, options: MinutesOptions): MinutesModel {
  const chosenSessions = [...tree.sessions]
    .sort(byRank)
    .filter((s) => !options.sessionIds || options.sessionIds.includes(s.id));
  const agendaTitles = new Map(tree.agendaItems.map((i) => [i.id, i.title]));

  const sessions: MinutesSession[] = chosenSessions.map((session) => {
    const schedule = planSchedule(session, itemsOfSession(tree.agendaItems, session.id));
    return {
      title: session.title,
      date: session.date,
      startTime: session.startTime,
      plannedEnd: schedule.end === null ? null : formatClock(schedule.end),
      place: session.place,
      agenda: schedule.items.map(({ item, start, end }) => {
        const spent = elapsedMs(item, options.now);
        return {
          title: item.title,
          plannedStart: start === null ? null : formatClock(start),
          plannedEnd: end === null ? null : formatClock(end),
          plannedMinutes: item.plannedMinutes + item.extraMinutes,
          actualMinutes: spent > 0 ? Math.max(1, Math.round(spent / MINUTE)) : null,
        };
      }),
    };
  });

  const wanted = options.phases ?? [...PHASES, null];
  const boards = [...tree.boards].sort(byRank);
  const templates = new Map((options.canvasTemplates ?? []).map((t) => [t.id, t]));
  const phases: MinutesPhase[] = wanted
    .filter((phase) => phase !== null || boards.some((b) => b.phase === null))
    .map((phase) => ({
      phase,
      boards: boards
        .filter((b) => b.phase === phase)
        .map((board) => buildBoard(board, tree, templates))
        // A board without a single result adds nothing to the record.
        .filter(boardHasResults),
      rounds: buildRounds(
        boards.filter((b) => b.phase === phase),
        tree,
      ),
      writingRounds: buildWritingRounds(
        boards.filter((b) => b.phase === phase),
        tree,
      ),
    }));
  const people = [...tree.participants].sort((a, b) => collator.compare(a.name, b.name));
  const attending = (attendance: NonNullable<Participant['attendance']>) =>
    people
      .filter((p) => (p.attendance ?? 'present') === attendance)
      .map(({ name, unit, role }) => ({ name, unit, role }));
  const chosenBoards = boards.filter((b) => wanted.includes(b.phase));

  return {
    title: workshop.title,
    organisation: workshop.organisation,
    date: workshop.date || chosenSessions.find((s) => s.date)?.date || '',
    place: workshop.place,
    facilitators: workshop.facilitators,
    minuteTaker: workshop.minuteTaker,
    status: options.status,
    createdAt: options.now,
    sessions,
    participants: attending('present'),
    excused: attending('excused'),
    absent: attending('absent'),
    phases,
    trace: buildTrace(chosenBoards, tree, templates),
    decisions: [...tree.decisions].sort(byDateThenCreated((d) => d.date)).map((d) => ({
      text: d.text,
      date: d.date,
      agendaItem: d.agendaItemId ? (agendaTitles.get(d.agendaItemId) ?? '') : '',
    })),
    actionItems: [...tree.actionItems]
      .sort(byDateThenCreated((a) => a.due))
      .map(({ owner, task, due, status }) => ({ owner, task, due, status })),
  };
}

/**
 * "2027-03-24_KI-Strategie_Protokoll.pdf": the date first so files sort, then
 * the title up to its first dash or colon, safe for every file system. `what`
 * is the locale's word for the minutes (minutes.fileWord: "Minutes" in English).
 */
export function minutesFileName(
  model: Pick<MinutesModel, 'title' | 'date'>,
  extension: string,
  what = 'Protokoll',
): string {
  return exportFileName(model, what, extension);
}

/** The same pattern for the other exports: "2027-03-24_KI-Strategie_Karten.csv". */
export function exportFileName(
  model: Pick<MinutesModel, 'title' | 'date'>,
  what: string,
  extension: string,
): string {
  const safe = (text: string) =>
    Array.from(text.normalize('NFC'))
      .map((char) => (/[\p{L}\p{N}-]/u.test(char) ? char : ' '))
      .join('')
      .trim()
      .replace(/\s+/g, '-');
  const short = model.title.split(/\s[–—-]\s|:/)[0] ?? '';
  const slug = safe(short).slice(0, 60).replace(/-+$/, '');
  return [model.date, slug || 'Workshop', safe(what) || 'Export'].filter(Boolean).join('_') + `.${extension}`;
}
