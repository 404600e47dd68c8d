// Cards added one after another keep their order even when the board shown is not up to date yet.
import { expect, it } from 'vitest';
import { addNote } from '../../../renderer/src/domain/boardCommands';
import { planAdd } from '../../../renderer/src/features/board/addedRanks';
import { applyToContent, columnId, layoutOf, makeBoard } from '../../domain/fixtures';

it('gives each of several cards planned from the same board a rank after the one before', () => {
  const { content } = makeBoard({ Ideen: ['Vorhanden'] });
  const ideas = columnId(content, 'Ideen');
  const add = (text: string) =>
    planAdd(`${content.board.id}:${ideas}`, (rankFloor) =>
      addNote(content, { columnId: ideas, text, now: 1, rankFloor }),
    );
  // All planned from `content`, which shows none of them (the live query has not caught up).
  const changes = [...add('Erste'), ...add('Zweite'), ...add('Dritte')];
  const ranks = changes.map((change) => (change.after as { rank: string }).rank);
  expect(ranks[0]! < ranks[1]! && ranks[1]! < ranks[2]!).toBe(true);
  expect(layoutOf(applyToContent(content, changes))).toEqual({
    Ideen: ['Vorhanden', 'Erste', 'Zweite', 'Dritte'],
  });
});

it('keeps lists apart: the first card of another list has no floor', () => {
  const { content } = makeBoard({ Ideen: [], Fragen: [] });
  const ideas = columnId(content, 'Ideen');
  const questions = columnId(content, 'Fragen');
  planAdd(`${content.board.id}:${ideas}`, (rankFloor) =>
    addNote(content, { columnId: ideas, text: 'A', now: 1, rankFloor }),
  );
  let floor: string | null | undefined;
  planAdd(`${content.board.id}:${questions}`, (rankFloor) => {
    floor = rankFloor;
    return addNote(content, { columnId: questions, text: 'B', now: 1, rankFloor });
  });
  expect(floor).toBeNull();
});
