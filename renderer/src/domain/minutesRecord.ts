/**
 * The two facts the minutes keep beyond the workshop's content: who attended
 * (anwesend, entschuldigt, abwesend) and whether the minutes were approved.
 */
import type { Change } from './changes';
import type { Attendance, MinutesStatusValue, Participant, Workshop } from './types';

/** Whoever was never marked counts as present. */
export function attendanceOf(participant: Pick<Participant, 'attendance'>): Attendance {
  return participant.attendance ?? 'present';
}

export function setAttendance(participant: Participant, attendance: Attendance): Change[] {
  if (attendanceOf(participant) === attendance) return [];
  return [{ table: 'participants', before: participant, after: { ...participant, attendance } }];
}

export function minutesStatusOf(workshop: Pick<Workshop, 'minutesStatus'>): MinutesStatusValue {
  return workshop.minutesStatus ?? 'draft';
}

/** Stores the status chosen for the minutes, so the next export starts from it. */
export function setMinutesStatus(workshop: Workshop, status: MinutesStatusValue, now: number): Change[] {
  if (minutesStatusOf(workshop) === status) return [];
  return [
    { table: 'workshops', before: workshop, after: { ...workshop, minutesStatus: status, updatedAt: now } },
  ];
}
