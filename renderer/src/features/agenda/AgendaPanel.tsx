import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addSession } from '../../domain/agenda';
import type { Board, Workshop } from '../../domain/types';
import { useAgendaItems, useSessions } from '../../persistence/agendaHooks';
import { useDecisions } from '../../persistence/decisionHooks';
import { run } from '../app/commands';
import { SessionDialog } from './SessionDialog';
import { SessionSection } from './SessionSection';

/** Tagesordnung: the workshop's sessions, each with its timeboxed agenda items. */
export function AgendaPanel({ workshop, boards }: { workshop: Workshop; boards: Board[] }) {
  const { t } = useTranslation();
  const sessions = useSessions(workshop.id);
  const items = useAgendaItems(workshop.id);
  const decisions = useDecisions(workshop.id);
  const [adding, setAdding] = useState(false);

  if (!sessions || !items || !decisions) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <div className="agenda">
      <div className="page-heading">
        <h2>{t('agenda.heading')}</h2>
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('agenda.addSession')}
        </button>
      </div>
      {sessions.length === 0 && <p className="empty">{t('agenda.noSessions')}</p>}
      {sessions.map((session) => (
        <SessionSection
          key={session.id}
          session={session}
          allItems={items}
          decisions={decisions}
          boards={boards}
          sessionCount={sessions.length}
        />
      ))}
      {adding && (
        <SessionDialog
          mode="create"
          initial={{
            title: t('defaults.sessionTitle', { number: sessions.length + 1 }),
            date: '',
            startTime: '',
            place: workshop.place,
          }}
          onSubmit={(fields) => run(() => addSession(workshop, sessions, fields).changes)}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
