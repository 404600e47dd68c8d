import { describe, expect, it } from 'vitest';
import { invertChanges, type Change } from '../../renderer/src/domain/changes';
import { DECISION_LIMITS } from '../../renderer/src/domain/decisions';
import { DomainError } from '../../renderer/src/domain/errors';
import type { AgendaItemId, BoardId, ClusterId, NoteId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Decision, Note, Vision } from '../../renderer/src/domain/types';
import { LIMITS } from '../../renderer/src/domain/validation';
import {
  agreeVision,
  agreementText,
  cleanVisionText,
  composeFromStatements,
  discardVision,
  MAX_SOURCE_STATEMENTS,
  revokeAgreement,
  saveVisionText,
  unlinkStatement,
} from '../../renderer/src/domain/vision';

const place = { workshopId: 'w1' as WorkshopId, boardId: 'b1' as BoardId };

function note(id: string, text: string, clusterId: string | null = null): Note {
  return {
    id: id as NoteId,
    boardId: place.boardId,
    columnId: null,
    rowId: null,
    clusterId: clusterId as ClusterId | null,
    text,
    color: 'yellow',
    rank: id,
    sourceNoteId: null,
    facts: null,
    createdAt: 1,
    updatedAt: 1,
  };
}

const notes = [
  note('n1', 'Bürger*innen erledigen alles **online**', 'c1'),
  note('n2', 'KI entlastet\nvon Routine', 'c1'),
  note('n3', 'Transparente Entscheidungen'),
];

/** A tiny in-memory database: rows by table and id, changed as the repository does. */
class Tables {
  rows = new Map<string, Map<string, unknown>>();
  apply(changes: readonly Change[]): this {
    for (const change of changes) {
      const table = this.rows.get(change.table) ?? new Map<string, unknown>();
      this.rows.set(change.table, table);
      if (change.after) table.set(change.after.id, change.after);
      else if (change.before) table.delete(change.before.id);
    }
    return this;
  }
  all<T>(table: string): T[] {
    return [...(this.rows.get(table)?.values() ?? [])] as T[];
  }
  snapshot(): string {
    const filled = [...this.rows].filter(([, rows]) => rows.size > 0);
    return JSON.stringify(filled.map(([name, rows]) => [name, [...rows.entries()].sort()]));
  }
}

