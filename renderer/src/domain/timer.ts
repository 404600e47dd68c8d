import type { Change } from './changes';
import { DomainError } from './errors';
import type { AgendaItemId } from './ids';
import type { AgendaItem } from './types';

const MINUTE = 60_000;
export const MAX_EXTRA_MINUTES = 240;

/** Time spent on an item so far, including the running stretch. */
export function elapsedMs(item: AgendaItem, now: number): number {
  const running = item.runningSince === null ? 0 : Math.max(0, now - item.runningSince);
  return item.elapsedMs + running;
}

export function plannedMs(item: AgendaItem): number {
  return (item.plannedMinutes + item.extraMinutes) * MINUTE;
}

export interface TimerReading {
  running: boolean;
  elapsedMs: number;
  /** Negative once the timebox is over. */
  remainingMs: number;
  overtime: boolean;
}

export function readTimer(item: AgendaItem, now: number): TimerReading {
  const elapsed = elapsedMs(item, now);
  const remaining = plannedMs(item) - elapsed;
  return {
    running: item.runningSince !== null,
    elapsedMs: elapsed,
    remainingMs: remaining,
    overtime: remaining < 0,
  };
}

function pause(item: AgendaItem, now: number): AgendaItem {
  return { ...item, elapsedMs: elapsedMs(item, now), runningSince: null };
}

/**
 * Starts the timer of one item. Only one item runs at a time: any other running
 * item of the workshop is paused, with its time so far recorded.
 */
export function startTimer(items: readonly AgendaItem[], itemId: AgendaItemId, now: number): Change[] {
  const item = items.find((i) => i.id === itemId);
  if (!item) throw new DomainError('agendaItemMissing');
  const changes: Change[] = [];
  for (const other of items) {
    if (other.id !== itemId && other.runningSince !== null) {
      changes.push({ table: 'agendaItems', before: other, after: pause(other, now) });
    }
  }
  if (item.runningSince === null) {
    changes.push({ table: 'agendaItems', before: item, after: { ...item, runningSince: now } });
  }
  return changes;
}

export function pauseTimer(item: AgendaItem, now: number): Change[] {
  if (item.runningSince === null) return [];
  return [{ table: 'agendaItems', before: item, after: pause(item, now) }];
}

/** Gives the running item more time ("Zeit verlängern"). */
export function extendTimer(item: AgendaItem, minutes: number): Change[] {
  if (!Number.isInteger(minutes) || minutes < 1) throw new DomainError('agendaExtendInvalid');
  if (item.extraMinutes + minutes > MAX_EXTRA_MINUTES) {
    throw new DomainError('agendaExtendTooMuch', { max: MAX_EXTRA_MINUTES });
  }
  return [
    { table: 'agendaItems', before: item, after: { ...item, extraMinutes: item.extraMinutes + minutes } },
  ];
}

/** Clears the recorded time, e.g. when the timer was started by mistake. */
export function resetTimer(item: AgendaItem): Change[] {
  if (item.elapsedMs === 0 && item.runningSince === null && item.extraMinutes === 0) return [];
  return [
    {
      table: 'agendaItems',
      before: item,
      after: { ...item, elapsedMs: 0, runningSince: null, extraMinutes: 0 },
    },
  ];
}

/** "mm:ss" or "h:mm:ss" of a duration; negative durations get a leading minus. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return hours > 0
    ? `${sign}${hours}:${pad(minutes)}:${pad(seconds)}`
    : `${sign}${pad(minutes)}:${pad(seconds)}`;
}
