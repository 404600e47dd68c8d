// The writing round's outbox without the DOM: ids, folding unsent operations,
// what is dropped when the laptop refuses, and the cards the person sees.
import { describe, expect, it } from 'vitest';
import { isWritingState } from '../../../renderer/phone/api';
import type { NoteOp } from '../../../renderer/phone/outbox';
import {
  cardsLeft,
  dropRefused,
  enqueue,
  markTried,
  myCards,
  newClientId,
  refusal,
  sanitizeOutbox,
  unsentTexts,
} from '../../../renderer/phone/outbox';
import { CLIENT_NOTE_ID } from '../../../renderer/src/domain/writing';

describe('client ids', () => {
  it('are 16+ random base64url characters the laptop accepts, never twice the same', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = newClientId();
      expect(id).toMatch(CLIENT_NOTE_ID);
      expect(id).toMatch(/^[A-Za-z0-9_-]{16,}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(500);
  });
});

describe('enqueue', () => {
  const a: NoteOp = { clientId: 'card-aaaaaaaa', text: 'Erste Idee' };
  const b: NoteOp = { clientId: 'card-bbbbbbbb', text: 'Zweite Idee' };

  it('keeps the order written', () => {
    expect(enqueue(enqueue([], a, false), b, false)).toEqual([a, b]);
  });

  it('folds a change into the unsent text, but never into one already sent', () => {
    const queued = enqueue([a, b], { clientId: a.clientId, text: 'Erste Idee, besser' }, false);
    expect(queued).toEqual([{ ...a, text: 'Erste Idee, besser' }, b]);
    const sent = markTried([a, b]);
    expect(sent[0]).toEqual({ ...a, tried: true });
    const again = enqueue(sent, { clientId: a.clientId, text: 'Neu' }, true);
    expect(again).toEqual([{ ...a, tried: true }, b, { clientId: a.clientId, text: 'Neu' }]);
  });

  it('forgets a card withdrawn before the laptop could have seen it', () => {
    expect(enqueue([a, b], { clientId: b.clientId, withdraw: true }, false)).toEqual([a]);
  });

  it('sends the withdrawal when the laptop has (or may have) the card', () => {
    const withdraw: NoteOp = { clientId: a.clientId, withdraw: true };
    expect(enqueue([], withdraw, true)).toEqual([withdraw]);
    const tried = markTried([a]);
    expect(enqueue(tried.concat({ clientId: a.clientId, text: 'später' }), withdraw, false)).toEqual([
      { ...a, tried: true },
      withdraw,
    ]);
  });
});

describe('dropRefused', () => {
  it('drops the refused card with its later changes and gives back the newest text', () => {
    const ops: NoteOp[] = [
      { clientId: 'card-aaaaaaaa', text: 'alt', tried: true },
      { clientId: 'card-bbbbbbbb', text: 'andere' },
      { clientId: 'card-aaaaaaaa', text: 'neu' },
    ];
    expect(dropRefused(ops)).toEqual({ ops: [{ clientId: 'card-bbbbbbbb', text: 'andere' }], text: 'neu' });
  });

  it('drops a refused withdrawal without text', () => {
    expect(dropRefused([{ clientId: 'card-aaaaaaaa', withdraw: true }])).toEqual({ ops: [], text: null });
  });
});

describe('refusals', () => {
  it('give back the newest text of every waiting card, in the order written', () => {
    expect(
      unsentTexts([
        { clientId: 'card-aaaaaaaa', text: 'A', tried: true },
        { clientId: 'card-bbbbbbbb', text: 'B' },
        { clientId: 'card-aaaaaaaa', text: 'A2' },
        { clientId: 'card-cccccccc', withdraw: true },
      ]),
    ).toEqual(['A2', 'B']);
  });

  it('name the limit of the round, or the phone’s own limit without one', () => {
    const card: NoteOp = { clientId: 'card-aaaaaaaa', text: 'x' };
    expect(refusal('note-limit', card, 3)).toEqual({ key: 'write.noteLimit', params: { count: 3 } });
    expect(refusal('note-limit', card, null)).toEqual({ key: 'write.noteLimit', params: { count: 50 } });
    expect(refusal('invalid-note', card, 3)).toEqual({ key: 'write.invalidNote', params: { max: 300 } });
    expect(refusal('wrong-round', { clientId: 'card-aaaaaaaa', withdraw: true }, 3)).toEqual({
      key: 'write.withdrawRefused',
      params: { code: 'wrong-round' },
    });
    expect(refusal('bad-request', card, 3).key).toBe('write.noteRefused');
  });
});

describe('myCards', () => {
  const notes = [
    { clientId: 'card-1xxxxxxx', text: 'Gesendet', version: 1, updatedAt: 1 },
    { clientId: 'card-2xxxxxxx', text: 'Auch gesendet', version: 1, updatedAt: 2 },
  ];

  it('shows the laptop’s cards with what is on its way on top, oldest first', () => {
    const cards = myCards(
      notes,
      [
        { clientId: 'card-1xxxxxxx', text: 'Geändert' },
        { clientId: 'card-2xxxxxxx', withdraw: true },
        { clientId: 'card-3xxxxxxx', text: 'Neu' },
      ],
      'unsent',
    );
    expect(cards).toEqual([
      { clientId: 'card-1xxxxxxx', text: 'Geändert', status: 'unsent' },
      { clientId: 'card-3xxxxxxx', text: 'Neu', status: 'unsent' },
    ]);
    expect(cardsLeft(5, cards)).toBe(3);
    expect(cardsLeft(1, cards)).toBe(0);
    expect(cardsLeft(null, cards)).toBeNull();
  });
});

describe('sanitizeOutbox', () => {
  it('reads back what it wrote and refuses damaged data', () => {
    const box = {
      code: 'K7M2QX',
      roundId: 'write-1',
      token: 't',
      participantId: 'p1',
      ops: [{ clientId: 'card-aaaaaaaa', text: 'x', tried: true }],
      state: null,
      savedAt: 5,
    };
    expect(sanitizeOutbox(JSON.parse(JSON.stringify(box)), isWritingState)).toEqual(box);
    expect(sanitizeOutbox({ ...box, ops: [{ clientId: 3 }] }, isWritingState)).toBeNull();
    expect(sanitizeOutbox({ ...box, ops: [{ clientId: 'card-aaaaaaaa' }] }, isWritingState)).toBeNull();
    expect(sanitizeOutbox('nonsense', isWritingState)).toBeNull();
    expect(sanitizeOutbox({ ...box, state: { kind: 'write' } }, isWritingState)!.state).toBeNull();
  });
});
