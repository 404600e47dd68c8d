import { DndContext, DragOverlay, MeasuringStrategy } from '@dnd-kit/core';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MATRIX_LIMITS, moveMatrixColumn, moveMatrixRow, TRAY_KEY } from '../../domain/matrixCommands';
import { DomainError } from '../../domain/errors';
import type { BoardContent, Note } from '../../domain/types';
import { useNoteTrace } from '../trace/useNoteTrace';
import { MatrixCell, MatrixTray } from './MatrixCell';
import { MatrixDialogs, type MatrixDialog } from './MatrixDialogs';
import { LineHeader, type LineAction, type MatrixLine } from './MatrixHeaders';
import { MatrixCardContext, MatrixCardFace } from './MatrixNoteCard';
import { runMatrix, showMatrixError } from './matrixActions';
import { cellKey } from './matrixDnd';
import { useStableGroups } from './stableNotes';
import { useMatrixDnd } from './useMatrixDnd';
import { CardSearch } from '../board/CardSearch';
import './matrix.css';

const MEASURING = { droppable: { strategy: MeasuringStrategy.Always } };

/**
 * A matrix board (e.g. the inventory: departments × maturity, or a SWOT):
 * cards sit in cells of named rows and columns, or in the tray "Noch nicht
 * eingeordnet" until they are placed.
 */
