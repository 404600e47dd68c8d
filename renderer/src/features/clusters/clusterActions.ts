import i18next from 'i18next';
import type { RefObject } from 'react';
import { deleteNote, recolorNote } from '../../domain/boardCommands';
import { moveCluster, setClusterCollapsed, sortedClusters } from '../../domain/clusterCommands';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { BoardContent, NoteColor } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import { toastNoteDeleted } from '../board/noteDeleted';

/** The dialogs of a clusters board; one at a time. */
export type ClusterDialog =
  | { kind: 'none' }
  | { kind: 'addCluster' }
  | { kind: 'bringIn' }
  | { kind: 'moveCard'; noteId: NoteId }
  | { kind: 'rename'; clusterId: ClusterId }
  | { kind: 'merge'; clusterId: ClusterId }
  | { kind: 'split'; clusterId: ClusterId }
  | { kind: 'focusArea'; clusterId: ClusterId }
  | { kind: 'confirm'; action: 'dissolve' | 'delete' | 'demote'; clusterId: ClusterId };

export interface CardActions {
  edit: (noteId: NoteId) => void;
  recolor: (noteId: NoteId, color: NoteColor) => void;
  move: (noteId: NoteId) => void;
  remove: (noteId: NoteId) => void;
}

export interface ClusterActions {
  open: (dialog: ClusterDialog) => void;
  toggleCollapsed: (clusterId: ClusterId) => void;
  /** Opens a collapsed cluster (the board search shows a card in it); resolves once saved. */
  expand: (clusterId: ClusterId) => Promise<boolean>;
  /** Moves a cluster one place earlier (-1) or later (+1). */
  moveBy: (clusterId: ClusterId, delta: -1 | 1) => void;
}

/**
 * The actions cards and clusters call. They read the board through a ref, so
 * the object stays the same across renders and memoised cards do not re-render.
 */
export function createActions(
  contentRef: RefObject<BoardContent>,
  setDialog: (dialog: ClusterDialog) => void,
): CardActions & ClusterActions {
  const t = i18next.t.bind(i18next);
  const announce = (text: string) => useAppStore.getState().announce(text);
  return {
    edit: (noteId) => useAppStore.getState().setEditingNote(noteId),
    recolor: (noteId, color) => void run(() => recolorNote(contentRef.current, noteId, color, Date.now())),
    move: (noteId) => setDialog({ kind: 'moveCard', noteId }),
    remove: (noteId) => {
      const note = contentRef.current.notes.find((n) => n.id === noteId);
      if (!note) return;
      void run(() => deleteNote(contentRef.current, noteId)).then((ok) => ok && toastNoteDeleted(note));
    },
    open: setDialog,
    toggleCollapsed: (clusterId) => {
      const cluster = contentRef.current.clusters.find((c) => c.id === clusterId);
      if (!cluster) return;
      const collapsed = !cluster.collapsed;
      void run(() => setClusterCollapsed(contentRef.current, clusterId, collapsed, Date.now())).then((ok) => {
        if (ok)
          announce(
            t(collapsed ? 'clusters.collapsedDone' : 'clusters.expandedDone', { title: cluster.title }),
          );
      });
    },
    // Saved like the cluster's own ▸ button (the projector follows), but not an undo step: the
    // search opened it, not the user's edit; Strg+Z undoes the last edit, not the search.
    expand: async (clusterId) => {
      const cluster = contentRef.current.clusters.find((c) => c.id === clusterId);
      if (!cluster?.collapsed) return true;
      return run(() => setClusterCollapsed(contentRef.current, clusterId, false, Date.now()), {
        undoable: false,
      });
    },
    moveBy: (clusterId, delta) => {
      const all = sortedClusters(contentRef.current);
      const index = all.findIndex((c) => c.id === clusterId);
      const next = index + delta;
      if (index < 0 || next < 0 || next >= all.length) return;
      void run(() => moveCluster(contentRef.current, clusterId, next, Date.now())).then((ok) => {
        if (ok)
          announce(
            t('clusters.movedTo', { title: all[index]!.title, position: next + 1, total: all.length }),
          );
      });
    },
  };
}
