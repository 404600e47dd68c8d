import { useMemo, useRef } from 'react';
import type { ClusterId, NoteId } from '../../domain/ids';
import type { Note } from '../../domain/types';

const POOL = '' as ClusterId;

function sameNote(a: Note, b: Note): boolean {
  return (
    a.text === b.text &&
    a.color === b.color &&
    a.rank === b.rank &&
    a.clusterId === b.clusterId &&
    a.sourceNoteId === b.sourceNoteId &&
    a.updatedAt === b.updatedAt &&
    JSON.stringify(a.facts) === JSON.stringify(b.facts)
  );
}

function sameList(a: readonly Note[] | undefined, b: readonly Note[]): boolean {
  return !!a && a.length === b.length && a.every((note, i) => note === b[i]);
}

/**
 * The cards grouped by cluster (the pool under ''), already sorted by rank.
 * Every live query hands out fresh objects; unchanged cards and unchanged
 * groups keep their previous identity here, so memoised cards and clusters
 * skip rendering when something elsewhere on the board changed.
 */
export function useStableGroups(notes: readonly Note[]): ReadonlyMap<ClusterId, readonly Note[]> {
  const previous = useRef<{ notes: Map<NoteId, Note>; groups: Map<ClusterId, readonly Note[]> }>({
    notes: new Map(),
    groups: new Map(),
  });
  // The ref is a cache of the previous result, compared against only; reading it here is the point.
  /* eslint-disable react-hooks/refs */
  return useMemo(() => {
    const last = previous.current;
    const nextNotes = new Map<NoteId, Note>();
    const lists = new Map<ClusterId, Note[]>();
    for (const fresh of notes) {
      const old = last.notes.get(fresh.id);
      const note = old && sameNote(old, fresh) ? old : fresh;
      nextNotes.set(note.id, note);
      const key = note.clusterId ?? POOL;
      let list = lists.get(key);
      if (!list) lists.set(key, (list = []));
      list.push(note);
    }
    const groups = new Map<ClusterId, readonly Note[]>();
    for (const [key, list] of lists) {
      const old = last.groups.get(key);
      groups.set(key, sameList(old, list) ? old! : list);
    }
    previous.current = { notes: nextNotes, groups };
    return groups;
  }, [notes]);
  /* eslint-enable react-hooks/refs */
}

export const POOL_KEY = POOL;

/**
 * The same rows as last time where nothing in them changed (compared field by
 * field), so memoised components that get one row each skip rendering.
 */
export function useStableRows<Row extends { id: string }>(rows: readonly Row[]): readonly Row[] {
  const previous = useRef<ReadonlyMap<string, Row>>(new Map());
  /* eslint-disable react-hooks/refs -- a cache of the previous result, as above */
  return useMemo(() => {
    const last = previous.current;
    const next = rows.map((row) => {
      const old = last.get(row.id);
      return old && JSON.stringify(old) === JSON.stringify(row) ? old : row;
    });
    previous.current = new Map(next.map((row) => [row.id, row]));
    return next;
  }, [rows]);
  /* eslint-enable react-hooks/refs */
}
