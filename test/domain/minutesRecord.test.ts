import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../../renderer/src/domain/ids';
import {
  attendanceOf,
  minutesStatusOf,
  setAttendance,
  setMinutesStatus,
} from '../../renderer/src/domain/minutesRecord';
import type { Participant } from '../../renderer/src/domain/types';
import { WORKSHOP } from './minutesTree';

const jonas: Participant = {
  id: 'p1' as ParticipantId,
  workshopId: WORKSHOP.id,
  name: 'Jonas Weber',
  unit: '',
  role: '',
  createdAt: 0,
};

describe('attendance and minutes status', () => {
  it('counts a participant never marked as present and records a change as one undoable row', () => {
    expect(attendanceOf(jonas)).toBe('present');
    expect(setAttendance(jonas, 'present')).toEqual([]);
    expect(setAttendance(jonas, 'excused')).toEqual([
      { table: 'participants', before: jonas, after: { ...jonas, attendance: 'excused' } },
    ]);
  });

  it('treats a workshop without a stored status as a draft and stores "approved"', () => {
    expect(minutesStatusOf(WORKSHOP)).toBe('draft');
    expect(setMinutesStatus(WORKSHOP, 'draft', 9)).toEqual([]);
    const [change] = setMinutesStatus(WORKSHOP, 'approved', 9);
    expect(change?.after).toEqual({ ...WORKSHOP, minutesStatus: 'approved', updatedAt: 9 });
  });
});
