import { useCallback, useSyncExternalStore } from 'react';
import type { NoteId, WorkshopId } from '../../domain/ids';
import { noteDestinations, type NoteDestination, type TraceData } from '../../domain/trace';
import { subscribeTraceData } from '../../persistence/ideaHooks';
import { routeToHash, boardRoute } from '../app/router';
import { ideaHash } from '../canvas/ideaRoute';

/** Where a card went: copied to another board, or taken into a project idea's canvas. */
export interface TraceEntry {
  kind: 'copy' | 'idea' | 'vision';
  /** Board title (copy), idea title (idea) or vision board title (vision). */
  label: string;
  /** Route to open, e.g. the board or the idea. */
  href: string;
  /** Unique among a card's entries (for React keys). */
  key: string;
}

export type NoteTrace = ReadonlyMap<NoteId, readonly TraceEntry[]>;

function toEntry(workshopId: WorkshopId, d: NoteDestination): TraceEntry {
  switch (d.kind) {
    case 'copy':
      return {
        kind: 'copy',
        label: d.boardTitle,
        href: routeToHash(boardRoute(workshopId, d.boardId)),
        key: `b:${d.boardId}`,
      };
    case 'vision':
      return {
        kind: 'vision',
        label: d.boardTitle,
        href: routeToHash(boardRoute(workshopId, d.boardId)),
        key: `v:${d.visionId}`,
      };
    case 'idea':
      return {
        kind: 'idea',
        label: d.title,
        href: ideaHash(workshopId, d.boardId, d.ideaId),
        key: `i:${d.ideaId}`,
      };
  }
}

const sameEntries = (a: readonly TraceEntry[], b: readonly TraceEntry[]) =>
  a.length === b.length &&
  a.every((e, i) => e.kind === b[i]!.kind && e.label === b[i]!.label && e.href === b[i]!.href);

/**
 * The trace map for new data, reusing the previous arrays (and the previous
 * map) wherever nothing changed, so memoised cards do not re-render.
 */
export function stabiliseTrace(previous: NoteTrace, workshopId: WorkshopId, data: TraceData): NoteTrace {
  const next = new Map<NoteId, readonly TraceEntry[]>();
  let changed = false;
  for (const [noteId, destinations] of noteDestinations(data)) {
    const entries = destinations.map((d) => toEntry(workshopId, d));
    const old = previous.get(noteId);
    if (old && sameEntries(old, entries)) next.set(noteId, old);
    else {
      next.set(noteId, entries);
      changed = true;
    }
  }
  if (!changed && next.size === previous.size) return previous;
  return next;
}

// One live query per workshop, shared by every component that asks (the board and each card).
interface WorkshopTrace {
  map: NoteTrace;
  listeners: Set<() => void>;
  stop: (() => void) | null;
  teardown: ReturnType<typeof setTimeout> | undefined;
}

const EMPTY: NoteTrace = new Map();
const traces = new Map<WorkshopId, WorkshopTrace>();

function traceOf(workshopId: WorkshopId): WorkshopTrace {
  let trace = traces.get(workshopId);
  if (!trace) {
    trace = { map: EMPTY, listeners: new Set(), stop: null, teardown: undefined };
    traces.set(workshopId, trace);
  }
  return trace;
}

function subscribe(workshopId: WorkshopId, listener: () => void): () => void {
  const trace = traceOf(workshopId);
  clearTimeout(trace.teardown);
  trace.listeners.add(listener);
  trace.stop ??= subscribeTraceData(workshopId, (data) => {
    const next = stabiliseTrace(trace.map, workshopId, data);
    if (next === trace.map) return;
    trace.map = next;
    for (const notify of [...trace.listeners]) notify();
  });
  return () => {
    trace.listeners.delete(listener);
    if (trace.listeners.size > 0) return;
    // Cards unmount and mount in bursts (switching boards): keep the query a moment.
    trace.teardown = setTimeout(() => {
      if (trace.listeners.size > 0) return;
      trace.stop?.();
      trace.stop = null;
    }, 2000);
  };
}

/**
 * Every card of a workshop that went somewhere, with where. One live query per
 * workshop; the map and each card's array keep their identity while unchanged.
 */
export function useNoteTrace(workshopId: WorkshopId): NoteTrace {
  const subscribeHere = useCallback((listener: () => void) => subscribe(workshopId, listener), [workshopId]);
  return useSyncExternalStore(subscribeHere, () => traceOf(workshopId).map);
}

/** One card's entries: re-renders only when that card's entries change. */
export function useNoteTraceEntries(
  workshopId: WorkshopId,
  noteId: NoteId,
): readonly TraceEntry[] | undefined {
  const subscribeHere = useCallback((listener: () => void) => subscribe(workshopId, listener), [workshopId]);
  return useSyncExternalStore(subscribeHere, () => traceOf(workshopId).map.get(noteId));
}
