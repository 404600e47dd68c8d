/**
 * The demo workshop: the AI-strategy template filled with realistic content, as
 * a facilitator would have it after the first workshop day — vision statements
 * and the agreed Leitbild, the inventory matrix with facts, focus areas built
 * from copied cards, and project ideas on canvases. Built from the domain
 * commands where they exist and otherwise from rows of the shared types, so it
 * is what the app itself stores. `npm run demo` writes it to assets/demo/.
 */
import { blankNote } from '../../renderer/src/domain/boardCommands';
import type { Change } from '../../renderer/src/domain/changes';
import { addActionItem, addDecision } from '../../renderer/src/domain/decisions';
import {
  newId,
  type ClusterId,
  type IdeaId,
  type NoteId,
  type VisionId,
} from '../../renderer/src/domain/ids';
import { byRank, rankAtEnd } from '../../renderer/src/domain/ordering';
import { importParticipantList } from '../../renderer/src/domain/participants';
import { resolveTemplate, type WorkshopTemplate } from '../../renderer/src/domain/templates';
import type {
  AgendaItem,
  Ballot,
  Board,
  Cluster,
  Column,
  Idea,
  MatrixRow,
  Note,
  Participant,
  Phase,
  Vision,
  VotingRound,
  Workshop,
} from '../../renderer/src/domain/types';
import {
  castBallot,
  closeRound,
  revealRound,
  roundResult,
  startRound,
} from '../../renderer/src/domain/voting';
import { promoteWinners } from '../../renderer/src/domain/votingRecord';
import { createWorkshop } from '../../renderer/src/domain/workshopCommands';
import template from '../../assets/templates/ki-strategie.json';
import {
  FOCUS,
  IDEA_TEMPLATE,
  IDEAS,
  INVENTORY,
  PARTICIPANTS,
  VISION,
  VISION_DECISION,
  VISION_SOURCES,
  VISION_TEXT,
  type DemoCard,
  type FocusCard,
} from './demoContent';

/** A fixed moment (09:00 in Berlin), so the file only changes when its content does. */
const NOW = Date.UTC(2027, 2, 24, 8, 0, 0);
const AT = (hour: number, minute: number) => Date.UTC(2027, 2, 24, hour - 1, minute);

function rowsOf<T>(changes: readonly Change[], table: Change['table']): T[] {
  return changes.filter((c) => c.table === table && c.after).map((c) => c.after as T);
}

/**
 * Builds the cards of one board. Each card is ranked at the end of its place
 * (cell, tray, cluster or pool), as a card added there in the app would be.
 */
class BoardFiller {
  readonly notes: Note[] = [];
  constructor(
    readonly board: Board,
    private readonly at: number,
  ) {}

  add(card: DemoCard, place: Partial<Pick<Note, 'columnId' | 'rowId' | 'clusterId'>>, source?: Note): Note {
    const base = blankNote(this.board.id, this.at);
    const siblings = this.notes
      .filter(
        (n) =>
          n.columnId === (place.columnId ?? null) &&
          n.rowId === (place.rowId ?? null) &&
          n.clusterId === (place.clusterId ?? null),
      )
      .sort(byRank);
    const note: Note = {
      ...base,
      ...place,
      text: card.text,
      color: card.color ?? source?.color ?? 'yellow',
      facts: card.facts ?? null,
      sourceNoteId: source?.id ?? null,
      rank: rankAtEnd(siblings),
    };
    this.notes.push(note);
    return note;
  }
}

function cluster(board: Board, title: string, rank: string, at: number): Cluster {
  return {
    id: newId<ClusterId>(),
    boardId: board.id,
    title,
    rank,
    collapsed: false,
    focusAreaAt: null,
    description: '',
    createdAt: at,
    updatedAt: at,
  };
}

