import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMatrixColumn, addMatrixRow } from '../../renderer/src/domain/matrixCommands';
import { deleteBoard } from '../../renderer/src/domain/boardCommands';
import { addCluster } from '../../renderer/src/domain/clusterCommands';
import { purgeWorkshop } from '../../renderer/src/domain/purge';
import { invertChanges, type Change } from '../../renderer/src/domain/changes';
import { DomainError } from '../../renderer/src/domain/errors';
import type { BoardId, InboxNoteId, ParticipantId, WorkshopId } from '../../renderer/src/domain/ids';
import type { Board, BoardContent, InboxNote, WritingRound } from '../../renderer/src/domain/types';
import {
  acceptInboxNotes,
  editInboxNote,
  mergeInboxNotes,
  rejectInboxNotes,
} from '../../renderer/src/domain/inbox';
import {
  acceptsNotes,
  boardTakesWriting,
  closeWritingRound,
  openWritingRound,
  receiveNote,
  updateWritingRound,
  WRITING_LIMITS,
  type ArrivingNote,
  type OpenWritingRoundArgs,
} from '../../renderer/src/domain/writing';
import { applyToContent, columnId, makeBoard } from './fixtures';
import { emptyTree } from './minutesTree';

const NOW = 1_800_000_000_000;
const DEVICE_A = 'device-0123456789abcdef';
const DEVICE_B = 'device-fedcba9876543210';
const ANNA = 'p-anna' as ParticipantId;

function args(overrides: Partial<OpenWritingRoundArgs> = {}): OpenWritingRoundArgs {
  return {
    workshopId: 'w1' as WorkshopId,
    boardId: 'b1' as BoardId,
    prompt: '  Welche Aufgaben sollten wir zuerst automatisieren?  ',
    maxNotesPerPerson: 5,
    anonymous: false,
    showAccepted: false,
    closesAt: null,
    now: NOW,
    ...overrides,
  };
}

function open(overrides: Partial<OpenWritingRoundArgs> = {}): WritingRound {
  return openWritingRound(args(overrides), []).round;
}

function arriving(overrides: Partial<ArrivingNote> = {}): ArrivingNote {
  return {
    deviceId: DEVICE_A,
    clientId: 'card-0001',
    participantId: null,
    text: 'E-Akte einführen',
    withdrawn: false,
    version: 1,
    receivedAt: NOW + 1_000,
    ...overrides,
  };
}

/** Applies inbox changes to a list of rows, as the repository would. */
function applyInbox(rows: readonly InboxNote[], changes: readonly Change[]): InboxNote[] {
  let next = [...rows];
  for (const change of changes) {
    if (change.table !== 'inboxNotes') continue;
    const row = (change.after ?? change.before) as InboxNote;
    next = next.filter((r) => r.id !== row.id);
    if (change.after) next.push(change.after as InboxNote);
  }
  return next;
}

/** Stores one arriving card into the inbox (found by phone and card id, like the unique index). */
function deliver(
  round: WritingRound,
  inbox: InboxNote[],
  note: ArrivingNote,
  now = NOW + 50_000,
): InboxNote[] {
  const existing = inbox.find((n) => n.deviceId === note.deviceId && n.clientId === note.clientId);
  return applyInbox(inbox, receiveNote(round, existing, note, now));
}

