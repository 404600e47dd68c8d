import i18next from 'i18next';
import { forgetKeptTextOf } from '../app/keptText';
import type { WorkshopId } from '../../domain/ids';
import { purgeWorkshop } from '../../domain/purge';
import type { Workshop } from '../../domain/types';
import {
  binWorkshop,
  createWorkshop,
  restoreWorkshop,
  updateWorkshop,
  type WorkshopFields,
} from '../../domain/workshopCommands';
import { getDb } from '../../persistence/db';
import { loadWorkshopTree } from '../../persistence/repository';
import { loadWorkshopWriting } from '../../persistence/writingHooks';
import { useAppStore } from '../../state/store';
import { commit, run } from '../app/commands';
import { navigate } from '../app/useRoute';
import { workshopRoute } from '../app/router';
import { templateFor } from './templates';

// Workshop-level actions are not board edits: they have their own way back
// (the bin), so they do not go on the board's undo stack.

export async function createAndOpenWorkshop(fields: WorkshopFields, templateId: string): Promise<boolean> {
  let created: WorkshopId | null = null;
  const ok = await run(
    () => {
      const result = createWorkshop({
        fields,
        template: templateFor(templateId, i18next.language),
        sessionTitle: i18next.t('defaults.sessionTitle', { number: 1 }),
        now: Date.now(),
      });
      created = result.workshop.id;
      return result.changes;
    },
    { undoable: false },
  );
  if (ok && created) {
    useAppStore.getState().announce(i18next.t('workshops.created', { title: fields.title.trim() }));
    navigate(workshopRoute(created));
  }
  return ok;
}

export function saveWorkshopFields(workshop: Workshop, fields: WorkshopFields): Promise<boolean> {
  return run(() => updateWorkshop(workshop, fields, Date.now()), { undoable: false });
}

export async function moveWorkshopToBin(workshop: Workshop): Promise<void> {
  const ok = await run(() => binWorkshop(workshop, Date.now()), { undoable: false });
  if (!ok) return;
  useAppStore.getState().showToast({
    tone: 'info',
    message: i18next.t('workshops.binned', { title: workshop.title }),
    action: { label: i18next.t('common.undo'), run: () => void restoreFromBin(workshop.id) },
  });
}

export async function restoreFromBin(id: WorkshopId): Promise<void> {
  const workshop = await getDb().workshops.get(id);
  if (!workshop) return;
  const ok = await run(() => restoreWorkshop(workshop, Date.now()), { undoable: false });
  if (ok) useAppStore.getState().announce(i18next.t('workshops.restored', { title: workshop.title }));
}

export async function purgeFromBin(workshop: Workshop): Promise<void> {
  // Writing rounds and their inbox are read beside the tree (loadWorkshopTree predates them).
  const [tree, writing] = await Promise.all([
    loadWorkshopTree(getDb(), workshop.id),
    loadWorkshopWriting(getDb(), workshop.id),
  ]);
  const ok = await commit(purgeWorkshop(workshop, { ...tree, ...writing }), {
    undoable: false,
  });
  if (!ok) return;
  // Text typed for it and kept until saved (a person half typed, a decision) goes too.
  forgetKeptTextOf(
    new Set<string>([
      workshop.id,
      ...[tree.boards, tree.columns, tree.matrixRows, tree.clusters, tree.notes, tree.ideas]
        .flat()
        .map((row) => row.id),
      ...[tree.decisions, tree.actionItems].flat().map((row) => row.id),
    ]),
  );
  useAppStore.getState().announce(i18next.t('workshops.purged', { title: workshop.title }));
}
