import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextPromptDialog } from '../../components/TextPromptDialog';
import type { NoteId } from '../../domain/ids';
import {
  addMatrixColumn,
  addMatrixRow,
  countNotesIn,
  deleteMatrixColumn,
  deleteMatrixRow,
  renameMatrixColumn,
  renameMatrixRow,
} from '../../domain/matrixCommands';
import type { BoardContent } from '../../domain/types';
import { LIMITS } from '../../domain/validation';
import { useAppStore } from '../../state/store';
import { titleValidator } from '../app/validators';
import { FactsDialog } from './FactsDialog';
import type { MatrixLine } from './MatrixHeaders';
import { runMatrix } from './matrixActions';
import { MoveMatrixNoteDialog } from './MoveMatrixNoteDialog';

export type MatrixDialog =
  | { kind: 'none' }
  | { kind: 'addRow' }
  | { kind: 'addColumn' }
  | { kind: 'rename'; target: MatrixLine }
  | { kind: 'delete'; target: MatrixLine }
  | { kind: 'facts'; noteId: NoteId }
  | { kind: 'move'; noteId: NoteId };

interface MatrixDialogsProps {
  content: BoardContent;
  dialog: MatrixDialog;
  onClose: () => void;
}

export function MatrixDialogs({ content, dialog, onClose }: MatrixDialogsProps) {
  const { t } = useTranslation();
  const announce = (text: string) => useAppStore.getState().announce(text);
  switch (dialog.kind) {
    case 'addRow':
      return (
        <TextPromptDialog
          title={t('matrix.addRowTitle')}
          label={t('matrix.rowTitle')}
          submitLabel={t('matrix.addRow')}
          validate={titleValidator('title', LIMITS.rowTitle)}
          onSubmit={async (title) => {
            const ok = await runMatrix(() => addMatrixRow(content, title).changes);
            if (ok) announce(t('matrix.rowAdded', { title: title.trim() }));
            return ok;
          }}
          onClose={onClose}
        />
      );
    case 'addColumn':
      return (
        <TextPromptDialog
          title={t('matrix.addColumnTitle')}
          label={t('matrix.columnTitle')}
          submitLabel={t('matrix.addColumn')}
          validate={titleValidator('title', LIMITS.columnTitle)}
          onSubmit={async (title) => {
            const ok = await runMatrix(() => addMatrixColumn(content, title).changes);
            if (ok) announce(t('matrix.columnAdded', { title: title.trim() }));
            return ok;
          }}
          onClose={onClose}
        />
      );
    case 'rename': {
      const { target } = dialog;
      const isRow = target.kind === 'row';
      return (
        <TextPromptDialog
          title={t(isRow ? 'matrix.renameRowTitle' : 'matrix.renameColumnTitle')}
          label={t(isRow ? 'matrix.rowTitle' : 'matrix.columnTitle')}
          initial={target.line.title}
          submitLabel={t('common.save')}
          validate={titleValidator('title', isRow ? LIMITS.rowTitle : LIMITS.columnTitle)}
          onSubmit={(title) =>
            runMatrix(() =>
              target.kind === 'row'
                ? renameMatrixRow(content, target.line.id, title)
                : renameMatrixColumn(content, target.line.id, title),
            )
          }
          onClose={onClose}
        />
      );
    }
    case 'delete': {
      const { target } = dialog;
      const isRow = target.kind === 'row';
      const count = countNotesIn(
        content,
        target.kind === 'row' ? { rowId: target.line.id } : { columnId: target.line.id },
      );
      return (
        <ConfirmDialog
          title={t(isRow ? 'matrix.deleteRowTitle' : 'matrix.deleteColumnTitle', {
            title: target.line.title,
          })}
          message={count > 0 ? t('matrix.deleteHasNotes', { count }) : t('matrix.deleteEmpty')}
          confirmLabel={t(isRow ? 'matrix.deleteRow' : 'matrix.deleteColumn')}
          danger
          onCancel={onClose}
          onConfirm={async () => {
            const now = Date.now();
            const ok = await runMatrix(() =>
              target.kind === 'row'
                ? deleteMatrixRow(content, target.line.id, now)
                : deleteMatrixColumn(content, target.line.id, now),
            );
            if (!ok) return;
            announce(
              t(isRow ? 'matrix.rowDeleted' : 'matrix.columnDeleted', { title: target.line.title, count }),
            );
            onClose();
          }}
        />
      );
    }
    case 'facts': {
      const note = content.notes.find((n) => n.id === dialog.noteId);
      return note ? <FactsDialog key={note.id} note={note} onClose={onClose} /> : null;
    }
    case 'move': {
      const note = content.notes.find((n) => n.id === dialog.noteId);
      return note ? <MoveMatrixNoteDialog content={content} note={note} onClose={onClose} /> : null;
    }
    default:
      return null;
  }
}
