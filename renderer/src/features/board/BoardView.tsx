import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import { addColumn, notesInColumn } from '../../domain/boardCommands';
import type { BoardId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useBoardContent } from '../../persistence/hooks';
import { run } from '../app/commands';
import { titleValidator } from '../app/validators';
import { boardCollisionDetection } from './sensors';
import { CardSearch } from './CardSearch';
import { ColumnView } from './ColumnView';
import { NoteCardFace } from './NoteCard';
import { useNoteDnd } from './useNoteDnd';
import { BoardDialogs, type BoardDialog } from './BoardDialogs';
import { CanvasBoard } from '../canvas/CanvasBoard';
import { ClusterBoard } from '../clusters/ClusterBoard';
import { MatrixBoard } from '../matrix/MatrixBoard';
import { VisionPanel } from '../vision/VisionPanel';
import { WritingFrame } from '../writing/WritingFrame';

export function BoardView({ boardId }: { boardId: BoardId }) {
  const { t } = useTranslation();
  const loaded = useBoardContent(boardId);
  if (loaded === undefined) return <p aria-busy="true">{t('common.loading')}</p>;
  const content = loaded.content;
  if (!content) return <p className="empty">{t('boards.notFound')}</p>;
  switch (content.board.kind) {
    case 'matrix':
      return (
        <WritingFrame content={content}>
          <MatrixBoard content={content} />
        </WritingFrame>
      );
    case 'clusters':
      return (
        <WritingFrame content={content}>
          {content.board.phase === 'vision' && <VisionPanel content={content} />}
          <ClusterBoard content={content} />
        </WritingFrame>
      );
    case 'canvases':
      return <CanvasBoard content={content} />;
    default:
      return (
        <WritingFrame content={content}>
          <BoardCanvas content={content} />
        </WritingFrame>
      );
  }
}

const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

function BoardCanvas({ content }: { content: BoardContent }) {
  const { t } = useTranslation();
  const { sensors, items, activeNoteId, handlers, accessibility } = useNoteDnd(content);
  const [dialog, setDialog] = useState<BoardDialog>({ kind: 'none' });
  const notesById = useMemo(() => new Map(content.notes.map((n) => [n.id, n])), [content.notes]);
  const activeNote = activeNoteId ? notesById.get(activeNoteId) : undefined;
  const columnCount = content.columns.length;
  // The board's order, for the search: column by column.
  const searchOrder = useMemo(
    () => content.columns.flatMap((column) => notesInColumn(content, column.id)),
    [content],
  );
  const placeOf = useCallback(
    (note: Note) =>
      t('cardSearch.inColumn', { title: content.columns.find((c) => c.id === note.columnId)?.title ?? '' }),
    [content.columns, t],
  );

  return (
    <section className="board" aria-labelledby="board-title">
      <div className="board-toolbar">
        <h2 id="board-title" className="board-title">
          {content.board.title}
        </h2>
        <p className="board-summary">
          {t('board.columnCount', { count: columnCount })} ·{' '}
          {t('board.noteCount', { count: content.notes.length })}
        </p>
        <CardSearch order={searchOrder} placeOf={placeOf} />
        <button
          type="button"
          className="button button-small"
          onClick={() => setDialog({ kind: 'addColumn' })}
        >
          {t('columns.add')}
        </button>
      </div>
      <DndContext
        sensors={sensors}
        collisionDetection={boardCollisionDetection}
        measuring={MEASURING}
        accessibility={accessibility}
        {...handlers}
      >
        <ol className="columns" aria-label={t('board.columnsLabel')}>
          {content.columns.map((column, index) => (
            <ColumnView
              key={column.id}
              column={column}
              index={index}
              columnCount={columnCount}
              noteIds={items[column.id] ?? []}
              notesById={notesById}
              content={content}
              onDialog={setDialog}
            />
          ))}
        </ol>
        <DragOverlay>{activeNote ? <NoteCardFace note={activeNote} overlay /> : null}</DragOverlay>
      </DndContext>
      {columnCount === 0 && <p className="empty">{t('columns.none')}</p>}
      <BoardDialogs content={content} dialog={dialog} onClose={() => setDialog({ kind: 'none' })} />
      {dialog.kind === 'addColumn' && (
        <TextPromptDialog
          title={t('columns.addTitle')}
          label={t('fields.columnTitle')}
          submitLabel={t('columns.add')}
          validate={titleValidator('columnTitle', LIMITS.columnTitle)}
          onSubmit={(title) => run(() => addColumn(content, title).changes)}
          onClose={() => setDialog({ kind: 'none' })}
        />
      )}
    </section>
  );
}
