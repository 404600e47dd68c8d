import { create } from 'zustand';
import { createDragSlice, type DragSlice } from './dragSlice';
import { createHistorySlice, type HistorySlice } from './historySlice';
import { createUiSlice, type UiSlice } from './uiSlice';

/** View state only: what is persisted lives in Dexie. */
export type AppState = HistorySlice & UiSlice & DragSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createHistorySlice(...args),
  ...createUiSlice(...args),
  ...createDragSlice(...args),
}));
