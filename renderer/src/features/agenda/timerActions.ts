import i18next from 'i18next';
import type { AgendaItemId } from '../../domain/ids';
import { extendTimer, pauseTimer, resetTimer, startTimer } from '../../domain/timer';
import type { AgendaItem } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';

// Timer clicks are not board edits: undoing "start" would rewind the clock, so
// they stay off the undo stack.
const NOT_UNDOABLE = { undoable: false } as const;

export async function start(items: readonly AgendaItem[], itemId: AgendaItemId): Promise<void> {
  useAppStore.getState().setTimerItem(itemId);
  const item = items.find((i) => i.id === itemId);
  const ok = await run(() => startTimer(items, itemId, Date.now()), NOT_UNDOABLE);
  if (ok && item) useAppStore.getState().announce(i18next.t('timer.started', { title: item.title }));
}

export async function pause(item: AgendaItem): Promise<void> {
  const ok = await run(() => pauseTimer(item, Date.now()), NOT_UNDOABLE);
  if (ok) useAppStore.getState().announce(i18next.t('timer.paused', { title: item.title }));
}

export async function extend(item: AgendaItem, minutes: number): Promise<void> {
  const ok = await run(() => extendTimer(item, minutes), NOT_UNDOABLE);
  if (ok) useAppStore.getState().announce(i18next.t('timer.extended', { minutes }));
}

export function reset(item: AgendaItem): Promise<boolean> {
  return run(() => resetTimer(item), NOT_UNDOABLE);
}
