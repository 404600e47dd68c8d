// Typing saved a moment after the last key is kept in localStorage at once, so a
// reload in that moment loses nothing: the next start writes it.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { IdeaId, NoteId } from '../../../renderer/src/domain/ids';
import type { Idea, Note } from '../../../renderer/src/domain/types';
import {
  forgetTyping,
  keepTyping,
  keptTyping,
  writeKeptTyping,
} from '../../../renderer/src/features/app/typedKeeper';
import { forgetKeptTextOf } from '../../../renderer/src/features/app/keptText';
import { NoteEditor } from '../../../renderer/src/features/board/NoteEditor';
import { getDb } from '../../../renderer/src/persistence/db';

const NOTE = 'n-kept' as NoteId;
const IDEA = 'i-kept' as IdeaId;

const note = {
  id: NOTE,
  boardId: 'b1',
  columnId: 'c1',
  text: 'Akten digitalisieren',
  rank: 'a0',
  updatedAt: 1,
};
const idea = { id: IDEA, workshopId: 'w1', boardId: 'b2', fields: { effort: '10 PT' }, updatedAt: 1 };

afterEach(async () => {
  await getDb().notes.clear();
  await getDb().ideas.clear();
});

describe('typedKeeper', () => {
  it('forgets only its own keeping: an older save does not forget newer typing', () => {
    const first = keepTyping({ kind: 'noteText', noteId: NOTE, text: 'Akten' });
    const second = keepTyping({ kind: 'noteText', noteId: NOTE, text: 'Akten digital' });
    first.forget();
    expect(keptTyping()).toEqual([{ kind: 'noteText', noteId: NOTE, text: 'Akten digital' }]);
    second.forget();
    expect(keptTyping()).toEqual([]);
  });

  it('lists what is kept in the order it was typed, and drops what it cannot read', () => {
    keepTyping({ kind: 'ideaField', ideaId: IDEA, key: 'effort', value: 20 });
    keepTyping({ kind: 'noteText', noteId: NOTE, text: 'Zweite' });
    localStorage.setItem('moderato.typed.note:broken', '{not json');
    localStorage.setItem(
      'moderato.typed.note:odd',
      JSON.stringify({ version: 0, typing: { kind: 'other' } }),
    );
    expect(keptTyping()).toEqual([
      { kind: 'ideaField', ideaId: IDEA, key: 'effort', value: 20 },
      { kind: 'noteText', noteId: NOTE, text: 'Zweite' },
    ]);
    expect(localStorage.getItem('moderato.typed.note:broken')).toBeNull();
    expect(localStorage.getItem('moderato.typed.note:odd')).toBeNull();
    forgetTyping({ kind: 'noteText', noteId: NOTE });
    forgetTyping({ kind: 'ideaField', ideaId: IDEA, key: 'effort' });
    expect(keptTyping()).toEqual([]);
  });

  it('writes kept typing into its card and idea at the next start, then forgets it', async () => {
    const db = getDb();
    await db.notes.put(note as unknown as Note);
    await db.ideas.put(idea as unknown as Idea);
    keepTyping({ kind: 'noteText', noteId: NOTE, text: 'Akten digitalisieren bis 2027' });
    keepTyping({ kind: 'ideaField', ideaId: IDEA, key: 'effort', value: '20 PT' });
    // A card deleted meanwhile (in another window) takes nothing.
    keepTyping({ kind: 'noteText', noteId: 'n-gone' as NoteId, text: 'Weg' });
    expect(await writeKeptTyping(db)).toBe(2);
    expect((await db.notes.get(NOTE))!.text).toBe('Akten digitalisieren bis 2027');
    expect((await db.ideas.get(IDEA))!.fields).toEqual({ effort: '20 PT' });
    expect(await db.notes.get('n-gone' as NoteId)).toBeUndefined();
    expect(keptTyping()).toEqual([]);
  });
});

