import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { attendanceOf, setAttendance } from '../../domain/minutesRecord';
import { ATTENDANCES, type Attendance, type Participant } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import './attendance.css';

/**
 * Anwesend, entschuldigt or abwesend, for the minutes ("Entschuldigt: …"). A
 * native select: arrow keys choose, the name is in its label. Undoable.
 */
export const AttendanceSelect = memo(function AttendanceSelect({
  participant,
}: {
  participant: Participant;
}) {
  const { t } = useTranslation();
  async function choose(value: Attendance) {
    if (await run(() => setAttendance(participant, value)))
      useAppStore.getState().announce(
        t('participants.attendanceSaved', {
          name: participant.name,
          value: t(`participants.attendanceValue.${value}`),
        }),
      );
  }
  const current = attendanceOf(participant);
  return (
    <select
      className={`participant-attendance participant-attendance-${current}`}
      aria-label={t('participants.attendanceOf', { name: participant.name })}
      value={current}
      onChange={(event) => void choose(event.target.value as Attendance)}
    >
      {ATTENDANCES.map((value) => (
        <option key={value} value={value}>
          {t(`participants.attendanceValue.${value}`)}
        </option>
      ))}
    </select>
  );
});
