import { DndContext } from '@dnd-kit/core';
import { SortableContext } from '@dnd-kit/sortable';
import { render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { ColumnId } from '../../../renderer/src/domain/ids';
import type { BoardContent, Note } from '../../../renderer/src/domain/types';
import { SortableNote } from '../../../renderer/src/features/board/NoteCard';
import { FactsLine } from '../../../renderer/src/features/matrix/FactsLine';
import { changeLanguage } from '../../../renderer/src/i18n';
import { makeBoard } from '../../domain/fixtures';

function visibleText(element: Element): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return copy.textContent ?? '';
}

afterEach(async () => {
  await changeLanguage('de');
});

describe('FactsLine', () => {
  it('shows the facts compactly, numbers in the UI language, read out as facts', async () => {
    const facts = { process: 'Wohngeldantrag', casesPerYear: 12000, painPoint: 'Medienbrüche' };
    const { container, rerender } = render(<FactsLine facts={facts} />);
    const line = container.querySelector('.note-facts')!;
    expect(visibleText(line)).toBe('Wohngeldantrag · 12.000 Fälle/Jahr · Medienbrüche');
    expect(line.textContent).toMatch(/^Fakten: /);

    rerender(<FactsLine facts={{ process: '', casesPerYear: 1, painPoint: '' }} />);
    expect(visibleText(container.querySelector('.note-facts')!)).toBe('1 Fall/Jahr');

    await changeLanguage('en');
    expect(i18next.language).toBe('en');
    rerender(<FactsLine facts={facts} />);
    expect(visibleText(container.querySelector('.note-facts')!)).toBe(
      'Wohngeldantrag · 12,000 cases/year · Medienbrüche',
    );
  });

  it('shows nothing for a card without facts', () => {
    const { container } = render(<FactsLine facts={{ process: '', casesPerYear: null, painPoint: '' }} />);
    expect(container.innerHTML).toBe('');
  });

  it('appears on a card of a columns board', () => {
    const { content } = makeBoard({ Ideen: ['Wohngeld'] });
    const note: Note = {
      ...content.notes[0]!,
      facts: { process: 'Wohngeldantrag', casesPerYear: 0, painPoint: '' },
    };
    const board: BoardContent = { ...content, notes: [note] };
    render(
      <DndContext>
        <SortableContext items={[note.id]}>
          <ul>
            <SortableNote
              note={note}
              columnId={note.columnId as ColumnId}
              content={board}
              onDialog={() => {}}
            />
          </ul>
        </SortableContext>
      </DndContext>,
    );
    expect(visibleText(screen.getByRole('listitem').querySelector('.note-facts')!)).toBe(
      'Wohngeldantrag · 0 Fälle/Jahr',
    );
  });
});
