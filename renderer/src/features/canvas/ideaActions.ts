import i18next from 'i18next';
import type { ChangeSet } from '../../domain/changes';
import { DomainError } from '../../domain/errors';
import type { IdeaId, WorkshopId } from '../../domain/ids';
import { startIdeaFromFocusArea as planStartIdea } from '../../domain/ideaCommands';
import type { Cluster, Idea } from '../../domain/types';
import { loadIdea, loadIdeaContext } from '../../persistence/ideaHooks';
import { useAppStore } from '../../state/store';
import { commit, describeError } from '../app/commands';
import { DEFAULT_CANVAS_TEMPLATE } from './canvasTemplates';
import { openIdea } from './ideaRoute';
import { innerQuotes } from '../../i18n/quotes';

/** The sentence for a refused idea command: ours under "ideas.errors", the app's otherwise. */
export function describeIdeaError(error: unknown, fieldLabel?: string): string {
  if (error instanceof DomainError && i18next.exists(`ideas.errors.${error.code}`)) {
    return i18next.t(`ideas.errors.${error.code}`, { ...error.params, field: fieldLabel ?? '' });
  }
  return describeError(error);
}

/** Plans and commits an idea command as one undo step; a refusal is shown, not thrown. */
export async function runIdea(command: () => ChangeSet, fieldLabel?: string): Promise<boolean> {
  let changes: ChangeSet;
  try {
    changes = command();
  } catch (error) {
    if (!(error instanceof DomainError)) console.error(error);
    useAppStore.getState().showToast({ tone: 'error', message: describeIdeaError(error, fieldLabel) });
    return false;
  }
  return commit(changes);
}

// Every change to an idea is planned from the row as stored right then, one
// after the other: typing saved in one field and a choice made in the next
// must not overwrite each other with a stale copy of the idea.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Plans a command from the idea as stored now and commits it (by default as
 * one undo step). Resolves false when refused (the reason is shown) or not saved.
 */
export function updateIdea(
  ideaId: IdeaId,
  command: (current: Idea) => ChangeSet,
  options: { undoable?: boolean; fieldLabel?: string } = {},
): Promise<boolean> {
  const next = queue.then(async () => {
    const current = await loadIdea(ideaId);
    if (!current) {
      useAppStore.getState().showToast({ tone: 'error', message: i18next.t('ideas.errors.ideaMissing') });
      return false;
    }
    let changes: ChangeSet;
    try {
      changes = command(current);
    } catch (error) {
      if (!(error instanceof DomainError)) console.error(error);
      useAppStore
        .getState()
        .showToast({ tone: 'error', message: describeIdeaError(error, options.fieldLabel) });
      return false;
    }
    return commit(changes, { undoable: options.undoable !== false });
  });
  queue = next.catch(() => false);
  return next;
}

/**
 * Creates a project idea (canvas) for a focus area on the workshop's canvases
 * board (making that board when there is none), then opens it. Returns
 * whether it worked.
 */
export async function startIdeaFromFocusArea(workshopId: WorkshopId, focusArea: Cluster): Promise<boolean> {
  try {
    const { boards, ideas } = await loadIdeaContext(workshopId);
    let planned: ReturnType<typeof planStartIdea> | null = null;
    const ok = await runIdea(() => {
      planned = planStartIdea({
        workshopId,
        boards,
        ideas,
        focusArea,
        template: DEFAULT_CANVAS_TEMPLATE,
        newBoardTitle: i18next.t('ideas.defaultBoardTitle'),
        now: Date.now(),
      });
      return planned.changes;
    });
    if (!ok || !planned) return false;
    const { idea, board } = planned as ReturnType<typeof planStartIdea>;
    useAppStore.getState().announce(i18next.t('ideas.created', { title: innerQuotes(idea.title) }));
    openIdea(workshopId, board.id, idea.id);
    return true;
  } catch (error) {
    console.error(error);
    useAppStore.getState().showToast({ tone: 'error', message: describeError(error) });
    return false;
  }
}
