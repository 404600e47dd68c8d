import { describe, expect, it } from 'vitest';
import type { NoteId } from '../../../renderer/src/domain/ids';
import type { Note } from '../../../renderer/src/domain/types';
import { sameNote, stabiliseGroups, stabiliseNotes } from '../../../renderer/src/features/matrix/stableNotes';
import { makeBoard } from '../../domain/fixtures';

/** A fresh read of the same cards, as a live query returns them: equal, but new objects. */
function reread(notes: readonly Note[]): Note[] {
  return notes.map((n) => structuredClone(n));
}

describe('stable cards across live-query reads', () => {
  const { content } = makeBoard({ Ideen: ['A', 'B', 'C'] });
  const [a, b, c] = content.notes as [Note, Note, Note];

  it('tells changed cards from unchanged ones, facts included', () => {
    expect(sameNote(a, structuredClone(a))).toBe(true);
    expect(sameNote(a, { ...a, text: 'A2' })).toBe(false);
    expect(sameNote(a, { ...a, facts: { process: 'x', casesPerYear: null, painPoint: '' } })).toBe(false);
    const withFacts = { ...a, facts: { process: 'x', casesPerYear: 5, painPoint: '' } };
    expect(sameNote(withFacts, structuredClone(withFacts))).toBe(true);
  });

  it('keeps the old object of every unchanged card and the old list of every unchanged place', () => {
    const first = stabiliseNotes(new Map(), content.notes);
    const items = { left: [a.id, b.id], right: [c.id] } as Record<string, NoteId[]>;
    const groups = stabiliseGroups({}, items, first);

    const changed = reread(content.notes).map((n) => (n.id === c.id ? { ...n, text: 'C2' } : n));
    const second = stabiliseNotes(first, changed);
    expect(second.get(a.id)).toBe(first.get(a.id));
    expect(second.get(c.id)).not.toBe(first.get(c.id));
    expect(second.get(c.id)!.text).toBe('C2');

    const regrouped = stabiliseGroups(groups, { ...items }, second);
    expect(regrouped.left).toBe(groups.left);
    expect(regrouped.right).not.toBe(groups.right);

    // A move changes both places' lists.
    const moved = stabiliseGroups(
      regrouped,
      { left: [a.id], right: [b.id, c.id] } as Record<string, NoteId[]>,
      second,
    );
    expect(moved.left!.map((n) => n.text)).toEqual(['A']);
    expect(moved.right!.map((n) => n.text)).toEqual(['B', 'C2']);
  });
});
