import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import {
  createContext,
  memo,
  useContext,
  useMemo,
  type KeyboardEventHandler,
  type PointerEventHandler,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { deleteNote, recolorNote } from '../../domain/boardCommands';
import type { BoardContent, Note } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { NoteActionBar } from '../board/NoteActionBar';
import { NoteEditor } from '../board/NoteEditor';
import { toastNoteDeleted } from '../board/noteDeleted';
import { shorten } from '../board/useNoteDnd';
import { useIsShownHit } from '../board/cardSearch';
import { useLiftedHandleFocus } from '../a11y/liftedFocus';
import { TraceBadge } from '../trace/TraceBadge';
import type { TraceEntry } from '../trace/useNoteTrace';
import { FactsLine } from './FactsLine';
import { runMatrix } from './matrixActions';
import type { MatrixDropData } from './matrixSensors';

/** What the board gives every card without re-rendering it: the latest content and the dialog opener. */
export interface MatrixCardContext {
  content: { current: BoardContent };
  /** What screen readers call a card while it can be dragged ("verschiebbare Karte"). */
  roleDescription: string;
  openDialog: (dialog: { kind: 'facts' | 'move'; note: Note }) => void;
}

export const MatrixCardContext = createContext<MatrixCardContext | null>(null);

function useCardContext(): MatrixCardContext {
  const context = useContext(MatrixCardContext);
  if (!context) throw new Error('MatrixNoteCard needs a MatrixCardContext');
  return context;
}

interface MatrixNoteCardProps {
  note: Note;
  /** The place key of the cell or tray the card is shown in. */
  placeKey: string;
  trace: readonly TraceEntry[] | undefined;
}

/** A card in a cell or the tray: drag it by pointer anywhere, or by keyboard from its handle. */
export const MatrixNoteCard = memo(function MatrixNoteCard({ note, placeKey, trace }: MatrixNoteCardProps) {
  const { roleDescription } = useCardContext();
  const editing = useAppStore((s) => s.editingNoteId === note.id);
  const data: MatrixDropData = { type: 'note', key: placeKey };
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: note.id, data, disabled: editing, attributes: { roleDescription } });
  const style = { transform: CSS.Translate.toString(transform), transition };
  const handleLabel = useHandleLabel(note.text);
  const shownHit = useIsShownHit(note.id);
  const activatorRef = useLiftedHandleFocus(isDragging, setActivatorNodeRef);

  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`note matrix-note note-${note.color}${isDragging ? ' note-placeholder' : ''}${shownHit ? ' card-search-hit' : ''}`}
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
        aria-label={handleLabel}
      >
        <GripIcon />
      </button>
      <CardBody note={note} editing={editing} trace={trace} />
    </li>
  );
});

/** "Karte verschieben: <text>", worked out only when the text changes (cards re-render during drags). */
function useHandleLabel(text: string): string {
  const { t } = useTranslation();
  return useMemo(() => t('notes.handle', { note: shorten(text, 40) || t('notes.empty') }), [t, text]);
}

// dnd-kit re-renders every sortable card whenever the card under the pointer changes;
// the parts below are memoised so that such a re-render stays a few hooks deep.
const GripIcon = memo(function GripIcon() {
  return <Icon name="grip" />;
});

const CardBody = memo(function CardBody({
  note,
  editing,
  trace,
}: {
  note: Note;
  editing: boolean;
  trace: readonly TraceEntry[] | undefined;
}) {
  return (
    <>
      {editing ? <NoteEditor note={note} /> : <CardText note={note} />}
      <FactsLine facts={note.facts} />
      <TraceBadge entries={trace} noteId={note.id} />
      <CardActions note={note} />
    </>
  );
});

function CardText({ note }: { note: Note }) {
  const { t } = useTranslation();
  const setEditing = useAppStore((s) => s.setEditingNote);
  return (
    <p className="note-text" onDoubleClick={() => setEditing(note.id)}>
      {note.text || <em className="note-empty">{t('notes.empty')}</em>}
      <span className="visually-hidden">, {t(`colors.${note.color}`)}</span>
    </p>
  );
}

function FactsIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M9 6h11M9 12h11M9 18h11M4 6h.01M4 12h.01M4 18h.01" />
    </svg>
  );
}

function CardActions({ note }: { note: Note }) {
  const { t } = useTranslation();
  const { content, openDialog } = useCardContext();
  const setEditing = useAppStore((s) => s.setEditingNote);
  return (
    <NoteActionBar
      note={note}
      onEdit={() => setEditing(note.id)}
      onRecolor={(color) => void runMatrix(() => recolorNote(content.current, note.id, color, Date.now()))}
      onMove={() => openDialog({ kind: 'move', note })}
      onDelete={() =>
        void runMatrix(() => deleteNote(content.current, note.id)).then((ok) => ok && toastNoteDeleted(note))
      }
      extra={(label) => (
        <button
          type="button"
          className="icon-button"
          onClick={() => openDialog({ kind: 'facts', note })}
          title={t('facts.edit')}
        >
          <FactsIcon />
          <span className="visually-hidden">{t('facts.editNamed', { note: label })}</span>
        </button>
      )}
    />
  );
}

/** What the drag overlay shows: the card without its controls. */
export function MatrixCardFace({ note }: { note: Note }) {
  return (
    <div className={`note note-${note.color} note-overlay matrix-note-overlay`}>
      <p className="note-text">{note.text}</p>
      <FactsLine facts={note.facts} />
    </div>
  );
}
