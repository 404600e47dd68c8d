// Voting rounds for the minutes tests, made with the real voting commands.
import type { ParticipantId } from '../../renderer/src/domain/ids';
import type { WorkshopTree } from '../../renderer/src/domain/purge';
import type { Board, Participant, VotingRound } from '../../renderer/src/domain/types';
import {
  annulRound,
  castBallot,
  closeRound,
  revealRound,
  startRound,
} from '../../renderer/src/domain/voting';
import type { BallotContent, VotingSettings } from '../../renderer/src/domain/votingTally';
import { WORKSHOP } from './minutesTree';

export function person(
  tree: WorkshopTree,
  name: string,
  attendance?: Participant['attendance'],
): Participant {
  const p: Participant = {
    id: `p-${name}` as ParticipantId,
    workshopId: WORKSHOP.id,
    name,
    unit: '',
    role: '',
    createdAt: 0,
    ...(attendance ? { attendance } : {}),
  };
  tree.participants.push(p);
  return p;
}

/** Starts a round on the board, casts the ballots (voter → content), then closes/reveals/annuls as asked. */
export function round(
  tree: WorkshopTree,
  board: Board,
  options: {
    title: string;
    settings: VotingSettings;
    items: string[];
    voters: Participant[];
    anonymous?: boolean;
    ballots?: Array<[Participant, BallotContent]>;
    end?: 'open' | 'closed' | 'revealed' | 'annulled';
    at?: number;
  },
): VotingRound {
  const at = options.at ?? 1000;
  let { round: r } = startRound({
    workshopId: WORKSHOP.id,
    boardId: board.id,
    title: options.title,
    target: 'notes',
    settings: options.settings,
    items: options.items.map((label, i) => ({ id: `i${i}`, label })),
    entitled: options.voters.map((v) => v.id),
    anonymous: options.anonymous ?? false,
    closesAt: null,
    now: at,
  });
  for (const [i, [voter, content]] of (options.ballots ?? []).entries())
    tree.ballots.push(castBallot(r, undefined, voter.id, content, at + 1 + i).ballot);
  const end = options.end ?? 'revealed';
  if (end !== 'open') r = closeRound(r, at + 100)[0]!.after as VotingRound;
  if (end === 'revealed') r = revealRound(r, at + 101)[0]!.after as VotingRound;
  if (end === 'annulled') r = annulRound(r, 'Falsche Liste verwendet', at + 102)[0]!.after as VotingRound;
  tree.votingRounds.push(r);
  return r;
}
