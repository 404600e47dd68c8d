/** Ids are random UUID strings, typed per entity so they cannot be mixed up. */
declare const brand: unique symbol;
type Id<Name extends string> = string & { readonly [brand]: Name };

export type WorkshopId = Id<'Workshop'>;
export type BoardId = Id<'Board'>;
export type ColumnId = Id<'Column'>;
export type NoteId = Id<'Note'>;
export type ParticipantId = Id<'Participant'>;
export type SessionId = Id<'Session'>;
export type AgendaItemId = Id<'AgendaItem'>;
export type DecisionId = Id<'Decision'>;
export type ActionItemId = Id<'ActionItem'>;
export type RowId = Id<'Row'>;
export type ClusterId = Id<'Cluster'>;
export type IdeaId = Id<'Idea'>;
export type VisionId = Id<'Vision'>;
export type VotingRoundId = Id<'VotingRound'>;
export type BallotId = Id<'Ballot'>;
export type WritingRoundId = Id<'WritingRound'>;
export type InboxNoteId = Id<'InboxNote'>;

export function newId<T extends string>(): T {
  return crypto.randomUUID() as T;
}
