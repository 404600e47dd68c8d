import { describe, expect, it } from 'vitest';
import { reminderDue } from '../../../renderer/src/features/backup/backupClient';
import { parseRoute, routeToHash } from '../../../renderer/src/features/app/router';
import { backupFileName } from '../../../renderer/src/persistence/backup/exportBackup';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2027, 2, 24, 12);

describe('the backup reminder (browser)', () => {
  it('stays quiet while the work is young or the last backup file is recent', () => {
    expect(reminderDue(NOW, null, null, null)).toBeNull();
    expect(reminderDue(NOW, null, NOW - 6 * DAY, null)).toBeNull();
    expect(reminderDue(NOW, NOW - 6 * DAY, NOW - 60 * DAY, null)).toBeNull();
  });

  it('reminds when a week of work was never saved as a file, or the last file is a week old', () => {
    expect(reminderDue(NOW, null, NOW - 7 * DAY, null)).toEqual({ days: null });
    expect(reminderDue(NOW, NOW - 9.5 * DAY, NOW - 60 * DAY, null)).toEqual({ days: 9 });
  });

  it('is quiet while snoozed ("Später erinnern")', () => {
    expect(reminderDue(NOW, NOW - 30 * DAY, NOW - 60 * DAY, NOW + 1)).toBeNull();
    expect(reminderDue(NOW, NOW - 30 * DAY, NOW - 60 * DAY, NOW - 1)).toEqual({ days: 30 });
  });
});

describe('backup file names', () => {
  it('carry the title and the day, and nothing a file system refuses', () => {
    const now = new Date('2027-03-24T16:00:00Z');
    expect(backupFileName('KI-Strategie: Auftakt / Teil 1?', now)).toBe(
      'Moderato-Sicherung KI-Strategie Auftakt Teil 1 2027-03-24.moderato.json',
    );
    expect(backupFileName('..\u0000geheim\n', now)).toBe(
      'Moderato-Sicherung geheim 2027-03-24.moderato.json',
    );
    expect(backupFileName(null, now)).toBe('Moderato-Sicherung 2027-03-24.moderato.json');
  });
});

describe('the #/backups route', () => {
  it('is read and written back', () => {
    expect(parseRoute('#/backups')).toEqual({ name: 'backups' });
    expect(routeToHash({ name: 'backups' })).toBe('#/backups');
    expect(parseRoute('#/backups/x')).toEqual({ name: 'workshops' });
  });
});
