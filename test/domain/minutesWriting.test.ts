import { describe, expect, it } from 'vitest';
import type { ParticipantId } from '../../renderer/src/domain/ids';
import { buildMinutes } from '../../renderer/src/domain/minutes';
import { buildWritingRounds } from '../../renderer/src/domain/minutesWriting';
import type { InboxNote, InboxStatus, WritingRound } from '../../renderer/src/domain/types';
import { openWritingRound, closeWritingRound } from '../../renderer/src/domain/writing';
import { renderMinutesMarkdown } from '../../renderer/src/features/minutes/minutesMarkdown';
import { createTranslator } from '../../renderer/src/i18n/translator';
import { demoTree } from './minutesTree';

const t = createTranslator('de');
const OPENED = Date.UTC(2027, 2, 24, 9, 30);

function withWriting(anonymous: boolean) {
  const { workshop, tree } = demoTree();
  const board = tree.boards.find((b) => b.phase === 'inventory' && b.kind !== 'canvases')!;
  const [anna, ben] = tree.participants as unknown as [
    { id: ParticipantId; name: string },
    { id: ParticipantId; name: string },
  ];
  const opened = openWritingRound(
    {
      workshopId: workshop.id,
      boardId: board.id,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      maxNotesPerPerson: null,
      anonymous,
      showAccepted: false,
      closesAt: null,
      now: OPENED,
    },
    [],
  ).round;
  const round = closeWritingRound(opened, OPENED + 15 * 60_000)[0]!.after as WritingRound;
  const statuses: Array<[InboxStatus, ParticipantId | null]> = [
    ['accepted', anna.id],
    ['accepted', ben.id],
    ['merged', ben.id],
    ['rejected', anna.id],
    ['withdrawn', ben.id],
    ['pending', anna.id],
  ];
  const inboxNotes = statuses.map(
    ([status, author], i) =>
      ({
        id: `in${i}`,
        roundId: round.id,
        boardId: board.id,
        workshopId: workshop.id,
        authorId: anonymous ? null : author,
        status,
      }) as InboxNote,
  );
  return {
    workshop,
    tree: { ...tree, writingRounds: [round], inboxNotes },
    board,
    names: [anna.name, ben.name],
  };
}

describe('writing rounds in the minutes', () => {
  it('counts what became of the cards and names who wrote in a named round', () => {
    const { tree, board, names } = withWriting(false);
    const [round, ...others] = buildWritingRounds(tree.boards, tree);
    expect(others).toEqual([]);
    expect(round).toEqual({
      board: board.title,
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      anonymous: false,
      status: 'closed',
      openedAt: OPENED,
      closedAt: OPENED + 15 * 60_000,
      closesAt: null,
      counts: { received: 6, accepted: 2, merged: 1, rejected: 1, withdrawn: 1, pending: 1 },
      writers: [...names].sort((a, b) => a.localeCompare(b, 'de')),
    });
  });

  it('puts the round under its board’s phase and prints it in the Markdown', () => {
    const { workshop, tree, names } = withWriting(false);
    const model = buildMinutes(workshop, tree, { now: 0, status: 'draft' });
    const phase = model.phases.find((p) => p.phase === 'inventory')!;
    expect(phase.writingRounds).toHaveLength(1);
    expect(
      model.phases.filter((p) => p.phase !== 'inventory').every((p) => p.writingRounds?.length === 0),
    ).toBe(true);
    const md = renderMinutesMarkdown(model, t, 'de');
    expect(md).toContain('### Schreibrunde: „Welche Aufgaben sollten wir zuerst automatisieren?“');
    expect(md).toContain(
      '- **Karten:** 6 erhalten · 2 übernommen · 1 zusammengeführt · 1 abgelehnt · 1 zurückgezogen · 1 nicht entschieden',
    );
    expect(md).toContain('- **Art:** mit Namen');
    for (const name of names) expect(md).toContain(name);
    expect(md).toMatch(/- \*\*Geschrieben haben:\*\* .+/);
  });

  it('never names anybody for an anonymous round', () => {
    const { workshop, tree } = withWriting(true);
    const [round] = buildWritingRounds(tree.boards, tree);
    expect(round!.writers).toEqual([]);
    const md = renderMinutesMarkdown(buildMinutes(workshop, tree, { now: 0, status: 'draft' }), t, 'de');
    const section = md.slice(md.indexOf('### Schreibrunde'), md.indexOf('\n\n', md.indexOf('- **Karten:**')));
    expect(section).toContain('- **Art:** anonym');
    expect(section).not.toContain('Geschrieben haben');
  });

  it('has nothing to say without writing rounds (trees read before they existed)', () => {
    const { workshop, tree } = demoTree();
    expect(buildWritingRounds(tree.boards, tree)).toEqual([]);
    expect(
      renderMinutesMarkdown(buildMinutes(workshop, tree, { now: 0, status: 'draft' }), t, 'de'),
    ).not.toContain('Schreibrunde');
  });
});
