import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import {
  addAgendaItem,
  formatClock,
  planSchedule,
  removeSession,
  updateAgendaItem,
  updateSession,
} from '../../domain/agenda';
import type { AgendaItem, Board, Decision, WorkshopSession } from '../../domain/types';
import { formatIsoDate } from '../../i18n';
import { run } from '../app/commands';
import { AgendaItemDialog } from './AgendaItemDialog';
import { AgendaList } from './AgendaList';
import { SessionDialog } from './SessionDialog';

interface SessionSectionProps {
  session: WorkshopSession;
  allItems: AgendaItem[];
  /** For unlinking decisions when their agenda item goes. */
  decisions: Decision[];
  boards: Board[];
  sessionCount: number;
}

type DialogState =
  | { kind: 'none' }
  | { kind: 'editSession' }
  | { kind: 'deleteSession' }
  | { kind: 'addItem' }
  | { kind: 'editItem'; item: AgendaItem };

export function SessionSection({ session, allItems, decisions, boards }: SessionSectionProps) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });
  const schedule = planSchedule(session, allItems);
  const hours = Math.floor(schedule.totalMinutes / 60);
  const minutes = schedule.totalMinutes % 60;
  const duration = t('agenda.duration', { hours, minutes });

  return (
    <section className="session" aria-labelledby={headingId}>
      <div className="session-header">
        <h3 id={headingId}>{session.title}</h3>
        <p className="session-facts">
          {[formatIsoDate(session.date, i18n.language), session.startTime, session.place]
            .filter(Boolean)
            .join(' · ') || t('agenda.noSessionFacts')}
        </p>
        <p className="session-end">
          {schedule.end !== null
            ? t('agenda.plannedEnd', { time: formatClock(schedule.end), duration })
            : t('agenda.plannedDuration', { duration })}
        </p>
        <div className="session-actions">
          <button
            type="button"
            className="button button-small"
            onClick={() => setDialog({ kind: 'editSession' })}
          >
            {t('agenda.editSession')}
          </button>
          <button
            type="button"
            className="button button-small button-danger-quiet"
            onClick={() => setDialog({ kind: 'deleteSession' })}
          >
            {t('agenda.deleteSession')}
          </button>
        </div>
      </div>
      <AgendaList
        session={session}
        schedule={schedule}
        allItems={allItems}
        decisions={decisions}
        boards={boards}
        onEdit={(item) => setDialog({ kind: 'editItem', item })}
      />
      <button type="button" className="add-note" onClick={() => setDialog({ kind: 'addItem' })}>
        <span aria-hidden="true">+ </span>
        {t('agenda.addItem')}
        <span className="visually-hidden"> {t('agenda.toSession', { title: session.title })}</span>
      </button>

      {dialog.kind === 'editSession' && (
        <SessionDialog
          mode="edit"
          initial={session}
          onSubmit={(fields) => run(() => updateSession(session, fields))}
          onClose={close}
        />
      )}
      {dialog.kind === 'deleteSession' && (
        <ConfirmDialog
          title={t('agenda.deleteSessionTitle')}
          message={t('agenda.deleteSessionConfirm', {
            title: session.title,
            count: schedule.items.length,
          })}
          confirmLabel={t('agenda.deleteSession')}
          danger
          onCancel={close}
          onConfirm={() => {
            close();
            void run(() => removeSession(session, allItems, decisions));
          }}
        />
      )}
      {dialog.kind === 'addItem' && (
        <AgendaItemDialog
          mode="create"
          initial={{ title: '', boardId: null, plannedMinutes: '15', facilitatorNotes: '' }}
          boards={boards}
          onSubmit={(fields) => run(() => addAgendaItem(session, allItems, fields).changes)}
          onClose={close}
        />
      )}
      {dialog.kind === 'editItem' && (
        <AgendaItemDialog
          mode="edit"
          initial={dialog.item}
          boards={boards}
          onSubmit={(fields) => run(() => updateAgendaItem(dialog.item, fields))}
          onClose={close}
        />
      )}
    </section>
  );
}