function expectDomainError(action: () => unknown, code: string): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected DomainError ${code}`);
}

function draft(text = 'Wir sind **digital**.'): Vision {
  return saveVisionText(null, place, text, 10).vision;
}

describe('saveVisionText', () => {
  it('creates the vision on the first words, then updates it', () => {
    const { vision, changes } = saveVisionText(null, place, 'Wir sind digital', 10);
    expect(changes).toEqual([{ table: 'visions', after: vision }]);
    expect(vision).toMatchObject({
      ...place,
      text: 'Wir sind digital',
      sourceNoteIds: [],
      agreedAt: null,
      decisionId: null,
    });
    const updated = saveVisionText(vision, place, 'Wir sind **digital**\n\n', 20);
    expect(updated.changes).toEqual([
      { table: 'visions', before: vision, after: { ...vision, text: 'Wir sind **digital**', updatedAt: 20 } },
    ]);
  });

  it('writes nothing for an unchanged text and creates nothing from blanks', () => {
    const vision = draft('Text');
    expect(saveVisionText(vision, place, 'Text', 30).changes).toEqual([]);
    expectDomainError(() => saveVisionText(null, place, '  \n ', 30), 'visionEmpty');
  });

  it('refuses more than the limit, saying how long it is', () => {
    const tooLong = 'x'.repeat(LIMITS.visionText + 1);
    expect(cleanVisionText('x'.repeat(LIMITS.visionText))).toHaveLength(LIMITS.visionText);
    try {
      saveVisionText(draft(), place, tooLong, 30);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('visionTooLong');
      expect((error as DomainError).params).toEqual({
        max: LIMITS.visionText,
        length: LIMITS.visionText + 1,
      });
    }
  });

  it('refuses to change an agreed vision', () => {
    const agreed = agreeVision(draft(), {
      prefix: 'Leitbild beschlossen:',
      date: '2027-03-24',
      agendaItemId: null,
      now: 50,
    });
    const vision = agreed.changes[0]!.after as Vision;
    expectDomainError(() => saveVisionText(vision, place, 'anders', 60), 'visionAgreed');
  });
});

describe('composeFromStatements', () => {
  it('inserts the chosen statements as a "- " list in board order and links them', () => {
    const { vision, changes } = composeFromStatements(null, place, { notes }, ['n3', 'n1'] as NoteId[], 10);
    expect(vision.text).toBe('- Bürger*innen erledigen alles **online**\n- Transparente Entscheidungen');
    expect(vision.sourceNoteIds).toEqual(['n1', 'n3']);
    expect(changes).toEqual([{ table: 'visions', after: vision }]);
  });

  it('appends to a written text, keeps a card on one line and links each statement once', () => {
    const first = composeFromStatements(null, place, { notes }, ['n1'] as NoteId[], 10).vision;
    const rewritten = saveVisionText(first, place, 'Wir sind digital.', 20).vision;
    expect(rewritten.sourceNoteIds).toEqual(['n1']);
    const { vision } = composeFromStatements(rewritten, place, { notes }, ['n1', 'n2'] as NoteId[], 30);
    expect(vision.text).toBe('Wir sind digital.\n\n- KI entlastet von Routine');
    expect(vision.sourceNoteIds).toEqual(['n1', 'n2']);
  });

  it('refuses an empty choice, statements already linked and an agreed vision', () => {
    expectDomainError(() => composeFromStatements(null, place, { notes }, [], 10), 'visionNoStatements');
    const vision = composeFromStatements(null, place, { notes }, ['n1'] as NoteId[], 10).vision;
    expectDomainError(
      () => composeFromStatements(vision, place, { notes }, ['n1'] as NoteId[], 20),
      'visionNoStatements',
    );
    const agreed = agreeVision(vision, { prefix: 'P:', date: '', agendaItemId: null, now: 30 }).changes[0]!
      .after as Vision;
    expectDomainError(
      () => composeFromStatements(agreed, place, { notes }, ['n2'] as NoteId[], 40),
      'visionAgreed',
    );
  });

  it('refuses when the text would get too long, changing nothing', () => {
    const long = saveVisionText(null, place, 'y'.repeat(LIMITS.visionText - 5), 10).vision;
    expectDomainError(
      () => composeFromStatements(long, place, { notes }, ['n3'] as NoteId[], 20),
      'visionTooLong',
    );
  });

  it('refuses to link more statements than a backup can hold', () => {
    const many = Array.from({ length: MAX_SOURCE_STATEMENTS + 1 }, (_, index) => note(`m${index}`, 'A'));
    const ids = many.map((statement) => statement.id);
    expectDomainError(
      () => composeFromStatements(null, place, { notes: many }, ids, 10),
      'visionTooManyStatements',
    );
    const fits = composeFromStatements(null, place, { notes: many }, ids.slice(1), 10).vision;
    expect(fits.sourceNoteIds).toHaveLength(MAX_SOURCE_STATEMENTS);
  });

  it('unlinks a statement and leaves its words', () => {
    const vision = composeFromStatements(null, place, { notes }, ['n1', 'n3'] as NoteId[], 10).vision;
    const [change] = unlinkStatement(vision, 'n1' as NoteId, 20);
    expect((change!.after as Vision).sourceNoteIds).toEqual(['n3']);
    expect((change!.after as Vision).text).toBe(vision.text);
    expect(unlinkStatement(vision, 'n2' as NoteId, 20)).toEqual([]);
  });
});

describe('agreeVision and revokeAgreement', () => {
  const args = {
    prefix: 'Leitbild beschlossen:',
    date: '2027-03-24',
    agendaItemId: 'a1' as AgendaItemId,
    now: 500,
  };

  it('marks it agreed and creates the linked decision in one change set', () => {
    const vision = draft('Wir sind **digital**.\n\n- *offen*\n- fair');
    const { decision, changes } = agreeVision(vision, args);
    expect(changes).toHaveLength(2);
    expect(changes[0]).toEqual({
      table: 'visions',
      before: vision,
      after: { ...vision, agreedAt: 500, decisionId: decision.id, updatedAt: 500 },
    });
    expect(changes[1]).toEqual({ table: 'decisions', after: decision });
    expect(decision).toMatchObject({
      workshopId: place.workshopId,
      text: 'Leitbild beschlossen:\nWir sind digital.\n– offen\n– fair',
      date: '2027-03-24',
      agendaItemId: 'a1',
    });
  });

  it('shortens a long vision to the decision limit', () => {
    const long = `**${'Wort '.repeat(1500).trim()}**`;
    const text = agreementText('Leitbild beschlossen:', long);
    expect(text).toHaveLength(DECISION_LIMITS.decisionText);
    expect(text.startsWith('Leitbild beschlossen: Wort Wort')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toContain('**');
    const { decision } = agreeVision(draft(long), args);
    expect(decision.text).toBe(text);
  });

  it('refuses an empty vision, a bad date and agreeing twice', () => {
    expectDomainError(() => agreeVision(saveVisionText(draft(), place, '', 20).vision, args), 'visionEmpty');
    expectDomainError(() => agreeVision(draft(), { ...args, date: '2027-02-31' }), 'invalidDate');
    const agreed = agreeVision(draft(), args).changes[0]!.after as Vision;
    expectDomainError(() => agreeVision(agreed, args), 'visionAgreed');
    expectDomainError(() => discardVision(agreed), 'visionAgreed');
    expectDomainError(() => unlinkStatement(agreed, 'n1' as NoteId, 20), 'visionAgreed');
  });

  it('revoking removes the decision it created, in one change set', () => {
    const vision = draft();
    const { decision, changes } = agreeVision(vision, args);
    const agreed = changes[0]!.after as Vision;
    const revoke = revokeAgreement(agreed, decision, 900);
    expect(revoke).toEqual([
      {
        table: 'visions',
        before: agreed,
        after: { ...agreed, agreedAt: null, decisionId: null, updatedAt: 900 },
      },
      { table: 'decisions', before: decision },
    ]);
    expectDomainError(() => revokeAgreement(vision, undefined, 900), 'visionNotAgreed');
  });

  it('revoking after the decision was deleted only clears the link; a foreign decision stays', () => {
    const { decision, changes } = agreeVision(draft(), args);
    const agreed = changes[0]!.after as Vision;
    expect(revokeAgreement(agreed, undefined, 900)).toHaveLength(1);
    const other: Decision = { ...decision, id: 'other' as Decision['id'] };
    expect(revokeAgreement(agreed, other, 900).map((c) => c.table)).toEqual(['visions']);
  });

  it('every step undoes with invertChanges, back to exactly where it was', () => {
    const db = new Tables();
    const states: string[] = [db.snapshot()];
    const steps: Change[][] = [];
    const step = (changes: Change[]) => {
      steps.push(changes);
      db.apply(changes);
      states.push(db.snapshot());
    };
    const current = () => db.all<Vision>('visions')[0] ?? null;

    step(composeFromStatements(null, place, { notes }, ['n1', 'n2'] as NoteId[], 10).changes);
    step(saveVisionText(current(), place, '**Leitbild** 2030', 20).changes);
    const agreement = agreeVision(current()!, args);
    step(agreement.changes);
    expect(db.all<Decision>('decisions')).toEqual([agreement.decision]);
    expect(current()!.decisionId).toBe(agreement.decision.id);
    step(revokeAgreement(current()!, db.all<Decision>('decisions')[0], 30));
    expect(db.all<Decision>('decisions')).toEqual([]);
    step(discardVision(current()!));
    expect(current()).toBeNull();

    for (let index = steps.length - 1; index >= 0; index -= 1) {
      db.apply(invertChanges(steps[index]!));
      expect(db.snapshot()).toBe(states[index]);
    }
    expect(db.all('visions')).toEqual([]);
  });
});
