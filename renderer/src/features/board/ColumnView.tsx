import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { moveColumn } from '../../domain/boardCommands';
import type { NoteId } from '../../domain/ids';
import type { BoardContent, Column, Note } from '../../domain/types';
import { run } from '../app/commands';
import type { BoardDialog } from './BoardDialogs';
import { NoteComposer } from './NoteComposer';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import { SortableNote } from './NoteCard';

interface ColumnViewProps {
  column: Column;
  index: number;
  columnCount: number;
  noteIds: NoteId[];
  notesById: Map<NoteId, Note>;
  content: BoardContent;
  onDialog: (dialog: BoardDialog) => void;
}

export const ColumnView = memo(function ColumnView(props: ColumnViewProps) {
  const { column, index, columnCount, noteIds, notesById, content, onDialog } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const { setNodeRef, isOver } = useDroppable({
    id: column.id,
    data: { type: 'column', columnId: column.id },
  });
  const menu = usePopover();
  const act = (action: () => void) => () => {
    menu.close({ refocus: false });
    action();
  };

  return (
    <li
      ref={setNodeRef}
      className={isOver ? 'column column-over' : 'column'}
      aria-labelledby={headingId}
      data-column-id={column.id}
    >
      <div className="column-header">
        <h3 id={headingId} className="column-title">
          {column.title}
        </h3>
        <span className="column-count" aria-label={t('columns.count', { count: noteIds.length })}>
          {noteIds.length}
        </span>
        <button
          type="button"
          className="icon-button"
          {...menu.triggerProps}
          title={t('columns.actionsFor', { title: column.title })}
        >
          <Icon name="more" />
          <span className="visually-hidden">{t('columns.actionsFor', { title: column.title })}</span>
        </button>
      </div>
      {menu.open && (
        <div className="column-menu" {...menu.panelProps}>
          <button
            type="button"
            className="menu-item"
            onClick={act(() => onDialog({ kind: 'renameColumn', column }))}
            autoFocus
          >
            {t('columns.rename')}
          </button>
          <button
            type="button"
            className="menu-item"
            disabled={index === 0}
            onClick={act(() => void run(() => moveColumn(content, column.id, index - 1)))}
          >
            {t('columns.moveLeft')}
          </button>
          <button
            type="button"
            className="menu-item"
            disabled={index === columnCount - 1}
            onClick={act(() => void run(() => moveColumn(content, column.id, index + 1)))}
          >
            {t('columns.moveRight')}
          </button>
          <button
            type="button"
            className="menu-item menu-item-danger"
            onClick={act(() => onDialog({ kind: 'deleteColumn', column }))}
          >
            {t('columns.delete')}
          </button>
        </div>
      )}
      <SortableContext id={column.id} items={noteIds} strategy={verticalListSortingStrategy}>
        <ul className="note-list" aria-label={t('columns.notesOf', { title: column.title })}>
          {noteIds.map((id) => {
            const note = notesById.get(id);
            return note ? (
              <SortableNote key={id} note={note} columnId={column.id} content={content} onDialog={onDialog} />
            ) : null;
          })}
        </ul>
      </SortableContext>
      <NoteComposer content={content} column={column} />
    </li>
  );
});
