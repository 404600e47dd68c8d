import type { StateCreator } from 'zustand';
import type { ChangeSet } from '../domain/changes';
import type { AppState } from './store';

const MAX_STEPS = 200;

/** Undo/redo pointers: the change sets themselves, newest last. Kept per workshop. */
export interface HistorySlice {
  historyScope: string | null;
  past: ChangeSet[];
  future: ChangeSet[];
  setHistoryScope: (scope: string | null) => void;
  recordChanges: (changes: ChangeSet) => void;
  /** Removes and returns the newest undo step, if any. */
  popUndo: () => ChangeSet | undefined;
  popRedo: () => ChangeSet | undefined;
  pushUndo: (changes: ChangeSet) => void;
  pushRedo: (changes: ChangeSet) => void;
  /**
   * Set while participants use the laptop (the ballot screen): undo and redo
   * are held back, so nobody at the laptop can take back the facilitator's edits.
   */
  historyLocked: boolean;
  setHistoryLocked: (locked: boolean) => void;
}

export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => ({
  historyScope: null,
  past: [],
  future: [],
  setHistoryScope: (scope) => {
    if (get().historyScope !== scope) set({ historyScope: scope, past: [], future: [] });
  },
  recordChanges: (changes) => {
    if (changes.length === 0) return;
    set((s) => ({ past: [...s.past, changes].slice(-MAX_STEPS), future: [] }));
  },
  popUndo: () => {
    const last = get().past.at(-1);
    if (last) set((s) => ({ past: s.past.slice(0, -1) }));
    return last;
  },
  popRedo: () => {
    const last = get().future.at(-1);
    if (last) set((s) => ({ future: s.future.slice(0, -1) }));
    return last;
  },
  pushUndo: (changes) => set((s) => ({ past: [...s.past, changes].slice(-MAX_STEPS) })),
  pushRedo: (changes) => set((s) => ({ future: [...s.future, changes] })),
  historyLocked: false,
  setHistoryLocked: (locked) => set({ historyLocked: locked }),
});