describe('writeKeptTyping, guarded', () => {
  it('leaves a card alone that was changed after the typing (in another window)', async () => {
    const db = getDb();
    keepTyping({ kind: 'noteText', noteId: NOTE, text: 'Alt getippt' });
    await db.notes.put({
      ...note,
      text: 'Später anderswo',
      updatedAt: Date.now() + 60_000,
    } as unknown as Note);
    expect(await writeKeptTyping(db)).toBe(0);
    expect((await db.notes.get(NOTE))!.text).toBe('Später anderswo');
    expect(keptTyping()).toEqual([]);
  });
});

describe('forgetKeptTextOf', () => {
  it('removes what was kept for the parts of a workshop deleted for good, and nothing else', () => {
    const [workshop, column, card, entry, other] = [
      '0b7f4c1e-1111-4a2b-9c3d-000000000001',
      '0b7f4c1e-1111-4a2b-9c3d-000000000002',
      '0b7f4c1e-1111-4a2b-9c3d-000000000003',
      '0b7f4c1e-1111-4a2b-9c3d-000000000004',
      '0b7f4c1e-1111-4a2b-9c3d-000000000005',
    ];
    const keys = {
      mine: [
        `moderato.form.participant:new:${workshop}`,
        `moderato.draft.note:${column}`,
        `moderato.draft.note:${column}.pending`,
        `moderato.typed.note:${card}`,
        `moderato.entry.${entry}`,
        `moderato.form.entry.new-action:${workshop}`,
      ],
      others: [`moderato.form.participant:new:${other}`, 'moderato.form.workshop:new', 'moderato.language'],
    };
    for (const key of [...keys.mine, ...keys.others]) localStorage.setItem(key, 'x');
    expect(forgetKeptTextOf(new Set([workshop, column, card, entry]))).toBe(6);
    for (const key of keys.mine) expect(localStorage.getItem(key)).toBeNull();
    for (const key of keys.others) expect(localStorage.getItem(key)).toBe('x');
  });
});

describe('NoteEditor', () => {
  it('keeps each keystroke at once, and forgets it once the pause has saved it', async () => {
    await getDb().notes.put(note as unknown as Note);
    const user = userEvent.setup();
    render(<NoteEditor note={note as unknown as Note} />);
    const field = screen.getByRole('textbox');
    await user.clear(field);
    await user.type(field, 'Neu');
    // Before the save (400 ms after the last key), the text is already safe.
    expect(keptTyping()).toEqual([{ kind: 'noteText', noteId: NOTE, text: 'Neu' }]);
    await waitFor(async () => expect((await getDb().notes.get(NOTE))!.text).toBe('Neu'));
    await waitFor(() => expect(keptTyping()).toEqual([]));
  });

  it('saves what was typed when it goes away before the pause', async () => {
    await getDb().notes.put(note as unknown as Note);
    const user = userEvent.setup();
    const view = render(<NoteEditor note={note as unknown as Note} />);
    const field = screen.getByRole('textbox');
    await user.clear(field);
    await user.type(field, 'Weg vor der Pause');
    act(() => view.unmount());
    await waitFor(async () => expect((await getDb().notes.get(NOTE))!.text).toBe('Weg vor der Pause'));
    await waitFor(() => expect(keptTyping()).toEqual([]));
  });

  it('forgets the typing when Escape takes it back', async () => {
    await getDb().notes.put(note as unknown as Note);
    const user = userEvent.setup();
    render(<NoteEditor note={note as unknown as Note} />);
    const field = screen.getByRole('textbox');
    await user.type(field, ' und mehr');
    // After the pause has saved it: Escape takes the saved typing back too.
    await waitFor(async () =>
      expect((await getDb().notes.get(NOTE))!.text).toBe('Akten digitalisieren und mehr'),
    );
    await user.keyboard('{Escape}');
    expect(keptTyping()).toEqual([]);
    await waitFor(async () => expect((await getDb().notes.get(NOTE))!.text).toBe('Akten digitalisieren'));
  });
});
