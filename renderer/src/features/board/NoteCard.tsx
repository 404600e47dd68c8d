import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteNote, recolorNote } from '../../domain/boardCommands';
import type { ColumnId } from '../../domain/ids';
import { NOTE_COLORS, type BoardContent, type Note, type NoteColor } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { commit, run } from '../app/commands';
import type { BoardDialog } from './BoardDialogs';
import { NoteEditor } from './NoteEditor';
import { Icon } from '../../components/Icon';
import { usePopover } from '../../components/usePopover';
import { shorten } from './useNoteDnd';
import { NoteTraceBadge } from '../trace/TraceBadge';
import { FactsLine } from '../matrix/FactsLine';

interface SortableNoteProps {
  note: Note;
  columnId: ColumnId;
  content: BoardContent;
  onDialog: (dialog: BoardDialog) => void;
}

/** A card on the board: drag it by pointer anywhere, or by keyboard from its handle. */
export const SortableNote = memo(function SortableNote({
  note,
  columnId,
  content,
  onDialog,
}: SortableNoteProps) {
  const { t } = useTranslation();
  const editing = useAppStore((s) => s.editingNoteId === note.id);
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({
      id: note.id,
      data: { type: 'note', columnId },
      disabled: editing,
      attributes: { roleDescription: t('dnd.roleDescription') },
    });
  const style = { transform: CSS.Translate.toString(transform), transition };

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`note note-${note.color}${isDragging ? ' note-placeholder' : ''}`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      data-note-id={note.id}
    >
      <button
        ref={setActivatorNodeRef}
        type="button"
        className="note-handle"
        data-drag-handle
        {...attributes}
        onKeyDown={listeners?.onKeyDown as KeyboardEventHandler | undefined}
        aria-label={t('notes.handle', { note: shorten(note.text, 40) || t('notes.empty') })}
      >
        <Icon name="grip" />
      </button>
      {editing ? <NoteEditor note={note} /> : <NoteText note={note} />}
      <FactsLine facts={note.facts} />
      <NoteTraceBadge workshopId={content.board.workshopId} noteId={note.id} />
      <NoteActions note={note} content={content} onDialog={onDialog} />
    </li>
  );
});

function NoteText({ note }: { note: Note }) {
  const { t } = useTranslation();
  const setEditing = useAppStore((s) => s.setEditingNote);
  return (
    <p className="note-text" onDoubleClick={() => setEditing(note.id)}>
      {note.text || <em className="note-empty">{t('notes.empty')}</em>}
      <span className="visually-hidden">, {t(`colors.${note.color}`)}</span>
    </p>
  );
}

function NoteActions({
  note,
  content,
  onDialog,
}: {
  note: Note;
  content: BoardContent;
  onDialog: (d: BoardDialog) => void;
}) {
  const { t } = useTranslation();
  const setEditing = useAppStore((s) => s.setEditingNote);
  const colors = usePopover();
  const label = shorten(note.text, 30) || t('notes.empty');

  function pickColor(color: NoteColor) {
    colors.close();
    void run(() => recolorNote(content, note.id, color, Date.now()));
  }

  async function remove() {
    const ok = await run(() => deleteNote(content, note.id));
    if (!ok) return;
    useAppStore.getState().showToast({
      tone: 'info',
      message: t('notes.deleted', { note: shorten(note.text, 40) }),
      // Restores this very card, whatever happened since (the undo stack may have moved on).
      action: { label: t('common.undo'), run: () => void commit([{ table: 'notes', after: note }]) },
    });
  }

  return (
    <>
      <div className="note-actions">
        <button
          type="button"
          className="icon-button"
          onClick={() => setEditing(note.id)}
          title={t('notes.edit')}
        >
          <Icon name="edit" />
          <span className="visually-hidden">{t('notes.editNamed', { note: label })}</span>
        </button>
        <button type="button" className="icon-button" {...colors.triggerProps} title={t('notes.color')}>
          <span aria-hidden="true" className={`swatch swatch-${note.color}`} />
          <span className="visually-hidden">{t('notes.colorNamed', { note: label })}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => onDialog({ kind: 'moveNote', note })}
          title={t('notes.move')}
        >
          <Icon name="move" />
          <span className="visually-hidden">{t('notes.moveNamed', { note: label })}</span>
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          onClick={() => void remove()}
          title={t('notes.delete')}
        >
          <Icon name="trash" />
          <span className="visually-hidden">{t('notes.deleteNamed', { note: label })}</span>
        </button>
      </div>
      {colors.open && (
        <div className="color-menu" role="group" aria-label={t('notes.color')} {...colors.panelProps}>
          {NOTE_COLORS.map((color, i) => (
            <button
              key={color}
              type="button"
              className={`color-option swatch-${color}`}
              aria-pressed={note.color === color}
              onClick={() => pickColor(color)}
              autoFocus={i === 0}
            >
              {t(`colors.${color}`)}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

/** What the drag overlay shows: the card without its controls. */
export function NoteCardFace({ note, overlay }: { note: Note; overlay?: boolean }) {
  return (
    <div className={`note note-${note.color}${overlay ? ' note-overlay' : ''}`}>
      <p className="note-text">{note.text}</p>
    </div>
  );
}
