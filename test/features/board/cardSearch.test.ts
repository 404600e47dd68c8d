import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Note } from '../../../renderer/src/domain/types';
import {
  matchCards,
  setShownHit,
  shownHit,
  useIsShownHit,
} from '../../../renderer/src/features/board/cardSearch';
import { makeBoard } from '../../domain/fixtures';

function cards(): Note[] {
  const { content } = makeBoard({
    Ideen: ['Chatbot für Bürgeranfragen', 'E-Akte   im Bürgeramt', 'Wohngeld digital'],
  });
  const [first, second, third] = content.notes;
  return [
    first!,
    second!,
    {
      ...third!,
      facts: { process: 'Wohngeldantrag', casesPerYear: 12_500, painPoint: 'Doppelte Erfassung' },
    },
  ];
}

afterEach(() => setShownHit(null));

describe('the board search', () => {
  it('finds cards by any part of their text, ignoring case and runs of spaces, in board order', () => {
    const all = cards();
    expect(matchCards(all, 'bürger', 'de').map((n) => n.text)).toEqual([
      'Chatbot für Bürgeranfragen',
      'E-Akte   im Bürgeramt',
    ]);
    expect(matchCards(all, 'akte im', 'de').map((n) => n.text)).toEqual(['E-Akte   im Bürgeramt']);
    expect(matchCards(all, 'Karte', 'de')).toEqual([]);
  });

  it('finds a card by its facts too, and nothing for an empty query', () => {
    const all = cards();
    expect(matchCards(all, 'doppelte erfassung', 'de').map((n) => n.text)).toEqual(['Wohngeld digital']);
    expect(matchCards(all, '   ', 'de')).toEqual([]);
  });

  it('tells each card whether it is the hit shown', () => {
    const [a, b] = cards();
    const isA = renderHook(() => useIsShownHit(a!.id));
    expect(isA.result.current).toBe(false);
    act(() => setShownHit(a!.id));
    expect(isA.result.current).toBe(true);
    act(() => setShownHit(b!.id));
    expect(isA.result.current).toBe(false);
    expect(shownHit()).toBe(b!.id);
  });
});
