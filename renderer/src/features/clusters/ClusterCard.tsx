import { memo, useCallback, useMemo } from 'react';
import { Icon } from '../../components/Icon';
import type { Note } from '../../domain/types';
import { useAppStore } from '../../state/store';
import { NoteActionBar } from '../board/NoteActionBar';
import { NoteEditor } from '../board/NoteEditor';
import { shorten } from '../board/useNoteDnd';
import { useIsShownHit } from '../board/cardSearch';
import { TraceBadge } from '../trace/TraceBadge';
import type { TraceEntry } from '../trace/useNoteTrace';
import { useCardDrag } from './cardDrag';
import type { CardActions } from './clusterActions';
import { useT } from '../../i18n/useT';

// One element for every card: React skips it when a card's shell re-renders.
const GRIP = <Icon name="grip" />;

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
 * from its handle. It is neither a dnd-kit draggable nor a droppable of its
 * own (see cardDrag.tsx and clusterDnd.ts), so a drag re-renders only the
 * card it moves.
 */
export const ClusterCard = memo(function ClusterCard(props: ClusterCardProps) {
  const { note, hint, dragging } = props;
  const t = useT();
  const editing = useAppStore((s) => s.editingNoteId === note.id);
  const shownHit = useIsShownHit(note.id);
  const roleDescription = useMemo(() => t('clusters.dnd.cardRole'), [t]);
  const handleLabel = useMemo(
    () => t('notes.handle', { note: shorten(note.text, 40) || t('notes.empty') }),
    [t, note.text],
  );
  const drag = useCardDrag();
  const cardRef = useCallback(
    (element: HTMLElement | null) => drag.cardRef(note.id, element),
    [drag, note.id],
  );
  const handleRef = useCallback(
    (element: HTMLElement | null) => drag.handleRef(note.id, element),
    [drag, note.id],
  );
  const classes = [
    'note',
    'cluster-card',
    `note-${note.color}`,
    dragging ? 'note-placeholder' : '',
    hint ? `cluster-card-${hint}` : '',
    shownHit ? 'card-search-hit' : '',
  ].join(' ');

  return (
    <li
      ref={cardRef}
      className={classes.trim()}
      onPointerDown={editing ? undefined : (event) => drag.onPointerDown(event, note.id)}
      data-note-id={note.id}
    >
      <button
        ref={handleRef}
        type="button"
        className="note-handle"
        data-drag-handle
        aria-roledescription={roleDescription}
        aria-describedby={drag.describedBy}
        aria-pressed={dragging ? true : undefined}
        aria-disabled={editing}
        onKeyDown={editing ? undefined : (event) => drag.onKeyDown(event, note.id)}
        aria-label={handleLabel}
      >
        {GRIP}
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
  const t = useT();
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
      <TraceBadge entries={trace} noteId={note.id} />
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
