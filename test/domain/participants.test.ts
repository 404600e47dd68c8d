import { describe, expect, it } from 'vitest';
import { invertChanges } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import type { ParticipantId } from '../../renderer/src/domain/ids';
import {
  addParticipant,
  importParticipantList,
  parseParticipantList,
  participantKey,
  PARTICIPANT_LIMITS,
  removeParticipant,
  updateParticipant,
  validateParticipantFields,
} from '../../renderer/src/domain/participants';
import type { Participant } from '../../renderer/src/domain/types';
import { createWorkshop, EMPTY_WORKSHOP_FIELDS } from '../../renderer/src/domain/workshopCommands';

const { workshop } = createWorkshop({
  fields: { ...EMPTY_WORKSHOP_FIELDS, title: 'KI-Strategie' },
  template: { boards: [], agenda: [] },
  sessionTitle: 'Sitzung 1',
  now: 1,
});

function person(name: string, unit = '', role = '', id = name): Participant {
  return { id: id as ParticipantId, workshopId: workshop.id, name, unit, role, createdAt: 1 };
}

function codeOf(command: () => unknown): string {
  try {
    command();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error('the command was not refused');
}

function many(count: number, prefix = 'Person'): Participant[] {
  return Array.from({ length: count }, (_, i) => person(`${prefix} ${i + 1}`, 'Referat 1', '', `p${i}`));
}

describe('addParticipant', () => {
  it('adds a trimmed participant to the workshop', () => {
    const { participant, changes } = addParticipant(
      workshop,
      [],
      { name: '  Łukasz Wróbel ', unit: ' Senatskanzlei, Ref. 12\t', role: 'Moderation ' },
      5,
    );
    expect(participant).toMatchObject({
      workshopId: workshop.id,
      name: 'Łukasz Wróbel',
      unit: 'Senatskanzlei, Ref. 12',
      role: 'Moderation',
      createdAt: 5,
    });
    expect(changes).toEqual([{ table: 'participants', after: participant }]);
  });

  it('refuses an empty name and fields over the limits, naming every bad field', () => {
    expect(codeOf(() => addParticipant(workshop, [], { name: '  \t ', unit: '', role: '' }, 1))).toBe(
      'participantNameRequired',
    );
    const errors = validateParticipantFields({
      name: 'x'.repeat(121),
      unit: 'u'.repeat(201),
      role: 'r'.repeat(101),
    });
    expect(errors).toEqual([
      { field: 'name', code: 'participantNameTooLong', params: { max: 120, length: 121 } },
      { field: 'unit', code: 'participantUnitTooLong', params: { max: 200, length: 201 } },
      { field: 'role', code: 'participantRoleTooLong', params: { max: 100, length: 101 } },
    ]);
    expect(
      validateParticipantFields({ name: 'x'.repeat(120), unit: 'u'.repeat(200), role: 'r'.repeat(100) }),
    ).toEqual([]);
  });

  it('refuses the same name and unit twice, ignoring case and spacing', () => {
    const existing = [person('Şükrü Öztürk', 'Amt für Digitales')];
    expect(
      codeOf(() =>
        addParticipant(workshop, existing, { name: 'ŞÜKRÜ  öztürk', unit: 'amt für digitales', role: '' }, 1),
      ),
    ).toBe('participantDuplicate');
    expect(
      codeOf(() => addParticipant(workshop, [person('Zoë')], { name: 'zoë', unit: '', role: '' }, 1)),
    ).toBe('participantDuplicateNoUnit');
    // Same name in another unit: a different person.
    expect(
      addParticipant(workshop, existing, { name: 'Şükrü Öztürk', unit: 'Hauptamt', role: '' }, 1).changes,
    ).toHaveLength(1);
  });

  it('refuses the 1,001st participant', () => {
    const full = many(PARTICIPANT_LIMITS.perWorkshop);
    expect(
      codeOf(() => addParticipant(workshop, full, { name: 'Eine zu viel', unit: '', role: '' }, 1)),
    ).toBe('participantLimit');
    expect(
      addParticipant(workshop, full.slice(1), { name: 'Noch Platz', unit: '', role: '' }, 1).changes,
    ).toHaveLength(1);
  });
});

describe('updateParticipant and removeParticipant', () => {
  const anna = person('Anna Schmidt', 'Ref. 12', 'Leitung');
  const ben = person('Ben Ağrı', 'Ref. 13');

  it('changes name, unit and role in one change that undo can invert', () => {
    const changes = updateParticipant([anna, ben], anna.id, {
      name: 'Anna Schmidt-Öz',
      unit: 'Ref. 14',
      role: '',
    });
    expect(changes).toEqual([
      {
        table: 'participants',
        before: anna,
        after: { ...anna, name: 'Anna Schmidt-Öz', unit: 'Ref. 14', role: '' },
      },
    ]);
    expect(invertChanges(changes)).toEqual([
      { table: 'participants', before: changes[0]!.after, after: anna },
    ]);
  });

  it('writes nothing when nothing changed and refuses to become a duplicate of another', () => {
    expect(
      updateParticipant([anna], anna.id, { name: ' Anna Schmidt ', unit: 'Ref. 12', role: 'Leitung' }),
    ).toEqual([]);
    expect(
      codeOf(() => updateParticipant([anna, ben], anna.id, { name: 'BEN AĞRI', unit: 'ref. 13', role: '' })),
    ).toBe('participantDuplicate');
    // Changing only the case of one's own name is no duplicate.
    expect(
      updateParticipant([anna], anna.id, { name: 'ANNA SCHMIDT', unit: 'Ref. 12', role: 'Leitung' }),
    ).toHaveLength(1);
  });

  it('removes one participant; a participant that is gone is reported', () => {
    expect(removeParticipant([anna, ben], ben.id)).toEqual([{ table: 'participants', before: ben }]);
    expect(codeOf(() => removeParticipant([anna], ben.id))).toBe('participantMissing');
    expect(codeOf(() => updateParticipant([anna], ben.id, { name: 'X', unit: '', role: '' }))).toBe(
      'participantMissing',
    );
  });
});

describe('participantKey', () => {
  it('matches capitals and composed/decomposed letters, including Turkish i', () => {
    expect(participantKey('AĞRI', '')).toBe(participantKey('Ağrı', ''));
    expect(participantKey('İlkay', '')).toBe(participantKey('ilkay', ''));
    expect(participantKey('Zoe\u0308', '')).toBe(participantKey('Zo\u00eb', ''));
    expect(participantKey('Łukasz Wróbel', 'A')).not.toBe(participantKey('Lukasz Wrobel', 'A'));
    expect(participantKey('Anna', 'Ref. 1')).not.toBe(participantKey('Anna', 'Ref. 2'));
  });
});

describe('parseParticipantList', () => {
  it('reads tab-separated rows as name, unit, role and keeps Unicode names exactly', () => {
    const text =
      'Łukasz Wróbel\tStadtentwicklung\tProjektleitung\r\n' +
      'Şükrü Öztürk\tAmt für Digitales\tMitglied\r\n' +
      'Zoë Ağrı\tBürgeramt Süd\n' +
      'Jürgen Weiß\n';
    const preview = parseParticipantList(text, []);
    expect(preview.rows).toEqual([
      { line: 1, name: 'Łukasz Wróbel', unit: 'Stadtentwicklung', role: 'Projektleitung' },
      { line: 2, name: 'Şükrü Öztürk', unit: 'Amt für Digitales', role: 'Mitglied' },
      { line: 3, name: 'Zoë Ağrı', unit: 'Bürgeramt Süd', role: '' },
      { line: 4, name: 'Jürgen Weiß', unit: '', role: '' },
    ]);
    expect(preview).toMatchObject({
      skippedEmpty: 0,
      duplicates: 0,
      problems: [],
      headerLine: null,
      refusal: null,
    });
  });

  it('uses semicolons when a row has no tab, with quoted cells as spreadsheets write them', () => {
    const preview = parseParticipantList(
      'Anna Schmidt;Ref. 12;Leitung\n"Müller; Hans";"Amt ""Digital""";\nO"Brien;Ref. 3\nTab\tin;dieser Zeile',
      [],
    );
    expect(preview.rows.map(({ name, unit, role }) => [name, unit, role])).toEqual([
      ['Anna Schmidt', 'Ref. 12', 'Leitung'],
      ['Müller; Hans', 'Amt "Digital"', ''],
      ['O"Brien', 'Ref. 3', ''],
      ['Tab', 'in;dieser Zeile', ''],
    ]);
  });

  it('skips empty lines and counts them, with line numbers of the pasted text', () => {
    const preview = parseParticipantList('\nAnna\n\n   \n\t\t\nBen;;\n;;\nCem\n', []);
    expect(preview.rows.map((r) => [r.line, r.name])).toEqual([
      [2, 'Anna'],
      [6, 'Ben'],
      [8, 'Cem'],
    ]);
    // Lines 1, 3, 4, 5 and 7; the line break at the very end is no row.
    expect(preview.skippedEmpty).toBe(5);
    expect(parseParticipantList('', [])).toMatchObject({ rows: [], skippedEmpty: 0, refusal: null });
    expect(parseParticipantList('\n\n', []).rows).toEqual([]);
  });

  it('counts duplicates within the paste and against existing participants, and adds them once', () => {
    const existing = [person('Anna Schmidt', 'Ref. 12')];
    const preview = parseParticipantList(
      'anna schmidt\tREF. 12\n' + // already there
        'Ben Ağrı\tRef. 13\n' +
        'BEN AĞRI\tref. 13\n' + // earlier in the paste
        'Ben Ağrı\tRef. 14\n', // another unit: another person
      existing,
    );
    expect(preview.rows.map((r) => [r.name, r.unit])).toEqual([
      ['Ben Ağrı', 'Ref. 13'],
      ['Ben Ağrı', 'Ref. 14'],
    ]);
    expect(preview.duplicates).toBe(2);
    expect(preview.duplicateLines).toEqual([1, 3]);
  });

  it('recognises a header row and does not import it', () => {
    for (const header of [
      'Name\tOrganisationseinheit\tRolle',
      'Teilnehmende;OE;Funktion',
      'NAME:',
      'Vorname\tAmt\tRolle',
    ]) {
      const preview = parseParticipantList(`\n${header}\nAnna\tRef. 1\n`, []);
      // "Vorname" is no name header, but unit and role headers together make the row one.
      expect(preview.headerLine, header).toBe(2);
      expect(
        preview.rows.map((r) => r.name),
        header,
      ).toEqual(['Anna']);
    }
    // Only the first row can be a header; a person later on called "Name" is a person.
    const later = parseParticipantList('Anna\nName', []);
    expect(later.headerLine).toBeNull();
    expect(later.rows.map((r) => r.name)).toEqual(['Anna', 'Name']);
  });

  it('reports too-long fields and a missing name with their line and does not add those rows', () => {
    const text = [
      'Anna',
      'x'.repeat(121),
      `Ben\t${'u'.repeat(201)}\t${'r'.repeat(101)}`,
      '\tRef. 12\tLeitung',
      `${'y'.repeat(120)}\t${'u'.repeat(200)}\t${'r'.repeat(100)}`,
    ].join('\n');
    const preview = parseParticipantList(text, []);
    expect(preview.problems).toEqual([
      { line: 2, code: 'nameTooLong', max: 120, length: 121 },
      { line: 3, code: 'unitTooLong', max: 200, length: 201 },
      { line: 3, code: 'roleTooLong', max: 100, length: 101 },
      { line: 4, code: 'nameMissing', max: 0, length: 0 },
    ]);
    expect(preview.rows.map((r) => r.line)).toEqual([1, 5]);
    expect(codeOf(() => importParticipantList(workshop, [], text, 1))).toBe('participantListProblems');
  });

  it('refuses 5,000 rows as a whole, quickly, and names the count', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `Person ${i + 1}\tReferat ${i % 40}\tMitglied`).join(
      '\r\n',
    );
    // Runs on every change in the paste dialog; the test's default timeout is the only clock here
    // (house rule: no timed assertions in the suite).
    const preview = parseParticipantList(text, []);
    expect(preview.rows).toHaveLength(5000);
    expect(preview.refusal).toBeInstanceOf(DomainError);
    expect(preview.refusal).toMatchObject({
      code: 'participantListTooLong',
      params: { count: 5000, max: 1000 },
    });
    expect(codeOf(() => importParticipantList(workshop, [], text, 1))).toBe('participantListTooLong');
  });

  it('takes exactly 1,000 new rows, but not when the workshop would pass 1,000', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Neu ${i + 1}`).join('\n');
    expect(parseParticipantList(rows(1000), []).refusal).toBeNull();
    expect(parseParticipantList(rows(1001), []).refusal?.code).toBe('participantListTooLong');
    const existing = many(990);
    expect(parseParticipantList(rows(10), existing).refusal).toBeNull();
    expect(parseParticipantList(rows(11), existing).refusal).toMatchObject({
      code: 'participantLimit',
      params: { max: 1000, existing: 990, adding: 11 },
    });
    // Duplicates do not count: they are not added.
    expect(parseParticipantList(`${rows(10)}\nPerson 1\tReferat 1`, existing).refusal).toBeNull();
  });
});

describe('importParticipantList', () => {
  it('adds every new row in one command with fresh ids', () => {
    const existing = [person('Anna', 'Ref. 1')];
    const { changes, preview } = importParticipantList(
      workshop,
      existing,
      'Name;OE;Rolle\nAnna;Ref. 1\nŁukasz Wróbel;Ref. 2;Mitglied\n\nZoë;Ref. 3\n',
      7,
    );
    expect(preview).toMatchObject({ duplicates: 1, skippedEmpty: 1, headerLine: 1 });
    const added = changes.map((c) => c.after as Participant);
    expect(changes.every((c) => c.table === 'participants' && c.before === undefined)).toBe(true);
    expect(added.map((p) => [p.name, p.unit, p.role, p.workshopId, p.createdAt])).toEqual([
      ['Łukasz Wróbel', 'Ref. 2', 'Mitglied', workshop.id, 7],
      ['Zoë', 'Ref. 3', '', workshop.id, 7],
    ]);
    expect(new Set(added.map((p) => p.id)).size).toBe(2);
  });

  it('refuses a list that adds nobody', () => {
    expect(codeOf(() => importParticipantList(workshop, [person('Anna')], 'anna\n\n', 1))).toBe(
      'participantListNothingNew',
    );
    expect(codeOf(() => importParticipantList(workshop, [], '   ', 1))).toBe('participantListNothingNew');
  });
});
