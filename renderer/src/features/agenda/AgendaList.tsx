import {
  closestCenter,
  DndContext,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { KeyboardSensor, useEndKeyboardDragOnUnmount } from '../a11y/keyboardSensor';
import { LiftingPointerSensor } from '../board/liftingSensor';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useMemo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import {
  formatClock,
  moveAgendaItem,
  removeAgendaItem,
  type Schedule,
  type ScheduledItem,
} from '../../domain/agenda';
import type { AgendaItemId } from '../../domain/ids';
import { formatDuration, readTimer } from '../../domain/timer';
import type { AgendaItem, Board, Decision, WorkshopSession } from '../../domain/types';
import { run } from '../app/commands';
import { pause, start } from './timerActions';
import { useNow } from './useNow';

interface AgendaListProps {
  session: WorkshopSession;
  schedule: Schedule;
  allItems: AgendaItem[];
  decisions: Decision[];
  boards: Board[];
  onEdit: (item: AgendaItem) => void;
}

// Stable options: dnd-kit rebuilds its activators when they change identity.
const POINTER_OPTIONS = { activationConstraint: { distance: 6 } };
const KEYBOARD_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

/** The agenda items of one session; reorder by drag, by keyboard (Space, arrows, Space) or by buttons. */
export function AgendaList({ session, schedule, allItems, decisions, boards, onEdit }: AgendaListProps) {
  const { t } = useTranslation();
  const ids = schedule.items.map((s) => s.item.id);
  const now = useNow(schedule.items.some((s) => s.item.runningSince !== null));
  useEndKeyboardDragOnUnmount();
  const sensors = useSensors(
    useSensor(LiftingPointerSensor, POINTER_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_OPTIONS),
  );
  const titleOf = (id: unknown) => schedule.items.find((s) => s.item.id === id)?.item.title ?? '';
  const position = (id: unknown) => ids.indexOf(id as AgendaItemId) + 1;
  const announcements = useMemo<Announcements>(
    () => ({
      onDragStart: ({ active }) =>
        t('agenda.dnd.pickedUp', { title: titleOf(active.id), position: position(active.id) }),
      onDragOver: ({ active, over }) =>
        over ? t('agenda.dnd.over', { title: titleOf(active.id), position: position(over.id) }) : undefined,
      onDragEnd: ({ active, over }) =>
        over
          ? t('agenda.dnd.dropped', { title: titleOf(active.id), position: position(over.id) })
          : undefined,
      onDragCancel: ({ active }) => t('agenda.dnd.cancelled', { title: titleOf(active.id) }),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the helpers read this render's schedule
    [t, schedule],
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const index = ids.indexOf(over.id as AgendaItemId);
    void run(() => moveAgendaItem(allItems, active.id as AgendaItemId, index));
  }

  if (ids.length === 0) return <p className="empty">{t('agenda.noItems')}</p>;
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('agenda.dnd.instructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className="agenda-list" aria-label={t('agenda.itemsOf', { title: session.title })}>
          {schedule.items.map((scheduled, index) => (
            <AgendaRow
              key={scheduled.item.id}
              scheduled={scheduled}
              index={index}
              count={ids.length}
              allItems={allItems}
              decisions={decisions}
              board={boards.find((b) => b.id === scheduled.item.boardId)}
              now={now}
              onEdit={onEdit}
            />
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

interface AgendaRowProps {
  scheduled: ScheduledItem;
  index: number;
  count: number;
  allItems: AgendaItem[];
  decisions: Decision[];
  board: Board | undefined;
  /** The clock of the list, so a running item's recorded time ticks. */
  now: number;
  onEdit: (item: AgendaItem) => void;
}

function AgendaRow({ scheduled, index, count, allItems, decisions, board, now, onEdit }: AgendaRowProps) {
  const { t } = useTranslation();
  const { item, start: from, end: to } = scheduled;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: item.id,
      attributes: { roleDescription: t('agenda.dnd.roleDescription') },
    });
  const reading = readTimer(item, now);
  const running = item.runningSince !== null;
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={`agenda-item${isDragging ? ' agenda-item-dragging' : ''}${running ? ' agenda-item-running' : ''}`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="note-handle"
        {...attributes}
        onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
        aria-label={t('agenda.handle', { title: item.title })}
      >
        <Icon name="grip" />
      </button>
      <span className="agenda-number">{index + 1}.</span>
      <span className="agenda-time">
        {from !== null && to !== null ? `${formatClock(from)}–${formatClock(to)}` : ''}
      </span>
      <span className="agenda-title">
        <strong>{item.title}</strong>
        {board && <span className="agenda-board">{board.title}</span>}
        {item.facilitatorNotes && <span className="agenda-notes">{item.facilitatorNotes}</span>}
      </span>
      <span className="agenda-minutes">
        {t('agenda.minutes', { count: item.plannedMinutes + item.extraMinutes })}
        {reading.elapsedMs > 0 && (
          <span className="agenda-actual">
            {' '}
            · {t('agenda.actual', { time: formatDuration(reading.elapsedMs) })}
          </span>
        )}
      </span>
      <span className="agenda-actions">
        {running ? (
          <button type="button" className="button button-small" onClick={() => void pause(item)}>
            {t('timer.pause')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
        ) : (
          <button type="button" className="button button-small" onClick={() => void start(allItems, item.id)}>
            {t('timer.start')}
            <span className="visually-hidden"> {item.title}</span>
          </button>
        )}
        <button type="button" className="icon-button" onClick={() => onEdit(item)} title={t('common.edit')}>
          <Icon name="edit" />
          <span className="visually-hidden">{t('agenda.editNamed', { title: item.title })}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={index === 0}
          onClick={() => void run(() => moveAgendaItem(allItems, item.id, index - 1))}
          title={t('agenda.moveUp')}
        >
          <span aria-hidden="true">↑</span>
          <span className="visually-hidden">{t('agenda.moveUpNamed', { title: item.title })}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={index === count - 1}
          onClick={() => void run(() => moveAgendaItem(allItems, item.id, index + 1))}
          title={t('agenda.moveDown')}
        >
          <span aria-hidden="true">↓</span>
          <span className="visually-hidden">{t('agenda.moveDownNamed', { title: item.title })}</span>
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          onClick={() => void run(() => removeAgendaItem(item, decisions))}
          title={t('common.delete')}
        >
          <Icon name="trash" />
          <span className="visually-hidden">{t('agenda.deleteNamed', { title: item.title })}</span>
        </button>
      </span>
    </li>
  );
}
