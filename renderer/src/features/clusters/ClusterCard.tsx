import { useDraggable, useDroppable } from '@dnd-kit/core';
import { memo, useCallback, useMemo, type KeyboardEventHandler, type PointerEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import type { Note } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { NoteActionBar } from '../board/NoteActionBar';
import { NoteEditor } from '../board/NoteEditor';
import { shorten } from '../board/useNoteDnd';
import { TraceBadge } from '../trace/TraceBadge';
import type { TraceEntry } from '../trace/useNoteTrace';
import type { CardActions } from './clusterActions';

/** How a card shows that a dragged item is over it. */
export type CardHint = 'newCluster' | 'before' | 'after' | null;

interface ClusterCardProps {
  note: Note;
  /** The board the card was copied from, for copies. */
  origin: string | undefined;
  trace: readonly TraceEntry[] | undefined;
  hint: CardHint;
  dragging: boolean;
  actions: CardActions;
}

/**
 * A card of a clusters board: dragged by pointer anywhere on it, by keyboard
 * from its handle; a drop target for other cards. The hooks re-run when dnd-kit's
 * context changes; the card's body is memoised apart, so that stays cheap.
 */
export const ClusterCard = memo(function ClusterCard(props: ClusterCardProps) {
  const { note, hint, dragging } = props;
  const { t } = useTranslation();
  const editing = useAppStore((s) => s.editingNoteId === note.id);
  // dnd-kit re-renders every card when the hovered target changes: translate once per card, not then.
  const roleDescription = useMemo(() => t('clusters.dnd.cardRole'), [t]);
  const handleLabel = useMemo(
    () => t('notes.handle', { note: shorten(note.text, 40) || t('notes.empty') }),
    [t, note.text],
  );
  const {
    attributes,
    listeners,
    setNodeRef: setDragNode,
    setActivatorNodeRef,
  } = useDraggable({
    id: note.id,
    data: { type: 'card', noteId: note.id },
    disabled: editing,
    attributes: { roleDescription },
  });
  const { setNodeRef: setDropNode } = useDroppable({
    id: note.id,
    data: { type: 'card', noteId: note.id, clusterId: note.clusterId },
  });
  const setNodes = useCallback(
    (element: HTMLElement | null) => {
      setDragNode(element);
      setDropNode(element);
    },
    [setDragNode, setDropNode],
  );
  const classes = [
    'note',
    'cluster-card',
    `note-${note.color}`,
    dragging ? 'note-placeholder' : '',
    hint ? `cluster-card-${hint}` : '',
  ].join(' ');

  return (
    <li
      ref={setNodes}
      className={classes.trim()}
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
        aria-label={handleLabel}
      >
        <Icon name="grip" />
      </button>
      <CardBody {...props} editing={editing} />
      {hint === 'newCluster' && (
        <span className="cluster-card-drop-label" aria-hidden="true">
          {t('clusters.dropNewCluster')}
        </span>
      )}
    </li>
  );
});

const CardBody = memo(function CardBody({
  note,
  origin,
  trace,
  editing,
  actions,
}: ClusterCardProps & { editing: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="cluster-card-body">
      {editing ? (
        <NoteEditor note={note} />
      ) : (
        <p className="note-text" onDoubleClick={() => actions.edit(note.id)}>
          {note.text || <em className="note-empty">{t('notes.empty')}</em>}
          <span className="visually-hidden">, {t(`colors.${note.color}`)}</span>
        </p>
      )}
      {note.facts && (
        <dl className="cluster-card-facts">
          {note.facts.process && (
            <div>
              <dt>{t('clusters.factProcess')}</dt>
              <dd>{note.facts.process}</dd>
            </div>
          )}
          {note.facts.casesPerYear !== null && (
            <div>
              <dt>{t('clusters.factCases')}</dt>
              <dd>{t('clusters.factCasesValue', { count: note.facts.casesPerYear })}</dd>
            </div>
          )}
          {note.facts.painPoint && (
            <div>
              <dt>{t('clusters.factPain')}</dt>
              <dd>{note.facts.painPoint}</dd>
            </div>
          )}
        </dl>
      )}
      {note.sourceNoteId && (
        <p className="cluster-card-origin">
          {origin ? t('clusters.copiedFrom', { board: origin }) : t('clusters.copiedFromDeleted')}
        </p>
      )}
      <TraceBadge entries={trace} />
      <CardActionsBar note={note} actions={actions} />
    </div>
  );
});

function CardActionsBar({ note, actions }: { note: Note; actions: CardActions }) {
  return (
    <NoteActionBar
      note={note}
      onEdit={() => actions.edit(note.id)}
      onRecolor={(color) => actions.recolor(note.id, color)}
      onMove={() => actions.move(note.id)}
      onDelete={() => actions.remove(note.id)}
    />
  );
}

/** What the drag overlay shows for a card. */
export function CardFace({ note }: { note: Note }) {
  return (
    <div className={`note note-${note.color} note-overlay cluster-card-overlay`}>
      <p className="note-text">{note.text}</p>
    </div>
  );
}
