import type { Change } from './changes';
import type {
  ActionItem,
  AgendaItem,
  Board,
  Column,
  Decision,
  Note,
  Participant,
  Workshop,
  WorkshopSession,
} from './types';

/** Everything stored for one workshop, besides the workshop row itself. */
export interface WorkshopTree {
  boards: Board[];
  columns: Column[];
  notes: Note[];
  participants: Participant[];
  sessions: WorkshopSession[];
  agendaItems: AgendaItem[];
  decisions: Decision[];
  actionItems: ActionItem[];
}

/**
 * Deletes a workshop for good with everything that belongs to it — also the
 * names of its participants, which must not linger once the user said "delete".
 */
export function purgeWorkshop(workshop: Workshop, tree: WorkshopTree): Change[] {
  return [
    ...tree.notes.map((before): Change => ({ table: 'notes', before })),
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