function buildContent(): { workshop: Workshop; changes: Change[] } {
  const created = createWorkshop({
    fields: {
      title: 'KI-Strategie für die Verwaltung – Auftaktworkshop (Demo)',
      date: '2027-03-24',
      place: 'Rathaus, Festsaal',
      organisation: 'Senatskanzlei und Universität',
      facilitators: 'Katrin Albers, Tobias Reimann',
      minuteTaker: 'Selin Yıldız',
    },
    template: resolveTemplate(template as WorkshopTemplate, 'de'),
    sessionTitle: 'Sitzung 1: Auftakt',
    now: NOW,
  });
  const changes: Change[] = [...created.changes];
  const workshop = created.workshop;
  const boards = rowsOf<Board>(changes, 'boards');
  const boardOf = (phase: Phase) => {
    const board = boards.find((b) => b.phase === phase);
    if (!board) throw new Error(`The template has no ${phase} board`);
    return board;
  };
  const columns = rowsOf<Column>(changes, 'columns');
  const rows = rowsOf<MatrixRow>(changes, 'matrixRows');
  const templateClusters = rowsOf<Cluster>(changes, 'clusters');
  /** Every card so far by its text, for the copies on later boards. */
  const byText = new Map<string, Note>();
  const find = (text: string) => {
    const note = byText.get(text);
    if (!note) throw new Error(`No card "${text}"`);
    return note;
  };

  // ---- Vision: statements, three clusters, the pool, and the agreed Leitbild.
  const visionBoard = boardOf('vision');
  const vision = new BoardFiller(visionBoard, AT(9, 30));
  const visionClusters: Cluster[] = [];
  for (const spec of VISION.clusters) {
    const group = cluster(visionBoard, spec.title, rankAtEnd(visionClusters), AT(9, 50));
    visionClusters.push(group);
    for (const card of spec.cards) vision.add(card, { clusterId: group.id });
  }
  for (const card of VISION.pool) vision.add(card, {});
  vision.notes.forEach((n) => byText.set(n.text, n));

  // ---- Inventory: cards in the cells of the matrix, with facts, and the tray.
  const inventoryBoard = boardOf('inventory');
  const inventory = new BoardFiller(inventoryBoard, AT(11, 0));
  const columnId = (title: string) => {
    const column = columns.find((c) => c.boardId === inventoryBoard.id && c.title === title);
    if (!column) throw new Error(`No column ${title}`);
    return column.id;
  };
  const rowId = (title: string) => {
    const row = rows.find((r) => r.boardId === inventoryBoard.id && r.title === title);
    if (!row) throw new Error(`No row ${title}`);
    return row.id;
  };
  for (const cell of INVENTORY.cells)
    for (const card of cell.cards)
      inventory.add(card, { rowId: rowId(cell.row), columnId: columnId(cell.column) });
  for (const card of INVENTORY.tray) inventory.add(card, {});
  inventory.notes.forEach((n) => byText.set(n.text, n));

  // ---- Focus areas: copies of vision and inventory cards plus new ones, clustered;
  // three clusters promoted after the dot voting.
  const focusBoard = boardOf('focus');
  const focus = new BoardFiller(focusBoard, AT(11, 50));
  const focusClusters: Cluster[] = templateClusters.filter((c) => c.boardId === focusBoard.id);
  const addFocusCard = (card: FocusCard, clusterId: ClusterId | null) => {
    if ('from' in card) {
      const original = find(card.from);
      return focus.add({ text: original.text }, { clusterId }, original);
    }
    return focus.add(card, { clusterId });
  };
  const promoted: Cluster[] = [];
  for (const spec of FOCUS.clusters) {
    let group = focusClusters.find((c) => c.title === spec.title);
    if (!group) {
      group = cluster(focusBoard, spec.title, rankAtEnd(focusClusters), AT(12, 0));
      focusClusters.push(group);
    }
    if (spec.focusArea) {
      const index = focusClusters.indexOf(group);
      group = { ...group, focusAreaAt: AT(13, 15), description: spec.focusArea, updatedAt: AT(13, 15) };
      focusClusters[index] = group;
      promoted.push(group);
    }
    for (const card of spec.cards) addFocusCard(card, group.id);
  }
  for (const card of FOCUS.pool) addFocusCard(card, null);
  const focusCard = (text: string) => {
    const note = focus.notes.find((n) => n.text === text);
    if (!note) throw new Error(`No card "${text}" on the focus board`);
    return note;
  };

  // ---- Project ideas on canvases, each serving a focus area.
  const ideasBoard = boardOf('ideas');
  const ideas: Idea[] = [];
  for (const spec of IDEAS) {
    const area = promoted.find((c) => c.title === spec.focusArea);
    if (!area) throw new Error(`No focus area ${spec.focusArea}`);
    ideas.push({
      id: newId<IdeaId>(),
      workshopId: workshop.id,
      boardId: ideasBoard.id,
      focusAreaId: area.id,
      templateId: IDEA_TEMPLATE,
      title: spec.title,
      fields: spec.fields,
      sources: spec.sources.map(({ field, card }) => ({ field, noteId: focusCard(card).id })),
      rank: rankAtEnd(ideas),
      createdAt: AT(14, 0),
      updatedAt: AT(15, 0),
    });
  }

  changes.push(
    ...[...vision.notes, ...inventory.notes, ...focus.notes].map((after): Change => ({
      table: 'notes',
      after,
    })),
    ...visionClusters.map((after): Change => ({ table: 'clusters', after })),
    ...ideas.map((after): Change => ({ table: 'ideas', after })),
  );
  // The template's clusters were created plain; the promoted ones replace them.
  for (const change of changes)
    if (change.table === 'clusters' && change.after) {
      const now = focusClusters.find((c) => c.id === change.after!.id);
      if (now) change.after = now;
    }
  changes.push(
    ...focusClusters
      .filter((c) => !templateClusters.some((t) => t.id === c.id))
      .map((after): Change => ({ table: 'clusters', after })),
  );

  changes.push(...importParticipantList(workshop, [], PARTICIPANTS, NOW).changes);
  changes.push(
    ...focusVote(workshop, focusBoard, focusClusters, rowsOf<Participant>(changes, 'participants')),
  );

  const agenda = rowsOf<AgendaItem>(changes, 'agendaItems');
  // The morning is done: the first items have their recorded times.
  const spent = [16, 28, 35, 15, 47];
  agenda.forEach((item, i) => {
    const minutes = spent[i];
    if (minutes !== undefined) item.elapsedMs = minutes * 60_000;
  });
  const session = rowsOf<{ startTime: string }>(changes, 'sessions')[0];
  if (session) session.startTime = '09:00';

  const visionItem = agenda.find((a) => a.title === 'Vision: Leitbild formulieren');
  const agreed = addDecision({
    workshopId: workshop.id,
    fields: { text: VISION_DECISION, date: '2027-03-24', agendaItemId: visionItem?.id ?? null },
    agendaItems: agenda,
    now: AT(10, 40),
  });
  const leitbild: Vision = {
    id: newId<VisionId>(),
    workshopId: workshop.id,
    boardId: visionBoard.id,
    text: VISION_TEXT,
    sourceNoteIds: VISION_SOURCES.map((text) => find(text).id as NoteId),
    agreedAt: AT(10, 40),
    decisionId: agreed.decision.id,
    createdAt: AT(10, 15),
    updatedAt: AT(10, 40),
  };
  changes.push(
    ...agreed.changes,
    { table: 'visions', after: leitbild },
    ...addDecision({
      workshopId: workshop.id,
      fields: {
        text: 'Die Bestandsaufnahme wird bis zur zweiten Sitzung um das Jugendamt und die Ausländerbehörde ergänzt.',
        date: '2027-03-24',
        agendaItemId: null,
      },
      now: AT(12, 0),
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Şükrü Öztürk',
        task: 'Fallzahlen und Bearbeitungszeiten des Bürgeramts für 2026 bereitstellen',
        due: '2027-04-15',
        status: 'open',
      },
      now: NOW,
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Mira Okonkwo',
        task: 'Datenschutz-Folgenabschätzung für den intelligenten Posteingang vorprüfen',
        due: '2027-05-06',
        status: 'doing',
      },
      now: NOW,
    }).changes,
    ...addActionItem({
      workshopId: workshop.id,
      fields: {
        owner: 'Dr. Annette Brückner',
        task: 'Termin für Sitzung 2 abstimmen',
        due: '2027-03-31',
        status: 'done',
      },
      now: NOW,
    }).changes,
  );
  return { workshop, changes };
}

