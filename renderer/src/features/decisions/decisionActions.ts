import i18next from 'i18next';
import {
  addActionItem,
  addDecision,
  nextActionStatus,
  removeActionItem,
  removeDecision,
  restoreActionItem,
  restoreDecision,
  setActionStatus,
  updateActionItem,
  updateDecision,
  type ActionItemFields,
  type AgendaRef,
  type DecisionFields,
} from '../../domain/decisions';
import { DomainError } from '../../domain/errors';
import type { WorkshopId } from '../../domain/ids';
import type { ActionItem, Decision } from '../../domain/types';
import { getDb } from '../../persistence/db';
import { useAppStore } from '../../state/store';
import { describeError, run } from '../app/commands';

// Decisions and action items are workshop content: every write goes through
// run(), so Strg+Z takes it back like a board edit.

/** One line, at most `max` characters, for labels and messages. */
export function shorten(text: string, max = 60): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

function refuse(code: string): false {
  useAppStore.getState().showToast({ tone: 'error', message: describeError(new DomainError(code)) });
  return false;
}

export async function saveNewDecision(
  workshopId: WorkshopId,
  fields: DecisionFields,
  agendaItems: readonly AgendaRef[],
): Promise<boolean> {
  return run(() => addDecision({ workshopId, fields, agendaItems, now: Date.now() }).changes);
}

export async function saveDecisionEdit(
  original: Decision,
  fields: DecisionFields,
  agendaItems: readonly AgendaRef[],
): Promise<boolean> {
  // Saving an edit must not bring back a decision deleted meanwhile (e.g. by undo).
  if (!(await getDb().decisions.get(original.id))) return refuse('decisionMissing');
  return run(() => updateDecision(original, fields, Date.now(), agendaItems));
}

export async function saveNewActionItem(workshopId: WorkshopId, fields: ActionItemFields): Promise<boolean> {
  return run(() => addActionItem({ workshopId, fields, now: Date.now() }).changes);
}

export async function saveActionItemEdit(original: ActionItem, fields: ActionItemFields): Promise<boolean> {
  if (!(await getDb().actionItems.get(original.id))) return refuse('actionMissing');
  return run(() => updateActionItem(original, fields, Date.now()));
}

/** Moves an action item on (open → doing → done → open) and says so. */
export async function advanceStatus(item: ActionItem): Promise<void> {
  const status = nextActionStatus(item.status);
  const ok = await run(() => setActionStatus(item, status, Date.now()));
  if (ok) {
    useAppStore.getState().announce(
      i18next.t('actions.statusChanged', {
        task: shorten(item.task, 60),
        status: i18next.t(`actions.status.${status}`),
      }),
    );
  }
}

export async function deleteDecision(decision: Decision): Promise<boolean> {
  const ok = await run(() => removeDecision(decision));
  if (ok) {
    useAppStore.getState().showToast({
      tone: 'info',
      message: i18next.t('decisions.deleted', { text: shorten(decision.text, 50) }),
      action: { label: i18next.t('common.undo'), run: () => void bringBackDecision(decision) },
    });
  }
  return ok;
}

export async function deleteActionItem(item: ActionItem): Promise<boolean> {
  const ok = await run(() => removeActionItem(item));
  if (ok) {
    useAppStore.getState().showToast({
      tone: 'info',
      message: i18next.t('actions.deleted', { task: shorten(item.task, 50) }),
      action: { label: i18next.t('common.undo'), run: () => void bringBackActionItem(item) },
    });
  }
  return ok;
}

async function bringBackDecision(decision: Decision): Promise<void> {
  // Already back (Strg+Z came first): leave it, it may have been edited since.
  const ok =
    (await getDb().decisions.get(decision.id)) !== undefined || (await run(() => restoreDecision(decision)));
  if (ok) useAppStore.getState().announce(i18next.t('decisions.restored'));
}

async function bringBackActionItem(item: ActionItem): Promise<void> {
  const ok =
    (await getDb().actionItems.get(item.id)) !== undefined || (await run(() => restoreActionItem(item)));
  if (ok) useAppStore.getState().announce(i18next.t('actions.restored'));
}
