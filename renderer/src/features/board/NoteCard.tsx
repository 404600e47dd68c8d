import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { memo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteNote, recolorNote } from '../../domain/boardCommands';
import type { ColumnId } from '../../domain/ids';
import type { BoardContent, Note } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { run } from '../app/commands';
import type { BoardDialog } from './BoardDialogs';
import { NoteActionBar } from './NoteActionBar';
import { NoteEditor } from './NoteEditor';
import { toastNoteDeleted } from './noteDeleted';
import { Icon } from '../../components/Icon';
import { shorten } from './useNoteDnd';
import { useIsShownHit } from './cardSearch';
import { NoteTraceBadge } from '../trace/TraceBadge';
import { FactsLine } from '../matrix/FactsLine';
import { useLiftedHandleFocus } from '../a11y/liftedFocus';

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
  const shownHit = useIsShownHit(note.id);
  const activatorRef = useLiftedHandleFocus(isDragging, setActivatorNodeRef);

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`note note-${note.color}${isDragging ? ' note-placeholder' : ''}${shownHit ? ' card-search-hit' : ''}`}
      onPointerDown={listeners?.onPointerDown as PointerEventHandler | undefined}
      data-note-id={note.id}
    >
      <button
        ref={activatorRef}
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
  const setEditing = useAppStore((s) => s.setEditingNote);
  return (
    <NoteActionBar
      note={note}
      onEdit={() => setEditing(note.id)}
      onRecolor={(color) => void run(() => recolorNote(content, note.id, color, Date.now()))}
      onMove={() => onDialog({ kind: 'moveNote', note })}
      onDelete={() => void run(() => deleteNote(content, note.id)).then((ok) => ok && toastNoteDeleted(note))}
    />
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
