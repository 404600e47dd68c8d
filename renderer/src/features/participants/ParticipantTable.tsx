import { useTranslation } from 'react-i18next';
import type { Participant } from '../../domain/types';
import { AttendanceSelect } from './AttendanceSelect';

interface ParticipantTableProps {
  participants: readonly Participant[];
  onEdit: (participant: Participant) => void;
  onRemove: (participant: Participant) => void;
}

/** One row a person; the name is the row header, so a screen reader names each row's buttons. */
export function ParticipantTable({ participants, onEdit, onRemove }: ParticipantTableProps) {
  const { t } = useTranslation();
  return (
    <div className="participant-table-wrap">
      <table className="participant-table">
        <caption className="visually-hidden">{t('participants.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('participants.name')}</th>
            <th scope="col">{t('participants.unit')}</th>
            <th scope="col">{t('participants.role')}</th>
            <th scope="col">{t('participants.attendance')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('participants.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {participants.map((participant) => (
            <tr key={participant.id} data-participant-id={participant.id}>
              <th scope="row">{participant.name}</th>
              <td>{participant.unit}</td>
              <td>{participant.role}</td>
              <td>
                <AttendanceSelect participant={participant} />
              </td>
              <td className="participant-actions">
                {/* The visible word starts the accessible name (WCAG 2.5.3), the name says whose row. */}
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => onEdit(participant)}
                  aria-label={t('participants.editNamed', { name: participant.name })}
                >
                  {t('participants.edit')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-quiet"
                  onClick={() => onRemove(participant)}
                  aria-label={t('participants.removeNamed', { name: participant.name })}
                >
                  {t('participants.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
