import i18next from 'i18next';
import type { Note } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { commit } from '../app/commands';
import { shorten } from './useNoteDnd';

/** After a card was deleted: a toast whose "Rückgängig" brings back this very card. */
export function toastNoteDeleted(note: Note): void {
  useAppStore.getState().showToast({
    tone: 'info',
    message: i18next.t('notes.deleted', { note: shorten(note.text, 40) }),
    // Restores this very card, whatever happened since (the undo stack may have moved on).
    action: { label: i18next.t('common.undo'), run: () => void commit([{ table: 'notes', after: note }]) },
  });
}