export function MatrixBoard({ content }: { content: BoardContent }) {
  const { t } = useTranslation();
  const { sensors, collisionDetection, items, activeNoteId, handlers, accessibility } = useMatrixDnd(content);
  const trace = useNoteTrace(content.board.workshopId);
  const [dialog, setDialog] = useState<MatrixDialog>({ kind: 'none' });
  const [composerKey, setComposerKey] = useState<string | null>(null);
  const { notesById, groups } = useStableGroups(content.notes, items);
  const activeNote = activeNoteId ? notesById.get(activeNoteId) : undefined;
  const { rows, columns } = content;
  // The board's order, for the search: the tray, then the cells row by row, as shown
  // (a card whose row or column is gone shows in the tray).
  const searchOrder = useMemo(
    () => [
      ...(groups[TRAY_KEY] ?? []),
      ...rows.flatMap((row) => columns.flatMap((column) => groups[cellKey(row.id, column.id)] ?? [])),
    ],
    [groups, rows, columns],
  );
  const placeOf = useCallback(
    (note: Note) => {
      const row = rows.find((r) => r.id === note.rowId);
      const column = columns.find((c) => c.id === note.columnId);
      return row && column
        ? t('cardSearch.inCell', { row: row.title, column: column.title })
        : t('cardSearch.inTray');
    },
    [rows, columns, t],
  );

  // Cards read the latest board through a ref, so a change to one card re-renders only that card.
  const contentRef = useRef(content);
  useLayoutEffect(() => {
    contentRef.current = content;
  });
  const roleDescription = t('dnd.roleDescription');
  const cardContext = useMemo(
    () => ({
      content: contentRef,
      roleDescription,
      openDialog: (d: { kind: 'facts' | 'move'; note: Note }) =>
        setDialog({ kind: d.kind, noteId: d.note.id }),
    }),
    [roleDescription],
  );

  const onLineAction = useCallback((target: MatrixLine, action: LineAction) => {
    const current = contentRef.current;
    if (action === 'rename' || action === 'delete') {
      setDialog({ kind: action, target });
      return;
    }
    const lines = target.kind === 'row' ? current.rows : current.columns;
    const index = lines.findIndex((l) => l.id === target.line.id) + (action === 'earlier' ? -1 : 1);
    void runMatrix(() =>
      target.kind === 'row'
        ? moveMatrixRow(current, target.line.id, index)
        : moveMatrixColumn(current, target.line.id, index),
    );
  }, []);

  function openAdd(kind: 'addRow' | 'addColumn') {
    const full =
      kind === 'addRow' ? rows.length >= MATRIX_LIMITS.rows : columns.length >= MATRIX_LIMITS.columns;
    if (full) {
      const code = kind === 'addRow' ? 'matrix.errors.tooManyRows' : 'matrix.errors.tooManyColumns';
      showMatrixError(
        new DomainError(code, { max: kind === 'addRow' ? MATRIX_LIMITS.rows : MATRIX_LIMITS.columns }),
      );
      return;
    }
    setDialog({ kind });
  }

  const emptyMessage =
    rows.length === 0 && columns.length === 0
      ? t('matrix.emptyBoth')
      : rows.length === 0
        ? t('matrix.emptyRows')
        : columns.length === 0
          ? t('matrix.emptyColumns')
          : null;

  return (
    <section className="board matrix-board" aria-labelledby="board-title">
      <div className="board-toolbar">
        <h2 id="board-title" className="board-title">
          {content.board.title}
        </h2>
        <p className="board-summary">
          {t('matrix.rowCount', { count: rows.length })} ·{' '}
          {t('matrix.columnCount', { count: columns.length })} ·{' '}
          {t('board.noteCount', { count: content.notes.length })}
        </p>
        <CardSearch order={searchOrder} placeOf={placeOf} />
        <button type="button" className="button button-small" onClick={() => openAdd('addRow')}>
          {t('matrix.addRow')}
        </button>
        <button type="button" className="button button-small" onClick={() => openAdd('addColumn')}>
          {t('matrix.addColumn')}
        </button>
      </div>
      <MatrixCardContext.Provider value={cardContext}>
        <DndContext
          sensors={sensors}
          collisionDetection={collisionDetection}
          measuring={MEASURING}
          accessibility={accessibility}
          {...handlers}
        >
          <div className="matrix-layout">
            <MatrixTray
              placeKey={TRAY_KEY}
              notes={groups[TRAY_KEY] ?? EMPTY}
              trace={trace}
              composerOpen={composerKey === TRAY_KEY}
              onComposer={setComposerKey}
            />
            <div className="matrix-main">
              {emptyMessage && <p className="empty matrix-empty">{emptyMessage}</p>}
              {(rows.length > 0 || columns.length > 0) && (
                <div
                  className="matrix-scroll"
                  role="region"
                  aria-label={t('matrix.tableLabel', { title: content.board.title })}
                  tabIndex={0}
                >
                  <table className="matrix">
                    <caption className="visually-hidden">
                      {t('matrix.caption', { title: content.board.title })}
                    </caption>
                    <thead>
                      <tr>
                        <td className="matrix-corner">
                          <span className="visually-hidden">{t('matrix.corner')}</span>
                        </td>
                        {columns.map((column, index) => (
                          <th key={column.id} scope="col" className="matrix-column-header">
                            <LineHeader
                              target={{ kind: 'column', line: column }}
                              index={index}
                              count={columns.length}
                              onAction={onLineAction}
                            />
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row, index) => (
                        <tr key={row.id}>
                          <th scope="row" className="matrix-row-header">
                            <LineHeader
                              target={{ kind: 'row', line: row }}
                              index={index}
                              count={rows.length}
                              onAction={onLineAction}
                            />
                          </th>
                          {columns.map((column) => {
                            const key = cellKey(row.id, column.id);
                            return (
                              <MatrixCell
                                key={key}
                                placeKey={key}
                                rowTitle={row.title}
                                columnTitle={column.title}
                                notes={groups[key] ?? EMPTY}
                                trace={trace}
                                composerOpen={composerKey === key}
                                onComposer={setComposerKey}
                              />
                            );
                          })}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </div>
          </div>
          <DragOverlay>{activeNote ? <MatrixCardFace note={activeNote} /> : null}</DragOverlay>
        </DndContext>
      </MatrixCardContext.Provider>
      <MatrixDialogs content={content} dialog={dialog} onClose={() => setDialog({ kind: 'none' })} />
    </section>
  );
}

const EMPTY: readonly Note[] = [];
