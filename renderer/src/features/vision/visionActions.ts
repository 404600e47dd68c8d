import i18next from 'i18next';
import type { ChangeSet } from '../../domain/changes';
import { localIsoDate } from '../../domain/decisions';
import { DomainError } from '../../domain/errors';
import type { AgendaItemId, BoardId, NoteId, WorkshopId } from '../../domain/ids';
import type { BoardContent } from '../../domain/types';
import {
  agreeVision,
  composeFromStatements,
  discardVision,
  revokeAgreement,
  unlinkStatement,
} from '../../domain/vision';
import { getDb } from '../../persistence/db';
import { findBoardVision, findDecision } from '../../persistence/visionHooks';
import { formatIsoDate } from '../../i18n';
import { useAppStore } from '../../state/store';
import { commit, describeError } from '../app/commands';

// Every action reads the vision as it is in the database right now (not as the
// screen last showed it), plans a pure domain command and commits it as one
// undo step. Refusals become German messages from the "vision.errors" keys.

/** The sentence for a refused vision command, in the UI language. */
export function describeVisionError(error: unknown): string {
  if (error instanceof DomainError && i18next.exists(`vision.errors.${error.code}`)) {
    return i18next.t(`vision.errors.${error.code}`, error.params);
  }
  return describeError(error);
}

function report(error: unknown): void {
  if (!(error instanceof DomainError)) console.error(error);
  useAppStore.getState().showToast({ tone: 'error', message: describeVisionError(error) });
}

/** Plans with `plan` and commits; a refusal is told as a toast. Resolves whether it was written. */
async function runVision(plan: () => Promise<ChangeSet> | ChangeSet): Promise<boolean> {
  let changes: ChangeSet;
  try {
    changes = await plan();
  } catch (error) {
    report(error);
    return false;
  }
  return commit(changes);
}

const announce = (text: string) => useAppStore.getState().announce(text);

export interface VisionTarget {
  workshopId: WorkshopId;
  boardId: BoardId;
}

/**
 * Inserts the chosen statements as a "- " list draft and links them. Throws
 * the DomainError (for the dialog to show) instead of toasting it.
 */
export async function insertStatements(
  target: VisionTarget,
  content: Pick<BoardContent, 'notes'>,
  noteIds: readonly NoteId[],
): Promise<boolean> {
  const existing = await findBoardVision(getDb(), target.boardId);
  const { vision, changes } = composeFromStatements(existing, target, content, noteIds, Date.now());
  const ok = await commit(changes);
  const count = vision.sourceNoteIds.length - (existing?.sourceNoteIds.length ?? 0);
  if (ok) announce(i18next.t('vision.inserted', { count }));
  return ok;
}

export async function markAgreed(boardId: BoardId, agendaItemId: AgendaItemId | null): Promise<boolean> {
  const now = Date.now();
  const date = localIsoDate(new Date(now));
  const ok = await runVision(async () => {
    const vision = await findBoardVision(getDb(), boardId);
    if (!vision) throw new DomainError('visionEmpty');
    return agreeVision(vision, {
      prefix: i18next.t('vision.decisionPrefix'),
      date,
      agendaItemId,
      now,
    }).changes;
  });
  if (ok) announce(i18next.t('vision.agreedAnnouncement', { date: formatIsoDate(date, i18next.language) }));
  return ok;
}

export async function revokeAgreed(boardId: BoardId): Promise<boolean> {
  const ok = await runVision(async () => {
    const vision = await findBoardVision(getDb(), boardId);
    if (!vision) throw new DomainError('visionNotAgreed');
    const decision = await findDecision(getDb(), vision.decisionId);
    return revokeAgreement(vision, decision, Date.now());
  });
  if (ok) announce(i18next.t('vision.revokedAnnouncement'));
  return ok;
}

export async function unlink(boardId: BoardId, noteId: NoteId): Promise<boolean> {
  const ok = await runVision(async () => {
    const vision = await findBoardVision(getDb(), boardId);
    return vision ? unlinkStatement(vision, noteId, Date.now()) : [];
  });
  if (ok) announce(i18next.t('vision.unlinked'));
  return ok;
}

export async function discard(boardId: BoardId): Promise<boolean> {
  const ok = await runVision(async () => {
    const vision = await findBoardVision(getDb(), boardId);
    return vision ? discardVision(vision) : [];
  });
  if (ok) announce(i18next.t('vision.discarded'));
  return ok;
}
