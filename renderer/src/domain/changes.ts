import type {
  ActionItem,
  AgendaItem,
  Ballot,
  Board,
  Cluster,
  Column,
  Decision,
  Idea,
  InboxNote,
  MatrixRow,
  Note,
  Participant,
  Vision,
  VotingRound,
  Workshop,
  WorkshopSession,
  WritingRound,
} from './types';

/**
 * A command's result: rows to write. `before` undefined means the row is new,
 * `after` undefined means it is deleted. Undo applies the inverse.
 */
interface TableChange<Table extends string, Row extends { id: string }> {
  table: Table;
  before?: Row;
  after?: Row;
}

export type Change =
  | TableChange<'workshops', Workshop>
  | TableChange<'boards', Board>
  | TableChange<'columns', Column>
  | TableChange<'notes', Note>
  | TableChange<'participants', Participant>
  | TableChange<'sessions', WorkshopSession>
  | TableChange<'agendaItems', AgendaItem>
  | TableChange<'decisions', Decision>
  | TableChange<'actionItems', ActionItem>
  | TableChange<'matrixRows', MatrixRow>
  | TableChange<'clusters', Cluster>
  | TableChange<'ideas', Idea>
  | TableChange<'visions', Vision>
  | TableChange<'votingRounds', VotingRound>
  | TableChange<'ballots', Ballot>
  | TableChange<'writingRounds', WritingRound>
  | TableChange<'inboxNotes', InboxNote>;

export type ChangeSet = readonly Change[];

export function invertChanges(changes: ChangeSet): Change[] {
  return [...changes]
    .reverse()
    .map((change) => ({ ...change, before: change.after, after: change.before }) as Change);
}

export function changeKey(change: Change): string {
  const row = change.after ?? change.before;
  if (!row) throw new Error('A change needs a row before or after');
  return row.id;
}
