import type { StateCreator } from 'zustand';
import type { AppState } from './store';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** An optional action button, e.g. "Rückgängig". */
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  toasts: Toast[];
  /** The text of the polite live region; a counter makes repeats audible. */
  announcement: { text: string; seq: number };
  /** The agenda item the timer bar shows when none is running (the last one used). */
  timerItemId: string | null;
  setTimerItem: (id: string | null) => void;
  /** The note whose text is being edited in place, if any. */
  editingNoteId: string | null;
  setEditingNote: (id: string | null) => void;
  showToast: (toast: Omit<Toast, 'id'>) => void;
  dismissToast: (id: number) => void;
  announce: (text: string) => void;
}

let nextToastId = 1;

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  toasts: [],
  announcement: { text: '', seq: 0 },
  timerItemId: null,
  setTimerItem: (id) => set({ timerItemId: id }),
  editingNoteId: null,
  setEditingNote: (id) => set({ editingNoteId: id }),
  showToast: (toast) => {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-2), { ...toast, id }] }));
  },
  dismissToast: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
  announce: (text) => set((s) => ({ announcement: { text, seq: s.announcement.seq + 1 } })),
});
