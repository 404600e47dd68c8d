import type { Change } from './changes';
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

/** Everything stored for one workshop, besides the workshop row itself. */
export interface WorkshopTree {
  boards: Board[];
  columns: Column[];
  matrixRows: MatrixRow[];
  clusters: Cluster[];
  notes: Note[];
  participants: Participant[];
  sessions: WorkshopSession[];
  agendaItems: AgendaItem[];
  decisions: Decision[];
  actionItems: ActionItem[];
  ideas: Idea[];
  visions: Vision[];
  votingRounds: VotingRound[];
  ballots: Ballot[];
  /**
   * Writing rounds and their inbox cards. Optional so that trees built before
   * writing rounds existed stay valid; a purge takes them when they are given.
   */
  writingRounds?: WritingRound[];
  inboxNotes?: InboxNote[];
}

/**
 * Deletes a workshop for good with everything that belongs to it — also the
 * names of its participants, which must not linger once the user said "delete".
 */
export function purgeWorkshop(workshop: Workshop, tree: WorkshopTree): Change[] {
  return [
    ...(tree.inboxNotes ?? []).map((before): Change => ({ table: 'inboxNotes', before })),
    ...(tree.writingRounds ?? []).map((before): Change => ({ table: 'writingRounds', before })),
    ...tree.ballots.map((before): Change => ({ table: 'ballots', before })),
    ...tree.votingRounds.map((before): Change => ({ table: 'votingRounds', before })),
    ...tree.ideas.map((before): Change => ({ table: 'ideas', before })),
    ...tree.visions.map((before): Change => ({ table: 'visions', before })),
    ...tree.notes.map((before): Change => ({ table: 'notes', before })),
    ...tree.clusters.map((before): Change => ({ table: 'clusters', before })),
    ...tree.matrixRows.map((before): Change => ({ table: 'matrixRows', before })),
    ...tree.columns.map((before): Change => ({ table: 'columns', before })),
    ...tree.boards.map((before): Change => ({ table: 'boards', before })),
    ...tree.agendaItems.map((before): Change => ({ table: 'agendaItems', before })),
    ...tree.sessions.map((before): Change => ({ table: 'sessions', before })),
    ...tree.decisions.map((before): Change => ({ table: 'decisions', before })),
    ...tree.actionItems.map((before): Change => ({ table: 'actionItems', before })),
    ...tree.participants.map((before): Change => ({ table: 'participants', before })),
    { table: 'workshops', before: workshop },
  ];
}