/**
 * The dot vote that found the focus areas (three dots each, at most two on one
 * cluster): closed, revealed, and its winners adopted with a decision.
 */
function focusVote(
  workshop: Workshop,
  board: Board,
  clusters: readonly Cluster[],
  participants: readonly Participant[],
): Change[] {
  const changes: Change[] = [];
  const opened = startRound({
    workshopId: workshop.id,
    boardId: board.id,
    title: 'Punktabfrage zu den Handlungsschwerpunkten',
    target: 'clusters',
    settings: { method: 'dots', dots: 3, maxPerItem: 2 },
    items: clusters.map((c) => ({ id: c.id, label: c.title })),
    entitled: participants.map((p) => p.id),
    anonymous: true,
    closesAt: null,
    now: AT(13, 0),
  });
  let round = opened.round;
  changes.push(...opened.changes);
  // Everyone but the last person voted; the focus areas came out on top.
  const promoted = clusters.filter((c) => c.focusAreaAt !== null).map((c) => c.id);
  const others = clusters.filter((c) => c.focusAreaAt === null).map((c) => c.id);
  const ballots: Ballot[] = [];
  participants.slice(0, -1).forEach((participant, i) => {
    const first = promoted[i % promoted.length]!;
    const second = i % 3 === 2 ? others[i % others.length]! : promoted[(i + 1) % promoted.length]!;
    const dots = first === second ? { [first]: 2 } : { [first]: 2, [second]: 1 };
    const cast = castBallot(
      round,
      undefined,
      participant.id,
      { method: 'dots', dots },
      AT(13, 5) + i * 20_000,
    );
    ballots.push(cast.ballot);
    changes.push(...cast.changes);
  });
  round = closeRound(round, AT(13, 10))[0]!.after as VotingRound;
  round = revealRound(round, AT(13, 11))[0]!.after as VotingRound;
  const result = roundResult(round, ballots);
  const adopted = promoteWinners({
    round,
    result,
    clusters,
    places: promoted.length,
    words: {
      heading: 'Abstimmung „Punktabfrage zu den Handlungsschwerpunkten“ (Punktabfrage, 3 Punkte pro Person)',
      score: (row) => `${row.score} Punkte`,
    },
    date: '2027-03-24',
    now: AT(13, 15),
  });
  // The round's own rows are written once, in their final state.
  const finalRound = adopted.changes.find((c) => c.table === 'votingRounds')!.after as VotingRound;
  return [
    ...changes.map((change) => (change.table === 'votingRounds' ? { ...change, after: finalRound } : change)),
    ...adopted.changes.filter((c) => c.table === 'decisions'),
  ];
}

