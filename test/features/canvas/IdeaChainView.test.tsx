import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { BoardId, ClusterId, IdeaId, WorkshopId } from '../../../renderer/src/domain/ids';
import type { Board, Cluster, Idea } from '../../../renderer/src/domain/types';
import { IdeaChainView } from '../../../renderer/src/features/canvas/IdeaChainView';
import { changeLanguage } from '../../../renderer/src/i18n';

const board = {
  id: 'b1' as BoardId,
  workshopId: 'w1' as WorkshopId,
  title: 'Handlungsschwerpunkte',
} as Board;
const cluster: Cluster = {
  id: 'c1' as ClusterId,
  boardId: board.id,
  title: 'Digitaler Bürgerservice',
  rank: 'a',
  collapsed: false,
  focusAreaAt: 1,
  description: '',
  createdAt: 1,
  updatedAt: 1,
};
const idea = {
  id: 'i1' as IdeaId,
  workshopId: board.workshopId,
  boardId: 'b2' as BoardId,
  focusAreaId: cluster.id,
  title: 'Wohngeld-Assistent',
  sources: [],
} as unknown as Idea;
const data = { boards: [board], notes: [], clusters: [cluster], ideas: [idea], visions: [] };

afterEach(async () => {
  await changeLanguage('de');
});

describe('IdeaChainView', () => {
  it('quotes the focus area and the idea the way the language does', async () => {
    render(<IdeaChainView idea={idea} data={data} />);
    expect(screen.getByRole('link', { name: '„Digitaler Bürgerservice“' })).toBeTruthy();
    await changeLanguage('en');
    expect(await screen.findByRole('link', { name: '“Digitaler Bürgerservice”' })).toBeTruthy();
    expect(screen.getByText('“Wohngeld-Assistent”', { exact: false })).toBeTruthy();
  });
});
