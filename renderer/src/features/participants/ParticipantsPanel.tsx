import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceOf } from '../../domain/minutesRecord';
import type { Participant, Workshop } from '../../domain/types';
import { useParticipants } from '../../persistence/participantHooks';
import { AddParticipantForm } from './AddParticipantForm';
import { EditParticipantDialog } from './EditParticipantDialog';
import { removeWithUndo } from './participantActions';
import { ParticipantTable } from './ParticipantTable';
import { PasteListDialog } from './PasteListDialog';

type PanelDialog = { kind: 'none' } | { kind: 'paste' } | { kind: 'edit'; participant: Participant };

/** The people in the room: a table to edit, a form for one more, and a list pasted from a spreadsheet. */
export function ParticipantsPanel({ workshop }: { workshop: Workshop }) {
  const { t } = useTranslation();
  const participants = useParticipants(workshop.id);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [dialog, setDialog] = useState<PanelDialog>({ kind: 'none' });
  const close = () => setDialog({ kind: 'none' });

  if (participants === undefined) {
    return (
      <section className="participants" aria-busy="true" aria-label={t('participants.heading')}>
        <p>{t('common.loading')}</p>
      </section>
    );
  }

  async function remove(participant: Participant) {
    // The row and its buttons go away: keep the keyboard focus on the panel.
    if (await removeWithUndo(participants ?? [], participant)) headingRef.current?.focus();
  }

  return (
    <section className="participants" aria-labelledby={headingId}>
      <div className="page-heading">
        <div>
          <h2 id={headingId} ref={headingRef} tabIndex={-1}>
            {t('participants.heading')}
          </h2>
          <p className="participants-count">
            {t('participants.count', { count: participants.length })}
            {participants.some((p) => attendanceOf(p) !== 'present') &&
              ` · ${t('participants.attendanceSummary', {
                present: participants.filter((p) => attendanceOf(p) === 'present').length,
                excused: participants.filter((p) => attendanceOf(p) === 'excused').length,
                absent: participants.filter((p) => attendanceOf(p) === 'absent').length,
              })}`}
          </p>
        </div>
        <button type="button" className="button" onClick={() => setDialog({ kind: 'paste' })}>
          {t('participants.paste')}
        </button>
      </div>
      <AddParticipantForm workshop={workshop} existing={participants} />
      {participants.length === 0 ? (
        <p className="empty">{t('participants.none')}</p>
      ) : (
        <ParticipantTable
          participants={participants}
          onEdit={(participant) => setDialog({ kind: 'edit', participant })}
          onRemove={(participant) => void remove(participant)}
        />
      )}
      {dialog.kind === 'paste' && (
        <PasteListDialog workshop={workshop} existing={participants} onClose={close} />
      )}
      {dialog.kind === 'edit' && (
        <EditParticipantDialog participant={dialog.participant} existing={participants} onClose={close} />
      )}
    </section>
  );
}