function expectRefused(action: () => unknown, code: string): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected the refusal ${code}`);
}

describe('opening, changing and closing a writing round', () => {
  it('opens a round with the trimmed prompt, as one new row', () => {
    const { round, changes } = openWritingRound(args(), []);
    expect(round).toMatchObject({
      prompt: 'Welche Aufgaben sollten wir zuerst automatisieren?',
      status: 'open',
      openedAt: NOW,
      closedAt: null,
      maxNotesPerPerson: 5,
    });
    expect(changes).toEqual([{ table: 'writingRounds', after: round }]);
  });

  it('refuses an empty or too long prompt, a bad limit and a closing time in the past', () => {
    expectRefused(() => openWritingRound(args({ prompt: '   ' }), []), 'writing.promptRequired');
    expectRefused(
      () => openWritingRound(args({ prompt: 'x'.repeat(WRITING_LIMITS.prompt + 1) }), []),
      'writing.promptTooLong',
    );
    expect(
      openWritingRound(args({ prompt: 'x'.repeat(WRITING_LIMITS.prompt) }), []).round.prompt,
    ).toHaveLength(WRITING_LIMITS.prompt);
    for (const limit of [0, 51, 2.5, Number.NaN])
      expectRefused(() => openWritingRound(args({ maxNotesPerPerson: limit }), []), 'writing.limitRange');
    expect(openWritingRound(args({ maxNotesPerPerson: 50 }), []).round.maxNotesPerPerson).toBe(50);
    expect(openWritingRound(args({ maxNotesPerPerson: null }), []).round.maxNotesPerPerson).toBeNull();
    expectRefused(() => openWritingRound(args({ closesAt: NOW }), []), 'writing.closesInPast');
    expect(openWritingRound(args({ closesAt: NOW + 1 }), []).round.closesAt).toBe(NOW + 1);
  });

  it('says which field a refusal belongs to', () => {
    try {
      openWritingRound(args({ prompt: '' }), []);
    } catch (error) {
      expect((error as DomainError).params.field).toBe('prompt');
    }
  });

  it('allows one open round per workshop; a closed one or another workshop’s does not count', () => {
    const first = open();
    expectRefused(() => openWritingRound(args(), [first]), 'writing.alreadyOpen');
    const closed = closeWritingRound(first, NOW + 5)[0]!.after as WritingRound;
    expect(openWritingRound(args(), [closed]).round.status).toBe('open');
    expect(openWritingRound(args(), [open({ workshopId: 'w2' as WorkshopId })]).round.status).toBe('open');
  });

  it('takes only boards that hold cards', () => {
    const board = (kind: Board['kind']) => ({ id: 'b1' as BoardId, workshopId: 'w1' as WorkshopId, kind });
    for (const kind of ['columns', 'matrix', 'clusters'] as const) {
      expect(boardTakesWriting(board(kind))).toBe(true);
      expect(openWritingRound(args(), [], board(kind)).round.boardId).toBe('b1');
    }
    expect(boardTakesWriting(board('canvases'))).toBe(false);
    expectRefused(() => openWritingRound(args(), [], board('canvases')), 'writing.boardTakesNoCards');
  });

  it('accepts cards while open and before its closing time', () => {
    const round = open({ closesAt: NOW + 60_000 });
    expect(acceptsNotes(round, NOW + 59_999)).toBe(true);
    expect(acceptsNotes(round, NOW + 60_000)).toBe(false);
    const closed = closeWritingRound(round, NOW + 10)[0]!.after as WritingRound;
    expect(closed).toMatchObject({ status: 'closed', closedAt: NOW + 10 });
    expect(acceptsNotes(closed, NOW + 11)).toBe(false);
    expect(closeWritingRound(closed, NOW + 20)).toEqual([]);
  });

  it('changes the closing time and sharing while open, and nothing else', () => {
    const round = open();
    const [change] = updateWritingRound(round, { showAccepted: true, closesAt: NOW + 9_000 }, NOW + 1);
    expect(change!.after).toMatchObject({ showAccepted: true, closesAt: NOW + 9_000, prompt: round.prompt });
    expect(updateWritingRound(round, { showAccepted: false }, NOW + 1)).toEqual([]);
    expectRefused(() => updateWritingRound(round, { closesAt: NOW - 1 }, NOW), 'writing.closesInPast');
    const closed = closeWritingRound(round, NOW + 2)[0]!.after as WritingRound;
    expectRefused(() => updateWritingRound(closed, { showAccepted: true }, NOW + 3), 'writing.roundNotOpen');
  });
});

describe('receiving cards from phones', () => {
  it('stores a new card as pending, with its author only in named rounds', () => {
    const named = open();
    const [change] = receiveNote(
      named,
      undefined,
      arriving({ participantId: ANNA, text: '  Akte  ' }),
      NOW + 2_000,
    );
    expect(change!.after).toMatchObject({
      roundId: named.id,
      boardId: named.boardId,
      workshopId: named.workshopId,
      deviceId: DEVICE_A,
      clientId: 'card-0001',
      authorId: ANNA,
      text: 'Akte',
      sentText: 'Akte',
      version: 1,
      status: 'pending',
      noteId: null,
      mergedInto: null,
      changedAfterDecision: false,
      receivedAt: NOW + 1_000,
      updatedAt: NOW + 2_000,
    });
    const anonymous = open({ anonymous: true });
    expect(receiveNote(anonymous, undefined, arriving({ participantId: ANNA }), NOW)[0]!.after).toMatchObject(
      {
        authorId: null,
      },
    );
    // A name the workshop does not know (removed since, or forged) is no author.
    expect(
      receiveNote(named, undefined, arriving({ participantId: ANNA }), NOW, { known: new Set(['p-ben']) })[0]!
        .after,
    ).toMatchObject({ authorId: null });
  });

  it('ignores the same or an older version, takes a newer one', () => {
    const round = open();
    let inbox = deliver(round, [], arriving());
    const first = inbox[0]!;
    expect(receiveNote(round, first, arriving(), NOW + 60_000)).toEqual([]);
    inbox = deliver(round, inbox, arriving({ version: 3, text: 'E-Akte bis 2027', receivedAt: NOW + 3_000 }));
    expect(inbox[0]).toMatchObject({ id: first.id, version: 3, text: 'E-Akte bis 2027', status: 'pending' });
    expect(
      receiveNote(round, inbox[0], arriving({ version: 2, text: 'alt', receivedAt: NOW + 2_000 }), NOW),
    ).toEqual([]);
  });

  it('withdraws a waiting card, and a decided card keeps its decision with a flag', () => {
    const round = open();
    let inbox = deliver(round, [], arriving());
    inbox = deliver(
      round,
      inbox,
      arriving({ version: 2, withdrawn: true, text: '', receivedAt: NOW + 2_000 }),
    );
    expect(inbox[0]).toMatchObject({ status: 'withdrawn', text: '', changedAfterDecision: false });

    inbox = deliver(round, [], arriving());
    inbox = applyInbox(inbox, rejectInboxNotes(inbox, [inbox[0]!.id], NOW + 5));
    inbox = deliver(round, inbox, arriving({ version: 2, text: 'doch anders', receivedAt: NOW + 2_000 }));
    expect(inbox[0]).toMatchObject({
      status: 'rejected',
      text: 'E-Akte einführen',
      sentText: 'doch anders',
      version: 2,
      changedAfterDecision: true,
    });
    inbox = deliver(
      round,
      inbox,
      arriving({ version: 3, withdrawn: true, text: '', receivedAt: NOW + 3_000 }),
    );
    expect(inbox[0]).toMatchObject({ status: 'rejected', sentText: '', changedAfterDecision: true });
  });

  it('refuses malformed cards, cards sent while the round was not open, and a full inbox', () => {
    const round = open({ closesAt: NOW + 10_000 });
    for (const bad of [
      arriving({ deviceId: 'phone-1' }),
      arriving({ clientId: 'short' }),
      arriving({ text: '   ' }),
      arriving({ text: 'x'.repeat(WRITING_LIMITS.noteText + 1) }),
      arriving({ version: 0 }),
      arriving({ version: 1.5 }),
      arriving({ receivedAt: Number.NaN }),
    ])
      expectRefused(() => receiveNote(round, undefined, bad, NOW), 'writing.invalidNote');
    expectRefused(
      () => receiveNote(round, undefined, arriving({ receivedAt: NOW + 10_001 }), NOW),
      'writing.roundClosed',
    );
    expectRefused(
      () => receiveNote(round, undefined, arriving({ receivedAt: NOW - 1 }), NOW),
      'writing.roundClosed',
    );
    // Sent before the close, stored after it (the drain on closing): still taken.
    const closed = closeWritingRound(round, NOW + 5_000)[0]!.after as WritingRound;
    expect(receiveNote(closed, undefined, arriving({ receivedAt: NOW + 4_999 }), NOW + 6_000)).toHaveLength(
      1,
    );
    expectRefused(
      () => receiveNote(closed, undefined, arriving({ receivedAt: NOW + 5_001 }), NOW),
      'writing.roundClosed',
    );
    expectRefused(
      () => receiveNote(round, undefined, arriving(), NOW, { inboxSize: WRITING_LIMITS.maxInboxNotes }),
      'writing.inboxFull',
    );
    const stored = receiveNote(round, undefined, arriving(), NOW)[0]!.after as InboxNote;
    expectRefused(
      () => receiveNote(round, stored, arriving({ clientId: 'card-0002', version: 2 }), NOW),
      'writing.wrongNote',
    );
  });

  describe('property: duplicated and reordered deliveries end as in-order delivery', () => {
    // A phone's history of one or more cards: each card a list of versions (text or withdrawn).
    const histories = fc.array(
      fc.record({
        device: fc.constantFrom(DEVICE_A, DEVICE_B),
        versions: fc.array(fc.oneof(fc.stringMatching(/^[a-zäöü ]{0,12}[a-z]$/), fc.constant(null)), {
          minLength: 1,
          maxLength: 4,
        }),
      }),
      { minLength: 1, maxLength: 5 },
    );

    function eventsOf(history: Array<{ device: string; versions: Array<string | null> }>): ArrivingNote[] {
      const events: ArrivingNote[] = [];
      let clock = NOW + 1_000;
      history.forEach((card, index) =>
        card.versions.forEach((text, v) => {
          clock += 10;
          events.push(
            arriving({
              deviceId: card.device,
              clientId: `card-${String(index).padStart(4, '0')}`,
              participantId: card.device === DEVICE_A ? ANNA : null,
              text: text ?? '',
              withdrawn: text === null,
              version: v + 1,
              receivedAt: clock,
            }),
          );
        }),
      );
      return events;
    }

    /** The inbox without the random ids, in a fixed order. */
    function state(inbox: InboxNote[]) {
      return inbox
        .map(({ id: _id, ...rest }) => rest)
        .sort((a, b) => (a.deviceId + a.clientId < b.deviceId + b.clientId ? -1 : 1));
    }

    it('holds for any phone history, duplicates and order', () => {
      fc.assert(
        fc.property(
          histories,
          fc.func(fc.nat()),
          fc.array(fc.nat(), { maxLength: 20 }),
          fc.boolean(),
          (history, shuffleKey, repeats, decideFirst) => {
            const round = open();
            const events = eventsOf(history);
            // In order, each once.
            let expected: InboxNote[] = [];
            for (const event of events) expected = deliver(round, expected, event);
            // Some sent again, everything in any order.
            const sent = [...events, ...repeats.map((r) => events[r % events.length]!)];
            const shuffled = sent
              .map((event, i) => ({ event, key: shuffleKey(i) }))
              .sort((a, b) => a.key - b.key)
              .map((x) => x.event);
            let actual: InboxNote[] = [];
            for (const event of shuffled) actual = deliver(round, actual, event);
            expect(state(actual)).toEqual(state(expected));

            // The same holds after the facilitator decided on the first version of each card.
            if (decideFirst) {
              const firsts = events.filter((e) => e.version === 1 && !e.withdrawn);
              let a: InboxNote[] = [];
              let b: InboxNote[] = [];
              for (const event of firsts) {
                a = deliver(round, a, event);
                b = deliver(round, b, event);
              }
              const rejectAll = (rows: InboxNote[]) => {
                const ids = rows.filter((n) => n.status === 'pending').map((n) => n.id);
                return ids.length ? applyInbox(rows, rejectInboxNotes(rows, ids, NOW)) : rows;
              };
              a = rejectAll(a);
              b = rejectAll(b);
              for (const event of events) a = deliver(round, a, event);
              for (const event of shuffled) b = deliver(round, b, event);
              expect(state(b)).toEqual(state(a));
            }
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('deciding on inbox cards', () => {
  function inboxOf(round: WritingRound, texts: string[], author: ParticipantId | null = null): InboxNote[] {
    let inbox: InboxNote[] = [];
    texts.forEach((text, i) => {
      inbox = deliver(
        round,
        inbox,
        arriving({
          clientId: `card-${String(i).padStart(4, '0')}`,
          text,
          participantId: author,
          receivedAt: NOW + i,
        }),
      );
    });
    return inbox.sort((a, b) => a.receivedAt - b.receivedAt);
  }

  it('accepts cards into a column after its cards, in the given order, with their author', () => {
    const { content } = makeBoard({ Ideen: ['schon da'], Fragen: [] });
    const round = open({ boardId: content.board.id, workshopId: content.board.workshopId });
    const inbox = inboxOf(round, ['eins', 'zwei', 'drei'], ANNA);
    const ids = [inbox[2]!.id, inbox[0]!.id];
    const { notes, changes } = acceptInboxNotes(
      content,
      inbox,
      ids,
      { kind: 'column', columnId: columnId(content, 'Ideen') },
      NOW + 9,
      new Set([ANNA]),
    );
    expect(notes.map((n) => [n.text, n.authorId, n.columnId])).toEqual([
      ['drei', ANNA, columnId(content, 'Ideen')],
      ['eins', ANNA, columnId(content, 'Ideen')],
    ]);
    const after = applyToContent(content, changes);
    expect(after.notes.filter((n) => n.columnId === columnId(content, 'Ideen')).map((n) => n.text)).toEqual([
      'schon da',
      'drei',
      'eins',
    ]);
    const decided = applyInbox(inbox, changes);
    expect(decided.find((n) => n.id === inbox[2]!.id)).toMatchObject({
      status: 'accepted',
      noteId: notes[0]!.id,
    });
    expect(decided.find((n) => n.id === inbox[1]!.id)!.status).toBe('pending');
    // One change set; undo takes back the cards and the decisions.
    const undone = applyInbox(decided, invertChanges(changes));
    expect(undone.map((n) => n.status)).toEqual(['pending', 'pending', 'pending']);
    expect(applyToContent(after, invertChanges(changes)).notes.map((n) => n.text)).toEqual(['schon da']);
    // Accepted again: refused.
    expectRefused(
      () =>
        acceptInboxNotes(
          after,
          decided,
          [inbox[2]!.id],
          { kind: 'column', columnId: columnId(content, 'Fragen') },
          NOW,
        ),
      'writing.alreadyDecided',
    );
  });

  it('leaves the author off in anonymous rounds and when the person is no longer in the workshop', () => {
    const { content } = makeBoard({ Ideen: [] });
    const round = open({ boardId: content.board.id });
    const inbox = inboxOf(round, ['eins'], ANNA);
    const target = { kind: 'column' as const, columnId: columnId(content, 'Ideen') };
    const { notes } = acceptInboxNotes(content, inbox, [inbox[0]!.id], target, NOW, new Set(['p-ben']));
    expect('authorId' in notes[0]!).toBe(false);
    const anonymous = open({ boardId: content.board.id, anonymous: true });
    const anonInbox = inboxOf(anonymous, ['zwei'], ANNA);
    expect(
      'authorId' in acceptInboxNotes(content, anonInbox, [anonInbox[0]!.id], target, NOW).notes[0]!,
    ).toBe(false);
  });

  it('accepts into a matrix cell or the tray, and into a cluster or the pool', () => {
    const { content: base } = makeBoard({});
    let matrix: BoardContent = { ...base, board: { ...base.board, kind: 'matrix' } };
    const { row, changes: rowChanges } = addMatrixRow(matrix, 'Bürgerservice');
    matrix = applyToContent(matrix, rowChanges);
    const { column, changes: columnChanges } = addMatrixColumn(matrix, 'Heute');
    matrix = applyToContent(matrix, columnChanges);
    const round = open({ boardId: matrix.board.id });
    const inbox = inboxOf(round, ['in die Zelle', 'in die Ablage']);
    const cell = acceptInboxNotes(
      matrix,
      inbox,
      [inbox[0]!.id],
      { kind: 'cell', rowId: row.id, columnId: column.id },
      NOW,
    );
    expect(cell.notes[0]).toMatchObject({ rowId: row.id, columnId: column.id, clusterId: null });
    const tray = acceptInboxNotes(
      matrix,
      inbox,
      [inbox[1]!.id],
      { kind: 'cell', rowId: null, columnId: null },
      NOW,
    );
    expect(tray.notes[0]).toMatchObject({ rowId: null, columnId: null });
    expectRefused(
      () =>
        acceptInboxNotes(matrix, inbox, [inbox[1]!.id], { kind: 'cell', rowId: row.id, columnId: null }, NOW),
      'writing.wrongTarget',
    );
    expectRefused(
      () => acceptInboxNotes(matrix, inbox, [inbox[1]!.id], { kind: 'column', columnId: column.id }, NOW),
      'writing.wrongTarget',
    );

    let clusters: BoardContent = { ...base, board: { ...base.board, kind: 'clusters' } };
    const { cluster, changes } = addCluster(clusters, 'Digitalisierung', NOW);
    clusters = applyToContent(clusters, changes);
    const intoCluster = acceptInboxNotes(
      clusters,
      inbox,
      [inbox[0]!.id],
      { kind: 'cluster', clusterId: cluster.id },
      NOW,
    );
    expect(intoCluster.notes[0]).toMatchObject({ clusterId: cluster.id, columnId: null, rowId: null });
    const intoPool = acceptInboxNotes(
      clusters,
      inbox,
      [inbox[1]!.id],
      { kind: 'cluster', clusterId: null },
      NOW,
    );
    expect(intoPool.notes[0]!.clusterId).toBeNull();
    expectRefused(
      () =>
        acceptInboxNotes(
          clusters,
          inbox,
          [inbox[0]!.id],
          { kind: 'cluster', clusterId: 'gone' as never },
          NOW,
        ),
      'clusterMissing',
    );
  });

  it('rejects waiting cards, and a rejected card can be accepted later', () => {
    const { content } = makeBoard({ Ideen: [] });
    const round = open({ boardId: content.board.id });
    let inbox = inboxOf(round, ['eins', 'zwei']);
    const changes = rejectInboxNotes(inbox, [inbox[0]!.id, inbox[1]!.id], NOW);
    expect(changes).toHaveLength(2);
    inbox = applyInbox(inbox, changes);
    expect(inbox.map((n) => n.status)).toEqual(['rejected', 'rejected']);
    expect(rejectInboxNotes(inbox, [inbox[0]!.id], NOW)).toEqual([]);
    const { notes } = acceptInboxNotes(
      content,
      inbox,
      [inbox[0]!.id],
      { kind: 'column', columnId: columnId(content, 'Ideen') },
      NOW,
    );
    expect(notes.map((n) => n.text)).toEqual(['eins']);
    expectRefused(() => rejectInboxNotes(inbox, [], NOW), 'writing.noneChosen');
    expectRefused(() => rejectInboxNotes(inbox, ['nope' as InboxNoteId], NOW), 'writing.inboxNoteMissing');
  });

  it('edits a waiting card’s text and keeps what the phone sent', () => {
    const round = open();
    const [note] = inboxOf(round, ['Akte']);
    const [change] = editInboxNote(note!, '  E-Akte für alle Ämter ', NOW + 1);
    expect(change!.after).toMatchObject({ text: 'E-Akte für alle Ämter', sentText: 'Akte' });
    expect(editInboxNote(note!, 'Akte', NOW)).toEqual([]);
    expectRefused(() => editInboxNote(note!, '  ', NOW), 'writing.textRequired');
  });

  it('merges duplicates into the first card; accepting it points the merged ones at the same card', () => {
    const { content } = makeBoard({ Ideen: [] });
    const round = open({ boardId: content.board.id });
    let inbox = inboxOf(round, ['E-Akte', 'elektronische Akte', 'Akte digital', 'anderes']);
    const [a, b, c, d] = inbox as [InboxNote, InboxNote, InboxNote, InboxNote];
    inbox = applyInbox(inbox, mergeInboxNotes(inbox, [b.id, c.id], 'Elektronische Akte', NOW));
    // Merged again into another card: the earlier merged one follows, so one level holds.
    inbox = applyInbox(inbox, mergeInboxNotes(inbox, [a.id, b.id], 'E-Akte einführen', NOW));
    const byId = (id: InboxNoteId) => inbox.find((n) => n.id === id)!;
    expect(byId(a.id)).toMatchObject({ status: 'pending', text: 'E-Akte einführen' });
    expect(byId(b.id)).toMatchObject({ status: 'merged', mergedInto: a.id });
    expect(byId(c.id)).toMatchObject({ status: 'merged', mergedInto: a.id });
    expectRefused(() => mergeInboxNotes(inbox, [a.id], 'x', NOW), 'writing.mergeNeedsTwo');
    expectRefused(() => mergeInboxNotes(inbox, [a.id, b.id], 'x', NOW), 'writing.mergeOnlyPending');

    const { notes, changes } = acceptInboxNotes(
      content,
      inbox,
      [a.id],
      { kind: 'column', columnId: columnId(content, 'Ideen') },
      NOW,
    );
    expect(notes.map((n) => n.text)).toEqual(['E-Akte einführen']);
    inbox = applyInbox(inbox, changes);
    for (const id of [a.id, b.id, c.id]) expect(byId(id).noteId).toBe(notes[0]!.id);
    expect(byId(b.id).status).toBe('merged');
    expect(byId(d.id)).toMatchObject({ status: 'pending', noteId: null });
  });
});

describe('writing rounds go with their board and workshop', () => {
  it('deleting a board takes its writing rounds and inbox cards (undo brings them back)', () => {
    const { content } = makeBoard({ Ideen: ['a'] });
    const round = open({ boardId: content.board.id, workshopId: content.board.workshopId });
    const inbox = deliver(round, [], arriving());
    const removal = deleteBoard(content, { writingRounds: [round], inboxNotes: inbox });
    expect(removal.filter((c) => c.after === undefined).map((c) => c.table)).toEqual([
      'inboxNotes',
      'writingRounds',
      'notes',
      'columns',
      'boards',
    ]);
    expect(invertChanges(removal).find((c) => c.table === 'inboxNotes')?.after).toEqual(inbox[0]);
  });

  it('purging a workshop takes them too', () => {
    const { workshop, content } = makeBoard({});
    const round = open({ boardId: content.board.id, workshopId: workshop.id });
    const inbox = deliver(round, [], arriving());
    const tree = { ...emptyTree(), boards: [content.board], writingRounds: [round], inboxNotes: inbox };
    const purge = purgeWorkshop(workshop, tree);
    expect(purge.filter((c) => c.table === 'writingRounds' || c.table === 'inboxNotes')).toEqual([
      { table: 'inboxNotes', before: inbox[0] },
      { table: 'writingRounds', before: round },
    ]);
    // Trees without writing rounds (read before they existed) still purge.
    expect(purgeWorkshop(workshop, emptyTree()).at(-1)).toEqual({ table: 'workshops', before: workshop });
  });
});
