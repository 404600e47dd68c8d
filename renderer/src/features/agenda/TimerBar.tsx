import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopId } from '../../domain/ids';
import { formatDuration, readTimer } from '../../domain/timer';
import type { AgendaItem } from '../../domain/types';
import { useAgendaItems } from '../../persistence/agendaHooks';
import { useAppStore } from '../../state/store';
import { routeToHash } from '../app/router';
import { extend, pause, start } from './timerActions';
import { useNow } from './useNow';

const WARN_MS = 60_000;

/** Picks the item the timer shows: the running one, else the one last used here. */
export function currentTimerItem(items: readonly AgendaItem[] | undefined, lastUsed: string | null) {
  return items?.find((i) => i.runningSince !== null) ?? items?.find((i) => i.id === lastUsed);
}

/** The running agenda item's timer, on every screen of the workshop. */
export function TimerBar({ workshopId }: { workshopId: WorkshopId }) {
  const { t } = useTranslation();
  const items = useAgendaItems(workshopId);
  const lastUsed = useAppStore((s) => s.timerItemId);
  const item = currentTimerItem(items, lastUsed);
  const now = useNow(item !== undefined && item.runningSince !== null);
  const reading = item ? readTimer(item, now) : null;
  useTimerAnnouncements(item, reading?.remainingMs ?? null);

  if (!item || !reading || !items) return null;
  const state = reading.overtime ? 'over' : reading.remainingMs <= WARN_MS ? 'warn' : 'ok';
  return (
    <section className={`timer-bar timer-${state}`} aria-label={t('timer.label')}>
      <span className="timer-item">
        {t('timer.current')}: <strong>{item.title}</strong>
        {item.boardId && (
          <a
            className="timer-board-link"
            href={routeToHash({ name: 'workshop', workshopId, section: 'board', boardId: item.boardId })}
          >
            {t('timer.toBoard')}
          </a>
        )}
      </span>
      <span className="timer-clock" aria-hidden="true">
        {reading.overtime ? `+${formatDuration(-reading.remainingMs)}` : formatDuration(reading.remainingMs)}
      </span>
      <span className="visually-hidden">
        {reading.overtime
          ? t('timer.overBy', { time: formatDuration(-reading.remainingMs) })
          : t('timer.remaining', { time: formatDuration(reading.remainingMs) })}
      </span>
      {reading.overtime && <span className="timer-signal">{t('timer.timeUp')}</span>}
      <span className="timer-actions">
        {reading.running ? (
          <button type="button" className="button button-small" onClick={() => void pause(item)}>
            {t('timer.pause')}
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void start(items, item.id)}>
            {reading.elapsedMs > 0 ? t('timer.resume') : t('timer.start')}
          </button>
        )}
        <button type="button" className="button button-small" onClick={() => void extend(item, 5)}>
          {t('timer.extend', { minutes: 5 })}
        </button>
      </span>
    </section>
  );
}

/** Says "one minute left" and "time is up" once each, politely, not every second. */
function useTimerAnnouncements(item: AgendaItem | undefined, remainingMs: number | null) {
  const { t } = useTranslation();
  const said = useRef<{ id: string | null; warned: boolean; over: boolean }>({
    id: null,
    warned: false,
    over: false,
  });
  useEffect(() => {
    if (!item || remainingMs === null) return;
    const memory = said.current;
    if (memory.id !== item.id)
      said.current = { id: item.id, warned: remainingMs <= WARN_MS, over: remainingMs < 0 };
    else if (remainingMs < 0 && !memory.over) {
      memory.over = true;
      useAppStore.getState().announce(t('timer.timeUpFor', { title: item.title }));
    } else if (remainingMs <= WARN_MS && remainingMs >= 0 && !memory.warned) {
      memory.warned = true;
      useAppStore.getState().announce(t('timer.oneMinute', { title: item.title }));
    } else if (remainingMs > WARN_MS) {
      // Extended: warn again next time.
      memory.warned = false;
      memory.over = false;
    }
  }, [item, remainingMs, t]);
}
