// Workshop trees for the minutes tests: the demo workshop, and small boards built row by row.
import type { Change } from '../../renderer/src/domain/changes';
import type { MinutesModel } from '../../renderer/src/domain/minutes';
import type { BoardId, ClusterId, ColumnId, NoteId, RowId, WorkshopId } from '../../renderer/src/domain/ids';
import type { WorkshopTree } from '../../renderer/src/domain/purge';
import type {
  Board,
  BoardKind,
  Cluster,
  Column,
  Idea,
  MatrixRow,
  Note,
  Phase,
  Vision,
  Workshop,
} from '../../renderer/src/domain/types';
import { buildDemoChanges } from '../../scripts/demo/buildDemo';

export function emptyTree(): WorkshopTree {
  return {
    boards: [],
    columns: [],
    notes: [],
    participants: [],
    sessions: [],
    agendaItems: [],
    decisions: [],
    actionItems: [],
    matrixRows: [],
    clusters: [],
    ideas: [],
    visions: [],
    votingRounds: [],
    ballots: [],
  };
}

export function treeOf(changes: readonly Change[]): WorkshopTree {
  const tree = emptyTree();
  for (const change of changes)
    if (change.table !== 'workshops' && change.after)
      (tree[change.table as keyof WorkshopTree] as unknown[]).push(change.after);
  return tree;
}

export function demoTree(): { workshop: Workshop; tree: WorkshopTree } {
  const { workshop, changes } = buildDemoChanges();
  return { workshop, tree: treeOf(changes) };
}

export const WORKSHOP: Workshop = {
  id: 'w1' as WorkshopId,
  title: 'Test',
  date: '2027-01-01',
  place: '',
  organisation: '',
  facilitators: '',
  minuteTaker: '',
  createdAt: 0,
  updatedAt: 0,
  deletedAt: null,
};

/** Builds rows with readable ids; ranks follow the order of adding. */
export class TreeBuilder {
  readonly tree = emptyTree();
  private count = 0;
  private rank = () => `a${String(this.count++).padStart(4, '0')}`;

  board(title: string, kind: BoardKind, phase: Phase | null = null): Board {
    const board: Board = {
      id: `board-${title}` as BoardId,
      workshopId: WORKSHOP.id,
      title,
      phase,
      kind,
      rank: this.rank(),
      createdAt: 0,
    };
    this.tree.boards.push(board);
    return board;
  }

  column(board: Board, title: string): Column {
    const column: Column = {
      id: `col-${board.title}-${title}` as ColumnId,
      boardId: board.id,
      title,
      rank: this.rank(),
    };
    this.tree.columns.push(column);
    return column;
  }

  row(board: Board, title: string): MatrixRow {
    const row: MatrixRow = {
      id: `row-${board.title}-${title}` as RowId,
      boardId: board.id,
      title,
      rank: this.rank(),
    };
    this.tree.matrixRows.push(row);
    return row;
  }

  cluster(board: Board, title: string, focus?: { description: string }): Cluster {
    const cluster: Cluster = {
      id: `cluster-${board.title}-${title}` as ClusterId,
      boardId: board.id,
      title,
      rank: this.rank(),
      collapsed: false,
      focusAreaAt: focus ? 1 : null,
      description: focus?.description ?? '',
      createdAt: 0,
      updatedAt: 0,
    };
    this.tree.clusters.push(cluster);
    return cluster;
  }

  note(board: Board, text: string, place: Partial<Note> = {}): Note {
    // Copies share their original's text: their ids must differ all the same.
    const taken = this.tree.notes.some((n) => n.id === `note-${text}`);
    const note: Note = {
      id: (taken ? `note-${text}-${this.count}` : `note-${text}`) as NoteId,
      boardId: board.id,
      columnId: null,
      rowId: null,
      clusterId: null,
      text,
      color: 'yellow',
      rank: this.rank(),
      sourceNoteId: null,
      facts: null,
      createdAt: 0,
      updatedAt: 0,
      ...place,
    };
    this.tree.notes.push(note);
    return note;
  }

  idea(board: Board, title: string, rest: Partial<Idea> = {}): Idea {
    const idea: Idea = {
      id: `idea-${title}` as Idea['id'],
      workshopId: WORKSHOP.id,
      boardId: board.id,
      focusAreaId: null,
      templateId: 'ki-projektsteckbrief',
      title,
      fields: {},
      sources: [],
      rank: this.rank(),
      createdAt: 0,
      updatedAt: 0,
      ...rest,
    };
    this.tree.ideas.push(idea);
    return idea;
  }

  vision(board: Board, text: string, rest: Partial<Vision> = {}): Vision {
    const vision: Vision = {
      id: `vision-${board.title}` as Vision['id'],
      workshopId: WORKSHOP.id,
      boardId: board.id,
      text,
      sourceNoteIds: [],
      agreedAt: null,
      decisionId: null,
      createdAt: 0,
      updatedAt: 0,
      ...rest,
    };
    this.tree.visions.push(vision);
    return vision;
  }
}

/** Every card text the model prints on the phase boards, once per place it is printed. */
export function printedCards(model: MinutesModel): string[] {
  return model.phases.flatMap((phase) =>
    phase.boards.flatMap((board) => {
      switch (board.kind) {
        case 'columns':
          return board.columns.flatMap((c) => c.notes.map((n) => n.text));
        case 'matrix':
          return [...board.rows.flatMap((r) => r.cells.flat()), ...board.tray].map((n) => n.text);
        case 'clusters':
          return [...board.clusters.flatMap((c) => c.cards), ...board.pool].map((n) => n.text);
        case 'canvases':
          return board.cards.map((n) => n.text);
      }
    }),
  );
}
