import { describe, expect, it } from 'vitest';
import type { Change } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import {
  extendTimer,
  formatDuration,
  pauseTimer,
  readTimer,
  resetTimer,
  startTimer,
} from '../../renderer/src/domain/timer';
import type { AgendaItem } from '../../renderer/src/domain/types';

const MIN = 60_000;
const item = (id: string, plannedMinutes = 10): AgendaItem =>
  ({
    id,
    workshopId: 'w',
    sessionId: 's',
    title: id,
    boardId: null,
    plannedMinutes,
    facilitatorNotes: '',
    rank: id,
    elapsedMs: 0,
    runningSince: null,
    extraMinutes: 0,
  }) as unknown as AgendaItem;

const apply = (items: AgendaItem[], changes: Change[]) =>
  items.map((i) => (changes.find((c) => c.after?.id === i.id)?.after as AgendaItem | undefined) ?? i);

describe('agenda timer (on a fake clock)', () => {
  it('counts down while running, holds while paused, and records the time spent', () => {
    let items = [item('a')];
    items = apply(items, startTimer(items, items[0]!.id, 0));
    expect(readTimer(items[0]!, 4 * MIN)).toMatchObject({
      running: true,
      elapsedMs: 4 * MIN,
      remainingMs: 6 * MIN,
    });
    items = apply(items, pauseTimer(items[0]!, 4 * MIN));
    expect(readTimer(items[0]!, 60 * MIN)).toMatchObject({
      running: false,
      elapsedMs: 4 * MIN,
      remainingMs: 6 * MIN,
    });
    items = apply(items, startTimer(items, items[0]!.id, 100 * MIN));
    expect(readTimer(items[0]!, 103 * MIN).elapsedMs).toBe(7 * MIN);
  });

  it('goes into overtime after the timebox, and an extension gives more time', () => {
    let items = [item('a', 5)];
    items = apply(items, startTimer(items, items[0]!.id, 0));
    expect(readTimer(items[0]!, 6 * MIN)).toMatchObject({ overtime: true, remainingMs: -MIN });
    items = apply(items, extendTimer(items[0]!, 5));
    expect(readTimer(items[0]!, 6 * MIN)).toMatchObject({ overtime: false, remainingMs: 4 * MIN });
  });

  it('runs one item at a time: starting another pauses the first with its time kept', () => {
    let items = [item('a'), item('b')];
    items = apply(items, startTimer(items, items[0]!.id, 0));
    items = apply(items, startTimer(items, items[1]!.id, 3 * MIN));
    expect(items[0]).toMatchObject({ runningSince: null, elapsedMs: 3 * MIN });
    expect(items[1]).toMatchObject({ runningSince: 3 * MIN });
  });

  it('writes nothing for a pause of a paused timer or an idle reset; refuses silly extensions', () => {
    const idle = item('a');
    expect(pauseTimer(idle, 5)).toEqual([]);
    expect(resetTimer(idle)).toEqual([]);
    expect(() => extendTimer(idle, 0)).toThrowError(DomainError);
    expect(() => extendTimer(idle, 1000)).toThrowError(DomainError);
  });

  it('formats remaining and overtime durations', () => {
    expect(formatDuration(65_000)).toBe('01:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-61_000)).toBe('−01:01');
  });
});