// ---- Fixed ids: the same content gives the same file, byte for byte.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A small seeded generator (mulberry32): the demo's ids look like any other. */
function seededUuids(seed: number): () => string {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0).toString(16).padStart(8, '0');
  };
  return () => {
    const hex = next() + next() + next() + next();
    const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
}

/** Replaces every random id (wherever it is referenced) by the next fixed one, in order of appearance. */
function withFixedIds<T>(value: T, ids: Map<string, string>, next: () => string): T {
  if (typeof value === 'string' && UUID.test(value)) {
    if (!ids.has(value)) ids.set(value, next());
    return ids.get(value) as T;
  }
  if (Array.isArray(value)) return value.map((item: unknown) => withFixedIds(item, ids, next)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      // Keys too: a ballot's dots are keyed by cluster id.
      Object.entries(value).map(([key, item]) => [
        withFixedIds(key, ids, next),
        withFixedIds(item, ids, next),
      ]),
    ) as T;
  return value;
}

export function buildDemoChanges(): { workshop: Workshop; changes: Change[] } {
  const { workshop, changes } = buildContent();
  const ids = new Map<string, string>();
  const next = seededUuids(20270324);
  return { workshop: withFixedIds(workshop, ids, next), changes: withFixedIds(changes, ids, next) };
}
