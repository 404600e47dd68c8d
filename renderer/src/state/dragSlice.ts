import type { StateCreator } from 'zustand';
import type { ColumnId, NoteId } from '../domain/ids';
import type { AppState } from './store';

/** Column → note ids as shown while a drag is under way; null when not dragging. */
export type DragPreview = Record<ColumnId, NoteId[]>;

export interface DragSlice {
  dragPreview: DragPreview | null;
  activeNoteId: NoteId | null;
  startDrag: (noteId: NoteId, preview: DragPreview) => void;
  setDragPreview: (preview: DragPreview) => void;
  /** The drop is done, the preview stays until the saved board shows the move. */
  releaseDrag: () => void;
  endDrag: () => void;
}

export const createDragSlice: StateCreator<AppState, [], [], DragSlice> = (set) => ({
  dragPreview: null,
  activeNoteId: null,
  startDrag: (noteId, preview) => set({ activeNoteId: noteId, dragPreview: preview }),
  setDragPreview: (preview) => set({ dragPreview: preview }),
  releaseDrag: () => set({ activeNoteId: null }),
  endDrag: () => set({ activeNoteId: null, dragPreview: null }),
});
